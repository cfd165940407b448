"""A generated plugin of the anthropic_messages protocol, through the real Dify SDK over stdio and
MaiBot's real host, against Anthropic-shaped answers (anthropic_api.py, checked with the official SDK)."""

from __future__ import annotations

import base64
import json

import pytest

from compiler.load import load_spec
from compiler.lower import lower
from tests.integration import anthropic_api as api
from tests.integration.conftest import ROOT, SPECS_BY_PROTOCOL
from tests.integration.dify_runner import DifyPlugin
from tests.integration.maibot_runner import MaiBotHost
from tests.integration.mock_server import Reply
from tests.integration.payloads import PNG, WEATHER_TOOL
from tests.integration.specs import committed_hosts, hosts_of, maibot_sent_for, sent_for, spec_of
from tests.integration.test_maibot_plugin import system, user

KEY = "sk-ant-api03-test-key"
MODEL = "claude-test"
THINKING = [
    {"name": "thinking", "type": "boolean", "default": False, "values": {True: {"type": "enabled"}, False: None}},
    {"name": "thinking_budget", "type": "int", "min": 1024, "max": 32000, "default": 1024},
]
SPEC = spec_of(
    "claudelike",
    api={"base_url": "https://api.claudelike.example", "protocol": "anthropic_messages"},
    models=[
        {
            "name": MODEL,
            "context_size": 200000,
            "max_output_tokens": 8192,
            "features": ["tool-call", "multi-tool-call", "stream-tool-call", "agent-thought", "vision"],
            "parameters": [
                {"template": "temperature", "omit_when": {"thinking": True}},
                "max_tokens",
                THINKING[0],
                {**THINKING[1], "send_as": "thinking.budget_tokens", "omit_when": {"thinking": False}},
            ],
            "pricing": {"input": "3", "output": "15", "per": "million", "currency": "USD"},
        }
    ],
)


@pytest.fixture(scope="module")
def plugins(tmp_path_factory: pytest.TempPathFactory):
    yield from hosts_of(tmp_path_factory.mktemp("claudelike"), SPEC)


def credentials(mock) -> dict:
    return {"api_key": KEY, "base_url": mock.url}


def invoke(dify: DifyPlugin, mock, messages: list, stream: bool, **extra):
    return dify.invoke_llm(MODEL, credentials(mock), messages, stream, provider="claudelike", **extra)


def ask_weather(maibot: MaiBotHost, mock, stream: bool) -> dict:
    """MaiBot's host asks about the weather, with the weather tool."""
    return maibot.call(
        op="response",
        api_provider={"client_type": "claudelike", "base_url": mock.url, "api_key": KEY, "timeout": 10, "max_retry": 1},
        model_info={"model_identifier": MODEL, "name": MODEL, "force_stream_mode": stream},
        context_items=[user("Weather in Paris?")],
        tool_options=[{"type": "function", "function": WEATHER_TOOL}],
    )


def text(outcome) -> str:
    return "".join(item["delta"]["message"]["content"] or "" for item in outcome.items)


ANSWER = api.message(
    api.thinking("The user wants weather.", "sig-weather-1"),
    api.text("Checking."),
    api.tool_use("toolu_01", "get_weather", {"city": "Paris"}),
    stop_reason="tool_use",
    usage={"input_tokens": 20, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 80, "output_tokens": 40},
)


def test_blocking_text_with_system_headers_and_max_tokens(plugins, mock):
    dify, _ = plugins
    mock.expect(Reply(json=api.message(api.text("Bonjour."))))
    history = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}]
    outcome = invoke(dify, mock, history, False, parameters={"temperature": 0.3})
    assert outcome.error is None, outcome.message
    assert text(outcome) == "Bonjour."
    sent = mock.last
    assert sent.path == "/v1/messages" and sent.headers["x-api-key"] == KEY
    assert sent.headers["anthropic-version"] == "2023-06-01" and "authorization" not in sent.headers
    assert sent.body["system"] == "Be brief." and sent.body["max_tokens"] == 8192
    assert sent.body["messages"] == [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}]
    usage = outcome.items[-1]["delta"]["usage"]
    assert (usage["prompt_tokens"], usage["completion_tokens"]) == (25, 12)


def test_stream_thinking_tool_call_in_fragments_and_usage(plugins, mock):
    dify, _ = plugins
    mock.expect(api.streamed(ANSWER, pieces=3))
    outcome = invoke(
        dify,
        mock,
        [{"role": "user", "content": "Weather in Paris?"}],
        True,
        tools=[WEATHER_TOOL],
        parameters={"thinking": True, "thinking_budget": 2048, "temperature": 0.5},
    )
    assert outcome.error is None, outcome.message
    assert text(outcome) == "<think>\nThe user wants weather.\n</think>\n\nChecking."
    body = mock.last.body
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 2048} and "temperature" not in body
    assert body["tools"] == [
        {"name": "get_weather", "input_schema": WEATHER_TOOL["parameters"], "description": WEATHER_TOOL["description"]}
    ]
    last = outcome.items[-1]["delta"]
    calls = last["message"]["tool_calls"]
    assert [(c["id"], c["function"]["name"], json.loads(c["function"]["arguments"])) for c in calls] == [
        ("toolu_01", "get_weather", {"city": "Paris"})
    ]
    assert last["finish_reason"] == "tool_calls"
    assert (last["usage"]["prompt_tokens"], last["usage"]["completion_tokens"]) == (100, 40)


def test_the_signed_thinking_block_is_replayed_on_the_tool_turn(plugins, mock):
    dify, _ = plugins
    mock.expect(Reply(json=ANSWER))
    first = invoke(dify, mock, [{"role": "user", "content": "Weather?"}], False, tools=[WEATHER_TOOL])
    assert first.error is None, first.message
    said = first.items[0]["delta"]["message"]
    history = [
        {"role": "user", "content": "Weather?"},
        {"role": "assistant", "content": said["content"], "tool_calls": said["tool_calls"]},
        {"role": "tool", "tool_call_id": "toolu_01", "content": "sunny"},
    ]
    mock.expect(Reply(json=api.message(api.text("Sunny in Paris."))))
    outcome = invoke(
        dify, mock, history, False, tools=[WEATHER_TOOL], parameters={"thinking": True, "thinking_budget": 1024}
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
    assert mock.last.body["thinking"]["type"] == "enabled"


@pytest.mark.parametrize("status,kind", api.ERRORS)
def test_every_error_status_is_typed(plugins, mock, status, kind):
    dify, _ = plugins
    expected = {
        401: "InvokeAuthorizationError",
        403: "InvokeAuthorizationError",
        429: "InvokeRateLimitError",
        500: "InvokeServerUnavailableError",
        529: "InvokeServerUnavailableError",
    }.get(status, "InvokeBadRequestError")
    for stream in (False, True):
        mock.expect(api.error(status, kind, f"{kind} here"))
        outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], stream)
        assert outcome.error_type == expected, (stream, outcome.error)


def test_mid_stream_error_and_truncated_stream(plugins, mock):
    dify, _ = plugins
    events = api.stream(api.message(api.text("Hello there")), stop=False)
    mock.expect(Reply(sse=events[:5] + [api.stream_error("overloaded_error", "Overloaded")]))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], True)
    assert outcome.error_type == "InvokeServerUnavailableError" and "Overloaded" in outcome.message
    mock.expect(Reply(sse=events))  # no message_stop
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], True)
    assert outcome.error_type == "InvokeConnectionError"


def test_maibot_reasoning_tool_calls_and_parity(plugins, mock):
    dify, maibot = plugins
    mock.expect(Reply(json=ANSWER))
    result = ask_weather(maibot, mock, stream=False)
    assert result["ok"], result
    from_maibot = mock.last
    assert result["reasoning"] == "The user wants weather." and result["content"] == "Checking."
    assert result["tool_calls"] == [{"id": "toolu_01", "name": "get_weather", "args": {"city": "Paris"}}]
    mock.expect(Reply(json=ANSWER))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Weather in Paris?"}], False, tools=[WEATHER_TOOL])
    assert outcome.error is None, outcome.message
    # The host adds `required: []` to a tool's schema, and only Dify has an end user; all else is
    # the same request.
    assert from_maibot.path == mock.last.path and from_maibot.headers["x-api-key"] == KEY
    rest = [{k: v for k, v in r.body.items() if k not in ("tools", "metadata")} for r in (from_maibot, mock.last)]
    assert rest[0] == rest[1] and mock.last.body["metadata"] == {"user_id": "u1"}
    assert [t["name"] for t in from_maibot.body["tools"]] == [t["name"] for t in mock.last.body["tools"]]


def test_maibot_stream_with_cache_usage(plugins, mock):
    _, maibot = plugins
    mock.expect(api.streamed(ANSWER, pieces=4))
    result = ask_weather(maibot, mock, stream=True)
    assert result["ok"], result
    assert result["reasoning"] == "The user wants weather." and result["content"] == "Checking."
    assert result["tool_calls"] == [{"id": "toolu_01", "name": "get_weather", "args": {"city": "Paris"}}]
    usage = result["usage"]
    assert (usage["prompt_tokens"], usage["completion_tokens"], usage["cache_reported"]) == (100, 40, True)
    assert mock.last.body["stream"] is True


def test_images_and_documents_become_base64_blocks(plugins, mock):
    dify, _ = plugins
    pdf = base64.b64encode(b"%PDF-1.4 minimal").decode()
    message = {
        "role": "user",
        "content": [
            {"type": "text", "data": "What is this?"},
            {"type": "image", "format": "png", "mime_type": "image/png", "base64_data": PNG, "detail": "high"},
            {"type": "document", "format": "pdf", "mime_type": "application/pdf", "base64_data": pdf},
        ],
    }
    mock.expect(Reply(json=api.message(api.text("A pixel and a PDF."))))
    outcome = invoke(dify, mock, [message], False)
    assert outcome.error is None, outcome.message
    assert mock.last.body["messages"][0]["content"] == [
        {"type": "text", "text": "What is this?"},
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}},
        {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": pdf}},
    ]


def test_a_slow_answer_times_out_as_a_connection_error(plugins, mock):
    dify, _ = plugins
    mock.expect(Reply(json=api.message(api.text("late")), delay=3))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], False)
    assert outcome.error_type == "InvokeConnectionError" and "timed out after 2 s" in outcome.message


def test_redacted_thinking_from_a_stream_is_replayed(plugins, mock):
    dify, _ = plugins
    answer = api.message(
        api.redacted_thinking("EmwKAhgBEgy3va3pzix"),
        api.tool_use("toolu_red", "get_weather", {"city": "Oslo"}),
        stop_reason="tool_use",
    )
    mock.expect(api.streamed(answer))
    first = invoke(dify, mock, [{"role": "user", "content": "Oslo?"}], True, tools=[WEATHER_TOOL])
    assert first.error is None, first.message
    calls = first.items[-1]["delta"]["message"]["tool_calls"]
    history = [
        {"role": "user", "content": "Oslo?"},
        {"role": "assistant", "content": text(first), "tool_calls": calls},
        {"role": "tool", "tool_call_id": "toolu_red", "content": "snow"},
    ]
    mock.expect(Reply(json=api.message(api.text("Snow."))))
    outcome = invoke(dify, mock, history, False, tools=[WEATHER_TOOL], parameters={"thinking": True})
    assert outcome.error is None, outcome.message
    turn = mock.last.body["messages"][1]["content"]
    assert turn[0] == {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix"} and turn[1]["type"] == "tool_use"


# ---- the anthropic_messages specs in specs/ --------------------------------------------------


@pytest.fixture(scope="module", params=SPECS_BY_PROTOCOL.get("anthropic_messages", []))
def shipped(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """(provider, Dify plugin, MaiBot host) of one anthropic_messages spec's committed output."""
    name = request.param
    provider = lower(load_spec(ROOT / "specs" / f"{name}.yaml"))
    for dify, maibot in committed_hosts(name, tmp_path_factory.mktemp(name)):
        yield provider, dify, maibot


def shipped_call(provider, dify, mock, messages, stream, **extra):
    credentials = {provider.api.api_key_variable: KEY, provider.api.base_url_variable: mock.url}
    model = provider.models_of("llm")[0].name
    return dify.invoke_llm(model, credentials, messages, stream, provider=provider.name, **extra)


def test_a_shipped_spec_checks_credentials_and_answers(shipped, mock):
    provider, dify, _ = shipped
    model = provider.models_of("llm")[0]
    mock.expect(Reply(json=api.message(api.text("p"))))
    credentials = {provider.api.api_key_variable: KEY, provider.api.base_url_variable: mock.url}
    outcome = dify.request(
        "validate_provider_credentials", user_id="u1", provider=provider.name, credentials=credentials
    )
    assert outcome.error is None, outcome.message
    check = mock.last
    assert check.headers["x-api-key"] == KEY
    if provider.endpoints.get("models"):
        assert (check.method, check.path) == ("GET", provider.endpoints["models"])
    else:
        assert (check.method, check.path, check.body["max_tokens"]) == ("POST", "/v1/messages", 1)
    mock.expect(Reply(json=api.message(api.text("Bonjour."))))
    history = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}]
    outcome = shipped_call(provider, dify, mock, history, False)
    assert outcome.error is None, outcome.message
    assert text(outcome) == "Bonjour." and mock.last.body["system"] == "Be brief."
    assert mock.last.body["model"] == model.name and mock.last.body["max_tokens"] == model.max_output_tokens


def test_a_shipped_spec_streams_thinking_and_parameters(shipped, mock):
    provider, dify, maibot = shipped
    names = {rule.name for rule in provider.models_of("llm")[0].parameters}
    parameters = {"thinking": True, "temperature": 0.5} if "thinking" in names else {}
    answer = api.message(api.thinking("Hmm.", "sig-s"), api.text("Yes."))
    mock.expect(api.streamed(answer))
    outcome = shipped_call(provider, dify, mock, [{"role": "user", "content": "Sure?"}], True, parameters=parameters)
    assert outcome.error is None, outcome.message
    assert text(outcome) == "<think>\nHmm.\n</think>\n\nYes."
    if parameters:
        sent = mock.last.body
        assert sent["thinking"]["type"] in ("enabled", "adaptive") and "temperature" not in sent
    mock.expect(api.error(529, "overloaded_error", "Overloaded"))
    outcome = shipped_call(provider, dify, mock, [{"role": "user", "content": "Hi"}], True)
    assert outcome.error_type == "InvokeServerUnavailableError"
    model = provider.models_of("llm")[0].name
    mock.expect(Reply(json=answer))
    result = maibot.call(
        op="response",
        api_provider={"client_type": provider.maibot.client_type, "base_url": mock.url, "api_key": KEY},
        model_info={"model_identifier": model, "name": model, "force_stream_mode": False},
        context_items=[user("Sure?")],
    )
    assert result["ok"] and result["content"] == "Yes." and result["reasoning"] == "Hmm.", result
    assert mock.last.path == "/v1/messages" and mock.last.headers["x-api-key"] == KEY


# ---- specs/anthropic.yaml: the official plugin's parameters ---------------------------------------


@pytest.fixture(scope="module")
def claude(tmp_path_factory: pytest.TempPathFactory):
    yield from committed_hosts("anthropic", tmp_path_factory.mktemp("anthropic"))


def claude_call(dify: DifyPlugin, mock, model: str, parameters: dict, **extra):
    credentials = {"anthropic_api_key": KEY, "anthropic_api_url": mock.url}
    reply = Reply(json=api.message(api.text("Done.")))
    return sent_for(dify, mock, reply, "anthropic", model, credentials, parameters, **extra)


def test_adaptive_thinking_effort_task_budget_and_cache_settings(claude, mock):
    """Opus 5: thinking off is sent as disabled; effort and the task budget go in output_config, the
    budget with its beta header; the cache settings mark blocks and are never sent themselves."""
    dify, _ = claude
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
    sent = claude_call(dify, mock, "claude-opus-5", parameters, tools=[WEATHER_TOOL])
    body = sent.body
    assert body["thinking"] == {"type": "disabled"} and body["max_tokens"] == 32000
    assert body["output_config"] == {"effort": "medium", "task_budget": {"type": "tokens", "total": 50000}}
    assert sent.headers["anthropic-beta"] == "task-budgets-2026-03-13"
    assert body["system"] == [{"type": "text", "text": "Rules.", "cache_control": {"type": "ephemeral", "ttl": "1h"}}]
    assert body["tools"][-1]["cache_control"] == {"type": "ephemeral", "ttl": "1h"}
    assert not [key for key in body if key.startswith("prompt_caching") or key in ("task_budget", "effort")]
    sent = claude_call(dify, mock, "claude-opus-5", {"thinking": True, "thinking_display": "summarized"})
    assert sent.body["thinking"] == {"type": "adaptive", "display": "summarized"}
    assert "anthropic-beta" not in sent.headers and sent.body["system"] == "Rules."


def test_extended_thinking_and_the_1m_context_header(claude, mock):
    """Sonnet 4.6: thinking with a budget leaves the sampling parameters out; the 1M-context switch
    is a beta header and nothing in the body."""
    dify, _ = claude
    parameters = {"thinking": True, "thinking_budget": 2048, "temperature": 0.3, "top_k": 5, "context_1m": True}
    sent = claude_call(dify, mock, "claude-sonnet-4-6", parameters)
    assert sent.body["thinking"] == {"type": "enabled", "budget_tokens": 2048}
    assert not {"temperature", "top_k", "context_1m", "thinking_budget"} & set(sent.body)
    assert sent.headers["anthropic-beta"] == "context-1m-2025-08-07"
    sent = claude_call(dify, mock, "claude-sonnet-4-6", {"thinking": True, "context_1m": False, "temperature": 0.3})
    assert sent.body["thinking"] == {"type": "enabled", "budget_tokens": 1024} and "anthropic-beta" not in sent.headers
    sent = claude_call(dify, mock, "claude-sonnet-4-6", {"thinking": False, "temperature": 0.3})
    assert "thinking" not in sent.body and sent.body["temperature"] == 0.3


def test_always_adaptive_models_and_structured_output(claude, mock):
    dify, _ = claude
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]}
    parameters = {"thinking_display": "summarized", "json_schema": json.dumps(schema)}
    sent = claude_call(dify, mock, "claude-fable-5", parameters)
    assert sent.body["thinking"] == {"type": "adaptive", "display": "summarized"}
    assert sent.body["output_config"] == {"format": {"type": "json_schema", "schema": schema}}
    assert "json_schema" not in sent.body and "response_format" not in sent.body


def test_maibot_sends_what_dify_sends_for_the_specs_parameters(claude, mock):
    dify, maibot = claude
    parameters = {"thinking": True, "thinking_budget": 4096, "context_1m": True, "prompt_caching_system_message": True}
    from_dify = claude_call(dify, mock, "claude-sonnet-4-6", parameters)
    reply = Reply(json=api.message(api.text("Done.")))
    from_maibot = maibot_sent_for(maibot, mock, reply, "anthropic", "claude-sonnet-4-6", parameters)
    assert from_maibot.headers["anthropic-beta"] == from_dify.headers["anthropic-beta"] == "context-1m-2025-08-07"
    mine = {k: v for k, v in from_maibot.body.items() if k != "metadata"}
    assert mine == {k: v for k, v in from_dify.body.items() if k != "metadata"}
