"""What only the anthropic_messages protocol has, over its specs: its headers and default max_tokens,
signed (and redacted) thinking replayed on the tool turn, every error type the API lists, a stream
without message_stop, base64 blocks; and specs/anthropic.yaml's own parameters (adaptive thinking,
effort, task budget, the cache settings, the 1M-context header, structured output), from both hosts."""

from __future__ import annotations

import base64
import json

import pytest

from compiler.model import Provider
from tests.conformance.expect import IMAGE, WEATHER_TOOL, assert_auth
from tests.conformance.hosts import KEY, assistant, system, tool, user
from tests.conformance.protocols import Call, base_path
from tests.conformance.protocols import anthropic_messages as api
from tests.conformance.specs import only
from tests.integration.mock_server import Reply

PROTOCOLS = ("anthropic_messages",)
ANSWER = api.message(
    api.thinking("The user wants weather.", "sig-weather-1"),
    api.text("Checking."),
    api.tool_use("toolu_01", "get_weather", {"city": "Paris"}),
    stop_reason="tool_use",
    usage={"input_tokens": 20, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 80, "output_tokens": 40},
)
PARIS = [("toolu_01", "get_weather", {"city": "Paris"})]


def first_rules(provider: Provider) -> dict:
    """The first chat model's parameter rules by name."""
    return {rule.name: rule for rule in provider.models_of("llm")[0].parameters}


def thinking_on(provider: Provider) -> dict:
    """Parameters that turn the first model's thinking on (its first value that sends a thinking object: a
    switch's true, an option such as adaptive), with a sampling parameter to see whether it is left out."""
    rule = first_rules(provider).get("thinking")
    if rule is None:
        return {}
    on = next((picked for picked, sent in rule.values if sent is not None), True)
    return {"thinking": on, "temperature": 0.5}


def assert_thinking_kept(provider: Provider, body: dict) -> None:
    """Thinking is on, and temperature is sent or left out as the model's rules say (Anthropic's API
    refuses it while thinking; MiniMax's takes it)."""
    parameters = thinking_on(provider)
    if parameters:
        assert body["thinking"]["type"] in ("enabled", "adaptive")
        temperature = first_rules(provider).get("temperature")
        left_out = temperature is None or ("thinking", parameters["thinking"]) in temperature.omit_when
        assert "temperature" not in body if left_out else body["temperature"] == 0.5


def default_max_tokens(provider: Provider) -> int:
    """What a request without max_tokens gets: a required rule's default (Dify fills it in), else the
    model's output limit."""
    model = provider.models_of("llm")[0]
    rule = first_rules(provider).get("max_tokens")
    required = rule is not None and rule.overrides.get("required") and "default" in rule.overrides
    return rule.overrides["default"] if required else model.max_output_tokens


def test_headers_system_and_the_default_max_tokens(dify, provider, mock):
    mock.expect(Reply(json=api.message(api.text("Bonjour."))))
    answer = dify.chat(system("Be brief."), user("Hello"))
    assert answer.error is None and answer.text == "Bonjour.", answer.message
    sent = mock.last
    assert_auth(provider, sent)  # x-api-key, but for a token (Vertex's)
    assert sent.headers["anthropic-version"] == "2023-06-01"
    assert sent.body["system"] == "Be brief." and sent.body["max_tokens"] == default_max_tokens(provider)
    assert sent.body["messages"] == [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}]


def test_the_credential_check_without_a_model_list_asks_for_one_token(dify, provider, mock):
    if provider.endpoints.get("models"):
        pytest.skip("the spec checks credentials with its model list")
    if provider.check_model and provider.check_model not in {m.name for m in provider.models_of("llm")}:
        pytest.skip("the spec checks credentials with a model of another protocol")
    mock.expect(Reply(json=api.message(api.text("p"))))
    assert dify.validate().error is None
    model = provider.check_model or provider.models_of("llm")[0].name
    assert (mock.last.method, mock.last.path, mock.last.body["max_tokens"]) == (
        "POST",
        api.chat_path(provider, model, False)[0],
        1,
    )


def test_a_streamed_answer_with_thinking_and_a_tool_call_in_fragments(dify, provider, mock):
    mock.expect(api.streamed(ANSWER, pieces=3))
    answer = dify.chat(user("Weather in Paris?"), stream=True, tools=[WEATHER_TOOL], parameters=thinking_on(provider))
    assert answer.error is None, answer.message
    assert answer.content == "<think>\nThe user wants weather.\n</think>\n\nChecking."
    body = mock.last.body
    assert_thinking_kept(provider, body)
    schema = WEATHER_TOOL["parameters"]
    assert body["tools"] == [
        {"name": "get_weather", "input_schema": schema, "description": WEATHER_TOOL["description"]}
    ]
    assert answer.calls == PARIS and answer.finish == "tool_calls"
    assert (answer.usage["prompt_tokens"], answer.usage["completion_tokens"]) == (100, 40)


def test_signed_thinking_is_replayed_on_the_tool_turn(dify, provider, mock):
    mock.expect(Reply(json=ANSWER))
    first = dify.chat(user("Weather?"), tools=[WEATHER_TOOL])
    assert first.error is None, first.message
    said = first.raw.items[0]["delta"]["message"]
    history = [
        {"role": "user", "content": "Weather?"},
        {"role": "assistant", "content": said["content"], "tool_calls": said["tool_calls"]},
        {"role": "tool", "tool_call_id": "toolu_01", "content": "sunny"},
    ]
    mock.expect(Reply(json=api.message(api.text("Sunny in Paris."))))
    outcome = dify.invoke_llm(
        provider.models_of("llm")[0].name,
        dify.credentials(),
        history,
        False,
        provider=provider.name,
        tools=[WEATHER_TOOL],
        parameters=thinking_on(provider),
    )
    assert outcome.error is None, outcome.message
    turns = mock.last.body["messages"]
    assert turns[1]["content"][0] == {
        "type": "thinking",
        "thinking": "The user wants weather.",
        "signature": "sig-weather-1",
    }
    assert [b["type"] for b in turns[1]["content"]] == ["thinking", "text", "tool_use"]
    assert turns[2]["content"] == [{"type": "tool_result", "tool_use_id": "toolu_01", "content": "sunny"}]
    assert_thinking_kept(provider, mock.last.body)


def test_redacted_thinking_from_a_stream_is_replayed(dify, provider, mock):
    answer = api.message(
        api.redacted_thinking("EmwKAhgBEgy3va3pzix"),
        api.tool_use("toolu_red", "get_weather", {"city": "Oslo"}),
        stop_reason="tool_use",
    )
    mock.expect(api.streamed(answer))
    first = dify.chat(user("Oslo?"), stream=True, tools=[WEATHER_TOOL])
    assert first.error is None, first.message
    oslo = Call("toolu_red", "get_weather", {"city": "Oslo"})
    mock.expect(Reply(json=api.message(api.text("Snow."))))
    turns = (user("Oslo?"), assistant(first.text, oslo), tool("toolu_red", "get_weather", "snow"))
    outcome = dify.chat(*turns, tools=[WEATHER_TOOL], parameters=thinking_on(provider))
    assert outcome.error is None, outcome.message
    turn = mock.last.body["messages"][1]["content"]
    assert turn[0] == {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix"} and turn[1]["type"] == "tool_use"


@pytest.mark.parametrize("status,kind", api.ERRORS)
def test_every_error_the_api_lists_is_typed(dify, mock, stream, status, kind):
    expected = {401: "authorization", 403: "authorization", 429: "rate_limit", 500: "server_unavailable"}
    expected[529] = "server_unavailable"
    mock.expect(api.error(status, kind, f"{kind} here"))
    answer = dify.chat(stream=stream)
    assert answer.error == expected.get(status, "bad_request"), answer.message


def test_an_overloaded_stream_and_one_without_message_stop(dify, mock):
    events = api.events_of(api.message(api.text("Hello there")), stop=False)
    mock.expect(Reply(sse=events[:5] + [api.stream_error("overloaded_error", "Overloaded")]))
    answer = dify.chat(stream=True)
    assert answer.error == "server_unavailable" and "Overloaded" in answer.message
    mock.expect(Reply(sse=events))  # no message_stop
    assert dify.chat(stream=True).error == "connection"


def test_images_and_documents_become_base64_blocks(dify, provider, mock):
    pdf = base64.b64encode(b"%PDF-1.4 minimal").decode()
    document = {"kind": "document", "format": "pdf", "mime": "application/pdf", "data": pdf}
    mock.expect(Reply(json=api.message(api.text("A pixel and a PDF."))))
    answer = dify.chat(user("What is this?", IMAGE | {"detail": "high"}, document))
    assert answer.error is None, answer.message
    assert mock.last.body["messages"][0]["content"] == [
        {"type": "text", "text": "What is this?"},
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": IMAGE["data"]}},
        {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": pdf}},
    ]


def test_maibot_streams_thinking_a_tool_call_and_cache_usage(maibot, mock):
    mock.expect(api.streamed(ANSWER, pieces=4))
    answer = maibot.chat(user("Weather in Paris?"), stream=True, tools=[WEATHER_TOOL])
    assert answer.error is None, answer.shown
    assert (answer.reasoning, answer.text, answer.calls) == ("The user wants weather.", "Checking.", PARIS)
    usage = answer.usage
    assert (usage["prompt_tokens"], usage["completion_tokens"], usage["cache_reported"]) == (100, 40, True)
    assert mock.last.body["stream"] is True


# ---- specs/anthropic.yaml: the official plugin's parameters ---------------------------------------


def sent_for(host, mock, model: str, parameters: dict, **extra):
    """The request one blocking call with `parameters` makes (system "Rules.", user "Go.")."""
    mock.expect(Reply(json=api.message(api.text("Done."))))
    answer = host.chat(system("Rules."), user("Go."), model=model, parameters=parameters, **extra)
    assert answer.error is None, answer.shown
    return mock.last


@only("anthropic")
def test_adaptive_thinking_effort_task_budget_and_cache_settings(dify, mock):
    """Opus 5: thinking off is sent as disabled; effort and the task budget go in output_config, the
    budget with its beta header; the cache settings mark blocks and are never sent themselves."""
    parameters = {
        "thinking": False,
        "thinking_display": "summarized",
        "effort": "medium",
        "task_budget": 50000,
        "prompt_caching_ttl": "1h",
        "prompt_caching_tool_definitions": True,
        "prompt_caching_system_message": True,
        "max_tokens": 32000,
    }
    sent = sent_for(dify, mock, "claude-opus-5", parameters, tools=[WEATHER_TOOL])
    body = sent.body
    assert body["thinking"] == {"type": "disabled"} and body["max_tokens"] == 32000
    assert body["output_config"] == {"effort": "medium", "task_budget": {"type": "tokens", "total": 50000}}
    assert sent.headers["anthropic-beta"] == "task-budgets-2026-03-13"
    assert body["system"] == [{"type": "text", "text": "Rules.", "cache_control": {"type": "ephemeral", "ttl": "1h"}}]
    assert body["tools"][-1]["cache_control"] == {"type": "ephemeral", "ttl": "1h"}
    assert not [key for key in body if key.startswith("prompt_caching") or key in ("task_budget", "effort")]
    sent = sent_for(dify, mock, "claude-opus-5", {"thinking": True, "thinking_display": "summarized"})
    assert sent.body["thinking"] == {"type": "adaptive", "display": "summarized"}
    assert "anthropic-beta" not in sent.headers and sent.body["system"] == "Rules."


@only("anthropic")
def test_extended_thinking_and_the_1m_context_header(dify, mock):
    """Sonnet 4.6: thinking with a budget leaves the sampling parameters out; the 1M-context switch
    is a beta header and nothing in the body."""
    parameters = {"thinking": True, "thinking_budget": 2048, "temperature": 0.3, "top_k": 5, "context_1m": True}
    sent = sent_for(dify, mock, "claude-sonnet-4-6", parameters)
    assert sent.body["thinking"] == {"type": "enabled", "budget_tokens": 2048}
    assert not {"temperature", "top_k", "context_1m", "thinking_budget"} & set(sent.body)
    assert sent.headers["anthropic-beta"] == "context-1m-2025-08-07"
    sent = sent_for(dify, mock, "claude-sonnet-4-6", {"thinking": True, "context_1m": False, "temperature": 0.3})
    assert sent.body["thinking"] == {"type": "enabled", "budget_tokens": 1024} and "anthropic-beta" not in sent.headers
    sent = sent_for(dify, mock, "claude-sonnet-4-6", {"thinking": False, "temperature": 0.3})
    assert "thinking" not in sent.body and sent.body["temperature"] == 0.3


@only("anthropic")
def test_always_adaptive_models_and_structured_output(dify, mock):
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]}
    parameters = {"thinking_display": "summarized", "json_schema": json.dumps(schema)}
    sent = sent_for(dify, mock, "claude-fable-5", parameters)
    assert sent.body["thinking"] == {"type": "adaptive", "display": "summarized"}
    assert sent.body["output_config"] == {"format": {"type": "json_schema", "schema": schema}}
    assert "json_schema" not in sent.body and "response_format" not in sent.body


@only("anthropic")
def test_maibot_sends_what_dify_sends_for_the_specs_parameters(dify, maibot, mock):
    parameters = {"thinking": True, "thinking_budget": 4096, "context_1m": True, "prompt_caching_system_message": True}
    from_dify = sent_for(dify, mock, "claude-sonnet-4-6", parameters)
    from_maibot = sent_for(maibot, mock, "claude-sonnet-4-6", parameters)
    assert from_maibot.headers["anthropic-beta"] == from_dify.headers["anthropic-beta"] == "context-1m-2025-08-07"
    mine = {k: v for k, v in from_maibot.body.items() if k != "metadata"}
    assert mine == {k: v for k, v in from_dify.body.items() if k != "metadata"}
