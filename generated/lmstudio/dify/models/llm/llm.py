# Generated from specs/lmstudio.yaml by the provider compiler. Do not edit by hand.
"""LM Studio chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class LmstudioLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against http://127.0.0.1:1234/v1/chat/completions."""
