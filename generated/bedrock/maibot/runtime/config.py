# Generated from specs/bedrock.yaml by the provider compiler. Do not edit by hand.
"""The bedrock settings, as data: every runtime module reads its provider's constants from here."""

PROVIDER = "bedrock"
# The spec's wire protocol (runtime/protocols/): every kind's, and the chat models' unless their own
# settings name another (PROTOCOLS below).
PROTOCOL = "bedrock_converse"
# The module text-embedding models use (runtime/protocols.py: embedding()).
EMBEDDINGS = "bedrock_embeddings"
# The module rerank models use (runtime/kinds/__init__.py: reranker()).
RERANKER = "bedrock_rerank"
BASE_URL = "https://bedrock-runtime.{aws_region}.amazonaws.com"
# Endpoint key -> path appended to the base URL; None where the provider has no such endpoint.
ENDPOINTS = {
    "chat": "/model/{model}/converse",
    "models": None,
    "embeddings": "/model/{model}/invoke",
    "rerank": "https://bedrock-agent-runtime.{aws_region}.amazonaws.com/rerank",
}
# How the API key is sent: ("header", name, prefix), ("query", name, ""), ("aws_sigv4", service, "")
# (a signature over the finished request: aws.py), ("entra_id", header, prefix) (the key in that header,
# or an Entra ID token: entra.py) or ("none", None, "").
AUTH = ("aws_sigv4", "bedrock", "")
# The other protocols the models speak -> their endpoints, auth (as AUTH) and static headers.
PROTOCOLS = {}
# Credential field -> its value ("" when empty) -> the protocol it picks for a model that speaks several.
PROTOCOL_CHOICES = {}
# Credential variables holding the API key and the optional base-URL override (None: no override).
API_KEY_VARIABLE = "bedrock_api_key"
BASE_URL_VARIABLE = "bedrock_endpoint_url"
# A `{variable}` of BASE_URL -> what it is when the credential is empty (the field's default).
URL_DEFAULTS = {"aws_region": "us-east-1"}
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
SECRET_VARIABLES = ("bedrock_api_key", "aws_access_key_id", "aws_secret_access_key", "aws_session_token")
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
    "anthropic_beta": {"key": "additionalModelRequestFields.anthropic_beta", "parse": "list"},
    "cross-region": {
        "control": "profile",
        "values": (
            ("disabled", {"": [""]}),
            ("geographic", {"us-": ["us", ""], "eu-": ["eu", ""], "ap-": ["apac", ""]}),
            ("japan", {"ap-northeast-1": ["jp"], "ap-northeast-3": ["jp"]}),
            (
                "global",
                {
                    "us-west-2": ["global", ""],
                    "us-east-1": ["global", ""],
                    "us-east-2": ["global", ""],
                    "eu-west-1": ["global", ""],
                    "ap-northeast-1": ["global", ""],
                    "us-": ["us", ""],
                    "eu-": ["eu", ""],
                    "ap-": ["apac", ""],
                },
            ),
        ),
    },
    "effort": {
        "key": "additionalModelRequestFields.output_config.effort",
        "body": {"additionalModelRequestFields": {"thinking": {"type": "adaptive"}}},
    },
    "latest_two_messages_cache_checkpoint": {"control": "cache.messages"},
    "max_gen_len": {"key": "inferenceConfig.maxTokens"},
    "max_new_tokens": {"key": "inferenceConfig.maxTokens"},
    "max_tokens": {"key": "inferenceConfig.maxTokens"},
    "model_name": {
        "control": "model",
        "values": (
            ("Claude 4.8 Opus", "anthropic.claude-opus-4-8"),
            ("Claude 4.7 Opus", "anthropic.claude-opus-4-7"),
            ("Claude 4.6 Sonnet", "anthropic.claude-sonnet-4-6"),
            ("Claude 4.6 Opus", "anthropic.claude-opus-4-6-v1"),
            ("Claude 4.5 Opus", "anthropic.claude-opus-4-5-20251101-v1:0"),
            ("Claude 4.5 Haiku", "anthropic.claude-haiku-4-5-20251001-v1:0"),
            ("Claude 4.5 Sonnet", "anthropic.claude-sonnet-4-5-20250929-v1:0"),
            ("Claude 4.0 Sonnet", "anthropic.claude-sonnet-4-20250514-v1:0"),
            ("Claude 4.0 Opus", "anthropic.claude-opus-4-20250514-v1:0"),
            ("Claude 4.1 Opus", "anthropic.claude-opus-4-1-20250805-v1:0"),
            ("Claude 3.7 Sonnet", "anthropic.claude-3-7-sonnet-20250219-v1:0"),
            ("Claude 3.5 Sonnet", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
            ("Claude 3.5 Sonnet V2", "anthropic.claude-3-5-sonnet-20241022-v2:0"),
            ("Claude 3 Sonnet", "anthropic.claude-3-sonnet-20240229-v1:0"),
            ("Claude 3.5 Haiku", "anthropic.claude-3-5-haiku-20241022-v1:0"),
            ("Claude 3 Haiku", "anthropic.claude-3-haiku-20240307-v1:0"),
            ("Claude 3 Opus", "anthropic.claude-3-opus-20240229-v1:0"),
            ("Opus 5", "anthropic.claude-opus-5"),
            ("Sonnet 5", "anthropic.claude-sonnet-5"),
            ("Fable 5", "anthropic.claude-fable-5"),
            ("Nova Premier V1", "amazon.nova-premier-v1:0"),
            ("Nova Pro V1", "amazon.nova-pro-v1:0"),
            ("Nova Lite V1", "amazon.nova-lite-v1:0"),
            ("Nova Lite V2", "amazon.nova-2-lite-v1:0"),
            ("Nova Micro V1", "amazon.nova-micro-v1:0"),
            ("Command R+", "cohere.command-r-plus-v1:0"),
            ("Command R", "cohere.command-r-v1:0"),
            ("Command", "cohere.command-text-v14"),
            ("Command Light", "cohere.command-light-text-v14"),
            ("Llama 3 8B Instruct", "meta.llama3-8b-instruct-v1:0"),
            ("Llama 3 70B Instruct", "meta.llama3-70b-instruct-v1:0"),
            ("Llama 3.1 8B Instruct", "meta.llama3-1-8b-instruct-v1:0"),
            ("Llama 3.1 70B Instruct", "meta.llama3-1-70b-instruct-v1:0"),
            ("Llama 3.1 405B Instruct", "meta.llama3-1-405b-instruct-v1:0"),
            ("Llama 3.2 11B Instruct", "meta.llama3-2-11b-instruct-v1:0"),
            ("Llama 3.2 90B Instruct", "meta.llama3-2-90b-instruct-v1:0"),
            ("Mistral 7B Instruct", "mistral.mistral-7b-instruct-v0:2"),
            ("Mistral Large", "mistral.mistral-large-2402-v1:0"),
            ("Mistral Small", "mistral.mistral-small-2402-v1:0"),
            ("Mixtral 8x7B Instruct", "mistral.mixtral-8x7b-instruct-v0:1"),
            ("Jamba 1.5 Mini", "ai21.jamba-1-5-mini-v1:0"),
            ("Jamba 1.5 Large", "ai21.jamba-1-5-large-v1:0"),
            ("DeepSeek R1", "deepseek.r1-v1:0"),
            ("DeepSeek V3.1", "deepseek.v3-v1:0"),
            ("DeepSeek V3.2", "deepseek.v3.2"),
            ("Qwen3 235B", "qwen.qwen3-235b-a22b-2507-v1:0"),
            ("Qwen3 32B", "qwen.qwen3-32b-v1:0"),
            ("Qwen3 Coder 480B", "qwen.qwen3-coder-480b-a35b-v1:0"),
            ("Qwen3 Coder 30B", "qwen.qwen3-coder-30b-a3b-v1:0"),
            ("GPT-5.6 Sol", "openai.gpt-5.6-sol"),
            ("GPT-5.6 Terra", "openai.gpt-5.6-terra"),
            ("GPT-5.6 Luna", "openai.gpt-5.6-luna"),
            ("GPT-5.5", "openai.gpt-5.5"),
            ("GPT-5.4", "openai.gpt-5.4"),
            ("GPT OSS 120B", "openai.gpt-oss-120b-1:0"),
            ("GPT OSS 20B", "openai.gpt-oss-20b-1:0"),
        ),
    },
    "reasoning_budget": {
        "key": "additionalModelRequestFields.thinking.budget_tokens",
        "omit_when": (("reasoning_type", False, False),),
    },
    "reasoning_effort": {"key": "additionalModelRequestFields.reasoning_effort"},
    "reasoning_type": {
        "key": "additionalModelRequestFields.thinking",
        "values": ((True, {"type": "enabled"}), (False, None)),
    },
    "response_format": {"format": "response_format"},
    "system_cache_checkpoint": {"control": "cache.system"},
    "temperature": {"key": "inferenceConfig.temperature"},
    "top_k": {"key": "additionalModelRequestFields.top_k"},
    "top_p": {"key": "inferenceConfig.topP"},
}
# Chat model -> the parameters its rules declare (MaiBot sends the host's values only to these).
MODEL_PARAMETERS = {
    "anthropic claude": (
        "model_name",
        "cross-region",
        "system_cache_checkpoint",
        "latest_two_messages_cache_checkpoint",
        "reasoning_type",
        "reasoning_budget",
        "max_tokens",
        "temperature",
        "top_p",
        "top_k",
        "anthropic_beta",
        "response_format",
    ),
    "anthropic claude 5": (
        "model_name",
        "cross-region",
        "max_tokens",
        "effort",
        "system_cache_checkpoint",
        "latest_two_messages_cache_checkpoint",
        "anthropic_beta",
    ),
    "amazon nova": (
        "model_name",
        "cross-region",
        "system_cache_checkpoint",
        "latest_two_messages_cache_checkpoint",
        "max_new_tokens",
        "temperature",
        "top_p",
        "top_k",
    ),
    "cohere": ("model_name", "cross-region", "max_new_tokens", "temperature", "top_p", "top_k"),
    "meta": ("model_name", "cross-region", "temperature", "top_p", "max_gen_len"),
    "mistral": ("model_name", "temperature", "top_p", "max_tokens"),
    "ai21": ("model_name", "temperature", "top_p", "max_gen_len"),
    "deepseek": ("model_name", "cross-region", "max_tokens", "temperature", "top_p", "response_format"),
    "qwen": ("model_name", "cross-region", "max_tokens", "temperature", "top_p", "response_format"),
    "openai": (
        "model_name",
        "cross-region",
        "max_tokens",
        "temperature",
        "top_p",
        "reasoning_effort",
        "response_format",
    ),
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
PROFILES = {
    "*": ("", "us", "eu", "apac", "global"),
    "anthropic.claude-opus-4-8": ("", "us", "eu", "apac", "jp", "global"),
    "anthropic.claude-opus-4-7": ("", "us", "eu", "apac", "jp", "global"),
    "anthropic.claude-sonnet-4-6": ("", "us", "eu", "apac", "jp", "global"),
    "anthropic.claude-sonnet-4-5-20250929-v1:0": ("", "us", "eu", "apac", "jp", "global"),
    "anthropic.claude-haiku-4-5-20251001-v1:0": ("", "us", "eu", "apac", "jp", "global"),
    "amazon.nova-2-lite-v1:0": ("", "us", "eu", "apac", "jp", "global"),
    "anthropic.claude-opus-5": ("us", "eu", "au", "global"),
    "anthropic.claude-sonnet-5": ("us", "eu", "au", "global"),
    "anthropic.claude-fable-5": ("us", "global"),
    "deepseek.v3-v1:0": ("",),
    "qwen.qwen3-235b-a22b-2507-v1:0": ("",),
    "qwen.qwen3-32b-v1:0": ("",),
    "qwen.qwen3-coder-480b-a35b-v1:0": ("",),
    "qwen.qwen3-coder-30b-a3b-v1:0": ("",),
    "openai.gpt-oss-120b-1:0": ("",),
    "openai.gpt-oss-20b-1:0": ("",),
    "openai.gpt-5.5": ("",),
    "openai.gpt-5.4": ("",),
    "openai.gpt-5.6-sol": ("",),
    "openai.gpt-5.6-terra": ("",),
    "openai.gpt-5.6-luna": ("",),
}
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
    "anthropic claude": {
        "controls": {
            "model": "anthropic.claude-sonnet-4-5-20250929-v1:0",
            "profile": {
                "us-west-2": ["global", ""],
                "us-east-1": ["global", ""],
                "us-east-2": ["global", ""],
                "eu-west-1": ["global", ""],
                "ap-northeast-1": ["global", ""],
                "us-": ["us", ""],
                "eu-": ["eu", ""],
                "ap-": ["apac", ""],
            },
        },
        "parameters": {
            "temperature": {"omit_when": (("reasoning_type", True, False),)},
            "top_p": {"omit_when": (("reasoning_type", True, False),)},
        },
    },
    "anthropic claude 5": {
        "controls": {"model": "anthropic.claude-sonnet-5", "profile": {"": ["global"], "us-gov-": []}},
        "parameters": {
            "cross-region": {
                "values": (
                    ("global", {"": ["global"], "us-gov-": []}),
                    (
                        "geographic",
                        {
                            "us-gov-": [],
                            "us-": ["us"],
                            "ca-": ["us"],
                            "eu-": ["eu"],
                            "ap-southeast-2": ["au"],
                            "ap-southeast-4": ["au"],
                            "ap-": ["apac"],
                        },
                    ),
                )
            }
        },
    },
    "amazon nova": {
        "controls": {
            "model": "amazon.nova-2-lite-v1:0",
            "profile": {"us-": ["us", ""], "eu-": ["eu", ""], "ap-": ["apac", ""]},
        }
    },
    "cohere": {
        "controls": {
            "model": "cohere.command-r-plus-v1:0",
            "profile": {"us-": ["us", ""], "eu-": ["eu", ""], "ap-": ["apac", ""]},
        }
    },
    "meta": {
        "controls": {
            "model": "meta.llama3-1-70b-instruct-v1:0",
            "profile": {"us-": ["us", ""], "eu-": ["eu", ""], "ap-": ["apac", ""]},
        }
    },
    "mistral": {"controls": {"model": "mistral.mistral-large-2402-v1:0"}},
    "ai21": {"controls": {"model": "ai21.jamba-1-5-large-v1:0"}},
    "deepseek": {"controls": {"model": "deepseek.r1-v1:0", "profile": {"": [""]}}},
    "qwen": {"controls": {"model": "qwen.qwen3-32b-v1:0", "profile": {"": [""]}}},
    "openai": {"controls": {"model": "openai.gpt-oss-20b-1:0", "profile": {"": [""]}}},
    "cohere.embed-english-v3": {
        "input_type": ("input_type", "search_query", "search_document"),
        "invoke_body": "cohere",
    },
    "amazon.titan-embed-text-v1": {"invoke_body": "titan"},
    "amazon.titan-embed-text-v2:0": {"invoke_body": "titan"},
    "amazon.nova-2-multimodal-embeddings-v1:0": {
        "input_type": ("singleEmbeddingParams.embeddingPurpose", "GENERIC_RETRIEVAL", "GENERIC_INDEX"),
        "invoke_body": "nova",
    },
    "cohere.embed-multilingual-v3": {
        "input_type": ("input_type", "search_query", "search_document"),
        "invoke_body": "cohere",
    },
    "cohere.embed-v4:0": {"input_type": ("input_type", "search_query", "search_document"), "invoke_body": "cohere"},
}
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
# Models Dify users add by id: the types, the form's field variables, each type's model_properties
# before the user's values, an llm's parameter rules (and those added when the user says it reasons),
# the max_tokens bound when the user gives none, and the (currency, unit) of the prices users enter
# (runtime/customizable.py).
CUSTOMIZABLE = {
    "types": ("llm", "text-embedding", "rerank"),
    "fields": ("context_size",),
    "properties": {
        "llm": {"mode": "chat", "context_size": 4096},
        "text-embedding": {"context_size": 4096, "max_chunks": 1},
        "rerank": {"context_size": 4096},
    },
    "parameters": [
        {"name": "temperature", "use_template": "temperature"},
        {"name": "top_p", "use_template": "top_p"},
        {"name": "max_tokens", "use_template": "max_tokens", "default": 4096, "min": 1, "max": 4096},
    ],
    "reasoning_parameters": [],
    "max_output_tokens": 4096,
    "pricing": ("USD", "0.000001"),
    "variables": {"context_size": "context_length"},
}
