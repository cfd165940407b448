# Generated from specs/lemonade.yaml by the provider compiler. Do not edit by hand.
"""Lemonade chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class LemonadeLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against http://127.0.0.1:13305/api/v1/chat/completions."""
