# Generated from specs/qiniu-ai.yaml by the provider compiler. Do not edit by hand.
"""Qiniu AI for MaiBot: registers the `qiniu-ai` LLM client type.

Point a MaiBot `api_providers` entry at it with `client_type = 'qiniu-ai'`;
the handler below serves these operations: response."""

from __future__ import annotations

from typing import Any

from maibot_sdk import LLMProvider, MaiBotPlugin

from .runtime.maibot.provider import Provider


class QiniuAiPlugin(MaiBotPlugin):
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
        "qiniu-ai",
        name="Qiniu AI",
        description="Models on Qiniu Cloud's AI inference service, Chinese and overseas, under one key.",
        version="0.1.2",
    )
    async def handle(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        return await self.provider.dispatch(operation, request)


def create_plugin() -> QiniuAiPlugin:
    return QiniuAiPlugin()
