"""The openai_chat adapter: answers in the shapes of OpenAI's chat completions API
(platform.openai.com/docs/api-reference/chat: the chat.completion object, chat.completion.chunk
events ending in `data: [DONE]`, usage in a last chunk without choices, `{"error": {…}}` bodies),
and the neutral reading of a chat completions request. test_mocks.py has the `openai` SDK read them."""

from __future__ import annotations

import json
from typing import Any

from compiler.model import Provider
from tests.conformance.protocols import (
    filled_path,
    no_error_headers,
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
    results_by_id,
    split,
    sse,
    without_user,
)
from tests.integration.mock_server import Recorded

NAME = "openai_chat"
SENDS_USER = True
CALL_IDS = True
STOP_KEY = "stop"
REPORTS_CACHE = False
EMBEDDING_USAGE = True
STREAMS_WITHOUT_USAGE = True
EMBEDDINGS = True
FRAMING = "sse"
HEAD = {"id": "chatcmpl-1", "created": 1700000000, "model": "mock-model"}
# The `type` OpenAI's error bodies give for each status.
ERROR_TYPES = {400: "invalid_request_error", 401: "invalid_request_error", 403: "invalid_request_error"}
ERROR_TYPES |= {404: "invalid_request_error", 429: "requests", 500: "server_error", 503: "server_error"}


def usage_body(prompt: int, completion: int, cached: int | None = None) -> dict:
    out: dict[str, Any] = {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }
    if cached is not None:
        out["prompt_tokens_details"] = {"cached_tokens": cached}
    return out


def tool_call(call: Call) -> dict:
    return {"id": call.id, "type": "function", "function": {"name": call.name, "arguments": arguments(call.args)}}


def answer(*pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None) -> dict:
    text = "".join(p.text for p in pieces if isinstance(p, Text))
    reasoning = "".join(p.text for p in pieces if isinstance(p, Reasoning))
    calls = [p for p in pieces if isinstance(p, Call)]
    message: dict[str, Any] = {"role": "assistant", "content": text if text or not calls else None}
    if reasoning:
        message["reasoning_content"] = reasoning
    pictures = [p for p in pieces if isinstance(p, Picture)]
    if pictures:
        message["images"] = [image_of(p) for p in pictures]
    if calls:
        message["tool_calls"] = [tool_call(c) for c in calls]
    choice = {"index": 0, "message": message, "finish_reason": finish or ("tool_calls" if calls else "stop")}
    body = HEAD | {"object": "chat.completion", "choices": [choice]}
    return body | ({"usage": usage_body(*usage)} if usage else {})


def image_of(picture: Picture) -> dict:
    """An image of the answer as OpenRouter sends it (message.images[], delta.images[]): a data URI."""
    return {"type": "image_url", "image_url": {"url": f"data:{picture.mime};base64,{picture.data}"}}


def chunk(delta: dict, finish: str | None = None) -> dict:
    return HEAD | {
        "object": "chat.completion.chunk",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def deltas(pieces: tuple[Piece, ...]) -> list[dict]:
    """Each piece as deltas: a tool call as its head (id, name) and its arguments in two fragments."""
    out: list[dict] = []
    calls = 0
    for piece in pieces:
        if isinstance(piece, Text):
            out.append({"content": piece.text})
        elif isinstance(piece, Reasoning):
            out.append({"reasoning_content": piece.text})
        elif isinstance(piece, Picture):
            out.append({"content": "", "images": [image_of(piece)]})
        else:
            head: dict[str, Any] = {"index": calls, "function": {"name": piece.name}}
            if piece.id:
                head = head | {"id": piece.id, "type": "function", "function": {"name": piece.name, "arguments": ""}}
            fragments = [head] + [
                {"index": calls, "function": {"arguments": part}} for part in split(arguments(piece.args), 2) if part
            ]
            out.extend({"tool_calls": [fragment]} for fragment in fragments)
            calls += 1
    if out:
        out[0] = {"role": "assistant"} | out[0]
    return out


def stream(
    *pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None, end: bool = True
) -> list[str]:
    events: list[Any] = [chunk(delta) for delta in deltas(pieces)]
    if end:
        calls = any(isinstance(p, Call) for p in pieces)
        events.append(chunk({}, finish or ("tool_calls" if calls else "stop")))
        if usage:
            events.append(HEAD | {"object": "chat.completion.chunk", "choices": [], "usage": usage_body(*usage)})
        events.append("data: [DONE]\n\n")
    return sse(*events)


def with_usage(answer: dict, usage: dict | None) -> dict:
    return answer | {"usage": usage}


def error_body(status: int, message: str, code: str | None = None) -> dict:
    return {"error": {"message": message, "type": ERROR_TYPES.get(status, "api_error"), "param": None, "code": code}}


def error_event(message: str) -> str:
    return sse({"error": {"message": message, "type": "server_error", "param": None, "code": None}})[0]


error_headers = no_error_headers


def error_codes(body: dict) -> list[str]:
    error = body.get("error", body)
    return [str(error[k]) for k in ("code", "type") if error.get(k) not in (None, "")]


def models(names: list[str]) -> dict:
    return {"object": "list", "data": [{"id": n, "object": "model", "created": 0, "owned_by": "mock"} for n in names]}


def embeddings(vectors: list[list[float]], tokens: int | None = None) -> dict:
    data = [{"object": "embedding", "index": n, "embedding": v} for n, v in enumerate(vectors)]
    body = {"object": "list", "data": data, "model": "mock-embedding"}
    return body | ({"usage": {"prompt_tokens": tokens, "total_tokens": tokens}} if tokens is not None else {})


def embedded(recorded: Recorded) -> tuple[str, list[str]]:
    return recorded.body["model"], recorded.body["input"]


# ---- requests ---------------------------------------------------------------------------


def chat_path(provider: Provider, model: str, stream: bool) -> tuple[str, dict[str, str]]:
    settings = next((m.settings for m in provider.models_of("llm") if m.name == model), {})
    endpoint = "completions" if settings.get("mode") == "completion" else "chat"
    template = (
        provider.api.endpoints.get("stream") if stream and endpoint == "chat" else None
    ) or provider.api.endpoints[endpoint]
    return base_path(provider) + filled_path(provider, template, str(settings.get("api_id") or model)), {}


def read(recorded: Recorded) -> Sent:
    body = recorded.body
    messages = [message_of(m) for m in body.get("messages", [])]
    if "prompt" in body:
        messages = [("user", [("text", body["prompt"])])]
    tools = [t for t in body.get("tools") or () if t.get("type") == "function"]
    return Sent(
        model=body.get("model"),
        stream=body.get("stream") is True,
        messages=messages,
        tools=[t["function"] for t in tools],
        builtin_tools=[t for t in body.get("tools") or () if t.get("type") != "function"],
        tool_choice=body.get("tool_choice"),
        body=body,
    )


def message_of(message: dict) -> tuple[str, list[tuple]]:
    role, content = message["role"], message.get("content")
    if role == "tool":
        return role, [("result", message.get("tool_call_id"), None, content)]
    parts: list[tuple] = []
    if message.get("reasoning_content"):
        parts.append(("reasoning", message["reasoning_content"]))
    if isinstance(content, str):
        parts.append(("text", content))
    parts += [part_of(p) for p in content or () if not isinstance(content, str)]
    for call in message.get("tool_calls") or ():
        parts.append(("call", call.get("id"), call["function"]["name"], loaded(call["function"].get("arguments"))))
    return role, parts


def part_of(part: dict) -> tuple:
    kind = part["type"]
    if kind == "text":
        return ("text", part["text"])
    if kind == "image_url":
        return ("image", *inline(part["image_url"]["url"]))
    if kind == "file":
        return ("document", *inline(part["file"]["file_data"]))
    return (kind, part)


def inline(url: str) -> tuple[str, str]:
    """(media type, base64) of a data URI."""
    head, _, data = url.partition(",")
    return head.removeprefix("data:").removesuffix(";base64"), data


def loaded(arguments: Any) -> Any:
    """Tool-call arguments as JSON text, read (what is not JSON text, as it is)."""
    if not isinstance(arguments, str):
        return arguments
    try:
        return json.loads(arguments) if arguments else {}
    except ValueError:
        return arguments


seen = results_by_id
parameter_key = declared_key


def comparable(provider: Provider, body: Any) -> Any:
    """Without the end user, an image's `detail` (Dify's alone) and the spelling of tool-call JSON."""
    body = without_user(provider, body)
    for message in body.get("messages", []):
        for part in message["content"] if isinstance(message.get("content"), list) else ():
            part.get("image_url", {}).pop("detail", None)
        for call in message.get("tool_calls") or ():
            call["function"]["arguments"] = loaded(call["function"]["arguments"])
    return body


def tidied(messages: list[tuple[str, list[tuple]]]) -> list[tuple[str, list[tuple]]]:
    return messages


def replays_reasoning(provider: Provider) -> bool:
    return provider.api.reasoning_history == "reasoning_content"


def schema(body: Any) -> Any:
    """The JSON schema response_format asks the answer to match (None: none asked)."""
    asked = body.get("response_format") or {}
    return (asked.get("json_schema") or {}).get("schema") if asked.get("type") == "json_schema" else None


def draws(body: Any) -> bool:
    """OpenRouter's `modalities` with image."""
    return "image" in (body.get("modalities") or ())
