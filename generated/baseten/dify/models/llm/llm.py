# Generated from specs/baseten.yaml by the provider compiler. Do not edit by hand.
"""Baseten chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class BasetenLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://inference.baseten.co/v1/chat/completions."""
