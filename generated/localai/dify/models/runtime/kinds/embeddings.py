"""Text embeddings, OpenAI's call under the spec's keys (config.EMBEDDING, or a model's own):
`{model, input, encoding_format}` -> `data[{index, embedding}]` by default, Nomic's
`{model, texts, task_type}` -> `{embeddings: [[...]]}`, Voyage's contextualized
`{inputs: [[text], ...]}` -> `data[{data: [{embedding}]}]` (`nested`).

A model's settings (config.MODEL_SETTINGS) add `dimensions`, an input type (Voyage `input_type`, Jina
`task`), base64 vectors (little-endian float32, a third of the bytes of JSON floats), an endpoint of
its own and its own keys."""

from __future__ import annotations

from typing import Any

from .. import config, errors, http
from ..errors import ProviderError
from ..types import Request
from . import input_type_field, listed, vector


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
    shape = settings.get("embedding") or config.EMBEDDING
    sent: list[Any] = [[text] for text in texts] if shape["nested"] else texts
    body: dict[str, Any] = {"model": http.wire_id(model, settings), shape["input"]: sent}
    if shape["encoding_format"]:
        body[shape["encoding_format"]] = settings.get("encoding", "float")
    if settings.get("dimensions"):
        body["dimensions"] = settings["dimensions"]
    body.update(input_type_field(settings, input_type))
    http.put_user(body, user)
    path = http.model_path(settings.get("endpoint") or config.ENDPOINTS["embeddings"], body["model"])  # Azure: {model}
    return Request("POST", path, http.fixed_body(body, settings))


def parse(payload: Any, expected: int, model: str = "") -> tuple[list[list[float]], int | None]:
    """Vectors in input order and the tokens the provider reported (None: not reported), in the shape
    of `model`'s call."""
    shape = http.model_settings(model, "text-embedding").get("embedding") or config.EMBEDDING
    rows = listed(payload, shape["results"], "embeddings")
    if len(rows) != expected:
        where = ".".join(shape["results"]) or "the answer"
        raise ProviderError("server_unavailable", f"expected {expected} embeddings ({where}), got {len(rows)}")
    try:
        if shape["index"]:
            rows = in_order(rows, shape["index"])
        if shape["nested"]:  # each text was a document of one chunk: its rows hold one row
            rows = [only(row[shape["nested"]]) for row in rows]
        vectors = [vector(row[shape["vector"]] if shape["vector"] else row) for row in rows]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ProviderError("server_unavailable", f"malformed embeddings: {exc!r}") from None
    return vectors, tokens(payload, shape["tokens"])


def in_order(rows: list[Any], key: str) -> list[Any]:
    """The rows by their index, which must number each text sent once (rows that carry none are in
    input order)."""
    if not any(isinstance(row, dict) and key in row for row in rows):
        return rows
    indices = [row[key] for row in rows]
    if sorted(indices) != list(range(len(rows))) or any(isinstance(i, bool) for i in indices):
        raise ValueError(f"the {key} values {indices} do not number the {len(rows)} texts sent")
    return sorted(rows, key=lambda row: row[key])


def only(rows: Any) -> Any:
    """The one row of a document sent as one chunk."""
    if not isinstance(rows, list) or len(rows) != 1:
        raise ValueError(f"a document of one chunk has one row, got {errors.describe(rows)}")
    return rows[0]


def tokens(payload: Any, paths: tuple[tuple[str, ...], ...]) -> int | None:
    """The first of the paths that leads to a number in the answer."""
    for path in paths:
        found = errors.dig(payload, path)
        if isinstance(found, (int, float)) and not isinstance(found, bool):
            return int(found)
    return None
