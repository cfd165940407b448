# Generated from specs/azure_openai.yaml by the provider compiler. Do not edit by hand.
"""Azure OpenAI embedding models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models.runtime.dify.embedding import EmbeddingModel
from models.runtime.dify.custom import Customizable


class AzureOpenaiTextEmbeddingModel(Customizable, EmbeddingModel, TextEmbeddingModel):
    """Embeddings against https://example-resource.openai.azure.com/openai/deployments/{model}/embeddings."""
