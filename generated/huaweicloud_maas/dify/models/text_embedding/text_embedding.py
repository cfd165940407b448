# Generated from specs/huaweicloud_maas.yaml by the provider compiler. Do not edit by hand.
"""Huawei Cloud MaaS embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class HuaweicloudMaasTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://api.modelarts-maas.com/v1/embeddings."""
