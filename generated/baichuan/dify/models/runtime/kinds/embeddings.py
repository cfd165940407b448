"""Text embeddings, OpenAI style: POST {model, input: [texts]} -> data[{index, embedding}].

A model's settings (config.MODEL_SETTINGS) add `dimensions`, an input type (Voyage `input_type`,
Jina `task`) and base64 vectors: little-endian float32, a third of the bytes of JSON floats."""

from __future__ import annotations

from typing import Any

from .. import config, errors, http
from ..errors import ProviderError, describe
from ..types import Request
from . import input_type_field, vector


def request(
    model: str,
    texts: list[str],
    user: str | None = None,
    input_type: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Request:
    """`input_type` is Dify's ("query" or "document"); `settings` default to the model's in the
    config (a model the spec does not list gets none)."""
    settings = http.model_settings(model, "text-embedding") if settings is None else settings
    encoding = settings.get("encoding", "float")
    body: dict[str, Any] = {"model": http.wire_id(model, settings), "input": texts, "encoding_format": encoding}
    if settings.get("dimensions"):
        body["dimensions"] = settings["dimensions"]
    body.update(input_type_field(settings, input_type))
    http.put_user(body, user)
    path = http.model_path(config.ENDPOINTS["embeddings"], body["model"])  # Azure's deployments: {model}
    return Request("POST", path, http.fixed_body(body, settings))


def parse(payload: Any, expected: int) -> tuple[list[list[float]], int | None]:
    """Vectors in input order and the prompt tokens the provider reported."""
    payload = errors.json_object(payload)
    data = payload.get("data")
    if not isinstance(data, list) or len(data) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} embeddings, got {describe(data)}")
    try:
        rows = sorted(data, key=lambda row: row.get("index", 0))
        vectors = [vector(row["embedding"]) for row in rows]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ProviderError("server_unavailable", f"malformed embeddings: {exc!r}") from None
    usage = payload.get("usage") if isinstance(payload.get("usage"), dict) else {}
    tokens = usage.get("prompt_tokens", usage.get("total_tokens"))
    return vectors, int(tokens) if isinstance(tokens, (int, float)) else None
