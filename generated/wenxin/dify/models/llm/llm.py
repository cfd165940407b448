# Generated from specs/wenxin.yaml by the provider compiler. Do not edit by hand.
"""WenXin chat models for Dify; the plugin runtime (models/runtime/) does the work."""

from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models.runtime.dify.chat import ChatModel
from models.runtime.dify.custom import Customizable


class WenxinLargeLanguageModel(Customizable, ChatModel, LargeLanguageModel):
    """Chat in the openai_chat protocol against https://qianfan.baidubce.com/v2/chat/completions."""
