# Generated from specs/minimax.yaml by the provider compiler. Do not edit by hand.
"""Minimax chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class MinimaxLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.minimaxi.com/chat/completions."""
