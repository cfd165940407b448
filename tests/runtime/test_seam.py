"""The seam: every protocol module offers the whole interface hosts use, host code names no
protocol's keys, and the runtime imports nothing but itself, the standard library and its host's SDK."""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from pathlib import Path

import pytest

from compiler.runtime import kinds, protocols
from compiler.tables import PROTOCOLS
from compiler.targets.runtime import source

RUNTIME = Path(protocols.__file__).parent.parent
TEMPLATES = RUNTIME.parent.parent / "templates"
MODULES = sorted(
    ".".join(p.relative_to(RUNTIME).with_suffix("").parts).removesuffix("__init__").rstrip(".")
    for p in RUNTIME.rglob("*.py")
)
# Each host's SDK and the HTTP client its host brings (yarl: aiohttp's URLs, always installed with it).
HOSTS = {"dify": ("dify_plugin", "urllib3"), "maibot": ("maibot_sdk", "aiohttp", "yarl")}
# An auth scheme's module -> what the plugins that ship it declare beyond the hosts' (targets/*.py).
AUTH_PACKAGES = {"google": ("cryptography",)}
HOST_CODE = [p for host in HOSTS for p in (RUNTIME / host).glob("*.py")] + [
    *TEMPLATES.glob("dify/models/*/*.py.jinja"),
    TEMPLATES / "dify/provider/provider.py.jinja",
    TEMPLATES / "maibot/plugin.py.jinja",
]
# Keys, paths, headers and stream markers of the OpenAI protocol (protocols/openai_chat.py and messages.py own them).
OPENAI_MARKERS = (
    "choices",
    "[DONE]",
    "/chat/completions",
    "stream_options",
    "OpenAI-",
    '"delta"',
    "image_url",
    "input_audio",
    '"tool_call_id":',
    "max_completion_tokens",
    '"response_format":',
    "encoding_format",
)


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_every_protocol_module_offers_the_whole_seam(name: str) -> None:
    module = importlib.import_module(f"compiler.runtime.protocols.{name}")
    members = set(protocols.ChatProtocol.__annotations__) | {
        n for n, v in vars(protocols.ChatProtocol).items() if callable(v) and not n.startswith("_")
    }
    assert members >= {"chat_request", "parse_completion", "StreamAssembler", "error_fields", "OWNED_BODY_KEYS"}
    assert not [m for m in members if not hasattr(module, m)]
    assembler = module.StreamAssembler(keep_text=False)
    assert callable(assembler.feed) and callable(assembler.finish)


EMBEDDING_MODULES = sorted({"embeddings"} | {p.runtimes.get("embeddings", "embeddings") for p in PROTOCOLS.values()})


@pytest.mark.parametrize("name", EMBEDDING_MODULES)
def test_every_embeddings_module_offers_the_same_calls(name: str) -> None:
    module = importlib.import_module(f"compiler.runtime.kinds.{name}")
    for call in ("request", "parse"):
        expected = inspect.signature(getattr(kinds.EmbeddingProtocol, call)).parameters
        assert list(inspect.signature(getattr(module, call)).parameters) == [n for n in expected if n != "self"]


def test_the_plugin_speaks_the_configured_protocol() -> None:
    assert protocols.chat() is importlib.import_module("compiler.runtime.protocols.openai_chat")
    assert kinds.embedding() is importlib.import_module("compiler.runtime.kinds.embeddings")


@pytest.mark.parametrize("path", HOST_CODE, ids=lambda p: p.name)
def test_host_code_names_no_protocol_keys(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [marker for marker in OPENAI_MARKERS if marker in text] == []


@pytest.mark.parametrize("name", MODULES)
def test_runtime_imports_only_itself_the_stdlib_and_its_hosts_sdk(name: str) -> None:
    allowed = set(sys.stdlib_module_names) | set(HOSTS.get(name.split(".")[0], ())) | set(AUTH_PACKAGES.get(name, ()))
    tree = ast.parse(source(name).read_text(encoding="utf-8"))
    outside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            outside |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            outside.add(node.module.split(".")[0])
    assert outside - allowed - {"__future__"} == set()


@pytest.mark.parametrize("name", [m for m in MODULES if m.split(".")[0] not in HOSTS])
def test_each_neutral_module_imports_with_the_test_config(name: str) -> None:
    assert importlib.import_module(f"compiler.runtime.{name}".rstrip(".")).__doc__


# The core shared by every protocol: none of it writes a protocol's body keys for another to undo.
CORE = [p for p in RUNTIME.glob("*.py") if p.stem not in ("config", "messages")]


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_the_core_writes_no_protocols_keys(path: Path) -> None:
    """runtime/parameters.py hands the answer's format to each protocol module (Encoded.output); it
    used to write OpenAI's response_format into every body, for Anthropic and Gemini to pop out."""
    text = path.read_text(encoding="utf-8")
    assert [marker for marker in OPENAI_MARKERS + ('["response_format"]',) if marker in text] == []
