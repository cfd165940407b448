"""The spec language: pydantic models of one provider's YAML file (extra keys are errors)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Locale = Literal["en_US", "zh_Hans", "ja_JP", "pt_BR"]


def _needs_english(value: str | dict[str, str]) -> str | dict[str, str]:
    if isinstance(value, dict) and "en_US" not in value:
        raise ValueError("a localized text needs an en_US entry")
    return value


Text = Annotated[
    str | dict[Locale, str],
    AfterValidator(_needs_english),
    Field(description="A plain string (English) or a map of locale to text; the map needs en_US."),
]
ErrorKind = Literal["authorization", "rate_limit", "bad_request", "server_unavailable", "connection"]
Feature = Literal[
    "tool-call",
    "multi-tool-call",
    "stream-tool-call",
    "agent-thought",
    "vision",
    "document",
    "video",
    "audio",
    "structured-output",
]
Template = Literal[
    "temperature",
    "top_p",
    "top_k",
    "presence_penalty",
    "frequency_penalty",
    "max_tokens",
    "response_format",
    "json_schema",
]
ModelType = Literal["llm", "text-embedding"]


class Strict(BaseModel):
    """Base for every spec node: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Icons(Strict):
    small: str = Field(description="Small icon file, relative to the spec file (SVG or PNG).")
    large: str | None = Field(None, description="Large icon file; defaults to the small one.")
    small_dark: str | None = Field(None, description="Small icon for dark themes.")
    large_dark: str | None = Field(None, description="Large icon for dark themes.")


class Help(Strict):
    title: Text = Field(description="Link text shown next to the credential form.")
    url: str = Field(description="Where users get an API key.")


class Auth(Strict):
    scheme: Literal["bearer", "header", "query", "none"] = Field(
        "bearer", description="bearer: `Authorization: Bearer <key>`; header: a custom header; "
        "query: a query parameter; none: no key is sent."
    )
    name: str | None = Field(None, description="Header name (scheme header) or query parameter (scheme query).")
    prefix: str = Field("", description="Text put before the key in a custom header, e.g. 'Token '.")

    @model_validator(mode="after")
    def _name_when_needed(self) -> Auth:
        if self.scheme in ("header", "query") and not self.name:
            raise ValueError(f"auth scheme {self.scheme!r} needs a `name`")
        return self


class Endpoints(Strict):
    chat: str = Field("/chat/completions", description="Chat completions path, appended to the base URL.")
    models: str | None = Field(
        "/models", description="Model list path (GET) used to validate credentials; null validates with a chat call."
    )
    embeddings: str | None = Field("/embeddings", description="Embeddings path, used by text-embedding models.")
    transcriptions: str | None = Field(
        None,
        description="Audio transcription path (multipart upload, OpenAI style); used by the MaiBot plugin's "
        "audio_transcription operation. Null: the plugin refuses that operation.",
    )


class Timeouts(Strict):
    connect: float = Field(10.0, gt=0, description="Seconds to open a connection.")
    read: float = Field(300.0, gt=0, description="Seconds to wait for the next bytes of a response.")


class Api(Strict):
    base_url: str = Field(description="Default base URL, e.g. https://api.deepseek.com/v1.")
    endpoints: Endpoints = Field(default_factory=Endpoints, description="Paths of the provider's endpoints.")
    auth: Auth = Field(default_factory=Auth, description="How the API key is sent.")
    headers: dict[str, str] = Field(default_factory=dict, description="Static headers sent with every request.")
    timeouts: Timeouts = Field(default_factory=Timeouts, description="Request timeouts.")
    send_user: bool = Field(True, description="Forward the end user's id as `user` (some gateways reject it).")
    stream_usage: bool = Field(True, description="Send `stream_options: {include_usage: true}` when streaming.")
    reasoning_history: Literal["strip", "reasoning_content"] = Field(
        "strip",
        description="What happens to earlier <think> blocks in the history: strip them, or send them back "
        "as the assistant message's `reasoning_content` (DeepSeek tool turns need this).",
    )


class Option(Strict):
    value: str = Field(description="The stored value.")
    label: Text | None = Field(None, description="What the user sees; defaults to the value.")


class ApiKeyField(Strict):
    variable: str = Field("api_key", description="Credential variable name.")
    label: Text = Field("API Key", description="Form label.")
    placeholder: Text | None = Field(None, description="Placeholder text.")


class BaseUrlField(Strict):
    enabled: bool = Field(True, description="Let users override the base URL (proxies, regional endpoints).")
    variable: str = Field("base_url", description="Credential variable name.")
    label: Text = Field("API Base URL", description="Form label.")
    placeholder: Text | None = Field(None, description="Placeholder; defaults to the spec's base URL.")


class CredentialField(Strict):
    variable: str = Field(description="Credential variable name (letters, digits, underscores).")
    label: Text = Field(description="Form label.")
    type: Literal["text", "secret", "select", "switch"] = Field("text", description="Form control.")
    required: bool = Field(False, description="Whether the user must fill it in.")
    default: str | None = Field(None, description="Default value.")
    placeholder: Text | None = Field(None, description="Placeholder text.")
    options: list[Option] = Field(default_factory=list, description="Choices, for type select.")
    header: str | None = Field(None, description="Send the value in this request header when set.")
    query: str | None = Field(None, description="Send the value as this query parameter when set.")


class Credentials(Strict):
    api_key: ApiKeyField = Field(default_factory=ApiKeyField, description="The secret API key field.")
    base_url: BaseUrlField = Field(default_factory=BaseUrlField, description="The optional base URL override.")
    extra: list[CredentialField] = Field(default_factory=list, description="Further fields the provider needs.")


class Errors(Strict):
    status: dict[int, ErrorKind] = Field(
        default_factory=dict, description="HTTP status → error kind, on top of the defaults (401/403, 429, 4xx, 5xx)."
    )
    codes: dict[str, ErrorKind] = Field(
        default_factory=dict,
        description="Provider error code or type found in the error body (error.code / error.type) → error kind; "
        "wins over the status.",
    )


class Pricing(Strict):
    """Prices; a model's pricing is merged key by key over the default's."""

    input: Decimal | None = Field(None, ge=0, description="Price of input tokens, per `per` tokens (required).")
    output: Decimal | None = Field(None, ge=0, description="Price of output tokens (required for LLMs).")
    per: Literal["token", "thousand", "million"] | None = Field(
        None, description="The token count the prices are quoted for (default million); compiled to Dify's unit."
    )
    currency: str | None = Field(None, description="Currency code (default USD).")


class Parameter(Strict):
    template: Template | None = Field(None, description="Dify parameter template this rule starts from.")
    name: str | None = Field(None, description="Rule name; defaults to the template name. Required without template.")
    type: Literal["float", "int", "string", "boolean", "text"] | None = Field(None, description="Value type.")
    label: Text | None = Field(None, description="Label in the Dify UI.")
    help: Text | None = Field(None, description="Help text in the Dify UI.")
    required: bool | None = Field(None, description="Always sent (with the default) when true.")
    default: bool | int | float | str | None = Field(None, description="Default value.")
    min: int | float | None = Field(None, description="Lower bound (numbers).")
    max: int | float | None = Field(None, description="Upper bound (numbers).")
    precision: int | None = Field(None, description="Decimal places (floats).")
    options: list[str] | None = Field(None, description="Allowed values (strings).")
    send_as: str | None = Field(
        None, description="Request body key to send the value as; dots make nested objects (thinking.type)."
    )

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, data: object) -> object:
        return {"template": data} if isinstance(data, str) else data


class ModelFields(Strict):
    """Fields shared by model defaults and models."""

    mode: Literal["chat"] | None = Field(None, description="Dify LLM mode (chat).")
    context_size: int | None = Field(None, gt=0, description="Context window in tokens.")
    max_output_tokens: int | None = Field(None, gt=0, description="Most tokens one answer may have (LLMs).")
    max_chunks: int | None = Field(None, gt=0, description="Texts per embeddings request (text-embedding).")
    features: list[Feature] | None = Field(None, description="Dify features the model supports.")
    parameters: list[Parameter] | None = Field(None, description="Parameter rules; a model's list replaces the default.")
    pricing: Pricing | None = Field(None, description="Prices; omit for free models.")


class Model(ModelFields):
    name: str = Field(description="Model id sent to the API; also the model file's name.")
    label: Text | None = Field(None, description="Display name; defaults to the name.")
    type: ModelType = Field("llm", description="llm or text-embedding.")
    deprecated: bool = Field(False, description="Hidden from new selections in Dify.")


class Defaults(Strict):
    llm: ModelFields = Field(default_factory=ModelFields, description="Defaults for every llm model.")
    text_embedding: ModelFields = Field(
        default_factory=ModelFields, alias="text-embedding", description="Defaults for every text-embedding model."
    )


class DifyOptions(Strict):
    memory: int = Field(268435456, gt=0, description="Memory the daemon grants the plugin, in bytes.")
    minimum_dify_version: str | None = Field(None, description="Oldest Dify version the plugin supports.")
    created_at: str = Field(
        "2025-01-01T00:00:00Z", description="RFC 3339 timestamp for the manifest; fixed so builds are stable."
    )
    privacy: str | None = Field(None, description="Privacy policy text for PRIVACY.md (Markdown).")


class MaiBotOptions(Strict):
    client_type: str | None = Field(
        None,
        description="The client_type MaiBot users put in api_providers[].client_type. Default: the provider name. "
        "Never one of the host's built-ins (openai, openai_responses, gemini).",
    )
    plugin_id: str | None = Field(
        None, description="The plugin id in _manifest.json (needs a '.' or '-'). Default: '<author>.<name>'."
    )
    license: str = Field("MIT", description="License named in _manifest.json.")
    author_url: str | None = Field(None, description="Author URL for _manifest.json. Default: the repository URL.")
    locale: str = Field("en-US", description="Default locale of the plugin's texts in _manifest.json.")


class Spec(Strict):
    name: str = Field(description="Provider id; must equal the spec file's stem. Lowercase, digits, _ and -.")
    label: Text = Field(description="Provider display name.")
    description: Text = Field(description="One-line description.")
    author: str = Field(description="Plugin author (lowercase, digits, _ and -).")
    version: str = Field(description="Plugin version, x.y.z.")
    icons: Icons = Field(description="Icon files.")
    background: str | None = Field(None, description="Background colour of the provider card, e.g. '#EFF1FE'.")
    help: Help | None = Field(None, description="Where to get an API key.")
    api: Api = Field(description="How to reach the provider's OpenAI-compatible API.")
    credentials: Credentials = Field(default_factory=Credentials, description="Credential form fields.")
    errors: Errors = Field(default_factory=Errors, description="Error-code map.")
    defaults: Defaults = Field(default_factory=Defaults, description="Per-type model defaults.")
    models: list[Model] = Field(min_length=1, description="Models, in the order the UI lists them.")
    repository: str | None = Field(
        None,
        description="Source repository URL of the generated plugins (Dify manifest `repo`, MaiBot `urls.repository`). "
        "MaiBot falls back to help.url when it is not set.",
    )
    dify: DifyOptions = Field(default_factory=DifyOptions, description="Dify-only plugin settings.")
    maibot: MaiBotOptions = Field(default_factory=MaiBotOptions, description="MaiBot-only plugin settings.")
