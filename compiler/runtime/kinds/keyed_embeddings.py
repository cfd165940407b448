"""Text embeddings whose body keys and answer shape the spec gives (api.embeddings; config.EMBEDDING):
OpenAI's call with other names, e.g. Nomic's `{model, texts, task_type}` -> `{embeddings: [[...]]}`.

The same names as embeddings.py (config.EMBEDDINGS picks the module); a spec whose call is OpenAI's
ships that module instead. A model's settings add `dimensions`, an input type and base64 vectors."""

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
    shape = config.EMBEDDING
    settings = http.model_settings(model, "text-embedding") if settings is None else settings
    body: dict[str, Any] = {"model": http.wire_id(model, settings), shape["input"]: texts}
    if shape["encoding_format"]:
        body[shape["encoding_format"]] = settings.get("encoding", "float")
    if settings.get("dimensions"):
        body["dimensions"] = settings["dimensions"]
    body.update(input_type_field(settings, input_type))
    http.put_user(body, user)
    path = http.model_path(config.ENDPOINTS["embeddings"], body["model"])
    return Request("POST", path, http.fixed_body(body, settings))


def parse(payload: Any, expected: int) -> tuple[list[list[float]], int | None]:
    """Vectors in input order and the tokens the provider reported (None: not reported)."""
    shape = config.EMBEDDING
    if not shape["results"] and isinstance(payload, dict):
        errors.json_object(payload)  # an error object inside a 2xx answer raises (the path checks its own)
    rows = payload
    for key in shape["results"]:
        rows = errors.json_object(rows).get(key)
    if not isinstance(rows, list) or len(rows) != expected:
        where = ".".join(shape["results"]) or "the answer"
        raise ProviderError("server_unavailable", f"expected {expected} embeddings ({where}), got {describe(rows)}")
    try:
        if shape["index"]:
            rows = in_order(rows, shape["index"])
        vectors = [vector(row[shape["vector"]] if shape["vector"] else row) for row in rows]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ProviderError("server_unavailable", f"malformed embeddings: {exc!r}") from None
    return vectors, tokens(payload, shape["tokens"])


def in_order(rows: list[Any], key: str) -> list[Any]:
    """The rows by their index, which must number each text sent once."""
    indices = [row[key] for row in rows]
    if sorted(indices) != list(range(len(rows))) or any(isinstance(i, bool) for i in indices):
        raise ValueError(f"the {key} values {indices} do not number the {len(rows)} texts sent")
    return sorted(rows, key=lambda row: row[key])


def tokens(payload: Any, paths: tuple[tuple[str, ...], ...]) -> int | None:
    """The first of the paths that leads to a number in the answer."""
    for path in paths:
        found = payload
        for key in path:
            found = found.get(key) if isinstance(found, dict) else None
        if isinstance(found, (int, float)) and not isinstance(found, bool):
            return int(found)
    return None
