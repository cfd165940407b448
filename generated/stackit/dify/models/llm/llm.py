# Generated from specs/stackit.yaml by the provider compiler. Do not edit by hand.
"""STACKIT AI Model Serving chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class StackitLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.openai-compat.model-serving.eu01.onstackit.cloud/v1/chat/completions."""
