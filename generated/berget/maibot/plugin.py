# Generated from specs/berget.yaml by the provider compiler. Do not edit by hand.
"""Berget AI for MaiBot: registers the `berget` LLM client type.

Point a MaiBot `api_providers` entry at it with `client_type = 'berget'`;
the handler below serves these operations: response."""

from __future__ import annotations

from typing import Any

from maibot_sdk import LLMProvider, MaiBotPlugin

from .runtime.maibot.provider import Provider


class BergetPlugin(MaiBotPlugin):
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
        "berget",
        name="Berget AI",
        description="Open models from Berget AI, hosted in Sweden.",
        version="0.1.2",
    )
    async def handle(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        return await self.provider.dispatch(operation, request)


def create_plugin() -> BergetPlugin:
    return BergetPlugin()
