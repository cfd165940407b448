# Generated from gaps/gaps.yaml by the provider compiler. Do not edit by hand.
"""Gaps text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker


class GapsTTSModel(Speaker, TTSModel):
    """Speech against https://api.gaps.example/compat/audio/speech."""
