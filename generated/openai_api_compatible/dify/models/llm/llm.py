# Generated from specs/openai_api_compatible.yaml by the provider compiler. Do not edit by hand.
"""OpenAI-API-compatible chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class OpenaiApiCompatibleLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.openai.com/v1/chat/completions."""
