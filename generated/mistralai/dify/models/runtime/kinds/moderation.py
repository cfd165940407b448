"""Moderation, OpenAI style: POST {model, input: [texts]} -> results[{flagged, categories}], and
Mistral's, whose results carry only categories and category_scores.

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
    settings = http.model_settings(model, "moderation")
    body = http.fixed_body({"model": http.wire_id(model, settings), "input": texts}, settings)
    return Request("POST", http.model_path(config.ENDPOINTS["moderations"], body["model"]), body)


def parse(payload: Any, expected: int) -> bool:
    """Whether any of the `expected` results is flagged."""
    results = errors.json_object(payload).get("results")
    if not isinstance(results, list) or len(results) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} moderation results, got {describe(results)}")
    return any(unsafe(result) for result in results)


def unsafe(result: Any) -> bool:
    """A result flagged, or with a category set; it says at least one of the two."""
    flagged = result.get("flagged") if isinstance(result, dict) else None
    categories = result.get("categories") if isinstance(result, dict) else None
    if not isinstance(flagged, (bool, type(None))) or (flagged is None and not isinstance(categories, dict)):
        raise ProviderError("server_unavailable", f"malformed moderation result: {describe(result)}")
    return flagged is True or (isinstance(categories, dict) and any(v is True for v in categories.values()))
