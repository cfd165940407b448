# Generated from specs/minimax.yaml by the provider compiler. Do not edit by hand.
"""Minimax for MaiBot: registers the `minimax` LLM client type.

Point a MaiBot `api_providers` entry at it with `client_type = 'minimax'`;
the handler below serves these operations: response, embedding."""

from __future__ import annotations

from typing import Any

from maibot_sdk import LLMProvider, MaiBotPlugin

from .runtime.maibot.provider import Provider


class MinimaxPlugin(MaiBotPlugin):
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
        "minimax",
        name="Minimax",
        description="MiniMax's chat models over its Anthropic-compatible API, with its embedding and speech models.",
        version="0.1.2",
    )
    async def handle(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        return await self.provider.dispatch(operation, request)


def create_plugin() -> MinimaxPlugin:
    return MinimaxPlugin()
