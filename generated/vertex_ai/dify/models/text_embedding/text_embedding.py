# Generated from specs/vertex_ai.yaml by the provider compiler. Do not edit by hand.
"""Vertex AI | Google Cloud Platform embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class VertexAiTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://{vertex_location}-aiplatform.googleapis.com/v1/projects/{vertex_project_id}/locations/{vertex_location}/publishers/google/models/{model}:predict."""
