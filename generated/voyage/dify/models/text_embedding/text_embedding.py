# Generated from specs/voyage.yaml by the provider compiler. Do not edit by hand.
"""Voyage embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class VoyageTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.voyageai.com/v1/embeddings."""
