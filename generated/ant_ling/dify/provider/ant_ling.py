# Generated from specs/ant_ling.yaml by the provider compiler. Do not edit by hand.
"""The ant_ling model provider: validates credentials through the models."""

from __future__ import annotations

from dify_plugin.entities.model import ModelType
from dify_plugin.errors.model import CredentialsValidateFailedError
from dify_plugin.interfaces.model import ModelProvider

VALIDATION_MODEL = "Ling-3.0-flash"
VALIDATION_TYPE = ModelType.LLM
# The credential field naming the model to check with (VALIDATION_MODEL when left empty).
VALIDATION_FIELD = "validate_model"


class AntLingProvider(ModelProvider):
    def validate_provider_credentials(self, credentials: dict) -> None:
        """Raise CredentialsValidateFailedError unless the provider accepts `credentials`."""
        model = self.get_model_instance(VALIDATION_TYPE)
        chosen = str(credentials.get(VALIDATION_FIELD) or "").strip() or VALIDATION_MODEL
        try:
            model.validate_credentials(chosen, credentials, call_model=True)
        except CredentialsValidateFailedError:
            raise
        except Exception as exc:
            raise CredentialsValidateFailedError(f"{type(exc).__name__}: {exc}") from exc
