"""Moderation, OpenAI style: POST {model, input: [texts]} -> results[{flagged, categories}].

A text is unsafe when the provider flags any part of it or sets any category."""

from __future__ import annotations

from typing import Any

from .. import config, errors, http
from ..errors import ProviderError, describe
from ..types import Request


def chunks(text: str, size: int) -> list[str]:
    """`text` in pieces of at most `size` characters (an empty text is one empty piece)."""
    return [text[start : start + size] for start in range(0, len(text), size)] or [""]


def request(model: str, texts: list[str]) -> Request:
    return Request("POST", config.ENDPOINTS["moderations"], http.fixed_body(model, {"model": model, "input": texts}))


def parse(payload: Any, expected: int) -> bool:
    """Whether any of the `expected` results is flagged."""
    results = errors.json_object(payload).get("results")
    if not isinstance(results, list) or len(results) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} moderation results, got {describe(results)}")
    for result in results:
        if not isinstance(result, dict) or not isinstance(result.get("flagged"), bool):
            raise ProviderError("server_unavailable", f"malformed moderation result: {describe(result)}")
        categories = result.get("categories")
        if result["flagged"] or (isinstance(categories, dict) and any(v is True for v in categories.values())):
            return True
    return False
