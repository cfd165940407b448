# Generated from specs/huaweicloud_maas.yaml by the provider compiler. Do not edit by hand.
"""Huawei Cloud MaaS rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class HuaweicloudMaasRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://api.modelarts-maas.com/v1/rerank."""
