# Generated from specs/stackit.yaml by the provider compiler. Do not edit by hand.
"""STACKIT AI Model Serving embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class StackitTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.openai-compat.model-serving.eu01.onstackit.cloud/v1/embeddings."""
