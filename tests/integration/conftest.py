"""Fixtures of the integration suites that are not the conformance suite's (tests/conformance): the
openai_chat specs for test_maibot_protocol.py, which imports each generated MaiBot plugin in-process.
The loopback mock is tests/conftest.py's."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.model import Provider
from tests.conformance.specs import lowered, specs_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", params=specs_of("openai_chat"))
def spec_name(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def provider(spec_name: str) -> Provider:
    return lowered(spec_name)
