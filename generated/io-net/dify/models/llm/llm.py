# Generated from specs/io-net.yaml by the provider compiler. Do not edit by hand.
"""IO Intelligence chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class IoNetLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.intelligence.io.solutions/api/v1/chat/completions."""
