# Generated from specs/nomic.yaml by the provider compiler. Do not edit by hand.
"""Nomic Atlas embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class NomicTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api-atlas.nomic.ai/v1/embedding/text."""
