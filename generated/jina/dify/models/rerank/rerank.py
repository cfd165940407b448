# Generated from specs/jina.yaml by the provider compiler. Do not edit by hand.
"""Jina rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class JinaRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://api.jina.ai/v1/rerank."""
