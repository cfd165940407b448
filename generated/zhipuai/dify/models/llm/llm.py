# Generated from specs/zhipuai.yaml by the provider compiler. Do not edit by hand.
"""ZHIPU AI chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class ZhipuaiLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://open.bigmodel.cn/api/paas/v4/chat/completions."""
