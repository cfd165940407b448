# Generated from specs/nebius.yaml by the provider compiler. Do not edit by hand.
"""Nebius Token Factory chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class NebiusLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.tokenfactory.nebius.com/v1/chat/completions."""
