# Generated from specs/gemini.yaml by the provider compiler. Do not edit by hand.
"""Gemini embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class GeminiTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://generativelanguage.googleapis.com/v1beta/models/{model}:batchEmbedContents."""
