"""Every generated Dify plugin, run by the real SDK over stdio, against the loopback mock."""

from __future__ import annotations

import hashlib
import json

import pytest

from compiler.model import Provider
from tests.integration.dify_runner import DifyPlugin, Outcome
from tests.integration.mock_server import MockServer, Reply, sse
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


def creds(provider: Provider, mock: MockServer) -> dict:
    return {provider.api.api_key_variable: KEY, provider.api.base_url_variable: mock.url + "/v1"}


def invoke(dify: DifyPlugin, provider: Provider, mock: MockServer, stream: bool, messages=None, **extra) -> Outcome:
    messages = messages or [{"role": "user", "content": "Hello"}]
    return dify.invoke_llm(llm(provider), creds(provider, mock), messages, stream, provider=provider.name, **extra)


def text_of(outcome: Outcome) -> str:
    return "".join(item["delta"]["message"]["content"] or "" for item in outcome.items)


# ---- credentials -----------------------------------------------------------------------


def test_validate_good_key(dify, provider, mock):
    mock.expect(Reply(json={"object": "list", "data": [{"id": llm(provider)}]}))
    outcome = dify.request(
        "validate_provider_credentials", user_id="u", provider=provider.name, credentials=creds(provider, mock)
    )
    assert outcome.error is None and outcome.items[0]["result"] is True
    assert mock.last.path == "/v1" + (provider.api.endpoints["models"] or provider.api.endpoints["chat"])
    assert_auth(provider, mock.last)


def test_validate_bad_key(dify, provider, mock):
    mock.expect(Reply(401, {"error": {"message": "Invalid API key provided", "type": "invalid_request_error"}}))
    outcome = dify.request(
        "validate_provider_credentials", user_id="u", provider=provider.name, credentials=creds(provider, mock)
    )
    assert outcome.error_type == "CredentialsValidateFailedError"
    assert "Invalid API key provided" in outcome.message and "401" in outcome.message


def test_validate_unreachable(dify, provider):
    port = closed_port()
    credentials = {provider.api.api_key_variable: KEY, provider.api.base_url_variable: f"http://127.0.0.1:{port}/v1"}
    outcome = dify.request(
        "validate_provider_credentials", user_id="u", provider=provider.name, credentials=credentials
    )
    assert outcome.error_type == "CredentialsValidateFailedError"
    assert f"127.0.0.1:{port}" in outcome.message


# ---- text, usage, parameters ------------------------------------------------------------


def test_blocking_text(dify, provider, mock):
    mock.expect(Reply(json=completion({"role": "assistant", "content": "Hi there"})))
    outcome = invoke(dify, provider, mock, stream=False)
    assert outcome.error is None and len(outcome.items) == 1
    delta = outcome.items[0]["delta"]
    assert delta["message"]["content"] == "Hi there"
    assert delta["usage"]["prompt_tokens"] == 11 and delta["usage"]["completion_tokens"] == 7
    assert mock.last.body["stream"] is False and "stream_options" not in mock.last.body
    assert_auth(provider, mock.last)


def test_stream_text_usage_on_last_chunk(dify, provider, mock):
    mock.expect(
        Reply(sse=sse(chunk(role="assistant", content="Hel"), ": keep-alive\n\n", chunk(content="lo"), *finish()))
    )
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error is None
    assert text_of(outcome) == "Hello"
    *body, last = outcome.items
    assert all(item["delta"]["usage"] is None and item["delta"]["finish_reason"] is None for item in body)
    assert last["delta"]["finish_reason"] == "stop"
    usage = last["delta"]["usage"]
    assert (usage["prompt_tokens"], usage["completion_tokens"], usage["total_tokens"]) == (11, 7, 18)
    model = provider.models_of("llm")[0]
    if model.pricing:
        assert usage["currency"] == model.pricing.currency
        assert float(usage["prompt_price_unit"]) == float(model.pricing.unit)
    sent = mock.last.body
    assert sent["stream"] is True
    assert sent.get("stream_options") == ({"include_usage": True} if provider.api.stream_usage else None)
    assert sent["messages"] == [{"role": "user", "content": "Hello"}] and sent["model"] == model.name


def test_only_declared_parameters_are_sent(dify, provider, mock):
    model = provider.models_of("llm")[0]
    rules = {r.name: r for r in model.parameters}
    params = {"seed": 42, "logit_bias": {"1": 2}}
    if "temperature" in rules:
        params["temperature"] = 0.5
    if "max_tokens" in rules:
        params["max_tokens"] = 100
    omissions = provider.parameter(model, "temperature").get("omit_when", ()) if "temperature" in rules else ()
    for other, value, _ in omissions:
        params[other] = not value  # keep temperature in (DeepSeek leaves it out while thinking)
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    outcome = invoke(dify, provider, mock, stream=False, parameters=params)
    assert outcome.error is None
    body = mock.last.body
    assert "logit_bias" not in body
    assert ("seed" in body) == ("seed" in rules)
    if "temperature" in rules:
        assert body["temperature"] == 0.5
    if "max_tokens" in rules:
        assert body[rules["max_tokens"].send_as] == 100


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_missing_usage_is_estimated_offline(dify, provider, mock, stream):
    # 10 ASCII characters (~4 per token) and one other: 3 + 1 tokens, however the text was split.
    if stream:
        mock.expect(Reply(sse=sse(chunk(content="Hello "), chunk(content="wörld"), *finish(usage=None)[:1])))
    else:
        mock.expect(Reply(json=completion({"role": "assistant", "content": "Hello wörld"}) | {"usage": None}))
    outcome = invoke(dify, provider, mock, stream=stream)
    assert outcome.error is None and text_of(outcome) == "Hello wörld"
    usage = outcome.items[-1]["delta"]["usage"]
    assert usage["prompt_tokens"] > 0 and usage["completion_tokens"] == 4


def test_num_tokens_offline(dify, provider, mock):
    outcome = dify.request(
        "get_llm_num_tokens",
        user_id="u",
        provider=provider.name,
        model_type="llm",
        model=llm(provider),
        credentials=creds(provider, mock),
        prompt_messages=[{"role": "user", "content": "How many tokens is this?"}],
        tools=None,
    )
    assert outcome.error is None and outcome.items[0]["num_tokens"] > 0
    assert mock.requests == []


def test_connection_reuse(dify, provider, mock):
    mock.expect(*[Reply(json=completion({"role": "assistant", "content": "ok"})) for _ in range(3)])
    for _ in range(3):
        assert invoke(dify, provider, mock, stream=False).error is None
    assert len({r.client_port for r in mock.requests}) == 1


# ---- tool calls -------------------------------------------------------------------------


def test_stream_tool_calls_merged_once(dify, provider, mock):
    call = lambda index, **fn: chunk(tool_calls=[{"index": index, **fn}])  # noqa: E731
    mock.expect(
        Reply(
            sse=sse(
                call(0, id="call_1", type="function", function={"name": "get_weather", "arguments": ""}),
                call(0, function={"arguments": '{"ci'}),
                call(0, function={"arguments": 'ty": "Paris"}'}),
                call(1, function={"name": "get_time"}),  # no id, no arguments
                *finish("tool_calls"),
            )
        )
    )
    outcome = invoke(dify, provider, mock, stream=True, tools=[WEATHER_TOOL])
    assert outcome.error is None
    with_calls = [i for i in outcome.items if i["delta"]["message"]["tool_calls"]]
    assert len(with_calls) == 1
    calls = with_calls[0]["delta"]["message"]["tool_calls"]
    assert [(c["id"], c["function"]["name"], json.loads(c["function"]["arguments"])) for c in calls[:1]] == [
        ("call_1", "get_weather", {"city": "Paris"})
    ]
    assert calls[1]["function"] == {"name": "get_time", "arguments": "{}"} and calls[1]["id"]
    assert outcome.items[-1]["delta"]["finish_reason"] == "tool_calls"
    sent = mock.last.body
    assert sent["tools"] == [{"type": "function", "function": WEATHER_TOOL}] and sent["tool_choice"] == "auto"


def test_blocking_tool_calls_without_content(dify, provider, mock):
    message = {
        "role": "assistant",
        "tool_calls": [
            {"id": "call_9", "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Oslo"}'}}
        ],
    }
    mock.expect(Reply(json=completion(message, "tool_calls")))
    outcome = invoke(dify, provider, mock, stream=False, tools=[WEATHER_TOOL])
    assert outcome.error is None
    calls = outcome.items[0]["delta"]["message"]["tool_calls"]
    assert calls == [
        {"id": "call_9", "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Oslo"}'}}
    ]


def test_history_with_tool_turns_and_reasoning(dify, provider, mock):
    history = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Weather in Lyon?"},
        {
            "role": "assistant",
            "content": "<think>\nI should call the tool.\n</think>\n\n",
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city":"Lyon"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
    ]
    mock.expect(Reply(json=completion({"role": "assistant", "content": "Sunny."})))
    assert invoke(dify, provider, mock, stream=False, messages=history).error is None
    sent = mock.last.body["messages"]
    assert sent[0] == {"role": "system", "content": "Be brief."}
    assistant = sent[2]
    assert assistant["content"] is None and "<think>" not in json.dumps(sent)
    assert assistant["tool_calls"][0]["function"] == {"name": "get_weather", "arguments": '{"city":"Lyon"}'}
    if provider.api.reasoning_history == "reasoning_content":
        assert assistant["reasoning_content"] == "I should call the tool."
    else:
        assert "reasoning_content" not in assistant
    assert sent[3] == {"role": "tool", "tool_call_id": "call_1", "content": "sunny"}


# ---- reasoning and images ---------------------------------------------------------------


def test_stream_reasoning_wrapped_before_answer(dify, provider, mock):
    mock.expect(
        Reply(
            sse=sse(
                chunk(reasoning_content="Let me "),
                chunk(reasoning_content="think."),
                chunk(content="Answer."),
                *finish(),
            )
        )
    )
    outcome = invoke(dify, provider, mock, stream=True)
    assert text_of(outcome) == "<think>\nLet me think.\n</think>\n\nAnswer."


def test_stream_ending_inside_reasoning_closes_tag(dify, provider, mock):
    mock.expect(Reply(sse=sse(chunk(reasoning="only thoughts"), *finish())))
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error is None
    assert text_of(outcome) == "<think>\nonly thoughts\n</think>\n\n"


def test_blocking_reasoning(dify, provider, mock):
    mock.expect(Reply(json=completion({"role": "assistant", "content": "42", "reasoning_content": "Deep thought."})))
    outcome = invoke(dify, provider, mock, stream=False)
    assert outcome.items[0]["delta"]["message"]["content"] == "<think>\nDeep thought.\n</think>\n\n42"


def test_image_sent_as_data_uri(dify, provider, mock):
    message = {
        "role": "user",
        "content": [
            {"type": "text", "data": "What is this?"},
            {"type": "image", "format": "png", "mime_type": "image/png", "base64_data": PNG, "detail": "high"},
        ],
    }
    mock.expect(Reply(json=completion({"role": "assistant", "content": "A pixel."})))
    assert invoke(dify, provider, mock, stream=False, messages=[message]).error is None
    parts = mock.last.body["messages"][0]["content"]
    assert parts[0] == {"type": "text", "text": "What is this?"}
    assert parts[1] == {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}", "detail": "high"}}


# ---- errors -----------------------------------------------------------------------------

HTTP_ERRORS = [
    (401, {"error": {"message": "bad key", "type": "invalid_request_error"}}, "InvokeAuthorizationError"),
    (403, {"error": {"message": "forbidden"}}, "InvokeAuthorizationError"),
    (429, {"error": {"message": "slow down", "type": "requests"}}, "InvokeRateLimitError"),
    (400, {"error": {"message": "bad field", "type": "invalid_request_error"}}, "InvokeBadRequestError"),
    (500, {"error": {"message": "boom"}}, "InvokeServerUnavailableError"),
    (503, {"error": {"message": "overloaded"}}, "InvokeServerUnavailableError"),
]


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
@pytest.mark.parametrize("status,body,expected", HTTP_ERRORS, ids=[str(e[0]) for e in HTTP_ERRORS])
def test_http_errors_are_typed(dify, provider, mock, stream, status, body, expected):
    mock.expect(Reply(status, body))
    outcome = invoke(dify, provider, mock, stream=stream)
    assert outcome.error_type == expected
    if expected != "InvokeAuthorizationError":  # the SDK replaces that message with a fixed one
        assert body["error"]["message"] in outcome.message and str(status) in outcome.message


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_spec_error_codes_win_over_status(dify, provider, mock, stream):
    if not provider.errors.codes:
        pytest.skip("spec maps no error codes")
    code, kind = next(iter(provider.errors.codes.items()))
    mock.expect(Reply(400, {"error": {"message": "mapped", "code": code}}))
    outcome = invoke(dify, provider, mock, stream=stream)
    expected = {
        "authorization": "InvokeAuthorizationError",
        "rate_limit": "InvokeRateLimitError",
        "bad_request": "InvokeBadRequestError",
        "server_unavailable": "InvokeServerUnavailableError",
        "connection": "InvokeConnectionError",
    }[kind]
    assert outcome.error_type == expected


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_non_json_error_body(dify, provider, mock, stream):
    mock.expect(Reply(502, raw=b"<html><body>Bad Gateway</body></html>", content_type="text/html"))
    outcome = invoke(dify, provider, mock, stream=stream)
    assert outcome.error_type == "InvokeServerUnavailableError"
    assert "Bad Gateway" in outcome.message and "502" in outcome.message


def test_non_json_success_body(dify, provider, mock):
    mock.expect(Reply(200, raw=b"not json at all", content_type="text/plain"))
    outcome = invoke(dify, provider, mock, stream=False)
    assert outcome.error_type == "InvokeServerUnavailableError" and "not JSON" in outcome.message


def test_empty_choices(dify, provider, mock):
    mock.expect(Reply(json={"id": "x", "choices": []}))
    outcome = invoke(dify, provider, mock, stream=False)
    assert outcome.error_type == "InvokeServerUnavailableError" and "no choices" in outcome.message


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_refused_connection(dify, provider, stream):
    port = closed_port()
    credentials = {provider.api.api_key_variable: KEY, provider.api.base_url_variable: f"http://127.0.0.1:{port}/v1"}
    outcome = dify.invoke_llm(
        llm(provider), credentials, [{"role": "user", "content": "hi"}], stream, provider=provider.name
    )
    assert outcome.error_type == "InvokeConnectionError"


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_read_timeout(dify, provider, mock, stream):
    mock.expect(Reply(json=completion({"role": "assistant", "content": "late"}), delay=3.5))
    outcome = invoke(dify, provider, mock, stream=stream)
    assert outcome.error_type == "InvokeConnectionError" and "timed out after 2 s" in outcome.message


def test_mid_stream_error_event(dify, provider, mock):
    mock.expect(
        Reply(
            sse=sse(
                chunk(content="partial"),
                {"error": {"message": "quota gone", "type": "insufficient_quota", "code": 429}},
            )
        )
    )
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error_type in {"InvokeRateLimitError", "InvokeServerUnavailableError"}
    assert "quota gone" in outcome.message
    assert text_of(outcome) == "partial"


def test_mid_stream_error_event_type(dify, provider, mock):
    mock.expect(Reply(sse=sse(chunk(content="x"), 'event: error\ndata: {"message": "model crashed"}\n\n')))
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error_type == "InvokeServerUnavailableError" and "model crashed" in outcome.message


def test_malformed_stream_data(dify, provider, mock):
    mock.expect(Reply(sse=sse(chunk(content="x"), "data: {not json}\n\n")))
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error_type == "InvokeServerUnavailableError" and "malformed" in outcome.message


def test_malformed_stream_line(dify, provider, mock):
    mock.expect(Reply(sse=sse(chunk(content="x"), "garbage-without-colon\n\n")))
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error_type == "InvokeServerUnavailableError" and "malformed" in outcome.message


def test_truncated_stream(dify, provider, mock):
    mock.expect(Reply(sse=sse(chunk(content="par"), chunk(content="tial"), done=False), cut=True))
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error_type == "InvokeConnectionError"
    assert text_of(outcome) == "partial"


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_stream_is_forwarded_as_it_arrives(dify, provider, mock, chunked):
    """Each token reaches Dify when the provider sends it, not when a read buffer fills."""
    mock.expect(Reply(sse=sse(chunk(content="a"), chunk(content="b"), *finish()), gap=0.25, chunked=chunked))
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error is None and text_of(outcome) == "ab"
    assert outcome.arrivals[1] - outcome.arrivals[0] > 0.15 and outcome.arrivals[-1] - outcome.arrivals[0] > 0.6


def test_last_event_without_line_end_is_read(dify, provider, mock):
    """A body that stops right after its last `data:` line (no newline, no blank line) still counts."""
    stop, usage = finish()
    mock.expect(Reply(sse=[*sse(chunk(content="ok"), stop, done=False), f"data: {json.dumps(usage)}"]))
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error is None and text_of(outcome) == "ok"
    assert outcome.items[-1]["delta"]["usage"]["completion_tokens"] == USAGE["completion_tokens"]


def test_stream_without_done_but_finished_is_fine(dify, provider, mock):
    mock.expect(Reply(sse=sse(chunk(content="ok"), *finish(), done=False)))
    outcome = invoke(dify, provider, mock, stream=True)
    assert outcome.error is None and text_of(outcome) == "ok"


def test_bad_json_schema_parameter(dify, provider, mock):
    model = provider.models_of("llm")[0]
    if "json_schema" not in {r.name for r in model.parameters}:
        pytest.skip("model has no json_schema parameter")
    outcome = invoke(dify, provider, mock, stream=False, parameters={"json_schema": "{broken"})
    assert outcome.error_type == "InvokeBadRequestError" and "json_schema" in outcome.message
    assert mock.requests == []


def test_json_schema_parameter_sent_as_response_format(dify, provider, mock):
    model = provider.models_of("llm")[0]
    if "json_schema" not in {r.name for r in model.parameters}:
        pytest.skip("model has no json_schema parameter")
    schema = {"type": "object", "properties": {"a": {"type": "string"}}}
    mock.expect(Reply(json=completion({"role": "assistant", "content": '{"a": "b"}'})))
    outcome = invoke(
        dify,
        provider,
        mock,
        stream=False,
        parameters={"response_format": "json_schema", "json_schema": json.dumps(schema)},
    )
    assert outcome.error is None
    assert mock.last.body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "response", "schema": schema},
    }


# ---- schemas and embeddings -------------------------------------------------------------


def test_model_schemas_match_spec(dify, provider, mock):
    outcome = dify.request(
        "get_ai_model_schemas",
        user_id="u",
        provider=provider.name,
        model_type="llm",
        model=llm(provider),
        credentials=creds(provider, mock),
    )
    assert outcome.error is None
    schema = outcome.items[0]["model_schema"]
    model = provider.models_of("llm")[0]
    assert schema["model"] == model.name
    assert schema["model_properties"]["context_size"] == model.context_size
    assert [r["name"] for r in schema["parameter_rules"]] == [r.name for r in model.parameters]


def test_embeddings_batched_with_usage(dify, provider, mock):
    models = provider.models_of("text-embedding")
    if not models:
        pytest.skip("spec has no embedding models")
    model = models[-1]
    texts = [f"text {i}" for i in range(model.max_chunks + 3)]
    batches = [
        list(range(start, min(start + model.max_chunks, len(texts))))
        for start in range(0, len(texts), model.max_chunks)
    ]
    mock.expect(
        *(
            Reply(
                json={
                    "data": [{"index": n, "embedding": [float(i), 0.5]} for n, i in enumerate(batch)],
                    "usage": {"prompt_tokens": 5 * len(batch), "total_tokens": 5 * len(batch)},
                }
            )
            for batch in batches
        )
    )
    outcome = dify.request(
        "invoke_text_embedding",
        user_id="u",
        provider=provider.name,
        model_type="text-embedding",
        model=model.name,
        credentials=creds(provider, mock),
        texts=texts,
        input_type="document",
    )
    assert outcome.error is None, outcome.message
    result = outcome.items[0]
    assert [v[0] for v in result["embeddings"]] == [float(i) for i in range(len(texts))]
    assert result["usage"]["tokens"] == 5 * len(texts)
    assert [len(r.body["input"]) for r in mock.requests] == [len(batch) for batch in batches]
    assert mock.last.path == "/v1" + provider.endpoints["embeddings"]
    assert_auth(provider, mock.last)


def test_embedding_errors_are_typed(dify, provider, mock):
    models = provider.models_of("text-embedding")
    if not models:
        pytest.skip("spec has no embedding models")
    mock.expect(Reply(429, {"error": {"message": "too many"}}))
    outcome = dify.request(
        "invoke_text_embedding",
        user_id="u",
        provider=provider.name,
        model_type="text-embedding",
        model=models[0].name,
        credentials=creds(provider, mock),
        texts=["a"],
        input_type="query",
    )
    assert outcome.error_type == "InvokeRateLimitError"


def test_document_sent_as_file_part(dify, provider, mock):
    if not any("document" in m.features for m in provider.models_of("llm")):
        pytest.skip("no model declares documents")
    pdf = "JVBERi0xLjQK"
    message = {
        "role": "user",
        "content": [
            {
                "type": "document",
                "format": "pdf",
                "mime_type": "application/pdf",
                "base64_data": pdf,
                "filename": "spec.pdf",
            }
        ],
    }
    mock.expect(Reply(json=completion({"role": "assistant", "content": "A PDF."})))
    assert invoke(dify, provider, mock, stream=False, messages=[message]).error is None
    part = mock.last.body["messages"][0]["content"][0]
    assert part == {"type": "file", "file": {"file_data": f"data:application/pdf;base64,{pdf}", "filename": "spec.pdf"}}


def test_extra_credentials_become_headers_and_query(dify, provider, mock):
    if not (provider.api.credential_headers or provider.api.credential_query):
        pytest.skip("spec forwards no extra credentials")
    credentials = creds(provider, mock)
    for variable in {**provider.api.credential_headers, **provider.api.credential_query}:
        credentials[variable] = f"value-of-{variable}"
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    outcome = dify.invoke_llm(
        llm(provider), credentials, [{"role": "user", "content": "hi"}], False, provider=provider.name
    )
    assert outcome.error is None
    for variable, header in provider.api.credential_headers.items():
        assert mock.last.headers[header.lower()] == f"value-of-{variable}"
    for variable, name in provider.api.credential_query.items():
        assert mock.last.query[name] == f"value-of-{variable}"


def test_the_end_users_id_is_sent_as_the_spec_says(dify, provider, mock):
    long_id = "end-user-" + "0123456789" * 5
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    outcome = invoke(dify, provider, mock, stream=False, user_id=long_id)
    assert outcome.error is None, outcome.message
    key, length, hashed = provider.api.user
    body = mock.last.body
    if not provider.api.send_user:
        assert "user" not in body and key not in body
        return
    expected = hashlib.sha256(long_id.encode()).hexdigest() if hashed else long_id
    assert body[key] == expected[:length] if length else body[key] == expected
    assert key == "user" or "user" not in body


def test_system_messages_as_the_model_takes_them(dify, provider, mock):
    models = [m for m in provider.models_of("llm") if m.settings.get("system_messages")]
    if not models:
        pytest.skip("no model drops or reroutes system messages")
    model = models[0]
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    history = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
    outcome = dify.invoke_llm(model.name, creds(provider, mock), history, False, provider=provider.name)
    assert outcome.error is None, outcome.message
    sent = [(m["role"], m["content"]) for m in mock.last.body["messages"]]
    if model.settings["system_messages"] == "drop":
        assert sent == [("user", "Hi")]
    elif provider.api.messages["merge_same_role"]:
        assert sent == [("user", "Be brief.\nHi")]
    else:
        assert sent == [("user", "Be brief."), ("user", "Hi")]


def test_a_model_without_stop_or_streams(dify, provider, mock):
    """send_stop: false drops Dify's stop sequences; stream: false asks for one answer, which Dify
    still receives as a stream."""
    models = [m for m in provider.models_of("llm") if "send_stop" in m.settings or "stream" in m.settings]
    if not models:
        pytest.skip("every model takes stop and streams")
    model = models[0]
    mock.expect(Reply(json=completion({"role": "assistant", "content": "One answer."})))
    outcome = dify.invoke_llm(
        model.name,
        creds(provider, mock),
        [{"role": "user", "content": "Hi"}],
        True,
        provider=provider.name,
        stop=["END"],
    )
    assert outcome.error is None, outcome.message
    assert text_of(outcome) == "One answer."
    body = mock.last.body
    assert ("stop" in body) is model.settings.get("send_stop", True)
    assert body["stream"] is model.settings.get("stream", True)
    assert ("stream_options" in body) == (body["stream"] and provider.api.stream_usage)
