"""HTTP for the Dify plugin: one urllib3 pool per process (the SDK builds a new model object for
every request); a failure leaves as a ProviderError (base.py types it for Dify).

urllib3 rather than httpx: a stream arrives as one HTTP chunk per token, and urllib3 reads a chunk
several times faster (the provider compiler's benchmarks measure it)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any
from urllib.parse import urlencode

import urllib3
from dify_plugin.config.config import DifyPluginEnv
from dify_plugin.config.logger_format import plugin_logger_handler
from urllib3.exceptions import ConnectTimeoutError, HTTPError, NewConnectionError, ReadTimeoutError

from .. import config, errors, http, protocols
from . import chunked
from ..types import Completion, Event, Request

READ_SIZE = 65536
_pool: urllib3.PoolManager | None = None


_settings: DifyPluginEnv | None = None


def settings() -> DifyPluginEnv:
    """The SDK's own settings (environment and .env), as the daemon gives them to the plugin."""
    global _settings
    if _settings is None:
        _settings = DifyPluginEnv()
    return _settings


def read_timeout() -> float:
    """The spec's read timeout, capped by the daemon's MAX_REQUEST_TIMEOUT."""
    limit = float(settings().MAX_REQUEST_TIMEOUT)
    return min(config.READ_TIMEOUT, limit) if limit > 0 else config.READ_TIMEOUT


def pool() -> urllib3.PoolManager:
    """Kept-alive connections per host, as many as the SDK runs requests at once (MAX_WORKER
    threads), so a burst reuses its connections instead of opening and dropping them."""
    global _pool
    if _pool is None:
        _pool = urllib3.PoolManager(
            maxsize=max(1, settings().MAX_WORKER),
            retries=False,
            timeout=urllib3.Timeout(connect=config.CONNECT_TIMEOUT, read=read_timeout()),
        )
    return _pool


class PoolFull(logging.Filter):
    """Lets through urllib3's one warning that names no URL: a full pool dropping a connection."""

    def filter(self, record: logging.LogRecord) -> bool:
        return str(record.msg).startswith("Connection pool is full")


def show_pool_warnings() -> None:
    """urllib3's logger reaches no handler in a plugin; send its pool-full warning to the plugin's
    log (the daemon's), and nothing else it says (its other lines may hold a query-string key)."""
    handler = logging.StreamHandler(plugin_logger_handler.stream)
    handler.setFormatter(plugin_logger_handler.formatter)
    handler.setLevel(logging.WARNING)
    handler.addFilter(PoolFull())
    logging.getLogger("urllib3.connectionpool").addHandler(handler)


show_pool_warnings()


def transport_error(url: str, exc: HTTPError) -> errors.ProviderError:
    """A transport failure; a timeout says which limit ran out (urllib3 derives "connection refused"
    from its connect-timeout class, which is no timeout)."""
    if isinstance(exc, ReadTimeoutError):
        return errors.connection_error(url, exc, read_timeout())
    if isinstance(exc, ConnectTimeoutError) and not isinstance(exc, NewConnectionError):
        return errors.connection_error(url, exc, config.CONNECT_TIMEOUT)
    return errors.connection_error(url, exc)


def send(
    credentials: dict[str, Any], request: Request, fields: errors.FieldsReader = errors.error_fields
) -> urllib3.BaseHTTPResponse:
    """Send one request, its body as JSON or a multipart upload; a non-2xx answer is classified
    with the spec's error map (`fields` reads the error body). The response's `url` is the address
    without its query, which may hold the API key."""
    base = http.base_url(credentials, request.protocol)
    url = http.address(base, request.path, credentials, request.protocol)
    query = http.query(credentials, request.protocol, http.native(base)) | request.query
    headers = http.headers(credentials, request.protocol)
    if request.files is not None:
        parts = dict(request.form or {}) | request.files
        body, headers["Content-Type"] = urllib3.encode_multipart_formdata(parts)
    else:
        body = http.encode(request.body) if request.body is not None else None
    headers |= request.headers
    headers |= http.signed(request.method, url, list(query.items()), headers, body, credentials, request.protocol)
    try:
        response = pool().urlopen(
            request.method,
            url + "?" + urlencode(query) if query else url,
            body=body,
            headers=headers,
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
    raise errors.from_response(response.status, raw, fields, response.headers)


def read_json(response: urllib3.BaseHTTPResponse) -> Any:
    try:
        raw = response.read()
    except HTTPError as exc:
        raise transport_error(response.url, exc) from None
    finally:
        response.release_conn()
    return http.decode(raw)


def call_json(credentials: dict[str, Any], request: Request) -> Any:
    """Send `request` and read its JSON answer (as maibot_transport.Http.call_json does)."""
    return read_json(send(credentials, request))


def body_pieces(response: urllib3.BaseHTTPResponse) -> Iterator[bytes]:
    """The body as it arrives: each HTTP chunk, or whatever the socket has (never waiting to fill
    a buffer, which would hold tokens back)."""
    if response.chunked and response.supports_chunked_reads():
        return response.read_chunked(READ_SIZE, decode_content=True)
    return iter(partial(response.read1, READ_SIZE), b"")


@contextmanager
def held(response: urllib3.BaseHTTPResponse) -> Iterator[None]:
    """While a body is read: the connection goes back to the pool when reading ends, or is dropped
    when it stops half-way (an error, or a reader that abandons the body); a transport error
    becomes the typed connection error."""
    try:
        yield
    except BaseException as exc:
        response.close()
        if isinstance(exc, HTTPError):
            raise transport_error(response.url, exc) from None
        raise
    else:
        response.release_conn()


def pieces(response: urllib3.BaseHTTPResponse) -> Iterator[bytes]:
    """The body's bytes as they arrive (audio)."""
    with held(response):
        yield from body_pieces(response)


# Between a stream's events when nothing more of the body has arrived yet: what the reader holds goes
# out now (chat.py merges the text of events that arrive together into one chunk, and never waits).
QUIET: Event = ("", None)


def arrivals(response: urllib3.BaseHTTPResponse) -> Iterator[bytes]:
    """The body in pieces of what arrived together: each piece is everything one read of the socket
    gave, however many HTTP chunks it holds, and a piece is never held to wait for more. A chunked
    body is taken apart here rather than one HTTP chunk per read by urllib3, which under load costs
    more than the token inside; any other body (or an encoded one) is read as urllib3 reads it."""
    inner = getattr(response, "_fp", None)  # http.client's response; urllib3 reads its `fp` the same way
    reader = getattr(inner, "fp", None)
    if not response.chunked or reader is None or response.headers.get("Content-Encoding", "identity") != "identity":
        return body_pieces(response)
    return chunked.pieces(partial(reader.read1, READ_SIZE), inner.close, response.url)


def stream_events(response: urllib3.BaseHTTPResponse, protocol: protocols.ChatProtocol) -> Iterator[Event]:
    """The events of a streamed answer, as the protocol frames them, with QUIET after the events of
    each piece that arrived together. The body is read here, not through pieces(): one generator
    fewer per token."""
    framer = protocol.Framer()
    with held(response):
        for piece in arrivals(response):
            yield from framer.feed(piece)
            yield QUIET
        yield from framer.close()


def read_completion(response: urllib3.BaseHTTPResponse, protocol: protocols.ChatProtocol) -> Completion:
    """A blocking call's answer, or a stream's assembled when a gateway streamed anyway."""
    if http.is_event_stream(response.headers.get("Content-Type"), False, protocol.STREAM_MEDIA_TYPE):
        assembler = protocol.StreamAssembler()
        for event in stream_events(response, protocol):
            if event is not QUIET:
                assembler.feed(event)
        return assembler.finish()
    return protocol.parse_completion(read_json(response))


def streams(response: urllib3.BaseHTTPResponse, protocol: protocols.ChatProtocol) -> bool:
    """Whether a stream request's answer is a stream (a gateway may answer with one JSON body)."""
    return http.is_event_stream(response.headers.get("Content-Type"), True, protocol.STREAM_MEDIA_TYPE)
