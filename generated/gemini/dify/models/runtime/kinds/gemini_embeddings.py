"""Text embeddings over the Gemini API: POST /v1beta/models/{model}:batchEmbedContents with one
request per text (ai.google.dev/api/embeddings) -> embeddings[{values}], in input order.

The same names as embeddings.py (config.EMBEDDINGS picks the module). A model's settings add
outputDimensionality (`dimensions`) and a task type per text (`input_type`: its key, the query
value, the document value, e.g. taskType RETRIEVAL_QUERY / RETRIEVAL_DOCUMENT). The API reports no
token usage: the hosts estimate it."""

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
    """`user` is not sent: the API has no end-user field."""
    settings = http.model_settings(model, "text-embedding") if settings is None else settings
    wire = http.wire_id(model, settings)
    each: dict[str, Any] = {"model": f"models/{wire}"}
    if settings.get("dimensions"):
        each["outputDimensionality"] = settings["dimensions"]
    each.update(input_type_field(settings, input_type))
    body = {"requests": [each | {"content": {"parts": [{"text": text}]}} for text in texts]}
    path = config.ENDPOINTS["embeddings"].replace("{model}", wire)
    return Request("POST", path, http.fixed_body(body, settings))


def parse(payload: Any, expected: int) -> tuple[list[list[float]], int | None]:
    """Vectors in input order; no token count (the API reports none)."""
    found = errors.json_object(payload).get("embeddings")
    if not isinstance(found, list) or len(found) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} embeddings, got {describe(found)}")
    try:
        return [vector(row["values"]) for row in found], None
    except (KeyError, TypeError, ValueError) as exc:
        raise ProviderError("server_unavailable", f"malformed embeddings: {exc!r}") from None
