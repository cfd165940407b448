"""Async HTTP for the MaiBot plugin: one pooled client, a deadline a little below the host's
`api_provider.timeout`, and every failure as an errors.ProviderError that says what happened."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import httpx

from . import config, errors, http, sse
from .protocols import Assembler
from .types import Completion, Request


@dataclass(frozen=True)
class Target:
    """Where and how one call goes: URL base, headers (auth included), query and time budget."""

    base_url: str
    headers: dict[str, str]
    query: dict[str, Any]
    budget: float


def target(api_provider: dict[str, Any], extra_headers: dict[str, str], extra_query: dict[str, Any]) -> Target:
    """The spec's auth scheme with the key from `api_provider`, then its default headers and query,
    then the caller's headers and query."""
    credentials = {config.API_KEY_VARIABLE: str(api_provider.get("api_key") or "")}
    headers = http.headers(credentials)
    headers.update({str(k): str(v) for k, v in (api_provider.get("default_headers") or {}).items()})
    headers.update(extra_headers)
    query = http.query(credentials) | dict(api_provider.get("default_query") or {}) | extra_query
    return Target(base_url(api_provider.get("base_url")), headers, query, budget(api_provider.get("timeout")))


def base_url(configured: Any) -> str:
    """The provider's base URL as MaiBot normalises it (scheme added, no trailing slash)."""
    url = str(configured or "").strip()
    if not url:
        return config.BASE_URL
    if "://" not in url:
        url = "http://" + url
    return url.rstrip("/")


def budget(timeout: Any) -> float:
    """Seconds this call may take. The host stops waiting after `timeout` and retries without
    cancelling the call, so finish a little earlier (5%, at least a second) to never overlap."""
    limit = float(timeout) if isinstance(timeout, (int, float)) and timeout > 0 else config.READ_TIMEOUT
    return max(limit * 0.5, limit - max(1.0, limit * 0.05))


def transport_error(url: str, exc: httpx.HTTPError) -> errors.ProviderError:
    return errors.connection_error(url, exc, timed_out=isinstance(exc, httpx.TimeoutException))


def deadline_error(url: str, seconds: float) -> errors.ProviderError:
    return errors.ProviderError("connection", f"no complete answer from {url} within {seconds:g}s")


class Http:
    """One pooled client per plugin; created on first use inside the runner's event loop."""

    def __init__(self) -> None:
        self._client: httpx.AsyncClient | None = None

    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                limits=httpx.Limits(max_connections=64, max_keepalive_connections=16, keepalive_expiry=60)
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def call_json(self, to: Target, request: Request, fields: errors.FieldsReader = errors.error_fields) -> Any:
        """Send `request` and parse the JSON answer."""
        url = to.base_url + request.path
        try:
            async with asyncio.timeout(to.budget):
                response = await self.send(to, url, request, fields, stream=False)
        except TimeoutError:
            raise deadline_error(url, to.budget) from None
        return http.decode(response.content)

    async def call_stream(
        self, to: Target, request: Request, assembler: Assembler, fields: errors.FieldsReader = errors.error_fields
    ) -> Completion:
        """Send `request` (a streamed answer) and fold its events into one completion."""
        url = to.base_url + request.path
        framer = sse.Framer()
        try:
            async with asyncio.timeout(to.budget):
                response = await self.send(to, url, request, fields, stream=True)
                try:
                    async for chunk in response.aiter_bytes():
                        for event in framer.feed(chunk):
                            assembler.feed(event)
                    for event in framer.close():
                        assembler.feed(event)
                finally:
                    await response.aclose()
        except TimeoutError:
            raise deadline_error(url, to.budget) from None
        except httpx.HTTPError as exc:
            raise transport_error(url, exc) from None
        return assembler.finish()

    async def send(
        self, to: Target, url: str, request: Request, fields: errors.FieldsReader, stream: bool
    ) -> httpx.Response:
        """Send one request; a non-2xx answer is classified with the spec's error map."""
        headers = to.headers | request.headers
        if request.files is not None:
            # multipart: httpx writes the Content-Type with its boundary.
            headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        content = http.encode(request.body) if request.body is not None else None
        timeout = httpx.Timeout(to.budget, connect=min(config.CONNECT_TIMEOUT, to.budget))
        client = self.client()
        try:
            built = client.build_request(
                request.method,
                url,
                content=content,
                files=request.files,
                data=request.form,
                headers=headers,
                params=to.query | request.query,
                timeout=timeout,
            )
            response = await client.send(built, stream=stream)
        except httpx.HTTPError as exc:
            raise transport_error(url, exc) from None
        if response.is_success:
            return response
        try:
            raw = await response.aread()
        except httpx.HTTPError:
            raw = b""
        finally:
            await response.aclose()
        raise errors.from_response(response.status_code, raw, fields)
