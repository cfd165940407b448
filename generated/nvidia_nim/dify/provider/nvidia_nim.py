# Generated from specs/nvidia_nim.yaml by the provider compiler. Do not edit by hand.
"""The nvidia_nim model provider: only models users add, each with its own credentials."""

from __future__ import annotations

from dify_plugin.interfaces.model import ModelProvider


class NvidiaNimProvider(ModelProvider):
    def validate_provider_credentials(self, credentials: dict) -> None:
        """Nothing to check: the provider has no provider-wide credentials (no form asks for any);
        each model a user adds carries its own, checked with a call to that model."""
