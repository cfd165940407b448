"""Every answer shape the adapters make for the checks, as a catalogue the official SDK of each API
reads (test_<sdk>_mock.py): each shape with what it means, so a reading that differs (or an SDK that
refuses the answer) shows an adapter drifting into a dialect of its own."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from tests.conformance.protocols import USAGE, Adapter, Call, Picture, Piece, Reasoning, Text
from tests.integration.payloads import PNG

PARIS = Call("call_1", "get_weather", {"city": "Paris"})


@dataclass(frozen=True)
class Shape:
    name: str
    pieces: tuple[Piece, ...]
    stream: bool = False
    usage: tuple[int, ...] | None = USAGE

    def body(self, api: Adapter) -> Any:
        """The answer: a blocking body, or the stream's SSE chunks."""
        make = api.stream if self.stream else api.answer
        return make(*self.pieces, usage=self.usage)

    def meaning(self, api: Adapter) -> dict[str, Any]:
        """What a client must read from it: text, reasoning, calls (id where the protocol carries
        one, name, arguments) and usage (prompt, completion, cached prompt tokens)."""
        calls = [p for p in self.pieces if isinstance(p, Call)]
        usage = None
        if self.usage:
            usage = (*self.usage[:2], self.usage[2] if len(self.usage) > 2 else (0 if api.REPORTS_CACHE else None))
        return {
            "text": "".join(p.text for p in self.pieces if isinstance(p, Text)),
            "reasoning": "".join(p.text for p in self.pieces if isinstance(p, Reasoning)),
            "calls": [(c.id if api.CALL_IDS else None, c.name, c.args or {}) for c in calls],
            "usage": usage,
        }

    def pictures(self) -> list[tuple[str, str]]:
        """(media type, base64) of each image of the answer, in order."""
        return [(p.mime, p.data) for p in self.pieces if isinstance(p, Picture)]


ANSWERS = [
    Shape("text", (Text("Hello there."),)),
    Shape("reasoning", (Reasoning("Hmm, "), Reasoning("yes."), Text("Yes."))),
    Shape("calls", (PARIS, Call("call_2", "get_time"))),
    Shape("text-and-call", (Text("Checking."), PARIS)),
    Shape("no-usage", (Text("x"),), usage=None),
    Shape("cached-usage", (Text("x"),), usage=(11, 7, 4)),
]
STREAMS = [
    Shape("stream-text", (Text("Hel"), Text("lo")), stream=True),
    Shape("stream-reasoning", (Reasoning("Hmm, "), Reasoning("yes."), Text("Ye"), Text("s.")), stream=True),
    Shape("stream-calls", (PARIS, Call("call_2", "get_time")), stream=True),
    Shape("stream-text-and-call", (Text("Checking."), PARIS), stream=True),
    Shape("stream-no-usage", (Text("x"),), stream=True, usage=None),
    Shape("stream-cached-usage", (Text("x"),), stream=True, usage=(11, 7, 4)),
]
SHAPES = ANSWERS + STREAMS
# Answers of a model that draws (every protocol but anthropic_messages): text, then an image.
PICTURE = Picture("image/png", PNG)
IMAGES = [
    Shape("image", (Text("A cat:"), PICTURE)),
    Shape("image-only", (PICTURE,)),
    Shape("stream-image", (Text("A "), Text("cat:"), PICTURE), stream=True),
]
# The statuses the checks send error bodies with (test_errors.py), and the 500 of an error event.
STATUSES = [400, 401, 403, 429, 500, 503]


def ids(shapes: list[Shape]) -> list[str]:
    return [shape.name for shape in shapes]


class Lazy:
    """A module imported when first used, not when the test module is collected: the SDKs take
    seconds to import, and every pytest-xdist worker collects every test module."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("_"):  # pytest's collection probes every module global (_mock_name, __wrapped__)
            raise AttributeError(attribute)
        return getattr(import_module(self.name), attribute)
