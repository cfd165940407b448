# Generated from specs/qiniu-ai.yaml by the provider compiler. Do not edit by hand.
"""The qiniu-ai settings, as data: every runtime module reads its provider's constants from here."""

PROVIDER = "qiniu-ai"
# The spec's wire protocol (runtime/protocols/): every kind's, and the chat models' unless their own
# settings name another (PROTOCOLS below).
PROTOCOL = "openai_chat"
# The module text-embedding models use (runtime/protocols.py: embedding()).
EMBEDDINGS = "embeddings"
# The module rerank models use (runtime/kinds/__init__.py: reranker()).
RERANKER = "rerank"
BASE_URL = "https://api.qnaigc.com/v1"
# Endpoint key -> path appended to the base URL; None where the provider has no such endpoint.
ENDPOINTS = {"chat": "/chat/completions", "models": "/models"}
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
PARAMETERS = {"max_tokens": {"key": "max_tokens"}, "temperature": {"key": "temperature"}, "top_p": {"key": "top_p"}}
# Chat model -> the parameters its rules declare (MaiBot sends the host's values only to these).
MODEL_PARAMETERS = {
    "MiniMax-M1": ("temperature", "top_p", "max_tokens"),
    "claude-3.5-haiku": ("temperature", "top_p", "max_tokens"),
    "claude-3.5-sonnet": ("temperature", "top_p", "max_tokens"),
    "claude-3.7-sonnet": ("temperature", "top_p", "max_tokens"),
    "claude-4.0-opus": ("temperature", "top_p", "max_tokens"),
    "claude-4.0-sonnet": ("temperature", "top_p", "max_tokens"),
    "claude-4.1-opus": ("temperature", "top_p", "max_tokens"),
    "claude-4.5-haiku": ("temperature", "top_p", "max_tokens"),
    "claude-4.5-opus": ("temperature", "top_p", "max_tokens"),
    "claude-4.5-sonnet": ("temperature", "top_p", "max_tokens"),
    "deepseek-r1": ("temperature", "top_p", "max_tokens"),
    "deepseek-r1-0528": ("temperature", "top_p", "max_tokens"),
    "deepseek-v3": ("temperature", "top_p", "max_tokens"),
    "deepseek-v3-0324": ("temperature", "top_p", "max_tokens"),
    "deepseek-v3.1": ("temperature", "top_p", "max_tokens"),
    "deepseek/deepseek-math-v2": ("temperature", "top_p", "max_tokens"),
    "deepseek/deepseek-v3.1-terminus": ("temperature", "top_p", "max_tokens"),
    "deepseek/deepseek-v3.1-terminus-thinking": ("temperature", "top_p", "max_tokens"),
    "deepseek/deepseek-v3.2-251201": ("temperature", "top_p", "max_tokens"),
    "deepseek/deepseek-v3.2-exp": ("temperature", "top_p", "max_tokens"),
    "deepseek/deepseek-v3.2-exp-thinking": ("temperature", "top_p", "max_tokens"),
    "doubao-1.5-pro-32k": ("temperature", "top_p", "max_tokens"),
    "doubao-1.5-thinking-pro": ("temperature", "top_p", "max_tokens"),
    "doubao-1.5-vision-pro": ("temperature", "top_p", "max_tokens"),
    "doubao-seed-1.6": ("temperature", "top_p", "max_tokens"),
    "doubao-seed-1.6-flash": ("temperature", "top_p", "max_tokens"),
    "doubao-seed-1.6-thinking": ("temperature", "top_p", "max_tokens"),
    "doubao-seed-2.0-code": ("temperature", "top_p", "max_tokens"),
    "doubao-seed-2.0-lite": ("temperature", "top_p", "max_tokens"),
    "doubao-seed-2.0-mini": ("temperature", "top_p", "max_tokens"),
    "doubao-seed-2.0-pro": ("temperature", "top_p", "max_tokens"),
    "gemini-2.0-flash": ("temperature", "top_p", "max_tokens"),
    "gemini-2.0-flash-lite": ("temperature", "top_p", "max_tokens"),
    "gemini-2.5-flash": ("temperature", "top_p", "max_tokens"),
    "gemini-2.5-flash-lite": ("temperature", "top_p", "max_tokens"),
    "gemini-2.5-pro": ("temperature", "top_p", "max_tokens"),
    "gemini-3.0-flash-preview": ("temperature", "top_p", "max_tokens"),
    "gemini-3.0-pro-image-preview": ("temperature", "top_p", "max_tokens"),
    "gemini-3.0-pro-preview": ("temperature", "top_p", "max_tokens"),
    "glm-4.5": ("temperature", "top_p", "max_tokens"),
    "glm-4.5-air": ("temperature", "top_p", "max_tokens"),
    "gpt-oss-120b": ("temperature", "top_p", "max_tokens"),
    "gpt-oss-20b": ("temperature", "top_p", "max_tokens"),
    "kimi-k2": ("temperature", "top_p", "max_tokens"),
    "meituan/longcat-flash-chat": ("temperature", "top_p", "max_tokens"),
    "meituan/longcat-flash-lite": ("temperature", "top_p", "max_tokens"),
    "mimo-v2-flash": ("temperature", "top_p", "max_tokens"),
    "minimax/minimax-m2": ("temperature", "top_p", "max_tokens"),
    "minimax/minimax-m2.1": ("temperature", "top_p", "max_tokens"),
    "minimax/minimax-m2.5": ("temperature", "top_p", "max_tokens"),
    "minimax/minimax-m2.5-highspeed": ("temperature", "top_p", "max_tokens"),
    "moonshotai/kimi-k2-0905": ("temperature", "top_p", "max_tokens"),
    "moonshotai/kimi-k2-thinking": ("temperature", "top_p", "max_tokens"),
    "moonshotai/kimi-k2.5": ("temperature", "top_p", "max_tokens"),
    "openai/gpt-5": ("temperature", "top_p", "max_tokens"),
    "openai/gpt-5.2": ("temperature", "top_p", "max_tokens"),
    "qwen-max-2025-01-25": ("temperature", "top_p", "max_tokens"),
    "qwen-turbo": ("temperature", "top_p", "max_tokens"),
    "qwen-vl-max-2025-01-25": ("temperature", "top_p", "max_tokens"),
    "qwen2.5-vl-72b-instruct": ("temperature", "top_p", "max_tokens"),
    "qwen2.5-vl-7b-instruct": ("temperature", "top_p", "max_tokens"),
    "qwen3-235b-a22b": ("temperature", "top_p", "max_tokens"),
    "qwen3-235b-a22b-instruct-2507": ("temperature", "top_p", "max_tokens"),
    "qwen3-235b-a22b-thinking-2507": ("temperature", "top_p", "max_tokens"),
    "qwen3-30b-a3b": ("temperature", "top_p", "max_tokens"),
    "qwen3-30b-a3b-instruct-2507": ("temperature", "top_p", "max_tokens"),
    "qwen3-30b-a3b-thinking-2507": ("temperature", "top_p", "max_tokens"),
    "qwen3-32b": ("temperature", "top_p", "max_tokens"),
    "qwen3-coder-480b-a35b-instruct": ("temperature", "top_p", "max_tokens"),
    "qwen3-max": ("temperature", "top_p", "max_tokens"),
    "qwen3-max-preview": ("temperature", "top_p", "max_tokens"),
    "qwen3-next-80b-a3b-instruct": ("temperature", "top_p", "max_tokens"),
    "qwen3-next-80b-a3b-thinking": ("temperature", "top_p", "max_tokens"),
    "qwen3-vl-30b-a3b-thinking": ("temperature", "top_p", "max_tokens"),
    "qwen3.5-397b-a17b": ("temperature", "top_p", "max_tokens"),
    "stepfun-ai/gelab-zero-4b-preview": ("temperature", "top_p", "max_tokens"),
    "stepfun/step-3.5-flash": ("temperature", "top_p", "max_tokens"),
    "x-ai/grok-4-fast": ("temperature", "top_p", "max_tokens"),
    "x-ai/grok-4-fast-non-reasoning": ("temperature", "top_p", "max_tokens"),
    "x-ai/grok-4-fast-reasoning": ("temperature", "top_p", "max_tokens"),
    "x-ai/grok-4.1-fast": ("temperature", "top_p", "max_tokens"),
    "x-ai/grok-4.1-fast-non-reasoning": ("temperature", "top_p", "max_tokens"),
    "x-ai/grok-4.1-fast-reasoning": ("temperature", "top_p", "max_tokens"),
    "x-ai/grok-code-fast-1": ("temperature", "top_p", "max_tokens"),
    "xiaomi/mimo-v2-flash": ("temperature", "top_p", "max_tokens"),
    "z-ai/autoglm-phone-9b": ("temperature", "top_p", "max_tokens"),
    "z-ai/glm-4.6": ("temperature", "top_p", "max_tokens"),
    "z-ai/glm-4.7": ("temperature", "top_p", "max_tokens"),
    "z-ai/glm-5": ("temperature", "top_p", "max_tokens"),
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
MODEL_SETTINGS = {"gemini-3.0-pro-image-preview": {"output_modalities": ("text", "image")}}
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
    "types": (),
    "fields": (),
    "properties": {},
    "parameters": [],
    "reasoning_parameters": [],
    "max_output_tokens": 0,
    "pricing": ("USD", "0.000001"),
}
