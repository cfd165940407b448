# Generated from specs/openai_api_compatible.yaml by the provider compiler. Do not edit by hand.
"""OpenAI-API-compatible text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker
from models.runtime.dify.custom import Customizable


class OpenaiApiCompatibleTTSModel(Customizable, Speaker, TTSModel):
    """Speech against https://api.openai.com/v1/audio/speech."""
