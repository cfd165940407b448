"""The Dify transport's chunked-body reader (compiler/runtime/dify/chunked.py): the data comes out
whole and in order however the body is split across reads, each read's chunks as one piece, and a
body cut short or framed wrongly fails as urllib3's own read would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from urllib3.exceptions import ProtocolError, ReadTimeoutError

from compiler.runtime.dify import chunked


def encode(chunks: list[bytes], trailer: bytes = b"") -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n" + trailer + b"\r\n"


class Reads:
    """A connection that gives `parts` one per read, then the end of the stream (or `then`)."""

    def __init__(self, parts: list[bytes], then: BaseException | None = None) -> None:
        self.parts, self.then, self.finished = list(parts), then, 0

    def read(self) -> bytes:
        if self.parts:
            return self.parts.pop(0)
        if self.then is not None:
            raise self.then
        return b""

    def finish(self) -> None:
        self.finished += 1

    def pieces(self) -> Iterator[bytes]:
        return chunked.pieces(self.read, self.finish, "http://127.0.0.1/v1/chat")


def split(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(body) + 1) for c in cuts} | {0, len(body)})
    return [body[a:b] for a, b in zip(points, points[1:]) if b > a]


@given(
    st.lists(st.binary(min_size=1, max_size=40), max_size=12),
    st.lists(st.integers(min_value=0), max_size=20),
    st.sampled_from([b"", b"X-Checksum: 1\r\n", b"A: 1\r\nB: 2\r\n"]),
)
def test_the_data_comes_whole_however_the_reads_split_the_body(data: list[bytes], cuts: list[int], trailer: bytes):
    reads = split(encode(data, trailer), cuts)
    connection = Reads(reads)
    pieces = list(connection.pieces())
    assert b"".join(pieces) == b"".join(data)
    assert len(pieces) <= len(reads) and all(pieces)  # at most one piece a read, never an empty one
    assert connection.finished == 1


def test_the_chunks_of_one_read_come_as_one_piece():
    connection = Reads([encode([b"data: 1\n\n", b"data: 2\n\n"])[:-5], b"0\r\n\r\n"])
    assert list(connection.pieces()) == [b"data: 1\n\ndata: 2\n\n"]


def test_a_chunk_is_passed_on_before_the_rest_of_it_arrives():
    connection = Reads([b"a\r\n01234", b"56789\r\n0\r\n\r\n"])
    pieces = connection.pieces()
    assert next(pieces) == b"01234"
    assert list(pieces) == [b"56789"]


def test_chunk_extensions_and_upper_case_sizes_are_read():
    assert list(Reads([b"A;name=value\r\n0123456789\r\n0;last\r\n\r\n"]).pieces()) == [b"0123456789"]


def test_the_connection_is_finished_before_the_last_piece_goes():
    connection = Reads([encode([b"last"])])
    pieces = connection.pieces()
    assert next(pieces) == b"last" and connection.finished == 1


@pytest.mark.parametrize(
    "parts, message",
    [
        ([b"5\r\nabc"], "ended before its last chunk"),
        ([b"zz\r\nabc\r\n"], "invalid chunk size"),
        ([b"\r\n"], "invalid chunk size"),
        ([b"3\r\nabcdef\r\n0\r\n\r\n"], "runs past its size"),
        ([b"1" * 5000], "runs on"),
        ([b"0\r\n" + b"X: y\r\n" * 1000], "runs on"),
    ],
)
def test_a_body_framed_wrongly_or_cut_short_is_a_protocol_error(parts: list[bytes], message: str):
    connection = Reads(parts)
    with pytest.raises(ProtocolError, match=message):
        list(connection.pieces())
    assert connection.finished == 0


def test_a_read_that_times_out_is_a_read_timeout():
    with pytest.raises(ReadTimeoutError) as raised:
        list(Reads([b"4\r\nab"], then=TimeoutError("timed out")).pieces())
    assert raised.value.url == "http://127.0.0.1/v1/chat"


def test_a_connection_reset_is_a_protocol_error():
    with pytest.raises(ProtocolError, match="Connection broken"):
        list(Reads([b"4\r\nab"], then=ConnectionResetError(104, "reset")).pieces())
