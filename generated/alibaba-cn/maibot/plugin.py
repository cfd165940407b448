# Generated from specs/alibaba-cn.yaml by the provider compiler. Do not edit by hand.
"""Alibaba Cloud Bailian (China) for MaiBot: registers the `alibaba-cn` LLM client type.

Point a MaiBot `api_providers` entry at it with `client_type = 'alibaba-cn'`;
the handler below serves these operations: response."""

from __future__ import annotations

from typing import Any

from maibot_sdk import LLMProvider, MaiBotPlugin

from .runtime.maibot.provider import Provider


class AlibabaCnPlugin(MaiBotPlugin):
    """One provider instance (and one pooled HTTP client) for the plugin's lifetime."""

    def __init__(self) -> None:
        super().__init__()
        self.provider = Provider()

    async def on_load(self) -> None:
        return None

    async def on_unload(self) -> None:
        await self.provider.aclose()

    async def on_config_update(self, scope: str, config_data: dict[str, Any], version: str) -> None:
        """Nothing to reload: every call carries its own `api_provider` settings."""
        return None

    @LLMProvider(
        "alibaba-cn",
        name="Alibaba Cloud Bailian (China)",
        description="Qwen and other models on Alibaba Cloud Bailian (China), over DashScope's OpenAI-compatible mode.",
        version="0.1.2",
    )
    async def handle(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        return await self.provider.dispatch(operation, request)


def create_plugin() -> AlibabaCnPlugin:
    return AlibabaCnPlugin()
