# Generated from specs/lemonade.yaml by the provider compiler. Do not edit by hand.
"""Lemonade text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker
from models.runtime.dify.custom import Customizable


class LemonadeTTSModel(Customizable, Speaker, TTSModel):
    """Speech against http://127.0.0.1:13305/api/v1/audio/speech."""
