# Generated from specs/localai.yaml by the provider compiler. Do not edit by hand.
"""LocalAI chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class LocalaiLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against http://localhost:8080/v1/chat/completions."""
