"""Gemini (POST /v1beta/models/{model}:generateContent, :streamGenerateContent?alt=sse): requests
from the neutral form (messages.py), blocking and streamed answers folded into Completions, error
bodies read.

Every Gemini-specific key, path and part type lives here (runtime/protocols.py: the seam).

Function calls may carry a `thoughtSignature` the API wants back on the same part in the history;
the hosts keep no such thing, so this process remembers them by call id (SIGNATURES), as
anthropic_messages does for thinking blocks."""

from __future__ import annotations

import json
import uuid
from typing import Any

from .. import apis, config, errors, estimate, http, images, sse, text
from .. import messages as conversation
from ..errors import ProviderError, describe
from ..messages import finished_call, label, text_of
from ..parameters import bare_schema, encode_parameters, host_output, streamed
from ..types import Completion, Event, Request, ToolCall, Usage

# `stream` is not a body key here (the path says it), but a host's extra `stream` must not become one.
OWNED_BODY_KEYS = frozenset(("contents", "systemInstruction", "tools", "toolConfig", "generationConfig", "stream"))
# A host's free-form body keys that generateContent takes under generationConfig, by its own names
# (MaiBot's extra_params `seed`, as MaiBot's own Gemini client sends it).
EXTRA_KEYS = {
    "seed": "generationConfig.seed",
    "temperature": "generationConfig.temperature",
    "top_p": "generationConfig.topP",
    "top_k": "generationConfig.topK",
    "max_tokens": "generationConfig.maxOutputTokens",
    "presence_penalty": "generationConfig.presencePenalty",
    "frequency_penalty": "generationConfig.frequencyPenalty",
}
PARAMETER_KEYS = {"max_tokens": ("max_tokens", "maxOutputTokens", "generationConfig.maxOutputTokens")}
FINISH_REASONS = {"STOP": "stop", "MAX_TOKENS": "length"}
BLOCKED = {"SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "LANGUAGE"}
TOOL_MODES = {"auto": "AUTO", "required": "ANY", "none": "NONE"}
# The JSON Schema keywords Gemini's function declarations and response schemas take; others are
# dropped ($schema, $ref, $defs, additionalProperties, default, examples, const, …).
SCHEMA_KEYS = frozenset(
    (
        "type",
        "format",
        "title",
        "description",
        "nullable",
        "enum",
        "properties",
        "required",
        "items",
        "minItems",
        "maxItems",
        "minimum",
        "maximum",
        "minLength",
        "maxLength",
        "pattern",
        "anyOf",
        "propertyOrdering",
        "minProperties",
        "maxProperties",
    )
)

# A function call's id -> the thoughtSignature that came with it.
SIGNATURES = conversation.Remembered()

NAME = __name__.rsplit(".", 1)[-1]  # this protocol, as config and apis name it
# How its streams are framed: server-sent events.
Framer = sse.Framer
STREAM_MEDIA_TYPE = sse.MEDIA_TYPE


def remember(call_id: str, signature: Any) -> None:
    if isinstance(signature, str) and signature:
        SIGNATURES.keep(call_id, signature)


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
    """generateContent (streamGenerateContent with alt=sse): system text as systemInstruction, the
    turns as contents with parts, sampling settings in generationConfig. Gemini has no end-user
    field, so `user` is not sent."""
    settings = http.model_settings(model) if settings is None else settings
    system, contents = contents_of(conversation.normalise(messages, settings))
    body: dict[str, Any] = {"contents": contents}
    if system:
        body["systemInstruction"] = {"parts": [{"text": system}]}
    encoded = encode_parameters(parameters, settings, NAME)  # sampling settings are keyed under generationConfig
    encoded.place(body)
    if encoded.tools:
        body["tools"] = list(encoded.tools)
    generation = body.setdefault("generationConfig", {})
    output = host_output(response_format) if response_format is not None else encoded.output  # the host's wins
    if output is not None:
        put_format(generation, *output)
    if stop and settings.get("send_stop", True):
        generation["stopSequences"] = list(stop)
    if "image" in settings.get("output_modalities", ()):
        generation["responseModalities"] = [modality.upper() for modality in settings["output_modalities"]]
    if not generation:
        del body["generationConfig"]
    if tools:
        declarations = [declaration_of(t) for t in tools]
        body["tools"] = [{"functionDeclarations": declarations}] + encoded.tools
        body["toolConfig"] = {"functionCallingConfig": {"mode": TOOL_MODES.get(tool_choice, "AUTO")}}
    path = apis.endpoints(NAME)["chat"].replace("{model}", http.wire_id(model, settings))
    if streamed(stream, parameters, settings):
        path = path.replace(":generateContent", ":streamGenerateContent")
        query = {"alt": "sse"}
        return Request(
            "POST",
            path,
            http.fixed_body(body, settings, True, NAME),
            query=query,
            headers=encoded.headers,
            protocol=NAME,
        )
    return Request("POST", path, http.fixed_body(body, settings, True, NAME), headers=encoded.headers, protocol=NAME)


def put_format(generation: dict[str, Any], kind: str, schema: dict[str, Any] | None) -> None:
    """An answer format as Gemini's JSON answer settings."""
    if kind in ("json_object", "json_schema"):
        generation["responseMimeType"] = "application/json"
    if kind == "json_schema":
        generation["responseSchema"] = schema_of(bare_schema(schema or {}))


def contents_of(messages: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """(system text, contents): tool results become functionResponse parts named after the call
    they answer; turns of one role in a row become one."""
    system: list[str] = []
    names: dict[Any, str] = {}
    contents: list[dict[str, Any]] = []
    for message in messages:
        role = message.get("role")
        if role == "system":
            system.append(text_of(message.get("content")))
            continue
        if role == "assistant":
            role, parts = "model", model_parts(message, names)
        elif role == "tool":
            call_id = message.get("tool_call_id")
            response = {"name": names.get(call_id, ""), "response": {"result": text_of(message.get("content"))}}
            if call_id and not str(call_id).startswith("call_"):
                response["id"] = call_id
            role, parts = "user", [{"functionResponse": response}]
        else:
            role, parts = "user", user_parts(message.get("content"))
        if not parts:
            continue
        if contents and contents[-1]["role"] == role:
            contents[-1]["parts"] = contents[-1]["parts"] + parts
        else:
            contents.append({"role": role, "parts": parts})
    return "\n\n".join(s for s in system if s), contents


def model_parts(message: dict[str, Any], names: dict[Any, str]) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    answer = text_of(message.get("content"))
    if answer:
        parts.append({"text": answer})
    for call in message.get("tool_calls") or []:
        function = call.get("function") or {}
        names[call.get("id")] = function.get("name", "")
        part: dict[str, Any] = {
            "functionCall": {
                "name": function.get("name", ""),
                "args": conversation.call_arguments(function.get("arguments")),
            }
        }
        if call.get("id") in SIGNATURES:
            part["thoughtSignature"] = SIGNATURES[call["id"]]
        parts.append(part)
    return parts


def user_parts(content: Any) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"text": content}] if content else []
    return [part for item in content or () if (part := part_of(item))]


def part_of(item: dict[str, Any]) -> dict[str, Any] | None:
    """A neutral content part as a Gemini part: text, inlineData (data URIs, audio), fileData (URLs)."""
    kind = item.get("type")
    if kind == "text":
        return {"text": item["text"]} if item.get("text") else None
    if kind == "image_url":
        return data_part((item.get("image_url") or {}).get("url", ""))
    if kind == "file":
        return data_part((item.get("file") or {}).get("file_data", ""))
    if kind == "video_url":
        return data_part((item.get("video_url") or {}).get("url", ""))
    if kind == "input_audio":
        audio = item.get("input_audio") or {}
        return {"inlineData": {"mimeType": f"audio/{audio.get('format', 'wav')}", "data": audio.get("data", "")}}
    raise ProviderError("bad_request", f"{config.PROVIDER} takes no {kind} content here")


def data_part(url: str) -> dict[str, Any]:
    inline = conversation.data_uri(url)
    if inline:
        return {"inlineData": {"mimeType": inline[0], "data": inline[1]}}
    return {"fileData": {"fileUri": url}}


def declaration_of(function_tool: dict[str, Any]) -> dict[str, Any]:
    function = function_tool.get("function") or {}
    out: dict[str, Any] = {"name": function.get("name", "")}
    if function.get("description"):
        out["description"] = function["description"]
    parameters = function.get("parameters")
    if parameters and (parameters.get("properties") or parameters.get("type") != "object"):
        out["parameters"] = schema_of(parameters)
    return out


def schema_of(schema: Any) -> Any:
    """A JSON Schema in the subset Gemini takes: unknown keywords dropped, `type: [x, "null"]` as
    `type: x, nullable: true`, nested schemas converted the same way."""
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key not in SCHEMA_KEYS:
            continue
        if key == "type" and isinstance(value, list):
            kinds = [v for v in value if v != "null"]
            value = kinds[0] if kinds else "string"
            if "null" in schema["type"]:
                out["nullable"] = True
        elif key == "properties" and isinstance(value, dict):
            value = {name: schema_of(sub) for name, sub in value.items()}
        elif key == "items":
            value = schema_of(value)
        elif key == "anyOf" and isinstance(value, list):
            value = [schema_of(sub) for sub in value]
        elif key == "enum" and isinstance(value, list):
            value = [str(v) for v in value]
        out[key] = value
    return out


def validation_request(model: str, call_model: bool = False, settings: dict[str, Any] | None = None) -> Request:
    """GET the model list (it needs the key), or a one-token generateContent of the model itself."""
    if apis.endpoints(NAME).get("models") and not call_model:
        return Request("GET", apis.endpoints(NAME)["models"], protocol=NAME)
    body = {"contents": [{"role": "user", "parts": [{"text": "ping"}]}], "generationConfig": {"maxOutputTokens": 1}}
    wire = http.wire_id(model, http.model_settings(model) if settings is None else settings)
    return Request("POST", apis.endpoints(NAME)["chat"].replace("{model}", wire), body, protocol=NAME)


def account_headers(organization: str, project: str) -> dict[str, str]:
    """Gemini has no organization or project headers."""
    return {}


def error_fields(payload: Any) -> tuple[list[str], str]:
    """{"error": {"code", "message", "status"}} (a stream may send it inside a one-item list): the
    common reading, with the status (RESOURCE_EXHAUSTED…) as the first code."""
    if isinstance(payload, list) and payload and isinstance(payload[0], dict):
        payload = payload[0]
    codes, message = errors.error_fields(payload)
    error = payload.get("error", payload) if isinstance(payload, dict) else None
    status = error.get("status") if isinstance(error, dict) else None
    return ([str(status)] if status not in (None, "") else []) + codes, message


# ---- answers ----------------------------------------------------------------------------


class Answer:
    """What the chunks of one answer say, folded: text, thoughts, calls, usage, finish."""

    def __init__(self, keep_text: bool = True) -> None:
        self.content_parts: list[str] = []
        self.reasoning_parts: list[str] = []
        self.calls: list[ToolCall] = []
        self.usage: Usage | None = None
        self.finish: str | None = None
        self.response_id: str | None = None
        self.said = False  # any text, thought or image at all
        self.gallery = images.Gallery()
        self.counted = None if keep_text else estimate.TextTally()

    def fold(self, payload: Any) -> tuple[str, str]:
        """(reasoning, content) of one response chunk."""
        if isinstance(payload, list) and len(payload) == 1:
            payload = payload[0]
        if type(payload) is not dict:
            raise ProviderError("server_unavailable", f"unexpected answer: {describe(payload)}")
        if payload.get("error"):
            raise errors.from_payload(payload, fields=error_fields)
        if self.response_id is None:
            self.response_id = label(payload.get("responseId"))
        if isinstance(payload.get("usageMetadata"), dict):
            self.usage = usage_of(payload["usageMetadata"]) or self.usage
        candidates = payload.get("candidates")
        if not candidates:
            blocked = (payload.get("promptFeedback") or {}).get("blockReason")
            if blocked:
                raise ProviderError("bad_request", f"Gemini blocked the prompt ({blocked})", code=str(blocked))
            return "", ""
        candidate = candidates[0]
        reasoning = content = ""
        for part in (candidate.get("content") or {}).get("parts") or ():
            if "functionCall" in part:
                call = part["functionCall"] or {}
                call_id = call.get("id") or f"call_{uuid.uuid4().hex[:24]}"
                remember(call_id, part.get("thoughtSignature"))
                self.calls.append(finished_call(call_id, call.get("name") or "", json.dumps(call.get("args") or {})))
            elif "inlineData" in part and not part.get("thought"):  # a thought's images are drafts
                inline = part["inlineData"] or {}
                self.gallery.add(inline.get("mimeType"), inline.get("data"))
                self.said = True
            elif isinstance(part.get("text"), str):
                if part.get("thought"):
                    reasoning += part["text"]
                else:
                    content += part["text"]
        if candidate.get("finishReason"):
            self.finish = candidate["finishReason"]
        if reasoning or content:
            self.keep(reasoning, content)
        return reasoning, content

    def keep(self, reasoning: str, content: str) -> None:
        self.said = True
        if self.counted is not None:
            self.counted.add(reasoning + content)
            return
        if reasoning:
            self.reasoning_parts.append(reasoning)
        if content:
            self.content_parts.append(content)

    def completion(self) -> Completion:
        content, reasoning = "".join(self.content_parts), "".join(self.reasoning_parts)
        if self.finish in BLOCKED and not (self.said or self.calls):
            raise ProviderError("bad_request", f"Gemini stopped the answer ({self.finish})", code=self.finish)
        reason = self.finish or "STOP"
        blocked = "content_filter" if reason in BLOCKED else reason.lower()
        finish = "tool_calls" if self.calls else FINISH_REASONS.get(reason, blocked)
        return Completion(
            content=text.valid(content),
            reasoning=text.valid(reasoning),
            tool_calls=self.calls,
            images=self.gallery.images,
            usage=self.usage,
            finish_reason=finish,
            response_id=self.response_id,
            counted=self.counted,
        )


def parse_completion(payload: Any) -> Completion:
    """A blocking answer."""
    answer = Answer()
    answer.fold(payload)
    if answer.finish is None and not answer.calls and not answer.said:
        raise ProviderError("server_unavailable", f"response has no candidates: {describe(payload)}")
    return answer.completion()


def usage_of(raw: dict[str, Any]) -> Usage | None:
    """Prompt tokens, output tokens with the thoughts', and the cached prompt tokens."""
    prompt = raw.get("promptTokenCount")
    if not isinstance(prompt, int):
        return None
    output = (raw.get("candidatesTokenCount") or 0) + (raw.get("thoughtsTokenCount") or 0)
    cached = raw.get("cachedContentTokenCount")
    return Usage(prompt, output, cached if isinstance(cached, int) else None)


class StreamAssembler:
    """Folds the stream's `data:` chunks (each a whole response with the new parts) into deltas and
    one answer. Gemini sends no end marker: a stream that ends before a finishReason was cut."""

    def __init__(self, keep_text: bool = True) -> None:
        self.answer = Answer(keep_text)

    def feed(self, event: Event) -> tuple[str, str]:
        _, data = event
        try:
            payload = http.loads(data)
        except ValueError:
            raise ProviderError("server_unavailable", f"malformed stream data: {describe(data)}") from None
        return self.answer.fold(payload)

    def finish(self) -> Completion:
        if self.answer.finish is None:
            raise ProviderError("connection", "the stream ended before the response was complete")
        return self.answer.completion()
