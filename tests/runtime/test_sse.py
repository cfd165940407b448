"""SSE framing: bytes in any pieces -> (event, data), per the WHATWG rules plus two leniencies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.runtime.errors import ProviderError
from compiler.runtime.sse import Framer
from tests.runtime.conftest import fixture_bytes


def frame(*pieces: bytes) -> list[tuple[str, str]]:
    framer = Framer()
    events = [event for piece in pieces for event in framer.feed(piece)]
    return events + framer.close()


def test_one_event_per_piece() -> None:
    assert frame(b'data: {"a": 1}\n\n', b"data: [DONE]\n\n") == [("", '{"a": 1}'), ("", "[DONE]")]


def test_crlf_line_endings() -> None:
    assert frame(b"event: delta\r\ndata: x\r\n\r\ndata: y\r\n\r\n") == [("delta", "x"), ("", "y")]


def test_utf8_split_across_pieces() -> None:
    body = 'data: {"t": "héllo 😀"}\n\n'.encode()
    cut = body.index("😀".encode()) + 2  # inside the emoji's four bytes
    assert frame(body[:cut], body[cut:]) == [("", '{"t": "héllo 😀"}')]


def test_comments_and_unknown_fields_are_skipped() -> None:
    assert frame(b": keep-alive\n\nid: 7\nretry: 100\ndata: x\n\n") == [("", "x")]


def test_multi_line_data_is_joined_with_newlines() -> None:
    assert frame(b'data: {"a":\ndata: 1}\n\n') == [("", '{"a":\n1}')]


def test_data_without_a_space_after_the_colon() -> None:
    assert frame(b"data:x\n\ndata:  y\n\n") == [("", "x"), ("", " y")]


def test_last_event_without_a_trailing_blank_line() -> None:
    assert frame(b"data: a\n\ndata: b") == [("", "a"), ("", "b")]
    assert frame(b"data: a\n") == [("", "a")]


def test_event_name_belongs_to_one_event() -> None:
    events = frame(b'event: error\ndata: {"message": "boom"}\n\n', b"data: next\n\n")
    assert events == [("error", '{"message": "boom"}'), ("", "next")]


def test_event_name_in_an_earlier_piece() -> None:
    assert frame(b"event: ping\n", b"data: {}\n\n") == [("ping", "{}")]


def test_blank_lines_alone_dispatch_nothing() -> None:
    assert frame(b"\n\n\r\n") == []


def test_bare_json_line_is_an_event() -> None:
    # Some gateways answer a stream request with a bare JSON error, no `data:`.
    assert frame(b'{"error": {"message": "no"}}\n') == [("", '{"error": {"message": "no"}}')]


def test_a_line_that_is_no_field_is_an_error() -> None:
    with pytest.raises(ProviderError, match="malformed stream line: garbage") as caught:
        frame(b"data: ok\n\ngarbage-without-colon\n\n")
    assert caught.value.kind == "server_unavailable"


def test_invalid_utf8_becomes_replacement_characters() -> None:
    assert frame(b"data: a\xff\xfeb\n\n") == [("", "a\ufffd\ufffdb")]
    # a character split across reads is whole once its line is
    framer = Framer()
    assert framer.feed("data: é".encode()[:-1]) == [] and framer.feed("é".encode()[-1:] + b"\n\n") == [("", "é")]


BODIES = [fixture_bytes(name) for name in ("stream_text.sse", "stream_tool_calls.sse", "stream_reasoning.sse")]
BODIES.append('event: a\r\ndata: 1\r\ndata: 2\r\n\r\n: c\n\ndata: é😀\n\n{"x": 1}\ndata: z'.encode())


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(BODIES), st.lists(st.integers(min_value=0, max_value=4000), max_size=12))
def test_any_split_gives_the_same_events(body: bytes, cuts: list[int]) -> None:
    points = sorted({c % (len(body) + 1) for c in cuts})
    pieces = [body[a:b] for a, b in zip([0, *points], [*points, len(body)])]
    assert frame(*pieces) == frame(body)


def test_byte_by_byte_equals_whole() -> None:
    body = fixture_bytes("stream_tool_calls.sse")
    assert frame(*(body[i : i + 1] for i in range(len(body)))) == frame(body)
