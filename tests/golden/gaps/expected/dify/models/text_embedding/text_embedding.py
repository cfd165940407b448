# Generated from gaps/gaps.yaml by the provider compiler. Do not edit by hand.
"""Gaps embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class GapsTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.gaps.example/compat/embeddings."""
