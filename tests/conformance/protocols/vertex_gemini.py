"""Gemini on Vertex AI: the gemini adapter's answers and requests, but text embeddings over Vertex's
:predict ({instances: [{content}]} -> predictions[{embeddings: {values, statistics}}]), which report
their tokens (adapter_for picks this module for a gemini spec whose embeddings path ends :predict)."""

from __future__ import annotations

from urllib.parse import unquote

from tests.conformance.protocols.gemini import *  # noqa: F403 (every answer and reader but the embeddings')
from tests.integration.mock_server import Recorded

EMBEDDING_USAGE = True


def embeddings(vectors: list[list[float]], tokens: int | None = None) -> dict:
    """predictions in input order; the tokens spread over them (statistics.token_count each)."""
    counts = [tokens // len(vectors) + (i < tokens % len(vectors)) for i in range(len(vectors))] if tokens else []
    rows = [
        {"values": list(v)} | ({"statistics": {"token_count": counts[i]}} if counts else {})
        for i, v in enumerate(vectors)
    ]
    return {"predictions": [{"embeddings": row} for row in rows]}


def embedded(recorded: Recorded) -> tuple[str, list[str]]:
    assert recorded.path.endswith(":predict"), recorded.path
    model = unquote(recorded.path.rsplit("/models/", 1)[1].removesuffix(":predict"))
    return model, [i.get("content", i.get("text")) for i in recorded.body["instances"]]
