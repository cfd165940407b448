# Generated from specs/vessl_ai.yaml by the provider compiler. Do not edit by hand.
"""VESSL AI chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class VesslAiLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against http://localhost:8000/v1/chat/completions."""
