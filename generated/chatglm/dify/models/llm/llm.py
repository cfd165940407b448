# Generated from specs/chatglm.yaml by the provider compiler. Do not edit by hand.
"""ChatGLM chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class ChatglmLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against http://127.0.0.1:8000/v1/chat/completions."""
