"""Async HTTP for the MaiBot plugin: one pooled aiohttp session, a deadline a little below the
host's `api_provider.timeout`, and every failure as an errors.ProviderError that says what happened.

aiohttp rather than httpx: MaiBot's host requires it, and its C HTTP parser reads a streamed token
several times faster and makes a small call about twice as fast (the provider compiler's
benchmarks measure it)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import yarl

from .. import apis, config, errors, http, protocols
from ..types import Completion, Request

# Connections kept per plugin. MaiBot's runner serves every call in its own task, without a cap,
# and its built-in OpenAI client allows 1000 connections (the openai SDK's httpx limits); so do we.
CONNECTIONS = 1000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    """Where and how one call goes: URL base, headers (auth included), query and time budget."""

    base_url: str
    headers: dict[str, str]
    query: dict[str, Any]
    budget: float
    credentials: dict[str, Any]  # for a scheme that signs the finished request (http.signed)
    protocol: str = ""


def target(
    api_provider: dict[str, Any], extra_headers: dict[str, str], extra_query: dict[str, Any], protocol: str = ""
) -> Target:
    """The spec's auth scheme with the key from `api_provider` (`protocol`'s, for a call of a further
    protocol the models speak), then its default headers and query, then the caller's."""
    credentials = {config.API_KEY_VARIABLE: str(api_provider.get("api_key") or "")}
    if api_provider.get("project"):  # Vertex's project (google.completed), when the provider names one
        credentials["project"] = str(api_provider["project"])
    headers = http.headers(credentials, protocol)
    headers.update({str(k): str(v) for k, v in (api_provider.get("default_headers") or {}).items()})
    headers.update(extra_headers)
    url, seconds = base_url(api_provider.get("base_url"), credentials, protocol), budget(api_provider.get("timeout"))
    query = http.query(credentials, protocol, http.native(url))
    query |= dict(api_provider.get("default_query") or {}) | extra_query
    return Target(url, headers, query, seconds, credentials, protocol)


def base_url(configured: Any, credentials: dict[str, Any], protocol: str = "") -> str:
    """The provider's base URL as MaiBot normalises it (scheme added, no trailing slash), then as the
    spec rewrites an override (http.rewritten); under the spec's native path when it has one (MaiBot's
    provider has no field for anything else: Azure's /openai/v1, where the model id is the deployment)."""
    url = str(configured or "").strip()
    if not url:
        url = http.aliased(http.filled(apis.base_url(protocol), credentials))
    else:
        url = http.rewritten(url if "://" in url else "http://" + url)
    return url if config.NATIVE is None or http.native(url) else url + config.NATIVE[0]


def budget(timeout: Any) -> float:
    """Seconds this call may take. The host stops waiting after `timeout` and retries without
    cancelling the call, so finish a little earlier (5%, at least a second) to never overlap."""
    limit = float(timeout) if isinstance(timeout, (int, float)) and timeout > 0 else config.READ_TIMEOUT
    return max(limit * 0.5, limit - max(1.0, limit * 0.05))


def query_pairs(query: dict[str, Any]) -> list[tuple[str, str]]:
    """Query values as text, the way MaiBot's own (httpx-based) client writes them: true/false,
    an empty string for None, one pair per item of a list."""
    return [
        (str(name), query_text(item))
        for name, value in query.items()
        for item in (value if isinstance(value, (list, tuple)) else (value,))
    ]


def query_text(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return "" if value is None else str(value)


def transport_error(url: str, exc: aiohttp.ClientError, to: Target) -> errors.ProviderError:
    """A transport failure; a timeout says which limit ran out (send's ClientTimeout)."""
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return errors.connection_error(url, exc, min(config.CONNECT_TIMEOUT, to.budget))
    return errors.connection_error(url, exc, to.budget if isinstance(exc, TimeoutError) else None)


def deadline_error(url: str, seconds: float) -> errors.ProviderError:
    """The call's whole time budget spent (the host's own timeout would have been next)."""
    return errors.timed_out(url, seconds, "no complete answer; MaiBot's timeout is a little longer")


class Http:
    """One pooled session per plugin; created on first use inside the runner's event loop."""

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None
        self.active = 0  # calls in flight; beyond CONNECTIONS they wait for a connection

    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=CONNECTIONS, keepalive_timeout=60),
                cookie_jar=aiohttp.CookieJar(unsafe=True),  # kept per host, like an httpx client's
            )
        return self._session

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def call_json(self, to: Target, request: Request, fields: errors.FieldsReader = errors.error_fields) -> Any:
        """Send `request` and parse the JSON answer."""
        return await self.call(to, request, fields, read_json)

    async def call_chat(
        self, to: Target, request: Request, protocol: protocols.ChatProtocol, stream: bool
    ) -> Completion:
        """Send a chat request and assemble its answer: streamed events or one JSON body, whichever
        the server sent (gateways do not always answer in the mode asked for)."""

        async def read(response: aiohttp.ClientResponse) -> Completion:
            if not http.is_event_stream(response.headers.get("Content-Type"), stream, protocol.STREAM_MEDIA_TYPE):
                return protocol.parse_completion(await read_json(response))
            framer, assembler = protocol.Framer(), protocol.StreamAssembler()
            async for chunk in response.content.iter_any():
                for event in framer.feed(chunk):
                    assembler.feed(event)
            for event in framer.close():
                assembler.feed(event)
            return assembler.finish()

        return await self.call(to, request, protocol.error_fields, read)

    async def call(
        self,
        to: Target,
        request: Request,
        fields: errors.FieldsReader,
        read: Callable[[aiohttp.ClientResponse], Awaitable[Any]],
    ) -> Any:
        """Send `request` and `read` its answer within the call's time budget; the connection is
        reused only when the answer was read to its end."""
        url = http.address(to.base_url, request.path, to.credentials, to.protocol)
        self.active += 1
        if self.active > CONNECTIONS:
            log.warning(
                "%d calls in flight, more than the %d pooled connections: the rest wait", self.active, CONNECTIONS
            )
        try:
            async with asyncio.timeout(to.budget):
                response = await self.send(to, url, request, fields)
                complete = False
                try:
                    result = await read(response)
                    complete = True
                except aiohttp.ClientError as exc:
                    raise transport_error(url, exc, to) from None
                finally:
                    if complete:
                        response.release()
                    else:
                        response.close()
        except TimeoutError:
            raise deadline_error(url, to.budget) from None
        finally:
            self.active -= 1
        return result

    async def send(self, to: Target, url: str, request: Request, fields: errors.FieldsReader) -> aiohttp.ClientResponse:
        """Send one request; a non-2xx answer is classified with the spec's error map."""
        headers = to.headers | request.headers
        data: Any = http.encode(request.body) if request.body is not None else None
        if request.files is not None:
            # multipart: aiohttp writes the Content-Type with its boundary.
            headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
            data = aiohttp.FormData()
            for name, value in (request.form or {}).items():
                data.add_field(name, value)
            for name, (filename, content, content_type) in request.files.items():
                data.add_field(name, content, filename=filename, content_type=content_type)
        timeout = aiohttp.ClientTimeout(connect=min(config.CONNECT_TIMEOUT, to.budget), sock_read=to.budget)
        query = query_pairs(to.query | request.query)
        if request.files is None:
            headers |= http.signed(request.method, url, query, headers, data, to.credentials, to.protocol)
        try:
            response = await self.session().request(
                request.method,
                as_sent(url),
                data=data,
                headers=headers,
                params=query,
                allow_redirects=False,
                timeout=timeout,
            )
        except aiohttp.ClientError as exc:
            raise transport_error(url, exc, to) from None
        if 200 <= response.status < 300:
            return response
        try:
            raw = await response.read()
        except aiohttp.ClientError:
            raw = b""
        finally:
            response.release()
        raise errors.from_response(response.status, raw, fields, response.headers)


def as_sent(url: str) -> str | yarl.URL:
    """A URL whose path a protocol encoded itself (Bedrock's model id: `%3A`) goes out as it is:
    yarl would decode what RFC 3986 allows raw, and the request would no longer match its signature
    (nor the Dify transport's)."""
    return yarl.URL(url, encoded=True) if "%" in url else url


async def read_json(response: aiohttp.ClientResponse) -> Any:
    return http.decode(await response.read())
