"""The fault suite: what hostile servers and gateways send, through the real Dify SDK and MaiBot host,
in blocking and stream mode. Every case ends in the exact text or a typed error that says what
happened; none is a silent empty answer, an untyped error, or a poisoned connection pool."""

from __future__ import annotations

import json

import pytest

from tests.faults import hostile_server
from tests.faults.conftest import READ_TIMEOUT, Plugins, group
from tests.faults.hostile_server import Act, HostileServer, json_act, resplit, sse_act

USAGE = {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8}
FINISH = {"id": "r1", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": USAGE}
DONE = "data: [DONE]\n\n"
TOOL = {"name": "get_weather", "description": "Weather", "parameters": {"type": "object", "properties": {}}}
TEXT = "héllo, 世界 😀 — done"
# The error each kind becomes: Dify's typed class, and words MaiBot's message must hold.
DIFY = {
    "connection": "InvokeConnectionError",
    "server_unavailable": "InvokeServerUnavailableError",
    "rate_limit": "InvokeRateLimitError",
    "authorization": "InvokeAuthorizationError",
    "bad_request": "InvokeBadRequestError",
}


def chunk(**delta) -> dict:
    return {"id": "r1", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta}]}


def completion(**message) -> dict:
    message = {"role": "assistant"} | message
    choice = {"index": 0, "message": message, "finish_reason": "stop"}
    return {"id": "r1", "object": "chat.completion", "choices": [choice], "usage": USAGE}


def reply(stream: bool, **message) -> Act:
    """The answer `message` ({content, reasoning_content, tool_calls}) as a stream or one body."""
    if not stream:
        return json_act(completion(**message))
    order = ("reasoning_content", "content", "tool_calls")  # reasoning streams first
    events = [chunk(**{k: message[k]}) for k in order if k in message]
    return sse_act(events + [FINISH, DONE])


def call(index: int, arguments: str, call_id: str | None = "call_1", name: str | None = "get_weather") -> dict:
    function = {"arguments": arguments} | ({"name": name} if name else {})
    return {"index": index, "type": "function", "function": function} | ({"id": call_id} if call_id else {})


def assert_error(answer, kind: str, *words: str) -> None:
    """A typed Dify error (the SDK names its class) or MaiBot's host exception, saying `words`."""
    assert answer.error is not None, f"expected {kind}, got text {answer.text!r}"
    if answer.host == "dify":
        assert answer.error == DIFY[kind], (answer.error, answer.message)
        if kind == "authorization":
            return  # the SDK replaces the message with its own ("Incorrect model credentials provided")
    for word in words:
        assert word.lower() in answer.message.lower(), (word, answer.message)


# ---- text safety ----------------------------------------------------------------------------


def test_lone_surrogates_become_replacement_characters(side, stream, hostile: HostileServer):
    hostile.expect(reply(stream, reasoning_content="why\udc00", content="a\ud83db"))
    answer = side.chat(stream)
    assert answer.error is None, answer.message
    assert (answer.reasoning, answer.text) == ("why\ufffd", "a\ufffdb")


def test_surrogate_pair_split_across_events_is_joined(side, hostile: HostileServer):
    events = [chunk(reasoning_content="r\ud83d"), chunk(reasoning_content="\ude00"), chunk(content="x\ud83d")]
    events += [chunk(content="\ude00y\ud83d"), FINISH, DONE]  # the last half has no partner
    hostile.expect(sse_act(events))
    answer = side.chat(True)
    assert answer.error is None, answer.message
    assert (answer.reasoning, answer.text) == ("r😀", "x😀y\ufffd")


def test_tool_arguments_with_surrogates(side, stream, hostile: HostileServer):
    escaped = json.dumps({"city": "\ud83d", "pair": "😀"})  # the escape inside the arguments text
    if stream:
        fragments = [call(0, '{"city": "\ud83d'), call(0, '\ude00", "lone": "\udc00"}', None, None)]
        events = [chunk(tool_calls=[f]) for f in fragments] + [chunk(tool_calls=[call(1, escaped, "call_2")])]
        hostile.expect(sse_act(events + [FINISH, DONE]))
        expected = [{"city": "😀", "lone": "\ufffd"}, {"city": "\ufffd", "pair": "😀"}]
    else:
        calls = [call(0, '{"city": "\ud83d"}')["function"] | {}, call(1, escaped)["function"]]
        tool_calls = [{"id": f"call_{n}", "type": "function", "function": f} for n, f in enumerate(calls)]
        hostile.expect(json_act(completion(content=None, tool_calls=tool_calls)))
        expected = [{"city": "\ufffd"}, {"city": "\ufffd", "pair": "😀"}]
    answer = side.chat(stream, tools=[TOOL])
    assert answer.error is None, answer.message
    assert [c["arguments"] for c in answer.calls] == expected


def test_error_message_with_a_lone_surrogate(side, stream, hostile: HostileServer):
    hostile.expect(json_act({"error": {"message": "bad \ud83d input", "type": "invalid_request_error"}}, 400))
    assert_error(side.chat(stream), "bad_request", "bad \ufffd input")


def test_invalid_utf8_becomes_replacement_characters(side, stream, hostile: HostileServer):
    body = json.dumps(chunk(content="a@b") if stream else completion(content="a@b")).encode()
    body = body.replace(b"a@b", b"a\xff\xfeb")
    hostile.expect(sse_act([b"data: " + body + b"\n\n", FINISH, DONE]) if stream else json_act(body))
    answer = side.chat(stream)
    assert answer.error is None, answer.message
    assert answer.text == "a\ufffd\ufffdb"


def test_a_body_that_is_not_json_says_so(side, hostile: HostileServer):
    hostile.expect(json_act(b"\xff\xfe\x00 binary junk"))
    assert_error(side.chat(False), "server_unavailable", "not JSON")


# ---- mode mismatch ----------------------------------------------------------------------------


def test_stream_request_answered_with_one_json_body(side, hostile: HostileServer):
    tool_calls = [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]
    hostile.expect(json_act(completion(content=TEXT, reasoning_content="hm", tool_calls=tool_calls)))
    answer = side.chat(True, tools=[TOOL])
    assert answer.error is None, answer.message
    assert (answer.text, answer.reasoning) == (TEXT, "hm")
    assert [(c["id"], c["name"]) for c in answer.calls] == [("call_1", "get_weather")]


def test_stream_request_answered_with_a_json_error(side, hostile: HostileServer):
    hostile.expect(json_act({"error": {"code": "insufficient_quota", "message": "top up"}}))
    assert_error(side.chat(True), "rate_limit", "top up")


def test_blocking_request_answered_with_a_stream(side, hostile: HostileServer):
    events = [chunk(reasoning_content="hm"), chunk(content=TEXT[:4]), chunk(content=TEXT[4:]), FINISH, DONE]
    hostile.expect(sse_act(events))
    answer = side.chat(False)
    assert answer.error is None, answer.message
    assert (answer.text, answer.reasoning) == (TEXT, "hm")


# ---- framing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("sep", ["\n", "\r\n", "\r\n\r\n"], ids=["lf", "crlf", "blank-lines"])
def test_sse_field_variants(side, hostile: HostileServer, sep: str):
    first, second = json.dumps(chunk(content=TEXT[:5])), json.dumps(chunk(content=TEXT[5:]))
    body = (
        f": keep-alive comment{sep}{sep}retry: 3000{sep}id: 7{sep}event: message{sep}data:{first}{sep}{sep}"
        f"id: 8{sep}data: {second}{sep}{sep}: another{sep}data: {json.dumps(FINISH)}{sep}{sep}data:[DONE]{sep}{sep}"
    )
    hostile.expect(sse_act([body]))
    answer = side.chat(True)
    assert answer.error is None, answer.message
    assert answer.text == TEXT


@pytest.mark.parametrize("framing", ["chunked", "length", "close"])
def test_tiny_writes(side, stream, hostile: HostileServer, framing: str):
    act = reply(stream, content=TEXT, reasoning_content="思考 😀")
    act.framing = framing
    hostile.expect(resplit(act, (1, 2, 3)))
    answer = side.chat(stream)
    assert answer.error is None, answer.message
    assert (answer.text, answer.reasoning) == (TEXT, "思考 😀")


def test_one_mebibyte_event(side, stream, hostile: HostileServer):
    big = ("x" * 1023 + "é") * 1024
    hostile.expect(reply(stream, content=big))
    answer = side.chat(stream)
    assert answer.error is None, answer.message
    assert answer.text == big


def test_gzip(side, stream, hostile: HostileServer):
    act = reply(stream, content=TEXT)
    act.gzip = True
    hostile.expect(resplit(act, (7,)) if stream else act)
    answer = side.chat(stream)
    assert answer.error is None, answer.message
    assert answer.text == TEXT


# ---- broken answers ---------------------------------------------------------------------------


def test_connection_cut_mid_body(side, stream, hostile: HostileServer):
    if stream:
        act = sse_act([chunk(content="partial"), chunk(content=" answer")], cut=True)
    else:
        act = json_act(json.dumps(completion(content=TEXT)).encode()[:40], cut=True)
    hostile.expect(act)
    assert_error(side.chat(stream), "connection")


def test_stream_closed_before_it_finished(side, hostile: HostileServer):
    hostile.expect(sse_act([chunk(content="partial")], framing="close"))
    assert_error(side.chat(True), "connection", "ended before")


@pytest.mark.parametrize("code, kind", [("insufficient_quota", "rate_limit"), (401, "authorization")])
def test_200_with_an_error_object(side, stream, hostile: HostileServer, code, kind):
    error = {"error": {"code": code, "message": "refused inside a 200"}}
    hostile.expect(sse_act([chunk(content="a"), error]) if stream else json_act(error))
    assert_error(side.chat(stream), kind, "refused inside a 200")


@pytest.mark.parametrize("status, kind", [(200, "server_unavailable"), (502, "server_unavailable")])
def test_html_bodies(side, stream, hostile: HostileServer, status, kind):
    page = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
    hostile.expect(Act(status=status, headers={"Content-Type": "text/html"}, pieces=[page]))
    assert_error(side.chat(stream), kind, "Bad Gateway")


def test_429_with_retry_after_is_not_retried(side, stream, hostile: HostileServer):
    error = {"error": {"message": "slow down", "type": "rate_limit_error"}}
    hostile.expect(
        Act(
            status=429,
            headers={"Content-Type": "application/json", "Retry-After": "7"},
            pieces=[json.dumps(error).encode()],
        )
    )
    assert_error(side.chat(stream), "rate_limit", "slow down", "Retry-After: 7")
    assert len(hostile.requests) == 1


def test_redirect_is_not_followed(side, stream, hostile: HostileServer):
    elsewhere = hostile_server.start()
    try:
        location = f"{elsewhere.url}/v1/chat/completions"
        hostile.expect(Act(status=302, headers={"Location": location}, pieces=[]))
        assert_error(side.chat(stream), "server_unavailable", "redirected to " + location)
        assert elsewhere.requests == [] and elsewhere.connections == 0
    finally:
        elsewhere.close()


def test_stall_longer_than_the_read_timeout(side, stream, hostile: HostileServer):
    stall = READ_TIMEOUT + 2
    act = (
        sse_act([chunk(content="a"), chunk(content="b"), FINISH, DONE]) if stream else json_act(completion(content="x"))
    )
    act.stalls = {1 if stream else 0: stall}
    hostile.expect(act)
    answer = side.chat(stream)
    assert_error(answer, "connection")
    # Dify: the read timeout (MAX_REQUEST_TIMEOUT); MaiBot: the call's budget below the host's 3 s.
    assert "timed out after 2 s" in answer.message, answer.message


# ---- large answers through MaiBot's frame ------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
@pytest.mark.xdist_group(group("maibot"))
def test_maibot_ten_mebibyte_answer_arrives_whole(plugins: Plugins, hostile: HostileServer, stream: bool):
    big = ("0123456789abcdeé" * 64 + "\n") * 10240  # 10.2 MiB of UTF-8
    events = [chunk(content=big[i : i + 65536]) for i in range(0, len(big), 65536)] + [FINISH, DONE]
    hostile.expect(sse_act(events) if stream else json_act(completion(content=big)))
    answer = plugins.side("maibot").chat(stream)
    assert answer.error is None, answer.message
    assert answer.text == big


@pytest.mark.xdist_group(group("maibot"))
def test_maibot_answer_above_the_frame_limit_says_so(plugins: Plugins, hostile: HostileServer):
    hostile.expect(json_act(completion(content="y" * (17 * 2**20))))
    answer = plugins.side("maibot").chat(False)
    assert_error(answer, "bad_request", "MiB", "frame limit")
    assert "E_UNKNOWN" not in answer.message


# ---- afterwards ---------------------------------------------------------------------------------


def test_zz_the_same_processes_still_answer(side, hostile: HostileServer):
    """Runs last in this module: after every fault above, the same plugin process (and its pool)
    serves normal calls, in both modes, on reused connections."""
    for stream in (False, True, False, True):
        hostile.expect(reply(stream, content=TEXT))
        answer = side.chat(stream)
        assert answer.error is None, answer.message
        assert answer.text == TEXT
    assert len({r.connection for r in hostile.requests}) == 1
