"""Spec → intermediate model: apply defaults, resolve names and units, cross-check."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from compiler import spec as s
from compiler.errors import CompileError, Diagnostic
from compiler.load import LoadedSpec
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
DEFAULT_MAX_TOKENS = 4096


class Lowering:
    """Collects located diagnostics while lowering one spec."""

    def __init__(self, loaded: LoadedSpec) -> None:
        self.loaded = loaded
        self.diagnostics: list[Diagnostic] = []

    def error(self, loc: tuple[str | int, ...], message: str) -> None:
        line, col = self.loaded.locate(loc)
        path = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
        self.diagnostics.append(Diagnostic("error", str(self.loaded.path), message, line, col, path))

    def check(self, ok: bool, loc: tuple[str | int, ...], message: str) -> None:
        if not ok:
            self.error(loc, message)


def validate_spec(loaded: LoadedSpec) -> s.Spec:
    """Pydantic validation, with every error located in the YAML."""
    try:
        return s.Spec.model_validate(loaded.data)
    except ValidationError as exc:
        lowering = Lowering(loaded)
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not _is_union_tag(p))
            lowering.error(loc, _pydantic_message(err))
        raise CompileError(lowering.diagnostics) from None


def _is_union_tag(part: object) -> bool:
    return isinstance(part, str) and ("[" in part or part in {"str", "function-after"})


def _pydantic_message(err: dict) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown key"
    if err["type"] == "missing":
        return "required key is missing"
    message = err["msg"].removeprefix("Value error, ")
    if "input" in err and err["type"] not in ("missing",) and not isinstance(err["input"], (dict, list)):
        message += f", got {err['input']!r}"
    return message


def i18n(text: str | dict[str, str]) -> I18n:
    return {"en_US": text} if isinstance(text, str) else dict(text)


def lower(loaded: LoadedSpec) -> Provider:
    """Validate and lower a loaded spec; raises CompileError with every problem found."""
    spec = validate_spec(loaded)
    lw = Lowering(loaded)
    check_identity(lw, spec)
    assets = lower_assets(lw, spec)
    api = lower_api(lw, spec)
    credentials = lower_credentials(lw, spec)
    models = tuple(lower_model(lw, spec, i) for i in range(len(spec.models)))
    check_unique_models(lw, spec)
    wire_parameters = collect_wire_parameters(lw, models)
    errors = lower_errors(lw, spec)
    maibot = lower_maibot(lw, spec)
    if lw.diagnostics:
        raise CompileError(lw.diagnostics)
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
    where = ("maibot", "plugin_id") if options.plugin_id else ("name",)
    ok = bool(PLUGIN_ID_RE.match(plugin_id))
    lw.check(ok, where, f"MaiBot plugin id must match {PLUGIN_ID_RE.pattern}, got {plugin_id!r}")
    lw.check(bool(options.license.strip()), ("maibot", "license"), "must not be empty")
    lw.check(bool(LOCALE_RE.match(options.locale)), ("maibot", "locale"), f"must be like 'en-US', got {options.locale!r}")
    repository = spec.repository or (spec.help.url if spec.help else "")
    if not repository:
        lw.error(("repository",), "required key is missing (MaiBot's _manifest.json needs it for urls.repository; help.url would also do)")
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
        elif not source.is_file():
            lw.error(loc, f"icon file not found: {relative!r} (paths are relative to the spec file)")
        assets.append(Asset(role, source, names[role] + source.suffix.lower()))
    return tuple(assets)


def lower_api(lw: Lowering, spec: s.Spec) -> ApiInfo:
    api = spec.api
    lw.check(bool(URL_RE.match(api.base_url)), ("api", "base_url"), f"must be an http(s) URL, got {api.base_url!r}")
    for key in ("chat", "models", "embeddings", "transcriptions"):
        path = getattr(api.endpoints, key)
        if path is not None:
            lw.check(path.startswith("/"), ("api", "endpoints", key), f"must start with '/', got {path!r}")
    extra = spec.credentials.extra
    return ApiInfo(
        base_url=api.base_url.rstrip("/"),
        chat_path=api.endpoints.chat,
        models_path=api.endpoints.models,
        embeddings_path=api.endpoints.embeddings,
        transcriptions_path=api.endpoints.transcriptions,
        auth=Auth(api.auth.scheme, api.auth.name, api.auth.prefix),
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


def lower_credentials(lw: Lowering, spec: s.Spec) -> tuple[CredentialInfo, ...]:
    creds = spec.credentials
    key = creds.api_key
    fields = [
        CredentialInfo(
            variable=key.variable,
            label=i18n(key.label),
            type="secret-input",
            required=spec.api.auth.scheme != "none",
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
    lw.check(len(fields) <= 32, ("credentials",), f"Dify allows at most 32 credential fields, got {len(fields)}")
    return tuple(fields)


def lower_errors(lw: Lowering, spec: s.Spec) -> ErrorMap:
    for status in spec.errors.status:
        lw.check(400 <= status <= 599, ("errors", "status", status), f"must be an HTTP error status, got {status}")
    status = DEFAULT_STATUS_KINDS | dict(spec.errors.status)
    return ErrorMap(status=dict(sorted(status.items())), codes=dict(spec.errors.codes))


def merged(spec: s.Spec, model: s.Model) -> s.ModelFields:
    """Model fields over the defaults for its type (a model's value wins, lists included)."""
    base = spec.defaults.llm if model.type == "llm" else spec.defaults.text_embedding
    own = {k: getattr(model, k) for k in model.model_fields_set & set(s.ModelFields.model_fields)}
    if base.pricing and model.pricing:
        own["pricing"] = base.pricing.model_copy(update=model.pricing.model_dump(exclude_unset=True))
    return base.model_copy(update=own)


def lower_model(lw: Lowering, spec: s.Spec, index: int) -> ModelInfo:
    model = spec.models[index]
    fields = merged(spec, model)
    loc = ("models", index)
    lw.check(bool(MODEL_NAME_RE.match(model.name)), loc + ("name",), f"must be a safe file name, got {model.name!r}")
    lw.check(fields.context_size is not None, loc, "context_size is required (here or in defaults)")
    is_llm = model.type == "llm"
    if not is_llm:
        lw.check(not fields.features, loc + ("features",), "only llm models have features")
        lw.check(not fields.parameters, loc + ("parameters",), "only llm models have parameters")
        lw.check(spec.api.endpoints.embeddings is not None, loc + ("type",), "api.endpoints.embeddings is null")
    parameters = tuple(
        lower_parameter(lw, loc + ("parameters", i), p, fields.max_output_tokens)
        for i, p in enumerate(fields.parameters or [])
    ) if is_llm else ()
    check_unique(lw, [(loc + ("parameters", i), p.name) for i, p in enumerate(parameters)], "parameter")
    lw.check(len(parameters) <= 128, loc + ("parameters",), "Dify allows at most 128 parameter rules")
    return ModelInfo(
        name=model.name,
        label=i18n(model.label or model.name),
        type=model.type,
        mode=fields.mode or "chat",
        context_size=fields.context_size or 0,
        max_output_tokens=fields.max_output_tokens,
        max_chunks=fields.max_chunks or 1,
        features=tuple(dict.fromkeys(fields.features or [])) if is_llm else (),
        parameters=parameters,
        pricing=lower_pricing(lw, loc, fields.pricing, is_llm),
        deprecated=model.deprecated,
    )


def lower_pricing(lw: Lowering, loc: tuple, pricing: s.Pricing | None, is_llm: bool) -> Price | None:
    if pricing is None:
        return None
    lw.check(pricing.input is not None, loc + ("pricing",), "pricing needs an input price (here or in defaults)")
    if is_llm:
        lw.check(pricing.output is not None, loc + ("pricing",), "llm pricing needs an output price")
    return Price(
        input=_decimal(pricing.input or Decimal(0)),
        output=_decimal(pricing.output) if pricing.output is not None and is_llm else None,
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
    overrides = {
        k: v
        for k, v in p.model_dump(exclude={"template", "name", "send_as"}, exclude_none=True).items()
    }
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
