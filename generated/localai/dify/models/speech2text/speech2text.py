# Generated from specs/localai.yaml by the provider compiler. Do not edit by hand.
"""LocalAI speech-to-text models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.speech2text_model import Speech2TextModel

from models.runtime.dify.speech2text import Transcriber
from models.runtime.dify.custom import Customizable


class LocalaiSpeech2TextModel(Customizable, Transcriber, Speech2TextModel):
    """Transcription against http://localhost:8080/v1/audio/transcriptions."""
