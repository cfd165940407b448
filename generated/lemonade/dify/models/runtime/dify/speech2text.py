"""Speech-to-text models for Dify: the audio file uploaded as it is, the transcript back."""

from __future__ import annotations

from typing import IO

from ..kinds import transcription
from . import base, transport


class Transcriber(base.ProviderModel):
    """Mixed into the plugin's Speech2TextModel class (models/speech2text/speech2text.py)."""

    def _invoke(self, model: str, credentials: dict, file: IO[bytes], user: str | None = None) -> str:
        audio = file.read()
        with base.failures(credentials):
            return transcription.parse(transport.call_json(credentials, transcription.request(model, audio)))

    def check(self, model: str, credentials: dict, call_model: bool = False) -> None:
        """Half a second of silence, transcribed."""
        transcription.parse(transport.call_json(credentials, transcription.request(model, transcription.silence())))
