# Generated from specs/tinfoil.yaml by the provider compiler. Do not edit by hand.
"""Tinfoil embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class TinfoilTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://inference.tinfoil.sh/v1/embeddings."""
