# Generated from specs/vertex_ai.yaml by the provider compiler. Do not edit by hand.
"""Vertex AI | Google Cloud Platform chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel


class VertexAiLargeLanguageModel(ChatModel, LargeLanguageModel):
    """Chat in the gemini protocol against https://{vertex_location}-aiplatform.googleapis.com/v1/projects/{vertex_project_id}/locations/{vertex_location}/publishers/google/models/{model}:generateContent."""
