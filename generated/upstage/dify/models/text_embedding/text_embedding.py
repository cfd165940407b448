# Generated from specs/upstage.yaml by the provider compiler. Do not edit by hand.
"""Upstage embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class UpstageTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.upstage.ai/v1/solar/embeddings."""
