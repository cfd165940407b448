# Generated from specs/openrouter.yaml by the provider compiler. Do not edit by hand.
"""OpenRouter rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class OpenrouterRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://openrouter.ai/api/v1/rerank."""
