# Generated from specs/zhipuai.yaml by the provider compiler. Do not edit by hand.
"""ZHIPU AI embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel


class ZhipuaiTextEmbeddingModel(EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://open.bigmodel.cn/api/paas/v4/embeddings."""
