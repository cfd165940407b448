"""The openai_responses adapter: answers in the shapes of OpenAI's Responses API
(platform.openai.com/docs/api-reference/responses: the response object and its output items, the
streaming events response.created … response.completed, `{"error": {…}}` bodies as chat completions
has them), and the neutral reading of a Responses request. test_openai_responses_mock.py has the
`openai` SDK read them; the item builders serve test_openai_responses.py."""

from __future__ import annotations

import json
from typing import Any

from compiler.model import Provider
from tests.conformance.protocols import (
    USAGE,
    Call,
    Picture,
    Piece,
    Reasoning,
    Sent,
    Text,
    arguments,
    base_path,
    declared_key,
    dig,
    results_by_id,
    split,
    without_user,
)
from tests.conformance.protocols.openai_chat import (
    ERROR_TYPES,
    error_body,
    error_codes,
    error_headers,
    inline,
    loaded,
    models,
)
from tests.integration.mock_server import Recorded, Reply

NAME = "openai_responses"
SENDS_USER = True
CALL_IDS = True
STOP_KEY = None  # the API takes no stop sequences: never sent
REPORTS_CACHE = True  # usage always has input_tokens_details.cached_tokens
EMBEDDING_USAGE = False
STREAMS_WITHOUT_USAGE = True  # the response's usage may be null
EMBEDDINGS = False
FRAMING = "sse"
INCOMPLETE = {"length": "max_output_tokens", "content_filter": "content_filter"}
__all__ = ["ERROR_TYPES", "error_body", "error_codes", "error_headers", "models"]


def usage_body(prompt: int, completion: int, cached: int | None = None) -> dict:
    return {
        "input_tokens": prompt,
        "input_tokens_details": {"cached_tokens": cached or 0},
        "output_tokens": completion,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": prompt + completion,
    }


def message(value: str, item_id: str = "msg_mock") -> dict[str, Any]:
    content = [{"type": "output_text", "text": value, "annotations": []}]
    return {"type": "message", "id": item_id, "status": "completed", "role": "assistant", "content": content}


def reasoning(summary: str, encrypted: str, item_id: str = "rs_mock") -> dict[str, Any]:
    """A reasoning item with its summary and, as a stateless request asks, its encrypted content."""
    parts = [{"type": "summary_text", "text": summary}] if summary else []
    return {"type": "reasoning", "id": item_id, "summary": parts, "encrypted_content": encrypted}


def function_call(call_id: str, name: str, args: str, item_id: str = "fc_mock") -> dict[str, Any]:
    return {"type": "function_call", "id": item_id, "call_id": call_id, "name": name, "arguments": args}


def response(*output: dict, usage: dict | None = None, status: str = "completed", reason: str | None = None) -> dict:
    """A response object with these output items."""
    return {
        "id": "resp_mock",
        "object": "response",
        "created_at": 1700000000,
        "status": status,
        "model": "mock-model",
        "output": list(output),
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "error": None,
        "incomplete_details": {"reason": reason} if reason else None,
        "usage": usage,
    }


def items_of(pieces: tuple[Piece, ...]) -> list[tuple[dict[str, Any], list[str]]]:
    """(item, its deltas): pieces of one kind in a row make one item, one delta each; reasoning is
    encrypted; a call without id gets one (the API always gives one)."""
    out: list[tuple[dict[str, Any], list[str]]] = []
    for n, piece in enumerate(pieces):
        if isinstance(piece, Call):
            args = arguments(piece.args)
            item = function_call(piece.id or f"call_mock{n:02d}", piece.name, args, f"fc_mock{n:02d}")
            out.append((item, [part for part in split(args, 2) if part]))
        elif isinstance(piece, Picture):
            out.append((image_call(piece, f"ig_mock{n:02d}"), []))
        elif out and out[-1][0]["type"] == ("message" if isinstance(piece, Text) else "reasoning"):
            out[-1][1].append(piece.text)
        elif isinstance(piece, Text):
            out.append((message("", f"msg_mock{n:02d}"), [piece.text]))
        else:
            out.append((reasoning("", f"enc-mock-{n}", f"rs_mock{n:02d}"), [piece.text]))
    for item, parts in out:
        if item["type"] == "message":
            item["content"][0]["text"] = "".join(parts)
        elif item["type"] == "reasoning":
            item["summary"] = [{"type": "summary_text", "text": "".join(parts)}]
    return out


def image_call(picture: Picture, item_id: str) -> dict[str, Any]:
    """An image_generation_call output item: the image_generation tool's result, base64."""
    output_format = picture.mime.split("/", 1)[1]
    return {
        "type": "image_generation_call",
        "id": item_id,
        "status": "completed",
        "result": picture.data,
        "output_format": output_format,
        "background": "opaque",
        "quality": "medium",
        "size": "1024x1024",
    }


def answer(*pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None) -> dict:
    reason = INCOMPLETE.get(finish or "")
    items = [item for item, _ in items_of(pieces)]
    return response(
        *items,
        usage=usage_body(*usage) if usage else None,
        status="incomplete" if reason else "completed",
        reason=reason,
    )


def event(payload: dict[str, Any]) -> str:
    return f"event: {payload['type']}\ndata: {json.dumps(payload)}\n\n"


def item_events(index: int, item: dict[str, Any], parts: list[str]) -> list[dict[str, Any]]:
    """One output item's events, from output_item.added to output_item.done."""
    kind, at = item["type"], {"item_id": item["id"], "output_index": index}
    empty = {**item, "content": [], "summary": [], "arguments": ""}
    empty = {k: v for k, v in empty.items() if k in item} | ({"result": None} if "result" in item else {})
    out = [{"type": "response.output_item.added", "output_index": index, "item": empty | {"status": "in_progress"}}]
    if kind == "image_generation_call":
        out += [{"type": f"response.image_generation_call.{step}", **at} for step in ("in_progress", "generating")]
        preview = {
            "partial_image_index": 0,
            "partial_image_b64": item["result"],
            "output_format": item["output_format"],
        }
        out.append({"type": "response.image_generation_call.partial_image", **at, **preview})
        out.append({"type": "response.image_generation_call.completed", **at})
    elif kind == "message":
        part = {"type": "output_text", "text": "", "annotations": []}
        out.append({"type": "response.content_part.added", **at, "content_index": 0, "part": part})
        out += [
            {"type": "response.output_text.delta", **at, "content_index": 0, "delta": p, "logprobs": []} for p in parts
        ]
        whole = item["content"][0]
        out.append(
            {"type": "response.output_text.done", **at, "content_index": 0, "text": whole["text"], "logprobs": []}
        )
        out.append({"type": "response.content_part.done", **at, "content_index": 0, "part": whole})
    elif kind == "reasoning":
        part = {"type": "summary_text", "text": ""}
        out.append({"type": "response.reasoning_summary_part.added", **at, "summary_index": 0, "part": part})
        out += [{"type": "response.reasoning_summary_text.delta", **at, "summary_index": 0, "delta": p} for p in parts]
        whole = item["summary"][0]
        out.append({"type": "response.reasoning_summary_text.done", **at, "summary_index": 0, "text": whole["text"]})
        out.append({"type": "response.reasoning_summary_part.done", **at, "summary_index": 0, "part": whole})
    else:
        out += [{"type": "response.function_call_arguments.delta", **at, "delta": p} for p in parts]
        done = {"arguments": item["arguments"], "name": item["name"]}
        out.append({"type": "response.function_call_arguments.done", **at, **done})
    return out + [{"type": "response.output_item.done", "output_index": index, "item": item}]


def events_from(final: dict[str, Any], items: list[tuple[dict[str, Any], list[str]]], end: bool) -> list[str]:
    """The events of the response `final` with these items and deltas, numbered; without `end`, the
    stream stops before its closing event."""
    opening = {**final, "status": "in_progress", "output": [], "usage": None, "incomplete_details": None}
    payloads = [
        {"type": "response.created", "response": opening},
        {"type": "response.in_progress", "response": opening},
    ]
    for index, (item, parts) in enumerate(items):
        payloads += item_events(index, item, parts)
    if end:
        closing = "response.incomplete" if final["status"] == "incomplete" else "response.completed"
        payloads.append({"type": closing, "response": final})
    return [event(payload | {"sequence_number": n}) for n, payload in enumerate(payloads)]


def stream(
    *pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None, end: bool = True
) -> list[str]:
    return events_from(answer(*pieces, usage=usage, finish=finish), items_of(pieces), end)


def events_of(final: dict[str, Any], pieces: int = 2, end: bool = True) -> list[str]:
    """The events of a blocking `final` response streamed, each text, summary and arguments in `pieces` deltas."""
    items = []
    for item in final["output"]:
        whole = {"message": lambda: item["content"][0]["text"], "reasoning": lambda: item["summary"][0]["text"]}
        value = whole.get(item["type"], lambda: item["arguments"])()
        items.append((item, split(value, pieces)))
    return events_from(final, items, end)


def streamed(final: dict[str, Any], **options: Any) -> Reply:
    return Reply(sse=events_of(final, **options))


def error_event(message: str) -> str:
    """The stream's `error` event (the API's server failing mid-answer)."""
    return event({"type": "error", "code": "server_error", "message": message, "param": None, "sequence_number": 9})


def failed_event(code: str, message: str) -> str:
    """response.failed: the response ended in an error."""
    failed = response(status="failed") | {"error": {"code": code, "message": message}}
    return event({"type": "response.failed", "response": failed, "sequence_number": 9})


# ---- requests ---------------------------------------------------------------------------


def chat_path(provider: Provider, model: str, stream: bool) -> tuple[str, dict[str, str]]:
    return base_path(provider) + provider.api.endpoints["chat"], {}


def read(recorded: Recorded) -> Sent:
    body = recorded.body
    messages: list[tuple[str, list[tuple]]] = []
    if body.get("instructions"):
        messages.append(("system", [("text", body["instructions"])]))
    items = body.get("input") or []
    for item in [{"role": "user", "content": items}] if isinstance(items, str) else items:
        role, parts = item_of(item)
        if messages and role == "assistant" and messages[-1][0] == "assistant":
            messages[-1] = (role, messages[-1][1] + parts)
        else:
            messages.append((role, parts))
    tools = body.get("tools") or []
    functions = [t for t in tools if t.get("type") == "function"]
    return Sent(
        model=body.get("model"),
        stream=body.get("stream") is True,
        messages=messages,
        tools=[{k: t[k] for k in ("name", "description", "parameters") if k in t} for t in functions],
        builtin_tools=[t for t in tools if t not in functions],
        tool_choice=body.get("tool_choice"),
        body=body,
    )


def item_of(item: dict) -> tuple[str, list[tuple]]:
    """An input item as (role, parts): calls and reasoning are the assistant's, outputs the tool's."""
    kind = item.get("type", "message")
    if kind == "function_call":
        return "assistant", [("call", item["call_id"], item["name"], loaded(item.get("arguments")))]
    if kind == "function_call_output":
        return "tool", [("result", item["call_id"], None, item["output"])]
    if kind == "reasoning":
        return "assistant", [("reasoning", "".join(s.get("text", "") for s in item.get("summary") or ()))]
    content = item.get("content")
    if isinstance(content, str):
        return item["role"], [("text", content)]
    return item["role"], [part_of(p) for p in content or ()]


def part_of(part: dict) -> tuple:
    kind = part["type"]
    if kind in ("input_text", "output_text"):
        return ("text", part["text"])
    if kind == "input_image":
        return ("image", *inline(part["image_url"]))
    if kind == "input_file":
        return ("document", *inline(part["file_data"]))
    return (kind, part)


seen = results_by_id
parameter_key = declared_key


def comparable(provider: Provider, body: Any) -> Any:
    """Without the end user, an image's `detail` (Dify's alone) and the spelling of call arguments."""
    body = without_user(provider, body)
    for item in body.get("input", []):
        for part in item["content"] if isinstance(item.get("content"), list) else ():
            part.pop("detail", None)
        if item.get("type") == "function_call":
            item["arguments"] = loaded(item["arguments"])
    return body


def tidied(messages: list[tuple[str, list[tuple]]]) -> list[tuple[str, list[tuple]]]:
    """An assistant turn's empty text is not sent (its calls are items of their own)."""
    out = []
    for role, parts in messages:
        if role == "assistant":
            parts = [part for part in parts if part != ("text", "")]
            if not parts:
                continue
        out.append((role, parts))
    return out


def replays_reasoning(provider: Provider) -> bool:
    """Only encrypted reasoning items this process received go back (test_openai_responses.py),
    never a host's reasoning text."""
    return False


def embeddings(vectors: list[list[float]], tokens: int | None = None) -> dict:
    raise NotImplementedError("the Responses API has no embeddings")


def embedded(recorded: Recorded) -> tuple[str, list[str]]:
    raise NotImplementedError("the Responses API has no embeddings")


def schema(body: Any) -> Any:
    """The JSON schema text.format asks the answer to match (None: none asked)."""
    asked = dig(body, "text.format") or {}
    return asked.get("schema") if asked.get("type") == "json_schema" else None


def draws(body: Any) -> bool:
    """The image_generation built-in tool among `tools`."""
    return any(tool.get("type") == "image_generation" for tool in body.get("tools") or ())
