# Generated from specs/ovhcloud.yaml by the provider compiler. Do not edit by hand.
"""OVHcloud AI Endpoints chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class OvhcloudLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://oai.endpoints.kepler.ai.cloud.ovh.net/v1/chat/completions."""
