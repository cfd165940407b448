# Generated from specs/nvidia.yaml by the provider compiler. Do not edit by hand.
"""API Catalog embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class NvidiaTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://integrate.api.nvidia.com/v1/embeddings."""
