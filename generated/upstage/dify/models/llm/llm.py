# Generated from specs/upstage.yaml by the provider compiler. Do not edit by hand.
"""Upstage chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class UpstageLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.upstage.ai/v1/solar/chat/completions."""
