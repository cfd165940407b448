"""Server-sent events framing: bytes in, (event name, data) out. Knows nothing of any protocol's
payloads; the protocol module reads the data (runtime/types.py: Event)."""

from __future__ import annotations

from .errors import ProviderError, describe
from .types import Event

MEDIA_TYPE = "text/event-stream"


class Framer:
    """Feed it the body as it arrives, in pieces of any size; it returns the events completed.

    Runs once per streamed token, so a piece holding exactly one `data:` line and its blank line
    (how providers send a token) takes a shortcut. Two leniencies for gateways: a bare JSON line is
    an event of its own, and a line that is neither a field nor a comment is an error."""

    __slots__ = ("buffer", "event", "data")

    def __init__(self) -> None:
        self.buffer = b""
        self.event = ""
        self.data: list[bytes] = []

    def feed(self, piece: bytes) -> list[Event]:
        if not self.buffer and not self.data and piece[:6] == b"data: " and piece[-2:] == b"\n\n":
            if piece.count(b"\n") == 2 and piece[-3:-2] != b"\r":
                event, self.event = self.event, ""
                return [(event, text(piece[6:-2]))]
        lines = (self.buffer + piece if self.buffer else piece).split(b"\n")
        self.buffer = lines.pop()
        events: list[Event] = []
        for line in lines:
            if line[-1:] == b"\r":
                line = line[:-1]
            if not line:
                if self.data:
                    events.append(self.dispatch())
            elif line[:5] == b"data:":
                self.data.append(line[6:] if line[5:6] == b" " else line[5:])
            else:
                self.field(line, events)
        return events

    def close(self) -> list[Event]:
        """The events a stream without a final blank line left behind: end its last line and event."""
        return self.feed(b"\n\n")

    def field(self, line: bytes, events: list[Event]) -> None:
        """A non-blank line other than `data:`."""
        if line[:6] == b"event:":
            self.event = line[6:].strip().decode("utf-8", "replace")
        elif line[:1] == b"{":
            self.data.append(line)
            events.append(self.dispatch())
        elif line[:1] != b":" and b":" not in line:  # `id:`, `retry:` and comments are ignored
            raise ProviderError("server_unavailable", f"malformed stream line: {describe(text(line))}")

    def dispatch(self) -> Event:
        data = self.data[0] if len(self.data) == 1 else b"\n".join(self.data)
        self.data = []
        return self.take_event(), text(data)

    def take_event(self) -> str:
        event, self.event = self.event, ""
        return event


def text(data: bytes) -> str:
    """Event data as text: SSE is UTF-8 by definition, and bytes that are not become U+FFFD (a
    line is whole here, so a character split across reads is never cut)."""
    return data.decode("utf-8", "replace")
