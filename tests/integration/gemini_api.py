"""Answers in the shapes of the Gemini API (ai.google.dev/api/generate-content, /api/caching,
errors at ai.google.dev/gemini-api/docs/troubleshooting), for the mock server to send.

test_gemini_mock.py reads them with the official `google-genai` SDK, so the answers the plugins are
tested against are ones a real client parses."""

from __future__ import annotations

import json
from typing import Any

from tests.integration.mock_server import Reply

USAGE = {"promptTokenCount": 12, "candidatesTokenCount": 5, "totalTokenCount": 17}


def answer(*parts: dict, finish: str = "STOP", usage: dict | None = None, model: str = "gemini-test") -> dict:
    """A generateContent response with one candidate."""
    candidate = {"content": {"role": "model", "parts": list(parts)}, "finishReason": finish, "index": 0}
    return {"candidates": [candidate], "usageMetadata": usage or USAGE, "modelVersion": model, "responseId": "r1"}


def chunk(*parts: dict) -> dict:
    """A streamed chunk without a finish reason (more follow)."""
    return {"candidates": [{"content": {"role": "model", "parts": list(parts)}, "index": 0}]}


def streamed(*chunks: dict) -> Reply:
    """streamGenerateContent?alt=sse: each chunk one `data:` event, no end marker."""
    return Reply(sse=[f"data: {json.dumps(c)}\r\n\r\n" for c in chunks])


def error(status: int, code: str, message: str) -> Reply:
    return Reply(status, {"error": {"code": status, "message": message, "status": code}})


def blocked(reason: str = "SAFETY") -> dict[str, Any]:
    return {"promptFeedback": {"blockReason": reason}, "usageMetadata": {"promptTokenCount": 2, "totalTokenCount": 2}}


# The statuses the API reference lists, with their codes.
ERRORS = [
    (400, "INVALID_ARGUMENT"),
    (400, "FAILED_PRECONDITION"),
    (403, "PERMISSION_DENIED"),
    (404, "NOT_FOUND"),
    (429, "RESOURCE_EXHAUSTED"),
    (500, "INTERNAL"),
    (503, "UNAVAILABLE"),
    (504, "DEADLINE_EXCEEDED"),
]


def embeddings(*vectors: list[float]) -> dict[str, Any]:
    """A batchEmbedContents response (ai.google.dev/api/embeddings): one entry per request, in order."""
    return {"embeddings": [{"values": list(v)} for v in vectors]}
