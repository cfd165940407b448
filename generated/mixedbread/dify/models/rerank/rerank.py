# Generated from specs/mixedbread.yaml by the provider compiler. Do not edit by hand.
"""Mixedbread rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker


class MixedbreadRerankModel(Reranker, RerankModel):
    """Reranking against https://api.mixedbread.com/v1/reranking."""
