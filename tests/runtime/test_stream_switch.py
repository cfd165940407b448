"""A parameter that controls `stream`: false asks every protocol for one answer this request, true or
unset leaves the host's choice, a model the spec does not stream never streams, and the switch itself
is never sent; a model that never sends it (never_send) is not switched by it."""

from __future__ import annotations

import pytest

from compiler.runtime import messages
from compiler.runtime.parameters import streamed
from compiler.runtime.protocols import anthropic_messages, gemini, openai_chat, openai_responses

PARAMETERS = {"enable_stream": {"control": "stream"}, "temperature": {"key": "temperature"}}
HI = [messages.user("Hi")]


def asked_stream(protocol, request) -> bool:
    """Whether `request` asks for a stream: Gemini says so in its path, the others in the body."""
    if protocol is gemini:
        return request.path.endswith(":streamGenerateContent")
    return request.body["stream"]


@pytest.mark.parametrize("protocol", [openai_chat, anthropic_messages, openai_responses, gemini])
def test_every_protocol_reads_the_switch(settings, protocol) -> None:
    settings(PARAMETERS=PARAMETERS, ENDPOINTS={"chat": "/v1beta/models/{model}:generateContent"})
    off = protocol.chat_request("m", HI, {"enable_stream": False, "temperature": 0.5}, stream=True, settings={})
    assert asked_stream(protocol, off) is False and "enable_stream" not in off.body
    assert "stream_options" not in off.body
    for parameters in ({"enable_stream": True}, {}, {"enable_stream": None}):
        assert asked_stream(protocol, protocol.chat_request("m", HI, parameters, stream=True, settings={})) is True
    # A switch on does not make a blocking call stream, nor a model the spec does not stream.
    assert asked_stream(protocol, protocol.chat_request("m", HI, {"enable_stream": True}, settings={})) is False
    unstreamed = protocol.chat_request("m", HI, {"enable_stream": True}, stream=True, settings={"stream": False})
    assert asked_stream(protocol, unstreamed) is False


def test_only_a_false_switch_the_model_sends_turns_streaming_off(settings) -> None:
    settings(PARAMETERS=PARAMETERS)
    assert streamed(True, {"enable_stream": False}, {}) is False
    assert streamed(True, {"enable_stream": 0}, {}) is True  # not the boolean false
    assert streamed(True, {"enable_stream": False}, {"never_send": ("enable_stream",)}) is True
    assert streamed(True, {"undeclared": False, "temperature": False}, {}) is True
