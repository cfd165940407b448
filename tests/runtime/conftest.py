"""The runtime imported straight from compiler/runtime/, reading the test config
(compiler/runtime/config.py); a test that needs other settings patches them for its duration."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from compiler.runtime import config

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "openai_chat"


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """settings(AUTH=(...), CODE_KINDS={...}): config values for one test."""

    def apply(**values: Any) -> None:
        for name, value in values.items():
            assert hasattr(config, name), name
            monkeypatch.setattr(config, name, value)

    return apply


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def fixture_json(name: str) -> Any:
    return json.loads(fixture_bytes(name))
