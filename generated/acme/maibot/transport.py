# Generated from specs/acme.yaml by the provider compiler. Do not edit by hand.
"""Async HTTP for the acme MaiBot plugin: one pooled client, a deadline a little below the
host's `api_provider.timeout`, and every failure as a wire.ProviderError that says what happened."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

import httpx

from . import wire


@dataclass(frozen=True)
class Target:
    """Where and how one call goes: URL base, headers (auth included), query and time budget."""

    base_url: str
    headers: dict[str, str]
    query: dict[str, Any]
    budget: float


def target(api_provider: dict[str, Any], extra_headers: dict[str, str], extra_query: dict[str, Any]) -> Target:
    """The spec's auth scheme with the key from `api_provider`, then its default headers and query,
    then the request's own `extra_params` headers and query."""
    credentials = {wire.API_KEY_VARIABLE: str(api_provider.get("api_key") or "")}
    headers = wire.request_headers(credentials)
    headers.update({str(k): str(v) for k, v in (api_provider.get("default_headers") or {}).items()})
    if api_provider.get("organization"):
        headers["OpenAI-Organization"] = str(api_provider["organization"])
    if api_provider.get("project"):
        headers["OpenAI-Project"] = str(api_provider["project"])
    headers.update(extra_headers)
    query = wire.request_query(credentials) | dict(api_provider.get("default_query") or {}) | extra_query
    return Target(base_url(api_provider.get("base_url")), headers, query, budget(api_provider.get("timeout")))


def base_url(configured: Any) -> str:
    """The provider's base URL as MaiBot normalises it (scheme added, no trailing slash)."""
    url = str(configured or "").strip()
    if not url:
        return wire.BASE_URL
    if "://" not in url:
        url = "http://" + url
    return url.rstrip("/")


def budget(timeout: Any) -> float:
    """Seconds this call may take. The host stops waiting after `timeout` and retries without
    cancelling the call, so finish a little earlier (5%, at least a second) to never overlap."""
    limit = float(timeout) if isinstance(timeout, (int, float)) and timeout > 0 else wire.READ_TIMEOUT
    return max(limit * 0.5, limit - max(1.0, limit * 0.05))


def transport_error(url: str, exc: httpx.HTTPError) -> wire.ProviderError:
    return wire.connection_error(url, exc, timed_out=isinstance(exc, httpx.TimeoutException))


def deadline_error(url: str, seconds: float) -> wire.ProviderError:
    return wire.ProviderError("connection", f"no complete answer from {url} within {seconds:g}s")


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

    async def call_json(self, to: Target, path: str, body: Any = None, files: Any = None, data: Any = None) -> Any:
        """POST (or GET without a body) and parse the JSON answer."""
        url = to.base_url + path
        try:
            async with asyncio.timeout(to.budget):
                response = await self.send(to, url, body, files, data, stream=False)
        except TimeoutError:
            raise deadline_error(url, to.budget) from None
        return wire.parse_json(response.content)

    async def call_stream(self, to: Target, path: str, body: Any) -> wire.Completion:
        """POST with `stream: true` and fold the event stream into one completion."""
        url = to.base_url + path
        decoder, assembler = wire.SSEDecoder(), wire.StreamAssembler()
        try:
            async with asyncio.timeout(to.budget):
                response = await self.send(to, url, body, stream=True)
                try:
                    async for chunk in response.aiter_bytes():
                        for payload in decoder.feed(chunk):
                            assembler.feed(payload)
                    for payload in decoder.close():
                        assembler.feed(payload)
                finally:
                    await response.aclose()
        except TimeoutError:
            raise deadline_error(url, to.budget) from None
        except httpx.HTTPError as exc:
            raise transport_error(url, exc) from None
        return assembler.finish(decoder.done)

    async def send(
        self, to: Target, url: str, body: Any = None, files: Any = None, data: Any = None, stream: bool = False
    ) -> httpx.Response:
        """Send one request; a non-2xx answer is classified with the spec's error map."""
        headers = to.headers
        if files is not None:
            # multipart: httpx writes the Content-Type with its boundary.
            headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        content = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        method = "POST" if body is not None or files is not None else "GET"
        timeout = httpx.Timeout(to.budget, connect=min(wire.CONNECT_TIMEOUT, to.budget))
        client = self.client()
        try:
            request = client.build_request(
                method, url, content=content, files=files, data=data, headers=headers, params=to.query, timeout=timeout
            )
            response = await client.send(request, stream=stream)
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
        raise wire.error_from_response(response.status_code, raw)
