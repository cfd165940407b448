# Generated from specs/aihubmix.yaml by the provider compiler. Do not edit by hand.
"""Aihubmix embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class AihubmixTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://aihubmix.com/v1/embeddings."""
