# Generated from specs/bedrock.yaml by the provider compiler. Do not edit by hand.
"""Amazon Bedrock chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class BedrockLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the bedrock_converse protocol against https://bedrock-runtime.{aws_region}.amazonaws.com/model/{model}/converse."""
