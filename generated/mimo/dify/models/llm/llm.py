# Generated from specs/mimo.yaml by the provider compiler. Do not edit by hand.
"""Xiaomi MiMo chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class MimoLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.xiaomimimo.com/v1/chat/completions."""
