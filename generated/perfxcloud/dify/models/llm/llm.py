# Generated from specs/perfxcloud.yaml by the provider compiler. Do not edit by hand.
"""PerfXCloud chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class PerfxcloudLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://cloud.perfxlab.cn/v1/chat/completions."""
