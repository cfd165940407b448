# Generated from specs/regolo.yaml by the provider compiler. Do not edit by hand.
"""Regolo.ai rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker


class RegoloRerankModel(Reranker, RerankModel):
    """Reranking against https://api.regolo.ai/v1/rerank."""
