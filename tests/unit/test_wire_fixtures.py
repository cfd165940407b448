"""The runtime tests' OpenAI wire fixtures are OpenAI's dialect: the openai SDK's own types parse
every chunk and completion (so the fixtures cannot drift into a private one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openai.types.chat import ChatCompletion, ChatCompletionChunk

FIXTURES = Path(__file__).resolve().parents[1] / "runtime" / "fixtures" / "openai_chat"


def data_lines(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line[6:]) for line in lines if line.startswith("data: {")]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("stream_*.sse")), ids=lambda p: p.stem)
def test_stream_fixtures_are_openai_chunks(path: Path) -> None:
    chunks = [c for c in data_lines(path) if "error" not in c]
    assert chunks
    for chunk in chunks:
        assert ChatCompletionChunk.model_validate(chunk).object == "chat.completion.chunk"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("completion_*.json")), ids=lambda p: p.stem)
def test_completion_fixtures_are_openai_completions(path: Path) -> None:
    parsed = ChatCompletion.model_validate(json.loads(path.read_text(encoding="utf-8")))
    assert parsed.object == "chat.completion" and parsed.choices
