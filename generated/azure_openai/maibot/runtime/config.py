# Generated from specs/azure_openai.yaml by the provider compiler. Do not edit by hand.
"""The azure_openai settings, as data: every runtime module reads its provider's constants from here."""

PROVIDER = "azure_openai"
# The spec's wire protocol (runtime/protocols/): every kind's, and the chat models' unless their own
# settings name another (PROTOCOLS below).
PROTOCOL = "openai_chat"
# The module text-embedding models use (runtime/protocols.py: embedding()).
EMBEDDINGS = "embeddings"
# The module rerank models use (runtime/kinds/__init__.py: reranker()).
RERANKER = "rerank"
BASE_URL = "https://example-resource.openai.azure.com"
# Endpoint key -> path appended to the base URL; None where the provider has no such endpoint.
ENDPOINTS = {
    "chat": "/openai/deployments/{model}/chat/completions",
    "completions": "/openai/deployments/{model}/completions",
    "models": None,
    "embeddings": "/openai/deployments/{model}/embeddings",
    "transcriptions": "/openai/deployments/{model}/audio/transcriptions",
    "speech": "/openai/deployments/{model}/audio/speech",
}
# How the API key is sent: ("header", name, prefix), ("query", name, ""), ("aws_sigv4", service, "")
# (a signature over the finished request: aws.py), ("entra_id", header, prefix) (the key in that header,
# or an Entra ID token: entra.py) or ("none", None, "").
AUTH = ("entra_id", "api-key", "")
# The other protocols the models speak -> their endpoints, auth (as AUTH) and static headers.
PROTOCOLS = {
    "openai_responses": {
        "endpoints": {"chat": "/openai/responses", "models": None},
        "auth": ("entra_id", "api-key", ""),
        "headers": {},
    }
}
# Credential field -> its value ("" when empty) -> the protocol it picks for a model that speaks several.
PROTOCOL_CHOICES = {}
# Credential variables holding the API key and the optional base-URL override (None: no override).
API_KEY_VARIABLE = "openai_api_key"
BASE_URL_VARIABLE = "openai_api_base"
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
SECRET_VARIABLES = ("openai_api_key", "azure_client_secret")
STATIC_HEADERS = {}
# Credential fields forwarded as request headers / query parameters when filled in.
CREDENTIAL_HEADERS = {}
CREDENTIAL_QUERY = {"openai_api_version": "api-version"}
# A base-URL path under which the protocols' own APIs are served (Azure OpenAI's /openai/v1), and each
# endpoint path of the spec -> the protocol's own path there (http.route); None: no such path.
NATIVE = (
    "/openai/v1",
    (
        ("/openai/deployments/{model}/audio/speech", "/audio/speech"),
        ("/openai/deployments/{model}/audio/transcriptions", "/audio/transcriptions"),
        ("/openai/deployments/{model}/chat/completions", "/chat/completions"),
        ("/openai/deployments/{model}/completions", "/completions"),
        ("/openai/deployments/{model}/embeddings", "/embeddings"),
        ("/openai/responses", "/responses"),
    ),
)
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
CODE_KINDS = {"content_filter": "bad_request"}
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
    "enable_web_search": {"tool": {"type": "web_search"}},
    "frequency_penalty": {"key": "frequency_penalty"},
    "json_schema": {"format": "json_schema"},
    "max_completion_tokens": {"key": "max_completion_tokens", "keys": {"openai_responses": "max_output_tokens"}},
    "max_tokens": {"key": "max_tokens", "keys": {"openai_responses": "max_output_tokens"}},
    "presence_penalty": {"key": "presence_penalty"},
    "reasoning_effort": {"key": "reasoning_effort", "keys": {"openai_responses": "reasoning.effort"}},
    "reasoning_summary": {"key": "reasoning.summary"},
    "response_format": {"format": "response_format"},
    "seed": {"key": "seed"},
    "temperature": {"key": "temperature"},
    "top_p": {"key": "top_p"},
    "verbosity": {"key": "verbosity", "keys": {"openai_responses": "text.verbosity"}},
}
# Chat model -> the parameters its rules declare (MaiBot sends the host's values only to these).
MODEL_PARAMETERS = {}
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
    "fields": (),
    "properties": {
        "llm": {"mode": "chat", "context_size": 4096},
        "text-embedding": {"context_size": 8191, "max_chunks": 32},
        "speech2text": {
            "file_upload_limit": 25,
            "supported_file_extensions": "flac,mp3,mp4,mpeg,mpga,m4a,ogg,wav,webm",
        },
        "tts": {"voices": [], "word_limit": 120, "audio_type": "mp3", "max_workers": 5},
    },
    "parameters": [
        {"name": "temperature", "use_template": "temperature"},
        {"name": "top_p", "use_template": "top_p"},
        {"name": "max_tokens", "use_template": "max_tokens", "default": 4096, "min": 1, "max": 4096},
    ],
    "reasoning_parameters": [],
    "max_output_tokens": 4096,
    "pricing": ("USD", "0.000001"),
    "base_variable": "base_model_name",
    "bases": {
        "gpt-5": {
            "type": "llm",
            "schema": {
                "model": "gpt-5",
                "label": {"en_US": "gpt-5"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["minimal", "low", "medium", "high"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 272000},
                "pricing": {"input": "1.25", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5-mini": {
            "type": "llm",
            "schema": {
                "model": "gpt-5-mini",
                "label": {"en_US": "gpt-5-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["minimal", "low", "medium", "high"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 272000},
                "pricing": {"input": "0.25", "output": "2", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5-nano": {
            "type": "llm",
            "schema": {
                "model": "gpt-5-nano",
                "label": {"en_US": "gpt-5-nano"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["minimal", "low", "medium", "high"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 272000},
                "pricing": {"input": "0.05", "output": "0.4", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5-chat": {
            "type": "llm",
            "schema": {
                "model": "gpt-5-chat",
                "label": {"en_US": "gpt-5-chat"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 4096, "min": 1, "max": 16384},
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "1.25", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-5-pro": {
            "type": "llm",
            "schema": {
                "model": "gpt-5-pro",
                "label": {"en_US": "gpt-5-pro"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 4096, "min": 1, "max": 128000},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["minimal", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "options": ["auto", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 400000},
                "pricing": {"input": "15", "output": "120", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.1": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.1",
                "label": {"en_US": "gpt-5.1"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 272000},
                "pricing": {"input": "1.25", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.1-chat": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.1-chat",
                "label": {"en_US": "gpt-5.1-chat"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "minimal", "low", "medium", "high"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 16384,
                        "precision": 0,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "1.25", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-5.1-codex": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.1-codex",
                "label": {"en_US": "gpt-5.1-codex"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["medium"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 272000},
                "pricing": {"input": "1.25", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.1-codex-mini": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.1-codex-mini",
                "label": {"en_US": "gpt-5.1-codex-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["medium"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 272000},
                "pricing": {"input": "0.3", "output": "1.2", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.1-codex-max": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.1-codex-max",
                "label": {"en_US": "gpt-5.1-codex-max"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high", "xhigh"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["medium"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 272000},
                "pricing": {"input": "0.3", "output": "1.2", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.2": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.2",
                "label": {"en_US": "gpt-5.2"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 400000},
                "pricing": {"input": "1.75", "output": "14", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.2-chat": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.2-chat",
                "label": {"en_US": "gpt-5.2-chat"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "minimal", "low", "medium", "high"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 16384,
                        "precision": 0,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "1.75", "output": "14", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-5.2-codex": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.2-codex",
                "label": {"en_US": "gpt-5.2-codex"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["medium"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 400000},
                "pricing": {"input": "1.25", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.3-chat": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.3-chat",
                "label": {"en_US": "gpt-5.3-chat"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "minimal", "low", "medium", "high"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 16384,
                        "precision": 0,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "1.75", "output": "14", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-5.3-codex": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.3-codex",
                "label": {"en_US": "gpt-5.3-codex"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 400000},
                "pricing": {"input": "1.75", "output": "14", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.4": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.4",
                "label": {"en_US": "gpt-5.4"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1050000},
                "pricing": {"input": "2.5", "output": "15", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.4-mini": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.4-mini",
                "label": {"en_US": "gpt-5.4-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 400000},
                "pricing": {"input": "0.75", "output": "4.5", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.4-nano": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.4-nano",
                "label": {"en_US": "gpt-5.4-nano"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 400000},
                "pricing": {"input": "0.2", "output": "1.25", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.4-pro": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.4-pro",
                "label": {"en_US": "gpt-5.4-pro"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1050000},
                "pricing": {"input": "30", "output": "180", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.5": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.5",
                "label": {"en_US": "gpt-5.5"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "medium",
                        "options": ["none", "low", "medium", "high", "xhigh"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1050000},
                "pricing": {"input": "5", "output": "30", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.6-sol": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.6-sol",
                "label": {"en_US": "gpt-5.6-sol"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high", "xhigh", "max"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1050000},
                "pricing": {"input": "5", "output": "30", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.6-terra": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.6-terra",
                "label": {"en_US": "gpt-5.6-terra"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high", "xhigh", "max"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1050000},
                "pricing": {"input": "2.5", "output": "15", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-5.6-luna": {
            "type": "llm",
            "schema": {
                "model": "gpt-5.6-luna",
                "label": {"en_US": "gpt-5.6-luna"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "default": "none",
                        "options": ["none", "low", "medium", "high", "xhigh", "max"],
                    },
                    {
                        "name": "reasoning_summary",
                        "label": {"en_US": "Reasoning Summary"},
                        "type": "string",
                        "help": {"en_US": "Ask for a summary of the model's reasoning."},
                        "default": "auto",
                        "options": ["auto", "concise", "detailed"],
                    },
                    {
                        "name": "verbosity",
                        "label": {"en_US": "Verbosity"},
                        "type": "string",
                        "help": {"en_US": "How long and detailed the answer is."},
                        "default": "medium",
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 4096,
                        "min": 1,
                        "max": 128000,
                        "precision": 0,
                    },
                    {
                        "name": "enable_web_search",
                        "label": {"en_US": "Enable Web Search"},
                        "type": "boolean",
                        "help": {"en_US": "Let the model search the web (Responses' built-in web_search tool)."},
                        "default": False,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1050000},
                "pricing": {"input": "1", "output": "6", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {"protocol": "openai_responses"},
        },
        "gpt-35-turbo": {
            "type": "llm",
            "schema": {
                "model": "gpt-35-turbo",
                "label": {"en_US": "gpt-35-turbo"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 16385},
                "pricing": {"input": "0.0005", "output": "0.0015", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-35-turbo-0125": {
            "type": "llm",
            "schema": {
                "model": "gpt-35-turbo-0125",
                "label": {"en_US": "gpt-35-turbo-0125"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 16385},
                "pricing": {"input": "0.0005", "output": "0.0015", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-35-turbo-16k": {
            "type": "llm",
            "schema": {
                "model": "gpt-35-turbo-16k",
                "label": {"en_US": "gpt-35-turbo-16k"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 16385},
                ],
                "model_properties": {"mode": "chat", "context_size": 16385},
                "pricing": {"input": "0.003", "output": "0.004", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4": {
            "type": "llm",
            "schema": {
                "model": "gpt-4",
                "label": {"en_US": "gpt-4"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 8192},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 8192},
                "pricing": {"input": "0.03", "output": "0.06", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4-32k": {
            "type": "llm",
            "schema": {
                "model": "gpt-4-32k",
                "label": {"en_US": "gpt-4-32k"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 32768},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 32768},
                "pricing": {"input": "0.06", "output": "0.12", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4.5-preview": {
            "type": "llm",
            "schema": {
                "model": "gpt-4.5-preview",
                "label": {"en_US": "gpt-4.5-preview"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 16384},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "75", "output": "150", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "o3-mini": {
            "type": "llm",
            "schema": {
                "model": "o3-mini",
                "label": {"en_US": "o3-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 512,
                        "min": 1,
                        "max": 100000,
                        "precision": 0,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 200000},
                "pricing": {"input": "1.1", "output": "4.4", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "o3": {
            "type": "llm",
            "schema": {
                "model": "o3",
                "label": {"en_US": "o3"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 512,
                        "min": 1,
                        "max": 100000,
                        "precision": 0,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 200000},
                "pricing": {"input": "2", "output": "8", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "o4-mini": {
            "type": "llm",
            "schema": {
                "model": "o4-mini",
                "label": {"en_US": "o4-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call", "vision", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 512,
                        "min": 1,
                        "max": 100000,
                        "precision": 0,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 200000},
                "pricing": {"input": "1.1", "output": "4.4", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "o1-mini": {
            "type": "llm",
            "schema": {
                "model": "o1-mini",
                "label": {"en_US": "o1-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought"],
                "parameter_rules": [
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 512,
                        "min": 1,
                        "max": 65536,
                        "precision": 0,
                    }
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "1.1", "output": "4.4", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "o1-preview": {
            "type": "llm",
            "schema": {
                "model": "o1-preview",
                "label": {"en_US": "o1-preview"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought"],
                "parameter_rules": [
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 512,
                        "min": 1,
                        "max": 32768,
                        "precision": 0,
                    }
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "15", "output": "60", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "o1": {
            "type": "llm",
            "schema": {
                "model": "o1",
                "label": {"en_US": "o1"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["low", "medium", "high"],
                    },
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 512,
                        "min": 1,
                        "max": 100000,
                        "precision": 0,
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 200000},
                "pricing": {"input": "15", "output": "60", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4o-mini": {
            "type": "llm",
            "schema": {
                "model": "gpt-4o-mini",
                "label": {"en_US": "gpt-4o-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 16384},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "0.15", "output": "0.6", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4o-mini-2024-07-18": {
            "type": "llm",
            "schema": {
                "model": "gpt-4o-mini-2024-07-18",
                "label": {"en_US": "gpt-4o-mini-2024-07-18"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 16384},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "0.15", "output": "0.6", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4o": {
            "type": "llm",
            "schema": {
                "model": "gpt-4o",
                "label": {"en_US": "gpt-4o"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 16384},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "2.5", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4o-2024-05-13": {
            "type": "llm",
            "schema": {
                "model": "gpt-4o-2024-05-13",
                "label": {"en_US": "gpt-4o-2024-05-13"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "5", "output": "15", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4o-2024-08-06": {
            "type": "llm",
            "schema": {
                "model": "gpt-4o-2024-08-06",
                "label": {"en_US": "gpt-4o-2024-08-06"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 16384},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "2.5", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4.1": {
            "type": "llm",
            "schema": {
                "model": "gpt-4.1",
                "label": {"en_US": "gpt-4.1"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 32768},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1047576},
                "pricing": {"input": "2", "output": "8", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4.1-mini": {
            "type": "llm",
            "schema": {
                "model": "gpt-4.1-mini",
                "label": {"en_US": "gpt-4.1-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 32768},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1047576},
                "pricing": {"input": "0.4", "output": "1.6", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4.1-nano": {
            "type": "llm",
            "schema": {
                "model": "gpt-4.1-nano",
                "label": {"en_US": "gpt-4.1-nano"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 32768},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 1047576},
                "pricing": {"input": "0.1", "output": "0.4", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4-turbo": {
            "type": "llm",
            "schema": {
                "model": "gpt-4-turbo",
                "label": {"en_US": "gpt-4-turbo"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "0.01", "output": "0.03", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4-turbo-2024-04-09": {
            "type": "llm",
            "schema": {
                "model": "gpt-4-turbo-2024-04-09",
                "label": {"en_US": "gpt-4-turbo-2024-04-09"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "0.01", "output": "0.03", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4o-2024-11-20": {
            "type": "llm",
            "schema": {
                "model": "gpt-4o-2024-11-20",
                "label": {"en_US": "gpt-4o-2024-11-20"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "vision", "multi-tool-call", "stream-tool-call", "structured-output"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 16384},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "2.5", "output": "10", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4-0125-preview": {
            "type": "llm",
            "schema": {
                "model": "gpt-4-0125-preview",
                "label": {"en_US": "gpt-4-0125-preview"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "0.01", "output": "0.03", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4-1106-preview": {
            "type": "llm",
            "schema": {
                "model": "gpt-4-1106-preview",
                "label": {"en_US": "gpt-4-1106-preview"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "0.01", "output": "0.03", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4-vision-preview": {
            "type": "llm",
            "schema": {
                "model": "gpt-4-vision-preview",
                "label": {"en_US": "gpt-4-vision-preview"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["vision"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 2147483647,
                        "precision": 0,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 128000},
                "pricing": {"input": "0.01", "output": "0.03", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-35-turbo-instruct": {
            "type": "llm",
            "schema": {
                "model": "gpt-35-turbo-instruct",
                "label": {"en_US": "gpt-35-turbo-instruct"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": [],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "presence_penalty", "use_template": "presence_penalty"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {"name": "max_tokens", "use_template": "max_tokens", "default": 512, "min": 1, "max": 4096},
                ],
                "model_properties": {"mode": "completion", "context_size": 4096},
                "pricing": {"input": "0.0015", "output": "0.002", "unit": "0.001", "currency": "USD"},
            },
            "settings": {"mode": "completion"},
        },
        "grok-3": {
            "type": "llm",
            "schema": {
                "model": "grok-3",
                "label": {"en_US": "grok-3"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 512,
                        "min": 1,
                        "max": 32768,
                        "precision": 0,
                    },
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 1,
                        "precision": 2,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 131072},
                "pricing": {"input": "3", "output": "15", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "grok-3-mini": {
            "type": "llm",
            "schema": {
                "model": "grok-3-mini",
                "label": {"en_US": "grok-3-mini"},
                "model_type": "llm",
                "fetch_from": "customizable-model",
                "features": ["agent-thought", "multi-tool-call", "stream-tool-call"],
                "parameter_rules": [
                    {"name": "temperature", "use_template": "temperature"},
                    {"name": "top_p", "use_template": "top_p"},
                    {"name": "frequency_penalty", "use_template": "frequency_penalty"},
                    {
                        "name": "max_completion_tokens",
                        "label": {"en_US": "Max Completion Tokens"},
                        "type": "int",
                        "help": {"en_US": "Most tokens the answer may use, reasoning tokens included."},
                        "default": 512,
                        "min": 1,
                        "max": 32768,
                        "precision": 0,
                    },
                    {
                        "name": "seed",
                        "label": {"en_US": "Seed"},
                        "type": "int",
                        "help": {
                            "en_US": "Sample deterministically where possible: the same seed and parameters tend to give the same answer."
                        },
                        "min": 0,
                        "max": 1,
                        "precision": 2,
                    },
                    {
                        "name": "response_format",
                        "label": {"en_US": "Response Format"},
                        "type": "string",
                        "help": {
                            "en_US": "The answer's format: plain text, a JSON object, or JSON matching the JSON Schema parameter."
                        },
                        "options": ["text", "json_object", "json_schema"],
                    },
                    {
                        "name": "json_schema",
                        "label": {"en_US": "JSON Schema"},
                        "type": "text",
                        "help": {"en_US": "The JSON Schema the answer follows (with response_format json_schema)."},
                    },
                    {
                        "name": "reasoning_effort",
                        "label": {"en_US": "Reasoning Effort"},
                        "type": "string",
                        "help": {"en_US": "How much the model reasons before it answers."},
                        "options": ["medium", "high"],
                    },
                ],
                "model_properties": {"mode": "chat", "context_size": 131072},
                "pricing": {"input": "0.3", "output": "0.5", "unit": "0.000001", "currency": "USD"},
            },
            "settings": {},
        },
        "text-embedding-ada-002": {
            "type": "text-embedding",
            "schema": {
                "model": "text-embedding-ada-002",
                "label": {"en_US": "text-embedding-ada-002"},
                "model_type": "text-embedding",
                "fetch_from": "customizable-model",
                "model_properties": {"context_size": 8097, "max_chunks": 32},
                "pricing": {"input": "0.0001", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "text-embedding-3-small": {
            "type": "text-embedding",
            "schema": {
                "model": "text-embedding-3-small",
                "label": {"en_US": "text-embedding-3-small"},
                "model_type": "text-embedding",
                "fetch_from": "customizable-model",
                "model_properties": {"context_size": 8191, "max_chunks": 32},
                "pricing": {"input": "0.00002", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "text-embedding-3-large": {
            "type": "text-embedding",
            "schema": {
                "model": "text-embedding-3-large",
                "label": {"en_US": "text-embedding-3-large"},
                "model_type": "text-embedding",
                "fetch_from": "customizable-model",
                "model_properties": {"context_size": 8191, "max_chunks": 32},
                "pricing": {"input": "0.00013", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "whisper-1": {
            "type": "speech2text",
            "schema": {
                "model": "whisper-1",
                "label": {"en_US": "whisper-1"},
                "model_type": "speech2text",
                "fetch_from": "customizable-model",
                "model_properties": {
                    "file_upload_limit": 25,
                    "supported_file_extensions": "flac,mp3,mp4,mpeg,mpga,m4a,ogg,wav,webm",
                },
            },
            "settings": {},
        },
        "gpt-4o-transcribe": {
            "type": "speech2text",
            "schema": {
                "model": "gpt-4o-transcribe",
                "label": {"en_US": "gpt-4o-transcribe"},
                "model_type": "speech2text",
                "fetch_from": "customizable-model",
                "model_properties": {
                    "file_upload_limit": 25,
                    "supported_file_extensions": "flac,mp3,mp4,mpeg,mpga,m4a,ogg,wav,webm",
                },
            },
            "settings": {},
        },
        "gpt-4o-mini-transcribe": {
            "type": "speech2text",
            "schema": {
                "model": "gpt-4o-mini-transcribe",
                "label": {"en_US": "gpt-4o-mini-transcribe"},
                "model_type": "speech2text",
                "fetch_from": "customizable-model",
                "model_properties": {
                    "file_upload_limit": 25,
                    "supported_file_extensions": "flac,mp3,mp4,mpeg,mpga,m4a,ogg,wav,webm",
                },
            },
            "settings": {},
        },
        "gpt-4o-transcribe-diarize": {
            "type": "speech2text",
            "schema": {
                "model": "gpt-4o-transcribe-diarize",
                "label": {"en_US": "gpt-4o-transcribe-diarize"},
                "model_type": "speech2text",
                "fetch_from": "customizable-model",
                "model_properties": {
                    "file_upload_limit": 25,
                    "supported_file_extensions": "flac,mp3,mp4,mpeg,mpga,m4a,ogg,wav,webm",
                },
            },
            "settings": {},
        },
        "tts-1": {
            "type": "tts",
            "schema": {
                "model": "tts-1",
                "label": {"en_US": "tts-1"},
                "model_type": "tts",
                "fetch_from": "customizable-model",
                "model_properties": {
                    "default_voice": "alloy",
                    "voices": [
                        {
                            "mode": "alloy",
                            "name": "Alloy",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "echo",
                            "name": "Echo",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "fable",
                            "name": "Fable",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "onyx",
                            "name": "Onyx",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "nova",
                            "name": "Nova",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "shimmer",
                            "name": "Shimmer",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                    ],
                    "word_limit": 120,
                    "audio_type": "mp3",
                    "max_workers": 5,
                },
                "pricing": {"input": "0.015", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "tts-1-hd": {
            "type": "tts",
            "schema": {
                "model": "tts-1-hd",
                "label": {"en_US": "tts-1-hd"},
                "model_type": "tts",
                "fetch_from": "customizable-model",
                "model_properties": {
                    "default_voice": "alloy",
                    "voices": [
                        {
                            "mode": "alloy",
                            "name": "Alloy",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "echo",
                            "name": "Echo",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "fable",
                            "name": "Fable",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "onyx",
                            "name": "Onyx",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "nova",
                            "name": "Nova",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "shimmer",
                            "name": "Shimmer",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                    ],
                    "word_limit": 120,
                    "audio_type": "mp3",
                    "max_workers": 5,
                },
                "pricing": {"input": "0.03", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
        "gpt-4o-mini-tts": {
            "type": "tts",
            "schema": {
                "model": "gpt-4o-mini-tts",
                "label": {"en_US": "gpt-4o-mini-tts"},
                "model_type": "tts",
                "fetch_from": "customizable-model",
                "model_properties": {
                    "default_voice": "alloy",
                    "voices": [
                        {
                            "mode": "alloy",
                            "name": "Alloy",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "ash",
                            "name": "Ash",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "ballad",
                            "name": "Ballad",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "coral",
                            "name": "Coral",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "echo",
                            "name": "Echo",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "fable",
                            "name": "Fable",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "nova",
                            "name": "Nova",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "onyx",
                            "name": "Onyx",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "sage",
                            "name": "Sage",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "shimmer",
                            "name": "Shimmer",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                        {
                            "mode": "verse",
                            "name": "Verse",
                            "language": [
                                "zh-Hans",
                                "en-US",
                                "de-DE",
                                "fr-FR",
                                "es-ES",
                                "it-IT",
                                "th-TH",
                                "id-ID",
                                "ja-JP",
                            ],
                        },
                    ],
                    "word_limit": 120,
                    "audio_type": "mp3",
                    "max_workers": 5,
                },
                "pricing": {"input": "0.0006", "unit": "0.001", "currency": "USD"},
            },
            "settings": {},
        },
    },
}
