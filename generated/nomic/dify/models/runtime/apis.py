"""Where a protocol's calls go, and which protocol a model speaks. A plugin speaks its spec's
protocol (config.PROTOCOL: config.ENDPOINTS, AUTH and STATIC_HEADERS), and any other its models
name (config.PROTOCOLS); a model that speaks several takes the one a credential field picks."""

from __future__ import annotations

from typing import Any

from . import config


def endpoints(protocol: str) -> dict[str, str | None]:
    """The endpoint paths of `protocol`'s calls."""
    other = config.PROTOCOLS.get(protocol)
    return other["endpoints"] if other else config.ENDPOINTS


def base_url(protocol: str) -> str:
    """The base URL of `protocol`'s calls: its own when the spec gives one (Vertex: Claude's location),
    else the spec's."""
    other = config.PROTOCOLS.get(protocol)
    return (other.get("base_url") if other else None) or config.BASE_URL


def body(protocol: str) -> dict[str, Any]:
    """Fixed fields of `protocol`'s chat bodies beyond api.body (Vertex's anthropic_version)."""
    other = config.PROTOCOLS.get(protocol)
    return (other.get("body") if other else None) or {}


def auth(protocol: str) -> tuple[str, str | None, str]:
    other = config.PROTOCOLS.get(protocol)
    return other["auth"] if other else config.AUTH


def static_headers(protocol: str) -> dict[str, str]:
    other = config.PROTOCOLS.get(protocol)
    return other["headers"] if other else config.STATIC_HEADERS


def spoken(settings: dict[str, Any], credentials: dict[str, Any]) -> str:
    """The protocol a model (its settings) speaks with these credentials: its own, or of those it may
    speak, the one a credential field picks (its default when empty), else its first."""
    named = settings.get("protocol")
    if named is None:
        return config.PROTOCOL
    if isinstance(named, str):
        return named
    for variable, table in config.PROTOCOL_CHOICES.items():
        picked = table.get(str(credentials.get(variable) or "").strip())
        if picked in named:
            return picked
    return named[0]
