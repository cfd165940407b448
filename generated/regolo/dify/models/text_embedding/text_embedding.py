# Generated from specs/regolo.yaml by the provider compiler. Do not edit by hand.
"""Regolo.ai embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class RegoloTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.regolo.ai/v1/embeddings."""
