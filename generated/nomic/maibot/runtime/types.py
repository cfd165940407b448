"""The values protocol and kind modules hand to the hosts: requests to send, answers assembled."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import estimate

# One server-sent event: (its `event:` name, "" when the stream names none; its data lines, joined).
Event = tuple[str, str]


@dataclass
class Request:
    """One HTTP call to make. The host's transport adds the base URL and the spec's and the
    credentials' headers and query (http.py; `protocol`'s auth and static headers, when the call is
    of a protocol the spec's models speak beside its own), then sends `body` as JSON, or `form` and
    `files` as a multipart upload (file field -> (file name, bytes, content type))."""

    method: str
    path: str
    body: Any = None
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    form: dict[str, str] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None
    protocol: str = ""


@dataclass
class ToolCall:
    id: str
    name: str
    arguments: str  # JSON text


@dataclass
class Usage:
    prompt_tokens: int
    completion_tokens: int
    cached_tokens: int | None = None


@dataclass(frozen=True)
class Image:
    """An image the model answered with: its media type (image/png, image/jpeg, image/webp,
    image/gif) and its bytes as base64, checked and bounded (images.py)."""

    mime_type: str
    data: str

    @property
    def format(self) -> str:
        """png, jpeg, webp or gif."""
        return self.mime_type.split("/", 1)[1]


@dataclass
class Completion:
    """One assembled answer, from a blocking response or a finished stream."""

    content: str = ""
    reasoning: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)  # a model declared to answer with images
    usage: Usage | None = None
    finish_reason: str | None = None
    response_id: str | None = None
    counted: estimate.TextTally | None = None  # a stream's text, counted instead of kept

    def estimated_output_tokens(self) -> int:
        """Offline estimate of the reasoning and content tokens, for providers that report no usage."""
        return self.counted.tokens if self.counted else estimate.text(self.reasoning + self.content)
