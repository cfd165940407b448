# Generated from specs/minimax.yaml by the provider compiler. Do not edit by hand.
"""Minimax text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker


class MinimaxTTSModel(Speaker, TTSModel):
    """Speech against https://api.minimaxi.com/v1/t2a_v2."""
