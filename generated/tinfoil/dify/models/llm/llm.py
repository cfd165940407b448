# Generated from specs/tinfoil.yaml by the provider compiler. Do not edit by hand.
"""Tinfoil chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class TinfoilLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://inference.tinfoil.sh/v1/chat/completions."""
