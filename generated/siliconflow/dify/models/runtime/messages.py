"""The neutral conversation form both hosts produce and every protocol module translates from:
OpenAI chat-completions messages, content parts and function tools (the convention LiteLLM uses
too), with an assistant turn's earlier reasoning as `reasoning_content` where the spec keeps it."""

from __future__ import annotations

import re
from typing import Any

from . import config

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
