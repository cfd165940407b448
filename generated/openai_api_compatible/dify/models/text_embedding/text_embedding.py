# Generated from specs/openai_api_compatible.yaml by the provider compiler. Do not edit by hand.
"""OpenAI-API-compatible embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class OpenaiApiCompatibleTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.openai.com/v1/embeddings."""
