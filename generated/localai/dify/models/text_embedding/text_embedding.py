# Generated from specs/localai.yaml by the provider compiler. Do not edit by hand.
"""LocalAI embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class LocalaiTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against http://localhost:8080/v1/embeddings."""
