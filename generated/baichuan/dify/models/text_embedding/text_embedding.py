# Generated from specs/baichuan.yaml by the provider compiler. Do not edit by hand.
"""Baichuan embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class BaichuanTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.baichuan-ai.com/v1/embeddings."""
