"""A plugin the provider compiler generated carries its runtime and a config.py of plain literals:
read them (ast.literal_eval, never import) for what its YAML does not say (protocol, base URL,
endpoints, the fields that pick a URL)."""

from __future__ import annotations

import ast
from decimal import Decimal
from typing import Any

from compiler import spec as s
from compiler.lower.parameters import TEMPLATE_TYPES, of_type
from compiler.sources.archive import Source
from compiler.sources.plugin_models import PER_BY_UNIT as PER_NAMES
from compiler.sources.plugin_models import per_of, spec_model
from compiler.tables import PROTOCOLS

CONFIG = "models/runtime/config.py"
MARK = "by the provider compiler"
# MODEL_SETTINGS keys that are the model's spec field of the same name, written as they are.
SETTING_FIELDS = ("protocol", "invoke_body", "dimensions", "encoding", "body", "stream", "system_messages")
SETTING_FIELDS += ("never_send", "send_stop", "output_modalities", "language", "prompt", "endpoint")


def is_generated(source: Source) -> bool:
    return CONFIG in source.files and MARK in source.files.get("manifest.yaml", b"").decode("utf-8", "replace")


def read_config(source: Source) -> dict[str, Any]:
    """Every top-level `NAME = <literal>` of the runtime config; anything else is skipped."""
    tree = ast.parse(source.text(CONFIG), filename=CONFIG)
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, SyntaxError, TypeError, RecursionError):
                continue
    return out


def api_of(config: dict[str, Any]) -> dict[str, Any]:
    """The spec's api section as far as the config says it, beyond the protocol's defaults."""
    protocol = PROTOCOLS.get(str(config.get("PROTOCOL")), PROTOCOLS["openai_chat"])
    api: dict[str, Any] = {}
    if protocol.name != "openai_chat":
        api["protocol"] = protocol.name
    api["base_url"] = str(config.get("BASE_URL"))
    endpoints = config.get("ENDPOINTS") or {}
    changed = {k: endpoints.get(k) for k in protocol.endpoints if endpoints.get(k) != protocol.endpoints[k]}
    if changed:
        api["endpoints"] = changed
    auth = tuple(config.get("AUTH") or ())
    if auth and auth != default_auth(protocol.auth):
        api["auth"] = auth_of(auth)
    for key, name, default in (("SEND_USER", "send_user", True), ("STREAM_USAGE", "stream_usage", True)):
        if config.get(key, default) != default:
            api[name] = config[key]
    messages = {k: v for k, v in (config.get("MESSAGES") or {}).items() if v}
    if messages:
        api["messages"] = messages
    if config.get("NATIVE"):
        api["native_path"] = config["NATIVE"][0]
    for key, name in (("MODEL_PREFIXES", "prefixes"), ("HOSTS", "hosts"), ("BODY", "body")):
        if config.get(key):
            api[name] = dict(config[key])
    embeddings = embeddings_of(config.get("EMBEDDING") or {})
    if embeddings:
        api["embeddings"] = embeddings
    rerank = rerank_of(config.get("RERANK") or {})
    if rerank:
        api["rerank"] = rerank
    speech = speech_of(config.get("SPEECH") or {})
    if speech:
        api["speech"] = speech
    if config.get("PROFILES"):
        api["profiles"] = {wire: list(prefixes) for wire, prefixes in config["PROFILES"].items()}
    protocols = {name: protocol_api(name, entry, config) for name, entry in (config.get("PROTOCOLS") or {}).items()}
    if any(protocols.values()):
        api["protocols"] = {name: entry for name, entry in protocols.items() if entry}
    return api


def embeddings_of(shape: dict[str, Any]) -> dict[str, Any]:
    """api.embeddings from config.EMBEDDING: the keys that differ from OpenAI's call, paths dotted."""
    tokens = [".".join(path) for path in shape.get("tokens") or ()]
    return written_over(shape, s.Embeddings, results=".".join(shape.get("results") or ()), tokens=tokens or None)


def rerank_of(shape: dict[str, Any]) -> dict[str, Any]:
    """api.rerank from config.RERANK: the keys that differ from the default call, the path dotted."""
    return written_over(shape, s.Rerank, results=".".join(shape.get("results") or ()))


def speech_of(shape: dict[str, Any]) -> dict[str, Any]:
    """api.speech from config.SPEECH: the keys that differ from OpenAI's call, the audio path dotted."""
    return written_over(shape, s.Speech, audio=".".join(shape["audio"]) if shape.get("audio") else None)


def written_over(shape: dict[str, Any], call: type[s.Strict], **dotted: Any) -> dict[str, Any]:
    """A call's keys as a spec writes them (`dotted`: the paths config holds as tuples) where they differ
    from `call`'s defaults; none where the config has no such call."""
    if not shape:
        return {}
    defaults = call().model_dump()
    return {key: value for key, value in (shape | dotted).items() if key in defaults and value != defaults[key]}


def protocol_api(name: str, entry: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    """api.protocols.<name> as far as its config entry differs from what lowering makes of that
    protocol's defaults: endpoints, auth, headers over its own and api.headers, base URL, body."""
    protocol, out = PROTOCOLS[name], {}
    if entry.get("base_url"):
        out["base_url"] = entry["base_url"]
    auth = tuple(entry.get("auth") or ())
    if auth and auth != default_auth(protocol.auth):
        out["auth"] = auth_of(auth)
    inherited = protocol.headers | dict(config.get("STATIC_HEADERS") or {})
    headers = {k: v for k, v in (entry.get("headers") or {}).items() if inherited.get(k) != v}
    if headers:
        out["headers"] = headers
    if entry.get("body"):
        out["body"] = dict(entry["body"])
    endpoints = entry.get("endpoints") or {}
    changed = {k: v for k, v in endpoints.items() if k == "stream" or v != protocol.endpoints.get(k)}
    if changed:
        out["endpoints"] = changed
    return out


def default_auth(auth: tuple[str, str | None, str]) -> tuple:
    """How the config writes a protocol's default auth (bearer is the Authorization header)."""
    return ("header", "Authorization", "Bearer ") if auth[0] == "bearer" else auth


def auth_of(auth: tuple) -> dict[str, Any]:
    scheme, name, prefix = auth
    if (scheme, name, prefix) == ("header", "Authorization", "Bearer "):
        return {"scheme": "bearer"}
    out: dict[str, Any] = {"scheme": scheme}
    if name:
        out["name"] = name
    if prefix:
        out["prefix"] = prefix
    return out


def apply_bases(data: dict[str, Any], config: dict[str, Any], source: Source) -> None:
    """customizable.base_models from the config's table (CUSTOMIZABLE["bases"]), and the form's select
    of one as customizable.base_model rather than a credential."""
    custom, table = data.get("customizable"), (config.get("CUSTOMIZABLE") or {})
    if custom is None or not table.get("bases"):
        return
    variable, extra = table["base_variable"], data.get("credentials", {}).get("extra", [])
    field = next((f for f in extra if f["variable"] == variable), {"label": variable})
    if field in extra:
        extra.remove(field)
    custom["base_model"] = {"variable": variable, "label": field["label"]}
    custom["base_model"] |= {"placeholder": field["placeholder"]} if field.get("placeholder") else {}
    custom["base_models"] = []
    for name, entry in table["bases"].items():
        model = spec_model(source, f"config.py: {name}", entry["schema"], entry["type"], [])
        protocol = (entry.get("settings") or {}).get("protocol")
        custom["base_models"].append(model | ({"protocol": protocol} if protocol else {}))


def spec_value(value: Any) -> Any:
    """A config literal as spec data: tuples (the config's lists) as lists."""
    return list(value) if isinstance(value, tuple) else value


def with_record(rule: Any, records: dict[str, dict], overrides: dict[str, dict]) -> Any:
    """A rule with what its config.PARAMETERS record (and the model's overrides) says about sending it
    the body key it goes to (where no protocol maps it), the built-in tool, the protocol setting it steers, how its text is read, the
    headers and fixed fields it brings, its omissions and value map (this model's, or the record's
    entries for its options)."""
    name = rule if isinstance(rule, str) else rule.get("name") or rule.get("template")
    record = (records.get(name) or {}) | (overrides.get(name) or {})
    extra: dict[str, Any] = {}
    if record.get("key") not in (None, name) and not record.get("keys"):
        extra["send_as"] = record["key"]
    for field, spec_field in (("tool", "adds_tool"), ("control", "controls"), ("parse", "parse"), ("body", "body")):
        if record.get(field):
            extra[spec_field] = record[field]
    if record.get("headers"):
        extra["headers"] = dict(record["headers"])
    if record.get("omit_when"):
        extra["omit_when"] = {other: value for other, value, _default in record["omit_when"]}
    values = {picked: sent for picked, sent in record.get("values") or () if can_pick(rule, picked)}
    if values:
        extra["values"] = values
    if not extra:
        return rule
    return ({"template": rule} if isinstance(rule, str) else rule) | extra


def can_pick(rule: Any, value: Any) -> bool:
    """Whether a user can pick `value` in this rule (the record's value map joins every model's rule of
    the name, whose types and options may differ)."""
    own = {} if isinstance(rule, str) else rule
    template = rule if isinstance(rule, str) else rule.get("template")
    options = own.get("options")
    return of_type(own.get("type") or TEMPLATE_TYPES.get(template), value) and (options is None or value in options)


def apply_config(data: dict[str, Any], models: list[dict], config: dict[str, Any]) -> None:
    """The newer settings a generated config holds (only where the spec language has them): each
    model's api_id and request settings, the base-URL rewrite, and the unit of the prices users enter."""
    settings, kinds = config.get("MODEL_SETTINGS") or {}, config.get("KIND_SETTINGS") or {}
    for model in models:  # a model MODEL_SETTINGS does not list has its kind's settings
        name = model["name"]
        own = settings[name] if name in settings else kinds.get(model.get("type", "llm"), {})
        if own.get("api_id"):
            rest = {k: v for k, v in model.items() if k != "name"}
            model.clear()
            model.update({"name": name, "api_id": own["api_id"]} | rest)
        model.update({key: spec_value(own[key]) for key in SETTING_FIELDS if key in own})
        if own.get("input_type"):
            model["input_type"] = dict(zip(("send_as", "query", "document"), own["input_type"]))
        for key, field, written in (("embedding", "embeddings", embeddings_of), ("rerank", "rerank", rerank_of)):
            if own.get(key):
                model[field] = written(own[key])
        if model.get("parameters"):
            records, overrides = config.get("PARAMETERS") or {}, own.get("parameters") or {}
            model["parameters"] = [with_record(r, records, overrides) for r in model["parameters"]]
    rewrite = config.get("BASE_URL_REWRITE")
    if rewrite and "base_url" in data.get("credentials", {}):
        data["credentials"]["base_url"]["rewrite"] = {rewrite[0]: rewrite[1]}
    custom = data.get("customizable")
    unit = (config.get("CUSTOMIZABLE") or {}).get("pricing", (None, None))[1]
    if custom is not None and (config.get("CUSTOMIZABLE") or {}).get("types"):
        custom["types"] = list(config["CUSTOMIZABLE"]["types"])  # the YAML only says which kinds exist
    if custom is not None and unit is not None:
        per = PER_NAMES.get(Decimal(unit)) or per_of(Decimal(unit))
        custom.pop("per", None)
        if per not in (None, "million"):
            custom["per"] = per
