"""Amazon Bedrock Converse (POST /model/{modelId}/converse and /converse-stream,
docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html): requests from the
neutral form (messages.py), blocking and streamed answers folded into Completions, error bodies read.

A model id (an inference profile such as us.anthropic.claude-sonnet-4-5-20250929-v1:0, or an ARN)
goes into the path, encoded whole. The stream comes in AWS event-stream frames (eventstream.py), each
event one object named by its frame's event type; exceptions arrive as frames of their own.

Reasoning comes back as reasoningContent blocks (text and signature, or redacted bytes) that the API
wants back, unchanged, in a tool-use turn of the history: this process remembers them by the turn's
first call id (REASONING), as the Anthropic module keeps signed thinking."""

from __future__ import annotations

import json
from typing import Any

from .. import apis, config, errors, estimate, eventstream, http, text
from .. import messages as conversation
from ..errors import ProviderError, describe
from ..messages import finished_call, label, text_of
from ..parameters import encode_parameters, streamed
from ..types import Completion, Event, Request, ToolCall, Usage

# `stream` is not a body key here (the path says it), but a host's extra `stream` must not become one.
OWNED_BODY_KEYS = frozenset(("messages", "system", "toolConfig", "inferenceConfig", "stream"))
PARAMETER_KEYS = {"max_tokens": ("inferenceConfig.maxTokens", "maxTokens")}
EXTRA_KEYS: dict[str, str] = {}  # a host's free-form body keys go where they say
STOP_REASONS = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "model_context_window_exceeded": "length",
    "tool_use": "tool_calls",
    "guardrail_intervened": "content_filter",
    "content_filtered": "content_filter",
}
TOOL_CHOICES = {"auto": {"auto": {}}, "required": {"any": {}}}
# A prompt-cache checkpoint: what comes before it (the system prompt, the tools) is cached.
CACHE_POINT = {"cachePoint": {"type": "default"}}
IMAGE_FORMATS = {
    "image/png": "png",
    "image/jpeg": "jpeg",
    "image/jpg": "jpeg",
    "image/gif": "gif",
    "image/webp": "webp",
}
DOCUMENT_FORMATS = {
    "application/pdf": "pdf",
    "text/csv": "csv",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "text/html": "html",
    "text/plain": "txt",
    "text/markdown": "md",
}
# Stream exception frames, by their event type, as the error codes of the API's error bodies.
EXCEPTIONS = frozenset(
    (
        "throttlingException",
        "validationException",
        "modelStreamErrorException",
        "serviceUnavailableException",
        "internalServerException",
        "modelTimeoutException",
    )
)

# A tool-use answer's first call id -> its reasoningContent blocks as the API sent them.
REASONING = conversation.Remembered()

NAME = __name__.rsplit(".", 1)[-1]  # this protocol, as config and apis name it
# How its streams are framed: AWS event-stream frames.
Framer = eventstream.Framer
STREAM_MEDIA_TYPE = eventstream.MEDIA_TYPE


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
    """POST /model/{id}/converse (or /converse-stream): the system text as `system` blocks, the turns
    as content blocks, sampling settings in `inferenceConfig`, tools in `toolConfig`. The API has no
    end-user field, and no answer format: a host's request for JSON becomes a system instruction."""
    settings = http.model_settings(model) if settings is None else settings
    system, turns = blocks_of(conversation.normalise(messages, settings))
    body: dict[str, Any] = {"messages": turns}
    encoded = encode_parameters(parameters, settings, NAME)
    encoded.place(body)
    cache = settings.get("controls", {}) | encoded.controls
    if cache.get("cache.messages"):
        mark_latest(turns, 2)
    if response_format is not None:
        system.append({"text": conversation.format_note(response_format)})
    if system:
        body["system"] = system + ([CACHE_POINT] if cache.get("cache.system", config.PROMPT_CACHE) else [])
    if stop and settings.get("send_stop", True):
        body.setdefault("inferenceConfig", {})["stopSequences"] = list(stop)
    functions = [tool_of(t) for t in tools or ()] + encoded.tools  # built-in ones: {systemTool: {name}}
    if functions:
        marked = cache.get("cache.tools", config.PROMPT_CACHE)
        body["toolConfig"] = {"tools": functions + ([CACHE_POINT] if marked else [])}
        if tool_choice in TOOL_CHOICES:
            body["toolConfig"]["toolChoice"] = TOOL_CHOICES[tool_choice]
    path = http.model_path(apis.endpoints(NAME)["chat"], wire_of(model, settings, cache))
    if streamed(stream, parameters, settings):
        path += "-stream"
    return Request("POST", path, http.fixed_body(body, settings, chat=True), headers=encoded.headers, protocol=NAME)


def mark_latest(turns: list[dict[str, Any]], count: int) -> None:
    """A cachePoint at the end of the latest `count` user turns: the conversation up to each is
    cached (the official plugin's latest_two_messages_cache_checkpoint)."""
    for turn in [t for t in turns if t["role"] == "user" and t["content"]][-count:]:
        turn["content"].append(dict(CACHE_POINT))


def blocks_of(messages: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(system blocks, turns): the roles alternating, as the API wants them."""
    return conversation.alternating(
        messages, lambda said: {"text": said}, user_blocks, assistant_blocks, tool_result_of
    )


def user_blocks(content: Any) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"text": content}] if content else []
    parts = [part_of(part) for part in content or ()]
    return [block for block in parts if block]


def part_of(part: dict[str, Any]) -> dict[str, Any] | None:
    """A neutral part as a block: text; an image or a document as base64 bytes (the API takes no
    URLs but S3's)."""
    kind = part.get("type")
    if kind == "text":
        return {"text": part["text"]} if part.get("text") else None
    if kind == "image_url":
        media, data = inline(str((part.get("image_url") or {}).get("url", "")), "image")
        return {"image": {"format": pick(IMAGE_FORMATS, media, "image"), "source": {"bytes": data}}}
    if kind == "file":
        media, data = inline(str((part.get("file") or {}).get("file_data", "")), "document")
        found = pick(DOCUMENT_FORMATS, media, "document")
        return {"document": {"format": found, "name": document_name(part), "source": {"bytes": data}}}
    raise ProviderError("bad_request", f"{config.PROVIDER} takes no {kind} content here")


def inline(url: str, what: str) -> tuple[str, str]:
    found = conversation.data_uri(url)
    if found is None:
        raise ProviderError("bad_request", f"Bedrock takes an {what} as data, not a link: {describe(url)}")
    return found[0].lower(), found[1]


def pick(formats: dict[str, str], media: str, what: str) -> str:
    if media not in formats:
        raise ProviderError("bad_request", f"Bedrock takes no {what} of type {media} (it takes {', '.join(formats)})")
    return formats[media]


def document_name(part: dict[str, Any]) -> str:
    """A document's name as the API allows it: letters, digits, spaces, hyphens, parentheses and
    brackets, no run of spaces; its file name without the extension."""
    raw = str((part.get("file") or {}).get("filename") or "document").rsplit(".", 1)[0]
    kept = "".join(c if c.isalnum() or c in " -()[]" else " " for c in raw)
    return " ".join(kept.split())[:200] or "document"


def assistant_blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    """An assistant turn: its reasoning blocks (a tool-use turn this process answered), text, then
    toolUse blocks."""
    calls = message.get("tool_calls") or []
    blocks: list[dict[str, Any]] = list(REASONING.of_turn(message) or ())
    answer = text_of(message.get("content"))
    if answer:
        blocks.append({"text": answer})
    for call in calls:
        function = call.get("function") or {}
        arguments = conversation.call_arguments(function.get("arguments"))
        blocks.append({"toolUse": {"toolUseId": call.get("id"), "name": function.get("name", ""), "input": arguments}})
    return blocks


def tool_result_of(message: dict[str, Any]) -> dict[str, Any]:
    content = text_of(message.get("content"))
    return {"toolResult": {"toolUseId": message.get("tool_call_id"), "content": [{"text": content}]}}


def tool_of(function_tool: dict[str, Any]) -> dict[str, Any]:
    function = function_tool.get("function") or {}
    spec = {"name": function.get("name", ""), "inputSchema": {"json": function.get("parameters") or {"type": "object"}}}
    if function.get("description"):
        spec["description"] = function["description"]
    return {"toolSpec": spec}


def wire_of(model: str, settings: dict[str, Any], controls: dict[str, Any]) -> str:
    """The id a request names: the one the `model` control picks (a family's select), else the
    model's; under the inference profile the `profile` control's rule picks for the region. The
    model's settings hold its selects' defaults, which a host that sends none (MaiBot) gets."""
    controls = settings.get("controls", {}) | controls
    return profiled(controls.get("model") or http.wire_id(model, settings), controls.get("profile"), settings)


def profiled(wire: str, rule: dict[str, list[str]] | None, settings: dict[str, Any]) -> str:
    """The id a request names for the base model `wire` under a cross-region rule (a `profile`
    control's value: region prefix -> the profile prefixes to try, '' the bare id; None: the bare id),
    from the region the request goes to (settings' `region`): the rule's longest region prefix that
    matches, then its first prefix the id has (config.PROFILES, '*' for ids not listed)."""
    if not rule:
        return wire
    region = str(settings.get("region") or "")
    has = config.PROFILES.get(wire, config.PROFILES.get("*", ("",)))
    matching = [key for key in rule if region.startswith(key)]
    tried = rule[max(matching, key=len)] if matching else []
    for prefix in tried:
        if prefix in has:
            return f"{prefix}.{wire}" if prefix else wire
    offered = ", ".join(p or "the bare id" for p in has) or "none"
    raise ProviderError(
        "bad_request",
        f"this cross-region setting has no inference profile of {wire} from {region or 'this region'}"
        f" (tried: {', '.join(p or 'the bare id' for p in tried) or 'none'}; the model has: {offered})",
    )


def validation_request(model: str, call_model: bool = False, settings: dict[str, Any] | None = None) -> Request:
    """A one-token Converse call of the model (the runtime endpoint has no model list)."""
    wire = wire_of(model, http.model_settings(model) if settings is None else settings, {})
    body = {"messages": [{"role": "user", "content": [{"text": "ping"}]}], "inferenceConfig": {"maxTokens": 1}}
    return Request("POST", http.model_path(apis.endpoints(NAME)["chat"], wire), body, protocol=NAME)


def account_headers(organization: str, project: str) -> dict[str, str]:
    """Bedrock has no organization or project headers."""
    return {}


class ErrorFields:
    """An error body ({"message"} or {"Message"}, maybe "__type"), with the error type AWS sends in
    the x-amzn-ErrorType header ("ThrottlingException:http://internal.amazon.com/…")."""

    def __call__(self, payload: Any) -> tuple[list[str], str]:
        if not isinstance(payload, dict):
            return [], str(payload)
        codes = [short_type(payload[k]) for k in ("__type", "code") if isinstance(payload.get(k), str)]
        message = payload.get("message") or payload.get("Message") or json.dumps(payload)
        return [code for code in codes if code], str(message)

    def from_headers(self, payload: dict[str, Any], headers: Any) -> dict[str, Any]:
        found = headers.get("x-amzn-ErrorType") if headers is not None else None
        return {**payload, "__type": found} if found and "__type" not in payload else payload


error_fields = ErrorFields()


def short_type(raw: str) -> str:
    """An AWS error type without its namespace and URL: ThrottlingException."""
    return raw.split(":", 1)[0].rsplit("#", 1)[-1].strip()


# ---- answers ----------------------------------------------------------------------------


def parse_completion(payload: Any) -> Completion:
    """A blocking answer: output.message's content blocks in order."""
    payload = errors.json_object(payload, error_fields)
    message = (payload.get("output") or {}).get("message") if isinstance(payload.get("output"), dict) else None
    blocks = message.get("content") if isinstance(message, dict) else None
    if not isinstance(blocks, list):
        raise ProviderError("server_unavailable", f"response has no output message: {describe(payload)}")
    answer = Answer(keep_text=True)
    for index, block in enumerate(blocks):
        if isinstance(block, dict):
            answer.whole(index, block)
    answer.usage = usage_of(payload.get("usage"))
    answer.finish_reason = finish_of(payload.get("stopReason"))
    return answer.completion(None)


def finish_of(reason: Any) -> str | None:
    return STOP_REASONS.get(reason, label(reason)) if reason else None


def usage_of(raw: Any) -> Usage | None:
    """Input tokens with the cache's (written and read), output tokens, and the cache reads."""
    if not isinstance(raw, dict):
        return None
    fresh, read, written = (raw.get(k) or 0 for k in ("inputTokens", "cacheReadInputTokens", "cacheWriteInputTokens"))
    produced = raw.get("outputTokens")
    if not all(isinstance(n, int) for n in (fresh, read, written, produced)):
        return None
    return Usage(fresh + read + written, produced, read if "cacheReadInputTokens" in raw else None)


class Answer:
    """Content blocks by index, whole or in deltas: text, reasoning (kept for replay), tool calls."""

    def __init__(self, keep_text: bool) -> None:
        self.reasoning: dict[int, dict[str, Any]] = {}  # reasoningContent blocks by index
        self.calls: dict[int, tuple[str | None, str, list[str]]] = {}
        self.content_parts: list[str] = []
        self.reasoning_parts: list[str] = []
        self.usage: Usage | None = None
        self.finish_reason: str | None = None
        self.counted = None if keep_text else estimate.TextTally()

    def whole(self, index: int, block: dict[str, Any]) -> None:
        if "text" in block:
            self.keep("", str(block.get("text") or ""))
        elif isinstance(block.get("reasoningContent"), dict):
            reasoning = block["reasoningContent"]
            said = (reasoning.get("reasoningText") or {}).get("text") or ""
            self.reasoning[index] = reasoning
            self.keep(str(said), "")
        elif isinstance(block.get("toolUse"), dict):
            use = block["toolUse"]
            self.calls[index] = (use.get("toolUseId"), use.get("name") or "", [json.dumps(use.get("input") or {})])

    def delta(self, index: Any, delta: dict[str, Any]) -> tuple[str, str]:
        if "text" in delta:
            return self.keep("", str(delta.get("text") or ""))
        if isinstance(delta.get("toolUse"), dict) and index in self.calls:
            self.calls[index][2].append(str(delta["toolUse"].get("input") or ""))
        elif isinstance(delta.get("reasoningContent"), dict):
            return self.reasoning_delta(index, delta["reasoningContent"])
        return "", ""

    def reasoning_delta(self, index: Any, delta: dict[str, Any]) -> tuple[str, str]:
        block = self.reasoning.setdefault(index, {})
        if "redactedContent" in delta:
            block["redactedContent"] = str(block.get("redactedContent") or "") + str(delta["redactedContent"] or "")
            return "", ""
        said = block.setdefault("reasoningText", {"text": ""})
        if "signature" in delta:
            said["signature"] = str(said.get("signature") or "") + str(delta["signature"] or "")
            return "", ""
        piece = str(delta.get("text") or "")
        said["text"] += piece
        return self.keep(piece, "")

    def keep(self, reasoning: str, content: str) -> tuple[str, str]:
        if self.counted is not None:
            self.counted.add(reasoning or content)
        elif reasoning:
            self.reasoning_parts.append(reasoning)
        else:
            self.content_parts.append(content)
        return reasoning, content

    def completion(self, response_id: str | None) -> Completion:
        calls: list[ToolCall] = [
            finished_call(call_id, name, "".join(parts)) for _, (call_id, name, parts) in sorted(self.calls.items())
        ]
        replay = [{"reasoningContent": block} for _, block in sorted(self.reasoning.items()) if replayable(block)]
        if len(replay) == len(self.reasoning):
            REASONING.keep_turn(calls, replay)
        return Completion(
            content=text.valid("".join(self.content_parts)),
            reasoning=text.valid("".join(self.reasoning_parts)),
            tool_calls=calls,
            usage=self.usage,
            finish_reason=self.finish_reason or ("tool_calls" if calls else "stop"),
            response_id=response_id,
            counted=self.counted,
        )


def replayable(block: dict[str, Any]) -> bool:
    """A reasoning block the history can carry: signed text, or redacted content."""
    return bool(block.get("redactedContent") or (block.get("reasoningText") or {}).get("signature"))


class StreamAssembler:
    """Folds the stream's events (messageStart, contentBlockStart/Delta/Stop, messageStop, metadata)
    into deltas and one answer; an exception frame raises its typed error. With keep_text=False the
    text is only counted (for the token estimate), not kept."""

    def __init__(self, keep_text: bool = True) -> None:
        self.answer = Answer(keep_text)
        self.stopped = False

    def feed(self, event: Event) -> tuple[str, str]:
        """(reasoning delta, content delta) of one event."""
        name, data = event
        payload = http.event_object(data)
        if name == "contentBlockDelta":
            return self.answer.delta(payload.get("contentBlockIndex"), payload.get("delta") or {})
        if name == "contentBlockStart":
            start = (payload.get("start") or {}).get("toolUse")
            if isinstance(start, dict):
                self.answer.calls[payload.get("contentBlockIndex")] = (
                    start.get("toolUseId"),
                    start.get("name") or "",
                    [],
                )
        elif name == "messageStop":
            self.answer.finish_reason = finish_of(payload.get("stopReason"))
            self.stopped = True
        elif name == "metadata":
            self.answer.usage = usage_of(payload.get("usage")) or self.answer.usage
        elif name in EXCEPTIONS or name[:1].isupper():
            raise errors.from_payload({**payload, "__type": name[:1].upper() + name[1:]}, fields=error_fields)
        return "", ""

    def finish(self) -> Completion:
        """The assembled answer; a stream cut before messageStop is a connection error (metadata,
        with the usage, may follow it or not)."""
        if not self.stopped:
            raise ProviderError("connection", "the stream ended before the response was complete")
        return self.answer.completion(None)
