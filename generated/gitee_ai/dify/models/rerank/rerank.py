# Generated from specs/gitee_ai.yaml by the provider compiler. Do not edit by hand.
"""Gitee AI rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class GiteeAiRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://ai.gitee.com/v1/rerank."""
