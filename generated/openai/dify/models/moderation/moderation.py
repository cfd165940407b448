# Generated from specs/openai.yaml by the provider compiler. Do not edit by hand.
"""OpenAI moderation models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.moderation_model import ModerationModel

from models.runtime.dify.moderation import Moderator


class OpenaiModerationModel(Moderator, ModerationModel):
    """Moderation against https://api.openai.com/v1/moderations."""
