"""Text embeddings, OpenAI style: POST {model, input: [texts]} -> data[{index, embedding}]."""

from __future__ import annotations

from typing import Any

from . import config, errors
from .errors import ProviderError, describe
from .types import Request


def request(model: str, texts: list[str], user: str | None = None) -> Request:
    body: dict[str, Any] = {"model": model, "input": texts, "encoding_format": "float"}
    if user and config.SEND_USER:
        body["user"] = user
    return Request("POST", config.ENDPOINTS["embeddings"], body)


def parse(payload: Any, expected: int) -> tuple[list[list[float]], int | None]:
    """Vectors in input order and the prompt tokens the provider reported."""
    payload = errors.json_object(payload)
    data = payload.get("data")
    if not isinstance(data, list) or len(data) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} embeddings, got {describe(data)}")
    try:
        rows = sorted(data, key=lambda row: row.get("index", 0))
        vectors = [[float(x) for x in row["embedding"]] for row in rows]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ProviderError("server_unavailable", f"malformed embeddings: {exc!r}") from None
    usage = payload.get("usage") if isinstance(payload.get("usage"), dict) else {}
    tokens = usage.get("prompt_tokens", usage.get("total_tokens"))
    return vectors, int(tokens) if isinstance(tokens, (int, float)) else None
