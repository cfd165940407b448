"""The spec fields Vertex AI brought, lowered (specs/vertex_ai.yaml): a google_service_account
scheme and what it ships, path variables with fallbacks, api.hosts, api.prefixes, and a further
protocol's own base URL, body and stream path."""

from __future__ import annotations

from pathlib import Path

from compiler.load import load_spec
from compiler.lower import lower
from compiler.targets.dify import requirements
from compiler.targets.maibot import manifest

SPEC = Path(__file__).resolve().parents[2] / "specs" / "vertex_ai.yaml"


def test_the_scheme_ships_its_module_and_declares_cryptography() -> None:
    p = lower(load_spec(SPEC))
    assert p.api.auth.wire == ("google_service_account", None, "") and p.api.auth_modules == ["google"]
    assert "cryptography>=42,<51" in requirements(p)
    assert {"type": "python_package", "name": "cryptography", "version_spec": ">=42,<51"} in manifest(p)["dependencies"]
    key = next(c for c in p.credentials if c.variable == "vertex_service_account_key")
    assert key.type == "secret-input" and key.required is False  # as the official form (its ADC fallback)


def test_paths_hosts_and_prefixes() -> None:
    p = lower(load_spec(SPEC))
    assert p.api.url_values == {"vertex_location": ("us-central1",)}  # the project has no default
    assert p.api.host_aliases == {"global-aiplatform.googleapis.com": "aiplatform.googleapis.com"}
    assert p.api.prefixes == {"claude": "anthropic_messages", "mistral": "openai_chat", "codestral": "openai_chat"}
    assert p.api.example_base_url == "https://us-central1-aiplatform.googleapis.com"
    # the example base URL's host, and the hosts of the scheme's token endpoint and scope (compiler/model.py)
    assert p.domains == ("oauth2.googleapis.com", "us-central1-aiplatform.googleapis.com", "www.googleapis.com")


def test_a_further_protocol_has_its_own_base_url_body_and_stream_path() -> None:
    claude = lower(load_spec(SPEC)).api.protocols["anthropic_messages"]
    assert claude["base_url"] == "https://{vertex_anthropic_location|vertex_location}-aiplatform.googleapis.com"
    assert claude["body"] == {"anthropic_version": "vertex-2023-10-16"}
    assert claude["endpoints"]["stream"].endswith("/publishers/anthropic/models/{model}:streamRawPredict")
    assert claude["endpoints"]["models"] is None
