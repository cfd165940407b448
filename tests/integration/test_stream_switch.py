"""A parameter that turns streaming off for one request (`controls: stream`), through the real Dify SDK
and MaiBot's real host: the switch off asks the API for one answer and hands the host a stream of one
(Dify: the text, then usage and finish reason); the switch itself never reaches the API; on, or not
set, the request streams as the host asked."""

from __future__ import annotations

import pytest

from tests.integration.mock_server import Reply, sse
from tests.integration.payloads import USAGE, completion
from tests.integration.specs import hosts_of, spec_of

pytestmark = pytest.mark.xdist_group("stream_switch")  # its processes start once per run

KEY = "sk-switch-test"
SWITCH = {"name": "enable_stream", "type": "boolean", "default": True, "controls": "stream"}
SPEC = spec_of(
    "switch",
    api={"base_url": "https://api.switch.example/v1"},
    models=[{"name": "switch-1", "context_size": 8192, "parameters": [{"template": "temperature"}, SWITCH]}],
)
HI = [{"role": "user", "content": "Hi"}]
WHOLE = Reply(json=completion({"role": "assistant", "content": "whole answer"}))
DELTAS = [{"choices": [{"index": 0, "delta": {"content": piece}}]} for piece in ("who", "le answer")]
STREAMED = Reply(sse=sse(*DELTAS, {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": USAGE}))


@pytest.fixture(scope="module")
def plugins(tmp_path_factory: pytest.TempPathFactory):
    yield from hosts_of(tmp_path_factory.mktemp("stream_switch"), SPEC)


def dify_stream(plugins, mock, reply: Reply, parameters: dict) -> tuple[dict, list[dict]]:
    """The body a streamed Dify call with `parameters` sends, and the chunks the SDK hands over."""
    mock.expect(reply)
    credentials = {"api_key": KEY, "base_url": mock.url}
    outcome = plugins[0].invoke_llm("switch-1", credentials, HI, True, provider="switch", parameters=parameters)
    assert outcome.error is None, outcome.message
    return mock.last.body, outcome.items


def maibot_stream(plugins, mock, reply: Reply, parameters: dict) -> tuple[dict, dict]:
    """The body MaiBot's host sends for a model in forced stream mode with `parameters` as its
    extra_params, and the answer it gets."""
    mock.expect(reply)
    result = plugins[1].call(
        op="response",
        api_provider={"client_type": "switch", "base_url": mock.url, "api_key": KEY},
        model_info={"model_identifier": "switch-1", "name": "switch-1", "force_stream_mode": True},
        context_items=[{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "Hi"}]}],
        extra_params=parameters,
    )
    assert result["ok"], result
    return mock.last.body, result


def text_of(chunks: list[dict]) -> str:
    return "".join(chunk["delta"]["message"]["content"] or "" for chunk in chunks)


def test_dify_switch_off_asks_for_one_answer_and_streams_it(plugins, mock):
    body, chunks = dify_stream(plugins, mock, WHOLE, {"enable_stream": False, "temperature": 0.2})
    assert body["stream"] is False and "stream_options" not in body
    assert "enable_stream" not in body and body["temperature"] == 0.2
    assert text_of(chunks) == "whole answer" and len(chunks) == 2
    last = chunks[-1]["delta"]
    assert last["finish_reason"] == "stop"
    assert (last["usage"]["prompt_tokens"], last["usage"]["completion_tokens"]) == (11, 7)


@pytest.mark.parametrize("parameters", [{"enable_stream": True}, {}], ids=["on", "unset"])
def test_dify_switch_on_or_unset_streams(plugins, mock, parameters):
    body, chunks = dify_stream(plugins, mock, STREAMED, parameters)
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert "enable_stream" not in body
    assert text_of(chunks) == "whole answer" and chunks[-1]["delta"]["finish_reason"] == "stop"


def test_maibot_switch_off_asks_for_one_answer(plugins, mock):
    body, result = maibot_stream(plugins, mock, WHOLE, {"enable_stream": False})
    assert body["stream"] is False and "stream_options" not in body and "enable_stream" not in body
    assert (result["content"], result["items"]) == ("whole answer", ["AssistantMessageItem"])
    assert (result["usage"]["prompt_tokens"], result["usage"]["completion_tokens"]) == (11, 7)


def test_maibot_switch_on_streams(plugins, mock):
    body, result = maibot_stream(plugins, mock, STREAMED, {"enable_stream": True})
    assert body["stream"] is True and "enable_stream" not in body
    assert result["content"] == "whole answer" and result["usage"]["completion_tokens"] == 7
