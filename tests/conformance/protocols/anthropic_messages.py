"""The anthropic_messages adapter: answers in the shapes of Anthropic's Messages API
(docs.anthropic.com/en/api/messages, /en/docs/build-with-claude/streaming, /en/api/errors: content
blocks, the message_start … message_stop events, `{"type": "error", "error": {…}}` bodies), and the
neutral reading of a Messages request. test_mocks.py has the `anthropic` SDK read them; the builders
of single blocks (signed and redacted thinking) serve test_anthropic_messages.py."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote

from compiler.model import Provider
from tests.conformance.protocols import (
    filled_path,
    no_error_headers,
    USAGE,
    Call,
    Picture,
    Piece,
    Sent,
    Text,
    base_path,
    dig,
    declared_key,
    joined_turns,
    results_by_id,
    split,
    turns_of,
    without_user,
)
from tests.integration.mock_server import Recorded, Reply

NAME = "anthropic_messages"
SENDS_USER = True  # metadata.user_id
CALL_IDS = True
STOP_KEY = "stop_sequences"
REPORTS_CACHE = True
EMBEDDING_USAGE = False
STREAMS_WITHOUT_USAGE = False
EMBEDDINGS = False
FRAMING = "sse"
STOP_REASONS = {"stop": "end_turn", "tool_calls": "tool_use", "length": "max_tokens"}
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


def usage_body(prompt: int, completion: int, cached: int | None = None) -> dict:
    read = cached or 0
    return {
        "input_tokens": prompt - read,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": read,
        "output_tokens": completion,
    }


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
    """A blocking answer of these blocks."""
    return {
        "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": list(blocks),
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": usage or usage_body(*USAGE),
    }


def blocks_of(pieces: tuple[Piece, ...]) -> list[tuple[dict[str, Any], list[str]]]:
    """(block, its deltas' texts): pieces of one kind in a row make one block, one delta each;
    thinking is signed, as the API signs it; a call without id gets one (the API always gives one)."""
    out: list[tuple[dict[str, Any], list[str]]] = []
    for n, piece in enumerate(pieces):
        assert not isinstance(piece, Picture), "Messages answers have no images"
        if isinstance(piece, Call):
            out.append((tool_use(piece.id or f"toolu_mock{n:02d}", piece.name, piece.args or {}), []))
        elif out and out[-1][0]["type"] == ("text" if isinstance(piece, Text) else "thinking"):
            out[-1][1].append(piece.text)
        else:
            out.append((text("") if isinstance(piece, Text) else thinking("", f"sig-mock-{n}"), [piece.text]))
    for block, parts in out:
        if block["type"] in ("text", "thinking"):
            block[block["type"]] = "".join(parts)
    return out


def answer(*pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None) -> dict:
    calls = any(isinstance(p, Call) for p in pieces)
    body = message(
        *(block for block, _ in blocks_of(pieces)),
        stop_reason=STOP_REASONS[finish or ("tool_calls" if calls else "stop")],
    )
    return with_usage(body, usage_body(*usage) if usage else None)


def event(name: str, payload: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(payload)}\n\n"


def events_from(head: dict[str, Any], blocks: list[tuple[dict[str, Any], list[str]]], stop: bool) -> list[str]:
    """The events of the message `head` (its stop reason and usage) with these blocks and deltas: a
    signature_delta after thinking, a ping, output usage in message_delta; without `stop`, the stream
    ends before message_stop."""
    usage = head.get("usage")
    start = {**head, "content": [], "stop_reason": None}
    if usage:
        start["usage"] = {**usage, "output_tokens": 1}
    out = [event("message_start", {"type": "message_start", "message": start}), event("ping", {"type": "ping"})]
    for index, (block, parts) in enumerate(blocks):
        kind = block["type"]
        empty = {"text": text(""), "thinking": {"type": "thinking", "thinking": "", "signature": ""}}.get(kind, block)
        if kind == "tool_use":
            empty = {**block, "input": {}}
        out.append(
            event("content_block_start", {"type": "content_block_start", "index": index, "content_block": empty})
        )
        if kind == "text":
            deltas = [{"type": "text_delta", "text": part} for part in parts]
        elif kind == "thinking":
            deltas = [{"type": "thinking_delta", "thinking": part} for part in parts]
            deltas.append({"type": "signature_delta", "signature": block["signature"]})
        elif kind == "tool_use":
            deltas = [{"type": "input_json_delta", "partial_json": part} for part in ["", *parts]]
        else:
            deltas = []  # redacted thinking comes whole, in content_block_start
        for delta in deltas:
            out.append(event("content_block_delta", {"type": "content_block_delta", "index": index, "delta": delta}))
        out.append(event("content_block_stop", {"type": "content_block_stop", "index": index}))
    final = {"stop_reason": head["stop_reason"], "stop_sequence": None}
    delta_usage = {"output_tokens": usage["output_tokens"]} if usage else {}
    out.append(event("message_delta", {"type": "message_delta", "delta": final, "usage": delta_usage}))
    if stop:
        out.append(event("message_stop", {"type": "message_stop"}))
    return out


def events_of(answer: dict[str, Any], pieces: int = 2, stop: bool = True) -> list[str]:
    """The events of a blocking `answer` streamed, each text, thinking and tool input in `pieces` deltas."""
    blocks = []
    for block in answer["content"]:
        value = {"text": block.get("text"), "thinking": block.get("thinking")}.get(block["type"])
        if block["type"] == "tool_use":
            value = json.dumps(block["input"])
        blocks.append((block, split(value, pieces) if value is not None else []))
    return events_from(answer, blocks, stop)


def streamed(answer: dict[str, Any], **options: Any) -> Reply:
    return Reply(sse=events_of(answer, **options))


def stream(
    *pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None, end: bool = True
) -> list[str]:
    if usage is None:
        raise ValueError("the Messages API's streams always report usage (its SDK reads none without)")
    blocks = blocks_of(pieces)
    for block, parts in blocks:
        if block["type"] == "tool_use":
            parts.extend(split(json.dumps(block["input"]), 2))
    return events_from(answer(*pieces, usage=usage, finish=finish), blocks, end)


def with_usage(answer: dict, usage: dict | None) -> dict:
    return answer | {"usage": usage} if usage else {k: v for k, v in answer.items() if k != "usage"}


def error_body(status: int, message: str, code: str | None = None) -> dict:
    kind = code or dict(ERRORS).get(status, "api_error")
    return {"type": "error", "error": {"type": kind, "message": message}, "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}


def error(status: int, kind: str, message: str) -> Reply:
    return Reply(status, error_body(status, message, kind))


def stream_error(kind: str, message: str) -> str:
    """An error event in the middle of a stream (e.g. overloaded_error)."""
    return event("error", error_body(500, message, kind))


def error_event(message: str) -> str:
    return stream_error("api_error", message)


error_headers = no_error_headers


def error_codes(body: dict) -> list[str]:
    return [body["error"]["type"]]


def models(names: list[str]) -> dict:
    data = [{"type": "model", "id": n, "display_name": n, "created_at": "2025-01-01T00:00:00Z"} for n in names]
    return {"data": data, "has_more": False, "first_id": names[0], "last_id": names[-1]}


# ---- requests ---------------------------------------------------------------------------


def chat_path(provider: Provider, model: str, stream: bool) -> tuple[str, dict[str, str]]:
    """The chat path (a stream's own where the spec names one: Vertex's :streamRawPredict)."""
    endpoints = provider.api.endpoints
    template = (endpoints.get("stream") if stream else None) or endpoints["chat"]
    return base_path(provider) + filled_path(provider, template, model), {}


def read(recorded: Recorded) -> Sent:
    body = recorded.body
    system = body.get("system")
    messages = []
    if system:
        blocks = [text(system)] if isinstance(system, str) else system
        messages.append(("system", [("text", b["text"]) for b in blocks]))
    for turn in body.get("messages", []):
        content = turn["content"]
        parts = [("text", content)] if isinstance(content, str) else [part_of(b) for b in content]
        messages += turns_of(turn["role"], parts)
    tools = body.get("tools") or []
    functions = [t for t in tools if "type" not in t or t["type"] == "custom"]
    named = re.search(r"/models/([^/:]+):\w+$", recorded.path)  # Vertex: the model in the path alone
    return Sent(
        model=body.get("model") or (unquote(named.group(1)) if named else None),
        stream=body.get("stream") is True,
        messages=messages,
        tools=[{k: v for k, v in tool_function(t).items() if v is not None} for t in functions],
        builtin_tools=[t for t in tools if t not in functions],
        tool_choice={"any": "required"}.get(
            (body.get("tool_choice") or {}).get("type"), (body.get("tool_choice") or {}).get("type")
        ),
        body=body,
    )


def tool_function(tool: dict) -> dict:
    return {"name": tool["name"], "description": tool.get("description"), "parameters": tool["input_schema"]}


def part_of(block: dict) -> tuple:
    kind = block["type"]
    if kind == "text":
        return ("text", block["text"])
    if kind in ("image", "document"):
        source = block["source"]
        return (kind, source.get("media_type"), source.get("data")) if source["type"] == "base64" else (kind, source)
    if kind == "tool_use":
        return ("call", block["id"], block["name"], block["input"])
    if kind == "tool_result":
        content = block.get("content")
        shown = content if isinstance(content, str) else "".join(b.get("text", "") for b in content or ())
        return ("result", block["tool_use_id"], None, shown)
    if kind == "thinking":
        return ("reasoning", block["thinking"])
    return (kind, block)


seen = results_by_id
comparable = without_user
parameter_key = declared_key
tidied = joined_turns  # the API takes no empty turns, and one turn per role in a row


def replays_reasoning(provider: Provider) -> bool:
    """Only signed thinking this process received goes back (test_anthropic_messages.py), never a
    host's reasoning text."""
    return False


def embeddings(vectors: list[list[float]], tokens: int | None = None) -> dict:
    raise NotImplementedError("the Messages API has no embeddings")


def embedded(recorded: Recorded) -> tuple[str, list[str]]:
    raise NotImplementedError("the Messages API has no embeddings")


def schema(body: Any) -> Any:
    """The JSON schema output_config.format asks the answer to match (structured outputs; None: none)."""
    asked = dig(body, "output_config.format") or {}
    return asked.get("schema") if asked.get("type") == "json_schema" else None


def draws(body: Any) -> bool:
    """The Messages API answers with no images."""
    return False
