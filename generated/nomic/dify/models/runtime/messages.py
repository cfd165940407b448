"""The neutral conversation form both hosts produce and every protocol module translates from:
OpenAI chat-completions messages, content parts and function tools (the convention LiteLLM uses
too), with an assistant turn's earlier reasoning as `reasoning_content` where the spec keeps it."""

from __future__ import annotations

import json
import re
import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from . import config, text
from .errors import ProviderError, describe
from .types import ToolCall

THINK_BLOCK = re.compile(r"<think>(.*?)(?:</think>|$)\s*", re.S)


def system(text: str) -> dict[str, Any]:
    return {"role": "system", "content": text}


def user(content: str | list[dict[str, Any]]) -> dict[str, Any]:
    """A user turn: text, or a list of the parts below."""
    return {"role": "user", "content": content}


def text_part(text: str) -> dict[str, Any]:
    return {"type": "text", "text": text}


def image_part(url: str, detail: str | None = None) -> dict[str, Any]:
    """An image by URL or data URI; `detail` is a host's resolution hint (low, high, auto)."""
    image = {"url": url} if detail is None else {"url": url, "detail": detail}
    return {"type": "image_url", "image_url": image}


def file_part(data: str, filename: str) -> dict[str, Any]:
    """A document (PDF and the like) as a data URI."""
    return {"type": "file", "file": {"file_data": data, "filename": filename}}


def video_part(url: str) -> dict[str, Any]:
    return {"type": "video_url", "video_url": {"url": url}}


def audio_part(data: str, audio_format: str) -> dict[str, Any]:
    """Audio as base64 data in `audio_format` (wav, mp3)."""
    return {"type": "input_audio", "input_audio": {"data": data, "format": audio_format}}


def tool(name: str, description: str, parameters: dict[str, Any]) -> dict[str, Any]:
    """A function the model may call; `parameters` is a JSON Schema object."""
    return {"type": "function", "function": {"name": name, "description": description, "parameters": parameters}}


def tool_call(call_id: str, name: str, arguments: str) -> dict[str, Any]:
    """A call the assistant made earlier, for the history; `arguments` is JSON text."""
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


def tool_result(call_id: Any, content: str) -> dict[str, Any]:
    return {"role": "tool", "tool_call_id": call_id, "content": content}


def assistant(text: str, calls: list[dict[str, Any]], reasoning: str = "") -> dict[str, Any]:
    """An assistant turn for the history: `<think>` blocks leave the text, and the reasoning is kept
    only when the spec sends it back (config.REASONING_HISTORY)."""
    answer, inline = split_think(text)
    message: dict[str, Any] = {"role": "assistant", "content": answer or (None if calls else "")}
    if calls:
        message["tool_calls"] = calls
    if config.REASONING_HISTORY == "reasoning_content" and (reasoning or inline):
        message["reasoning_content"] = reasoning or inline
    return message


def split_think(text: str) -> tuple[str, str]:
    """(answer without <think> blocks, the reasoning they held)."""
    if "<think>" not in text:
        return text, ""
    reasoning = "\n".join(m.strip() for m in THINK_BLOCK.findall(text))
    return THINK_BLOCK.sub("", text).strip(), reasoning


def normalise(messages: list[dict[str, Any]], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """The conversation as the spec says the API takes it (config.MESSAGES, and the model's
    system_messages in its `settings`): system messages dropped or sent as user turns, empty messages
    left out, consecutive same-role messages joined. Tool results are never dropped or joined."""
    rules = config.MESSAGES
    system_as = settings.get("system_messages")
    if not (rules["merge_same_role"] or rules["drop_empty"] or system_as):
        return messages
    out: list[dict[str, Any]] = []
    for message in messages:
        if message.get("role") == "system" and system_as:
            if system_as == "drop":
                continue
            message = {**message, "role": "user"}
        if rules["drop_empty"] and is_empty(message):
            continue
        if rules["merge_same_role"] and out and joinable(out[-1], message):
            out[-1] = joined(out[-1], message)
            continue
        out.append(message)
    return out


def is_empty(message: dict[str, Any]) -> bool:
    if message.get("role") == "tool" or message.get("tool_calls"):
        return False
    content = message.get("content")
    return not content.strip() if isinstance(content, str) else not content


def joinable(last: dict[str, Any], message: dict[str, Any]) -> bool:
    return last.get("role") == message.get("role") and message.get("role") in ("system", "user", "assistant")


def joined(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two messages of one role as one: texts joined by a line break, part lists concatenated,
    tool calls and reasoning kept in order."""
    out = dict(first)
    a, b = first.get("content"), second.get("content")
    if isinstance(a, list) or isinstance(b, list):
        out["content"] = as_parts(a) + as_parts(b)
    else:
        out["content"] = "\n".join(text for text in (a, b) if text) or a
    calls = (first.get("tool_calls") or []) + (second.get("tool_calls") or [])
    if calls:
        out["tool_calls"] = calls
    reasoning = "\n".join(r for r in (first.get("reasoning_content"), second.get("reasoning_content")) if r)
    if reasoning:
        out["reasoning_content"] = reasoning
    return out


def as_parts(content: Any) -> list[dict[str, Any]]:
    if isinstance(content, list):
        return list(content)
    return [text_part(content)] if content else []


def data_uri(url: str) -> tuple[str, str] | None:
    """(media type, base64 data) of a base64 data URI; None for any other URL."""
    if url.startswith("data:") and ";base64," in url:
        media, data = url[5:].split(";base64,", 1)
        return media, data
    return None


def format_note(response_format: tuple[str, Any]) -> str:
    """A host's request for a JSON answer as an instruction, for the APIs without response_format."""
    kind, schema = response_format
    note = "Answer with one JSON object and nothing else."
    if kind == "json_schema" and schema:
        note += " It must match this JSON schema: " + json.dumps(schema, ensure_ascii=False)
    return note


def call_arguments(arguments: Any) -> dict[str, Any]:
    """A history tool call's arguments (JSON text, or already an object) as an object, for the
    protocols that send them as one."""
    if isinstance(arguments, dict):
        return arguments
    try:
        value = json.loads(arguments or "{}")
    except ValueError:
        raise ProviderError("bad_request", "a tool call in the history has arguments that are not JSON") from None
    return value if isinstance(value, dict) else {}


def openai_account_headers(organization: str, project: str) -> dict[str, str]:
    """An account's organization and project as OpenAI's APIs take them (chat completions and
    Responses alike), when the host is given them."""
    out = {}
    if organization:
        out["OpenAI-Organization"] = organization
    if project:
        out["OpenAI-Project"] = project
    return out


Blocks = list[dict[str, Any]]


def alternating(
    messages: list[dict[str, Any]],
    system_block: Callable[[str], dict[str, Any]],
    user_blocks: Callable[[Any], Blocks],
    assistant_blocks: Callable[[dict[str, Any]], Blocks],
    tool_result: Callable[[dict[str, Any]], dict[str, Any]],
) -> tuple[Blocks, Blocks]:
    """(system blocks, turns) for the APIs that take the system text apart and want the roles to
    alternate (Anthropic Messages, Bedrock Converse), each block made the protocol's way: tool results
    join the user turn after the calls, turns of one role in a row become one, empty ones are left out."""
    system: Blocks = []
    turns: Blocks = []
    for message in messages:
        role = message.get("role")
        if role == "system":
            said = text_of(message.get("content"))
            if said:
                system.append(system_block(said))
            continue
        if role == "tool":
            role, content = "user", [tool_result(message)]
        elif role == "assistant":
            content = assistant_blocks(message)
        else:
            role, content = "user", user_blocks(message.get("content"))
        if not content:
            continue
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"] = turns[-1]["content"] + content
        else:
            turns.append({"role": role, "content": content})
    return system, turns


class Remembered(OrderedDict):
    """What a protocol must send back in the history but the hosts do not keep (signed thinking,
    thought signatures), by tool call id: the newest `limit` entries of this plugin process."""

    def __init__(self, limit: int = 512) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: str, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)

    def keep_turn(self, calls: list[ToolCall], value: Any) -> None:
        """What an answer that called tools must send back on its tool turn, by its first call's id."""
        if calls and value:
            self.keep(calls[0].id, value)

    def of_turn(self, message: dict[str, Any]) -> Any:
        """What was kept for an assistant turn of the history, by its first call's id (None: nothing,
        or a turn without calls)."""
        calls = message.get("tool_calls") or []
        return self.get(calls[0].get("id")) if calls else None


def finished_call(call_id: str | None, name: str, arguments: str) -> ToolCall:
    """A complete tool call: an id, and arguments that are valid JSON ("{}" when empty) holding
    valid text (a lone surrogate escape inside them becomes U+FFFD)."""
    arguments = text.valid(arguments.strip()) or "{}"
    try:
        value = json.loads(arguments)
    except ValueError:
        raise ProviderError(
            "server_unavailable", f"the provider sent malformed arguments for tool {name!r}: {describe(arguments)}"
        ) from None
    if text.escapes_surrogates(arguments):
        arguments = json.dumps(text.valid_tree(value), ensure_ascii=False)
    return ToolCall(label(call_id) or f"call_{uuid.uuid4().hex[:24]}", text.valid(name), arguments)


def arguments_text(arguments: Any) -> str:
    """Tool arguments as JSON text (a few providers send an object instead of a string)."""
    if isinstance(arguments, (dict, list)):
        return json.dumps(arguments, ensure_ascii=False)
    return arguments if isinstance(arguments, str) else ""


def label(value: Any) -> str | None:
    """An id or a finish reason: text or nothing."""
    return text.valid(value) if isinstance(value, str) else None


def text_of(content: Any) -> str:
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""
