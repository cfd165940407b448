# Generated from specs/gpustack.yaml by the provider compiler. Do not edit by hand.
"""GPUStack text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker
from models.runtime.dify.custom import Customizable


class GpustackTTSModel(Customizable, Speaker, TTSModel):
    """Speech against http://localhost/v1/audio/speech."""
