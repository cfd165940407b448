# Generated from specs/mistralai.yaml by the provider compiler. Do not edit by hand.
"""MistralAI embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class MistralaiTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.mistral.ai/v1/embeddings."""
