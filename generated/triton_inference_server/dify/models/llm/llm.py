# Generated from specs/triton_inference_server.yaml by the provider compiler. Do not edit by hand.
"""Triton Inference Server chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class TritonInferenceServerLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against http://localhost:9000/v1/chat/completions."""
