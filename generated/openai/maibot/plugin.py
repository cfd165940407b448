# Generated from specs/openai.yaml by the provider compiler. Do not edit by hand.
"""OpenAI for MaiBot: registers the `openai_plugin` LLM client type.

Point a MaiBot `api_providers` entry at it with `client_type = 'openai_plugin'`;
the handler below serves these operations: response, embedding, audio_transcription."""

from __future__ import annotations

from typing import Any

from maibot_sdk import LLMProvider, MaiBotPlugin

from .runtime.maibot.provider import Provider


class OpenaiPlugin(MaiBotPlugin):
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
        "openai_plugin",
        name="OpenAI",
        description="OpenAI's GPT, reasoning, embedding, speech, transcription and moderation models.",
        version="0.1.4",
    )
    async def handle(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        return await self.provider.dispatch(operation, request)


def create_plugin() -> OpenaiPlugin:
    return OpenaiPlugin()
