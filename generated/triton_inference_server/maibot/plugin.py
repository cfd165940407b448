# Generated from specs/triton_inference_server.yaml by the provider compiler. Do not edit by hand.
"""Triton Inference Server for MaiBot: registers the `triton_inference_server` LLM client type.

Point a MaiBot `api_providers` entry at it with `client_type = 'triton_inference_server'`;
the handler below serves these operations: response."""

from __future__ import annotations

from typing import Any

from maibot_sdk import LLMProvider, MaiBotPlugin

from .runtime.maibot.provider import Provider


class TritonInferenceServerPlugin(MaiBotPlugin):
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
        "triton_inference_server",
        name="Triton Inference Server",
        description="LLMs you serve with NVIDIA Triton Inference Server, through its OpenAI-compatible frontend.",
        version="0.1.2",
    )
    async def handle(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        return await self.provider.dispatch(operation, request)


def create_plugin() -> TritonInferenceServerPlugin:
    return TritonInferenceServerPlugin()
