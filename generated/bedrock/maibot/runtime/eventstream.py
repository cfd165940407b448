"""AWS event-stream framing (the binary frames Bedrock streams in, where other APIs use server-sent
events): a prelude (total and header lengths, CRC32 of the two), typed headers, the payload, and the
CRC32 of the whole message before it. Knows no protocol: each frame becomes an Event, named by its
event type (or its exception type, or its error code)."""

from __future__ import annotations

import struct
import uuid
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import ProviderError
from .types import Event

MEDIA_TYPE = "application/vnd.amazon.eventstream"
PRELUDE = 12  # total length, headers length, prelude CRC: three big-endian uint32
MAX_MESSAGE = 24 * 1024 * 1024  # AWS caps a message at 16 MiB of payload and 128 KiB of headers
# Header value types (by the one-byte tag before each value): fixed widths, or a uint16 length first.
FIXED = {2: ">b", 3: ">h", 4: ">i", 5: ">q", 8: ">q"}


def corrupted(what: str) -> ProviderError:
    return ProviderError("server_unavailable", f"corrupted event stream: {what}")


class Decoder:
    """Frames out of bytes as they arrive, split anywhere: feed() returns the messages completed."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def feed(self, data: bytes) -> list[tuple[dict[str, Any], bytes]]:
        self.buffer += data
        out = []
        while len(self.buffer) >= PRELUDE:
            total, header_length, prelude_crc = struct.unpack_from(">III", self.buffer)
            if zlib.crc32(self.buffer[:8]) != prelude_crc:
                raise corrupted("the prelude's checksum does not match")
            if total > MAX_MESSAGE or total < PRELUDE + header_length + 4:
                raise corrupted(f"a message of {total} bytes with {header_length} bytes of headers")
            if len(self.buffer) < total:
                break
            message = bytes(self.buffer[:total])
            del self.buffer[:total]
            if zlib.crc32(message[:-4]) != struct.unpack_from(">I", message, total - 4)[0]:
                raise corrupted("a message's checksum does not match")
            headers = parse_headers(message[PRELUDE : PRELUDE + header_length])
            out.append((headers, message[PRELUDE + header_length : -4]))
        return out

    def close(self) -> None:
        """The stream's end: bytes of an unfinished message left are the server's fault."""
        if self.buffer:
            raise corrupted(f"the stream ended inside a message ({len(self.buffer)} bytes left)")


def parse_headers(raw: bytes) -> dict[str, Any]:
    """A frame's headers: name (uint8 length), type tag, value."""
    headers: dict[str, Any] = {}
    at = 0
    try:
        while at < len(raw):
            length = raw[at]
            name = raw[at + 1 : at + 1 + length].decode("utf-8")
            at += 1 + length
            tag = raw[at]
            at += 1
            headers[name], at = header_value(raw, at, tag)
    except (IndexError, struct.error, UnicodeDecodeError):
        raise corrupted("a header runs past its frame") from None
    return headers


def header_value(raw: bytes, at: int, tag: int) -> tuple[Any, int]:
    if tag in (0, 1):
        return tag == 0, at
    if tag in FIXED:
        size = struct.calcsize(FIXED[tag])
        return struct.unpack_from(FIXED[tag], raw, at)[0], at + size
    if tag in (6, 7):
        (length,) = struct.unpack_from(">H", raw, at)
        value = raw[at + 2 : at + 2 + length]
        if len(value) != length:
            raise IndexError
        return (value.decode("utf-8") if tag == 7 else bytes(value)), at + 2 + length
    if tag == 9:
        if len(raw) < at + 16:
            raise IndexError
        return str(uuid.UUID(bytes=bytes(raw[at : at + 16]))), at + 16
    raise corrupted(f"unknown header value type {tag}")


class Framer:
    """The frames of a body fed piece by piece, as Events (sse.Framer's interface): (event type,
    payload) for an event, (exception type, payload) for an exception, (error code, message) for an
    error."""

    def __init__(self) -> None:
        self.decoder = Decoder()

    def feed(self, piece: bytes) -> list[Event]:
        return [event_of(headers, payload) for headers, payload in self.decoder.feed(piece)]

    def close(self) -> list[Event]:
        self.decoder.close()
        return []


def events(pieces: Iterable[bytes]) -> Iterator[Event]:
    framer = Framer()
    for piece in pieces:
        yield from framer.feed(piece)
    yield from framer.close()


def event_of(headers: dict[str, Any], payload: bytes) -> Event:
    kind = headers.get(":message-type", "event")
    text = payload.decode("utf-8", "replace")
    if kind == "exception":
        return str(headers.get(":exception-type") or "exception"), text
    if kind == "error":
        return str(headers.get(":error-code") or "error"), str(headers.get(":error-message") or text)
    return str(headers.get(":event-type") or ""), text
