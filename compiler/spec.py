"""The spec language: pydantic models of one provider's YAML file (extra keys are errors)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, model_validator

from compiler.tables import MODEL_TYPES, PROTOCOLS

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
ModelType = Literal[MODEL_TYPES]
Protocol = Literal[tuple(PROTOCOLS)]


class Strict(BaseModel):
    """Base for every spec node: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Icons(Strict):
    small: str = Field(
        description="Small icon file, relative to the spec file (SVG or PNG).", examples=["icons/acme_s.svg"]
    )
    large: str | None = Field(
        None, description="Large icon file; defaults to the small one.", examples=["icons/acme_l.svg"]
    )
    small_dark: str | None = Field(None, description="Small icon for dark themes.", examples=["icons/acme_s_dark.svg"])
    large_dark: str | None = Field(None, description="Large icon for dark themes.", examples=["icons/acme_l_dark.svg"])


class Help(Strict):
    title: Text = Field(
        description="Link text shown next to the credential form.",
        examples=[{"en_US": "Get your API key", "zh_Hans": "获取 API 密钥"}],
    )
    url: str = Field(description="Where users get an API key.", examples=["https://platform.deepseek.com/api_keys"])


class Auth(Strict):
    scheme: Literal["bearer", "header", "query", "aws_sigv4", "google_service_account", "entra_id", "none"] | None = (
        Field(
            None,
            description="bearer: `Authorization: Bearer <key>`; header: a custom header; "
            "query: a query parameter; aws_sigv4: AWS Signature V4 with the key pair of the credentials "
            "aws_access_key_id and aws_secret_access_key (and aws_session_token), or the API key as a bearer "
            "token; google_service_account: the API key field holds a Google service-account key (JSON, or its "
            "base64), signed into an RS256 JWT exchanged at its token_uri for an access token that is cached "
            "until shortly before it expires, or else a Vertex AI express-mode API key (x-goog-api-key, to the "
            "global host, on paths without /projects/…/locations/…); "
            "entra_id: the API key in the header `name` (Azure's api-key), or with the credential auth_method "
            "entra_id_service_principal a Microsoft Entra ID token (client credentials of azure_tenant_id, "
            "azure_client_id, azure_client_secret) as a bearer token; "
            "none: no key is sent. Default: the protocol's (openai_chat: bearer; bedrock_converse: aws_sigv4).",
            examples=["bearer", "header"],
        )
    )
    service: str | None = Field(
        None,
        description="aws_sigv4: the AWS service requests are signed for (default: bedrock).",
        examples=["bedrock"],
    )
    name: str | None = Field(
        None,
        description="Header name (scheme header; entra_id: the API key's) or query parameter (scheme query).",
        examples=["X-Api-Key", "key"],
    )
    prefix: str = Field(
        "", description="Text put before the key in a custom header, e.g. 'Token '.", examples=["Token "]
    )

    @model_validator(mode="after")
    def _name_when_needed(self) -> Auth:
        if self.scheme in ("header", "query", "entra_id") and not self.name:
            raise ValueError(f"auth scheme {self.scheme!r} needs a `name`")
        return self


class Endpoints(Strict):
    """Endpoint paths, appended to the base URL; a key left out takes the protocol's default, an
    explicit null means the provider has no such endpoint."""

    chat: str | None = Field(
        None,
        description="Chat path. Default: the protocol's (openai_chat: /chat/completions).",
        examples=["/chat/completions"],
    )
    stream: str | None = Field(
        None,
        description="Path of streamed chat calls, where it is not the chat path (openai_chat and "
        "anthropic_messages; Vertex AI's :streamRawPredict). Default: the chat path.",
        examples=[
            "/v1/projects/{vertex_project_id}/locations/{vertex_location}/publishers/anthropic/models/{model}:streamRawPredict"
        ],
    )
    completions: str | None = Field(
        None,
        description="Text completion path, used by llm models of mode completion ({model, prompt} -> "
        "choices[].text). Default: the protocol's (openai_chat: /completions).",
        examples=["/completions"],
    )
    models: str | None = Field(
        None,
        description="Path of a GET that needs the key, used to validate credentials (the model list on most "
        "APIs; OpenRouter's is public, so its spec names /key); null validates with a chat call. Default: the "
        "protocol's (openai_chat: /models).",
        examples=["/models", None],
    )
    embeddings: str | None = Field(
        None,
        description="Embeddings path, used by text-embedding models. Default: the protocol's "
        "(openai_chat: /embeddings).",
        examples=["/embeddings", None],
    )
    rerank: str | None = Field(
        None,
        description="Rerank path, used by rerank models (body and answer shape: api.rerank). Default: the "
        "protocol's (openai_chat: /rerank).",
        examples=["/rerank", "/reranking"],
    )
    transcriptions: str | None = Field(
        None,
        description="Audio transcription path (multipart upload, OpenAI style), used by speech2text models "
        "(Dify) and the MaiBot plugin's audio_transcription operation. Default: the protocol's "
        "(openai_chat: /audio/transcriptions).",
        examples=["/audio/transcriptions"],
    )
    speech: str | None = Field(
        None,
        description="Text-to-speech path (OpenAI style: {model, input, voice, response_format} -> audio "
        "bytes), used by tts models. Default: the protocol's (openai_chat: /audio/speech).",
        examples=["/audio/speech"],
    )
    moderations: str | None = Field(
        None,
        description="Moderation path (OpenAI style: {model, input} -> results[{flagged}]), used by moderation "
        "models. Default: the protocol's (openai_chat: /moderations).",
        examples=["/moderations"],
    )


class Rerank(Strict):
    """The rerank call's shape. The default is Jina's and Cohere's:
    `{model, query, documents, top_n}` -> `{results: [{index, relevance_score}]}`."""

    query: str = Field("query", description="Body key of the query.", examples=["query"])
    documents: str = Field(
        "documents", description="Body key of the list of document texts.", examples=["documents", "texts", "input"]
    )
    top_n: str | None = Field(
        "top_n",
        description="Body key of how many results to return (Dify's top_n); null: never sent.",
        examples=["top_n", "top_k", None],
    )
    results: str = Field(
        "results",
        description="Where the results list is in the answer: a key, or dotted keys (output.results); an empty "
        "string when the answer is the list itself (TEI).",
        examples=["results", "data", ""],
    )
    index: str = Field(
        "index", description="Key of a result's document index (0-based, into the documents sent).", examples=["index"]
    )
    score: str = Field(
        "relevance_score", description="Key of a result's score.", examples=["relevance_score", "score", "logit"]
    )
    transform: Literal["none", "sigmoid"] = Field(
        "none",
        description="What turns the score into Dify's 0-1 relevance: none (it already is), or sigmoid (raw "
        "logits, e.g. TEI without normalisation).",
        examples=["sigmoid"],
    )
    text: str | None = Field(
        None,
        description="Key under which the query and each document go as objects (NVIDIA's `{text: ...}`); null: "
        "as plain strings.",
        examples=["text", None],
    )


class Embeddings(Strict):
    """The embeddings call's shape. The default is OpenAI's: `{model, input, encoding_format}` ->
    `{data: [{index, embedding}], usage: {prompt_tokens}}`."""

    input: str = Field("input", description="Body key of the list of texts.", examples=["input", "texts"])
    encoding_format: str | None = Field(
        "encoding_format",
        description="Body key of the vectors' encoding (float, or a model's base64); null: never sent (the "
        "provider answers with JSON floats).",
        examples=["encoding_format", None],
    )
    results: str = Field(
        "data",
        description="Where the list of rows or vectors is in the answer: a key, or dotted keys (output.data); an "
        "empty string when the answer is the list itself.",
        examples=["data", "embeddings", ""],
    )
    vector: str = Field(
        "embedding",
        description="Key of a row's vector; an empty string when each item of the list is the vector itself.",
        examples=["embedding", ""],
    )
    index: str | None = Field(
        "index",
        description="Key of a row's index (0-based, into the texts sent); null: the rows come in input order.",
        examples=["index", None],
    )
    tokens: list[str] | str | None = Field(
        ["usage.prompt_tokens", "usage.total_tokens"],
        description="Where the answer reports the tokens used: a dotted path, or several tried in turn (the first "
        "that holds a number wins); null: the answer reports none, so they are counted offline.",
        examples=["usage.total_tokens", ["usage.prompt_tokens", "usage.total_tokens"], None],
    )
    nested: str | None = Field(
        None,
        description="Voyage's contextualized embeddings: each text goes as a document of one chunk (a list of its "
        "own), and each row of the answer holds its document's rows under this key; null: texts and rows flat.",
        examples=["data", None],
    )


class Speech(Strict):
    """The text-to-speech call's shape. The default is OpenAI's: `{model, input, voice, response_format}` ->
    the audio bytes."""

    input: str = Field("input", description="Body key of the text (dots nest).", examples=["input", "text"])
    voice: str = Field(
        "voice", description="Body key of the voice id (dots nest).", examples=["voice", "voice_setting.voice_id"]
    )
    format: str | None = Field(
        "response_format",
        description="Body key of the audio format (the model's audio_type; dots nest); null: never sent.",
        examples=["response_format", "audio_setting.format"],
    )
    audio: str | None = Field(
        None,
        description="Where a JSON answer holds the audio (dotted keys); null: the answer is the audio itself.",
        examples=["data.audio", None],
    )
    encoding: Literal["base64", "hex"] = Field(
        "base64", description="How the JSON answer's audio is written (with `audio`).", examples=["hex"]
    )


class Timeouts(Strict):
    connect: float = Field(10.0, gt=0, description="Seconds to open a connection.", examples=[10])
    read: float = Field(300.0, gt=0, description="Seconds to wait for the next bytes of a response.", examples=[300])


class Messages(Strict):
    """How the conversation is tidied before it is sent, for APIs that refuse some shapes."""

    merge_same_role: bool = Field(
        False,
        description="Join consecutive messages of the same role (user, assistant, system) into one; tool results "
        "never merge (SiliconFlow, DeepSeek, Moonshot refuse two user turns in a row).",
        examples=[True],
    )
    drop_empty: bool = Field(
        False,
        description="Leave out messages with no content (an assistant turn with tool calls is never empty).",
        examples=[True],
    )


class UserField(Strict):
    send_as: str = Field("user", description="Body key of the end user's id.", examples=["user", "user_id"])
    max_length: int | None = Field(
        None, gt=0, description="Cut the id to this many characters (Moonshot, StepFun: 32).", examples=[32]
    )
    hash: bool = Field(
        False,
        description="Send the SHA-256 hex digest of the id instead of the id (OpenAI's advice: no personal data).",
        examples=[True],
    )


class ProtocolApi(Strict):
    """Where the calls of a further protocol go (models whose `protocol` names it), when not where that
    protocol's defaults put them under the spec's base URL."""

    endpoints: Endpoints = Field(
        default_factory=Endpoints,
        description="Its endpoint paths, appended to the same base URL as the spec's own.",
        examples=[{"chat": "/gemini/v1beta/models/{model}:generateContent"}],
    )
    auth: Auth = Field(
        default_factory=Auth,
        description="How the API key is sent to it. Default: that protocol's (anthropic_messages: x-api-key).",
        examples=[{"scheme": "bearer"}],
    )
    headers: dict[str, str] = Field(
        default_factory=dict,
        description="Static headers of its calls, over that protocol's own and api.headers.",
        examples=[{"anthropic-beta": "context-1m-2025-08-07"}],
    )
    base_url: str | None = Field(
        None,
        description="Its calls' base URL, where not the spec's (its `{variable}`s filled as api.base_url's): "
        "Vertex AI's Claude in its own location. The user's base-URL override still wins.",
        examples=["https://{vertex_anthropic_location|vertex_location}-aiplatform.googleapis.com"],
    )
    body: dict[str, Any] = Field(
        default_factory=dict,
        description="Fixed fields of its chat bodies, over api.body (Vertex AI's Claude: anthropic_version).",
        examples=[{"anthropic_version": "vertex-2023-10-16"}],
    )


class Api(Strict):
    protocol: Protocol = Field(
        "openai_chat",
        description="The wire protocol the provider speaks (openai_chat, anthropic_messages, openai_responses, gemini); "
        "it sets the default endpoints and auth.",
        examples=["openai_chat"],
    )
    protocols: dict[Protocol, ProtocolApi] = Field(
        default_factory=dict,
        description="Where the calls of the further protocols some models speak (their `protocol`) go, when not "
        "to that protocol's default paths under base_url with its default auth (aihubmix: Gemini under /gemini).",
        examples=[{"gemini": {"endpoints": {"chat": "/gemini/v1beta/models/{model}:generateContent"}}}],
    )
    base_url: str = Field(
        description="Default base URL, e.g. https://api.deepseek.com/v1.", examples=["https://api.deepseek.com/v1"]
    )
    prefixes: dict[str, Protocol] = Field(
        default_factory=dict,
        description="A model id the spec does not list (any a MaiBot user sets) that starts with a key speaks "
        "that protocol, one the spec's models speak (Vertex AI: claude -> anthropic_messages).",
        examples=[{"claude": "anthropic_messages"}],
    )
    hosts: dict[str, str] = Field(
        default_factory=dict,
        description="A host name a filled-in base URL may have -> the host it is instead: Vertex AI's location "
        "`global` makes https://{vertex_location}-aiplatform.googleapis.com global-aiplatform.googleapis.com, "
        "which is aiplatform.googleapis.com.",
        examples=[{"global-aiplatform.googleapis.com": "aiplatform.googleapis.com"}],
    )
    endpoints: Endpoints = Field(
        default_factory=Endpoints,
        description="Paths of the provider's endpoints.",
        examples=[{"chat": "/chat/completions", "models": "/models"}],
    )
    native_path: str | None = Field(
        None,
        description="A base-URL path under which the provider serves each protocol's own API (Azure OpenAI's "
        "/openai/v1): a base URL whose path ends with it is called at the protocols' default paths, the model id "
        "in the body, without the credentials' query parameters; MaiBot's base_url always is (the path appended "
        "unless there).",
        examples=["/openai/v1"],
    )
    auth: Auth = Field(
        default_factory=Auth,
        description="How the API key is sent.",
        examples=[{"scheme": "header", "name": "X-Api-Key"}],
    )
    headers: dict[str, str] = Field(
        default_factory=dict,
        description="Static headers sent with every request.",
        examples=[{"X-Client": "my-plugin"}],
    )
    timeouts: Timeouts = Field(
        default_factory=Timeouts, description="Request timeouts.", examples=[{"connect": 5, "read": 120}]
    )
    send_user: bool = Field(
        True, description="Forward the end user's id as `user` (some gateways reject it).", examples=[False]
    )
    messages: Messages = Field(
        default_factory=Messages,
        description="How the conversation is tidied before it is sent.",
        examples=[{"merge_same_role": True, "drop_empty": True}],
    )
    user: UserField | None = Field(
        None,
        description="How the end user's id is sent when send_user is true: under another key, cut to a length, "
        "or as a hash. Default: as `user`, unchanged.",
        examples=[{"send_as": "user_id"}, {"max_length": 32}, {"hash": True}],
    )
    stream_usage: bool = Field(
        True, description="Send `stream_options: {include_usage: true}` when streaming.", examples=[True]
    )
    body: dict[str, Any] = Field(
        default_factory=dict,
        description="Fixed fields sent in every chat request body (objects merge with what the request sets; "
        "the request's own values win), e.g. OpenRouter's provider preferences.",
        examples=[{"provider": {"data_collection": "deny"}}],
    )
    embeddings: Embeddings = Field(
        default_factory=Embeddings,
        description="The embeddings call's body keys and answer shape (text-embedding models; openai_chat).",
        examples=[{"input": "texts", "encoding_format": None, "results": "embeddings", "vector": "", "index": None}],
    )
    speech: Speech = Field(
        default_factory=Speech,
        description="The text-to-speech call's body keys and answer shape (tts models; openai_chat).",
        examples=[{"input": "text", "voice": "voice_setting.voice_id", "audio": "data.audio", "encoding": "hex"}],
    )
    rerank: Rerank = Field(
        default_factory=Rerank,
        description="The rerank call's body keys and answer shape (rerank models).",
        examples=[{"documents": "texts", "results": "", "score": "score"}],
    )
    prompt_cache: bool = Field(
        False,
        description="anthropic_messages: mark the system prompt and the tools as a prompt-cache prefix "
        "(cache_control: ephemeral), so repeated calls read them from the cache at a tenth of the price. "
        "Parameters that steer cache.system or cache.tools (`controls`) decide instead, when sent.",
        examples=[True],
    )
    profiles: dict[str, list[str]] = Field(
        default_factory=dict,
        description="bedrock_converse: the cross-region inference profiles each wire model id has, as the "
        "prefixes of their ids ('' for the bare id, invoked in the caller's region): '*' for ids not listed. "
        "A parameter with `controls: profile` picks among them by the region.",
        examples=[{"*": ["", "us", "eu", "apac", "global"], "deepseek.v3-v1:0": [""]}],
    )
    reasoning_history: Literal["strip", "reasoning_content"] = Field(
        "strip",
        description="What happens to earlier <think> blocks in the history: strip them, or send them back "
        "as the assistant message's `reasoning_content` (DeepSeek tool turns need this).",
        examples=["reasoning_content"],
    )


class Option(Strict):
    value: str = Field(description="The stored value.", examples=["eu"])
    label: Text | None = Field(None, description="What the user sees; defaults to the value.", examples=["Europe"])


def shown_on() -> Any:
    """The `show_on` field of the credential forms' fields (the API key's and the extra ones)."""
    return Field(
        None,
        description="Show the field only while other select or radio fields have these values (Dify's show_on); "
        "Dify then asks for a required field only while it shows (Bedrock: the key pair with auth_method "
        "Access_Secret_Key).",
        examples=[{"auth_method": "Access_Secret_Key"}],
    )


class ApiKeyField(Strict):
    variable: str = Field("api_key", description="Credential variable name.", examples=["api_key"])
    label: Text = Field("API Key", description="Form label.", examples=[{"en_US": "API Key", "zh_Hans": "API 密钥"}])
    placeholder: Text | None = Field(None, description="Placeholder text.", examples=["sk-…"])
    show_on: dict[str, str] | None = shown_on()
    required: bool | None = Field(
        None,
        description="Whether the form requires a key. Default: yes, unless the auth scheme needs none or another "
        "credential stands in (none, aws_sigv4, google_service_account, entra_id) or show_on hides it. false: a "
        "server without authentication (a local Ollama) is set up with the field empty; the key, empty, is still "
        "sent the scheme's way, which such a server ignores.",
        examples=[False],
    )


class BaseUrlField(Strict):
    enabled: bool = Field(
        True, description="Let users override the base URL (proxies, regional endpoints).", examples=[False]
    )
    variable: str = Field("base_url", description="Credential variable name.", examples=["base_url"])
    required: bool = Field(
        False,
        description="The user must give a base URL (a per-user endpoint such as an Azure resource's; api.base_url "
        "is then only the example the form shows).",
        examples=[True],
    )
    label: Text = Field("API Base URL", description="Form label.", examples=["API Base URL"])
    placeholder: Text | None = Field(
        None, description="Placeholder; defaults to the spec's base URL.", examples=["https://api.example.com/v1"]
    )
    default: str | None = Field(
        None,
        description="The value the form starts with (the provider YAML's `default`), an http(s) URL; it is the "
        "user's override until they change it, so after `rewrite` it must lead to api.base_url (which an empty "
        "field still uses).",
        examples=["https://api.minimaxi.com"],
    )
    rewrite: BaseUrlRewrite | None = Field(
        None,
        description="How the user's override is normalised before use, in both hosts (never api.base_url): append "
        "a path unless the URL already ends with it, or keep only the scheme and host.",
        examples=[{"append": "/anthropic"}, {"keep": "origin"}],
    )


class BaseUrlRewrite(Strict):
    """One rewrite of the user's base-URL override: `append` or `keep`, not both."""

    append: str | None = Field(
        None,
        description="A path added to the user's URL unless its path already ends with it (MiniMax: /anthropic).",
        examples=["/anthropic"],
    )
    keep: Literal["origin"] | None = Field(
        None,
        description="origin: keep only the scheme, host and port of the user's URL (PerfXCloud).",
        examples=["origin"],
    )

    @model_validator(mode="after")
    def _one_rewrite(self) -> BaseUrlRewrite:
        if (self.append is None) == (self.keep is None):
            raise ValueError("a rewrite is either `append` (a path) or `keep: origin`")
        return self


class CredentialCheck(Strict):
    """The model provider credentials are checked with: a fixed one, or a credential field's value."""

    model: str | None = Field(
        None,
        description="A model of the spec (its kind decides the call: an llm's model list or one-token chat, one "
        "embedding, one rerank, ...).",
        examples=["openai/gpt-oss-20b", "jina-embeddings-v3"],
    )
    field: str | None = Field(
        None,
        description="A credentials.extra variable whose value names the model (its default when left empty; the "
        "default must be a model of the spec, whose kind decides the call).",
        examples=["validate_model"],
    )

    @model_validator(mode="after")
    def _one_way(self) -> CredentialCheck:
        if (self.model is None) == (self.field is None):
            raise ValueError("a check names either a `model` or a credential `field`")
        return self


class CredentialField(Strict):
    variable: str = Field(
        description="Credential variable name (letters, digits, underscores).", examples=["organization"]
    )
    label: Text = Field(description="Form label.", examples=["Organization ID"])
    type: Literal["text", "secret", "select", "radio", "switch"] = Field(
        "text", description="Form control (switch values are the strings true and false).", examples=["select"]
    )
    required: bool = Field(False, description="Whether the user must fill it in.", examples=[True])
    default: str | None = Field(None, description="Default value.", examples=["us"])
    placeholder: Text | None = Field(None, description="Placeholder text.", examples=["org-…"])
    options: list[Option] = Field(
        default_factory=list,
        description="Choices, for types select and radio.",
        examples=[[{"value": "us", "label": "United States"}, {"value": "eu", "label": "Europe"}]],
    )
    header: str | None = Field(
        None, description="Send the value in this request header when set.", examples=["X-Organization"]
    )
    show_on: dict[str, str] | None = shown_on()
    query: str | None = Field(None, description="Send the value as this query parameter when set.", examples=["region"])
    base_urls: dict[str, str] | None = Field(
        None,
        description="The base URL each value of this field picks (a select, radio or switch: regional or "
        "international endpoints); the base-URL override still wins when filled in.",
        examples=[{"cn": "https://api.example.cn/v1", "intl": "https://api.example.com/v1"}],
    )
    protocols: dict[str, Protocol] | None = Field(
        None,
        description="The protocol each value of this field picks (a select or radio), for the models whose "
        "`protocol` lists it; the others keep their first (OpenAI's api_protocol: responses or chat).",
        examples=[{"responses": "openai_responses", "chat": "openai_chat"}],
    )


class Credentials(Strict):
    api_key: ApiKeyField = Field(
        default_factory=ApiKeyField,
        description="The secret API key field.",
        examples=[{"label": "API Key", "placeholder": "sk-…"}],
    )
    base_url: BaseUrlField = Field(
        default_factory=BaseUrlField, description="The optional base URL override.", examples=[{"enabled": False}]
    )
    extra: list[CredentialField] = Field(
        default_factory=list,
        description="Further fields the provider needs.",
        examples=[[{"variable": "organization", "label": "Organization ID", "header": "X-Organization"}]],
    )
    check: CredentialCheck | None = Field(
        None,
        description="Which model provider credentials are checked with. Default: the first model of the first "
        "kind (llm first).",
        examples=[{"model": "openai/gpt-oss-20b"}, {"field": "validate_model"}],
    )


class BodyStatus(Strict):
    """Where an answer sent with a 2xx status says it failed (MiniMax's `base_resp`)."""

    code: str = Field(description="Dotted keys of the status code in the answer.", examples=["base_resp.status_code"])
    ok: list[int | str] = Field(
        default_factory=lambda: [0], description="The codes that mean success (default [0]).", examples=[[0]]
    )
    message: str | None = Field(
        None, description="Dotted keys of the failure's message.", examples=["base_resp.status_msg"]
    )


class Errors(Strict):
    in_body: BodyStatus | None = Field(
        None,
        description="Where a 2xx answer reports a failure in its body: an answer whose code there is not one of `ok` "
        "fails, classified by `codes` (MiniMax: base_resp.status_code 1004 is a bad key).",
        examples=[{"code": "base_resp.status_code", "ok": [0], "message": "base_resp.status_msg"}],
    )
    status: dict[int, ErrorKind] = Field(
        default_factory=dict,
        description="HTTP status → error kind, on top of the defaults (401/403, 429, 4xx, 5xx).",
        examples=[{"402": "rate_limit"}],
    )
    codes: dict[str, ErrorKind] = Field(
        default_factory=dict,
        description="Provider error code or type found in the error body (error.code / error.type) → error kind; "
        "wins over the status.",
        examples=[{"insufficient_quota": "rate_limit", "invalid_api_key": "authorization"}],
    )


class Pricing(Strict):
    """Prices; a model's pricing is merged key by key over the default's."""

    input: Decimal | None = Field(
        None, ge=0, description="Price of input tokens, per `per` tokens (required).", examples=["0.27"]
    )
    output: Decimal | None = Field(
        None, ge=0, description="Price of output tokens (required for LLMs).", examples=["1.10"]
    )
    per: str | StrictInt | None = Field(
        None,
        description="The token count the prices are quoted for (default million), compiled to Dify's unit (1/per): "
        "token, thousand, million, a power of ten with k or m (10k, 100k, 10m), or a power of ten as a number "
        "(100000). The alternative to `unit`.",
        examples=["million", "100k", 100000],
    )
    unit: Decimal | None = Field(
        None,
        gt=0,
        description="Dify's own pricing unit, the fraction of a token count a price is for (0.0001: per 10K tokens); "
        "the alternative to `per` (both: they must agree). A model's `per` or `unit` replaces the defaults' pair.",
        examples=["0.0001"],
    )
    currency: str | None = Field(None, description="Currency code (default USD).", examples=["USD", "RMB"])
    unusual: str | None = Field(
        None,
        min_length=1,
        description="Why this model's prices are far from the spec's others on purpose (a guard model's cents): "
        "`build` then does not warn that they look like a unit slip.",
        examples=["a safety classifier, priced at the catalogue's 0.01 per million tokens"],
    )
    cache_read: Decimal | None = Field(
        None,
        ge=0,
        description="Price of input tokens read from the provider's prompt cache, per `per` tokens: a catalogue "
        "fact `import` writes and `sync` keeps current. Dify's model YAML has no field for it, so the plugins "
        "do not use it.",
        examples=["0.07"],
    )


class Parameter(Strict):
    use: str | None = Field(
        None,
        description="Insert the rules of this named set (parameter_sets) here, instead of a rule of its own.",
        examples=["magistral"],
    )
    template: Template | None = Field(
        None, description="Dify parameter template this rule starts from.", examples=["temperature"]
    )
    name: str | None = Field(
        None, description="Rule name; defaults to the template name. Required without template.", examples=["seed"]
    )
    type: Literal["float", "int", "string", "boolean", "text"] | None = Field(
        None, description="Value type.", examples=["int"]
    )
    label: Text | None = Field(None, description="Label in the Dify UI.", examples=["Seed"])
    help: Text | None = Field(
        None, description="Help text in the Dify UI.", examples=["Fixed seed for reproducible sampling."]
    )
    required: bool | None = Field(None, description="Always sent (with the default) when true.", examples=[False])
    default: bool | int | float | str | None = Field(None, description="Default value.", examples=[0.7])
    min: int | float | None = Field(None, description="Lower bound (numbers).", examples=[0])
    max: int | float | None = Field(None, description="Upper bound (numbers).", examples=[2])
    precision: int | None = Field(None, description="Decimal places (floats).", examples=[2])
    options: list[str] | None = Field(
        None, description="Allowed values (strings).", examples=[["low", "medium", "high"]]
    )
    send_as: str | None = Field(
        None,
        description="Request body key to send the value as; dots make nested objects (thinking.type).",
        examples=["max_completion_tokens", "thinking.type"],
    )
    adds_tool: dict[str, Any] | None = Field(
        None,
        description="A built-in tool the provider runs (Zhipu's web_search, Gemini's googleSearch): while this "
        "boolean parameter is on, this object is added to the request's `tools`; the parameter itself is not sent. "
        "It is named the protocol's way: by `type` (openai_chat, anthropic_messages, openai_responses), or by its one key (gemini).",
        examples=[{"type": "web_search", "web_search": {"enable": True, "search_result": True}}, {"googleSearch": {}}],
    )
    headers: dict[str, str] | None = Field(
        None,
        description="Request headers sent while this parameter is on (set, and not false); a header named twice "
        "(by two parameters, or here and in api.headers) gets both values, comma-separated, as Anthropic's "
        "anthropic-beta takes them.",
        examples=[{"anthropic-beta": "context-1m-2025-08-07"}],
    )
    body: dict[str, Any] | None = Field(
        None,
        description="Fixed request body fields sent while this parameter is on (set, and not false), under the "
        "parameters' own values: objects merge (Anthropic's task_budget {type: tokens} beside its total).",
        examples=[{"output_config": {"task_budget": {"type": "tokens"}}}],
    )
    controls: str | None = Field(
        None,
        description="A setting this parameter steers instead of being sent. In every protocol: stream (a boolean; "
        "false makes this request without streaming, and a host that asked for a stream gets the whole answer as "
        "a stream of one; true, or not set, leaves the request as the host and the model's `stream` make it). "
        "anthropic_messages also has cache.system, cache.tools, cache.images, cache.documents, cache.tool_results, "
        "cache.long_messages, cache.ttl; bedrock_converse has cache.system, cache.tools, and two string settings "
        "that take `values`: model (each option -> the wire model id it picks: a model family's select) and "
        "profile (each option -> a rule {region prefix: [inference-profile prefixes to try, '' for the bare id]}, "
        "the longest region prefix matching; null for the bare id), among the prefixes api.profiles gives the id. "
        "Its type must be the control's.",
        examples=["cache.tools"],
    )
    parse: Literal["json", "list"] | None = Field(
        None,
        description="How the text the user types is read before it is sent (a text parameter): json sends the "
        "value it spells, e.g. xAI's search_parameters object (text that is not JSON is a bad request); list "
        "sends its comma-separated items as a list of strings, e.g. Bedrock's anthropic_beta.",
        examples=["json", "list"],
    )
    omit_when: dict[str, bool | int | float | str] | None = Field(
        None,
        description="Leave this parameter out when another parameter of the model has the given value (DeepSeek: "
        "sampling parameters are refused while thinking is on).",
        examples=[{"thinking": True}],
    )
    values: dict[bool | int | float | str, Any] | None = Field(
        None,
        description="What each value the user picks is sent as, when the API wants something else: any JSON "
        "value, or null for not sent at all. Values not listed are sent as they are.",
        examples=[{True: {"type": "enabled"}, False: {"type": "disabled"}}, {True: "reasoning", False: None}],
    )

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, data: object) -> object:
        return {"template": data} if isinstance(data, str) else data


class Voice(Strict):
    id: str = Field(
        description="The voice id the API takes (`voice`).", examples=["alloy", "FunAudioLLM/CosyVoice2-0.5B:alex"]
    )
    name: str | None = Field(None, description="What Dify shows; defaults to the id.", examples=["Alloy"])
    languages: list[str] = Field(
        default_factory=list,
        description="Dify language codes the voice speaks (Dify filters voices by the app's language).",
        examples=[["en-US", "zh-Hans"]],
    )


class InputType(Strict):
    """How Dify's embedding input type (a search query, or a document being indexed) is sent."""

    send_as: str = Field(
        description="Body key, e.g. Voyage's input_type or Jina's task.", examples=["input_type", "task"]
    )
    query: str = Field(description="Value sent for a search query.", examples=["query", "retrieval.query"])
    document: str = Field(description="Value sent for a document.", examples=["document", "retrieval.passage"])


class ModelFields(Strict):
    """Fields shared by model defaults and models. Each kind reads its own (README: model kinds)."""

    mode: Literal["chat", "completion"] | None = Field(
        None,
        description="Dify LLM mode: chat (default), or completion: one prompt in, text out, over "
        "api.endpoints.completions (models served only on the legacy completions API).",
        examples=["chat", "completion"],
    )
    context_size: int | None = Field(
        None, gt=0, description="Context window in tokens (llm, text-embedding, rerank).", examples=[131072]
    )
    max_output_tokens: int | None = Field(
        None, gt=0, description="Most tokens one answer may have (llm).", examples=[8192]
    )
    max_chunks: int | None = Field(
        None,
        gt=0,
        description="Texts per request (text-embedding; moderation: chunks per request, default 32).",
        examples=[32],
    )
    features: list[Feature] | None = Field(
        None,
        description="Dify features the model supports (llm).",
        examples=[["tool-call", "multi-tool-call", "stream-tool-call", "vision"]],
    )
    parameters: list[Parameter] | None = Field(
        None,
        description="Parameter rules (llm); a model's list replaces the default.",
        examples=[["temperature", {"template": "max_tokens", "send_as": "max_completion_tokens"}]],
    )
    pricing: Pricing | None = Field(
        None,
        description="Prices; omit for free models.",
        examples=[{"input": "0.27", "output": "1.10", "per": "million", "currency": "USD"}],
    )
    send_stop: bool | None = Field(
        None,
        description="Send Dify's stop sequences (llm; default true). False for models that refuse `stop` "
        "(xAI's reasoning models).",
        examples=[False],
    )
    never_send: list[str] | None = Field(
        None,
        description="Declared parameters this model's API refuses: Dify still shows them (as the official plugins "
        "do), the plugin never sends them (llm; xAI's reasoning models and the penalties).",
        examples=[["presence_penalty", "frequency_penalty"]],
    )
    protocol: Protocol | list[Protocol] | None = Field(
        None,
        description="The wire protocol this model speaks when it is not api.protocol (llm): one name, or a list of "
        "those it speaks, the first by default and a credential field's `protocols` choosing among them (OpenAI: "
        "Responses or chat completions). Its calls go to that protocol's endpoints and auth (api.protocols).",
        examples=["openai_responses", ["openai_responses", "openai_chat"]],
    )
    stream: bool | None = Field(
        None,
        description="Ask for streamed answers (llm; default true). False for models whose streams are broken: the "
        "plugin asks for one answer and hands it to the host as a stream of one. A boolean parameter with "
        "`controls: stream` decides the same per request.",
        examples=[False],
    )
    output_modalities: list[Literal["text", "image"]] | None = Field(
        None,
        description="What the model answers with (llm; default [text]; models.dev's word). With `image` the "
        "plugin asks for images (Gemini's responseModalities, OpenRouter's modalities in this order, the Responses "
        "image_generation tool) and hands them to both hosts; anthropic_messages cannot return images.",
        examples=[["text", "image"]],
    )
    system_messages: Literal["keep", "drop", "as_user"] | None = Field(
        None,
        description="What happens to system messages for this model (llm): keep them (default), drop them, or send "
        "them as user messages, for models that refuse the system role.",
        examples=["drop"],
    )
    body: dict[str, Any] | None = Field(
        None,
        description="Fixed fields sent in this model's request bodies, any kind (over api.body for chat), e.g. an "
        "image model's modalities or an embedding model's input_type.",
        examples=[{"modalities": ["image", "text"]}, {"reasoning_format": "deepseek-style"}],
    )
    dimensions: int | None = Field(
        None, gt=0, description="Vector size to ask for, sent as `dimensions` (text-embedding).", examples=[1024]
    )
    input_type: InputType | None = Field(
        None,
        description="Send Dify's input type, query or document (text-embedding).",
        examples=[{"send_as": "input_type", "query": "query", "document": "document"}],
    )
    encoding: Literal["float", "base64"] | None = Field(
        None,
        description="How vectors travel: float lists, or base64 of little-endian float32 (smaller; "
        "text-embedding). Default float.",
        examples=["base64"],
    )
    invoke_body: Literal["titan", "cohere", "nova"] | None = Field(
        None,
        description="bedrock_converse text-embedding models (required there): the InvokeModel body family. "
        "titan: {inputText} -> {embedding, inputTextTokenCount}, one text a call (`dimensions` sent as "
        "dimensions); cohere: {texts, input_type} -> {embeddings} (a list, or {float: ...}); nova: "
        "{taskType: SINGLE_EMBEDDING, singleEmbeddingParams: {embeddingPurpose, embeddingDimension, text}} "
        "-> {embeddings: [{embedding}]}. The input type comes from `input_type`.",
        examples=["titan", "cohere"],
    )
    voices: list[Voice] | None = Field(
        None,
        description="The voices a tts model offers (tts; required).",
        examples=[[{"id": "alloy", "name": "Alloy", "languages": ["en-US"]}]],
    )
    default_voice: str | None = Field(
        None,
        description="Voice used when none (or an unknown one) is asked for; default the first (tts).",
        examples=["alloy"],
    )
    audio_type: Literal["mp3", "wav", "opus", "aac", "flac", "pcm"] | None = Field(
        None, description="Audio format asked for, `response_format` (tts). Default mp3.", examples=["mp3"]
    )
    word_limit: int | None = Field(
        None,
        gt=0,
        description="Most characters per request; longer texts are split at sentence ends (tts). Default 4096.",
        examples=[4096],
    )
    max_workers: int | None = Field(None, gt=0, description="Dify's max_workers model property (tts).", examples=[5])
    file_upload_limit: int | None = Field(
        None, gt=0, description="Largest audio file in MB (speech2text). Default 25.", examples=[25]
    )
    supported_file_extensions: list[str] | None = Field(
        None,
        description="Audio file extensions accepted (speech2text). Default mp3, mp4, mpeg, mpga, m4a, wav, webm.",
        examples=[["mp3", "wav"]],
    )
    language: str | None = Field(
        None, description="Language hint sent as `language` (speech2text, ISO-639-1).", examples=["en"]
    )
    prompt: str | None = Field(
        None, description="Text sent as `prompt` to guide the transcription (speech2text).", examples=["Acme, Dify"]
    )
    max_characters_per_chunk: int | None = Field(
        None,
        gt=0,
        description="Longest text chunk checked in one input; longer texts are split (moderation). Default 2000.",
        examples=[2000],
    )
    endpoint: str | None = Field(
        None,
        description="This model's path, where it is not its kind's (api.endpoints), or a whole https URL where the "
        "model is served on another host (text-embedding, rerank): Voyage's /contextualizedembeddings, NVIDIA's "
        "hosted reranker. A user's base-URL override takes a whole URL's path.",
        examples=["/contextualizedembeddings", "https://ai.api.nvidia.com/v1/retrieval/nvidia/reranking"],
    )
    embeddings: Embeddings | None = Field(
        None,
        description="This model's embeddings call keys and answer shape, over api.embeddings (text-embedding).",
        examples=[{"input": "inputs", "nested": "data"}],
    )
    rerank: Rerank | None = Field(
        None,
        description="This model's rerank call keys and answer shape, over api.rerank (rerank).",
        examples=[{"documents": "passages", "text": "text", "results": "rankings", "score": "logit"}],
    )


SyncField = Literal["pricing", "context_size", "max_output_tokens", "features", "deprecated"]


class ModelSync(Strict):
    """What `sync` must leave as the spec has it, and why (the reason goes into every report)."""

    keep: list[SyncField] | Literal["all"] = Field(
        description="The fields sync never changes on this model (reported as kept), or `all` (nor is the model "
        "marked deprecated when the catalogue drops it).",
        examples=[["pricing"], "all"],
    )
    why: str = Field(
        min_length=1,
        description="Why the spec knows better than the catalogue (required).",
        examples=["the official price list is per 1K tokens in RMB"],
    )


class SyncKeep(ModelSync):
    """A model-level `sync: keep` for several models at once."""

    models: list[str] = Field(
        min_length=1,
        description="The spec's models (by wire id: `api_id`, else `name`) whose fields sync keeps.",
        examples=[["claude-opus-5", "claude-sonnet-5"]],
    )


class SyncLeaveOut(Strict):
    """Catalogue models `sync` does not add to this spec, and why."""

    models: list[str] = Field(
        min_length=1,
        description="Catalogue model ids sync does not append as new models (reported as left out).",
        examples=[["deepseek-chat", "deepseek-reasoner"]],
    )
    why: str = Field(
        min_length=1,
        description="Why the spec does without them (required).",
        examples=["aliases of the dated ids the spec lists"],
    )


class SpecSync(Strict):
    """The catalogue entries `provider-compiler sync` follows for this spec, and what it keeps."""

    models_dev: str | None = Field(
        None,
        alias="models.dev",
        description="models.dev provider id (a key of https://models.dev/api.json).",
        examples=["deepseek"],
    )
    openrouter: str | None = Field(
        None,
        description="OpenRouter vendor prefix of the model ids followed (`openai` for openai/…), or `all` for "
        "OpenRouter's whole list.",
        examples=["all", "x-ai"],
    )
    keep: list[SyncKeep] = Field(
        default_factory=list,
        description="Fields sync keeps on several models at once, with the reason (as a model's own `sync`; a "
        "model that has its own uses that).",
        examples=[[{"models": ["claude-opus-5"], "keep": ["deprecated"], "why": "newer than the snapshot"}]],
    )
    leave_out: list[SyncLeaveOut] = Field(
        default_factory=list,
        description="Catalogue models sync does not add, with the reason.",
        examples=[[{"models": ["deepseek-chat"], "why": "an alias DeepSeek retires"}]],
    )


class Model(ModelFields):
    name: str = Field(
        description=(
            "The provider's model id, sent to the API as it is (`/`, `:`, `@` and spaces are fine). Its Dify YAML is"
            " `<id>.yaml` when the id is a safe file name, else a slug of it and a hash (stable across builds)."
        ),
        examples=["deepseek-chat", "Qwen/Qwen2.5-7B-Instruct"],
    )
    api_id: str | None = Field(
        None,
        description="The id sent to the API when it differs from `name`, the model's Dify id (MiniMax: name "
        "minimax-m2.7, api_id MiniMax-M2.7). Both plugins send it; a MaiBot user may write either id.",
        examples=["MiniMax-M2.7"],
    )
    label: Text | None = Field(None, description="Display name; defaults to the name.", examples=["DeepSeek Chat"])
    type: ModelType = Field("llm", description=f"One of {', '.join(MODEL_TYPES)}.", examples=list(MODEL_TYPES))
    deprecated: bool = Field(False, description="Hidden from new selections in Dify.", examples=[True])
    sync: ModelSync | None = Field(
        None,
        description="Values `sync` keeps as they are for this model, with the reason.",
        examples=[{"keep": ["pricing"], "why": "the catalogue lists the list price, the spec the plan's"}],
    )


class Defaults(Strict):
    llm: ModelFields = Field(
        default_factory=ModelFields,
        description="Defaults for every llm model.",
        examples=[{"context_size": 131072, "features": ["tool-call"]}],
    )
    text_embedding: ModelFields = Field(
        default_factory=ModelFields,
        alias="text-embedding",
        description="Defaults for every text-embedding model.",
        examples=[{"context_size": 8192, "max_chunks": 32}],
    )
    rerank: ModelFields = Field(
        default_factory=ModelFields, description="Defaults for every rerank model.", examples=[{"context_size": 8192}]
    )
    speech2text: ModelFields = Field(
        default_factory=ModelFields,
        description="Defaults for every speech2text model.",
        examples=[{"file_upload_limit": 25}],
    )
    tts: ModelFields = Field(
        default_factory=ModelFields, description="Defaults for every tts model.", examples=[{"audio_type": "mp3"}]
    )
    moderation: ModelFields = Field(
        default_factory=ModelFields,
        description="Defaults for every moderation model.",
        examples=[{"max_characters_per_chunk": 2000}],
    )

    def of(self, model_type: str) -> ModelFields:
        """The defaults for models of `model_type` (a kind's name; fields are named with underscores)."""
        return getattr(self, model_type.replace("-", "_"))


CustomField = Literal[
    "display_name",
    "mode",
    "context_size",
    "max_output_tokens",
    "vision",
    "tool_call",
    "stream_tool_call",
    "reasoning",
    "structured_output",
    "image_output",
    "pricing",
    "voices",
]


class CustomFieldForm(Strict):
    """One customizable-form field with its own variable, label, default or `required`."""

    field: CustomField = Field(description="The field (one of the plain names).", examples=["context_size"])
    variable: str | None = Field(
        None,
        description="Form variable the runtime reads the answer under. Default: the field's own (context_size, "
        "max_tokens, function_calling, ...).",
        examples=["max_tokens_to_sample", "function_calling_type"],
    )
    label: Text | None = Field(None, description="Form label.", examples=["Model context size"])
    placeholder: Text | None = Field(None, description="Placeholder text.", examples=["Enter the context size"])
    default: str | StrictInt | None = Field(
        None,
        description="The value the form starts with; for context_size and max_output_tokens also what a model "
        "gets when the answer is left empty.",
        examples=[8192, "function_call"],
    )
    required: bool | None = Field(None, description="Whether the user must answer.", examples=[True])
    type: Literal["select", "radio"] | None = Field(
        None, description="The control of a feature toggle (default select).", examples=["select"]
    )
    options: list[Option] | None = Field(
        None,
        description="A feature toggle's own values (default true and false); `on` lists those that mean on.",
        examples=[[{"value": "function_call", "label": "Function call"}, {"value": "no_call", "label": "No"}]],
    )
    on: list[str] | None = Field(
        None,
        description="The option values that turn the feature on (a toggle with options).",
        examples=[["function_call"]],
    )

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, data: object) -> object:
        return {"field": data} if isinstance(data, str) else data


class BaseModelField(Strict):
    """The customizable form's select of a base model (customizable.base_models)."""

    variable: str = Field("base_model", description="Form variable.", examples=["base_model_name"])
    label: Text = Field("Base model", description="Form label.", examples=["Base Model"])
    placeholder: Text | None = Field(None, description="Placeholder text.", examples=["Pick the deployed model"])


class Customizable(Strict):
    """Models a Dify user adds by id (Dify's customizable-model), beside or instead of `models`."""

    types: list[ModelType] = Field(
        min_length=1,
        description="The model types a user may add.",
        examples=[["llm", "text-embedding", "rerank"]],
    )
    fields: list[CustomFieldForm] | None = Field(
        None,
        description="The per-model fields the form offers beyond the model id and the credentials (the API key, "
        "the base-URL override as the model's own endpoint, and `credentials.extra`). Default: every field the "
        "types read but mode. display_name: the label; mode: chat or completion (llm; a completion model is "
        "called over api.endpoints.completions, not every API has it); context_size; max_output_tokens (the "
        "max_tokens rule's bound); "
        "vision, tool_call, stream_tool_call, reasoning (agent-thought), structured_output: feature toggles; "
        "image_output (offered only when listed): the model answers with images, as output_modalities [text, image]; "
        "pricing: input and output prices (llm, text-embedding); voices: comma-separated voice ids (tts). An entry "
        "may be a mapping with its own variable, label, placeholder, default, required, and for a toggle options "
        "and the values that mean on.",
        examples=[
            ["display_name", "context_size", "max_output_tokens", "tool_call", "vision"],
            [
                {"field": "context_size", "required": True, "default": 8192},
                {"field": "max_output_tokens", "variable": "max_tokens_to_sample"},
            ],
        ],
    )
    reasoning_parameters: list[Parameter] | None = Field(
        None,
        description="Parameter rules a user-added llm gets besides the llm defaults' when the user says it "
        "reasons (the reasoning field), e.g. OpenRouter's reasoning_effort.",
        examples=[[{"name": "reasoning_effort", "type": "string", "options": ["low", "medium", "high"]}]],
    )
    currency: str = Field("USD", description="Currency of the prices users enter.", examples=["RMB"])
    per: str | StrictInt = Field(
        "million",
        description="The token count the prices users enter are for: token, thousand, million, a power of ten "
        "with k or m (100k), or as a number.",
        examples=["million", "100k"],
    )
    base_models: list[Model] | None = Field(
        None,
        description="The models a user-added model may be an instance of (Azure OpenAI's base models behind a "
        "deployment), each a `models` entry (defaults apply). The form then asks which one (`base_model`), "
        "offering those of the added model's type, and the added model takes the chosen one's features, limits, "
        "prices, parameter rules and protocol; the id the user gives is what the API gets. `fields` may then offer "
        "display_name only.",
        examples=[[{"name": "gpt-4o", "context_size": 128000, "features": ["tool-call", "vision"]}]],
    )
    base_model: BaseModelField | None = Field(
        None,
        description="The form field that picks one of base_models: its variable, label and placeholder.",
        examples=[{"variable": "base_model_name", "label": "Base Model"}],
    )


class DifyOptions(Strict):
    memory: int = Field(
        268435456, gt=0, description="Memory the daemon grants the plugin, in bytes.", examples=[268435456]
    )
    minimum_dify_version: str | None = Field(
        None,
        description="Oldest Dify version the plugin supports. Default: derived from what the plugin uses "
        "(the SDK's Meta.MinimumDifyVersion table); a lower value is refused.",
        examples=["1.6.0"],
    )
    created_at: str = Field(
        "2025-01-01T00:00:00Z",
        description="RFC 3339 timestamp for the manifest; fixed so builds are stable.",
        examples=["2025-06-01T00:00:00Z"],
    )
    privacy: str | None = Field(
        None,
        description="Privacy policy text for PRIVACY.md (Markdown).",
        examples=["This plugin sends your prompts to Acme AI; see https://acme.example/privacy."],
    )


class MaiBotOptions(Strict):
    client_type: str | None = Field(
        None,
        description="The client_type MaiBot users put in api_providers[].client_type. Default: the provider name. "
        "Never one of the host's built-ins (openai, openai_responses, gemini).",
        examples=["acme_ai"],
    )
    plugin_id: str | None = Field(
        None,
        description="The plugin id in _manifest.json (needs a '.' or '-'). Default: '<author>.<name>'.",
        examples=["acme-labs.acme"],
    )
    license: str = Field(
        "MIT",
        description="SPDX id of the plugin's license (_manifest.json `license`). MIT and Apache-2.0 come "
        "with their LICENSE text; any other needs `license_file`.",
        examples=["Apache-2.0"],
    )
    license_file: str | None = Field(
        None,
        description="Your LICENSE file, relative to the spec, copied as the MaiBot plugin's LICENSE "
        "(its text must be the `license` named).",
        examples=["LICENSE"],
    )
    author_url: str | None = Field(
        None,
        description="Author URL for _manifest.json. Default: the repository URL.",
        examples=["https://acme.example"],
    )
    locale: str = Field(
        "en-US", description="Default locale of the plugin's texts in _manifest.json.", examples=["en-US", "zh-CN"]
    )


class Spec(Strict):
    name: str = Field(
        description="Provider id; must equal the spec file's stem. Lowercase, digits, _ and -.", examples=["deepseek"]
    )
    label: Text = Field(description="Provider display name.", examples=[{"en_US": "DeepSeek", "zh_Hans": "深度求索"}])
    description: Text = Field(
        description="One-line description.", examples=["Chat and reasoning models from DeepSeek."]
    )
    author: str = Field(description="Plugin author (lowercase, digits, _ and -).", examples=["acme-labs"])
    version: str = Field(description="Plugin version, x.y.z.", examples=["0.1.0"])
    icons: Icons = Field(description="Icon files.", examples=[{"small": "icons/deepseek.svg"}])
    background: str | None = Field(
        None, description="Background colour of the provider card, e.g. '#EFF1FE'.", examples=["#EFF1FE"]
    )
    help: Help | None = Field(
        None,
        description="Where to get an API key.",
        examples=[{"title": "Get your API key", "url": "https://platform.deepseek.com/api_keys"}],
    )
    api: Api = Field(
        description="How to reach the provider's OpenAI-compatible API.",
        examples=[{"base_url": "https://api.deepseek.com/v1"}],
    )
    credentials: Credentials = Field(
        default_factory=Credentials, description="Credential form fields.", examples=[{"base_url": {"enabled": False}}]
    )
    errors: Errors = Field(
        default_factory=Errors, description="Error-code map.", examples=[{"status": {"402": "rate_limit"}}]
    )
    defaults: Defaults = Field(
        default_factory=Defaults, description="Per-type model defaults.", examples=[{"llm": {"context_size": 131072}}]
    )
    parameter_sets: dict[str, list[Parameter]] = Field(
        default_factory=dict,
        description="Named lists of parameter rules that models and defaults insert with `{use: <name>}`.",
        examples=[{"reasoning": ["temperature", {"template": "max_tokens", "max": 40960}]}],
    )
    models: list[Model] = Field(
        default_factory=list,
        description="Predefined models, in the order the UI lists them (at least one, unless `customizable` is set).",
        examples=[[{"name": "deepseek-chat", "label": "DeepSeek Chat"}]],
    )
    customizable: Customizable | None = Field(
        None,
        description="Let Dify users add models by id (customizable-model). Their parameter rules are "
        "defaults.llm.parameters (or temperature, top_p and max_tokens); other settings are the type's defaults.",
        examples=[{"types": ["llm", "text-embedding"], "fields": ["display_name", "context_size", "tool_call"]}],
    )
    repository: str | None = Field(
        None,
        description="The public GitHub repository the generated plugins are published from, "
        "https://github.com/OWNER/REPO (Dify manifest `repo` and README link, MaiBot `urls.repository`; "
        "MaiBot installs plugins from GitHub repositories only). Required.",
        examples=["https://github.com/acme-labs/acme-plugins"],
    )
    contact: str | None = Field(
        None,
        description="Maintainers' email address (Dify manifest `contact`; the Marketplace requires one).",
        examples=["plugins@acme.example"],
    )
    sync: SpecSync | None = Field(
        None,
        description="The catalogue entries `sync` (and `build --catalog`) compare this spec with.",
        examples=[{"models.dev": "deepseek"}, {"openrouter": "all"}],
    )
    dify: DifyOptions = Field(
        default_factory=DifyOptions,
        description="Dify-only plugin settings.",
        examples=[{"minimum_dify_version": "1.0.0"}],
    )
    maibot: MaiBotOptions = Field(
        default_factory=MaiBotOptions, description="MaiBot-only plugin settings.", examples=[{"client_type": "acme_ai"}]
    )
