# Generated from specs/bedrock.yaml by the provider compiler. Do not edit by hand.
"""Amazon Bedrock embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class BedrockTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://bedrock-runtime.{aws_region}.amazonaws.com/model/{model}/invoke."""
