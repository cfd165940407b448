# Generated from specs/groq.yaml by the provider compiler. Do not edit by hand.
"""GroqCloud speech-to-text models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.speech2text_model import Speech2TextModel

from models.runtime.dify.speech2text import Transcriber


class GroqSpeech2TextModel(Transcriber, Speech2TextModel):
    """Transcription against https://api.groq.com/openai/v1/audio/transcriptions."""
