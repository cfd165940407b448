# Generated from specs/mistralai.yaml by the provider compiler. Do not edit by hand.
"""MistralAI moderation models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.moderation_model import ModerationModel

from models.runtime.dify.moderation import Moderator


class MistralaiModerationModel(Moderator, ModerationModel):
    """Moderation against https://api.mistral.ai/v1/moderations."""
