# Generated from specs/io-net.yaml by the provider compiler. Do not edit by hand.
"""The io-net settings, as data: every runtime module reads its provider's constants from here."""

PROVIDER = "io-net"
# The spec's wire protocol (runtime/protocols/): every kind's, and the chat models' unless their own
# settings name another (PROTOCOLS below).
PROTOCOL = "openai_chat"
# The module text-embedding models use (runtime/protocols.py: embedding()).
EMBEDDINGS = "embeddings"
# The module rerank models use (runtime/kinds/__init__.py: reranker()).
RERANKER = "rerank"
BASE_URL = "https://api.intelligence.io.solutions/api/v1"
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
    "Intel/Qwen3-Coder-480B-A35B-Instruct-int4-mixed-ar": ("temperature", "top_p", "max_tokens"),
    "Qwen/Qwen2.5-VL-32B-Instruct": ("temperature", "top_p", "max_tokens"),
    "Qwen/Qwen3-235B-A22B-Thinking-2507": ("temperature", "top_p", "max_tokens"),
    "Qwen/Qwen3-Next-80B-A3B-Instruct": ("temperature", "top_p", "max_tokens"),
    "deepseek-ai/DeepSeek-R1-0528": ("temperature", "top_p", "max_tokens"),
    "meta-llama/Llama-3.2-90B-Vision-Instruct": ("temperature", "top_p", "max_tokens"),
    "meta-llama/Llama-3.3-70B-Instruct": ("temperature", "top_p", "max_tokens"),
    "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8": ("temperature", "top_p", "max_tokens"),
    "mistralai/Devstral-Small-2505": ("temperature", "top_p", "max_tokens"),
    "mistralai/Magistral-Small-2506": ("temperature", "top_p", "max_tokens"),
    "mistralai/Mistral-Large-Instruct-2411": ("temperature", "top_p", "max_tokens"),
    "mistralai/Mistral-Nemo-Instruct-2407": ("temperature", "top_p", "max_tokens"),
    "moonshotai/Kimi-K2-Instruct-0905": ("temperature", "top_p", "max_tokens"),
    "moonshotai/Kimi-K2-Thinking": ("temperature", "top_p", "max_tokens"),
    "openai/gpt-oss-120b": ("temperature", "top_p", "max_tokens"),
    "openai/gpt-oss-20b": ("temperature", "top_p", "max_tokens"),
    "zai-org/GLM-4.6": ("temperature", "top_p", "max_tokens"),
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
    "types": (),
    "fields": (),
    "properties": {},
    "parameters": [],
    "reasoning_parameters": [],
    "max_output_tokens": 0,
    "pricing": ("USD", "0.000001"),
}
