"""Text embeddings over the Gemini API: POST /v1beta/models/{model}:batchEmbedContents with one
request per text (ai.google.dev/api/embeddings) -> embeddings[{values}], in input order. A path
ending `:predict` is Vertex AI's: {instances: [{content}]} -> predictions[{embeddings: {values,
statistics: {token_count}}}], whose token counts are the usage (multimodalembedding takes `text` and
answers textEmbedding).

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
    path = http.model_path(config.ENDPOINTS["embeddings"], wire)
    if path.endswith(":predict"):
        return predict_request(path, wire, texts, input_type, settings)
    each: dict[str, Any] = {"model": f"models/{wire}"}
    if settings.get("dimensions"):
        each["outputDimensionality"] = settings["dimensions"]
    each.update(input_type_field(settings, input_type))
    body = {"requests": [each | {"content": {"parts": [{"text": text}]}} for text in texts]}
    return Request("POST", path, http.fixed_body(body, settings))


def predict_request(
    path: str, wire: str, texts: list[str], input_type: str | None, settings: dict[str, Any]
) -> Request:
    """Vertex AI's :predict: one instance per text (its task type from `input_type`), the output
    dimensionality among the parameters."""
    key = "text" if wire.startswith("multimodalembedding") else "content"
    task = input_type_field(settings, input_type) if key == "content" else {}  # multimodal: no task type
    body: dict[str, Any] = {"instances": [{key: text} | task for text in texts]}
    if settings.get("dimensions"):
        body["parameters"] = {"outputDimensionality": settings["dimensions"]}
    return Request("POST", path, http.fixed_body(body, settings))


def parse(payload: Any, expected: int, model: str = "") -> tuple[list[list[float]], int | None]:
    """Vectors in input order; the token count when the API reports one (Vertex's :predict)."""
    payload = errors.json_object(payload)
    if "predictions" in payload:
        return predictions(payload["predictions"], expected)
    found = payload.get("embeddings")
    if not isinstance(found, list) or len(found) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} embeddings, got {describe(found)}")
    try:
        return [vector(row["values"]) for row in found], None
    except (KeyError, TypeError, ValueError) as exc:
        raise ProviderError("server_unavailable", f"malformed embeddings: {exc!r}") from None


def predictions(found: Any, expected: int) -> tuple[list[list[float]], int | None]:
    """Vertex AI's predictions[{embeddings: {values, statistics}}] (or {textEmbedding}), and the sum
    of their token counts."""
    if not isinstance(found, list) or len(found) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} embeddings, got {describe(found)}")
    try:
        rows = [row.get("embeddings") or {"values": row["textEmbedding"]} for row in found]
        tokens = [(row.get("statistics") or {}).get("token_count") for row in rows]
        total = int(sum(tokens)) if all(isinstance(t, (int, float)) for t in tokens) else None
        return [vector(row["values"]) for row in rows], total
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ProviderError("server_unavailable", f"malformed predictions: {exc!r}") from None
