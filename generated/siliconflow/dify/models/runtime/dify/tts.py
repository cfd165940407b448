"""Text-to-speech models for Dify: audio passed on as it arrives, long texts spoken in parts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing

from .. import errors, http
from ..kinds import speech
from . import base, transport
from ..errors import ProviderError


class Speaker(base.ProviderModel):
    """Mixed into the plugin's TTSModel class (models/tts/tts.py)."""

    def _invoke(
        self,
        model: str,
        tenant_id: str,
        credentials: dict,
        content_text: str,
        voice: str,
        user: str | None = None,
    ) -> Iterator[bytes]:
        """The audio of `content_text` in the voice asked for (the model's default voice when it
        has no such voice), in pieces of at most the model's word limit."""
        found = self.properties(model, credentials)
        voices = [v["mode"] for v in found.get("voices") or ()]
        if voice not in voices:
            voice = found.get("default_voice") or (voices[0] if voices else voice)
        parts = speech.split(content_text, int(found.get("word_limit") or 4096))
        return self.audio(model, credentials, parts, voice, found.get("audio_type") or "mp3")

    def audio(self, model: str, credentials: dict, parts: list[str], voice: str, audio_type: str) -> Iterator[bytes]:
        with base.failures(credentials):
            for part in parts:
                if speech.in_json():  # the audio inside a JSON answer (MiniMax's hex)
                    yield speech.parse(transport.call_json(credentials, speech.request(model, part, voice, audio_type)))
                    continue
                response = transport.send(credentials, speech.request(model, part, voice, audio_type))
                if http.is_json(response.headers.get("Content-Type")):
                    payload = errors.json_object(transport.read_json(response))
                    raise ProviderError("server_unavailable", f"expected audio, got JSON: {errors.describe(payload)}")
                yield from transport.pieces(response)

    def check(self, model: str, credentials: dict, call_model: bool = False) -> None:
        """A one-word text spoken, reading only the first bytes of its audio."""
        found = self.properties(model, credentials)
        call = speech.request(model, "Hi", found.get("default_voice") or "", found.get("audio_type") or "mp3")
        if speech.in_json():
            speech.parse(transport.call_json(credentials, call))
            return
        with closing(transport.pieces(transport.send(credentials, call))) as audio:
            next(audio, b"")
