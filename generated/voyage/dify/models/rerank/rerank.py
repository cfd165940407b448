# Generated from specs/voyage.yaml by the provider compiler. Do not edit by hand.
"""Voyage rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker


class VoyageRerankModel(Reranker, RerankModel):
    """Reranking against https://api.voyageai.com/v1/rerank."""
