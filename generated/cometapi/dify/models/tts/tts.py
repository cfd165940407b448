# Generated from specs/cometapi.yaml by the provider compiler. Do not edit by hand.
"""CometAPI text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker
from models.runtime.dify.custom import Customizable


class CometapiTTSModel(Customizable, Speaker, TTSModel):
    """Speech against https://api.cometapi.com/v1/audio/speech."""
