# Generated from specs/nvidia.yaml by the provider compiler. Do not edit by hand.
"""API Catalog rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker


class NvidiaRerankModel(Reranker, RerankModel):
    """Reranking against https://integrate.api.nvidia.com/v1/rerank."""
