# Generated from specs/cloudflare-workers-ai.yaml by the provider compiler. Do not edit by hand.
"""Cloudflare Workers AI chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class CloudflareWorkersAiLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://api.cloudflare.com/client/v4/accounts/ACCOUNT_ID/ai/v1/chat/completions."""
