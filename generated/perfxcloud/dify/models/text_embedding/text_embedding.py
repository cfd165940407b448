# Generated from specs/perfxcloud.yaml by the provider compiler. Do not edit by hand.
"""PerfXCloud embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class PerfxcloudTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://cloud.perfxlab.cn/v1/embeddings."""
