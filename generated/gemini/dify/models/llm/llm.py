# Generated from specs/gemini.yaml by the provider compiler. Do not edit by hand.
"""Gemini chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class GeminiLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the gemini protocol against https://generativelanguage.googleapis.com/v1beta/models/{model}:generateContent."""
