# Generated from specs/lemonade.yaml by the provider compiler. Do not edit by hand.
"""Lemonade embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class LemonadeTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against http://127.0.0.1:13305/api/v1/embeddings."""
