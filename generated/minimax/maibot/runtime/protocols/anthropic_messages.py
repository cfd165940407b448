"""Anthropic Messages (POST /v1/messages), spoken by Anthropic and by providers with an
Anthropic-compatible endpoint: requests from the neutral form (messages.py), blocking and streamed
answers folded into Completions, error bodies read.

Every Anthropic-specific key, block type and stream event lives here (runtime/protocols.py: the seam).

Extended thinking comes back as `thinking` (and `redacted_thinking`) blocks that the API wants back,
unchanged, in a tool-use turn of the history. The hosts keep neither signatures nor redacted data,
so this process remembers the thinking blocks of each answer that called tools, by its first call's
id (THINKING); a tool-use turn whose blocks are not known (another process made it) is sent without
them, and then the request asks for no thinking, which the API allows."""

from __future__ import annotations

import json
from typing import Any

from .. import apis, config, errors, estimate, http, sse, text
from .. import messages as conversation
from ..errors import ProviderError, describe
from ..messages import finished_call, label, text_of
from ..parameters import bare_schema, encode_parameters, streamed
from ..types import Completion, Event, Request, ToolCall, Usage

OWNED_BODY_KEYS = frozenset(("max_tokens", "messages", "model", "stream", "system", "tools", "tool_choice"))
PARAMETER_KEYS = {"max_tokens": ("max_tokens",)}
EXTRA_KEYS: dict[str, str] = {}  # a host's free-form body keys go where they say
error_fields = errors.error_fields  # {"type": "error", "error": {"type", "message"}}

STOP_REASONS = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "pause_turn": "stop",
    "max_tokens": "length",
    "model_context_window_exceeded": "length",
    "tool_use": "tool_calls",
    "refusal": "content_filter",
}
TOOL_CHOICES = {"auto": {"type": "auto"}, "required": {"type": "any"}, "none": {"type": "none"}}
DEFAULT_MAX_TOKENS = 4096
CACHE = {"type": "ephemeral"}
MAX_CACHE_POINTS = 4  # blocks with cache_control in one request
# Conversation block type -> the cache setting (a parameter's `controls`) that marks it.
CACHED_BLOCKS = {"image": "cache.images", "document": "cache.documents", "tool_result": "cache.tool_results"}

# A tool-use answer's first call id -> its thinking blocks as the API sent them.
THINKING = conversation.Remembered()

NAME = __name__.rsplit(".", 1)[-1]  # this protocol, as config and apis name it
# How its streams are framed: server-sent events.
Framer = sse.Framer
STREAM_MEDIA_TYPE = sse.MEDIA_TYPE


def replayable(block: dict[str, Any]) -> dict[str, Any] | None:
    """A thinking block as the history must carry it; None when it cannot be (no signature)."""
    if block.get("type") == "redacted_thinking":
        return {"type": "redacted_thinking", "data": block["data"]} if block.get("data") else None
    if block.get("type") == "thinking" and block.get("signature"):
        return {"type": "thinking", "thinking": block.get("thinking") or "", "signature": block["signature"]}
    return None


# ---- requests ---------------------------------------------------------------------------


def chat_request(
    model: str,
    messages: list[dict[str, Any]],
    parameters: dict[str, Any],
    tools: list[dict[str, Any]] | None = None,
    stop: list[str] | None = None,
    stream: bool = False,
    user: str | None = None,
    tool_choice: str = "auto",
    response_format: tuple[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
) -> Request:
    """POST /v1/messages: system text as the top-level `system`, the turns as content blocks,
    max_tokens always (the model's default when the user set none). The API has no response_format:
    a json_schema rule's schema goes as output_config.format (structured outputs); a host's request
    for JSON becomes an instruction in the system prompt (Anthropic-compatible endpoints that lack
    structured outputs follow it too)."""
    settings = http.model_settings(model) if settings is None else settings
    system, turns, unsigned = blocks_of(conversation.normalise(messages, settings))
    body: dict[str, Any] = {"model": http.wire_id(model, settings), "messages": turns}
    encoded = encode_parameters(parameters, settings, NAME)
    encoded.place(body)
    if encoded.tools:
        body["tools"] = list(encoded.tools)
    cache = encoded.controls
    if system:
        marked = cache.get("cache.system", config.PROMPT_CACHE)
        body["system"] = system if marked else "\n\n".join(block["text"] for block in system)
    body["max_tokens"] = body.get("max_tokens") or settings.get("max_output_tokens") or DEFAULT_MAX_TOKENS
    if unsigned and isinstance(body.get("thinking"), dict) and body["thinking"].get("type") == "enabled":
        del body["thinking"]  # a tool-use turn whose signed thinking this process never saw
    body["stream"] = streamed(stream, parameters, settings)
    if tools:
        body["tools"] = [tool_of(t) for t in tools] + encoded.tools
        body["tool_choice"] = TOOL_CHOICES.get(tool_choice, {"type": "auto"})
    if stop and settings.get("send_stop", True):
        body["stop_sequences"] = list(stop)
    http.put_user(body, user)
    if encoded.output and encoded.output[0] == "json_schema":  # a json_schema rule: structured outputs
        schema = bare_schema(encoded.output[1])
        body.setdefault("output_config", {})["format"] = {"type": "json_schema", "schema": schema}
    if response_format is not None:
        body["system"] = with_format_note(body.get("system"), response_format)
    mark_cache(body, cache)
    path = located(body, body["stream"])
    return Request("POST", path, http.fixed_body(body, settings, True, NAME), headers=encoded.headers, protocol=NAME)


def located(body: dict[str, Any], stream: bool) -> str:
    """The chat path (a stream's own when the spec names one: Vertex's :streamRawPredict). A path
    that names the model (Vertex: publishers/anthropic/models/{model}:rawPredict) takes it out of the
    body, which then has none."""
    endpoints = apis.endpoints(NAME)
    path = (endpoints.get("stream") if stream else None) or endpoints["chat"]
    return http.model_path(path, body.pop("model")) if "{model}" in path else path


def mark_cache(body: dict[str, Any], cache: dict[str, Any]) -> None:
    """Prompt caching: cache_control on the blocks the cache settings name (without parameters that
    steer them: the system prompt and the tools when the spec's api.prompt_cache is on). The API takes
    at most four: the tools' and the system's (one each, at their end: a prefix is cached up to its
    mark) come first, then the latest marked blocks of the conversation, which cache the longest prefix."""
    marker = dict(CACHE, ttl=cache["cache.ttl"]) if cache.get("cache.ttl") else CACHE
    points = MAX_CACHE_POINTS
    if body.get("tools") and cache.get("cache.tools", config.PROMPT_CACHE):
        body["tools"][-1] = {**body["tools"][-1], "cache_control": marker}
        points -= 1
    if isinstance(body.get("system"), list) and cache.get("cache.system", config.PROMPT_CACHE):
        body["system"][-1] = {**body["system"][-1], "cache_control": marker}
        points -= 1
    kinds = {kind for kind, setting in CACHED_BLOCKS.items() if cache.get(setting)}
    words = cache.get("cache.long_messages") or 0
    if not kinds and words <= 0:
        return
    chosen = [
        block
        for turn in body["messages"]
        for block in turn["content"]
        if block["type"] in kinds or (words > 0 and block["type"] == "text" and len(block["text"].split()) > words)
    ]
    for block in chosen[len(chosen) - points :] if points > 0 else ():
        block["cache_control"] = marker


def with_format_note(system: Any, response_format: tuple[str, Any]) -> Any:
    """A host's JSON answer request, as an instruction (the API has no response_format)."""
    note = conversation.format_note(response_format)
    if isinstance(system, list):
        return system + [{"type": "text", "text": note}]
    return f"{system}\n\n{note}" if system else note


def blocks_of(messages: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    """(system blocks, turns, whether a tool-use turn lost its signed thinking: another process
    answered it)."""
    system, turns = conversation.alternating(
        messages, lambda said: {"type": "text", "text": said}, user_blocks, assistant_blocks, tool_result_of
    )
    lost = any(m.get("role") == "assistant" and m.get("tool_calls") and THINKING.of_turn(m) is None for m in messages)
    return system, turns, lost


def user_blocks(content: Any) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"type": "text", "text": content}] if content else []
    return [block for part in content or () if (block := part_of(part))]


def part_of(part: dict[str, Any]) -> dict[str, Any] | None:
    """A neutral content part as a block: text, image (data URI or URL), document (PDF)."""
    kind = part.get("type")
    if kind == "text":
        return {"type": "text", "text": part.get("text", "")} if part.get("text") else None
    if kind == "image_url":
        return {"type": "image", "source": source_of((part.get("image_url") or {}).get("url", ""))}
    if kind == "file":
        return {"type": "document", "source": source_of((part.get("file") or {}).get("file_data", ""))}
    raise ProviderError("bad_request", f"{config.PROVIDER} takes no {kind} content here")


def source_of(url: str) -> dict[str, Any]:
    """A data URI as a base64 source, anything else as a URL source."""
    inline = conversation.data_uri(url)
    if inline:
        return {"type": "base64", "media_type": inline[0], "data": inline[1]}
    return {"type": "url", "url": url}


def assistant_blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    """An assistant turn: its thinking blocks (a tool-use turn this process answered), text, then
    tool_use blocks."""
    calls = message.get("tool_calls") or []
    blocks: list[dict[str, Any]] = list(THINKING.of_turn(message) or ())
    answer = text_of(message.get("content"))
    if answer:
        blocks.append({"type": "text", "text": answer})
    for call in calls:
        function = call.get("function") or {}
        blocks.append(
            {
                "type": "tool_use",
                "id": call.get("id"),
                "name": function.get("name", ""),
                "input": conversation.call_arguments(function.get("arguments")),
            }
        )
    return blocks


def tool_result_of(message: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "tool_result",
        "tool_use_id": message.get("tool_call_id"),
        "content": text_of(message.get("content")),
    }


def tool_of(function_tool: dict[str, Any]) -> dict[str, Any]:
    function = function_tool.get("function") or {}
    out = {"name": function.get("name", ""), "input_schema": function.get("parameters") or {"type": "object"}}
    if function.get("description"):
        out["description"] = function["description"]
    return out


def validation_request(model: str, call_model: bool = False, settings: dict[str, Any] | None = None) -> Request:
    """GET the model list, or (when the spec has none, or the model itself must answer) a one-token
    message."""
    if apis.endpoints(NAME).get("models") and not call_model:
        return Request("GET", apis.endpoints(NAME)["models"], protocol=NAME)
    wire = http.wire_id(model, http.model_settings(model) if settings is None else settings)
    body = {"model": wire, "max_tokens": 1, "messages": [{"role": "user", "content": "ping"}]}
    path = located(body, False)
    return Request("POST", path, http.fixed_body(body, {}, True, NAME), protocol=NAME)


def account_headers(organization: str, project: str) -> dict[str, str]:
    """Anthropic has no organization or project headers."""
    return {}


# ---- answers ----------------------------------------------------------------------------


def parse_completion(payload: Any) -> Completion:
    """A blocking answer: its content blocks in order."""
    payload = errors.json_object(payload)  # an error body raises here
    blocks = payload.get("content")
    if not isinstance(blocks, list):
        raise ProviderError("server_unavailable", f"response has no content: {describe(payload)}")
    content, reasoning, calls, thinking = [], [], [], []
    for block in blocks:
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "text":
            content.append(block.get("text") or "")
        elif kind in ("thinking", "redacted_thinking"):
            reasoning.append(block.get("thinking") or "")
            thinking.append(replayable(block))
        elif kind == "tool_use":
            calls.append(finished_call(block.get("id"), block.get("name") or "", json.dumps(block.get("input") or {})))
    if all(thinking):
        THINKING.keep_turn(calls, thinking)
    return Completion(
        content=text.valid("".join(content)),
        reasoning=text.valid("".join(reasoning)),
        tool_calls=calls,
        usage=usage_of(payload.get("usage")),
        finish_reason=finish_of(payload.get("stop_reason")),
        response_id=label(payload.get("id")),
    )


def finish_of(reason: Any) -> str | None:
    return STOP_REASONS.get(reason, label(reason)) if reason else None


def usage_of(raw: Any, output: Any = None) -> Usage | None:
    """Input tokens with the cache's (created and read), output tokens, and the cache reads."""
    if not isinstance(raw, dict):
        return None
    fresh, read, created = (
        raw.get(k) or 0 for k in ("input_tokens", "cache_read_input_tokens", "cache_creation_input_tokens")
    )
    produced = raw.get("output_tokens") if output is None else output
    if not all(isinstance(n, int) for n in (fresh, read, created, produced)):
        return None
    return Usage(fresh + read + created, produced, read if "cache_read_input_tokens" in raw else None)


class StreamAssembler:
    """Folds the stream's events (message_start, content_block_*, message_delta, message_stop) into
    deltas and one answer; a tool call's input_json_delta fragments join into its arguments.

    With keep_text=False the text is only counted (for the token estimate), not kept."""

    def __init__(self, keep_text: bool = True) -> None:
        self.blocks: dict[int, dict[str, Any]] = {}  # thinking blocks by index, as they arrive
        self.calls: dict[int, tuple[str | None, str, list[str]]] = {}
        self.input: dict[str, Any] | None = None
        self.output_tokens: int | None = None
        self.finish_reason: str | None = None
        self.response_id: str | None = None
        self.done = False
        self.content_parts: list[str] = []
        self.reasoning_parts: list[str] = []
        self.counted = None if keep_text else estimate.TextTally()

    def feed(self, event: Event) -> tuple[str, str]:
        """(reasoning delta, content delta) of one event."""
        name, data = event
        payload = http.event_object(data)
        kind = payload.get("type") or name
        if kind == "content_block_delta":
            return self.delta(payload.get("index"), payload.get("delta") or {})
        if kind == "message_start":
            message = payload.get("message") or {}
            self.response_id = label(message.get("id"))
            self.input = message.get("usage") if isinstance(message.get("usage"), dict) else None
        elif kind == "content_block_start":
            self.start(payload.get("index"), payload.get("content_block") or {})
        elif kind == "message_delta":
            delta, usage = payload.get("delta") or {}, payload.get("usage") or {}
            if delta.get("stop_reason"):
                self.finish_reason = finish_of(delta["stop_reason"])
            if isinstance(usage.get("output_tokens"), int):
                self.output_tokens = usage["output_tokens"]
            if self.input is not None:  # cache counts may come late too
                self.input = {**self.input, **{k: v for k, v in usage.items() if k != "output_tokens"}}
        elif kind == "message_stop":
            self.done = True
        elif kind == "error":
            raise errors.from_payload(payload)
        return "", ""

    def start(self, index: Any, block: dict[str, Any]) -> None:
        kind = block.get("type")
        if kind == "tool_use":
            self.calls[index] = (block.get("id"), block.get("name") or "", [])
            if block.get("input"):
                self.calls[index][2].append(json.dumps(block["input"]))
        elif kind == "thinking":
            self.blocks[index] = {"type": kind, "thinking": block.get("thinking") or "", "signature": ""}
        elif kind == "redacted_thinking":
            self.blocks[index] = {"type": kind, "data": block.get("data") or ""}

    def delta(self, index: Any, delta: dict[str, Any]) -> tuple[str, str]:
        kind = delta.get("type")
        if kind == "text_delta":
            return self.keep("", delta.get("text") or "")
        if kind == "thinking_delta":
            piece = delta.get("thinking") or ""
            block = self.blocks.setdefault(index, {"type": "thinking", "thinking": "", "signature": ""})
            block["thinking"] += piece
            return self.keep(piece, "")
        if kind == "signature_delta":
            block = self.blocks.setdefault(index, {"type": "thinking", "thinking": "", "signature": ""})
            block["signature"] += delta.get("signature") or ""
        elif kind == "input_json_delta" and index in self.calls:
            self.calls[index][2].append(delta.get("partial_json") or "")
        return "", ""

    def keep(self, reasoning: str, content: str) -> tuple[str, str]:
        if self.counted is not None:
            self.counted.add(reasoning or content)
        elif reasoning:
            self.reasoning_parts.append(reasoning)
        else:
            self.content_parts.append(content)
        return reasoning, content

    def finish(self) -> Completion:
        """The assembled answer; a stream cut before message_stop is a connection error."""
        if not self.done:
            raise ProviderError("connection", "the stream ended before the response was complete")
        calls: list[ToolCall] = [
            finished_call(call_id, name, "".join(parts)) for _, (call_id, name, parts) in sorted(self.calls.items())
        ]
        thinking = [replayable(block) for _, block in sorted(self.blocks.items())]
        if all(thinking):
            THINKING.keep_turn(calls, thinking)
        usage = usage_of(self.input, self.output_tokens) if self.output_tokens is not None else None
        return Completion(
            content=text.valid("".join(self.content_parts)),
            reasoning=text.valid("".join(self.reasoning_parts)),
            tool_calls=calls,
            usage=usage,
            finish_reason=self.finish_reason or ("tool_calls" if calls else "stop"),
            response_id=self.response_id,
            counted=self.counted,
        )
