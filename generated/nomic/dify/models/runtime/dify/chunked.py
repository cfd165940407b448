"""A chunked HTTP/1.1 body (RFC 9112 §7.1) read in pieces of what arrived together: each piece is
the data of everything one read of the connection brought, however many chunks that holds. urllib3
reads one chunk at a time (a size line, the data, its CRLF: three reads and their checks), which
under load costs a streamed token more than the token's own work; here one read serves them all,
and a stream's events that arrived together reach the plugin together (chat.py sends their text as
one chunk). Failures are urllib3's own exceptions, so callers type them as any other read's."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from urllib3.exceptions import ProtocolError, ReadTimeoutError

LONGEST_LINE = 4096  # a size line (with extensions) or trailer section longer than this is no HTTP


def pieces(read: Callable[[], bytes], finished: Callable[[], None], url: str | None) -> Iterator[bytes]:
    """The body's data, a piece per `read` that brought some (never waiting to fill one); `finished`
    runs once the last chunk and the trailer section are in, so the connection can serve the next
    request. A body cut short or framed wrongly raises ProtocolError, a read that waits past the
    read timeout ReadTimeoutError."""
    body = Body()
    while True:
        try:
            data = read()
        except TimeoutError as exc:
            raise ReadTimeoutError(None, url, "Read timed out.") from exc
        except OSError as exc:
            raise ProtocolError(f"Connection broken: {exc!r}", exc) from exc
        if not data:
            raise ProtocolError("Connection broken: the body ended before its last chunk")
        piece = body.take(data)
        if body.ended:
            finished()  # before the last piece goes: its reader may stop there
        if piece:
            yield piece
        if body.ended:
            return


class Body:
    """The framing state between reads: bytes of a line not yet whole, and how much of the current
    chunk's data is still to come (-1: its data is in, its CRLF comes next)."""

    __slots__ = ("pending", "left", "ended")

    def __init__(self) -> None:
        self.pending, self.left, self.ended = b"", 0, False

    def take(self, data: bytes) -> bytes:
        """The chunk data in `data` (joined), with the framing it completes consumed."""
        if self.pending:
            data, self.pending = self.pending + data, b""
        found, at, end = [], 0, len(data)
        while at < end:
            if self.left > 0:
                taken = min(self.left, end - at)
                found.append(data[at : at + taken])
                at, self.left = at + taken, self.left - taken or -1
                continue
            at = self.header(data, at)
            if at < 0:
                break
        return found[0] if len(found) == 1 else b"".join(found)

    def header(self, data: bytes, at: int) -> int:
        """Reads the size line at `at` (after a chunk's CRLF when one is due); where the next chunk's
        data starts, or -1 when the line is not whole yet (kept for the next read) or the body ended."""
        start = at + 2 if self.left < 0 else at
        line_end = data.find(b"\r\n", start)
        if line_end < 0:
            return self.keep(data[at:])
        if self.left < 0 and data[at : at + 2] != b"\r\n":
            raise ProtocolError("Connection broken: a chunk's data runs past its size")
        size = chunk_size(data[start:line_end])
        if size:
            self.left = size
            return line_end + 2
        rest = data[line_end + 2 :]  # the last chunk: trailer fields, if any, then an empty line
        if rest[:2] == b"\r\n" or b"\r\n\r\n" in rest:
            self.ended = True
            return -1
        return self.keep(data[at:])

    def keep(self, tail: bytes) -> int:
        if len(tail) > LONGEST_LINE:
            raise ProtocolError("Connection broken: a chunk-size line or trailer section runs on")
        self.pending = tail
        return -1


def chunk_size(line: bytes) -> int:
    """A size line's chunk size (hex digits, extensions after `;` ignored)."""
    digits = line.split(b";", 1)[0].strip()
    if not digits or digits.strip(b"0123456789abcdefABCDEF"):
        raise ProtocolError(f"Connection broken: invalid chunk size {line[:40]!r}")
    return int(digits, 16)
