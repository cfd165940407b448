# Generated from specs/gpustack.yaml by the provider compiler. Do not edit by hand.
"""GPUStack speech-to-text models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.speech2text_model import Speech2TextModel

from models.runtime.dify.speech2text import Transcriber
from models.runtime.dify.custom import Customizable


class GpustackSpeech2TextModel(Customizable, Transcriber, Speech2TextModel):
    """Transcription against http://localhost/v1/audio/transcriptions."""
