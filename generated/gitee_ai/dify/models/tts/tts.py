# Generated from specs/gitee_ai.yaml by the provider compiler. Do not edit by hand.
"""Gitee AI text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker
from models.runtime.dify.custom import Customizable


class GiteeAiTTSModel(Customizable, Speaker, TTSModel):
    """Speech against https://ai.gitee.com/v1/audio/speech."""
