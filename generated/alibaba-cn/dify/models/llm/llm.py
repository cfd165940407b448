# Generated from specs/alibaba-cn.yaml by the provider compiler. Do not edit by hand.
"""Alibaba Cloud Bailian (China) chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class AlibabaCnLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions."""
