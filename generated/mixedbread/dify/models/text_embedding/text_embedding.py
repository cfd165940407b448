# Generated from specs/mixedbread.yaml by the provider compiler. Do not edit by hand.
"""Mixedbread embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class MixedbreadTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.mixedbread.com/v1/embeddings."""
