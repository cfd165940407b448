"""The non-chat kinds: embeddings and transcription requests and answers."""

from __future__ import annotations

import pytest

from compiler.runtime import embeddings, transcription
from compiler.runtime.errors import ProviderError


def test_embeddings_request(settings) -> None:
    request = embeddings.request("e", ["a", "b"], user="u")
    assert (request.method, request.path) == ("POST", "/embeddings")
    assert request.body == {"model": "e", "input": ["a", "b"], "encoding_format": "float", "user": "u"}
    settings(SEND_USER=False)
    assert "user" not in embeddings.request("e", ["a"], user="u").body


def test_embeddings_come_back_in_input_order_with_usage() -> None:
    payload = {
        "data": [{"index": 1, "embedding": [2]}, {"index": 0, "embedding": [1, 0.5]}],
        "usage": {"total_tokens": 4},
    }
    assert embeddings.parse(payload, 2) == ([[1.0, 0.5], [2.0]], 4)
    assert embeddings.parse({"data": [{"embedding": [1]}]}, 1) == ([[1.0]], None)


@pytest.mark.parametrize(
    "payload,message",
    [
        ({"data": []}, r"expected 1 embeddings, got \[\]"),
        ({"data": [{"index": 0}]}, "malformed embeddings"),
        ({"data": [{"embedding": ["x"]}]}, "malformed embeddings"),
        ({"error": {"message": "no such model"}}, "no such model"),
    ],
)
def test_embeddings_that_are_wrong(payload, message) -> None:
    with pytest.raises(ProviderError, match=message):
        embeddings.parse(payload, 1)


def test_transcription_upload() -> None:
    request = transcription.request("whisper-1", b"RIFF", {"language": "en", "temperature": 0})
    assert (request.method, request.path, request.body) == ("POST", "/audio/transcriptions", None)
    assert request.form == {"model": "whisper-1", "language": "en", "temperature": "0"}
    assert request.files == {"file": ("audio.wav", b"RIFF", "audio/wav")}
    assert transcription.parse({"text": "hi"}) == "hi"
    with pytest.raises(ProviderError, match="transcription has no text"):
        transcription.parse({"words": []})
