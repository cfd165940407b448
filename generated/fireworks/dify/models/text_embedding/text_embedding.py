# Generated from specs/fireworks.yaml by the provider compiler. Do not edit by hand.
"""Fireworks AI embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class FireworksTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.fireworks.ai/inference/v1/embeddings."""
