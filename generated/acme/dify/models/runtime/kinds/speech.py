"""Text to speech: OpenAI's `{model, input, voice, response_format}` -> audio bytes by default, the
spec's keys and answer otherwise (config.SPEECH: MiniMax's `{model, text, voice_setting.voice_id,
audio_setting.format}` -> `data.audio` in hex).

Texts longer than a model's word limit are split at sentence ends and spoken one part at a time."""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from .. import config, errors, http
from ..errors import ProviderError, describe
from ..parameters import put
from ..types import Request

# Where a sentence may end: Western and CJK full stops, question and exclamation marks, semicolons
# and line breaks, with any closing quotes or brackets after them.
SENTENCE_END = re.compile(r"[.!?;。！？；…]+[\"'”’)\]）」』]*\s*|\n+")


def request(model: str, text: str, voice: str, audio_type: str) -> Request:
    settings, shape = http.model_settings(model, "tts"), config.SPEECH
    body: dict[str, Any] = {"model": http.wire_id(model, settings)}
    put(body, shape["input"], text)
    put(body, shape["voice"], voice)
    if shape["format"]:
        put(body, shape["format"], audio_type)
    body = http.fixed_body(body, settings)
    path = http.model_path(config.ENDPOINTS["speech"], str(body["model"]))  # Azure's deployments: {model}
    accept = "application/json" if shape["audio"] else "audio/*, application/json"
    return Request("POST", path, body, headers={"Accept": accept})


def in_json() -> bool:
    """Whether the audio comes inside a JSON answer (config.SPEECH's `audio`), not as the answer."""
    return config.SPEECH["audio"] is not None


def parse(payload: Any) -> bytes:
    """The audio a JSON answer holds where config.SPEECH says, decoded (hex or base64)."""
    shape = config.SPEECH
    found = errors.dig(errors.json_object(payload), shape["audio"])
    if not isinstance(found, str) or not found:
        where = ".".join(shape["audio"])
        raise ProviderError("server_unavailable", f"the answer has no audio at {where}: {describe(payload)}")
    try:
        return bytes.fromhex(found) if shape["encoding"] == "hex" else base64.b64decode(found, validate=True)
    except (ValueError, binascii.Error):
        raise ProviderError("server_unavailable", f"the audio is not {shape['encoding']}: {describe(found)}") from None


def split(text: str, limit: int) -> list[str]:
    """`text` in parts of at most `limit` characters, each ending at a sentence end when one is in
    reach (else at a space, else at the limit); parts of only white space are left out."""
    parts, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        ends = [m.end() for m in SENTENCE_END.finditer(window) if m.end() > 0]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or limit)
        parts.append(text[start : start + cut])
        start += cut
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]
