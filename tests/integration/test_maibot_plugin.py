"""Every generated MaiBot plugin, loaded by MaiBot's real host and runner and called through the
host's PluginLLMClient, against the loopback mock."""

from __future__ import annotations

import base64
import json
import struct

import pytest

from compiler.model import Provider
from tests.integration.maibot_runner import MaiBotHost
from tests.integration.mock_server import MockServer, Reply, form, sse
from tests.integration.payloads import (
    KEY,
    PNG,
    USAGE,
    WEATHER_TOOL,
    assert_auth,
    chunk,
    closed_port,
    completion,
    finish,
    llm,
)

TOOL_OPTION = {"type": "function", "function": WEATHER_TOOL}


def api_provider(provider: Provider, mock: MockServer, **overrides) -> dict:
    settings = {"base_url": mock.url + "/v1", "api_key": KEY, "timeout": 10, "max_retry": 1}
    return {"client_type": provider.maibot.client_type} | settings | overrides


def user(*parts) -> dict:
    return {
        "item_type": "UserMessageItem",
        "parts": [{"type": "text", "text": p} if isinstance(p, str) else p for p in parts],
    }


def system(text: str) -> dict:
    return {"item_type": "SystemMessageItem", "parts": [{"type": "text", "text": text}]}


def ask(
    maibot: MaiBotHost, provider: Provider, mock: MockServer, items=None, stream=False, api=None, **request
) -> dict:
    model = request.pop("model", None) or llm(provider)
    return maibot.call(
        op="response",
        api_provider=api_provider(provider, mock, **(api or {})),
        model_info={"model_identifier": model, "name": model, "force_stream_mode": stream},
        context_items=items or [user("Hello")],
        **request,
    )


def sent(body: dict, key: str):
    """The value at a dotted body key (send_as may nest), or None."""
    for part in key.split("."):
        if not isinstance(body, dict) or part not in body:
            return None
        body = body[part]
    return body


def failed(result: dict, *fragments: str) -> None:
    assert result["ok"] is False, result
    assert result["type"] == "RespParseException", result
    for fragment in fragments:
        assert fragment in result["message"], result["message"]


# ---- loading ----------------------------------------------------------------------------


def test_host_accepts_and_registers(maibot, provider):
    report = maibot.report
    assert report["manifest_errors"] == []
    assert report["client_types"] == [provider.maibot.client_type]
    assert report["conflicts"] == {}
    assert report["loaded"] == [provider.maibot.plugin_id] and report["failures"] == {}
    registered = report["registry"][provider.maibot.client_type]
    assert registered["owner"] == provider.maibot.plugin_id and registered["version"] == provider.version


# ---- responses --------------------------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_text_usage_and_request(maibot, provider, mock, stream):
    if stream:
        mock.expect(Reply(sse=sse(chunk(role="assistant", content="Hi "), chunk(content="there"), *finish())))
    else:
        mock.expect(Reply(json=completion({"role": "assistant", "content": "Hi there"})))
    # keep temperature in where another parameter's default leaves it out (DeepSeek while thinking)
    model = provider.models_of("llm")[0]
    omit = provider.parameter(model, "temperature").get("omit_when", ()) if "temperature" in provider.parameters else ()
    extra = {"extra_params": {other: not value for other, value, _ in omit}} if omit else {}
    history = [system("Be brief."), user("Hello")]
    result = ask(maibot, provider, mock, history, stream, max_tokens=64, temperature=0.25, **extra)
    assert result["ok"], result
    assert result["content"] == "Hi there" and result["items"] == ["AssistantMessageItem"]
    assert result["usage"]["prompt_tokens"] == 11 and result["usage"]["completion_tokens"] == 7
    assert result["usage"]["total_tokens"] == 18 and result["usage"]["cache_reported"] is False
    recorded = mock.last
    assert recorded.method == "POST" and recorded.path == "/v1" + provider.api.endpoints["chat"]
    assert_auth(provider, recorded)
    body = recorded.body
    assert body["model"] == llm(provider) and body["stream"] is stream
    assert body["messages"] == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}]
    assert ("stream_options" in body) == (stream and provider.api.stream_usage)
    declared = provider.chat_parameters[llm(provider)]
    for name, value in (("temperature", 0.25), ("max_tokens", 64)):
        if name in declared:
            assert sent(body, provider.parameters[name]["key"]) == value
        else:
            assert name not in body


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_tool_calls_come_back_as_dicts(maibot, provider, mock, stream):
    if stream:
        mock.expect(
            Reply(
                sse=sse(
                    chunk(
                        role="assistant",
                        tool_calls=[
                            {
                                "index": 0,
                                "id": "call_1",
                                "type": "function",
                                "function": {"name": "get_weather", "arguments": ""},
                            }
                        ],
                    ),
                    chunk(tool_calls=[{"index": 0, "function": {"arguments": '{"city": '}}]),
                    chunk(tool_calls=[{"index": 0, "function": {"arguments": '"Paris"}'}}]),
                    chunk(
                        tool_calls=[
                            {"index": 1, "id": "call_2", "function": {"name": "get_weather", "arguments": "{}"}}
                        ]
                    ),
                    *finish("tool_calls"),
                )
            )
        )
    else:
        calls = [
            {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'}},
            {"id": "call_2", "type": "function", "function": {"name": "get_weather", "arguments": ""}},
        ]
        mock.expect(Reply(json=completion({"role": "assistant", "content": None, "tool_calls": calls}, "tool_calls")))
    result = ask(maibot, provider, mock, [user("Weather?")], stream, tool_options=[TOOL_OPTION])
    assert result["ok"], result
    assert result["tool_calls"] == [
        {"id": "call_1", "name": "get_weather", "args": {"city": "Paris"}},
        {"id": "call_2", "name": "get_weather", "args": {}},
    ]
    assert result["items"] == ["FunctionCallItem", "FunctionCallItem"]
    body = mock.last.body
    assert body["tools"] == [
        {"type": "function", "function": WEATHER_TOOL | {"parameters": {**WEATHER_TOOL["parameters"], "required": []}}}
    ]
    assert body["tool_choice"] == "auto"


def test_tool_history_is_sent_in_openai_shape(maibot, provider, mock):
    mock.expect(Reply(json=completion({"role": "assistant", "content": "Sunny in Lyon."})))
    items = [
        user("Weather in Lyon?"),
        {
            "item_type": "FunctionCallItem",
            "tool_call": {
                "call_id": "call_prev",
                "func_name": "get_weather",
                "args": {"city": "Lyon"},
                "extra_content": None,
            },
        },
        {
            "item_type": "FunctionCallOutputItem",
            "call_id": "call_prev",
            "output": "sunny",
            "success": True,
            "tool_name": "get_weather",
        },
    ]
    result = ask(maibot, provider, mock, items, tool_options=[TOOL_OPTION])
    assert result["ok"] and result["content"] == "Sunny in Lyon."
    assert mock.last.body["messages"] == [
        {"role": "user", "content": "Weather in Lyon?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_prev",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Lyon"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_prev", "content": "sunny"},
    ]
    mock.expect(Reply(json=completion({"role": "assistant", "content": "Done."})))
    result = ask(maibot, provider, mock, items)  # no tools offered: tool history is dropped, as MaiBot does
    assert result["ok"] and mock.last.body["messages"] == [{"role": "user", "content": "Weather in Lyon?"}]
    assert "tools" not in mock.last.body and "tool_choice" not in mock.last.body


def test_reasoning_items_and_history(maibot, provider, mock):
    mock.expect(Reply(json=completion({"role": "assistant", "content": "42", "reasoning_content": "6 times 7"})))
    items = [
        user("First?"),
        {"item_type": "ReasoningItem", "representation": "raw_text", "summary_parts": [], "text_parts": ["thinking"]},
        {"item_type": "AssistantMessageItem", "parts": [{"type": "text", "text": "One."}]},
        user("And the answer?"),
    ]
    result = ask(maibot, provider, mock, items)
    assert result["ok"] and result["content"] == "42" and result["reasoning"] == "6 times 7"
    assert result["items"] == ["ReasoningItem", "AssistantMessageItem"]
    assistant = mock.last.body["messages"][1]
    assert assistant["role"] == "assistant" and assistant["content"] == "One."
    if provider.api.reasoning_history == "reasoning_content":
        assert assistant["reasoning_content"] == "thinking"
    else:
        assert "reasoning_content" not in assistant


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_think_tags_are_split_from_the_answer(maibot, provider, mock, stream):
    if stream:
        mock.expect(
            Reply(sse=sse(chunk(content="<think>pon"), chunk(content="dering</think>\n\nThe answer"), *finish()))
        )
    else:
        mock.expect(Reply(json=completion({"role": "assistant", "content": "<think>pondering</think>\n\nThe answer"})))
    result = ask(maibot, provider, mock, stream=stream)
    assert result["ok"] and result["content"] == "The answer" and result["reasoning"] == "pondering"
    mock.expect(Reply(json=completion({"role": "assistant", "content": "<think>x</think>Answer"})))
    result = ask(maibot, provider, mock, api={"reasoning_parse_mode": "native"})
    assert result["ok"] and result["content"] == "<think>x</think>Answer" and not result["reasoning"]


def test_streamed_reasoning_is_assembled(maibot, provider, mock):
    mock.expect(
        Reply(
            sse=sse(
                chunk(reasoning_content="Let me "), chunk(reasoning_content="think."), chunk(content="Yes."), *finish()
            )
        )
    )
    result = ask(maibot, provider, mock, stream=True)
    assert result["ok"] and result["reasoning"] == "Let me think." and result["content"] == "Yes."


def test_image_is_sent_as_data_uri(maibot, provider, mock):
    mock.expect(Reply(json=completion({"role": "assistant", "content": "A pixel."})))
    image = {"type": "image", "image_base64": PNG, "image_format": "png"}
    result = ask(maibot, provider, mock, [user("What is this?", image)])
    assert result["ok"], result
    assert mock.last.body["messages"] == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is this?"},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64," + PNG}},
            ],
        }
    ]


def test_response_format_and_extra_params(maibot, provider, mock):
    mock.expect(
        Reply(json=completion({"role": "assistant", "content": '{"a": 1}'})),
        Reply(json=completion({"role": "assistant", "content": '{"a": 1}'})),
    )
    extra = {
        "headers": {"X-Trace": "t1"},
        "query": {"trace": "q1"},
        "body": {"top_p": 0.5},
        "seed": 7,
        "stream": True,
    }  # `stream` is reserved: MaiBot's client never lets extra_params set it
    top_p = provider.parameter(provider.models_of("llm")[0], "top_p") if "top_p" in provider.parameters else {}
    for other, value, _ in top_p.get("omit_when", ()):
        extra[other] = not value  # keep top_p in (DeepSeek leaves it out while thinking)
    result = ask(maibot, provider, mock, response_format={"format_type": "json_object"}, extra_params=extra)
    assert result["ok"], result
    recorded = mock.last
    assert recorded.body["response_format"] == {"type": "json_object"}
    assert recorded.headers["x-trace"] == "t1" and recorded.query["trace"] == "q1"
    assert recorded.body["stream"] is False and recorded.body["seed"] == 7
    assert sent(recorded.body, provider.parameters.get("top_p", {}).get("key", "top_p")) == 0.5
    schema = {"name": "answer", "schema": {"type": "object", "properties": {"a": {"type": "integer"}}}, "strict": True}
    result = ask(maibot, provider, mock, response_format={"format_type": "json_schema", "schema": schema})
    assert result["ok"], result
    assert mock.last.body["response_format"] == {"type": "json_schema", "json_schema": schema}


def test_body_max_tokens_overrides_the_native_one(maibot, provider, mock):
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    result = ask(maibot, provider, mock, max_tokens=64, extra_params={"body": {"max_completion_tokens": 5}})
    assert result["ok"]
    body = mock.last.body
    assert body["max_completion_tokens"] == 5 and "max_tokens" not in body


def test_cached_prompt_tokens_are_reported(maibot, provider, mock):
    usage = USAGE | {"prompt_tokens_details": {"cached_tokens": 4}}
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"}) | {"usage": usage}))
    result = ask(maibot, provider, mock)
    assert result["ok"]
    assert result["usage"]["prompt_cache_hit_tokens"] == 4 and result["usage"]["prompt_cache_miss_tokens"] == 7
    assert result["usage"]["cache_reported"] is True


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_empty_answer_is_an_error(maibot, provider, mock, stream):
    if stream:
        mock.expect(Reply(sse=sse(chunk(role="assistant", content=""), *finish())))
    else:
        mock.expect(Reply(json=completion({"role": "assistant", "content": ""})))
    failed(ask(maibot, provider, mock, stream=stream), "empty answer")


# ---- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
@pytest.mark.parametrize(
    "status,kind,body",
    [
        (401, "authorization", {"error": {"message": "Invalid API key", "type": "invalid_request_error"}}),
        (429, "rate_limit", {"error": {"message": "Slow down", "code": "rate_limit_exceeded"}}),
        (500, "server_unavailable", {"error": {"message": "Internal failure"}}),
        (503, "server_unavailable", {"error": {"message": "Overloaded"}}),
    ],
)
def test_http_errors_carry_status_kind_and_message(maibot, provider, mock, stream, status, kind, body):
    mock.expect(Reply(status, body))
    result = ask(maibot, provider, mock, stream=stream)
    expected = provider.errors.status.get(status, kind)
    failed(result, f"HTTP {status}", expected, body["error"]["message"])


def test_spec_error_code_wins_over_status(maibot, provider, mock):
    if not provider.errors.codes:
        pytest.skip("the spec maps no error codes")
    code, kind = next(iter(provider.errors.codes.items()))
    mock.expect(Reply(400, {"error": {"message": "mapped", "code": code}}))
    failed(ask(maibot, provider, mock), "HTTP 400", f"{kind} [{code}]", "mapped")


def test_non_json_error_body(maibot, provider, mock):
    mock.expect(Reply(502, raw=b"<html><body>Bad gateway</body></html>", content_type="text/html"))
    failed(ask(maibot, provider, mock), "HTTP 502", "Bad gateway")


def test_non_json_success_body(maibot, provider, mock):
    mock.expect(Reply(200, raw=b"not json at all", content_type="text/plain"))
    failed(ask(maibot, provider, mock), "not JSON", "not json at all")


def test_mid_stream_error_event(maibot, provider, mock):
    mock.expect(
        Reply(sse=sse(chunk(content="Hel"), {"error": {"message": "model crashed", "code": "internal"}}, done=False))
    )
    failed(ask(maibot, provider, mock, stream=True), "model crashed")


def test_truncated_stream(maibot, provider, mock):
    mock.expect(Reply(sse=sse(chunk(content="Hel"), done=False), cut=True))
    failed(ask(maibot, provider, mock, stream=True), "connection")


def test_timeout_stays_below_the_host_timeout(maibot, provider, mock):
    # The host waits `timeout` (2 s) for the runner; the plugin must give up first, with a clear message.
    mock.expect(Reply(json=completion({"role": "assistant", "content": "late"}), delay=3))
    failed(ask(maibot, provider, mock, api={"timeout": 2}), "connection", "127.0.0.1", "timed out after 1 s")


def test_refused_connection(maibot, provider, mock):
    port = closed_port()
    failed(
        ask(maibot, provider, mock, api={"base_url": f"http://127.0.0.1:{port}/v1"}), "connection", f"127.0.0.1:{port}"
    )


# ---- embeddings and audio -----------------------------------------------------------------


def test_embedding(maibot, provider, mock):
    models = provider.models_of("text-embedding")
    if not models or not provider.endpoints.get("embeddings"):
        pytest.skip("the spec declares no embedding models")
    mock.expect(Reply(json={"data": [{"index": 0, "embedding": [0.25, -0.5, 1.0]}], "usage": {"prompt_tokens": 3}}))
    result = maibot.call(
        op="embedding",
        api_provider=api_provider(provider, mock),
        input="hello world",
        model_info={"model_identifier": models[0].name, "name": models[0].name, "model_type": "embedding"},
    )
    assert result["ok"], result
    assert result["embedding"] == [0.25, -0.5, 1.0] and result["usage"]["prompt_tokens"] == 3
    assert mock.last.path == "/v1" + provider.endpoints["embeddings"]
    assert mock.last.body["input"] == ["hello world"] and mock.last.body["model"] == models[0].name
    assert_auth(provider, mock.last)


def test_embedding_without_data_is_an_error(maibot, provider, mock):
    models = provider.models_of("text-embedding")
    if not models or not provider.endpoints.get("embeddings"):
        pytest.skip("the spec declares no embedding models")
    mock.expect(Reply(json={"data": []}))
    result = maibot.call(
        op="embedding",
        api_provider=api_provider(provider, mock),
        input="x",
        model_info={"model_identifier": models[0].name, "name": models[0].name, "model_type": "embedding"},
    )
    failed(result, "expected 1 embeddings")


@pytest.mark.parametrize("declared", [True, False], ids=["spec-model", "any-model"])
def test_audio_transcription(maibot, provider, mock, declared):
    """The spec's speech2text models with their settings, and any model id a user configures."""
    models = provider.models_of("speech2text")
    if declared and not models:
        pytest.skip("the spec declares no speech2text models")
    model = models[0].name if declared else "user-added/whisper"
    wav = "UklGRgAAAABXQVZF"
    audio = {
        "op": "audio",
        "api_provider": api_provider(provider, mock),
        "audio_base64": wav,
        "model_info": {"model_identifier": model, "name": model},
    }
    if not provider.endpoints.get("transcriptions"):
        failed(maibot.call(**audio), "not available")
        return
    mock.expect(Reply(json={"text": "hello from audio"}))
    result = maibot.call(**audio)
    assert result["ok"] and result["content"] == "hello from audio"
    recorded = mock.last
    assert recorded.path == "/v1" + provider.endpoints["transcriptions"]
    parts = form(recorded)
    assert parts["file"] == ("audio.wav", "audio/wav", base64.b64decode(wav))
    expected = {"model": model} | (
        {k: v for k, v in models[0].settings.items() if k in ("language", "prompt")} if declared else {}
    )
    assert {name: data.decode() for name, (_, _, data) in parts.items() if name != "file"} == expected
    assert_auth(provider, recorded)


def test_embedding_settings_and_any_model(maibot, provider, mock):
    """A model's settings (base64, dimensions) apply to it; an id the spec does not list gets none."""
    model = next((m for m in provider.models_of("text-embedding") if m.settings), None)
    if model is None:
        pytest.skip("the spec declares no embedding model with settings")
    packed = base64.b64encode(struct.pack("<2f", 0.5, -1.25)).decode()
    for name, embedding in ((model.name, packed), ("user-added-embed", [0.5, -1.25])):
        mock.expect(Reply(json={"data": [{"index": 0, "embedding": embedding}]}))
        result = maibot.call(
            op="embedding",
            api_provider=api_provider(provider, mock),
            input="hi",
            model_info={"model_identifier": name, "name": name, "model_type": "embedding"},
        )
        assert result["ok"], result
        assert result["embedding"] == [0.5, -1.25]
        body = mock.last.body
        if name == model.name:
            assert body["encoding_format"] == model.settings.get("encoding", "float")
            assert body.get("dimensions") == model.settings.get("dimensions")
            assert body | (model.settings.get("body") or {}) == body
        else:
            assert body == {"model": name, "input": ["hi"], "encoding_format": "float"}


def test_a_model_that_never_streams(maibot, provider, mock):
    """force_stream_mode on a model the spec does not stream: one answer asked for, and served."""
    models = [m for m in provider.models_of("llm") if m.settings.get("stream") is False]
    if not models:
        pytest.skip("every model streams")
    model = models[0].name
    mock.expect(Reply(json=completion({"role": "assistant", "content": "One answer."})))
    result = maibot.call(
        op="response",
        api_provider=api_provider(provider, mock),
        model_info={"model_identifier": model, "name": model, "force_stream_mode": True},
        context_items=[user("Hi")],
    )
    assert result["ok"] and result["content"] == "One answer.", result
    assert mock.last.body["stream"] is False and "stream_options" not in mock.last.body
