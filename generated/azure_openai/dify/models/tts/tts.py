# Generated from specs/azure_openai.yaml by the provider compiler. Do not edit by hand.
"""Azure OpenAI text-to-speech models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.tts_model import TTSModel

from models.runtime.dify.tts import Speaker
from models.runtime.dify.custom import Customizable


class AzureOpenaiTTSModel(Customizable, Speaker, TTSModel):
    """Speech against https://example-resource.openai.azure.com/openai/deployments/{model}/audio/speech."""
