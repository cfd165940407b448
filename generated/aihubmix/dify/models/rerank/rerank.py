# Generated from specs/aihubmix.yaml by the provider compiler. Do not edit by hand.
"""Aihubmix rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class AihubmixRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://aihubmix.com/v1/rerank."""
