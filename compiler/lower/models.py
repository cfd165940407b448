"""Models: defaults merged per kind, limits, kind properties, prices, per-model request settings
and file names (their parameter rules: lower/parameters.py)."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from compiler import spec as s
from compiler.lower.api import LIMITS, REQUIRED_ENDPOINTS, check_fixed_body, lower_embeddings, lower_rerank
from compiler.lower.diagnostics import Lowering, check_unique
from compiler.lower.identity import i18n
from compiler.lower.parameters import VALUED_CONTROLS, Speaking, expand_sets, lower_parameter, lower_rules
from compiler.lower.protocols import check_declared, declared, of
from compiler.model import ApiInfo, ModelInfo, ParameterRule, Price
from compiler.tables import KIND_BY_NAME, PROTOCOLS, Kind, Protocol

# A model id that is itself a file name safe on every OS is its YAML's name (how specs before free ids
# were written); any other id gets a readable slug and a hash of the id.
SAFE_FILE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
MODEL_ID_MAX = 256

PER_WORDS = {"token": 0, "thousand": 3, "million": 6}
PER_RE = re.compile(r"^(1|10+)([km]?)$")
PER_SUFFIXES = {"": 0, "k": 3, "m": 6}


def per_exponent(per: str | int) -> int | None:
    """The power of ten a pricing `per` stands for (token 0, thousand 3, 100k 5, 100000 5); None when
    it is not a power of ten."""
    if isinstance(per, int):
        per = str(per) if per > 0 else "0"
    if per in PER_WORDS:
        return PER_WORDS[per]
    found = PER_RE.match(per)
    return len(found.group(1)) - 1 + PER_SUFFIXES[found.group(2)] if found else None


def per_unit(per: str | int) -> Decimal:
    """Dify's unit for a valid `per` (1 / per)."""
    return Decimal(1).scaleb(-(per_exponent(per) or 0))


def check_per_unit(lw: Lowering, loc: tuple, per: str | int | None, unit: Decimal | None) -> None:
    """A `per` that is a power of ten; with a `unit` beside it, the same unit."""
    if per is None:
        return
    message = f"must be token, thousand, million, or a power of ten (10k, 100k, 10m, 100000), got {per!r}"
    if per_exponent(per) is None:
        lw.error(loc + ("per",), message)
    elif unit is not None and unit != per_unit(per):
        lw.error(
            loc + ("unit",), f"per {per} is unit {_decimal(per_unit(per))}, not {_decimal(unit)}; give only one of them"
        )


def check_pricing_units(lw: Lowering, spec: s.Spec) -> None:
    """Every pricing as written (the defaults' and each model's), where it is written."""
    kinds = [(("defaults", kind.name), spec.defaults.of(kind.name)) for kind in KIND_BY_NAME.values() if kind.dify]
    for loc, fields in kinds + [(("models", i), m) for i, m in enumerate(spec.models)]:
        if fields.pricing is not None:
            check_per_unit(lw, loc + ("pricing",), fields.pricing.per, fields.pricing.unit)


def price_unit(pricing: s.Pricing) -> Decimal:
    """Dify's unit of merged prices: `unit`, else 1/`per` (default per million; a bad `per` is
    reported where it is written)."""
    if pricing.unit is not None:
        return pricing.unit
    return (
        per_unit(pricing.per)
        if pricing.per is not None and per_exponent(pricing.per) is not None
        else per_unit("million")
    )


def merged(spec: s.Spec, model: s.Model) -> s.ModelFields:
    """Model fields over the defaults for its type (a model's value wins, lists included)."""
    base = spec.defaults.of(model.type)
    own = {k: getattr(model, k) for k in model.model_fields_set & set(s.ModelFields.model_fields)}
    if base.pricing and model.pricing:
        update = model.pricing.model_dump(exclude_unset=True)
        if {"per", "unit"} & set(update):  # a model's per or unit replaces the defaults' pair
            update = {"per": None, "unit": None} | update
        own["pricing"] = base.pricing.model_copy(update=update)
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
    names = declared(fields, api.protocol) if kind.llm_fields else (api.protocol,)
    check_declared(lw, written_at(spec, index, "protocol"), fields)
    check_model_id(lw, loc + ("name",), model.name)
    check_kind_fields(lw, spec, index, kind, fields)
    check_endpoints(lw, loc, kind, fields, api, PROTOCOLS[names[0]])
    check_modalities(lw, written_at(spec, index, "output_modalities"), fields.output_modalities, of(names))
    parameters = model_parameters(lw, spec, index, kind, fields, (of(names), of(api.spoken)))
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
        settings=settings(fields)
        | own_calls(lw, spec, fields, lambda field: written_at(spec, index, field))
        | required_max_tokens(of(names), fields, kind.llm_fields)
        | wire_id(model)
        | protocol_setting(names, api)
        | control_defaults(parameters),
    )


def control_defaults(parameters: tuple[ParameterRule, ...]) -> dict[str, object]:
    """What the defaults of a model's `model` and `profile` selects stand for, which a host that sends
    no parameters (MaiBot) gets too (config.MODEL_SETTINGS[model]["controls"])."""
    out = {
        rule.send_as: dict(rule.values).get(rule.overrides["default"])
        for rule in parameters
        if rule.encoding == "control" and rule.send_as in VALUED_CONTROLS and "default" in rule.overrides
    }
    return {"controls": out} if out else {}


def protocol_setting(names: tuple[str, ...], api: ApiInfo) -> dict[str, object]:
    """The protocol a model speaks, or those it may, when not only api.protocol
    (config.MODEL_SETTINGS[model]["protocol"])."""
    if names == (api.protocol,):
        return {}
    return {"protocol": names[0] if len(names) == 1 else names}


def wire_id(model: s.Model) -> dict[str, object]:
    """The id the API gets, when it is not the Dify id (config.MODEL_SETTINGS[model]["api_id"])."""
    return {"api_id": model.api_id} if model.api_id is not None and model.api_id != model.name else {}


def check_api_ids(lw: Lowering, spec: s.Spec) -> None:
    """Each api_id a valid id. Models of one kind may share one (two Dify names for one wire model);
    it may be another's Dify id only when that model sends the same, and belongs to one kind: a
    MaiBot user may write either id, and either must name one wire model and its settings."""
    wire = {(m.type, m.name): m.api_id or m.name for m in spec.models}
    kind_of: dict[str, str] = {}
    for index, model in enumerate(spec.models):
        if model.api_id is None:
            continue
        loc = ("models", index, "api_id")
        check_model_id(lw, loc, model.api_id)
        if model.api_id == model.name:
            lw.warn(loc, "is the model's name, which is sent anyway: drop it")
        other = wire.get((model.type, model.api_id), model.api_id)
        message = f"{model.api_id!r} is the name of another {model.type} model, which the API gets as {other!r}"
        lw.check(other == model.api_id, loc, message)
        first = kind_of.setdefault(model.api_id, model.type)
        lw.check(first == model.type, loc, f"{model.api_id!r} is also the api_id of a model of kind {first}")


def written_at(spec: s.Spec, index: int, field: str) -> tuple:
    """Where a merged field of a model was set: on the model, or in its type's defaults."""
    model = spec.models[index]
    return ("models", index, field) if field in model.model_fields_set else ("defaults", model.type, field)


def check_kind_fields(lw: Lowering, spec: s.Spec, index: int, kind: Kind, fields: s.ModelFields) -> None:
    """Only the fields the model's kind reads, with those it needs."""
    for name in sorted(KIND_FIELDS - kind.fields):
        if getattr(fields, name) is not None:
            at = written_at(spec, index, name)
            lw.error(at, f"only {kinds_reading(name)} models have {name}, not {kind.name} models")
    check_fixed_body(lw, written_at(spec, index, "body"), fields.body)
    retired = spec.models[index].deprecated and kind.llm_fields  # Dify lists retired chat models without a context size
    for name in kind.required:
        if not (retired and name == "context_size"):
            lw.check(getattr(fields, name) is not None, ("models", index), f"{name} is required (here or in defaults)")


def check_endpoints(
    lw: Lowering, loc: tuple, kind: Kind, fields: s.ModelFields, api: ApiInfo, protocol: Protocol
) -> None:
    """The protocol serves the model's kind, and the endpoints the model calls are set."""
    if kind.endpoint not in protocol.endpoints:
        lw.error(loc + ("type",), f"protocol {protocol.name} has no {kind.name} models")
    elif kind.endpoint not in REQUIRED_ENDPOINTS:  # else already reported once, at the endpoint
        lw.check(api.endpoints[kind.endpoint] is not None, loc + ("type",), f"api.endpoints.{kind.endpoint} is null")
    if kind.name == "text-embedding":
        invoked = "embeddings" in protocol.runtimes and protocol.runtimes["embeddings"] == "bedrock_embeddings"
        message = (
            "is required for bedrock_converse embeddings (titan, cohere or nova)"
            if invoked
            else "is read by bedrock_converse embeddings only"
        )
        lw.check(invoked == (fields.invoke_body is not None), loc + ("invoke_body",), message)
        keys = (fields.embeddings.model_fields_set if fields.embeddings else set()) & {"encoding_format"}
        sent = fields.embeddings.encoding_format if keys else api.embedding["encoding_format"]
        where = "the model's embeddings.encoding_format" if keys else "api.embeddings.encoding_format"
        lw.check(
            fields.encoding != "base64" or sent is not None,
            loc + ("encoding",),
            f"{where} is null: no encoding is asked for",
        )
    if fields.mode == "completion":
        lw.check(api.endpoints["completions"] is not None, loc + ("mode",), "api.endpoints.completions is null")
        calls = sorted(set(fields.features or ()) & {"tool-call", "multi-tool-call", "stream-tool-call"})
        lw.check(not calls, loc + ("features",), f"a completion-mode model takes no tools: {', '.join(calls)}")


def check_modalities(lw: Lowering, at: tuple, modalities: list[str] | None, protocols: tuple[Protocol, ...]) -> None:
    """Each modality once, and images only from a model whose every protocol can return them."""
    if not modalities:
        return
    lw.check(len(set(modalities)) == len(modalities), at, "each modality may be named once")
    for protocol in protocols if "image" in modalities else ():
        lw.check(protocol.image_output, at, f"protocol {protocol.name} cannot answer with images")


def model_parameters(
    lw: Lowering, spec: s.Spec, index: int, kind: Kind, fields: s.ModelFields, speaks: Speaking
) -> tuple[ParameterRule, ...]:
    """An llm's parameter rules, lowered and checked together, and its never_send names among them."""
    if not kind.llm_fields:
        return ()
    rules = expand_sets(lw, spec, written_at(spec, index, "parameters"), fields.parameters or [])
    rules += structured_output_rule(spec, index, fields, speaks, rules)
    locs = [at for at, _ in rules]
    parameters = lower_rules(
        lw, locs, [lower_parameter(lw, at, p, fields.max_output_tokens, speaks) for at, p in rules], speaks[0]
    )
    declared = {p.name for p in parameters}
    for i, name in enumerate(fields.never_send or ()):
        message = f"{name!r} is not a parameter of this model, so it is never sent anyway"
        lw.check(name in declared, written_at(spec, index, "never_send") + (i,), message)
    for at, p in rules:
        if p.controls == "stream" and fields.stream is False:
            lw.warn(at + ("controls",), "the model never streams (stream: false), so this switch changes nothing")
    limit = LIMITS["parameters"]
    lw.check(len(parameters) <= limit, ("models", index, "parameters"), f"Dify allows at most {limit} parameter rules")
    return parameters


def structured_output_rule(
    spec: s.Spec, index: int, fields: s.ModelFields, speaks: Speaking, rules: list[tuple[tuple, s.Parameter]]
) -> list[tuple[tuple, s.Parameter]]:
    """Dify's json_schema rule for a model that declares structured-output without one: Dify's
    structured-output node sends the schema as the json_schema parameter, which a model without the
    rule would drop (a catalogue says `structured_output`, and import writes the feature alone)."""
    named = {p.template or p.name for _, p in rules}
    if "structured-output" not in (fields.features or ()) or "json_schema" in named:
        return []
    if not all(protocol.json_schema for protocol in speaks[0]):
        return []
    return [(written_at(spec, index, "features"), s.Parameter(template="json_schema"))]


ENDPOINT_RE = re.compile(r"^(/|https://)[^\s?#]*$")


def own_calls(lw: Lowering, spec: s.Spec, fields: s.ModelFields, at: Callable[[str], tuple]) -> dict[str, object]:
    """A model's own endpoint and call keys (config.MODEL_SETTINGS: endpoint, embedding, rerank), its
    keys over the spec's api.embeddings or api.rerank."""
    out: dict[str, object] = {}
    if fields.endpoint is not None:
        message = f"must be a path (/rerank) or a whole https URL, without query, got {fields.endpoint!r}"
        lw.check(bool(ENDPOINT_RE.match(fields.endpoint)), at("endpoint"), message)
        out["endpoint"] = fields.endpoint
    if fields.embeddings is not None:
        shape = spec.api.embeddings.model_copy(update=given(fields.embeddings))
        out["embedding"] = lower_embeddings(lw, shape, at("embeddings"))
    if fields.rerank is not None:
        out["rerank"] = lower_rerank(lw, spec.api.rerank.model_copy(update=given(fields.rerank)), at("rerank"))
    return out


def given(shape: s.Strict) -> dict[str, object]:
    """The keys a spec writes in a call shape (the rest are the spec's api-wide ones)."""
    return {key: getattr(shape, key) for key in shape.model_fields_set}


def kind_settings(lw: Lowering, spec: s.Spec, api: ApiInfo) -> dict[str, dict[str, object]]:
    """What a model the spec does not list (user-added, or any id a MaiBot user sets) is sent with:
    its kind's defaults (config.KIND_SETTINGS), for each kind whose defaults set anything."""
    found = {}
    for kind in KIND_BY_NAME.values():
        if kind.dify:
            fields = spec.defaults.of(kind.name)
            names = declared(fields, api.protocol) if kind.llm_fields else (api.protocol,)
            found[kind.name] = (
                settings(fields)
                | own_calls(lw, spec, fields, lambda field, kind=kind.name: ("defaults", kind, field))
                | required_max_tokens(of(names), fields, kind.llm_fields)
                | protocol_setting(names, api)
            )
    return {name: value for name, value in found.items() if value}


def required_max_tokens(protocols: tuple[Protocol, ...], fields: s.ModelFields, llm: bool) -> dict[str, object]:
    """A protocol whose requests always state max_tokens takes the model's own limit when the user
    sets none."""
    required = any(protocol.max_tokens_required for protocol in protocols)
    if not (required and llm and fields.max_output_tokens):
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


def settings(f: s.ModelFields) -> dict[str, object]:
    """The runtime's per-model request settings (config.MODEL_SETTINGS): only what the spec sets."""
    out: dict[str, object] = {}
    if f.dimensions:
        out["dimensions"] = f.dimensions
    if f.input_type:
        out["input_type"] = (f.input_type.send_as, f.input_type.query, f.input_type.document)
    if f.encoding == "base64":
        out["encoding"] = "base64"
    if f.invoke_body:
        out["invoke_body"] = f.invoke_body
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
    if "image" in (f.output_modalities or ()):
        out["output_modalities"] = tuple(f.output_modalities)
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
        unit=_decimal(price_unit(pricing)),
        currency=pricing.currency or "USD",
    )


def _decimal(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def check_model_id(lw: Lowering, loc: tuple, model_id: str) -> None:
    """Any id the provider uses, `/`, `:`, `@` and spaces included; no control characters, no
    whitespace at either end (a copy-paste slip that the provider would refuse)."""
    lw.check(0 < len(model_id) <= MODEL_ID_MAX, loc, f"must be 1 to {MODEL_ID_MAX} characters, got {len(model_id)}")
    bad = sorted({c for c in model_id if ord(c) < 32 or 127 <= ord(c) < 160 or c in "\u2028\u2029"})
    lw.check(not bad, loc, f"has control characters {''.join(bad)!r}: {model_id!r}")
    lw.check(model_id == model_id.strip(), loc, f"has white space at an end: {model_id!r}")


def check_unique_models(lw: Lowering, spec: s.Spec) -> None:
    check_unique(lw, [(("models", i, "name"), m.name) for i, m in enumerate(spec.models)], "model name")


def check_sync_lists(lw: Lowering, spec: s.Spec) -> None:
    """`sync.keep` names the spec's models (by wire id), `sync.leave_out` models the spec does not have."""
    if spec.sync is None:
        return
    wire = {m.api_id or m.name for m in spec.models}
    first: dict[str, int] = {}
    for i, group in enumerate(spec.sync.keep):
        for j, name in enumerate(group.models):
            loc = ("sync", "keep", i, "models", j)
            lw.check(name in wire, loc, f"{name!r} is no model of the spec (by wire id)")
            lw.check(
                first.setdefault(name, i) == i, loc, f"{name!r} is in sync.keep[{first[name]}] too: one group each"
            )
    for i, group in enumerate(spec.sync.leave_out):
        for j, name in enumerate(group.models):
            lw.check(name not in wire, ("sync", "leave_out", i, "models", j), f"{name!r} is a model of the spec")


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
