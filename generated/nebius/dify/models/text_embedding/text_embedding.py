# Generated from specs/nebius.yaml by the provider compiler. Do not edit by hand.
"""Nebius Token Factory embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class NebiusTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.tokenfactory.nebius.com/v1/embeddings."""
