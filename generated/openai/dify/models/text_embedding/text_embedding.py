# Generated from specs/openai.yaml by the provider compiler. Do not edit by hand.
"""OpenAI embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class OpenaiTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.openai.com/v1/embeddings."""
