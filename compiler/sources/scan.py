"""What a plugin's Python says, read without running it (ast for imports and string literals, text
for the rest): the wire protocol it speaks, its base URL, and the behaviours worth a TODO."""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass

from compiler.sources.archive import Source, SourceError
from compiler.sources.imported import Finding

# Imports of SDKs whose wire the language does not speak: module prefix -> what it is.
FOREIGN_SDKS = {
    "boto3": "AWS Bedrock/SageMaker (boto3, SigV4-signed requests)",
    "botocore": "AWS Bedrock/SageMaker (boto3, SigV4-signed requests)",
    "sagemaker": "AWS SageMaker endpoints",
    "azure.ai.inference": "Azure AI Inference (its own SDK and wire)",
    "tencentcloud": "Tencent Cloud API 3.0 (TC3-signed requests)",
    "dashscope": "Alibaba DashScope (its own SDK and wire)",
    "oci": "Oracle OCI Generative AI (signed requests)",
    "replicate": "Replicate predictions (its own SDK and wire)",
    "huggingface_hub": "Hugging Face Inference API (huggingface_hub)",
    "xinference_client": "Xinference's own client",
    "google.oauth2": "Vertex AI (Google Cloud OAuth)",
    "google.auth": "Vertex AI (Google Cloud OAuth)",
    "vertexai": "Vertex AI (Google Cloud OAuth)",
    "cohere": "Cohere's own API (cohere SDK)",
    "mistralai": "Mistral's own SDK",
    "volcenginesdkarkruntime": "Volcengine Ark SDK",
    "legacy.client": "Volcengine MaaS (signed requests)",
}
PROTOCOL_SDKS = {"anthropic": "anthropic_messages", "google.genai": "gemini"}
OPENAI_SIGNS = ("OAICompatLargeLanguageModel", "chat.completions", "/chat/completions", "from openai", "import openai")
# Where each protocol's official SDK sends requests when the code names no base URL.
SDK_URLS = {
    "openai_chat": "https://api.openai.com/v1",
    "anthropic_messages": "https://api.anthropic.com",
    "gemini": "https://generativelanguage.googleapis.com",
}
IGNORED_HOSTS = ("github.com", "dify.ai", "example.com", "docs.", "platform.openai.com", "modelscope.github.io")
ENDPOINT_SUFFIXES = ("/chat/completions", "/completions", "/embeddings", "/rerank", "/audio/speech")
URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~/-]*)?$")
# Behaviours a hand-written plugin often has, which the spec states its own way (or not at all).
PATTERNS = [
    (r"stream_options|include_usage", "sets stream_options (usage in streamed answers): api.stream_usage"),
    (r"""["']user["']\s*[:\]]|\buser\s*=\s*user\b""", "passes the end-user id (`user`): api.send_user / api.user"),
    (r"""["']stop["']\s*[:\]]|\bstop\s*=""", "handles stop sequences: models' send_stop"),
    (r"(?i)model_?map|alias|real_model|endpoint_model_name", "maps model ids (aliases): model api_id"),
    (r"urljoin|URL\(|rstrip\(\s*[\"']/|endswith\(\s*[\"']/", "rewrites the base URL: credentials.base_url.rewrite"),
    (r"reasoning_content|<think>|enable_thinking|reasoning_effort|thinking_budget", "reads or sends reasoning fields"),
    (r"extra_body|extra_headers", "sends extra body keys or headers: api.body / parameters' send_as"),
    (r"responses\.create|/responses\b", "uses the OpenAI Responses API"),
    (r"web_search|tool_choice|parallel_tool_calls", "sets tool options (built-in tools, tool_choice)"),
    (r"response_format|json_schema", "handles response_format / json_schema"),
]

# What the spec sends by default, and how the chat code would name it.
ABSENT = [
    (r"stream_options|include_usage", "stream_options (api.stream_usage sends it)"),
    (r"""["']user["']|\buser\s*=""", "the end-user id (api.send_user sends it)"),
]


@dataclass(frozen=True)
class Reading:
    """What the code says: the protocol, a base URL (and where), and the findings."""

    protocol: str
    base_url: tuple[str, str] | None
    findings: list[Finding]
    modules: frozenset[str]
    mappings: list[tuple[dict[str, str], str]]  # dict literals of strings to strings, and where
    check_strings: list[tuple[str, str]]  # string literals in the provider's credential check, and where


def code_files(source: Source) -> list[str]:
    """The plugin's own Python: its provider and models, never a copied runtime or its tests."""
    return sorted(
        path
        for path in source.files
        if path.endswith(".py") and path.split("/")[0] in ("models", "provider") and "/runtime/" not in path
    )


def read_code(source: Source) -> Reading:
    trees = {path: parse(source, path) for path in code_files(source)}
    notes: list[Finding] = []
    refuse_signing(source, trees, notes)
    protocol = pick_protocol(source, trees, notes)
    modules = frozenset(module for tree in trees.values() for module, _ in imports(tree))
    found = notes + findings(source, list(trees))
    return Reading(protocol, base_url(trees), found, modules, string_dicts(trees), check_strings(trees))


def parse(source: Source, path: str) -> ast.Module:
    try:
        return ast.parse(source.text(path), filename=path)
    except SyntaxError as exc:
        raise SourceError(source.where(path), f"Python that does not parse: {exc.msg}", exc.lineno, exc.offset)


def imports(tree: ast.Module) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, node.lineno))
    return found


def matching(module: str, table: dict[str, str]) -> str | None:
    return next((v for k, v in table.items() if module == k or module.startswith(k + ".")), None)


def chat_code(trees: dict[str, ast.Module], path: str) -> bool:
    """Whether `path` is the chat models' code (or any code, in a plugin without chat models)."""
    return path.startswith("models/llm/") or not any(p.startswith("models/llm/") for p in trees)


def pick_protocol(source: Source, trees: dict[str, ast.Module], notes: list[Finding]) -> str:
    """The one protocol the chat code speaks; a foreign wire (or several) is refused, naming it."""
    spoken: dict[str, str] = {}
    for path, tree in trees.items():
        for module, line in imports(tree):
            foreign = matching(module, FOREIGN_SDKS)
            if foreign and chat_code(trees, path):
                message = f"speaks {foreign}, a protocol the spec language does not (import {module})"
                raise SourceError(source.where(path), message, line)
            if foreign:
                notes.append(Finding(f"{path}:{line}", f"speaks {foreign} here (import {module}); not imported"))
            if (protocol := matching(module, PROTOCOL_SDKS)) and path.startswith("models/llm/"):
                spoken.setdefault(protocol, f"{path}:{line}")
        text = source.text(path)
        if "AzureOpenAI" in text:
            line = text[: text.index("AzureOpenAI")].count("\n") + 1
            raise SourceError(source.where(path), "speaks Azure OpenAI (deployments, api-version)", line)
        if path.startswith("models/llm/") and any(sign in text for sign in OPENAI_SIGNS):
            spoken.setdefault("openai_chat", path)
    if len(spoken) > 1:
        where = ", ".join(f"{p} ({w})" for p, w in spoken.items())
        raise SourceError(source.shown, f"speaks several protocols for different models: {where}; a spec has one")
    for protocol, where in spoken.items():
        if protocol != "openai_chat":
            notes.append(Finding(where, f"the chat code speaks {protocol} (its SDK): api.protocol {protocol}"))
    return next(iter(spoken), "openai_chat")


def refuse_signing(source: Source, trees: dict[str, ast.Module], notes: list[Finding]) -> None:
    """Code that signs its own requests with an HMAC (Tencent Cloud ASR's HMAC-SHA1 over the query) is
    refused where it serves the models, as the signed SDKs are; elsewhere it is a finding."""
    for path, tree in trees.items():
        for line, scheme in hmac_calls(tree):
            message = f"signs its requests itself ({scheme}), an auth scheme the spec language does not have"
            if chat_code(trees, path):
                raise SourceError(source.where(path), message, line)
            notes.append(Finding(f"{path}:{line}", f"{message}; not imported"))


HMAC_SIGNERS = ("new", "digest", "HMAC")


def hmac_calls(tree: ast.Module) -> list[tuple[int, str]]:
    """Each call of hmac.new, hmac.digest or hmac.HMAC (or those names imported from hmac): its line and
    the scheme, named by the hash it passes (hashlib.sha1 or "sha1": HMAC-SHA1), where it passes one."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "hmac":
            names |= {alias.asname or alias.name for alias in node.names if alias.name in HMAC_SIGNERS}
    found = []
    for node in ast.walk(tree):
        func = node.func if isinstance(node, ast.Call) else None
        direct = isinstance(func, ast.Name) and func.id in names
        dotted = isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "hmac"
        if direct or (dotted and func.attr in HMAC_SIGNERS):
            digest = next(iter(hash_names(node)), "")
            found.append((node.lineno, f"HMAC-{digest.upper()}" if digest else "HMAC"))
    return found


def hash_names(call: ast.Call) -> list[str]:
    """The hashes an hmac call names: hashlib.<name> attributes, or a digestmod string."""
    attributes = [
        n.attr for n in ast.walk(call) if isinstance(n, ast.Attribute) and getattr(n.value, "id", "") == "hashlib"
    ]
    strings = [a.value for a in call.args[2:] + [k.value for k in call.keywords] if is_text(a)]
    return attributes + strings


def base_url(trees: dict[str, ast.Module]) -> tuple[str, str] | None:
    """The URL literal the code uses most (endpoint paths cut off), and where it first appears."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and URL_RE.match(node.value.strip()):
                url = trimmed(node.value.strip())
                if url and not any(host in url for host in IGNORED_HOSTS):
                    counts[url] += 1
                    first.setdefault(url, f"{path}:{node.lineno}")
    if not counts:
        return None
    best = max(counts, key=lambda url: (counts[url], "localhost" not in url and "127.0.0.1" not in url))
    return best, first[best]


def string_dicts(trees: dict[str, ast.Module]) -> list[tuple[dict[str, str], str]]:
    """Every dict literal of string keys and string values (a model-id alias table, maybe)."""
    out = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict) and node.keys and all(is_text(n) for n in node.keys + node.values):
                out.append(({k.value: v.value for k, v in zip(node.keys, node.values)}, f"{path}:{node.lineno}"))
    return out


def is_text(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def check_strings(trees: dict[str, ast.Module]) -> list[tuple[str, str]]:
    """The string literals of the provider's validate_provider_credentials (the model it checks with, maybe)."""
    out = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "validate_provider_credentials":
                out += [(n.value, f"{path}:{n.lineno}") for n in ast.walk(node) if is_text(n)]
    return out


def trimmed(url: str) -> str:
    for suffix in ENDPOINT_SUFFIXES:
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    return url.rstrip("/")


def findings(source: Source, paths: list[str]) -> list[Finding]:
    """One finding per pattern and file, at its first line (with how many more lines match)."""
    out = []
    for path in paths:
        lines = source.text(path).splitlines()
        for pattern, text in PATTERNS:
            hits = [n for n, line in enumerate(lines, 1) if re.search(pattern, line) and not is_comment(line)]
            if hits:
                more = f" (and {len(hits) - 1} more lines)" if len(hits) > 1 else ""
                out.append(Finding(f"{path}:{hits[0]}", f"the code {text}{more}; check the spec says the same"))
    return out + absences(source, [p for p in paths if p.startswith("models/llm/")])


def absences(source: Source, chat: list[str]) -> list[Finding]:
    """What the spec does by default but the chat code never mentions (the SDK base class it extends
    may still do it): said, so the spec is not taken to copy the plugin there."""
    text = "\n".join(source.text(path) for path in chat)
    out = []
    for pattern, default in ABSENT:
        if chat and not re.search(pattern, text):
            out.append(Finding(chat[0], f"the chat code never names {default}; the spec does by default: check"))
    return out


def is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")
