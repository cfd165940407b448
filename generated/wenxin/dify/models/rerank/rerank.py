# Generated from specs/wenxin.yaml by the provider compiler. Do not edit by hand.
"""WenXin rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class WenxinRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://qianfan.baidubce.com/v2/rerank."""
