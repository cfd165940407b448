# Generated from specs/moonshot.yaml by the provider compiler. Do not edit by hand.
"""HTTP for the moonshot Dify plugin: one pooled client per process (the SDK builds a new
model object for every request), and every failure turned into a typed Dify error."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import httpx
from dify_plugin.errors.model import (
    CredentialsValidateFailedError,
    InvokeAuthorizationError,
    InvokeBadRequestError,
    InvokeConnectionError,
    InvokeError,
    InvokeRateLimitError,
    InvokeServerUnavailableError,
)

from models import wire

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
    InvokeServerUnavailableError: [
        InvokeServerUnavailableError,
        KeyError,
        TypeError,
        ValueError,
    ],
    InvokeRateLimitError: [InvokeRateLimitError],
    InvokeAuthorizationError: [InvokeAuthorizationError],
    InvokeBadRequestError: [InvokeBadRequestError],
}
_client: httpx.Client | None = None


def read_timeout() -> float:
    """The spec's read timeout, capped by the daemon's MAX_REQUEST_TIMEOUT when set."""
    limit = float(os.environ.get("MAX_REQUEST_TIMEOUT") or 0)
    return min(wire.READ_TIMEOUT, limit) if limit > 0 else wire.READ_TIMEOUT


def client() -> httpx.Client:
    global _client
    if _client is None:
        _client = httpx.Client(
            timeout=httpx.Timeout(read_timeout(), connect=wire.CONNECT_TIMEOUT),
            limits=httpx.Limits(
                max_connections=64, max_keepalive_connections=16, keepalive_expiry=60
            ),
        )
    return _client


def typed(error: wire.ProviderError) -> InvokeError:
    return ERROR_CLASSES.get(error.kind, InvokeServerUnavailableError)(str(error))


def transport_error(url: str, exc: httpx.HTTPError) -> wire.ProviderError:
    return wire.connection_error(
        url, exc, timed_out=isinstance(exc, httpx.TimeoutException)
    )


def send(
    credentials: dict[str, Any],
    method: str,
    path: str,
    body: Any = None,
    stream: bool = False,
) -> httpx.Response:
    """Send one request; a non-2xx answer is classified with the spec's error map."""
    url = wire.base_url(credentials) + path
    content = (
        json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    )
    try:
        request = client().build_request(
            method,
            url,
            content=content,
            headers=wire.request_headers(credentials),
            params=wire.request_query(credentials),
        )
        response = client().send(request, stream=stream)
    except httpx.HTTPError as exc:
        raise transport_error(url, exc) from None
    if response.is_success:
        return response
    try:
        raw = response.read()
    except httpx.HTTPError:
        raw = b""
    finally:
        response.close()
    raise wire.error_from_response(response.status_code, raw)


def read_json(response: httpx.Response) -> Any:
    try:
        return wire.parse_json(response.read())
    except httpx.HTTPError as exc:
        raise transport_error(str(response.url), exc) from None


def stream_payloads(
    response: httpx.Response, decoder: wire.SSEDecoder
) -> Iterator[Any]:
    """The JSON payloads of an event stream; the response is closed whatever happens."""
    try:
        for chunk in response.iter_bytes():
            yield from decoder.feed(chunk)
        yield from decoder.close()
    except httpx.HTTPError as exc:
        raise transport_error(str(response.url), exc) from None
    finally:
        response.close()


def check_credentials(credentials: dict[str, Any], model: str) -> None:
    """Raise wire.ProviderError unless the provider accepts these credentials."""
    method, path, body = wire.validation_request(model)
    response = send(credentials, method, path, body)
    wire.json_object(read_json(response))


class ProviderModel:
    """Mixed into every model class: credential checks and the typed-error mapping."""

    def validate_credentials(self, model: str, credentials: dict) -> None:
        try:
            check_credentials(credentials, model)
        except wire.ProviderError as exc:
            raise CredentialsValidateFailedError(str(exc)) from None

    @property
    def _invoke_error_mapping(self) -> dict[type[InvokeError], list[type[Exception]]]:
        return ERROR_MAPPING
