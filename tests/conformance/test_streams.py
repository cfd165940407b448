"""The stream's framing on both hosts: an error event mid-stream, a stream cut short, data that is not
JSON and lines that are not SSE, each token forwarded when it arrives, a last event without its line
end."""

from __future__ import annotations

import pytest

from tests.conformance.expect import assert_failed, expected_kind
from tests.conformance.protocols import Text
from tests.integration.mock_server import Reply


def test_an_error_event_mid_stream(host, provider, api, mock):
    """The event carries the codes of a 500's error body (protocols/)."""
    mock.expect(Reply(sse=api.stream(Text("partial"), end=False) + [api.error_event("model crashed")]))
    answer = host.chat(stream=True)
    assert_failed(answer, expected_kind(provider, None, api.error_codes(api.error_body(500, ""))), "model crashed")
    assert answer.text == ("partial" if host.name == "dify" else "")


def test_a_stream_cut_short(host, api, mock):
    mock.expect(Reply(sse=api.stream(Text("par"), Text("tial"), end=False), cut=True))
    answer = host.chat(stream=True)
    assert_failed(answer, "connection", *(["connection"] if host.name == "maibot" else []))
    assert answer.text == ("partial" if host.name == "dify" else "")


@pytest.mark.parametrize("bad", ["data: {not json}\n\n", "garbage-without-colon\n\n"], ids=["data", "line"])
def test_malformed_stream_data(host, api, mock, bad):
    if api.FRAMING != "sse":
        pytest.skip("server-sent events only (an AWS frame's corruption: test_a_corrupted_frame)")
    mock.expect(Reply(sse=api.stream(Text("x"), end=False) + [bad]))
    assert_failed(host.chat(stream=True), "server_unavailable", "malformed")


@pytest.mark.parametrize("at", [0, 9, -1], ids=["length", "prelude-crc", "message-crc"])
def test_a_corrupted_frame(host, api, mock, at):
    """An AWS event-stream frame whose bytes do not add up is the server's fault, said so."""
    if api.FRAMING != "eventstream":
        pytest.skip("AWS event-stream frames only")
    *events, last = api.stream(Text("x"))
    broken = bytearray(last)
    broken[at] ^= 0x01
    mock.expect(Reply(sse=[*events, bytes(broken)]))
    assert_failed(host.chat(stream=True), "server_unavailable", "corrupted event stream")


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_each_token_is_forwarded_when_it_arrives(dify, api, mock, chunked):
    """Each token reaches Dify when the provider sends it, not when a read buffer fills: the stream's
    events are written in parts a quarter of a second apart: up to the first token, up to the second,
    the rest (if any)."""
    events = api.stream(Text("tok1"), Text("tok2"))
    binary = isinstance(events[0], bytes)
    marks = [f'"{token}"'.encode() if binary else f'"{token}"' for token in ("tok1", "tok2")]
    cuts = [0] + [next(n for n, e in enumerate(events) if mark in e) + 1 for mark in marks]
    joined = (b"" if binary else "").join
    parts = [part for part in (joined(events[a:b]) for a, b in zip(cuts, cuts[1:] + [len(events)])) if part]
    mock.expect(Reply(sse=parts, gap=0.25, chunked=chunked))
    answer = dify.chat(stream=True)
    assert answer.error is None and answer.text == "tok1tok2", answer.message
    arrivals = [t for t, item in zip(answer.raw.arrivals, answer.raw.items) if item["delta"]["message"]["content"]]
    assert arrivals[1] - arrivals[0] > 0.15
    assert answer.raw.arrivals[-1] - arrivals[0] > 0.15 * (len(parts) - 1)


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_tokens_that_arrived_together_go_as_one_chunk(dify, api, mock, chunked):
    """Events already read when the plugin gets to them (each its own HTTP chunk, all in one write, as
    from a busy server) reach Dify as one text chunk, in order; a token alone goes alone (above); the
    last chunk keeps only usage and the finish."""
    mock.expect(Reply(sse=api.stream(Text("tok1"), Text("tok2"), Text("tok3")), together=True, chunked=chunked))
    answer = dify.chat(stream=True)
    assert answer.error is None, answer.message
    texts = [item["delta"]["message"]["content"] for item in answer.raw.items]
    assert [text for text in texts if text] == ["tok1tok2tok3"] and texts[-1] == ""
    assert answer.raw.items[-1]["delta"]["usage"] and answer.raw.items[-1]["delta"]["finish_reason"]


def test_a_last_event_without_its_line_end_is_read(host, api, mock):
    """A body that stops right after its last `data:` line (no newline, no blank line) still counts."""
    if api.FRAMING != "sse":
        pytest.skip("server-sent events only: a frame has no line end")
    *events, last = api.stream(Text("ok"))
    mock.expect(Reply(sse=[*events, last.rstrip("\r\n")]))
    answer = host.chat(stream=True)
    assert answer.error is None and answer.text == "ok", answer.message
    assert answer.usage["completion_tokens"] == 7
