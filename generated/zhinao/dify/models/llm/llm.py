# Generated from specs/zhinao.yaml by the provider compiler. Do not edit by hand.
"""360 AI chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class ZhinaoLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.360.cn/v1/chat/completions."""
