# Generated from specs/github-models.yaml by the provider compiler. Do not edit by hand.
"""GitHub Models chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class GithubModelsLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://models.github.ai/inference/chat/completions."""
