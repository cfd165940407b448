# Generated from specs/scaleway.yaml by the provider compiler. Do not edit by hand.
"""Scaleway embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class ScalewayTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.scaleway.ai/v1/embeddings."""
