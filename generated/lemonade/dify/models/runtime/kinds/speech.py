"""Text to speech, OpenAI style: POST {model, input, voice, response_format} -> audio bytes.

Texts longer than a model's word limit are split at sentence ends and spoken one part at a time."""

from __future__ import annotations

import re

from .. import config, http
from ..types import Request

# Where a sentence may end: Western and CJK full stops, question and exclamation marks, semicolons
# and line breaks, with any closing quotes or brackets after them.
SENTENCE_END = re.compile(r"[.!?;。！？；…]+[\"'”’)\]）」』]*\s*|\n+")


def request(model: str, text: str, voice: str, audio_type: str) -> Request:
    settings = http.model_settings(model, "tts")
    body = {"model": http.wire_id(model, settings), "input": text, "voice": voice, "response_format": audio_type}
    body = http.fixed_body(body, settings)
    path = http.model_path(config.ENDPOINTS["speech"], str(body["model"]))  # Azure's deployments: {model}
    return Request("POST", path, body, headers={"Accept": "audio/*, application/json"})


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
