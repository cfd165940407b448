"""Text embeddings on Amazon Bedrock: InvokeModel (POST /model/{id}/invoke), signed as Converse is,
with the body of the model's family (its settings' invoke_body, from the spec):

- titan: {inputText} -> {embedding, inputTextTokenCount}; one text a call (`dimensions` as dimensions);
- cohere: {texts, input_type} -> {embeddings}, a list or, from Embed v4, {float: [...]};
- nova: {taskType: SINGLE_EMBEDDING, singleEmbeddingParams: {embeddingPurpose, embeddingDimension,
  text: {truncationMode: END, value}}} -> {embeddings: [{embedding}]}; one text a call.

The input type is the model's `input_type` (Cohere's search_query/search_document, Nova's
embeddingPurpose), a document when the host names none. Usage is the answer's inputTextTokenCount
where the model reports one (Titan, Nova); Cohere's answer has none, so the hosts estimate it.
The same names as embeddings.py (config.EMBEDDINGS picks the module)."""

from __future__ import annotations

from typing import Any

from .. import config, errors, http
from ..errors import ProviderError, describe
from ..parameters import put
from ..types import Request
from . import input_type_field, vector

NOVA_DIMENSION = 1024  # Nova's embeddingDimension when the spec gives no `dimensions`


def request(
    model: str,
    texts: list[str],
    user: str | None = None,
    input_type: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Request:
    """`user` is not sent: InvokeModel has no end-user field."""
    settings = http.model_settings(model, "text-embedding") if settings is None else settings
    family = settings.get("invoke_body", "titan")
    if family != "cohere" and len(texts) != 1:
        raise ProviderError("bad_request", f"a {family} embedding call takes one text, got {len(texts)}")
    body = BODIES[family](texts, settings)
    for key, value in input_type_field(settings, input_type or "document").items():
        put(body, key, value)
    path = http.model_path(config.ENDPOINTS["embeddings"], http.wire_id(model, settings))
    return Request("POST", path, http.fixed_body(body, settings))


def titan(texts: list[str], settings: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"inputText": texts[0]}
    if settings.get("dimensions"):
        body["dimensions"] = settings["dimensions"]
    return body


def cohere(texts: list[str], settings: dict[str, Any]) -> dict[str, Any]:
    return {"texts": list(texts)}


def nova(texts: list[str], settings: dict[str, Any]) -> dict[str, Any]:
    params = {
        "embeddingDimension": settings.get("dimensions") or NOVA_DIMENSION,
        "text": {"truncationMode": "END", "value": texts[0]},
    }
    return {"taskType": "SINGLE_EMBEDDING", "singleEmbeddingParams": params}


BODIES = {"titan": titan, "cohere": cohere, "nova": nova}


def parse(payload: Any, expected: int, model: str = "") -> tuple[list[list[float]], int | None]:
    """Vectors in input order (each family's answer known by its keys) and the tokens reported."""
    payload = errors.json_object(payload)
    found = payload.get("embeddings", [payload.get("embedding")] if "embedding" in payload else None)
    if isinstance(found, dict):  # Cohere Embed v4: by embedding type
        found = found.get("float")
    if not isinstance(found, list) or len(found) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} embeddings, got {describe(found)}")
    try:
        vectors = [vector(row["embedding"] if isinstance(row, dict) else row) for row in found]
    except (KeyError, TypeError, ValueError) as exc:
        raise ProviderError("server_unavailable", f"malformed embeddings: {exc!r}") from None
    tokens = payload.get("inputTextTokenCount")
    return vectors, int(tokens) if isinstance(tokens, int) and not isinstance(tokens, bool) else None
