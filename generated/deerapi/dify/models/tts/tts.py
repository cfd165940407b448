# Generated from specs/deerapi.yaml by the provider compiler. Do not edit by hand.
"""DeerAPI text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker
from models.runtime.dify.custom import Customizable


class DeerapiTTSModel(Customizable, Speaker, TTSModel):
    """Speech against https://api.deerapi.com/v1/audio/speech."""
