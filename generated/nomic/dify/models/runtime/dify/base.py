"""What every Dify model class of a plugin shares: typed Dify errors without secrets for every
failure, and the credential check (the chat protocol's cheapest call, or a kind's own)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dify_plugin.errors.model import (
    CredentialsValidateFailedError,
    InvokeAuthorizationError,
    InvokeBadRequestError,
    InvokeConnectionError,
    InvokeError,
    InvokeRateLimitError,
    InvokeServerUnavailableError,
)

from .. import config, customizable, errors, protocols
from . import transport

ERROR_CLASSES: dict[str, type[InvokeError]] = {
    "authorization": InvokeAuthorizationError,
    "rate_limit": InvokeRateLimitError,
    "bad_request": InvokeBadRequestError,
    "server_unavailable": InvokeServerUnavailableError,
    "connection": InvokeConnectionError,
}
# Typed errors map to themselves so the SDK keeps their class; parsing surprises are the server's.
ERROR_MAPPING: dict[type[InvokeError], list[type[Exception]]] = {
    InvokeConnectionError: [InvokeConnectionError],
    InvokeServerUnavailableError: [InvokeServerUnavailableError, KeyError, TypeError, ValueError],
    InvokeRateLimitError: [InvokeRateLimitError],
    InvokeAuthorizationError: [InvokeAuthorizationError],
    InvokeBadRequestError: [InvokeBadRequestError],
}


def secrets(credentials: dict[str, Any]) -> list[Any]:
    return [credentials.get(variable) for variable in config.SECRET_VARIABLES]


def typed(error: errors.ProviderError) -> InvokeError:
    return ERROR_CLASSES.get(error.kind, InvokeServerUnavailableError)(str(error))


@contextmanager
def failures(credentials: dict[str, Any]) -> Iterator[None]:
    """Every failure inside as a typed Dify error without secrets (errors.shown)."""
    try:
        yield
    except (errors.ProviderError, *errors.SURPRISES) as exc:
        raise typed(errors.shown(exc, secrets(credentials))) from None


def check_credentials(credentials: dict[str, Any], model: str, call_model: bool = False) -> None:
    """Raise errors.ProviderError unless the provider accepts these credentials (and, with
    `call_model`, unless `model` answers at their endpoint)."""
    settings = customizable.settings(model, credentials)
    protocol = protocols.spoken(settings, credentials)
    request = protocol.validation_request(model, call_model, settings)
    response = transport.send(credentials, request, protocol.error_fields)
    errors.json_object(transport.read_json(response), protocol.error_fields)


class ProviderModel:
    """Mixed into every model class: credential checks and the typed-error mapping."""

    def validate_credentials(self, model: str, credentials: dict, call_model: bool = False) -> None:
        """Raise CredentialsValidateFailedError unless `model` works with `credentials`; `call_model`
        (the spec's credentials.check) makes a chat model answer instead of the cheapest call."""
        try:
            with failures(credentials):
                self.check(model, credentials, call_model)
        except InvokeError as exc:
            raise CredentialsValidateFailedError(str(exc)) from None

    def properties(self, model: str, credentials: dict) -> dict[str, Any]:
        """The model's model_properties by their YAML names (predefined or user-added model)."""
        schema = self.get_model_schema(model, credentials)  # type: ignore[attr-defined]
        found = schema.model_properties if schema else {}
        return {getattr(key, "value", key): value for key, value in found.items()}

    def check(self, model: str, credentials: dict, call_model: bool = False) -> None:
        """Raise errors.ProviderError unless `model` works with `credentials`: by default the chat
        protocol's cheapest call (one the model answers, when a user added it or the spec chose it);
        a kind whose models are called elsewhere always makes its smallest call."""
        predefined = {entity.model for entity in self.predefined_models()}  # type: ignore[attr-defined]
        check_credentials(credentials, model, call_model=call_model or model not in predefined)

    @property
    def _invoke_error_mapping(self) -> dict[type[InvokeError], list[type[Exception]]]:
        return ERROR_MAPPING
