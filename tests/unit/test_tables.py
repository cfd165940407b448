"""The kinds and protocols tables: every row has what it names, and lowering reads them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from compiler import spec as s
from compiler.errors import CompileError
from compiler.load import load_spec
from compiler.lower import api as lower_api_module
from compiler.lower import lower
from compiler.tables import KINDS, MODEL_TYPES, PROTOCOLS
from compiler.targets.runtime import RUNTIME
from tests.unit.test_lower import minimal, write_spec

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_every_model_type_has_its_defaults_section() -> None:
    sections = [field.alias or name for name, field in s.Defaults.model_fields.items()]
    assert sections == list(MODEL_TYPES)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_has_its_modules_and_templates(kind) -> None:
    if kind.runtime:
        assert (RUNTIME / "kinds" / f"{kind.runtime}.py").is_file()
    if kind.dify:
        folder = TEMPLATES / "dify" / "models" / kind.dify.folder
        assert (folder / f"{kind.dify.folder}.py.jinja").is_file() and (folder / "model.yaml.jinja").is_file()
        assert (RUNTIME / "dify" / f"{kind.dify.adapter}.py").is_file()
    assert kind.dify or kind.maibot, "a kind no target serves"


@pytest.mark.parametrize("protocol", PROTOCOLS.values(), ids=lambda p: p.name)
def test_every_protocol_has_its_module_and_defaults(protocol) -> None:
    assert (RUNTIME / "protocols" / f"{protocol.name}.py").is_file()
    assert all((RUNTIME / "kinds" / f"{module}.py").is_file() for module in protocol.runtimes.values())
    assert set(protocol.endpoints) <= set(lower_api_module.ENDPOINT_KEYS) and "chat" in protocol.endpoints
    scheme, name, _ = protocol.auth
    assert protocol.endpoints["chat"] and scheme in ("bearer", "header", "query", "aws_sigv4", "none")
    assert (name is not None) == (scheme in ("header", "query", "aws_sigv4"))  # aws_sigv4's: the service
    assert set(protocol.codes.values()) <= {
        "bad_request",
        "authorization",
        "rate_limit",
        "server_unavailable",
        "connection",
    }
    assert protocol.quirks <= set(s.Api.model_fields)


def test_endpoints_default_to_the_protocols_and_null_means_none(tmp_path: Path) -> None:
    api = {"base_url": "https://x.example/v1", "endpoints": {"models": None, "transcriptions": "/audio"}}
    p = lower(load_spec(write_spec(tmp_path, minimal(api=api))))
    assert p.api.protocol == "openai_chat"
    assert p.api.endpoints == {
        "chat": "/chat/completions",
        "stream": None,
        "completions": "/completions",
        "models": None,
        "embeddings": "/embeddings",
        "rerank": "/rerank",
        "transcriptions": "/audio",
        "speech": "/audio/speech",
        "moderations": "/moderations",
    }
    # MaiBot serves the operations of the kinds declared and of the endpoints the spec names itself;
    # the plugins' config lists only the endpoints they call.
    assert [k.name for k in p.maibot_kinds] == ["llm", "speech2text"]
    assert p.endpoints == {"chat": "/chat/completions", "models": None, "transcriptions": "/audio"}


def test_a_quirk_the_protocol_does_not_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = replace(PROTOCOLS["openai_chat"], quirks=frozenset())
    monkeypatch.setitem(PROTOCOLS, "openai_chat", plain)
    api = {"base_url": "https://x.example/v1", "stream_usage": False}
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(api=api))))
    assert [d.message for d in caught.value.diagnostics] == ["protocol openai_chat does not use this setting"]
    assert caught.value.diagnostics[0].path == "api.stream_usage"


def test_a_kind_the_protocol_does_not_serve_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A protocol without a kind's endpoint (as Anthropic's has no rerank) refuses its models."""
    chat_only = {k: v for k, v in PROTOCOLS["openai_chat"].endpoints.items() if k != "rerank"}
    monkeypatch.setitem(PROTOCOLS, "openai_chat", replace(PROTOCOLS["openai_chat"], endpoints=chat_only))
    models = [{"name": "chat-1", "context_size": 8192}, {"name": "rr", "type": "rerank", "context_size": 512}]
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    assert [(d.path, d.message) for d in caught.value.diagnostics] == [
        ("models[1].type", "protocol openai_chat has no rerank models")
    ]


def test_the_auth_default_comes_from_the_protocol(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PROTOCOLS, "openai_chat", replace(PROTOCOLS["openai_chat"], auth=("none", None, "")))
    p = lower(load_spec(write_spec(tmp_path, minimal())))
    assert p.api.auth.scheme == "none" and p.api.auth.wire == ("none", None, "")
    assert not p.credentials[0].required


def test_a_protocols_extra_keys_are_its_parameter_keys() -> None:
    """A runtime module's EXTRA_KEYS (where a host's free-form body key goes) and the table's
    parameter_keys (where a declared parameter goes) say the same for every name both know: the
    runtime cannot read the table, so the two are kept in step here."""
    from compiler.runtime import protocols

    for name, protocol in PROTOCOLS.items():
        extra = protocols.chat(name).EXTRA_KEYS
        assert {key: protocol.parameter_keys.get(key) for key in extra} == extra, name
