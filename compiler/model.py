"""The intermediate model: every name, default and unit resolved; targets only read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from compiler.errors import Diagnostic
from compiler.tables import KIND_BY_NAME, KINDS, PROTOCOLS, Kind

I18n = dict[str, str]
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# An auth scheme -> the runtime module it needs beyond the core (http.signed imports it lazily).
AUTH_MODULES = {"aws_sigv4": "aws", "google_service_account": "google", "entra_id": "entra"}
Encoding = Literal["plain", "response_format", "json_schema", "json", "list", "tool", "control"]


@dataclass(frozen=True)
class ParameterRule:
    """One Dify parameter rule plus how its value goes on the wire."""

    name: str
    template: str | None
    send_as: str  # the body key (dots nest), or the protocol setting a control steers
    encoding: Encoding
    keys: tuple[tuple[str, str], ...] = ()  # (another protocol of the plugin, the body key it takes instead)
    overrides: dict[str, object] = field(default_factory=dict)
    values: tuple[tuple[object, object], ...] = ()  # (value the user picks, what is sent; None: nothing)
    omit_when: tuple[tuple[str, object], ...] = ()  # (other parameter, its value): this one is not sent
    adds_tool: dict[str, object] | None = None  # the built-in tool a boolean parameter adds to `tools`
    headers: tuple[tuple[str, str], ...] = ()  # request headers sent while the parameter is on
    body: dict[str, object] | None = None  # fixed body fields sent while the parameter is on
    # omit_when with the other parameter's default on the same model: (other, value, its default)
    omissions: tuple[tuple[str, object, object], ...] = ()

    def wire(self) -> tuple[object, ...]:
        """Everything about how the rule is sent that two rules of one name must agree on."""
        return (self.send_as, self.keys, self.encoding, self.adds_tool, self.headers, self.body)

    def record(self) -> dict[str, object]:
        """The rule's entry in config.PARAMETERS (runtime/parameters.py reads it): where its value
        goes (a body key, a built-in tool, a protocol setting, or the answer's format), how it is
        read, and what it brings along; empty fields are left out by the caller."""
        send = {"tool": ("tool", self.adds_tool), "control": ("control", self.send_as)}
        send |= {kind: ("format", kind) for kind in ("response_format", "json_schema")}
        where, target = send.get(self.encoding, ("key", self.send_as))
        out: dict[str, object] = {where: target}
        if self.keys and where == "key":
            out["keys"] = dict(self.keys)
        if self.encoding in ("json", "list"):
            out["parse"] = self.encoding
        return out | {"values": self.values, "omit_when": self.omissions, "headers": self.headers, "body": self.body}

    def declaration(self) -> dict[str, object]:
        """The rule as Dify's model YAML spells it."""
        head: dict[str, object] = {"name": self.name}
        if self.template:
            head["use_template"] = self.template
        return head | self.overrides


COUNT_SUFFIXES = ((9, "B"), (6, "M"), (3, "K"), (0, ""))


def unit_label(unit: str) -> str:
    """How many tokens a Dify pricing `unit` is for, in words: token, 1K tokens, 100K tokens, 1M
    tokens; a unit that is not one over a power of ten, as itself."""
    try:
        count = 1 / Decimal(unit)
    except (InvalidOperation, ZeroDivisionError):
        return f"{unit} token"
    digits = format(count.normalize(), "f")
    if count == 1:
        return "token"
    if not re.fullmatch(r"10*", digits):
        return f"{unit} token"
    exponent, suffix = next((e, s) for e, s in COUNT_SUFFIXES if len(digits) - 1 >= e)
    return f"{10 ** (len(digits) - 1 - exponent)}{suffix} tokens"


@dataclass(frozen=True)
class Price:
    input: str
    output: str | None
    unit: str
    currency: str

    @property
    def per_label(self) -> str:
        """How many tokens the prices are for, in words (for READMEs)."""
        return unit_label(self.unit)


@dataclass(frozen=True)
class ModelInfo:
    name: str
    label: I18n
    type: str  # a kind's name (compiler/tables.py)
    mode: str
    context_size: int
    max_output_tokens: int | None
    max_chunks: int
    features: tuple[str, ...]
    parameters: tuple[ParameterRule, ...]
    pricing: Price | None
    deprecated: bool
    file: str = ""  # the Dify model YAML's file name without `.yaml` (lower/models.py: file_stem)
    # Dify's model_properties of a kind other than llm, in Dify's key order (lower/models.py).
    properties: dict[str, object] = field(default_factory=dict)
    # What the runtime sends for this model beyond the kind's defaults (config.MODEL_SETTINGS).
    settings: dict[str, object] = field(default_factory=dict)

    @property
    def kind(self) -> Kind:
        return KIND_BY_NAME[self.type]

    @property
    def draws(self) -> bool:
        """The model answers with images (output_modalities with image)."""
        return "output_modalities" in self.settings

    def added_schema(self) -> dict[str, object]:
        """The model as the AIModelEntity dict of a model a user adds as an instance of it (a base
        model: runtime/customizable.py puts the user's id and label in), what its model YAML holds."""
        properties: dict[str, object] = dict(self.properties)
        out: dict[str, object] = {"model": self.name, "label": self.label, "model_type": self.type}
        out["fetch_from"] = "customizable-model"
        if self.kind.llm_fields:
            out["features"] = list(self.features)
            properties = {"mode": self.mode} | ({"context_size": self.context_size} if self.context_size else {})
            out["parameter_rules"] = [rule.declaration() for rule in self.parameters]
        elif self.type in ("text-embedding", "rerank"):  # as their model YAML templates write them
            properties = {"context_size": self.context_size}
            properties |= {"max_chunks": self.max_chunks} if self.type == "text-embedding" else {}
        out["model_properties"] = properties
        if self.pricing:
            price = self.pricing
            out["pricing"] = {"input": price.input} | ({"output": price.output} if price.output is not None else {})
            out["pricing"] |= {"unit": price.unit, "currency": price.currency}  # type: ignore[operator]
        return out | ({"deprecated": True} if self.deprecated else {})

    @property
    def details(self) -> str:
        """What sets the model apart, in a few words (READMEs)."""
        props, settings = self.properties, self.settings
        if self.type == "llm":
            return ", ".join(self.features + (("answers with images",) if self.draws else ()))
        if self.type == "text-embedding" and settings.get("dimensions"):
            return f"{settings['dimensions']} dimensions"
        if self.type == "speech2text":
            return f"{props['supported_file_extensions'].replace(',', ', ')}; up to {props['file_upload_limit']} MB"
        if self.type == "tts":
            return "voices: " + ", ".join(v["mode"] for v in props["voices"])
        if self.type == "moderation":
            return f"{props['max_characters_per_chunk']} characters per chunk"
        return ""


@dataclass(frozen=True)
class Option:
    value: str
    label: I18n
    show_on: tuple[tuple[str, str], ...] = ()  # Dify's show_on of one option: (variable, value) conditions


@dataclass(frozen=True)
class CredentialInfo:
    variable: str
    label: I18n
    type: str
    required: bool
    default: str | None = None
    placeholder: I18n | None = None
    options: tuple[Option, ...] = ()
    header: str | None = None
    query: str | None = None
    show_on: tuple[tuple[str, str], ...] = ()  # Dify's show_on: (variable, value) conditions


@dataclass(frozen=True)
class Auth:
    scheme: str
    name: str | None
    prefix: str

    @property
    def wire(self) -> tuple[str, str | None, str]:
        """How the runtime sends the key (config.AUTH): bearer is the header `Authorization: Bearer`."""
        if self.scheme == "bearer":
            return ("header", "Authorization", "Bearer ")
        return (self.scheme, self.name, self.prefix)


# Auth scheme -> the hosts its runtime module names (the token endpoint, the token's audience).
AUTH_HOSTS = {
    "entra_id": ("login.microsoftonline.com", "cognitiveservices.azure.com"),
    # a key's token_uri and the JWT's audience; the scope's URL (www.googleapis.com/auth/cloud-platform)
    # is a name, not a host reached, but the Marketplace's scan lists every host a plugin names
    "google_service_account": ("oauth2.googleapis.com", "www.googleapis.com"),
}


@dataclass(frozen=True)
class ApiInfo:
    protocol: str
    embeddings_module: str  # the runtime module text-embedding models use (config.EMBEDDINGS)
    rerank_module: str  # the runtime module rerank models use (config.RERANKER)
    base_url: str
    endpoints: dict[str, str | None]  # endpoint key -> path (None: the provider has none)
    declared: frozenset[str]  # the endpoint keys the spec sets itself
    auth: Auth
    headers: dict[str, str]
    connect_timeout: float
    read_timeout: float
    send_user: bool
    user: tuple[str, int | None, bool]  # (body key, length cut or None, hashed): config.USER
    stream_usage: bool
    reasoning_history: str
    prompt_cache: bool  # config.PROMPT_CACHE
    rerank: dict[str, object]  # the rerank call's shape (spec.Rerank; config.RERANK)
    embedding: dict[str, object]  # the embeddings call's shape (spec.Embeddings; config.EMBEDDING)
    speech: dict[str, object]  # the speech call's shape (spec.Speech; config.SPEECH)
    body: dict[str, object]  # fixed fields of every chat request (config.BODY)
    messages: dict[str, bool]  # how the conversation is tidied (config.MESSAGES)
    api_key_variable: str
    base_url_variable: str | None
    credential_headers: dict[str, str]
    credential_query: dict[str, str]
    base_url_choices: dict[str, dict[str, str]]  # credential field -> its value -> the base URL it picks
    base_url_rewrite: tuple[str, str] | None = None  # ("append", path) / ("keep", "origin"): config.BASE_URL_REWRITE
    spoken: tuple[str, ...] = ()  # every protocol the models speak, `protocol` first
    url_values: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a URL's `{variable}` -> default, options
    profiles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # model id -> profile prefixes: config.PROFILES
    host_aliases: dict[str, str] = field(default_factory=dict)  # api.hosts: config.HOSTS
    prefixes: dict[str, str] = field(default_factory=dict)  # api.prefixes: config.MODEL_PREFIXES
    protocols: dict[str, dict[str, object]] = field(default_factory=dict)  # the others': endpoints, auth, headers
    protocol_choices: dict[str, dict[str, str]] = field(default_factory=dict)  # config.PROTOCOL_CHOICES
    native_path: str | None = None  # api.native_path: where the protocols' own APIs are served (config.NATIVE)

    @property
    def schemes(self) -> set[str]:
        """The auth schemes of every protocol spoken."""
        return {self.auth.scheme} | {entry["auth"].scheme for entry in self.protocols.values()}  # type: ignore[union-attr]

    @property
    def auth_modules(self) -> list[str]:
        """The runtime modules the auth schemes need beyond the core (http.signed imports them)."""
        return [module for scheme, module in AUTH_MODULES.items() if scheme in self.schemes]

    @property
    def native(self) -> tuple[str, tuple[tuple[str, str], ...]] | None:
        """config.NATIVE: the native path, and each endpoint path of the spec's protocols that is not
        the protocol's own -> that protocol's own (what a base URL under the native path is called at)."""
        if self.native_path is None:
            return None
        paths = {}
        tables = [(self.protocol, self.endpoints)] + [(n, e["endpoints"]) for n, e in self.protocols.items()]
        for name, endpoints in tables:
            own = PROTOCOLS[name].endpoints
            for key, path in endpoints.items():  # type: ignore[union-attr]
                if path and own.get(key) and path != own[key]:
                    paths.setdefault(path, own[key])
        return (self.native_path, tuple(sorted(paths.items())))

    def maibot_path(self, key: str) -> str | None:
        """Where MaiBot's calls of an endpoint go after its base URL: under the native path, the
        protocol's own path there; else the spec's (READMEs)."""
        path = self.endpoints.get(key)
        native = self.native
        if native is None or path is None:
            return path
        return native[0] + dict(native[1]).get(path, path)

    @property
    def url_defaults(self) -> dict[str, str]:
        """config.URL_DEFAULTS: what each `{variable}` of the base URL is when its credential is empty."""
        return {name: values[0] for name, values in self.url_values.items()}

    @property
    def example_base_url(self) -> str:
        """The base URL with its `{variable}`s at their defaults (READMEs): one a user can copy."""
        url = self.base_url
        for placeholder in sorted(set(PLACEHOLDER.findall(url))):
            value = next((self.url_values[n][0] for n in placeholder.split("|") if n in self.url_values), None)
            url = url.replace("{" + placeholder + "}", value) if value else url
        return url

    def hosts(self, url: str) -> set[str]:
        """The hosts a base URL reaches, one per value of each `{variable}` in it (`{a|b}`: a's values,
        else b's), as api.hosts renames them."""
        urls = [url]
        netloc = url.split("://", 1)[-1].split("/", 1)[0]
        for placeholder in sorted(set(PLACEHOLDER.findall(url))):
            values = next((self.url_values[n] for n in placeholder.split("|") if n in self.url_values), ())
            if not values and "{" + placeholder + "}" not in netloc:
                values = ("_",)  # a variable of the path only (an account id) leaves the host as it is
            urls = [u.replace("{" + placeholder + "}", v) for u in urls for v in values]
        found = {urlsplit(u).hostname or "" for u in urls if "{" not in u} - {""}
        return {self.host_aliases.get(host, host) for host in found}

    @property
    def runtime_protocols(self) -> dict[str, dict[str, object]]:
        """config.PROTOCOLS: each further protocol's endpoints, auth as config.AUTH spells it, headers."""
        return {name: entry | {"auth": entry["auth"].wire} for name, entry in self.protocols.items()}  # type: ignore[union-attr]

    @property
    def rewrite_words(self) -> str:
        """What becomes of a base URL a user sets, in words (READMEs; empty: it is used as given)."""
        if self.base_url_rewrite is None:
            return ""
        how, value = self.base_url_rewrite
        return (
            "only its scheme and host are used" if how == "keep" else f"`{value}` is added unless its path ends with it"
        )


@dataclass(frozen=True)
class CustomInfo:
    """Models Dify users add by id (customizable-model)."""

    types: tuple[str, ...]  # kind names, in the kinds table's order
    form: tuple[CredentialInfo, ...]  # model_credential_schema: the credentials, then the model fields
    variables: tuple[str, ...]  # the form variables of the offered fields (config.CUSTOMIZABLE["fields"])
    properties: dict[str, dict[str, object]]  # kind -> its model_properties before the user's values
    parameters: tuple[ParameterRule, ...]  # an llm's rules (max_tokens bounded by the user's value)
    reasoning_parameters: tuple[ParameterRule, ...]  # added when the user says the llm reasons
    max_output_tokens: int  # when the user gives none
    pricing: tuple[str, str]  # (currency, Dify unit) of the prices users enter
    renamed: dict[str, str] = field(default_factory=dict)  # field -> the form variable the spec gives it
    on: dict[str, tuple[str, ...]] = field(default_factory=dict)  # toggle -> its values that mean on
    base_models: tuple[ModelInfo, ...] = ()  # what an added model may be an instance of (lower/bases.py)
    base_variable: str = ""  # the form variable naming the user's pick of them

    def runtime(self) -> dict[str, object]:
        """config.CUSTOMIZABLE (`variables` and `on` only when the spec reshapes a field; `bases`,
        base model -> its type, schema and settings, and `base_variable` only with base models)."""
        shaped = {"variables": self.renamed} if self.renamed else {}
        if self.base_models:
            shaped |= {"base_variable": self.base_variable, "bases": self.base_runtime()}
        return (
            {
                "types": self.types,
                "fields": self.variables,
                "properties": self.properties,
                "parameters": [rule.declaration() for rule in self.parameters],
                "reasoning_parameters": [rule.declaration() for rule in self.reasoning_parameters],
                "max_output_tokens": self.max_output_tokens,
                "pricing": self.pricing,
            }
            | shaped
            | ({"on": self.on} if self.on else {})
        )

    def base_runtime(self) -> dict[str, dict[str, object]]:
        return {m.name: {"type": m.type, "schema": m.added_schema(), "settings": m.settings} for m in self.base_models}


NOT_CUSTOMIZABLE = {
    "types": (),
    "fields": (),
    "properties": {},
    "parameters": [],
    "reasoning_parameters": [],
    "max_output_tokens": 0,
    "pricing": ("USD", "0.000001"),
}


@dataclass(frozen=True)
class ErrorMap:
    status: dict[int, str]
    codes: dict[str, str]
    in_body: tuple | None = None  # config.BODY_STATUS


@dataclass(frozen=True)
class MaiBotInfo:
    """What MaiBot's _manifest.json and @LLMProvider need beyond the shared fields."""

    client_type: str
    plugin_id: str
    license: str
    license_file: Path | None  # the spec's own LICENSE; None: the bundled text of `license`
    author_url: str
    repository: str
    locale: str


@dataclass(frozen=True)
class Asset:
    """An icon copied byte for byte into the plugin."""

    role: str
    source: Path
    filename: str


@dataclass(frozen=True)
class Provider:
    name: str
    spec_file: str  # the spec's folder and file name (specs/acme.yaml): stable wherever the build runs
    label: I18n
    description: I18n
    author: str
    version: str
    assets: tuple[Asset, ...]
    background: str | None
    help_title: I18n | None
    help_url: str | None
    api: ApiInfo
    credentials: tuple[CredentialInfo, ...]
    errors: ErrorMap
    models: tuple[ModelInfo, ...]
    parameters: dict[str, dict[str, object]]  # parameter name -> its record (config.PARAMETERS)
    kind_settings: dict[str, dict[str, object]]  # kind -> what an unlisted model gets (config.KIND_SETTINGS)
    maibot: MaiBotInfo
    dify_memory: int
    dify_minimum_version: str
    created_at: str
    repo: str
    contact: str | None
    privacy: str | None
    customizable: CustomInfo | None = None
    warnings: tuple[Diagnostic, ...] = ()
    check_model: str | None = None  # credentials.check: the model credentials are checked with
    check_field: str | None = None  # the credential field naming it instead (check_model: its default)

    @property
    def domains(self) -> tuple[str, ...]:
        """The hosts the plugin reaches unless a user sets another base URL, and its auth scheme's:
        manifest network.domains."""
        urls = [self.api.base_url] + [url for urls in self.api.base_url_choices.values() for url in urls.values()]
        # An endpoint of the kinds served that is a whole URL of its own (Bedrock's rerank host).
        urls += [str(path) for k in self.kinds if "://" in str(path := self.api.endpoints.get(k.endpoint) or "")]
        urls += [str(m.settings["endpoint"]) for m in self.models if "://" in str(m.settings.get("endpoint", ""))]
        urls += [str(entry["base_url"]) for entry in self.api.protocols.values() if entry.get("base_url")]
        auth = {host for scheme in self.api.schemes for host in AUTH_HOSTS.get(scheme, ())}
        return tuple(sorted(set().union(auth, *(self.api.hosts(url) for url in urls))))

    @property
    def class_prefix(self) -> str:
        """CamelCase of the provider name, usable at the start of a Python class name."""
        camel = "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_]+", self.name))
        return camel if camel[:1].isalpha() else "Provider" + camel

    @property
    def kinds(self) -> tuple[Kind, ...]:
        """The kinds the Dify plugin serves: those the spec declares models of or lets users add, in
        the kinds table's order (llm first)."""
        custom = self.customizable.types if self.customizable else ()
        return tuple(kind for kind in KINDS if self.models_of(kind.name) or kind.name in custom)

    def is_customizable(self, kind: Kind) -> bool:
        return bool(self.customizable) and kind.name in self.customizable.types

    @property
    def custom_runtime(self) -> dict[str, object]:
        """config.CUSTOMIZABLE (the same shape when nothing is customizable)."""
        return self.customizable.runtime() if self.customizable else NOT_CUSTOMIZABLE

    @property
    def wire_ids(self) -> dict[str, str]:
        """Model → the id the API gets, for the MaiBot plugin's models whose api_id is not their name."""
        served = self.maibot_kinds
        return {m.name: str(m.settings["api_id"]) for m in self.models if "api_id" in m.settings and m.kind in served}

    @property
    def drawing(self) -> tuple[str, ...]:
        """The chat models that answer with images (READMEs)."""
        return tuple(m.name for m in self.models if m.draws)

    def models_of(self, type_: str) -> tuple[ModelInfo, ...]:
        return tuple(m for m in self.models if m.type == type_)

    def parameter(self, model: ModelInfo, name: str) -> dict[str, object]:
        """The record of parameter `name` as `model` sends it: its config.PARAMETERS entry with the
        model's own overrides (what runtime/parameters.py reads)."""
        return self.parameters[name] | model.settings.get("parameters", {}).get(name, {})  # type: ignore[union-attr]

    @property
    def chat_parameters(self) -> dict[str, tuple[str, ...]]:
        """Chat model → the parameter names its rules declare (what the provider accepts for it)."""
        return {m.name: tuple(r.name for r in m.parameters) for m in self.models if m.kind.llm_fields}

    @property
    def secret_variables(self) -> tuple[str, ...]:
        """Credential variables whose values never appear in a message or a log (the API key first)."""
        return tuple(c.variable for c in self.credentials if c.type == "secret-input")

    @property
    def maibot_kinds(self) -> tuple[Kind, ...]:
        """The kinds the MaiBot plugin serves: those with an operation whose endpoint is there and
        that the spec declares models of, or whose endpoint it names itself."""
        return tuple(
            kind
            for kind in KINDS
            if kind.maibot
            and self.api.endpoints.get(kind.endpoint)
            and (kind in self.kinds or kind.endpoint in self.api.declared)
        )

    @property
    def endpoints(self) -> dict[str, str | None]:
        """The endpoints the plugins call (config.ENDPOINTS): chat and the model list, each kind's
        that either target serves, and completions for completion-mode models."""
        used = {"chat", "models"} | {kind.endpoint for kind in self.kinds + self.maibot_kinds}
        picked = self.customizable is not None and "mode" in self.customizable.variables
        bases = self.customizable.base_models if self.customizable else ()
        used |= {"completions"} if picked or any(m.mode == "completion" for m in self.models + bases) else set()
        used |= {"stream"} if self.api.endpoints.get("stream") else set()
        return {key: path for key, path in self.api.endpoints.items() if key in used}

    @property
    def model_settings(self) -> dict[str, dict[str, object]]:
        """Model → what the runtime sends for it beyond the usual (config.MODEL_SETTINGS): every model
        whose settings are not its kind's defaults (those, config.KIND_SETTINGS, are what the others
        get, and any model the spec does not list), and every model whose name another sends as its
        api_id (so a MaiBot identifier that is both is read as the name)."""
        aliases = {m.settings["api_id"] for m in self.models if "api_id" in m.settings}
        return {
            m.name: m.settings
            for m in self.models
            if m.settings != self.kind_settings.get(m.type, {}) or m.name in aliases
        }

    @property
    def validation_model(self) -> ModelInfo | None:
        """The model provider credentials are validated with: the spec's `credentials.check` (a field's
        default), else the first predefined model of the first kind (None: no predefined models, so no
        provider-wide credentials to validate)."""
        chosen = next((m for m in self.models if m.name == self.check_model), None)
        return chosen or next((m for kind in self.kinds for m in self.models_of(kind.name)), None)

    def icon(self, role: str) -> Asset | None:
        return next((a for a in self.assets if a.role == role), None)

    def asset(self, role: str) -> str | None:
        """The file name the icon of `role` gets in the plugin, if the spec has one."""
        icon = self.icon(role)
        return icon.filename if icon else None
