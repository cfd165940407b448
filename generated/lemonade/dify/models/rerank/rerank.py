# Generated from specs/lemonade.yaml by the provider compiler. Do not edit by hand.
"""Lemonade rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class LemonadeRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against http://127.0.0.1:13305/api/v1/rerank."""
