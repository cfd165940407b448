# Generated from specs/aihubmix.yaml by the provider compiler. Do not edit by hand.
"""Aihubmix text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker
from models.runtime.dify.custom import Customizable


class AihubmixTTSModel(Customizable, Speaker, TTSModel):
    """Speech against https://aihubmix.com/v1/audio/speech."""
