# Generated from specs/longcat.yaml by the provider compiler. Do not edit by hand.
"""LongCat chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class LongcatLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.longcat.chat/openai/v1/chat/completions."""
