# Generated from specs/baichuan.yaml by the provider compiler. Do not edit by hand.
"""Baichuan chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class BaichuanLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.baichuan-ai.com/v1/chat/completions."""
