"""Audio transcription, OpenAI style: a multipart upload (file, model, options) -> {text}."""

from __future__ import annotations

import io
import json
import wave
from typing import Any

from .. import config, errors, http
from ..errors import ProviderError, describe
from ..types import Request

# Marks at byte offsets -> (file extension, media type): providers pick the decoder by the file name.
SIGNATURES = (
    (((0, b"RIFF"), (8, b"WAVE")), ("wav", "audio/wav")),
    (((0, b"ID3"),), ("mp3", "audio/mpeg")),
    (((0, b"\xff\xfb"),), ("mp3", "audio/mpeg")),
    (((0, b"\xff\xf3"),), ("mp3", "audio/mpeg")),
    (((0, b"\xff\xf2"),), ("mp3", "audio/mpeg")),
    (((0, b"OggS"),), ("ogg", "audio/ogg")),
    (((0, b"fLaC"),), ("flac", "audio/flac")),
    (((0, b"\x1aE\xdf\xa3"),), ("webm", "audio/webm")),
    (((4, b"ftyp"),), ("m4a", "audio/mp4")),
)


def sniff(audio: bytes) -> tuple[str, str]:
    """(extension, media type) from the audio's magic bytes; unknown formats go as mp3, the
    format providers accept most widely."""
    for marks, found in SIGNATURES:
        if all(audio[offset : offset + len(mark)] == mark for offset, mark in marks):
            return found
    return ("mp3", "audio/mpeg")


def request(model: str, audio: bytes, options: dict[str, Any] | None = None) -> Request:
    """The upload: the model's fixed fields and settings (language, prompt), then `options`; values
    that are not text are sent as JSON text."""
    settings = http.model_settings(model, "speech2text")
    fields = dict(settings.get("body") or {}) | {k: settings[k] for k in ("language", "prompt") if settings.get(k)}
    fields |= dict(options or {})
    form = {"model": http.wire_id(model, settings)} | {
        str(k): v if isinstance(v, str) else json.dumps(v) for k, v in fields.items()
    }
    extension, media = sniff(audio)
    path = http.model_path(config.ENDPOINTS["transcriptions"], form["model"])  # Azure's deployments: {model}
    return Request("POST", path, form=form, files={"file": (f"audio.{extension}", audio, media)})


def parse(payload: Any) -> str:
    payload = errors.json_object(payload)
    if not isinstance(payload.get("text"), str):
        raise ProviderError("server_unavailable", f"transcription has no text: {describe(payload)}")
    return payload["text"]


def silence(seconds: float = 0.5, rate: int = 16000) -> bytes:
    """A short silent WAV: the smallest real audio to prove a model and its credentials work."""
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(b"\0\0" * int(seconds * rate))
    return out.getvalue()
