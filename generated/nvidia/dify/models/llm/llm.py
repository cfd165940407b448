# Generated from specs/nvidia.yaml by the provider compiler. Do not edit by hand.
"""API Catalog chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class NvidiaLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://integrate.api.nvidia.com/v1/chat/completions."""
