"""MaiBot's requests in the neutral form (messages.py): the host's context items (or an older
host's message list), tool options and response format, grouped the way MaiBot's own client does."""

from __future__ import annotations

import json
from typing import Any

from .. import errors, messages
from ..errors import ProviderError

OUTPUT_GROUP = (
    "AssistantMessageItem",
    "ReasoningItem",
    "FunctionCallItem",
    "ProviderActivityItem",
    "ProviderOpaqueItem",
)


def response_format(requested: Any) -> tuple[str, Any] | None:
    """The host's {format_type, schema} as the protocol's (kind, schema); text needs nothing."""
    kind = requested.get("format_type") if isinstance(requested, dict) else None
    if kind in ("json_object", "json_schema"):
        return kind, requested.get("schema")
    return None


def tool_definition(option: Any) -> dict[str, Any]:
    function = option.get("function", option) if isinstance(option, dict) else {}
    if not isinstance(function, dict) or not function.get("name"):
        raise ProviderError("bad_request", f"malformed tool option: {errors.describe(option)}")
    parameters = function.get("parameters") or {"type": "object", "properties": {}, "required": []}
    return messages.tool(function["name"], function.get("description") or "", parameters)


def context_messages(request: dict[str, Any], with_tools: bool) -> list[dict[str, Any]]:
    """The host's `context_items` (or an older host's `message_list`) in the neutral form, grouped
    the way MaiBot's own client does; tool history is dropped when the request offers no tools."""
    if request.get("context_items") is None and isinstance(request.get("message_list"), list):
        return legacy_messages(request["message_list"], with_tools)
    conversation: list[dict[str, Any]] = []
    group: list[dict[str, Any]] = []
    for item in request.get("context_items") or ():
        kind = item.get("item_type") if isinstance(item, dict) else None
        if kind in OUTPUT_GROUP:
            group.append(item)
            continue
        flush_group(conversation, group, with_tools)
        if kind == "SystemMessageItem":
            conversation.append(messages.system(parts_text(item.get("parts"))))
        elif kind == "UserMessageItem":
            conversation.append(messages.user(user_content(item.get("parts"))))
        elif kind == "FunctionCallOutputItem" and with_tools:
            conversation.append(messages.tool_result(item.get("call_id"), str(item.get("output", ""))))
    flush_group(conversation, group, with_tools)
    return conversation


def flush_group(conversation: list[dict[str, Any]], group: list[dict[str, Any]], with_tools: bool) -> None:
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
        conversation.append(messages.assistant("".join(text), calls, "".join(reasoning)))


def history_call(call_id: Any, name: Any, args: Any) -> dict[str, Any]:
    arguments = args if isinstance(args, str) else json.dumps(args if args is not None else {}, ensure_ascii=False)
    return messages.tool_call(str(call_id or ""), str(name or ""), arguments)


def parts_text(parts: Any) -> str:
    out = []
    for part in parts or ():
        if isinstance(part, dict) and part.get("type") in ("text", "refusal"):
            out.append(str(part.get("text", part.get("refusal", ""))))
    return "".join(out)


def user_content(parts: Any) -> str | list[dict[str, Any]]:
    """Text-only → one string; with images → content parts with data URIs."""
    parts = [p for p in parts or () if isinstance(p, dict)]
    if all(p.get("type") in ("text", "refusal") for p in parts):
        return parts_text(parts)
    content: list[dict[str, Any]] = []
    for part in parts:
        if part.get("type") == "image":
            fmt = str(part.get("image_format") or "png").lower()
            uri = f"data:image/{'jpeg' if fmt == 'jpg' else fmt};base64,{part.get('image_base64', '')}"
            content.append(messages.image_part(uri))
        else:
            text = parts_text([part])
            if text.strip():
                content.append(messages.text_part(text))
    return content


def legacy_messages(message_list: list[Any], with_tools: bool) -> list[dict[str, Any]]:
    """An older host's `message_list` ({role, parts, tool_calls, tool_call_id, reasoning_content})."""
    conversation: list[dict[str, Any]] = []
    for message in message_list:
        if not isinstance(message, dict):
            continue
        role, parts = message.get("role"), message.get("parts")
        if role == "system":
            conversation.append(messages.system(parts_text(parts)))
        elif role == "user":
            conversation.append(messages.user(user_content(parts)))
        elif role == "assistant":
            calls = [legacy_call(call) for call in message.get("tool_calls") or ()] if with_tools else []
            text = parts_text(parts)
            if text or calls:
                reasoning = str(message.get("reasoning_content") or "")
                conversation.append(messages.assistant(text, calls, reasoning))
        elif role == "tool" and with_tools:
            conversation.append(messages.tool_result(message.get("tool_call_id"), parts_text(parts)))
    return conversation


def legacy_call(call: dict[str, Any]) -> dict[str, Any]:
    function = call.get("function") if isinstance(call.get("function"), dict) else call
    return history_call(call.get("id") or call.get("call_id"), function.get("name"), function.get("arguments"))
