"""What only the openai_responses protocol has, over its specs: a stateless request (store false,
encrypted reasoning asked for, the system prompt as instructions, no stop sequences), the encrypted
reasoning of two tool turns replayed unchanged, on the wire, from both hosts; the spec's parameters
where the API takes them (reasoning, text.verbosity, text.format, a built-in tool, max_output_tokens);
an incomplete answer's finish reason; a failed response mid-stream as a typed error."""

from __future__ import annotations

import pytest

from tests.conformance.expect import WEATHER_TOOL, assert_auth, assert_failed, reply
from tests.conformance.hosts import assistant, system, tool, user
from tests.conformance.protocols import Call, Text
from tests.conformance.protocols import openai_responses as api
from tests.integration.mock_server import Reply

PROTOCOLS = ("openai_responses",)


def test_a_stateless_request_with_instructions(dify, provider, mock):
    mock.expect(Reply(json=api.answer(Text("Bonjour."))))
    answer = dify.chat(system("Be brief."), user("Hello"), stop=["END"])
    assert answer.error is None and answer.text == "Bonjour.", answer.message
    sent = mock.last
    assert_auth(provider, sent)
    body = sent.body
    assert sent.path.endswith("/responses") and body["store"] is False
    assert body["include"] == ["reasoning.encrypted_content"] and body["instructions"] == "Be brief."
    assert body["input"] == [{"role": "user", "content": [{"type": "input_text", "text": "Hello"}]}]
    assert "stop" not in body and "messages" not in body
    for key, value in provider.api.body.items():
        assert body[key] == value


def tool_turn(host, mock, history: list, call_id: str, encrypted: str, stream: bool) -> list:
    """One answer with encrypted reasoning and a call; the history with that call and its result."""
    final = api.response(
        api.reasoning(f"Look up {call_id}.", encrypted, f"rs_{call_id}"),
        api.function_call(call_id, "get_weather", '{"city": "Oslo"}', f"fc_{call_id}"),
        usage=api.usage_body(30, 20),
    )
    mock.expect(api.streamed(final) if stream else Reply(json=final))
    answer = host.chat(*history, stream=stream, tools=[WEATHER_TOOL])
    assert answer.error is None, answer.message
    assert [c[0] for c in answer.calls] == [call_id]
    return history + [
        assistant("", Call(call_id, "get_weather", {"city": "Oslo"})),
        tool(call_id, "get_weather", "cold"),
    ]


def reasoning_items(body: dict) -> list[dict]:
    return [item for item in body["input"] if item.get("type") == "reasoning"]


def test_encrypted_reasoning_is_replayed_through_two_tool_turns(host, mock):
    """As a stateless conversation needs: each tool turn's reasoning items go back exactly as they
    came (id, summary, encrypted content), before that turn's function_call item."""
    first, second = f"call_{host.name}_a", f"call_{host.name}_b"
    history = tool_turn(host, mock, [user("Weather in Oslo, twice?")], first, f"gAAA-{host.name}-1", stream=False)
    history = tool_turn(host, mock, history, second, f"gAAA-{host.name}-2", stream=True)
    replayed_once = reasoning_items(mock.last.body)
    mock.expect(Reply(json=api.answer(Text("Cold, twice."))))
    answer = host.chat(*history, tools=[WEATHER_TOOL])
    assert answer.error is None and answer.text == "Cold, twice.", answer.message
    items = mock.last.body["input"]
    kinds = [item.get("type", item.get("role")) for item in items]
    assert kinds == ["user"] + ["reasoning", "function_call", "function_call_output"] * 2
    summary = lambda call: [{"type": "summary_text", "text": f"Look up {call}."}]  # noqa: E731
    assert items[1] == {
        "id": f"rs_{first}",
        "type": "reasoning",
        "summary": summary(first),
        "encrypted_content": f"gAAA-{host.name}-1",
    }
    assert items[4] == {
        "id": f"rs_{second}",
        "type": "reasoning",
        "summary": summary(second),
        "encrypted_content": f"gAAA-{host.name}-2",
    }
    assert replayed_once == [items[1]] and items[2]["call_id"] == first and items[5]["call_id"] == second


def test_the_specs_parameters_where_the_api_takes_them(dify, provider, mock):
    names = {rule.name for rule in provider.models_of("llm")[0].parameters}
    wanted = {"max_tokens", "reasoning_effort", "reasoning_summary", "verbosity", "web_search", "json_schema"}
    if not wanted <= names:
        pytest.skip(f"the first model lacks {sorted(wanted - names)}")
    mock.expect(Reply(json=api.answer(Text('{"ok": true}'))))
    parameters = {
        "max_tokens": 300,
        "reasoning_effort": "low",
        "reasoning_summary": "auto",
        "verbosity": "low",
        "web_search": True,
        "response_format": "json_schema",
        "json_schema": '{"name": "verdict", "schema": {"type": "object"}}',
    }
    answer = dify.chat(user("Judge."), parameters=parameters)
    assert answer.error is None, answer.message
    body = mock.last.body
    assert body["max_output_tokens"] == 300 and body["reasoning"] == {"effort": "low", "summary": "auto"}
    format_ = {"type": "json_schema", "name": "verdict", "schema": {"type": "object"}}
    assert body["text"] == {"verbosity": "low", "format": format_}
    assert body["tools"] == [{"type": "web_search"}]


def test_an_incomplete_answer_finishes_for_its_reason(host, mock, stream):
    mock.expect(reply(api, stream, Text("Cut sh"), finish="length"))
    answer = host.chat(user("Long story?"), stream=stream)
    assert answer.error is None and answer.text == "Cut sh", answer.message
    if host.name == "dify" and stream:
        assert answer.finish == "length"


def test_a_failed_response_mid_stream_is_a_typed_error(host, provider, mock):
    events = api.stream(Text("Hel"), end=False)
    mock.expect(Reply(sse=events[:5] + [api.failed_event("insufficient_quota", "You exceeded your quota")]))
    answer = host.chat(user("Hi"), stream=True)
    kind = provider.errors.codes.get("insufficient_quota", "server_unavailable")
    assert_failed(answer, kind, "You exceeded your quota", status=None)
