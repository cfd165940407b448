# Generated from specs/moonshot.yaml by the provider compiler. Do not edit by hand.
"""Moonshot chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class MoonshotLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.moonshot.cn/v1/chat/completions."""
