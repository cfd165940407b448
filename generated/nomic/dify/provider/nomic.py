# Generated from specs/nomic.yaml by the provider compiler. Do not edit by hand.
"""The nomic model provider: validates credentials through the models."""

from __future__ import annotations

from dify_plugin.entities.model import ModelType
from dify_plugin.errors.model import CredentialsValidateFailedError
from dify_plugin.interfaces.model import ModelProvider

VALIDATION_MODEL = "nomic-embed-text-v1.5"
VALIDATION_TYPE = ModelType.TEXT_EMBEDDING


class NomicProvider(ModelProvider):
    def validate_provider_credentials(self, credentials: dict) -> None:
        """Raise CredentialsValidateFailedError unless the provider accepts `credentials`."""
        model = self.get_model_instance(VALIDATION_TYPE)
        try:
            model.validate_credentials(VALIDATION_MODEL, credentials, call_model=True)
        except CredentialsValidateFailedError:
            raise
        except Exception as exc:
            raise CredentialsValidateFailedError(f"{type(exc).__name__}: {exc}") from exc
