# Generated from specs/gpustack.yaml by the provider compiler. Do not edit by hand.
"""GPUStack rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class GpustackRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against http://localhost/v1/rerank."""
