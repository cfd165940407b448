"""Answers in the shapes of Anthropic's Messages API (docs.anthropic.com/en/api/messages,
/en/docs/build-with-claude/streaming, /en/api/errors), for the mock server to send.

test_anthropic_mock.py reads every shape here with the official `anthropic` SDK, so the answers the
plugins are tested against are ones a real client parses."""

from __future__ import annotations

import json
from typing import Any

from tests.integration.mock_server import Reply

USAGE = {"input_tokens": 25, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 12}


def text(value: str) -> dict[str, Any]:
    return {"type": "text", "text": value}


def thinking(value: str, signature: str) -> dict[str, Any]:
    return {"type": "thinking", "thinking": value, "signature": signature}


def redacted_thinking(data: str) -> dict[str, Any]:
    return {"type": "redacted_thinking", "data": data}


def tool_use(call_id: str, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"type": "tool_use", "id": call_id, "name": name, "input": arguments}


def message(
    *blocks: dict[str, Any], stop_reason: str = "end_turn", usage: dict | None = None, model: str = "claude"
) -> dict[str, Any]:
    """A blocking answer."""
    return {
        "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": list(blocks),
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": usage or USAGE,
    }


def event(name: str, payload: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(payload)}\n\n"


def stream(answer: dict[str, Any], pieces: int = 2, stop: bool = True) -> list[str]:
    """The events of a streamed `answer` (a message()), as the API sends them: each text, thinking
    and tool input split into `pieces` deltas, a signature_delta after thinking, a ping, and output
    usage in message_delta; without `stop`, the stream ends before message_stop."""
    usage = answer["usage"]
    start = {**answer, "content": [], "stop_reason": None, "usage": {**usage, "output_tokens": 1}}
    out = [event("message_start", {"type": "message_start", "message": start}), event("ping", {"type": "ping"})]
    for index, block in enumerate(answer["content"]):
        kind = block["type"]
        empty = {"text": text(""), "thinking": {"type": "thinking", "thinking": ""}}.get(kind)
        if kind in ("tool_use", "redacted_thinking"):
            empty = {**block, "input": {}} if kind == "tool_use" else block
        out.append(
            event("content_block_start", {"type": "content_block_start", "index": index, "content_block": empty})
        )
        if kind == "text":
            deltas = [{"type": "text_delta", "text": part} for part in split(block["text"], pieces)]
        elif kind == "thinking":
            deltas = [{"type": "thinking_delta", "thinking": part} for part in split(block["thinking"], pieces)]
            deltas.append({"type": "signature_delta", "signature": block["signature"]})
        elif kind == "redacted_thinking":
            deltas = []  # it comes whole, in content_block_start
        else:
            arguments = json.dumps(block["input"])
            deltas = [{"type": "input_json_delta", "partial_json": part} for part in ["", *split(arguments, pieces)]]
        for delta in deltas:
            out.append(event("content_block_delta", {"type": "content_block_delta", "index": index, "delta": delta}))
        out.append(event("content_block_stop", {"type": "content_block_stop", "index": index}))
    final = {"stop_reason": answer["stop_reason"], "stop_sequence": None}
    out.append(
        event(
            "message_delta",
            {"type": "message_delta", "delta": final, "usage": {"output_tokens": usage["output_tokens"]}},
        )
    )
    if stop:
        out.append(event("message_stop", {"type": "message_stop"}))
    return out


def split(value: str, pieces: int) -> list[str]:
    size = max(1, -(-len(value) // pieces))
    return [value[i : i + size] for i in range(0, len(value), size)] or [""]


def error_body(kind: str, message: str) -> dict[str, Any]:
    return {"type": "error", "error": {"type": kind, "message": message}, "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}


def error(status: int, kind: str, message: str) -> Reply:
    return Reply(status, error_body(kind, message))


def stream_error(kind: str, message: str) -> str:
    """An error event in the middle of a stream (e.g. overloaded_error)."""
    return event("error", error_body(kind, message))


def streamed(answer: dict[str, Any], **options: Any) -> Reply:
    return Reply(sse=stream(answer, **options))


# Every status the API reference lists, with its error type.
ERRORS = [
    (400, "invalid_request_error"),
    (401, "authentication_error"),
    (403, "permission_error"),
    (404, "not_found_error"),
    (413, "request_too_large"),
    (429, "rate_limit_error"),
    (500, "api_error"),
    (529, "overloaded_error"),
]
