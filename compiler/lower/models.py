"""Models: defaults merged per kind, parameter rules, prices and the wire table of parameters."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from compiler import spec as s
from compiler.lower.api import LIMITS, REQUIRED_ENDPOINTS, check_fixed_body, check_header
from compiler.lower.diagnostics import Lowering, check_unique
from compiler.lower.identity import i18n
from compiler.model import ApiInfo, ModelInfo, ParameterRule, Price
from compiler.tables import KIND_BY_NAME, PROTOCOLS, Protocol

# A model id that is itself a file name safe on every OS is its YAML's name (how specs before free ids
# were written); any other id gets a readable slug and a hash of the id.
SAFE_FILE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
MODEL_ID_MAX = 256

SEND_AS_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$")

PRICE_UNITS = {"token": Decimal("1"), "thousand": Decimal("0.001"), "million": Decimal("0.000001")}

ENCODINGS = {"response_format": "response_format", "json_schema": "json_schema"}
RESPONSE_FORMAT_HELP = {
    "en_US": "The form of the answer: text, or JSON the model must produce (json_schema: as the JSON Schema "
    "parameter describes).",
    "zh_Hans": "回答的形式：文本，或模型必须输出的 JSON（json_schema：按 JSON Schema 参数的描述）。",
}
# Each Dify template's value type: a rule named like a template means that template's value, so it
# gets that template's wire encoding, and a different type is an error (never a silent change).
TEMPLATE_TYPES = {
    "temperature": "float",
    "top_p": "float",
    "top_k": "int",
    "presence_penalty": "float",
    "frequency_penalty": "float",
    "max_tokens": "int",
    "response_format": "string",
    "json_schema": "text",
}


DEFAULT_MAX_TOKENS = 4096

RULE_KEY_ORDER = ["label", "type", "help", "required", "default", "min", "max", "precision", "options"]


def merged(spec: s.Spec, model: s.Model) -> s.ModelFields:
    """Model fields over the defaults for its type (a model's value wins, lists included)."""
    base = spec.defaults.of(model.type)
    own = {k: getattr(model, k) for k in model.model_fields_set & set(s.ModelFields.model_fields)}
    if base.pricing and model.pricing:
        own["pricing"] = base.pricing.model_copy(update=model.pricing.model_dump(exclude_unset=True))
    return base.model_copy(update=own)


# Model fields any kind may set; every other field belongs to the kinds whose `fields` name it.
SHARED_FIELDS = frozenset(("pricing", "body"))
KIND_FIELDS = frozenset(s.ModelFields.model_fields) - SHARED_FIELDS

DEFAULT_EXTENSIONS = ("mp3", "mp4", "mpeg", "mpga", "m4a", "wav", "webm")
EXTENSION_RE = re.compile(r"^[a-z0-9]{1,10}$")
# What the runtime and the Dify schema use when a spec leaves a kind's setting out.
KIND_DEFAULTS = {"file_upload_limit": 25, "audio_type": "mp3", "word_limit": 4096, "max_characters_per_chunk": 2000}


def kinds_reading(field: str) -> str:
    return "/".join(kind.name for kind in KIND_BY_NAME.values() if field in kind.fields)


def lower_model(lw: Lowering, spec: s.Spec, api: ApiInfo, index: int) -> ModelInfo:
    model = spec.models[index]
    kind = KIND_BY_NAME[model.type]
    fields = merged(spec, model)
    loc = ("models", index)
    check_model_id(lw, loc + ("name",), model.name)

    def written(field: str) -> tuple:
        """Where a merged field was set: on the model, or in its type's defaults."""
        return loc + (field,) if field in model.model_fields_set else ("defaults", model.type, field)

    for name in sorted(KIND_FIELDS - kind.fields):
        if getattr(fields, name) is not None:
            lw.error(written(name), f"only {kinds_reading(name)} models have {name}, not {kind.name} models")
    check_fixed_body(lw, written("body"), fields.body)
    for name in kind.required:
        lw.check(getattr(fields, name) is not None, loc, f"{name} is required (here or in defaults)")
    protocol = PROTOCOLS[api.protocol]
    if kind.endpoint not in protocol.endpoints:
        lw.error(loc + ("type",), f"protocol {protocol.name} has no {kind.name} models")
    elif kind.endpoint not in REQUIRED_ENDPOINTS:  # else already reported once, at the endpoint
        lw.check(api.endpoints[kind.endpoint] is not None, loc + ("type",), f"api.endpoints.{kind.endpoint} is null")
    if fields.mode == "completion":
        lw.check(api.endpoints["completions"] is not None, loc + ("mode",), "api.endpoints.completions is null")
        calls = sorted(set(fields.features or ()) & {"tool-call", "multi-tool-call", "stream-tool-call"})
        lw.check(not calls, loc + ("features",), f"a completion-mode model takes no tools: {', '.join(calls)}")
    rules = expand_sets(lw, spec, written("parameters"), fields.parameters or []) if kind.llm_fields else []
    parameters = tuple(lower_parameter(lw, at, p, fields.max_output_tokens, protocol) for at, p in rules)
    check_unique(lw, [(at, p.name) for (at, _), p in zip(rules, parameters)], "parameter")
    check_omissions(lw, [at for at, _ in rules], parameters)
    for (at, _), rule in zip(rules, parameters):
        lw.check(api_format(rule, protocol), at, f"protocol {protocol.name} has no response_format: {NO_FORMAT}")
    declared = {p.name for p in parameters}
    for i, name in enumerate(fields.never_send or ()):
        message = f"{name!r} is not a parameter of this model, so it is never sent anyway"
        lw.check(name in declared, written("never_send") + (i,), message)
    limit = LIMITS["parameters"]
    lw.check(len(parameters) <= limit, loc + ("parameters",), f"Dify allows at most {limit} parameter rules")
    return ModelInfo(
        name=model.name,
        label=i18n(model.label or model.name),
        type=model.type,
        mode=fields.mode or "chat",
        context_size=fields.context_size or 0,
        max_output_tokens=fields.max_output_tokens,
        max_chunks=fields.max_chunks or 1,
        features=tuple(dict.fromkeys(fields.features or [])) if kind.llm_fields else (),
        parameters=parameters,
        pricing=lower_pricing(lw, loc, fields.pricing, kind.llm_fields),
        deprecated=model.deprecated,
        properties=properties(lw, loc, kind.name, fields),
        settings=settings(fields) | omissions(parameters) | required_max_tokens(protocol, fields, kind.llm_fields),
    )


NO_FORMAT = "only Dify's JSON and XML options, which are asked for in the prompt, and a json_schema rule"


def api_format(rule: ParameterRule, protocol: Protocol) -> bool:
    """Whether the protocol can ask its API for the format a rule asks for (json_object: only with a
    response_format field; a json_schema rule: Anthropic's structured outputs too)."""
    if rule.encoding == "json_schema":
        return protocol.json_schema
    options = set(rule.overrides.get("options") or ("JSON", "XML"))  # type: ignore[arg-type]
    return protocol.response_format or rule.encoding != "response_format" or options <= {"JSON", "XML"}


def required_max_tokens(protocol: Protocol, fields: s.ModelFields, llm: bool) -> dict[str, object]:
    """A protocol whose requests always state max_tokens takes the model's own limit when the user
    sets none."""
    if not (protocol.max_tokens_required and llm and fields.max_output_tokens):
        return {}
    return {"max_output_tokens": fields.max_output_tokens}


def properties(lw: Lowering, loc: tuple, kind: str, f: s.ModelFields) -> dict[str, object]:
    """Dify's model_properties of a model of `kind` (llm and text-embedding: their templates')."""
    if kind == "rerank":
        return {"context_size": f.context_size}
    if kind == "moderation":
        chars = f.max_characters_per_chunk or KIND_DEFAULTS["max_characters_per_chunk"]
        return {"max_chunks": f.max_chunks or 32, "max_characters_per_chunk": chars}
    if kind == "speech2text":
        extensions = f.supported_file_extensions or list(DEFAULT_EXTENSIONS)
        for i, ext in enumerate(extensions):
            ok = bool(EXTENSION_RE.match(ext))
            lw.check(
                ok,
                loc + ("supported_file_extensions", i),
                f"must be an extension like mp3 (lowercase, no dot), got {ext!r}",
            )
        limit = f.file_upload_limit or KIND_DEFAULTS["file_upload_limit"]
        return {"file_upload_limit": limit, "supported_file_extensions": ",".join(extensions)}
    if kind == "tts":  # a user-added tts model has no voices yet: its user names them
        ids = [voice.id for voice in f.voices or ()]
        out: dict[str, object] = {}
        if ids:
            check_unique(lw, [(loc + ("voices", i, "id"), v) for i, v in enumerate(ids)], "voice id")
            default = f.default_voice or ids[0]
            message = f"{default!r} is not one of the voices: {', '.join(ids)}"
            lw.check(default in ids, loc + ("default_voice",), message)
            out["default_voice"] = default
        out["voices"] = [{"mode": v.id, "name": v.name or v.id, "language": v.languages} for v in f.voices or ()]
        out["word_limit"] = f.word_limit or KIND_DEFAULTS["word_limit"]
        out["audio_type"] = f.audio_type or KIND_DEFAULTS["audio_type"]
        return out | ({"max_workers": f.max_workers} if f.max_workers else {})
    return {}


def omissions(rules: tuple[ParameterRule, ...]) -> dict[str, object]:
    """{"omit_when": parameter -> ((other parameter, value, the other's default), ...)} when a
    rule has omit_when: a host that leaves the other parameter out means its default."""
    defaults = {rule.name: rule.overrides.get("default") for rule in rules}
    found = {
        rule.name: tuple((other, value, defaults.get(other)) for other, value in rule.omit_when)
        for rule in rules
        if rule.omit_when
    }
    return {"omit_when": found} if found else {}


def settings(f: s.ModelFields) -> dict[str, object]:
    """The runtime's per-model request settings (config.MODEL_SETTINGS): only what the spec sets."""
    out: dict[str, object] = {}
    if f.dimensions:
        out["dimensions"] = f.dimensions
    if f.input_type:
        out["input_type"] = (f.input_type.send_as, f.input_type.query, f.input_type.document)
    if f.encoding == "base64":
        out["encoding"] = "base64"
    if f.language:
        out["language"] = f.language
    if f.prompt:
        out["prompt"] = f.prompt
    if f.body:
        out["body"] = dict(f.body)
    if f.mode == "completion":
        out["mode"] = "completion"
    if f.send_stop is False:
        out["send_stop"] = False
    if f.never_send:
        out["never_send"] = tuple(f.never_send)
    if f.stream is False:
        out["stream"] = False
    if f.system_messages and f.system_messages != "keep":
        out["system_messages"] = f.system_messages
    return out


def lower_pricing(lw: Lowering, loc: tuple, pricing: s.Pricing | None, priced_output: bool) -> Price | None:
    """A model's prices; None (free) when it has none, including when it only inherits `per` and
    `currency` from the defaults."""
    if pricing is None or (pricing.input is None and pricing.output is None):
        return None
    lw.check(pricing.input is not None, loc + ("pricing",), "pricing needs an input price (here or in defaults)")
    if priced_output:
        lw.check(pricing.output is not None, loc + ("pricing",), "llm pricing needs an output price")
    return Price(
        input=_decimal(pricing.input or Decimal(0)),
        output=_decimal(pricing.output) if pricing.output is not None and priced_output else None,
        unit=_decimal(PRICE_UNITS[pricing.per or "million"]),
        currency=pricing.currency or "USD",
    )


def _decimal(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def lower_parameter(
    lw: Lowering, loc: tuple, p: s.Parameter, max_output: int | None, protocol: Protocol
) -> ParameterRule:
    name = p.name or p.template
    if name is None:
        lw.error(loc, "a parameter needs a template or a name")
        name = "?"
    if p.template is None and p.type is None:
        lw.error(loc + ("type",), "a custom parameter (no template) needs a type")
    overrides = {
        k: v
        for k, v in p.model_dump(
            exclude={
                "use",
                "template",
                "name",
                "send_as",
                "values",
                "omit_when",
                "parse",
                "adds_tool",
                "headers",
                "body",
                "controls",
            },
            exclude_none=True,
        ).items()
    }
    for key in ("label", "help"):
        if key in overrides:
            overrides[key] = i18n(overrides[key])
    options = set(p.options or ())
    if p.template == "response_format" and options and not options & {"JSON", "XML"} and "help" not in overrides:
        # The template's help speaks of Dify's code-block modes, which these options are not.
        overrides["help"] = RESPONSE_FORMAT_HELP
    if p.template == "max_tokens":
        top = overrides.get("max", max_output)
        overrides.setdefault("min", 1)
        if top is not None:
            overrides["max"] = top
            overrides.setdefault("default", min(DEFAULT_MAX_TOKENS, top))
    check_parameter_bounds(lw, loc, overrides)
    if p.send_as is not None:
        ok = bool(SEND_AS_RE.match(p.send_as))
        lw.check(
            ok,
            loc + ("send_as",),
            f"must be a body key like `max_completion_tokens` or `thinking.type`, got {p.send_as!r}",
        )
    if p.type == "string" and p.template is None:
        lw.check(bool(p.options), loc + ("options",), "a string parameter needs options (Dify shows it as a select)")
    meant = p.template or (name if name in TEMPLATE_TYPES else None)
    if p.adds_tool is not None:
        lw.check(p.type == "boolean" and meant is None, loc + ("adds_tool",), "only a boolean parameter adds a tool")
        check_builtin_tool(lw, loc + ("adds_tool",), p.adds_tool, protocol)
        lw.check(
            not p.values and not p.send_as, loc + ("adds_tool",), "a parameter that adds a tool is not sent itself"
        )
    for header, value in (p.headers or {}).items():
        check_header(lw, loc + ("headers", header), header, value)
    check_fixed_body(lw, loc + ("body",), p.body)
    if p.controls is not None:
        check_control(lw, loc, p, protocol, meant)
    if p.parse == "json":
        ok = p.type == "text" and meant is None
        lw.check(ok, loc + ("parse",), "only a text parameter that is not a Dify template holds JSON")
    if meant and p.template is None and p.type is not None and p.type != TEMPLATE_TYPES[meant]:
        lw.error(
            loc + ("type",),
            f"{name} is a Dify template name, whose values are {TEMPLATE_TYPES[meant]}: use `template: {name}`"
            f" with that type, or another name for a different parameter",
        )
    return ParameterRule(
        name=name,
        template=p.template,
        send_as=p.controls or p.send_as or name,
        encoding=encoding_of(p, meant),
        overrides=dict(sorted(overrides.items(), key=lambda kv: RULE_KEY_ORDER.index(kv[0]))),
        values=lower_values(lw, loc + ("values",), p, TEMPLATE_TYPES.get(meant or "") or p.type),
        omit_when=tuple((p.omit_when or {}).items()),
        adds_tool=dict(p.adds_tool) if p.adds_tool else None,
        headers=tuple((p.headers or {}).items()),
        body=dict(p.body) if p.body else None,
    )


def check_builtin_tool(lw: Lowering, loc: tuple, tool: dict[str, object], protocol: Protocol) -> None:
    """A built-in tool names itself the protocol's way, and not as the host's function tools."""
    reserved = protocol.function_tools
    if protocol.tool_name_key is None:
        ok = len(tool) == 1 and next(iter(tool)) != reserved
        lw.check(ok, loc, f"a {protocol.name} built-in tool is an object of one key, its name (not {reserved})")
        return
    key = protocol.tool_name_key
    ok = isinstance(tool.get(key), str) and tool.get(key) != reserved
    lw.check(ok, loc + (key,), f"a built-in tool needs a `{key}` of its own (not {reserved})")


def encoding_of(p: s.Parameter, meant: str | None) -> str:
    if p.controls:
        return "control"
    if p.adds_tool:
        return "tool"
    return "json" if p.parse == "json" else ENCODINGS.get(meant or "", "plain")


def check_control(lw: Lowering, loc: tuple, p: s.Parameter, protocol: Protocol, meant: str | None) -> None:
    """A parameter that steers a protocol setting: one the protocol has, of its type, and nothing else."""
    kind = protocol.controls.get(p.controls or "")
    if kind is None:
        offered = ", ".join(protocol.controls) or "none"
        lw.error(loc + ("controls",), f"protocol {protocol.name} has no setting {p.controls!r} (it has: {offered})")
        return
    lw.check(p.type == kind and meant is None, loc + ("type",), f"{p.controls} takes a {kind} parameter")
    for key in ("send_as", "values", "adds_tool", "parse", "body"):
        lw.check(getattr(p, key) is None, loc + (key,), "a parameter that steers a protocol setting is not sent itself")


VALUE_KEY_TYPES = {"boolean": (bool,), "int": (int,), "float": (int, float), "string": (str,), "text": (str,)}


def of_type(kind: object, value: object) -> bool:
    """Whether `value` is a value of a rule of type `kind`: true and false only for booleans (bool is
    an int to isinstance)."""
    types = VALUE_KEY_TYPES.get(str(kind), ())
    return isinstance(value, types) and isinstance(value, bool) == (bool in types)


def lower_values(lw: Lowering, loc: tuple, p: s.Parameter, kind: str | None) -> tuple[tuple[object, object], ...]:
    """`values`: each key a value the user can pick (of the rule's type, one of its options)."""
    if not p.values:
        return ()
    lw.check(
        kind not in ("response_format", "json_schema") and p.template not in ENCODINGS,
        loc,
        "a response_format or json_schema rule is sent its own way; it takes no values",
    )
    for key in p.values:
        ok = of_type(kind, key)
        lw.check(ok, loc + (str(key),), f"{key!r} is not a {kind} value, so the user can never pick it")
        if ok and p.options is not None:
            lw.check(key in p.options, loc + (str(key),), f"{key!r} is not one of the options {p.options}")
    return tuple(p.values.items())


def expand_sets(lw: Lowering, spec: s.Spec, loc: tuple, rules: list[s.Parameter]) -> list[tuple[tuple, s.Parameter]]:
    """The rules with each `{use: name}` replaced by that set's rules, each with where it was written."""
    out = []
    for index, rule in enumerate(rules):
        if rule.use is None:
            out.append((loc + (index,), rule))
            continue
        others = rule.model_dump(exclude={"use"}, exclude_defaults=True)
        lw.check(
            not others, loc + (index,), f"`use` inserts a set's rules; it takes no fields of its own: {sorted(others)}"
        )
        found = spec.parameter_sets.get(rule.use)
        if found is None:
            known = ", ".join(spec.parameter_sets) or "none are defined"
            lw.error(loc + (index, "use"), f"no parameter set {rule.use!r} (parameter_sets: {known})")
            continue
        for inner, member in enumerate(found):
            at = ("parameter_sets", rule.use, inner)
            if member.use is not None:
                lw.error(at + ("use",), "a parameter set cannot use another; list its rules")
                continue
            out.append((at, member))
    return out


def check_omissions(lw: Lowering, locs: list[tuple], rules: tuple[ParameterRule, ...]) -> None:
    """omit_when names another parameter of the same model, with a value of its type."""
    types = {rule.name: TEMPLATE_TYPES.get(rule.template or rule.name) or rule.overrides.get("type") for rule in rules}
    for loc, rule in zip(locs, rules):
        for other, value in rule.omit_when:
            at = loc + ("omit_when", other)
            if other not in types or other == rule.name:
                lw.error(at, f"{other!r} is not another parameter of this model: {', '.join(types)}")
                continue
            lw.check(
                of_type(types[other], value),
                at,
                f"{value!r} is not a {types[other]} value, so {other} can never have it",
            )


def check_parameter_bounds(lw: Lowering, loc: tuple, rule: dict) -> None:
    low, high, default = rule.get("min"), rule.get("max"), rule.get("default")
    if low is not None and high is not None:
        lw.check(low <= high, loc + ("min",), f"min ({low}) is greater than max ({high})")
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        lw.check(low is None or default >= low, loc + ("default",), f"default ({default}) is below min ({low})")
        lw.check(high is None or default <= high, loc + ("default",), f"default ({default}) is above max ({high})")
    options = rule.get("options")
    if options and default is not None:
        lw.check(default in options, loc + ("default",), f"default {default!r} is not one of the options")


def check_model_id(lw: Lowering, loc: tuple, model_id: str) -> None:
    """Any id the provider uses, `/`, `:`, `@` and spaces included; no control characters, no
    whitespace at either end (a copy-paste slip that the provider would refuse)."""
    lw.check(0 < len(model_id) <= MODEL_ID_MAX, loc, f"must be 1 to {MODEL_ID_MAX} characters, got {len(model_id)}")
    bad = sorted({c for c in model_id if ord(c) < 32 or 127 <= ord(c) < 160 or c in "\u2028\u2029"})
    lw.check(not bad, loc, f"has control characters {''.join(bad)!r}: {model_id!r}")
    lw.check(model_id == model_id.strip(), loc, f"has white space at an end: {model_id!r}")


def check_unique_models(lw: Lowering, spec: s.Spec) -> None:
    check_unique(lw, [(("models", i, "name"), m.name) for i, m in enumerate(spec.models)], "model name")


def file_stem(model_id: str, clashes: bool) -> str:
    """The model YAML's file name, without `.yaml`: the id itself when that is a safe file name on
    every OS and no other id of its folder differs from it only by case; else a slug of the id and
    the first 10 hex digits of its SHA-256. Depends on nothing but the id (and that clash), so it is
    stable across builds."""
    reserved = model_id.split(".")[0].lower() in WINDOWS_RESERVED
    if SAFE_FILE_RE.match(model_id) and not clashes and not reserved and not model_id.endswith("."):
        return model_id
    slug = re.sub(r"[^a-z0-9._-]+", "-", model_id.lower()).strip("-._")[:64].rstrip("-._") or "model"
    return f"{slug}-{hashlib.sha256(model_id.encode()).hexdigest()[:10]}"


def assign_files(lw: Lowering, models: tuple[ModelInfo, ...]) -> tuple[ModelInfo, ...]:
    """Each model's file name in its Dify folder; two that would be one file (on a case-insensitive
    file system too) are an error."""
    folded = Counter((m.type, m.name.casefold()) for m in models)
    named = tuple(
        dataclasses.replace(m, file=file_stem(m.name, folded[(m.type, m.name.casefold())] > 1)) for m in models
    )
    taken: dict[tuple[str, str], str] = {}
    for index, model in enumerate(named):
        key = (model.type, model.file.lower())
        other = taken.setdefault(key, model.name)
        if other != model.name:
            lw.error(
                ("models", index, "name"),
                f"its file name {model.file}.yaml is also the file name of model {other!r}; rename one",
            )
    return named


def collect_by_name(models: tuple[ModelInfo, ...], custom: tuple[ParameterRule, ...], attribute: str) -> dict:
    """Parameter -> what its rules say in `attribute` (adds_tool, headers, body) where they say
    anything: one per name, since the wire table check sees to it that rules of one name agree."""
    rules = [rule for model in models for rule in model.parameters] + list(custom)
    found = {rule.name: getattr(rule, attribute) for rule in rules if getattr(rule, attribute)}
    return {name: found[name] for name in sorted(found)}


def collect_value_maps(models: tuple[ModelInfo, ...], custom: tuple[ParameterRule, ...]) -> dict[str, tuple]:
    """Parameter -> the provider-wide value map: the entries of every rule of that name, user-added
    models' rules first, the first rule to list a value deciding it. A model whose rule sends a value
    another way keeps its own map (own_value_maps)."""
    found: dict[str, list[tuple[object, object]]] = {}
    for rule in list(custom) + [rule for model in models for rule in model.parameters]:
        table = found.setdefault(rule.name, [])
        table += [(picked, sent) for picked, sent in rule.values if lookup(table, picked) is MISSING]
    return {name: tuple(found[name]) for name in sorted(found) if found[name]}


def own_value_maps(models: tuple[ModelInfo, ...], maps: dict[str, tuple]) -> tuple[ModelInfo, ...]:
    """Each model whose rules send some value other than the provider-wide map does, with those rules'
    own maps in its settings (Anthropic's `thinking`: {type: enabled} on one model, adaptive on
    another). `maps`: collect_value_maps'."""
    out = []
    for model in models:
        own = {rule.name: rule.values for rule in model.parameters if not agrees(rule, maps.get(rule.name, ()))}
        out.append(dataclasses.replace(model, settings=model.settings | {"values": own}) if own else model)
    return tuple(out)


def agrees(rule: ParameterRule, table: tuple[tuple[object, object], ...]) -> bool:
    """Whether `table` sends every value the rule can take the way the rule does."""
    for picked, sent in table:
        if can_pick(rule, picked):
            own = lookup(rule.values, picked)
            if (picked if own is MISSING else own) != sent:
                return False
    return True


MISSING = object()


def lookup(table: Iterable[tuple[object, object]], value: object) -> object:
    """What a value map sends for `value` (MISSING: not listed); true is not 1."""
    return next((sent for picked, sent in table if picked == value and type(picked) is type(value)), MISSING)


def can_pick(rule: ParameterRule, value: object) -> bool:
    """Whether a user can give `rule` the value `value`."""
    kind = rule.overrides.get("type") or TEMPLATE_TYPES.get(rule.template or "")
    if not of_type(kind, value):
        return False
    options = rule.overrides.get("options")
    return options is None or value in options  # type: ignore[operator]


def collect_wire_parameters(
    lw: Lowering, models: tuple[ModelInfo, ...], custom: tuple[ParameterRule, ...]
) -> dict[str, tuple[str, str]]:
    """One provider-wide table name → (body key, encoding); a name must mean the same everywhere:
    the same key, encoding, built-in tool, headers and fixed fields (values may differ: a model keeps
    its own map). User-added models' rules are the llm defaults', so they agree with the models'."""
    table = {rule.name: rule.wire() for rule in custom}
    for index, model in enumerate(models):
        for rule in model.parameters:
            wire = rule.wire()
            if table.setdefault(rule.name, wire) != wire:
                lw.error(("models", index, "parameters"), f"parameter {rule.name!r} is sent differently by two models")
    return {name: wire[:2] for name, wire in sorted(table.items())}
