"""AWS event-stream framing: frames made here (and read back by botocore's own parser, so the test's
encoder speaks AWS's format) decode to the same headers and payloads, split at every byte boundary;
a corrupted checksum, a truncated stream or a header that runs past its frame is a typed error."""

from __future__ import annotations

import json
import struct
import uuid
import zlib

import pytest
from botocore.eventstream import EventStreamBuffer

from compiler.runtime import eventstream
from compiler.runtime.errors import ProviderError

STRING, BYTES, INT, BOOL_TRUE, TIMESTAMP, UUID = 7, 6, 4, 0, 8, 9


def header(name: str, tag: int, value: object) -> bytes:
    head = bytes([len(name)]) + name.encode() + bytes([tag])
    if tag in (STRING, BYTES):
        raw = value.encode() if tag == STRING else value
        return head + struct.pack(">H", len(raw)) + raw
    if tag == INT:
        return head + struct.pack(">i", value)
    if tag == TIMESTAMP:
        return head + struct.pack(">q", value)
    if tag == UUID:
        return head + uuid.UUID(value).bytes
    return head  # booleans carry no value


def frame(headers: list[bytes], payload: bytes) -> bytes:
    block = b"".join(headers)
    total = 12 + len(block) + len(payload) + 4
    prelude = struct.pack(">II", total, len(block))
    body = prelude + struct.pack(">I", zlib.crc32(prelude)) + block + payload
    return body + struct.pack(">I", zlib.crc32(body))


def event(kind: str, payload: dict) -> bytes:
    headers = [header(":event-type", STRING, kind), header(":content-type", STRING, "application/json")]
    return frame(headers + [header(":message-type", STRING, "event")], json.dumps(payload).encode())


STREAM = b"".join(
    [
        event("messageStart", {"role": "assistant"}),
        event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": "Héllo"}}),
        event("contentBlockStop", {"contentBlockIndex": 0}),
        frame(
            [header(":message-type", STRING, "exception"), header(":exception-type", STRING, "throttlingException")],
            b'{"message":"slow down"}',
        ),
        frame(
            [
                header(":message-type", STRING, "error"),
                header(":error-code", STRING, "InternalFailure"),
                header(":error-message", STRING, "boom"),
            ],
            b"",
        ),
    ]
)
EXPECTED = [
    ("messageStart", '{"role": "assistant"}'),
    ("contentBlockDelta", '{"contentBlockIndex": 0, "delta": {"text": "H\\u00e9llo"}}'),
    ("contentBlockStop", '{"contentBlockIndex": 0}'),
    ("throttlingException", '{"message":"slow down"}'),
    ("InternalFailure", "boom"),
]


def test_the_test_frames_are_aws_frames() -> None:
    parser = EventStreamBuffer()
    parser.add_data(STREAM)
    read = [(m.headers.get(":event-type") or m.headers.get(":exception-type"), m.payload) for m in parser]
    assert [name for name, _ in read][:4] == [name for name, _ in EXPECTED][:4]
    assert json.loads(read[1][1])["delta"]["text"] == "Héllo"


def test_a_stream_split_at_every_byte_boundary_decodes_the_same() -> None:
    assert list(eventstream.events([STREAM])) == EXPECTED
    for cut in range(1, len(STREAM)):
        assert list(eventstream.events([STREAM[:cut], STREAM[cut:]])) == EXPECTED, cut
    assert list(eventstream.events(bytes([b]) for b in STREAM)) == EXPECTED


def test_every_header_type_is_read() -> None:
    headers = [
        header("s", STRING, "text"),
        header("b", BYTES, b"\x00\x01"),
        header("i", INT, -7),
        header("t", BOOL_TRUE, True),
        header("ts", TIMESTAMP, 1765076645000),
        header("u", UUID, "12345678-1234-5678-1234-567812345678"),
    ]
    [(read, payload)] = eventstream.Decoder().feed(frame(headers, b"x"))
    assert read == {
        "s": "text",
        "b": b"\x00\x01",
        "i": -7,
        "t": True,
        "ts": 1765076645000,
        "u": "12345678-1234-5678-1234-567812345678",
    }
    assert payload == b"x"


@pytest.mark.parametrize("at", [5, 9, 20, -1, -6])
def test_a_corrupted_byte_is_a_typed_error(at: int) -> None:
    broken = bytearray(STREAM)
    broken[at] ^= 0x40
    with pytest.raises(ProviderError) as caught:
        list(eventstream.events([bytes(broken)]))
    assert caught.value.kind == "server_unavailable" and "corrupted event stream" in str(caught.value)


def test_a_truncated_stream_and_a_header_past_its_frame_are_typed_errors() -> None:
    with pytest.raises(ProviderError, match="ended inside a message"):
        list(eventstream.events([STREAM[:-3]]))
    overlong = bytes([5]) + b"name" + bytes([STRING])  # a name said to be 5 bytes, 4 given, then no value
    with pytest.raises(ProviderError, match="runs past its frame"):
        eventstream.Decoder().feed(frame([overlong], b""))


def test_an_oversized_message_is_refused_before_it_is_buffered() -> None:
    prelude = struct.pack(">II", 1 << 30, 0)
    with pytest.raises(ProviderError, match="bytes with 0 bytes of headers"):
        eventstream.Decoder().feed(prelude + struct.pack(">I", zlib.crc32(prelude)))
