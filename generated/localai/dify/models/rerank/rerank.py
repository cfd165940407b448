# Generated from specs/localai.yaml by the provider compiler. Do not edit by hand.
"""LocalAI rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class LocalaiRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against http://localhost:8080/v1/rerank."""
