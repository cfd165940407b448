"""Audio transcription, OpenAI style: a multipart upload (file, model, options) -> {text}."""

from __future__ import annotations

import json
from typing import Any

from . import config, errors
from .errors import ProviderError, describe
from .types import Request


def request(model: str, audio: bytes, options: dict[str, Any]) -> Request:
    """The upload; option values that are not text are sent as JSON text."""
    form = {"model": model} | {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in options.items()}
    files = {"file": ("audio.wav", audio, "audio/wav")}
    return Request("POST", config.ENDPOINTS["transcriptions"], form=form, files=files)


def parse(payload: Any) -> str:
    payload = errors.json_object(payload)
    if not isinstance(payload.get("text"), str):
        raise ProviderError("server_unavailable", f"transcription has no text: {describe(payload)}")
    return payload["text"]
