"""Spec → intermediate model: apply defaults, resolve names and units, cross-check."""

from __future__ import annotations

import difflib
import json
import re
import typing
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from compiler import spec as s
from compiler.errors import CompileError, Diagnostic
from compiler.load import LoadedSpec
from compiler.tables import KIND_BY_NAME, PROTOCOLS
from compiler.model import (
    ApiInfo,
    Asset,
    Auth,
    CredentialInfo,
    ErrorMap,
    I18n,
    MaiBotInfo,
    ModelInfo,
    Option,
    ParameterRule,
    Price,
    Provider,
    unit_label,
)

NAME_RE = re.compile(r"^[a-z0-9_-]{1,128}$")
AUTHOR_RE = re.compile(r"^[a-z0-9_-]{1,64}$")
VERSION_RE = re.compile(r"^\d{1,4}(\.\d{1,4}){2}$")
MODEL_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
VARIABLE_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
URL_RE = re.compile(r"^https?://[^\s/]+\S*$")
# MaiBot's manifest validator (src/plugin_runtime/runner/manifest_validator.py).
PLUGIN_ID_RE = re.compile(r"^[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)+$")
CLIENT_TYPE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
LOCALE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
MAIBOT_BUILTIN_CLIENT_TYPES = ("openai", "openai_responses", "gemini")
# The daemon's limits (dify-contract.md: credential forms and parameter rules).
LIMITS = {"parameters": 128, "credentials": 32, "options": 128}
ICON_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".webp"}
PRICE_UNITS = {"token": Decimal("1"), "thousand": Decimal("0.001"), "million": Decimal("0.000001")}
CREDENTIAL_TYPES = {"text": "text-input", "secret": "secret-input", "select": "select", "switch": "switch"}
DEFAULT_STATUS_KINDS = {
    400: "bad_request",
    401: "authorization",
    403: "authorization",
    404: "bad_request",
    408: "connection",
    413: "bad_request",
    422: "bad_request",
    429: "rate_limit",
    500: "server_unavailable",
    502: "server_unavailable",
    503: "server_unavailable",
    504: "server_unavailable",
}
ENCODINGS = {"response_format": "response_format", "json_schema": "json_schema"}
ENDPOINT_KEYS = ("chat", "models", "embeddings", "transcriptions")
REQUIRED_ENDPOINTS = ("chat",)  # MaiBot's `response` and credential checks use it whatever the models
# Optional api fields a protocol may read (compiler/tables.py: Protocol.quirks).
QUIRKS = frozenset().union(*(protocol.quirks for protocol in PROTOCOLS.values()))
LLM_KINDS = "/".join(kind.name for kind in KIND_BY_NAME.values() if kind.llm_fields)
DEFAULT_MAX_TOKENS = 4096


class Lowering:
    """Collects located diagnostics while lowering one spec."""

    def __init__(self, loaded: LoadedSpec) -> None:
        self.loaded = loaded
        self.diagnostics: list[Diagnostic] = []

        self.warnings: list[Diagnostic] = []

    def error(self, loc: tuple[str | int, ...], message: str, level: str = "error") -> None:
        line, col = self.loaded.locate(loc)
        path = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
        found = Diagnostic(level, str(self.loaded.path), message, line, col, path)  # type: ignore[arg-type]
        target = self.warnings if level == "warning" else self.diagnostics
        if found not in target:  # e.g. the large icon defaulting to the small one: say it once
            target.append(found)

    def warn(self, loc: tuple[str | int, ...], message: str) -> None:
        """Suspicious but legal: printed as a warning, an error under --strict."""
        self.error(loc, message, "warning")

    def check(self, ok: bool, loc: tuple[str | int, ...], message: str) -> None:
        if not ok:
            self.error(loc, message)


def validate_spec(loaded: LoadedSpec) -> s.Spec:
    """Pydantic validation, with every error located in the YAML (one per place)."""
    try:
        return s.Spec.model_validate(loaded.data)
    except ValidationError as exc:
        lowering = Lowering(loaded)
        errors = [(tuple(p for p in err["loc"] if not _is_union_tag(p)), err) for err in exc.errors()]
        reported: set[tuple] = set()
        for loc, err in errors:
            # A union (text or mapping) fails once per branch: keep one message per place, and drop
            # "must be a string" when the mapping branch explains what is wrong inside.
            deeper = any(other[: len(loc)] == loc and len(other) > len(loc) for other, _ in errors)
            if loc in reported or (deeper and err["type"] == "string_type"):
                continue
            reported.add(loc)
            lowering.error(loc, _pydantic_message(err, loc))
        raise CompileError(sorted(lowering.diagnostics, key=Diagnostic.sort_key)) from None


def _is_union_tag(part: object) -> bool:
    return isinstance(part, str) and ("[" in part or part in {"str", "function-after", "function-before"})


EXPECTED = {
    "decimal_parsing": "must be a decimal number",
    "decimal_type": "must be a decimal number",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be a string",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping",
    "model_attributes_type": "must be a mapping",
    "list_type": "must be a list",
}


def _pydantic_message(err: dict, loc: tuple) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown key" + _did_you_mean(str(loc[-1]), allowed_keys(loc[:-1]))
    if kind == "missing":
        return "required key is missing"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        message = f"must be one of {', '.join(options)}"
        return message + f", got {_shown(err['input'])}" + _did_you_mean(str(err["input"]), options)
    if kind in ("greater_than_equal", "greater_than"):
        sign, bound = ("≥", ctx.get("ge")) if kind == "greater_than_equal" else (">", ctx.get("gt"))
        return f"must be {sign} {bound}, got {_shown(err['input'])}"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length')} item(s)"
    message = EXPECTED.get(kind) or err["msg"].removeprefix("Value error, ")
    if "input" in err and not isinstance(err["input"], (dict, list)):
        message += f", got {_shown(err['input'])}"
    return message


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "…"


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def allowed_keys(loc: tuple) -> list[str]:
    """The keys the spec language allows at `loc` (for "did you mean")."""
    node: object = s.Spec
    for part in loc:
        node = _unwrap(node)
        if isinstance(part, int):
            continue
        fields = getattr(node, "model_fields", None)
        if fields is None:
            return []
        match = next((f for n, f in fields.items() if (f.alias or n) == part), None)
        if match is None:
            return []
        node = match.annotation
    node = _unwrap(node)
    fields = getattr(node, "model_fields", {})
    return [f.alias or n for n, f in fields.items()]


def _unwrap(annotation: object) -> object:
    """The model class inside Optional[...], list[...] or Annotated[...] (or the annotation itself)."""
    for _ in range(5):
        if isinstance(annotation, type) and issubclass(annotation, s.BaseModel):
            return annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, s.BaseModel)]
        if models:
            return models[0]
        if not args:
            return annotation
        annotation = args[-1] if typing.get_origin(annotation) is dict else args[0]
    return annotation


def i18n(text: str | dict[str, str]) -> I18n:
    return {"en_US": text} if isinstance(text, str) else dict(text)


def lower(loaded: LoadedSpec) -> Provider:
    """Validate and lower a loaded spec; raises CompileError with every problem found."""
    spec = validate_spec(loaded)
    lw = Lowering(loaded)
    check_identity(lw, spec)
    assets = lower_assets(lw, spec)
    api = lower_api(lw, spec)
    credentials = lower_credentials(lw, spec, api)
    models = tuple(lower_model(lw, spec, api, i) for i in range(len(spec.models)))
    check_unique_models(lw, spec)
    wire_parameters = collect_wire_parameters(lw, models)
    errors = lower_errors(lw, spec)
    maibot = lower_maibot(lw, spec)
    warn_suspicious(lw, spec, models)
    if lw.diagnostics:
        raise CompileError(sorted(lw.diagnostics + lw.warnings, key=Diagnostic.sort_key))
    return Provider(
        name=spec.name,
        spec_file=loaded.path.name,
        label=i18n(spec.label),
        description=i18n(spec.description),
        author=spec.author,
        version=spec.version,
        assets=assets,
        background=spec.background,
        help_title=i18n(spec.help.title) if spec.help else None,
        help_url=spec.help.url if spec.help else None,
        api=api,
        credentials=credentials,
        errors=errors,
        models=models,
        wire_parameters=wire_parameters,
        maibot=maibot,
        dify_memory=spec.dify.memory,
        dify_minimum_version=spec.dify.minimum_dify_version,
        created_at=spec.dify.created_at,
        repo=spec.repository,
        privacy=spec.dify.privacy,
        warnings=tuple(sorted(lw.warnings, key=Diagnostic.sort_key)),
    )


HEADER_NAME_RE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$")
SEND_AS_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$")
ICON_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}


def check_header(lw: Lowering, loc: tuple, name: str, value: str | None = None) -> None:
    """Header names are HTTP tokens and values have no control characters: nothing a spec says can
    split a request or add a header of its own."""
    lw.check(bool(HEADER_NAME_RE.match(name)), loc, f"not a valid HTTP header name: {name!r}")
    if value is not None:
        ok = not any(ord(c) < 32 or ord(c) == 127 for c in value)
        lw.check(ok, loc, f"header value has control characters: {value!r}")


def warn_suspicious(lw: Lowering, spec: s.Spec, models: tuple[ModelInfo, ...]) -> None:
    units: dict[str, list[tuple[int, str]]] = {}
    for index, model in enumerate(models):
        loc = ("models", index)
        if "stream-tool-call" in model.features and "tool-call" not in model.features:
            lw.warn(loc + ("features",), "stream-tool-call without tool-call: Dify will not offer tools to this model")
        for i, rule in enumerate(model.parameters):
            default = rule.overrides.get("default")
            if rule.template == "max_tokens" and model.max_output_tokens and isinstance(default, int):
                if default > model.max_output_tokens:
                    lw.warn(
                        loc + ("parameters", i),
                        f"default max_tokens {default} is above the model's max_output_tokens {model.max_output_tokens}",
                    )
        if model.pricing:
            units.setdefault(model.type, []).append((index, model.pricing.unit))
            per_million = model.pricing.unit == "0.000001"
            prices = [Decimal(p) for p in (model.pricing.input, model.pricing.output) if p is not None]
            if per_million and any(Decimal(0) < p < Decimal("0.001") for p in prices):
                lw.warn(
                    loc + ("pricing",),
                    "prices below 0.001 per million tokens look like per-token prices (set `per: token`)",
                )
    for model_type, seen in units.items():
        common = max({u for _, u in seen}, key=[u for _, u in seen].count)
        for index, unit in seen:
            if unit != common:
                lw.warn(
                    ("models", index, "pricing"),
                    f"priced per {unit_label(unit)} while other {model_type} models are priced per {unit_label(common)}",
                )


def check_identity(lw: Lowering, spec: s.Spec) -> None:
    stem = lw.loaded.path.stem
    lw.check(bool(NAME_RE.match(spec.name)), ("name",), f"must match {NAME_RE.pattern}, got {spec.name!r}")
    lw.check(spec.name == stem, ("name",), f"must equal the spec file name {stem!r}, got {spec.name!r}")
    lw.check(bool(AUTHOR_RE.match(spec.author)), ("author",), f"must match {AUTHOR_RE.pattern}, got {spec.author!r}")
    lw.check(bool(VERSION_RE.match(spec.version)), ("version",), f"must be x.y.z, got {spec.version!r}")
    if spec.background is not None:
        ok = bool(re.match(r"^#[0-9A-Fa-f]{6}$", spec.background))
        lw.check(ok, ("background",), f"must be a colour like '#EFF1FE', got {spec.background!r}")
    if spec.help:
        lw.check(bool(URL_RE.match(spec.help.url)), ("help", "url"), f"must be an http(s) URL, got {spec.help.url!r}")
    if spec.repository:
        ok = bool(URL_RE.match(spec.repository))
        lw.check(ok, ("repository",), f"must be an http(s) URL, got {spec.repository!r}")


def lower_maibot(lw: Lowering, spec: s.Spec) -> MaiBotInfo:
    """The MaiBot manifest fields, defaulted from the shared ones and checked like the host does."""
    options = spec.maibot
    client_type = options.client_type if options.client_type is not None else spec.name
    where = ("maibot", "client_type") if options.client_type is not None else ("name",)
    if client_type in MAIBOT_BUILTIN_CLIENT_TYPES:
        lw.error(where, f"client_type {client_type!r} is a MaiBot built-in; set maibot.client_type to another name")
    else:
        ok = bool(CLIENT_TYPE_RE.match(client_type))
        lw.check(ok, where, f"client_type must match {CLIENT_TYPE_RE.pattern}, got {client_type!r}")
    plugin_id = options.plugin_id or f"{spec.author}.{spec.name}"
    if options.plugin_id or (AUTHOR_RE.match(spec.author) and NAME_RE.match(spec.name)):  # else already reported
        where = ("maibot", "plugin_id") if options.plugin_id else ("name",)
        ok = bool(PLUGIN_ID_RE.match(plugin_id))
        lw.check(ok, where, f"MaiBot plugin id must match {PLUGIN_ID_RE.pattern}, got {plugin_id!r}")
    lw.check(bool(options.license.strip()), ("maibot", "license"), "must not be empty")
    lw.check(
        bool(LOCALE_RE.match(options.locale)), ("maibot", "locale"), f"must be like 'en-US', got {options.locale!r}"
    )
    repository = spec.repository or (spec.help.url if spec.help else "")
    if not repository:
        lw.error(
            ("repository",),
            "required key is missing (MaiBot's _manifest.json needs it for urls.repository; help.url would also do)",
        )
    author_url = options.author_url or repository
    if options.author_url:
        ok = bool(URL_RE.match(author_url))
        lw.check(ok, ("maibot", "author_url"), f"must be an http(s) URL, got {author_url!r}")
    return MaiBotInfo(client_type, plugin_id, options.license.strip(), author_url, repository, options.locale)


def lower_assets(lw: Lowering, spec: s.Spec) -> tuple[Asset, ...]:
    icons = {"small": spec.icons.small, "large": spec.icons.large or spec.icons.small}
    icons |= {k: v for k, v in (("small_dark", spec.icons.small_dark), ("large_dark", spec.icons.large_dark)) if v}
    names = {"small": "icon_s_en", "large": "icon_l_en", "small_dark": "icon_s_dark", "large_dark": "icon_l_dark"}
    assets = []
    for role, relative in icons.items():
        source = (lw.loaded.path.parent / relative).resolve()
        loc = ("icons", role if getattr(spec.icons, role) else "small")
        if source.suffix.lower() not in ICON_SUFFIXES:
            lw.error(loc, f"icon must be one of {', '.join(sorted(ICON_SUFFIXES))}, got {relative!r}")
        elif not source.is_relative_to(lw.loaded.path.parent.resolve()):
            lw.error(loc, f"icon must be inside the spec's folder, got {relative!r}")
        elif not source.is_file():
            lw.error(loc, f"icon file not found: {relative!r} (paths are relative to the spec file)")
        elif not looks_like_image(source):
            lw.error(loc, f"icon is not a {source.suffix.lower()[1:].upper()} image: {relative!r}")
        assets.append(Asset(role, source, names[role] + source.suffix.lower()))
    return tuple(assets)


def looks_like_image(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(512)  # the magic bytes are at the start; icons may be large
    if path.suffix.lower() == ".svg":
        return b"<svg" in head or head.lstrip().startswith(b"<?xml")
    return head.startswith(ICON_MAGIC[path.suffix.lower()])


def lower_api(lw: Lowering, spec: s.Spec) -> ApiInfo:
    api = spec.api
    protocol = PROTOCOLS[api.protocol]
    lw.check(bool(URL_RE.match(api.base_url)), ("api", "base_url"), f"must be an http(s) URL, got {api.base_url!r}")
    given = api.endpoints.model_fields_set
    endpoints = {key: getattr(api.endpoints, key) if key in given else protocol.endpoints[key] for key in ENDPOINT_KEYS}
    for key in sorted(given):
        path = endpoints[key]
        if path is not None:
            lw.check(path.startswith("/"), ("api", "endpoints", key), f"must start with '/', got {path!r}")
    for key in REQUIRED_ENDPOINTS:
        lw.check(endpoints[key] is not None, ("api", "endpoints", key), f"the {key} endpoint cannot be null")
    for quirk in sorted(QUIRKS & api.model_fields_set - protocol.quirks):
        lw.error(("api", quirk), f"protocol {protocol.name} does not use this setting")
    for name, value in api.headers.items():
        check_header(lw, ("api", "headers", name), name, value)
    if api.auth.scheme == "header" and api.auth.name:
        check_header(lw, ("api", "auth", "name"), api.auth.name, api.auth.prefix)
    extra = spec.credentials.extra
    for index, field in enumerate(extra):
        if field.header:
            check_header(lw, ("credentials", "extra", index, "header"), field.header)
    return ApiInfo(
        protocol=protocol.name,
        base_url=api.base_url.rstrip("/"),
        endpoints=endpoints,
        auth=Auth(api.auth.scheme or protocol.auth, api.auth.name, api.auth.prefix),
        headers=dict(api.headers),
        connect_timeout=api.timeouts.connect,
        read_timeout=api.timeouts.read,
        send_user=api.send_user,
        stream_usage=api.stream_usage,
        reasoning_history=api.reasoning_history,
        api_key_variable=spec.credentials.api_key.variable,
        base_url_variable=spec.credentials.base_url.variable if spec.credentials.base_url.enabled else None,
        credential_headers={f.variable: f.header for f in extra if f.header},
        credential_query={f.variable: f.query for f in extra if f.query},
    )


def lower_credentials(lw: Lowering, spec: s.Spec, api: ApiInfo) -> tuple[CredentialInfo, ...]:
    creds = spec.credentials
    key = creds.api_key
    fields = [
        CredentialInfo(
            variable=key.variable,
            label=i18n(key.label),
            type="secret-input",
            required=api.auth.scheme != "none",
            placeholder=i18n(key.placeholder) if key.placeholder else None,
        )
    ]
    if creds.base_url.enabled:
        url = creds.base_url
        fields.append(
            CredentialInfo(
                variable=url.variable,
                label=i18n(url.label),
                type="text-input",
                required=False,
                placeholder=i18n(url.placeholder) if url.placeholder else {"en_US": spec.api.base_url},
            )
        )
    for index, extra in enumerate(creds.extra):
        loc = ("credentials", "extra", index)
        lw.check(extra.type != "select" or bool(extra.options), loc + ("options",), "a select field needs options")
        ok = len(extra.options) <= LIMITS["options"]
        lw.check(ok, loc + ("options",), f"Dify allows at most {LIMITS['options']} options")
        fields.append(
            CredentialInfo(
                variable=extra.variable,
                label=i18n(extra.label),
                type=CREDENTIAL_TYPES[extra.type],
                required=extra.required,
                default=extra.default,
                placeholder=i18n(extra.placeholder) if extra.placeholder else None,
                options=tuple(Option(o.value, i18n(o.label or o.value)) for o in extra.options),
                header=extra.header,
                query=extra.query,
            )
        )
    locs = [("credentials", "api_key", "variable")]
    locs += [("credentials", "base_url", "variable")] if creds.base_url.enabled else []
    locs += [("credentials", "extra", i, "variable") for i in range(len(creds.extra))]
    named = list(zip(locs, (f.variable for f in fields)))
    for loc, variable in named:
        lw.check(bool(VARIABLE_RE.match(variable)), loc, f"must be an identifier, got {variable!r}")
    check_unique(lw, named, "credential variable")
    limit = LIMITS["credentials"]
    lw.check(
        len(fields) <= limit, ("credentials",), f"Dify allows at most {limit} credential fields, got {len(fields)}"
    )
    return tuple(fields)


def lower_errors(lw: Lowering, spec: s.Spec) -> ErrorMap:
    for status in spec.errors.status:
        lw.check(400 <= status <= 599, ("errors", "status", status), f"must be an HTTP error status, got {status}")
    status = DEFAULT_STATUS_KINDS | dict(spec.errors.status)
    return ErrorMap(status=dict(sorted(status.items())), codes=dict(spec.errors.codes))


def merged(spec: s.Spec, model: s.Model) -> s.ModelFields:
    """Model fields over the defaults for its type (a model's value wins, lists included)."""
    base = spec.defaults.of(model.type)
    own = {k: getattr(model, k) for k in model.model_fields_set & set(s.ModelFields.model_fields)}
    if base.pricing and model.pricing:
        own["pricing"] = base.pricing.model_copy(update=model.pricing.model_dump(exclude_unset=True))
    return base.model_copy(update=own)


def lower_model(lw: Lowering, spec: s.Spec, api: ApiInfo, index: int) -> ModelInfo:
    model = spec.models[index]
    kind = KIND_BY_NAME[model.type]
    fields = merged(spec, model)
    loc = ("models", index)
    lw.check(bool(MODEL_NAME_RE.match(model.name)), loc + ("name",), f"must be a safe file name, got {model.name!r}")
    lw.check(fields.context_size is not None, loc, "context_size is required (here or in defaults)")
    if not kind.llm_fields:
        lw.check(not fields.features, loc + ("features",), f"only {LLM_KINDS} models have features")
        lw.check(not fields.parameters, loc + ("parameters",), f"only {LLM_KINDS} models have parameters")
    if kind.endpoint not in REQUIRED_ENDPOINTS:  # else already reported once, at the endpoint
        lw.check(api.endpoints[kind.endpoint] is not None, loc + ("type",), f"api.endpoints.{kind.endpoint} is null")
    rules = (fields.parameters or []) if kind.llm_fields else []
    parameters = tuple(
        lower_parameter(lw, loc + ("parameters", i), p, fields.max_output_tokens) for i, p in enumerate(rules)
    )
    check_unique(lw, [(loc + ("parameters", i), p.name) for i, p in enumerate(parameters)], "parameter")
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
    )


def lower_pricing(lw: Lowering, loc: tuple, pricing: s.Pricing | None, priced_output: bool) -> Price | None:
    if pricing is None:
        return None
    lw.check(pricing.input is not None, loc + ("pricing",), "pricing needs an input price (here or in defaults)")
    if priced_output:
        lw.check(pricing.output is not None, loc + ("pricing",), f"{LLM_KINDS} pricing needs an output price")
    return Price(
        input=_decimal(pricing.input or Decimal(0)),
        output=_decimal(pricing.output) if pricing.output is not None and priced_output else None,
        unit=_decimal(PRICE_UNITS[pricing.per or "million"]),
        currency=pricing.currency or "USD",
    )


def _decimal(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def lower_parameter(lw: Lowering, loc: tuple, p: s.Parameter, max_output: int | None) -> ParameterRule:
    name = p.name or p.template
    if name is None:
        lw.error(loc, "a parameter needs a template or a name")
        name = "?"
    if p.template is None and p.type is None:
        lw.error(loc + ("type",), "a custom parameter (no template) needs a type")
    overrides = {k: v for k, v in p.model_dump(exclude={"template", "name", "send_as"}, exclude_none=True).items()}
    for key in ("label", "help"):
        if key in overrides:
            overrides[key] = i18n(overrides[key])
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
    return ParameterRule(
        name=name,
        template=p.template,
        send_as=p.send_as or name,
        encoding=ENCODINGS.get(p.template or "", "plain"),
        overrides=dict(sorted(overrides.items(), key=lambda kv: RULE_KEY_ORDER.index(kv[0]))),
    )


RULE_KEY_ORDER = ["label", "type", "help", "required", "default", "min", "max", "precision", "options"]


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


def check_unique(lw: Lowering, named: list[tuple[tuple, str]], what: str) -> None:
    """Report every (location, name) whose name was already used earlier in the list."""
    seen: set[str] = set()
    for loc, name in named:
        lw.check(name not in seen, loc, f"duplicate {what} {name!r}")
        seen.add(name)


def check_unique_models(lw: Lowering, spec: s.Spec) -> None:
    check_unique(lw, [(("models", i, "name"), m.name) for i, m in enumerate(spec.models)], "model name")


def collect_wire_parameters(lw: Lowering, models: tuple[ModelInfo, ...]) -> dict[str, tuple[str, str]]:
    """One provider-wide table name → (body key, encoding); a name must mean the same everywhere."""
    table: dict[str, tuple[str, str]] = {}
    for index, model in enumerate(models):
        for rule in model.parameters:
            wire = (rule.send_as, rule.encoding)
            if table.setdefault(rule.name, wire) != wire:
                lw.error(("models", index, "parameters"), f"parameter {rule.name!r} is sent differently by two models")
    return dict(sorted(table.items()))
