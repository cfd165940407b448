# Generated from specs/anthropic.yaml by the provider compiler. Do not edit by hand.
"""Anthropic chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class AnthropicLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the anthropic_messages protocol against https://api.anthropic.com/v1/messages."""
