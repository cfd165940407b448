# Generated from specs/gitee_ai.yaml by the provider compiler. Do not edit by hand.
"""Gitee AI speech-to-text models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.speech2text_model import Speech2TextModel

from models.runtime.dify.speech2text import Transcriber
from models.runtime.dify.custom import Customizable


class GiteeAiSpeech2TextModel(Customizable, Transcriber, Speech2TextModel):
    """Transcription against https://ai.gitee.com/v1/audio/transcriptions."""
