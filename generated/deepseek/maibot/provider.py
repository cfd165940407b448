# Generated from specs/deepseek.yaml by the provider compiler. Do not edit by hand.
"""The deepseek provider behind the MaiBot handler: MaiBot requests in, chat-completions calls
out, results in the host's item protocol (plus the legacy scalar keys older hosts read)."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from typing import Any

from maibot_sdk import LLMProviderBase

from . import transport, wire

# Chat model -> the parameters the spec declares for it; other models get what the host asks for.
MODEL_PARAMETERS = {
    "deepseek-chat": ("temperature", "top_p", "presence_penalty", "frequency_penalty", "max_tokens", "response_format"),
    "deepseek-reasoner": ("max_tokens", "response_format"),
}
# Keys MaiBot's own OpenAI client carries natively, so a top-level extra_params entry never sets them.
RESERVED_BODY_KEYS = frozenset(("max_tokens", "messages", "model", "response_format", "stream", "temperature", "tools"))
OUTPUT_GROUP = (
    "AssistantMessageItem",
    "ReasoningItem",
    "FunctionCallItem",
    "ProviderActivityItem",
    "ProviderOpaqueItem",
)


class DeepseekProvider(LLMProviderBase):
    """Serves every operation of the `deepseek` client type."""

    def __init__(self) -> None:
        self.http = transport.Http()

    async def aclose(self) -> None:
        await self.http.aclose()

    async def dispatch(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        if operation == "response":
            return await self.get_response(request)
        if operation == "embedding":
            return await self.get_embedding(request)
        if operation == "audio_transcription":
            return await self.get_audio_transcriptions(request)
        raise wire.ProviderError("bad_request", f"operation {operation!r} is not supported by this plugin")

    async def get_response(self, request: dict[str, Any]) -> dict[str, Any]:
        model = model_identifier(request)
        headers, query, extra_body = split_extra_params(request)
        tools = [tool_definition(t) for t in request.get("tool_options") or ()]
        messages = context_messages(request, with_tools=bool(tools))
        parameters, raw = chat_parameters(model, request, extra_body)
        stream = bool((request.get("model_info") or {}).get("force_stream_mode"))
        body = wire.chat_body(
            model, messages, parameters, tools, stream=stream, tool_choice=request.get("tool_choice") or "auto"
        )
        apply_response_format(body, request.get("response_format"))
        body.update(raw)
        to = transport.target(api_provider(request), headers, query)
        if stream:
            completion = await self.http.call_stream(to, wire.CHAT_PATH, body)
        else:
            completion = wire.parse_completion(await self.http.call_json(to, wire.CHAT_PATH, body))
        return response_result(completion, model, api_provider(request))

    async def get_embedding(self, request: dict[str, Any]) -> dict[str, Any]:
        if not wire.EMBEDDINGS_PATH:
            raise wire.ProviderError("bad_request", "embeddings are not available: the spec declares no endpoint")
        model = model_identifier(request)
        headers, query, extra_body = split_extra_params(request)
        body = wire.embeddings_body(model, [str(request.get("embedding_input") or "")])
        body.update(extra_body)
        to = transport.target(api_provider(request), headers, query)
        vectors, tokens = wire.parse_embeddings(await self.http.call_json(to, wire.EMBEDDINGS_PATH, body), 1)
        result: dict[str, Any] = {"embedding": vectors[0]}
        if tokens is not None:
            result["usage"] = {"prompt_tokens": tokens, "completion_tokens": 0, "total_tokens": tokens}
        return result

    async def get_audio_transcriptions(self, request: dict[str, Any]) -> dict[str, Any]:
        if not wire.TRANSCRIPTIONS_PATH:
            raise wire.ProviderError(
                "bad_request", "audio transcription is not available: the spec declares no endpoint"
            )
        model = model_identifier(request)
        try:
            audio = base64.b64decode(str(request.get("audio_base64") or ""), validate=True)
        except (binascii.Error, ValueError):
            raise wire.ProviderError("bad_request", "audio_base64 is not valid base64") from None
        headers, query, extra_body = split_extra_params(request)
        fields = {"model": model} | {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in extra_body.items()}
        to = transport.target(api_provider(request), headers, query)
        payload = wire.json_object(
            await self.http.call_json(
                to, wire.TRANSCRIPTIONS_PATH, files={"file": ("audio.wav", audio, "audio/wav")}, data=fields
            )
        )
        if not isinstance(payload.get("text"), str):
            raise wire.ProviderError("server_unavailable", f"transcription has no text: {wire.describe(payload)}")
        return {"content": payload["text"]}


# ---- requests ---------------------------------------------------------------------------


def api_provider(request: dict[str, Any]) -> dict[str, Any]:
    provider = request.get("api_provider")
    return provider if isinstance(provider, dict) else {}


def model_identifier(request: dict[str, Any]) -> str:
    model = str((request.get("model_info") or {}).get("model_identifier") or "").strip()
    if not model:
        raise wire.ProviderError("bad_request", "model_info.model_identifier is empty")
    return model


def mapping(value: Any) -> dict[str, Any]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def split_extra_params(request: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any], dict[str, Any]]:
    """extra_params as MaiBot's own client reads it: `headers`, `query`, `body`, and any other
    non-reserved key goes into the body."""
    extra = mapping(request.get("extra_params"))
    headers = {k: str(v) for k, v in mapping(extra.pop("headers", None)).items()}
    query = mapping(extra.pop("query", None))
    body = mapping(extra.pop("body", None))
    body.update({k: v for k, v in extra.items() if k not in RESERVED_BODY_KEYS})
    return headers, query, body


def chat_parameters(model: str, request: dict[str, Any], extra_body: dict[str, Any]) -> tuple[dict, dict]:
    """(parameters the spec encodes, raw body keys). The host's temperature and max_tokens go only
    to models whose rules declare them; body values of the same name win, as in MaiBot's client."""
    declared = MODEL_PARAMETERS.get(model)
    parameters: dict[str, Any] = {}
    raw: dict[str, Any] = {}
    for name in ("temperature", "max_tokens"):
        value = request.get(name)
        if value is None or (declared is not None and name not in declared):
            continue
        (parameters if name in wire.PARAMETERS else raw)[name] = value
    for key, value in extra_body.items():
        (parameters if key in wire.PARAMETERS else raw)[key] = value
    if "max_tokens" in raw or "max_completion_tokens" in raw:
        parameters.pop("max_tokens", None)
    return parameters, raw


def apply_response_format(body: dict[str, Any], response_format: Any) -> None:
    kind = response_format.get("format_type") if isinstance(response_format, dict) else None
    if kind == "json_object":
        body["response_format"] = {"type": "json_object"}
    elif kind == "json_schema":
        body["response_format"] = {
            "type": "json_schema",
            "json_schema": wire.json_schema(response_format.get("schema")),
        }


def tool_definition(option: Any) -> dict[str, Any]:
    function = option.get("function", option) if isinstance(option, dict) else {}
    if not isinstance(function, dict) or not function.get("name"):
        raise wire.ProviderError("bad_request", f"malformed tool option: {wire.describe(option)}")
    parameters = function.get("parameters") or {"type": "object", "properties": {}, "required": []}
    return wire.tool_definition(function["name"], function.get("description") or "", parameters)


def context_messages(request: dict[str, Any], with_tools: bool) -> list[dict[str, Any]]:
    """The host's `context_items` (or an older host's `message_list`) as chat messages, grouped the
    way MaiBot's own client does; tool history is dropped when the request offers no tools."""
    if request.get("context_items") is None and isinstance(request.get("message_list"), list):
        return legacy_messages(request["message_list"], with_tools)
    messages: list[dict[str, Any]] = []
    group: list[dict[str, Any]] = []
    for item in request.get("context_items") or ():
        kind = item.get("item_type") if isinstance(item, dict) else None
        if kind in OUTPUT_GROUP:
            group.append(item)
            continue
        flush_group(messages, group, with_tools)
        if kind == "SystemMessageItem":
            messages.append({"role": "system", "content": parts_text(item.get("parts"))})
        elif kind == "UserMessageItem":
            messages.append({"role": "user", "content": user_content(item.get("parts"))})
        elif kind == "FunctionCallOutputItem" and with_tools:
            messages.append(
                {"role": "tool", "tool_call_id": item.get("call_id"), "content": str(item.get("output", ""))}
            )
    flush_group(messages, group, with_tools)
    return messages


def flush_group(messages: list[dict[str, Any]], group: list[dict[str, Any]], with_tools: bool) -> None:
    """Consecutive model-output items become one assistant message."""
    text, reasoning, calls = [], [], []
    for item in group:
        kind = item["item_type"]
        if kind == "AssistantMessageItem":
            text.append(parts_text(item.get("parts")))
        elif kind == "ReasoningItem":
            reasoning.extend(item.get("text_parts") or item.get("summary_parts") or ())
        elif kind == "FunctionCallItem" and with_tools:
            call = item.get("tool_call") or {}
            calls.append(history_call(call.get("call_id"), call.get("func_name"), call.get("args")))
    group.clear()
    if "".join(text) or calls:
        messages.append(wire.assistant_message("".join(text), calls, "".join(reasoning)))


def history_call(call_id: Any, name: Any, args: Any) -> dict[str, Any]:
    arguments = args if isinstance(args, str) else json.dumps(args if args is not None else {}, ensure_ascii=False)
    return {"id": str(call_id or ""), "type": "function", "function": {"name": str(name or ""), "arguments": arguments}}


def parts_text(parts: Any) -> str:
    out = []
    for part in parts or ():
        if isinstance(part, dict) and part.get("type") in ("text", "refusal"):
            out.append(str(part.get("text", part.get("refusal", ""))))
    return "".join(out)


def user_content(parts: Any) -> str | list[dict[str, Any]]:
    """Text-only → one string; with images → OpenAI content parts with data URIs."""
    parts = [p for p in parts or () if isinstance(p, dict)]
    if all(p.get("type") in ("text", "refusal") for p in parts):
        return parts_text(parts)
    content: list[dict[str, Any]] = []
    for part in parts:
        if part.get("type") == "image":
            fmt = str(part.get("image_format") or "png").lower()
            uri = f"data:image/{'jpeg' if fmt == 'jpg' else fmt};base64,{part.get('image_base64', '')}"
            content.append({"type": "image_url", "image_url": {"url": uri}})
        else:
            text = parts_text([part])
            if text.strip():
                content.append({"type": "text", "text": text})
    return content


def legacy_messages(message_list: list[Any], with_tools: bool) -> list[dict[str, Any]]:
    """An older host's `message_list` ({role, parts, tool_calls, tool_call_id, reasoning_content})."""
    messages: list[dict[str, Any]] = []
    for message in message_list:
        if not isinstance(message, dict):
            continue
        role, parts = message.get("role"), message.get("parts")
        if role == "system":
            messages.append({"role": "system", "content": parts_text(parts)})
        elif role == "user":
            messages.append({"role": "user", "content": user_content(parts)})
        elif role == "assistant":
            calls = []
            for call in message.get("tool_calls") or () if with_tools else ():
                function = call.get("function") if isinstance(call.get("function"), dict) else call
                calls.append(
                    history_call(call.get("id") or call.get("call_id"), function.get("name"), function.get("arguments"))
                )
            text = parts_text(parts)
            if text or calls:
                messages.append(wire.assistant_message(text, calls, str(message.get("reasoning_content") or "")))
        elif role == "tool" and with_tools:
            messages.append({"role": "tool", "tool_call_id": message.get("tool_call_id"), "content": parts_text(parts)})
    return messages


# ---- results ----------------------------------------------------------------------------


def response_result(completion: wire.Completion, model: str, provider: dict[str, Any]) -> dict[str, Any]:
    """Output items for current hosts, the scalar keys for older ones; an empty answer raises."""
    content, reasoning = completion.content, completion.reasoning
    mode = provider.get("reasoning_parse_mode") or "auto"
    if mode == "none":
        reasoning = ""
    elif mode != "native":
        content, inline = wire.split_think(content)
        reasoning = reasoning or inline
    calls = tool_calls(completion.tool_calls, provider.get("tool_argument_parse_mode") or "auto")
    if not content.strip() and not reasoning.strip() and not calls:
        raise wire.ProviderError("server_unavailable", f"empty answer (finish_reason={completion.finish_reason})")
    items: list[dict[str, Any]] = []
    if reasoning.strip():
        items.append(
            {"item_type": "ReasoningItem", "representation": "raw_text", "summary_parts": [], "text_parts": [reasoning]}
        )
    if content:
        items.append({"item_type": "AssistantMessageItem", "parts": [{"type": "text", "text": content}]})
    for call_id, name, args in calls:
        tool_call = {"call_id": call_id, "func_name": name, "args": args, "extra_content": None}
        items.append({"item_type": "FunctionCallItem", "tool_call": tool_call})
    result: dict[str, Any] = {
        "item_schema_version": 1,
        "output_items": items,
        "content": content,
        "reasoning_content": reasoning,
        "tool_calls": [{"id": i, "function": {"name": n, "arguments": a}} for i, n, a in calls],
        "response_id": completion.response_id,
        "status": "incomplete" if completion.finish_reason == "length" else "completed",
        "raw_data": {"id": completion.response_id, "model": model, "finish_reason": completion.finish_reason},
    }
    if completion.usage is not None:
        result["usage"] = usage(completion.usage)
    return result


def tool_calls(calls: list[wire.ToolCall], mode: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, name, args dict); ids made unique, since the host refuses a repeated call id."""
    out, seen = [], set()
    for call in calls:
        args: Any = json.loads(call.arguments)
        if isinstance(args, str) and mode in ("auto", "double_decode"):
            try:
                args = json.loads(args)
            except ValueError:
                pass
        if not isinstance(args, dict):
            raise wire.ProviderError(
                "server_unavailable", f"arguments of tool {call.name!r} are not a JSON object: {wire.describe(args)}"
            )
        call_id = call.id if call.id not in seen else f"call_{uuid.uuid4().hex[:24]}"
        seen.add(call_id)
        out.append((call_id, call.name, args))
    return out


def usage(reported: wire.Usage) -> dict[str, int]:
    prompt, completion = reported.prompt_tokens, reported.completion_tokens
    out = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
    if reported.cached_tokens is not None:
        out["prompt_cache_hit_tokens"] = reported.cached_tokens
        out["prompt_cache_miss_tokens"] = max(prompt - reported.cached_tokens, 0)
    return out
