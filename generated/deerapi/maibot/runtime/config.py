# Generated from specs/deerapi.yaml by the provider compiler. Do not edit by hand.
"""The deerapi settings, as data: every runtime module reads its provider's constants from here."""

PROVIDER = "deerapi"
# The spec's wire protocol (runtime/protocols/): every kind's, and the chat models' unless their own
# settings name another (PROTOCOLS below).
PROTOCOL = "openai_chat"
# The module text-embedding models use (runtime/protocols.py: embedding()).
EMBEDDINGS = "embeddings"
# The module rerank models use (runtime/kinds/__init__.py: reranker()).
RERANKER = "rerank"
BASE_URL = "https://api.deerapi.com/v1"
# Endpoint key -> path appended to the base URL; None where the provider has no such endpoint.
ENDPOINTS = {
    "chat": "/chat/completions",
    "completions": "/completions",
    "models": "/models",
    "embeddings": "/embeddings",
    "transcriptions": "/audio/transcriptions",
    "speech": "/audio/speech",
}
# How the API key is sent: ("header", name, prefix), ("query", name, ""), ("aws_sigv4", service, "")
# (a signature over the finished request: aws.py), ("entra_id", header, prefix) (the key in that header,
# or an Entra ID token: entra.py) or ("none", None, "").
AUTH = ("header", "Authorization", "Bearer ")
# The other protocols the models speak -> their endpoints, auth (as AUTH) and static headers.
PROTOCOLS = {}
# Credential field -> its value ("" when empty) -> the protocol it picks for a model that speaks several.
PROTOCOL_CHOICES = {}
# Credential variables holding the API key and the optional base-URL override (None: no override).
API_KEY_VARIABLE = "api_key"
BASE_URL_VARIABLE = "base_url"
# A `{variable}` of BASE_URL -> what it is when the credential is empty (the field's default).
URL_DEFAULTS = {}
# A filled-in base URL's host -> the host it is instead (Vertex's global-aiplatform.googleapis.com).
HOSTS = {}
# A model id the spec does not list that starts with a key -> the protocol it speaks.
MODEL_PREFIXES = {}
# Credential field -> its value -> the base URL it picks (below the override, above BASE_URL).
BASE_URL_CHOICES = {}
# How a user's base-URL override is normalised (never BASE_URL): ("append", path) unless its path
# already ends with it, ("keep", "origin") for scheme and host only; None: used as given.
BASE_URL_REWRITE = None
# Credential variables whose values are masked in every message and log line (secret fields).
SECRET_VARIABLES = ("api_key",)
STATIC_HEADERS = {"HTTP-Referer": "https://dify.ai/", "X-Title": "Dify"}
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
CODE_KINDS = {}
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
    "enable_stream": {"control": "stream"},
    "enable_thinking": {"key": "reasoning.max_tokens", "values": (("dynamic", -1), ("manual", None))},
    "exclude_reasoning_tokens": {"key": "reasoning.exclude"},
    "extended_output": {"key": "extended_output"},
    "frequency_penalty": {"key": "frequency_penalty"},
    "json_schema": {"format": "json_schema"},
    "max_tokens": {"key": "max_tokens"},
    "presence_penalty": {"key": "presence_penalty"},
    "prompt_caching_documents": {"key": "prompt_caching_documents"},
    "prompt_caching_images": {"key": "prompt_caching_images"},
    "prompt_caching_message_flow": {"key": "prompt_caching_message_flow"},
    "prompt_caching_system_message": {"key": "prompt_caching_system_message"},
    "prompt_caching_tool_definitions": {"key": "prompt_caching_tool_definitions"},
    "prompt_caching_tool_results": {"key": "prompt_caching_tool_results"},
    "reasoning_budget": {"key": "reasoning.max_tokens"},
    "reasoning_effort": {"key": "reasoning.effort"},
    "response_format": {"format": "response_format"},
    "search_parameters": {"key": "search_parameters", "parse": "json"},
    "seed": {"key": "seed"},
    "temperature": {"key": "temperature"},
    "thinking": {"key": "thinking"},
    "thinking_budget": {"key": "thinking_budget"},
    "top_k": {"key": "top_k"},
    "top_p": {"key": "top_p"},
    "verbosity": {"key": "verbosity"},
}
# Chat model -> the parameters its rules declare (MaiBot sends the host's values only to these).
MODEL_PARAMETERS = {
    "claude-3-5-haiku-20241022": (
        "temperature",
        "top_p",
        "top_k",
        "max_tokens",
        "response_format",
        "prompt_caching_message_flow",
        "prompt_caching_system_message",
        "prompt_caching_images",
        "prompt_caching_documents",
        "prompt_caching_tool_definitions",
        "prompt_caching_tool_results",
    ),
    "claude-3-5-sonnet-20240620": (
        "temperature",
        "top_p",
        "top_k",
        "max_tokens",
        "response_format",
        "prompt_caching_message_flow",
        "prompt_caching_system_message",
        "prompt_caching_images",
        "prompt_caching_documents",
        "prompt_caching_tool_definitions",
        "prompt_caching_tool_results",
    ),
    "claude-3-5-sonnet-20241022": (
        "temperature",
        "top_p",
        "top_k",
        "max_tokens",
        "response_format",
        "prompt_caching_message_flow",
        "prompt_caching_system_message",
        "prompt_caching_images",
        "prompt_caching_documents",
        "prompt_caching_tool_definitions",
        "prompt_caching_tool_results",
    ),
    "claude-3-7-sonnet-20250219": (
        "thinking",
        "thinking_budget",
        "temperature",
        "top_p",
        "top_k",
        "max_tokens",
        "response_format",
        "extended_output",
        "prompt_caching_message_flow",
        "prompt_caching_system_message",
        "prompt_caching_images",
        "prompt_caching_documents",
        "prompt_caching_tool_definitions",
        "prompt_caching_tool_results",
    ),
    "claude-3-haiku-20240307": ("temperature", "top_p", "top_k", "max_tokens", "response_format"),
    "claude-3-opus-20240229": ("temperature", "top_p", "top_k", "max_tokens", "response_format"),
    "claude-3-sonnet-20240229": ("temperature", "top_p", "top_k", "max_tokens", "response_format"),
    "claude-opus-4-1-20250805": (
        "thinking",
        "thinking_budget",
        "temperature",
        "top_p",
        "top_k",
        "max_tokens",
        "response_format",
        "prompt_caching_message_flow",
        "prompt_caching_system_message",
        "prompt_caching_images",
        "prompt_caching_documents",
        "prompt_caching_tool_definitions",
        "prompt_caching_tool_results",
    ),
    "claude-opus-4-20250514": (
        "thinking",
        "thinking_budget",
        "temperature",
        "top_p",
        "top_k",
        "max_tokens",
        "response_format",
        "prompt_caching_message_flow",
        "prompt_caching_system_message",
        "prompt_caching_images",
        "prompt_caching_documents",
        "prompt_caching_tool_definitions",
        "prompt_caching_tool_results",
    ),
    "claude-sonnet-4-20250514": (
        "thinking",
        "thinking_budget",
        "temperature",
        "top_p",
        "top_k",
        "max_tokens",
        "response_format",
        "prompt_caching_message_flow",
        "prompt_caching_system_message",
        "prompt_caching_images",
        "prompt_caching_documents",
        "prompt_caching_tool_definitions",
        "prompt_caching_tool_results",
    ),
    "deepseek-chat": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "deepseek-coder": ("temperature", "top_p", "max_tokens"),
    "deepseek-r1-0528": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "deepseek-reasoner": ("max_tokens", "response_format"),
    "deepseek-v3": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "deepseek-v3-250324": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "gemini-2.0-flash": ("temperature", "top_p", "max_tokens", "response_format"),
    "gemini-2.0-flash-lite-preview-02-05": ("temperature", "top_p", "max_tokens", "response_format"),
    "gemini-2.5-flash": (
        "temperature",
        "top_p",
        "max_tokens",
        "response_format",
        "enable_thinking",
        "reasoning_budget",
        "exclude_reasoning_tokens",
    ),
    "gemini-2.5-flash-lite-preview-06-17": (
        "temperature",
        "top_p",
        "max_tokens",
        "response_format",
        "enable_thinking",
        "reasoning_budget",
        "exclude_reasoning_tokens",
    ),
    "gemini-2.5-pro": (
        "temperature",
        "top_p",
        "max_tokens",
        "response_format",
        "enable_thinking",
        "reasoning_budget",
        "exclude_reasoning_tokens",
    ),
    "llama-3-70b": ("temperature", "top_p", "top_k", "max_tokens"),
    "llama-3-8b": ("temperature", "top_p", "top_k", "max_tokens"),
    "llama-4-maverick": ("temperature", "top_p", "top_k", "max_tokens"),
    "llama-4-scout": ("temperature", "top_p", "top_k", "max_tokens"),
    "chatgpt-4o-latest": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
    ),
    "gpt-3.5-turbo": ("temperature", "top_p", "presence_penalty", "frequency_penalty", "max_tokens", "response_format"),
    "gpt-3.5-turbo-0125": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
    ),
    "gpt-3.5-turbo-1106": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
    ),
    "gpt-3.5-turbo-16k": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
    ),
    "gpt-3.5-turbo-instruct": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
    ),
    "gpt-4": ("temperature", "top_p", "presence_penalty", "frequency_penalty", "max_tokens", "seed", "response_format"),
    "gpt-4-0125-preview": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "seed",
        "response_format",
    ),
    "gpt-4-1106-preview": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "seed",
        "response_format",
    ),
    "gpt-4-turbo": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "seed",
        "response_format",
    ),
    "gpt-4-turbo-2024-04-09": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "seed",
        "response_format",
    ),
    "gpt-4-turbo-preview": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "seed",
        "response_format",
    ),
    "gpt-4.1": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4.1-2025-04-14": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4.1-mini": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4.1-mini-2025-04-14": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4.1-nano": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4.1-nano-2025-04-14": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4o": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4o-2024-05-13": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
    ),
    "gpt-4o-2024-08-06": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4o-2024-11-20": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4o-mini": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-4o-mini-2024-07-18": (
        "temperature",
        "top_p",
        "presence_penalty",
        "frequency_penalty",
        "max_tokens",
        "response_format",
        "json_schema",
    ),
    "gpt-5": ("max_tokens", "response_format", "json_schema", "reasoning_effort", "verbosity", "enable_stream"),
    "gpt-5-2025-08-07": (
        "max_tokens",
        "response_format",
        "json_schema",
        "reasoning_effort",
        "verbosity",
        "enable_stream",
    ),
    "gpt-5-chat-latest": ("temperature", "top_p", "presence_penalty", "frequency_penalty", "max_tokens"),
    "gpt-5-mini": ("max_tokens", "response_format", "json_schema", "reasoning_effort", "verbosity", "enable_stream"),
    "gpt-5-mini-2025-08-07": (
        "max_tokens",
        "response_format",
        "json_schema",
        "reasoning_effort",
        "verbosity",
        "enable_stream",
    ),
    "gpt-5-nano": ("max_tokens", "response_format", "json_schema", "reasoning_effort", "verbosity"),
    "gpt-5-nano-2025-08-07": ("max_tokens", "response_format", "json_schema", "reasoning_effort", "verbosity"),
    "o1": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "o1-mini": ("max_tokens", "response_format"),
    "o1-mini-2024-09-12": ("max_tokens", "response_format"),
    "o1-preview": ("max_tokens", "response_format"),
    "o1-preview-2024-09-12": ("max_tokens", "response_format"),
    "o3": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "o3-2025-04-16": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "o3-mini": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "o3-mini-2025-01-31": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "o3-pro": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "o3-pro-2025-06-10": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "o4-mini": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "o4-mini-2025-04-16": ("max_tokens", "reasoning_effort", "response_format", "json_schema"),
    "qwen2-72b-instruct": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "qwen2.5-72b-instruct": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "qwen3-30b-a3b": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "qwen3-coder": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "qwen3-coder-480b-a35b-instruct": ("temperature", "max_tokens", "top_p", "top_k", "frequency_penalty"),
    "grok-2-1212": ("temperature", "top_p", "presence_penalty", "frequency_penalty", "response_format", "json_schema"),
    "grok-3-beta": ("temperature", "top_p", "top_k", "presence_penalty", "frequency_penalty", "response_format"),
    "grok-3-fast": ("temperature", "top_p", "frequency_penalty", "response_format", "json_schema", "search_parameters"),
    "grok-3-mini": ("temperature", "top_p", "reasoning_effort", "response_format", "json_schema", "search_parameters"),
    "grok-3-mini-fast": (
        "temperature",
        "top_p",
        "reasoning_effort",
        "response_format",
        "json_schema",
        "search_parameters",
    ),
    "grok-4-0709": ("temperature", "top_p", "response_format", "json_schema", "search_parameters"),
}
# Forward the end user's id; ask for usage in streams; what earlier reasoning becomes in the history
# ("strip", or "reasoning_content": sent back beside the answer).
SEND_USER = True
# How the end user's id is sent: (body key, cut to this many characters or None, SHA-256 of it).
USER = ("user", None, False)
STREAM_USAGE = True
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
MODEL_SETTINGS = {}
# Kind -> the settings of its models that MODEL_SETTINGS does not list, from the spec's defaults: what a
# model a Dify user adds, or any id a MaiBot user sets, is sent with (runtime/http.py: model_settings).
KIND_SETTINGS = {}
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
# The embeddings call's keys (kinds/embeddings.py): the texts' and encoding's body keys (None: not
# sent), the keys leading to the list of rows (empty: the answer is the list), a row's vector key ("":
# the item is the vector) and index key (None: input order), the paths tried for the tokens used, and
# the key of a document's rows when each text goes as a document of its own (None: flat). A model's
# own: MODEL_SETTINGS.
EMBEDDING = {
    "input": "input",
    "encoding_format": "encoding_format",
    "results": ("data",),
    "vector": "embedding",
    "index": "index",
    "tokens": (("usage", "prompt_tokens"), ("usage", "total_tokens")),
    "nested": None,
}
# Models Dify users add by id: the types, the form's field variables, each type's model_properties
# before the user's values, an llm's parameter rules (and those added when the user says it reasons),
# the max_tokens bound when the user gives none, and the (currency, unit) of the prices users enter
# (runtime/customizable.py).
CUSTOMIZABLE = {
    "types": ("llm", "text-embedding", "speech2text", "tts"),
    "fields": ("mode", "context_size", "voices"),
    "properties": {
        "llm": {"mode": "chat", "context_size": 4096},
        "text-embedding": {"context_size": 8191, "max_chunks": 32},
        "speech2text": {
            "file_upload_limit": 25,
            "supported_file_extensions": "flac,mp3,mp4,mpeg,mpga,m4a,ogg,wav,webm",
        },
        "tts": {"voices": [], "word_limit": 3500, "audio_type": "mp3", "max_workers": 5},
    },
    "parameters": [
        {"name": "temperature", "use_template": "temperature"},
        {"name": "top_p", "use_template": "top_p"},
        {"name": "max_tokens", "use_template": "max_tokens", "default": 4096, "min": 1, "max": 4096},
    ],
    "reasoning_parameters": [],
    "max_output_tokens": 4096,
    "pricing": ("USD", "0.000001"),
}
