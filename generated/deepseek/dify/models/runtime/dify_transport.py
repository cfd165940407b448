"""HTTP for the Dify plugin: one urllib3 pool per process (the SDK builds a new model object for
every request), and every failure turned into a typed Dify error.

urllib3 rather than httpx: a stream arrives as one HTTP chunk per token, and urllib3 reads a chunk
several times faster (the provider compiler's benchmarks measure it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from typing import Any
from urllib.parse import urlencode

import urllib3
from dify_plugin.errors.model import (
    CredentialsValidateFailedError,
    InvokeAuthorizationError,
    InvokeBadRequestError,
    InvokeConnectionError,
    InvokeError,
    InvokeRateLimitError,
    InvokeServerUnavailableError,
)
from urllib3.exceptions import ConnectTimeoutError, HTTPError, NewConnectionError, ReadTimeoutError

from . import config, errors, http, protocols, sse
from .types import Event, Request

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
READ_SIZE = 65536
_pool: urllib3.PoolManager | None = None


def read_timeout() -> float:
    """The spec's read timeout, capped by the daemon's MAX_REQUEST_TIMEOUT when set."""
    limit = float(os.environ.get("MAX_REQUEST_TIMEOUT") or 0)
    return min(config.READ_TIMEOUT, limit) if limit > 0 else config.READ_TIMEOUT


def pool() -> urllib3.PoolManager:
    """Kept-alive connections per host; concurrent requests beyond 16 get extra connections."""
    global _pool
    if _pool is None:
        _pool = urllib3.PoolManager(
            maxsize=16,
            retries=False,
            timeout=urllib3.Timeout(connect=config.CONNECT_TIMEOUT, read=read_timeout()),
        )
    return _pool


def typed(error: errors.ProviderError) -> InvokeError:
    return ERROR_CLASSES.get(error.kind, InvokeServerUnavailableError)(str(error))


def transport_error(url: str, exc: HTTPError) -> errors.ProviderError:
    # urllib3 derives "connection refused" from its connect-timeout class.
    timed_out = isinstance(exc, (ConnectTimeoutError, ReadTimeoutError)) and not isinstance(exc, NewConnectionError)
    return errors.connection_error(url, exc, timed_out=timed_out)


def send(
    credentials: dict[str, Any], request: Request, fields: errors.FieldsReader = errors.error_fields
) -> urllib3.BaseHTTPResponse:
    """Send one JSON request; a non-2xx answer is classified with the spec's error map (`fields`
    reads the error body). The response's `url` is the address without its query, which may hold
    the API key."""
    url = http.base_url(credentials) + request.path
    query = http.query(credentials) | request.query
    try:
        response = pool().urlopen(
            request.method,
            url + "?" + urlencode(query) if query else url,
            body=http.encode(request.body) if request.body is not None else None,
            headers=http.headers(credentials) | request.headers,
            redirect=False,
            preload_content=False,
        )
    except HTTPError as exc:
        raise transport_error(url, exc) from None
    response.url = url
    if 200 <= response.status < 300:
        return response
    try:
        raw = response.read()
    except HTTPError:
        raw = b""
    finally:
        response.release_conn()
    raise errors.from_response(response.status, raw, fields)


def read_json(response: urllib3.BaseHTTPResponse) -> Any:
    try:
        raw = response.read()
    except HTTPError as exc:
        raise transport_error(response.url, exc) from None
    finally:
        response.release_conn()
    return http.decode(raw)


def body_pieces(response: urllib3.BaseHTTPResponse) -> Iterator[bytes]:
    """The body as it arrives: each HTTP chunk, or whatever the socket has (never waiting to fill
    a buffer, which would hold tokens back)."""
    if response.chunked and response.supports_chunked_reads():
        return response.read_chunked(READ_SIZE, decode_content=True)
    return iter(partial(response.read1, READ_SIZE), b"")


def stream_events(response: urllib3.BaseHTTPResponse) -> Iterator[Event]:
    """The server-sent events of a streamed answer; the connection goes back to the pool (or is
    dropped, when the stream is abandoned half-read) whatever happens."""
    framer, complete = sse.Framer(), False
    try:
        for piece in body_pieces(response):
            yield from framer.feed(piece)
        yield from framer.close()
        complete = True
    except HTTPError as exc:
        raise transport_error(response.url, exc) from None
    finally:
        if complete:
            response.release_conn()
        else:
            response.close()


def check_credentials(credentials: dict[str, Any], model: str) -> None:
    """Raise errors.ProviderError unless the provider accepts these credentials."""
    protocol = protocols.chat()
    response = send(credentials, protocol.validation_request(model), protocol.error_fields)
    errors.json_object(read_json(response), protocol.error_fields)


class ProviderModel:
    """Mixed into every model class: credential checks and the typed-error mapping."""

    def validate_credentials(self, model: str, credentials: dict) -> None:
        try:
            check_credentials(credentials, model)
        except errors.ProviderError as exc:
            raise CredentialsValidateFailedError(str(exc)) from None

    @property
    def _invoke_error_mapping(self) -> dict[type[InvokeError], list[type[Exception]]]:
        return ERROR_MAPPING
