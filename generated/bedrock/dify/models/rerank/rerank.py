# Generated from specs/bedrock.yaml by the provider compiler. Do not edit by hand.
"""Amazon Bedrock rerank models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.rerank_model import RerankModel

from models.runtime.dify.rerank import Reranker
from models.runtime.dify.custom import Customizable


class BedrockRerankModel(Customizable, Reranker, RerankModel):
    """Reranking against https://bedrock-agent-runtime.{aws_region}.amazonaws.com/rerank."""
