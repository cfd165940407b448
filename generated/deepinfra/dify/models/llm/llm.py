# Generated from specs/deepinfra.yaml by the provider compiler. Do not edit by hand.
"""Deep Infra chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class DeepinfraLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.deepinfra.com/v1/openai/chat/completions."""
