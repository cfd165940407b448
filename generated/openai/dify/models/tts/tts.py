# Generated from specs/openai.yaml by the provider compiler. Do not edit by hand.
"""OpenAI text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker


class OpenaiTTSModel(Speaker, TTSModel):
    """Speech against https://api.openai.com/v1/audio/speech."""
