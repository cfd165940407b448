"""Fixtures of the integration suites that are not the conformance suite's (tests/conformance): the
openai_chat specs (whose unlisted models speak it) for test_maibot_protocol.py, which imports each generated MaiBot plugin in-process.
The loopback mock is tests/conftest.py's."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.model import Provider
from tests.conformance.specs import BUILT, VIEW, lowered, specs_of

ROOT = Path(__file__).resolve().parents[2]


def chat_completions_specs() -> list[str]:
    """The shipped openai_chat specs with chat models (their plugins are in generated/; a view such as
    vertex_ai@openai_chat has none of its own) whose unlisted models (the checks' "m") speak chat
    completions too."""
    shipped = [name for name in specs_of("openai_chat") if name not in BUILT and VIEW not in name]  # not a view
    chat = [name for name in shipped if lowered(name).models_of("llm")]  # not an embedding provider's (jina)
    return [name for name in chat if "protocol" not in lowered(name).kind_settings.get("llm", {})]


@pytest.fixture(scope="session", params=chat_completions_specs())
def spec_name(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def provider(spec_name: str) -> Provider:
    return lowered(spec_name)
