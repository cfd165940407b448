"""The two tables the compiler's variants come from: kinds of model call, and wire protocols.

A new model kind is a row here, a runtime module, a Dify template folder and tests; a new protocol
is a row here, a runtime module, recorded fixtures, a spec and its golden tree."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DifyKind:
    folder: str  # models/<folder>/ in the plugin, templates/dify/models/<folder>/ here
    sdk_type: str  # the dify_plugin ModelType member
    adapter: str  # the module of runtime/dify/ with the model class's mixin


@dataclass(frozen=True)
class MaiBotKind:
    operation: str  # what MaiBot's host calls the plugin's handler with
    model_type: str  # `model_type` in MaiBot's model_config.toml


@dataclass(frozen=True)
class Kind:
    """One kind of model call, and where each target serves it."""

    name: str  # the spec's model `type`, and Dify's model_type
    endpoint: str  # the api.endpoints key it calls
    runtime: str | None = None  # its module of runtime/kinds/; None: the spec's chat protocol
    fields: frozenset[str] = frozenset()  # the kind-specific model fields (spec.ModelFields) it reads
    required: tuple[str, ...] = ()  # of those, the ones every model needs (its own or the defaults')
    llm_fields: bool = False  # features, parameter rules and an output price apply
    dify: DifyKind | None = None  # None: Dify has no such kind (yet)
    maibot: MaiBotKind | None = None  # None: MaiBot has no such operation


# Model fields every kind may set: the display and price fields.
# The Dify version each thing a generated plugin may use needs, from the SDK's "Meta.MinimumDifyVersion
# Reference" (dify-plugin-sdks@28d1d22, README.md); plugins themselves arrived in Dify 1.0.0. The
# manifest's minimum_dify_version is the newest of these the plugin uses.
PLUGINS_SINCE = "1.0.0"
DIFY_VERSION_FOR = {
    "structured-output": ("1.5.1", "the structured-output model feature"),
    "icon_dark": ("1.6.0", "a dark icon (icon_dark)"),
}

COMMON_FIELDS = frozenset(("pricing",))
LLM_FIELDS = frozenset(
    (
        "mode",
        "context_size",
        "max_output_tokens",
        "features",
        "parameters",
        "system_messages",
        "send_stop",
        "protocol",
        "stream",
        "never_send",
        "output_modalities",
    )
)

KINDS = (
    Kind(
        "llm",
        endpoint="chat",
        fields=LLM_FIELDS,
        required=("context_size",),
        llm_fields=True,
        dify=DifyKind("llm", "LLM", "chat"),
        maibot=MaiBotKind("response", "llm"),
    ),
    Kind(
        "text-embedding",
        endpoint="embeddings",
        runtime="embeddings",
        fields=frozenset(
            (
                "context_size",
                "max_chunks",
                "dimensions",
                "input_type",
                "encoding",
                "invoke_body",
                "endpoint",
                "embeddings",
            )
        ),
        required=("context_size",),
        dify=DifyKind("text_embedding", "TEXT_EMBEDDING", "embedding"),
        maibot=MaiBotKind("embedding", "embedding"),
    ),
    Kind(
        "rerank",
        endpoint="rerank",
        runtime="rerank",
        fields=frozenset(("context_size", "endpoint", "rerank")),
        required=("context_size",),
        dify=DifyKind("rerank", "RERANK", "rerank"),
    ),
    Kind(
        "speech2text",
        endpoint="transcriptions",
        runtime="transcription",
        fields=frozenset(("file_upload_limit", "supported_file_extensions", "language", "prompt")),
        dify=DifyKind("speech2text", "SPEECH2TEXT", "speech2text"),
        # MaiBot's model_config.toml knows llm, embedding and image_embedding; its voice task takes llm models.
        maibot=MaiBotKind("audio_transcription", "llm"),
    ),
    Kind(
        "tts",
        endpoint="speech",
        runtime="speech",
        fields=frozenset(("voices", "default_voice", "audio_type", "word_limit", "max_workers")),
        required=("voices",),
        dify=DifyKind("tts", "TTS", "tts"),
    ),
    Kind(
        "moderation",
        endpoint="moderations",
        runtime="moderation",
        fields=frozenset(("max_chunks", "max_characters_per_chunk")),
        dify=DifyKind("moderation", "MODERATION", "moderation"),
    ),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
# What a spec's models may be: the kinds Dify serves (a spec's models are Dify models).
MODEL_TYPES = tuple(kind.name for kind in KINDS if kind.dify)


@dataclass(frozen=True)
class Protocol:
    """One wire protocol: its runtime module, its defaults, and the api fields it reads."""

    name: str  # api.protocol, and the module of runtime/protocols/ that speaks it
    endpoints: dict[str, str | None]  # default path of each endpoint it has (None: none by default)
    auth: tuple[str, str | None, str]  # default api.auth (scheme, header or query name, prefix)
    quirks: frozenset[str]  # optional api fields that mean something to this protocol
    headers: dict[str, str] = field(default_factory=dict)  # sent with every request (api.headers override)
    codes: dict[str, str] = field(default_factory=dict)  # error code -> kind (api errors.codes override)
    user_key: str = "user"  # default api.user.send_as
    max_tokens_required: bool = False  # every chat request states max_tokens (the model's max_output_tokens)
    response_format: bool = True  # the API takes response_format (json_object, json_schema)
    json_schema: bool = True  # a json_schema rule reaches the API (as response_format, or its own way)
    image_output: bool = True  # a model may answer with images (output_modalities: [.., image])
    # A kind's module -> this protocol's module of the same names in runtime/kinds/ (Gemini's embeddings).
    runtimes: dict[str, str] = field(default_factory=dict)
    # Settings a parameter may steer (`controls`) -> the parameter type it takes.
    controls: dict[str, str] = field(default_factory=dict)
    # How a built-in tool (adds_tool) is named: by this key's value ({type: web_search, …}), or, when
    # None, by its one key ({googleSearch: {}}); never by the name the host's function tools take.
    tool_name_key: str | None = "type"
    function_tools: str = "function"
    # A parameter's body key -> where this protocol's API takes it (Gemini: sampling settings under
    # generationConfig, by its own names); the spec's send_as, or the rule's name, is looked up here.
    parameter_keys: dict[str, str] = field(default_factory=dict)


PROTOCOLS = {
    "openai_chat": Protocol(
        "openai_chat",
        endpoints={
            "chat": "/chat/completions",
            "completions": "/completions",
            "models": "/models",
            "embeddings": "/embeddings",
            "rerank": "/rerank",
            "transcriptions": "/audio/transcriptions",
            "speech": "/audio/speech",
            "moderations": "/moderations",
        },
        auth=("bearer", None, ""),
        quirks=frozenset(("send_user", "user", "stream_usage", "reasoning_history", "messages")),
    ),
    # Anthropic Messages (docs.anthropic.com/en/api/messages), and Anthropic-compatible endpoints.
    "anthropic_messages": Protocol(
        "anthropic_messages",
        endpoints={"chat": "/v1/messages", "models": "/v1/models"},  # chat models only
        auth=("header", "x-api-key", ""),
        quirks=frozenset(("send_user", "user", "messages", "prompt_cache")),
        headers={"anthropic-version": "2023-06-01"},
        codes={
            "invalid_request_error": "bad_request",
            "authentication_error": "authorization",
            "permission_error": "authorization",
            "not_found_error": "bad_request",
            "request_too_large": "bad_request",
            "rate_limit_error": "rate_limit",
            "api_error": "server_unavailable",
            "overloaded_error": "server_unavailable",
        },
        user_key="metadata.user_id",
        max_tokens_required=True,
        response_format=False,
        image_output=False,
        function_tools="custom",
        # What other APIs call these: one parameter of a plugin whose models speak several protocols
        # (aihubmix) is sent under one name, which each protocol places where its API takes it.
        parameter_keys={"max_completion_tokens": "max_tokens", "thinking_budget": "thinking.budget_tokens"},
        # Prompt caching (docs.anthropic.com/en/docs/build-with-claude/prompt-caching): which blocks get
        # cache_control, texts longer than this many words, and the cache's lifetime ("5m", "1h").
        controls={
            "cache.system": "boolean",
            "cache.tools": "boolean",
            "cache.images": "boolean",
            "cache.documents": "boolean",
            "cache.tool_results": "boolean",
            "cache.long_messages": "int",
            "cache.ttl": "string",
        },
    ),
    # OpenAI Responses (platform.openai.com/docs/api-reference/responses): stateless, reasoning kept
    # encrypted between turns; chat models only (another kind is an error).
    "openai_responses": Protocol(
        "openai_responses",
        endpoints={"chat": "/responses", "models": "/models"},
        auth=("bearer", None, ""),
        quirks=frozenset(("send_user", "user", "messages")),
        parameter_keys={
            "max_tokens": "max_output_tokens",
            "max_completion_tokens": "max_output_tokens",
            "reasoning_effort": "reasoning.effort",
            "verbosity": "text.verbosity",
        },
    ),
    # Amazon Bedrock Converse (docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html):
    # /model/{id}/converse and /converse-stream (AWS event-stream frames), signed with SigV4 or sent a
    # Bedrock API key. No model list on the runtime host: a one-token call checks. Embeddings are
    # InvokeModel calls (a body per model family); rerank is bedrock-agent-runtime's Rerank, on a host
    # of its own in the same region (an absolute endpoint: only the protocol table may name one).
    "bedrock_converse": Protocol(
        "bedrock_converse",
        endpoints={
            "chat": "/model/{model}/converse",
            "models": None,
            "embeddings": "/model/{model}/invoke",
            "rerank": "https://bedrock-agent-runtime.{aws_region}.amazonaws.com/rerank",
        },
        auth=("aws_sigv4", "bedrock", ""),
        quirks=frozenset(("messages", "prompt_cache", "profiles")),
        runtimes={"embeddings": "bedrock_embeddings", "rerank": "bedrock_rerank"},
        # Prompt caching (docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html): a cachePoint
        # after the system prompt and after the tools, by api.prompt_cache or per request, and (cache.messages)
        # at the end of the latest two user turns. `model`: the option picked is the wire id (values:
        # option -> id); `profile`: the option picked is a rule choosing the inference-profile prefix from
        # the region (values: option -> {region prefix: [profile prefixes to try]}), among those
        # api.profiles says the id has.
        controls={
            "cache.system": "boolean",
            "cache.tools": "boolean",
            "cache.messages": "boolean",
            "model": "string",
            "profile": "string",
        },
        codes={
            "ThrottlingException": "rate_limit",
            "ServiceQuotaExceededException": "rate_limit",
            "AccessDeniedException": "authorization",
            "UnrecognizedClientException": "authorization",
            "InvalidSignatureException": "authorization",
            "ExpiredTokenException": "authorization",
            "IncompleteSignatureException": "authorization",
            "ValidationException": "bad_request",
            "ResourceNotFoundException": "bad_request",
            "ModelNotReadyException": "server_unavailable",
            "ModelTimeoutException": "server_unavailable",
            "ModelErrorException": "server_unavailable",
            "ModelStreamErrorException": "server_unavailable",
            "ServiceUnavailableException": "server_unavailable",
            "InternalServerException": "server_unavailable",
        },
        response_format=False,
        json_schema=False,
        image_output=False,  # Converse answers carry no images (Bedrock's image models are InvokeModel's)
        function_tools="toolSpec",
        tool_name_key=None,
        parameter_keys={
            "max_tokens": "inferenceConfig.maxTokens",
            "temperature": "inferenceConfig.temperature",
            "top_p": "inferenceConfig.topP",
        },
    ),
    # Gemini API (ai.google.dev/api/generate-content): generateContent and streamGenerateContent.
    "gemini": Protocol(
        "gemini",
        endpoints={
            "chat": "/v1beta/models/{model}:generateContent",
            "models": "/v1beta/models",
            "embeddings": "/v1beta/models/{model}:batchEmbedContents",
        },
        runtimes={"embeddings": "gemini_embeddings"},
        parameter_keys={
            "temperature": "generationConfig.temperature",
            "top_p": "generationConfig.topP",
            "top_k": "generationConfig.topK",
            "max_tokens": "generationConfig.maxOutputTokens",
            "presence_penalty": "generationConfig.presencePenalty",
            "frequency_penalty": "generationConfig.frequencyPenalty",
            "seed": "generationConfig.seed",
            "max_completion_tokens": "generationConfig.maxOutputTokens",
            "max_output_tokens": "generationConfig.maxOutputTokens",
            "thinking_budget": "generationConfig.thinkingConfig.thinkingBudget",
        },
        tool_name_key=None,
        function_tools="functionDeclarations",
        auth=("header", "x-goog-api-key", ""),
        quirks=frozenset(("messages",)),
        codes={
            "INVALID_ARGUMENT": "bad_request",
            "FAILED_PRECONDITION": "bad_request",
            "UNAUTHENTICATED": "authorization",
            "PERMISSION_DENIED": "authorization",
            "NOT_FOUND": "bad_request",
            "RESOURCE_EXHAUSTED": "rate_limit",
            "INTERNAL": "server_unavailable",
            "UNAVAILABLE": "server_unavailable",
            "DEADLINE_EXCEEDED": "connection",
        },
    ),
}
