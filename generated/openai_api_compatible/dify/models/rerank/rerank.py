# Generated from specs/openai_api_compatible.yaml by the provider compiler. Do not edit by hand.
"""OpenAI-API-compatible rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class OpenaiApiCompatibleRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://api.openai.com/v1/rerank."""
