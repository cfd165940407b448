# Generated from specs/lemonade.yaml by the provider compiler. Do not edit by hand.
"""Lemonade speech-to-text models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.speech2text_model import Speech2TextModel

from models.runtime.dify.speech2text import Transcriber
from models.runtime.dify.custom import Customizable


class LemonadeSpeech2TextModel(Customizable, Transcriber, Speech2TextModel):
    """Transcription against http://127.0.0.1:13305/api/v1/audio/transcriptions."""
