# Generated from specs/minimax.yaml by the provider compiler. Do not edit by hand.
"""Minimax embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class MinimaxTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.minimaxi.com/v1/embeddings."""
