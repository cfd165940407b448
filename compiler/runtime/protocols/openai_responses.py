"""OpenAI Responses (POST /responses), OpenAI's newest API, also served by Azure OpenAI, OpenRouter,
Ollama and vLLM: requests from the neutral form (messages.py), output items and stream events folded
into Completions, error bodies (the chat completions shape) read.

Every Responses-specific key, item type and stream event lives here (protocols/__init__.py: the seam).

Requests are stateless (`store: false`), so a reasoning model's reasoning items come back encrypted
(`include: ["reasoning.encrypted_content"]`) and the API wants them back, unchanged, beside the
function calls of a tool turn. The hosts keep no such items, so this process remembers the reasoning
items of each answer that called tools by its first call's id (REASONING), as anthropic_messages
remembers signed thinking; a tool turn whose items are not known is sent without them."""

from __future__ import annotations

import json
from typing import Any

from .. import apis, config, errors, estimate, http, images, sse, text
from .. import messages as conversation
from ..errors import ProviderError, describe
from ..messages import arguments_text, finished_call, label, text_of
from ..parameters import bare_schema, encode_parameters, host_output, streamed
from ..types import Completion, Event, Request, ToolCall, Usage

OWNED_BODY_KEYS = frozenset(("include", "input", "instructions", "model", "store", "stream", "text", "tools"))
PARAMETER_KEYS = {"max_tokens": ("max_output_tokens",)}
EXTRA_KEYS: dict[str, str] = {}  # a host's free-form body keys go where they say
error_fields = errors.error_fields  # {"error": {"code", "type", "message"}}, as chat completions

IMAGE_TOOL = {"type": "image_generation"}
INCOMPLETE = {"max_output_tokens": "length"}  # content_filter: an error (errors.content_filtered)

# A tool turn's first call id -> the reasoning items of that answer, as the API sent them.
REASONING = conversation.Remembered()

NAME = __name__.rsplit(".", 1)[-1]  # this protocol, as config and apis name it
# How its streams are framed: server-sent events.
Framer = sse.Framer
STREAM_MEDIA_TYPE = sse.MEDIA_TYPE


def replayable(item: dict[str, Any]) -> dict[str, Any] | None:
    """A reasoning item as the history must carry it (None without its encrypted content)."""
    if not item.get("encrypted_content"):
        return None
    kept = {"type": "reasoning", "summary": item.get("summary") or [], "encrypted_content": item["encrypted_content"]}
    return {"id": item["id"], **kept} if item.get("id") else kept


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
    """POST /responses: system text as `instructions`, the turns as input items, stateless with the
    reasoning returned encrypted. The API takes no stop sequences: they are not sent."""
    settings = http.model_settings(model) if settings is None else settings
    stream = streamed(stream, parameters, settings)
    instructions, items = items_of(conversation.normalise(messages, settings))
    body: dict[str, Any] = {"model": http.wire_id(model, settings), "input": items}
    if instructions:
        body["instructions"] = instructions
    body["stream"] = stream
    body["store"] = False
    body["include"] = ["reasoning.encrypted_content"]
    encoded = encode_parameters(parameters, settings, NAME)
    encoded.place(body)
    output = host_output(response_format) if response_format is not None else encoded.output
    if output is not None:
        body.setdefault("text", {})["format"] = format_of(*output)
    if encoded.tools:
        body["tools"] = list(encoded.tools)
    if tools:
        body["tools"] = [tool_of(t) for t in tools] + encoded.tools
        body["tool_choice"] = tool_choice
    if "image" in settings.get("output_modalities", ()) and IMAGE_TOOL not in body.get("tools", ()):
        body["tools"] = body.get("tools", []) + [IMAGE_TOOL]  # the model draws through this built-in tool
    http.put_user(body, user)
    return Request(
        "POST",
        http.model_path(apis.endpoints(NAME)["chat"], body["model"]),  # Azure's deployments
        http.fixed_body(body, settings, chat=True),
        headers=encoded.headers,
        protocol=NAME,
    )


def format_of(kind: str, schema: dict[str, Any] | None) -> dict[str, Any]:
    """An answer format as text.format: json_schema flat, with its name (`response` when unnamed)."""
    if schema is None:
        return {"type": kind}
    bare = bare_schema(schema)
    named = {k: v for k, v in schema.items() if k != "schema"} if bare is not schema else {"name": "response"}
    return {"type": "json_schema", **named, "schema": bare}


def items_of(messages: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """(instructions, input items): system texts joined; a tool turn's known reasoning items, then its
    function_call items; each tool result a function_call_output item."""
    system: list[str] = []
    items: list[dict[str, Any]] = []
    for message in messages:
        role = message.get("role")
        if role == "system":
            system.append(text_of(message.get("content")))
        elif role == "tool":
            output = text_of(message.get("content"))
            items.append({"type": "function_call_output", "call_id": message.get("tool_call_id"), "output": output})
        elif role == "assistant":
            items += assistant_items(message)
        else:
            items.append({"role": "user", "content": user_parts(message.get("content"))})
    return "\n\n".join(s for s in system if s), items


def user_parts(content: Any) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"type": "input_text", "text": content}]
    return [part_of(part) for part in content or ()]


def part_of(part: dict[str, Any]) -> dict[str, Any]:
    """A neutral content part as an input part: text, image (URL or data URI), file (a data URI)."""
    kind = part.get("type")
    if kind == "text":
        return {"type": "input_text", "text": part.get("text", "")}
    if kind == "image_url":
        image = part.get("image_url") or {}
        return {"type": "input_image", "image_url": image.get("url", ""), "detail": image.get("detail") or "auto"}
    if kind == "file":
        document = part.get("file") or {}
        return {"type": "input_file", "file_data": document.get("file_data", ""), "filename": document.get("filename")}
    raise ProviderError("bad_request", f"{config.PROVIDER} takes no {kind} content here")


def assistant_items(message: dict[str, Any]) -> list[dict[str, Any]]:
    """An assistant turn: the reasoning items this process kept for its calls, its text as an
    assistant message, then a function_call item per call."""
    calls = message.get("tool_calls") or []
    items: list[dict[str, Any]] = list(REASONING.of_turn(message) or ())
    answer = text_of(message.get("content"))
    if answer:
        items.append({"role": "assistant", "content": answer})
    for call in calls:
        function = call.get("function") or {}
        arguments = arguments_text(function.get("arguments")) or "{}"
        items.append(
            {
                "type": "function_call",
                "call_id": call.get("id"),
                "name": function.get("name", ""),
                "arguments": arguments,
            }
        )
    return items


def tool_of(function_tool: dict[str, Any]) -> dict[str, Any]:
    """A neutral function tool as a Responses function tool (flat: name, parameters at the top)."""
    function = function_tool.get("function") or {}
    out = {
        "type": "function",
        "name": function.get("name", ""),
        "parameters": function.get("parameters") or {"type": "object"},
    }
    if function.get("description"):
        out["description"] = function["description"]
    return out


def validation_request(model: str, call_model: bool = False, settings: dict[str, Any] | None = None) -> Request:
    """GET the model list, or (when the spec has none, or the model itself must answer) a short
    response (the API's least max_output_tokens is 16)."""
    if apis.endpoints(NAME).get("models") and not call_model:
        return Request("GET", apis.endpoints(NAME)["models"], protocol=NAME)
    wire = http.wire_id(model, http.model_settings(model) if settings is None else settings)
    body = {"model": wire, "input": "ping", "max_output_tokens": 16, "store": False}
    return Request("POST", http.model_path(apis.endpoints(NAME)["chat"], wire), body, protocol=NAME)


account_headers = conversation.openai_account_headers


# ---- answers ----------------------------------------------------------------------------


def parse_completion(payload: Any) -> Completion:
    """A blocking answer: its output items in order."""
    payload = errors.json_object(payload)  # an error body raises here
    output = payload.get("output")
    if not isinstance(output, list):
        raise ProviderError("server_unavailable", f"response has no output: {describe(payload)}")
    content, reasoning, calls, kept = [], [], [], []
    gallery = images.Gallery()
    for item in output:
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "message":
            content.append(message_text(item))
        elif kind == "reasoning":
            reasoning.append(summary_text(item))
            kept.append(replayable(item))
        elif kind == "function_call":
            calls.append(
                finished_call(item.get("call_id"), item.get("name") or "", arguments_text(item.get("arguments")))
            )
        elif kind == "image_generation_call":
            add_image(gallery, item)
    if all(kept):
        REASONING.keep_turn(calls, kept)
    return Completion(
        content=text.valid("".join(content)),
        reasoning=text.valid("".join(reasoning)),
        tool_calls=calls,
        images=gallery.images,
        usage=usage_of(payload.get("usage")),
        finish_reason=finish_of(payload, calls),
        response_id=label(payload.get("id")),
    )


def add_image(gallery: images.Gallery, item: dict[str, Any]) -> None:
    """An image_generation_call item's image (`result`, base64 in its `output_format`); a call the
    API refused (moderation) is a bad request with its reason."""
    if item.get("result") is None and (item.get("status") == "failed" or item.get("error")):
        error = item.get("error") if isinstance(item.get("error"), dict) else {}
        message = error.get("message") or "the image could not be generated"
        raise ProviderError("bad_request", f"image generation failed: {message}", code=label(error.get("code")))
    output_format = item.get("output_format")
    gallery.add(f"image/{output_format}" if isinstance(output_format, str) else None, item.get("result"))


def message_text(item: dict[str, Any]) -> str:
    """An output message's text (output_text parts; a refusal's text as well)."""
    parts = item.get("content") if isinstance(item.get("content"), list) else []
    return "".join(p.get("text") or p.get("refusal") or "" for p in parts if isinstance(p, dict))


def summary_text(item: dict[str, Any]) -> str:
    parts = item.get("summary") if isinstance(item.get("summary"), list) else []
    return "\n\n".join(p.get("text") or "" for p in parts if isinstance(p, dict))


def finish_of(response: dict[str, Any], calls: list[ToolCall]) -> str:
    """An answer's finish reason: an incomplete one's reason, tool calls, else stop. One the content
    filter stopped is an error: what came of it is not the answer."""
    if response.get("status") == "incomplete":
        reason = (response.get("incomplete_details") or {}).get("reason")
        if reason == "content_filter":
            raise errors.content_filtered(response.get("content_filters"), "answer")
        return INCOMPLETE.get(reason, label(reason) or "length")
    return "tool_calls" if calls else "stop"


def usage_of(raw: Any) -> Usage | None:
    """Input tokens (cached ones included, and reported), output tokens (reasoning ones included)."""
    if not isinstance(raw, dict):
        return None
    prompt, produced = raw.get("input_tokens"), raw.get("output_tokens")
    if not isinstance(prompt, int) or not isinstance(produced, int):
        return None
    details = raw.get("input_tokens_details") if isinstance(raw.get("input_tokens_details"), dict) else {}
    cached = details.get("cached_tokens")
    return Usage(prompt, produced, cached if isinstance(cached, int) else None)


class StreamAssembler:
    """Folds the stream's events (response.created … response.completed) into deltas and one answer:
    text and reasoning-summary deltas as they come, function calls from their items (arguments from
    their deltas when the item brings none), the usage and finish from the closing response.

    With keep_text=False the text is only counted (for the token estimate), not kept."""

    def __init__(self, keep_text: bool = True) -> None:
        self.items: dict[int, dict[str, Any]] = {}  # function_call and reasoning items by output index
        self.arguments: dict[int, list[str]] = {}
        self.response: dict[str, Any] | None = None  # the closing response (completed or incomplete)
        self.response_id: str | None = None
        self.content_parts: list[str] = []
        self.reasoning_parts: list[str] = []
        self.counted = None if keep_text else estimate.TextTally()
        self.gallery = images.Gallery()

    def feed(self, event: Event) -> tuple[str, str]:
        """(reasoning delta, content delta) of one event."""
        name, data = event
        payload = http.event_object(data)
        kind = payload.get("type") or name
        if kind in ("response.output_text.delta", "response.refusal.delta"):
            return self.keep("", payload.get("delta") or "")
        if kind == "response.reasoning_summary_text.delta":
            return self.keep(payload.get("delta") or "", "")
        if kind == "response.reasoning_summary_part.added" and payload.get("summary_index"):
            return self.keep("\n\n", "")  # a later summary part, set apart as a blocking answer's
        if kind == "response.function_call_arguments.delta":
            self.arguments.setdefault(payload.get("output_index"), []).append(payload.get("delta") or "")
        elif kind in ("response.output_item.added", "response.output_item.done"):
            item = payload.get("item") or {}
            if item.get("type") in ("function_call", "reasoning"):
                self.items[payload.get("output_index")] = item
            elif item.get("type") == "image_generation_call" and kind == "response.output_item.done":
                add_image(self.gallery, item)  # partial_image events are previews: the final image is here
        elif kind == "response.created":
            self.response_id = label((payload.get("response") or {}).get("id"))
        elif kind in ("response.completed", "response.incomplete"):
            self.response = payload.get("response") or {}
        elif kind == "response.failed":
            raise errors.from_payload({"error": (payload.get("response") or {}).get("error") or {"message": "failed"}})
        elif kind == "error":
            raise errors.from_payload(payload)
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
        """The assembled answer; a stream cut before its closing response is a connection error."""
        if self.response is None:
            raise ProviderError("connection", "the stream ended before the response was complete")
        calls, kept = [], []
        for index, item in sorted(self.items.items(), key=lambda pair: pair[0] if isinstance(pair[0], int) else -1):
            if item.get("type") == "reasoning":
                kept.append(replayable(item))
                continue
            arguments = arguments_text(item.get("arguments")) or "".join(self.arguments.get(index, ()))
            calls.append(finished_call(item.get("call_id"), item.get("name") or "", arguments))
        if all(kept):
            REASONING.keep_turn(calls, kept)
        return Completion(
            content=text.valid("".join(self.content_parts)),
            reasoning=text.valid("".join(self.reasoning_parts)),
            tool_calls=calls,
            images=self.gallery.images,
            usage=usage_of(self.response.get("usage")),
            finish_reason=finish_of(self.response, calls),
            response_id=self.response_id or label(self.response.get("id")),
            counted=self.counted,
        )
