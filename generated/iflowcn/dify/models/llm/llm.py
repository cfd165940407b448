# Generated from specs/iflowcn.yaml by the provider compiler. Do not edit by hand.
"""iFlow chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class IflowcnLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://apis.iflow.cn/v1/chat/completions."""
