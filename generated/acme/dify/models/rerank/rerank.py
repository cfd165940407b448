# Generated from specs/acme.yaml by the provider compiler. Do not edit by hand.
"""Acme AI rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class AcmeRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://api.acme.example/v1/rerank."""
