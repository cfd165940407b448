# Generated from specs/gitee_ai.yaml by the provider compiler. Do not edit by hand.
"""Gitee AI embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class GiteeAiTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://ai.gitee.com/v1/embeddings."""
