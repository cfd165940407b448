# Generated from specs/vertex_ai.yaml by the provider compiler. Do not edit by hand.
"""The vertex_ai settings, as data: every runtime module reads its provider's constants from here."""

PROVIDER = "vertex_ai"
# The spec's wire protocol (runtime/protocols/): every kind's, and the chat models' unless their own
# settings name another (PROTOCOLS below).
PROTOCOL = "gemini"
# The module text-embedding models use (runtime/protocols.py: embedding()).
EMBEDDINGS = "gemini_embeddings"
# The module rerank models use (runtime/kinds/__init__.py: reranker()).
RERANKER = "rerank"
BASE_URL = "https://{vertex_location}-aiplatform.googleapis.com"
# Endpoint key -> path appended to the base URL; None where the provider has no such endpoint.
ENDPOINTS = {
    "chat": "/v1/projects/{vertex_project_id}/locations/{vertex_location}/publishers/google/models/{model}:generateContent",
    "models": None,
    "embeddings": "/v1/projects/{vertex_project_id}/locations/{vertex_location}/publishers/google/models/{model}:predict",
}
# How the API key is sent: ("header", name, prefix), ("query", name, ""), ("aws_sigv4", service, "")
# (a signature over the finished request: aws.py), ("entra_id", header, prefix) (the key in that header,
# or an Entra ID token: entra.py) or ("none", None, "").
AUTH = ("google_service_account", None, "")
# The other protocols the models speak -> their endpoints, auth (as AUTH) and static headers.
PROTOCOLS = {
    "anthropic_messages": {
        "endpoints": {
            "chat": "/v1/projects/{vertex_project_id}/locations/{vertex_anthropic_location|vertex_location}/publishers/anthropic/models/{model}:rawPredict",
            "stream": "/v1/projects/{vertex_project_id}/locations/{vertex_anthropic_location|vertex_location}/publishers/anthropic/models/{model}:streamRawPredict",
            "models": None,
        },
        "auth": ("google_service_account", None, ""),
        "headers": {"anthropic-version": "2023-06-01"},
        "base_url": "https://{vertex_anthropic_location|vertex_location}-aiplatform.googleapis.com",
        "body": {"anthropic_version": "vertex-2023-10-16"},
    },
    "openai_chat": {
        "endpoints": {
            "chat": "/v1/projects/{vertex_project_id}/locations/{vertex_mistral_location|vertex_location}/publishers/mistralai/models/{model}:rawPredict",
            "stream": "/v1/projects/{vertex_project_id}/locations/{vertex_mistral_location|vertex_location}/publishers/mistralai/models/{model}:streamRawPredict",
            "models": None,
        },
        "auth": ("google_service_account", None, ""),
        "headers": {},
        "base_url": "https://{vertex_mistral_location|vertex_location}-aiplatform.googleapis.com",
    },
}
# Credential field -> its value ("" when empty) -> the protocol it picks for a model that speaks several.
PROTOCOL_CHOICES = {}
# Credential variables holding the API key and the optional base-URL override (None: no override).
API_KEY_VARIABLE = "vertex_service_account_key"
BASE_URL_VARIABLE = "vertex_endpoint_url"
# A `{variable}` of BASE_URL -> what it is when the credential is empty (the field's default).
URL_DEFAULTS = {"vertex_location": "us-central1"}
# A filled-in base URL's host -> the host it is instead (Vertex's global-aiplatform.googleapis.com).
HOSTS = {"global-aiplatform.googleapis.com": "aiplatform.googleapis.com"}
# A model id the spec does not list that starts with a key -> the protocol it speaks.
MODEL_PREFIXES = {"claude": "anthropic_messages", "mistral": "openai_chat", "codestral": "openai_chat"}
# Credential field -> its value -> the base URL it picks (below the override, above BASE_URL).
BASE_URL_CHOICES = {}
# How a user's base-URL override is normalised (never BASE_URL): ("append", path) unless its path
# already ends with it, ("keep", "origin") for scheme and host only; None: used as given.
BASE_URL_REWRITE = None
# Credential variables whose values are masked in every message and log line (secret fields).
SECRET_VARIABLES = ("vertex_service_account_key",)
STATIC_HEADERS = {}
# Credential fields forwarded as request headers / query parameters when filled in.
CREDENTIAL_HEADERS = {}
CREDENTIAL_QUERY = {}
# A base-URL path under which the protocols' own APIs are served (Azure OpenAI's /openai/v1), and each
# endpoint path of the spec -> the protocol's own path there (http.route); None: no such path.
NATIVE = None
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 300.0
# HTTP status and provider error code/type -> error kind (the spec's map over the defaults).
STATUS_KINDS = {
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
CODE_KINDS = {
    "INVALID_ARGUMENT": "bad_request",
    "FAILED_PRECONDITION": "bad_request",
    "UNAUTHENTICATED": "authorization",
    "PERMISSION_DENIED": "authorization",
    "NOT_FOUND": "bad_request",
    "RESOURCE_EXHAUSTED": "rate_limit",
    "INTERNAL": "server_unavailable",
    "UNAVAILABLE": "server_unavailable",
    "DEADLINE_EXCEEDED": "connection",
    "invalid_request_error": "bad_request",
    "authentication_error": "authorization",
    "permission_error": "authorization",
    "not_found_error": "bad_request",
    "request_too_large": "bad_request",
    "rate_limit_error": "rate_limit",
    "api_error": "server_unavailable",
    "overloaded_error": "server_unavailable",
}
# Where a 2xx answer says it failed: (keys of its status code, the codes that mean success, keys of
# the message); None: a 2xx answer fails only with an `error` object (errors.json_object).
BODY_STATUS = None
# Declared parameter -> its record; anything else is never sent. Where the value goes: "key" (a body
# key, dots nest), "tool" (the built-in tool a boolean adds to `tools` while on), "control" (the
# protocol setting it steers) or "format" (the answer's format: response_format, json_schema); "parse":
# "json" (text that spells a JSON value) or "list" (comma-separated items); "values": ((value the user picks, what is sent instead;
# None: nothing), ...); "omit_when": ((other parameter, value, its default), ...) that leave it out;
# while it is on (set, and not false), "headers" ((header, value), ...; values join by commas) and
# "body" (fixed fields, under the values). A model may override values and omit_when
# (MODEL_SETTINGS[model]["parameters"]).
PARAMETERS = {
    "aspect_ratio": {"key": "generationConfig.imageConfig.aspectRatio", "values": (("Auto", None),)},
    "code_execution": {"tool": {"codeExecution": {}}},
    "frequency_penalty": {
        "key": "generationConfig.frequencyPenalty",
        "keys": {"anthropic_messages": "frequency_penalty", "openai_chat": "frequency_penalty"},
    },
    "grounding": {"tool": {"googleSearch": {}}},
    "grounding_search": {"tool": {"googleSearch": {}}},
    "include_thoughts": {"key": "generationConfig.thinkingConfig.includeThoughts"},
    "json_schema": {"format": "json_schema"},
    "max_output_tokens": {
        "key": "generationConfig.maxOutputTokens",
        "keys": {"anthropic_messages": "max_output_tokens", "openai_chat": "max_output_tokens"},
    },
    "max_tokens": {
        "key": "generationConfig.maxOutputTokens",
        "keys": {"anthropic_messages": "max_tokens", "openai_chat": "max_tokens"},
    },
    "media_resolution": {
        "key": "generationConfig.mediaResolution",
        "values": (
            ("Default", None),
            ("Low", "MEDIA_RESOLUTION_LOW"),
            ("Medium", "MEDIA_RESOLUTION_MEDIUM"),
            ("High", "MEDIA_RESOLUTION_HIGH"),
        ),
    },
    "presence_penalty": {
        "key": "generationConfig.presencePenalty",
        "keys": {"anthropic_messages": "presence_penalty", "openai_chat": "presence_penalty"},
    },
    "random_seed": {"key": "random_seed"},
    "resolution": {"key": "generationConfig.imageConfig.imageSize"},
    "temperature": {
        "key": "generationConfig.temperature",
        "keys": {"anthropic_messages": "temperature", "openai_chat": "temperature"},
    },
    "thinking_budget": {"key": "generationConfig.thinkingConfig.thinkingBudget"},
    "thinking_level": {
        "key": "generationConfig.thinkingConfig.thinkingLevel",
        "values": (("Minimal", "MINIMAL"), ("Low", "LOW"), ("Medium", "MEDIUM"), ("High", "HIGH")),
    },
    "top_k": {"key": "generationConfig.topK", "keys": {"anthropic_messages": "top_k", "openai_chat": "top_k"}},
    "top_p": {"key": "generationConfig.topP", "keys": {"anthropic_messages": "top_p", "openai_chat": "top_p"}},
    "url_context": {"tool": {"urlContext": {}}},
}
# Chat model -> the parameters its rules declare (MaiBot sends the host's values only to these).
MODEL_PARAMETERS = {
    "claude-3-haiku@20240307": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-3-opus@20240229": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-3-sonnet@20240229": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-3-5-sonnet-v2@20241022": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-3-5-sonnet@20240620": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-3-7-sonnet@20250219": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-haiku-4-5@20251001": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-opus-4-5@20251101": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-opus-4-6": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-opus-4-7": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-opus-4-8": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-opus-4@20250514": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-sonnet-4-5@20250929": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-sonnet-4-6": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-sonnet-4@20250514": ("max_tokens", "temperature", "top_p", "top_k"),
    "claude-sonnet-5": ("max_tokens", "temperature", "top_p", "top_k"),
    "gemini-1.0-pro-vision-001": (
        "temperature",
        "top_p",
        "top_k",
        "presence_penalty",
        "frequency_penalty",
        "max_output_tokens",
    ),
    "gemini-1.0-pro-002": (
        "temperature",
        "top_p",
        "top_k",
        "presence_penalty",
        "frequency_penalty",
        "max_output_tokens",
    ),
    "gemini-1.5-flash-001": (
        "temperature",
        "top_p",
        "top_k",
        "presence_penalty",
        "frequency_penalty",
        "max_output_tokens",
    ),
    "gemini-1.5-flash-002": (
        "temperature",
        "top_p",
        "top_k",
        "presence_penalty",
        "frequency_penalty",
        "max_output_tokens",
        "grounding",
    ),
    "gemini-1.5-pro-001": (
        "temperature",
        "top_p",
        "top_k",
        "presence_penalty",
        "frequency_penalty",
        "max_output_tokens",
    ),
    "gemini-1.5-pro-002": (
        "temperature",
        "top_p",
        "top_k",
        "presence_penalty",
        "frequency_penalty",
        "max_output_tokens",
        "grounding",
    ),
    "gemini-2.0-flash-001": ("temperature", "top_p", "max_output_tokens", "grounding_search", "json_schema"),
    "gemini-2.0-flash-exp": ("temperature", "top_p", "max_output_tokens", "json_schema"),
    "gemini-2.0-flash-lite-001": ("temperature", "top_p", "max_output_tokens", "grounding_search", "json_schema"),
    "gemini-2.0-flash-lite-preview-02-05": ("temperature", "top_p", "max_output_tokens", "json_schema"),
    "gemini-2.0-flash-thinking-exp-01-21": ("temperature", "top_p", "max_output_tokens", "json_schema"),
    "gemini-2.0-pro-exp-02-05": ("temperature", "top_p", "max_output_tokens", "json_schema"),
    "gemini-2.5-computer-use-preview-10-2025": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-flash-lite-preview-06-17": (
        "temperature",
        "top_p",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-flash-lite-preview-09-2025": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-flash-lite": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-flash-preview-04-17": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-flash-preview-05-20": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-flash-preview-09-2025": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-flash": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-pro-exp-03-25": ("temperature", "top_p", "max_output_tokens", "json_schema"),
    "gemini-2.5-pro-preview-03-25": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-pro-preview-05-06": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-pro-preview-06-05": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-2.5-pro": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "grounding_search",
        "thinking_budget",
        "include_thoughts",
        "json_schema",
    ),
    "gemini-3-flash-preview": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "thinking_level",
        "include_thoughts",
        "media_resolution",
        "grounding",
        "url_context",
        "code_execution",
        "json_schema",
    ),
    "gemini-3-pro-preview": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "thinking_level",
        "include_thoughts",
        "media_resolution",
        "grounding",
        "url_context",
        "code_execution",
        "json_schema",
    ),
    "gemini-3.1-flash-image-preview": (
        "temperature",
        "aspect_ratio",
        "resolution",
        "include_thoughts",
        "max_output_tokens",
    ),
    "gemini-3.1-flash-lite-preview": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "thinking_level",
        "include_thoughts",
        "media_resolution",
        "grounding",
        "url_context",
        "code_execution",
        "json_schema",
    ),
    "gemini-3.1-flash-lite": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "thinking_level",
        "include_thoughts",
        "media_resolution",
        "grounding",
        "url_context",
        "code_execution",
        "json_schema",
    ),
    "gemini-3.1-pro-preview": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "thinking_level",
        "include_thoughts",
        "media_resolution",
        "grounding",
        "url_context",
        "code_execution",
        "json_schema",
    ),
    "gemini-3.5-flash-lite": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "thinking_level",
        "include_thoughts",
        "media_resolution",
        "grounding",
        "url_context",
        "code_execution",
        "json_schema",
    ),
    "gemini-3.5-flash": (
        "temperature",
        "top_p",
        "max_output_tokens",
        "thinking_level",
        "include_thoughts",
        "media_resolution",
        "grounding",
        "url_context",
        "code_execution",
        "json_schema",
    ),
    "gemini-flash-experimental": (
        "temperature",
        "top_p",
        "top_k",
        "presence_penalty",
        "frequency_penalty",
        "max_output_tokens",
    ),
    "gemini-pro-experimental": (
        "temperature",
        "top_p",
        "top_k",
        "presence_penalty",
        "frequency_penalty",
        "max_output_tokens",
    ),
    "codestral-2": ("temperature", "top_p", "max_tokens", "random_seed", "frequency_penalty", "presence_penalty"),
    "mistral-medium-3": ("temperature", "top_p", "max_tokens", "random_seed", "frequency_penalty", "presence_penalty"),
    "mistral-small-2503": (
        "temperature",
        "top_p",
        "max_tokens",
        "random_seed",
        "frequency_penalty",
        "presence_penalty",
    ),
}
# Forward the end user's id; ask for usage in streams; what earlier reasoning becomes in the history
# ("strip", or "reasoning_content": sent back beside the answer).
SEND_USER = False
# How the end user's id is sent: (body key, cut to this many characters or None, SHA-256 of it).
USER = ("user", None, False)
STREAM_USAGE = False
REASONING_HISTORY = "strip"
# Mark the system prompt and the tools as a prompt-cache prefix (anthropic_messages: cache_control).
PROMPT_CACHE = False
# Wire model id -> the inference-profile prefixes it has ("" the bare id; "*" any id not listed): what
# a parameter that controls `profile` picks among (bedrock_converse).
PROFILES = {}
# How the conversation is tidied before it is sent (messages.normalise).
MESSAGES = {"merge_same_role": False, "drop_empty": False}
# Fixed fields of every chat request body (the request's own values win; objects merge).
BODY = {}
# Model -> what is sent for it beyond its kind's defaults: fixed body fields; what becomes of system
# messages ("drop", "as_user"); send_stop and stream False for chat models that refuse them;
# never_send: declared parameters the model's API refuses; parameters: parameter -> the fields of its
# record this model's rule has otherwise (values, omit_when); embedding dimensions, input type (body
# key, query value, document value) and base64 encoding; an embedding or rerank model's own endpoint
# (a path, or a whole URL) and call keys (`embedding`, `rerank`: as EMBEDDING and RERANK); a
# transcription's language and prompt.
MODEL_SETTINGS = {
    "claude-3-haiku@20240307": {"max_output_tokens": 4096, "protocol": "anthropic_messages"},
    "claude-3-opus@20240229": {"max_output_tokens": 4096, "protocol": "anthropic_messages"},
    "claude-3-sonnet@20240229": {"max_output_tokens": 4096, "protocol": "anthropic_messages"},
    "claude-3-5-sonnet-v2@20241022": {"max_output_tokens": 8192, "protocol": "anthropic_messages"},
    "claude-3-5-sonnet@20240620": {"max_output_tokens": 4096, "protocol": "anthropic_messages"},
    "claude-3-7-sonnet@20250219": {"max_output_tokens": 128000, "protocol": "anthropic_messages"},
    "claude-haiku-4-5@20251001": {"max_output_tokens": 64000, "protocol": "anthropic_messages"},
    "claude-opus-4-5@20251101": {"max_output_tokens": 64000, "protocol": "anthropic_messages"},
    "claude-opus-4-6": {"max_output_tokens": 128000, "protocol": "anthropic_messages"},
    "claude-opus-4-7": {"max_output_tokens": 128000, "protocol": "anthropic_messages"},
    "claude-opus-4-8": {"max_output_tokens": 128000, "protocol": "anthropic_messages"},
    "claude-opus-4@20250514": {"max_output_tokens": 32000, "protocol": "anthropic_messages"},
    "claude-sonnet-4-5@20250929": {"max_output_tokens": 64000, "protocol": "anthropic_messages"},
    "claude-sonnet-4-6": {"max_output_tokens": 64000, "protocol": "anthropic_messages"},
    "claude-sonnet-4@20250514": {"max_output_tokens": 64000, "protocol": "anthropic_messages"},
    "claude-sonnet-5": {"max_output_tokens": 128000, "protocol": "anthropic_messages"},
    "codestral-2": {"protocol": "openai_chat"},
    "mistral-medium-3": {"protocol": "openai_chat"},
    "mistral-small-2503": {"protocol": "openai_chat"},
}
# Kind -> the settings of its models that MODEL_SETTINGS does not list, from the spec's defaults: what a
# model a Dify user adds, or any id a MaiBot user sets, is sent with (runtime/http.py: model_settings).
KIND_SETTINGS = {"text-embedding": {"input_type": ("task_type", "RETRIEVAL_QUERY", "RETRIEVAL_DOCUMENT")}}
# The rerank call: body keys (top_n None: not sent), the keys leading to the results list (empty:
# the answer is the list), each result's index and score keys, the score transform, and the key the
# query and each document are wrapped under (None: plain strings). A model's own: MODEL_SETTINGS.
RERANK = {
    "query": "query",
    "documents": "documents",
    "top_n": "top_n",
    "results": ("results",),
    "index": "index",
    "score": "relevance_score",
    "transform": "none",
    "text": None,
}
# The speech call: the body keys (dots nest) of the text, the voice and the audio format (None: not
# sent), where a JSON answer holds the audio (None: the answer is the audio) and how it is written.
SPEECH = {"input": "input", "voice": "voice", "format": "response_format", "audio": None, "encoding": "base64"}
# Models Dify users add by id: the types, the form's field variables, each type's model_properties
# before the user's values, an llm's parameter rules (and those added when the user says it reasons),
# the max_tokens bound when the user gives none, and the (currency, unit) of the prices users enter
# (runtime/customizable.py).
CUSTOMIZABLE = {
    "types": (),
    "fields": (),
    "properties": {},
    "parameters": [],
    "reasoning_parameters": [],
    "max_output_tokens": 0,
    "pricing": ("USD", "0.000001"),
}
