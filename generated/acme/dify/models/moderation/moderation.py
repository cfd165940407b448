# Generated from specs/acme.yaml by the provider compiler. Do not edit by hand.
"""Acme AI moderation models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.moderation_model import ModerationModel

from models.runtime.dify.moderation import Moderator
from models.runtime.dify.custom import Customizable


class AcmeModerationModel(Customizable, Moderator, ModerationModel):
    """Moderation against https://api.acme.example/v1/moderations."""
