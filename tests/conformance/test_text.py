"""Text, blocking and streamed, on both hosts: the answer, its usage, and the request that asked for
it (path, key, model, stream flag, the conversation, the parameters the model declares)."""

from __future__ import annotations

import hashlib

import pytest

from compiler.model import ModelInfo
from tests.conformance.expect import DOCUMENT, IMAGE, answered, assert_chat_call, keep_in, reply
from tests.conformance.hosts import first_llm, system, user
from tests.conformance.protocols import Text, dig, sent_id
from tests.conformance.specs import chat_models
from tests.integration.mock_server import Reply


def test_text_usage_and_request(host, provider, api, mock, stream):
    if stream:
        chunks = api.stream(Text("Hi "), Text("there"))
        keep_alive = [": keep-alive\n\n"] if api.FRAMING == "sse" else []  # a comment: SSE's alone
        mock.expect(Reply(sse=chunks[:1] + keep_alive + chunks[1:]))
    else:
        mock.expect(answered(api, Text("Hi there")))
    parameters = {"temperature": 0.25, "max_tokens": 64} | keep_in(provider, "temperature")
    answer = host.chat(system("Be brief."), user("Hello"), stream=stream, parameters=parameters)
    assert answer.error is None, answer.message
    assert answer.text == "Hi there" and answer.reasoning == ""
    usage = answer.usage
    assert (usage["prompt_tokens"], usage["completion_tokens"], usage["total_tokens"]) == (11, 7, 18)
    model = provider.models_of("llm")[0]
    if host.name == "dify":
        *body, last = answer.raw.items
        assert all(item["delta"]["usage"] is None and item["delta"]["finish_reason"] is None for item in body)
        assert last["delta"]["finish_reason"] == ("stop" if stream else None) and (stream or not body)
        if model.pricing:
            assert usage["currency"] == model.pricing.currency
            assert float(usage["prompt_price_unit"]) == float(model.pricing.unit)
    else:
        assert answer.raw["items"] == ["AssistantMessageItem"] and usage["cache_reported"] is api.REPORTS_CACHE
    assert_chat_call(api, provider, mock.last, model.name, stream)
    sent = api.read(mock.last)
    assert sent.model == sent_id(api, provider, model.name) and sent.stream is stream
    assert sent.turns() == [("system", "Be brief."), ("user", "Hello")]
    declared = set(provider.chat_parameters[model.name])
    if host.name == "dify":  # the SDK gives a rule its template's value (Gemini's max_output_tokens)
        declared |= templated(model)
    for name, value in (("temperature", 0.25), ("max_tokens", 64)):
        assert dig(sent.body, api.parameter_key(provider, name)) == (value if name in declared else None), name


def test_only_declared_parameters_are_sent(dify, provider, api, mock):
    """The Dify SDK passes only the parameters a model's rules declare."""
    rules = {r.name for r in provider.models_of("llm")[0].parameters} | templated(provider.models_of("llm")[0])
    parameters = {"seed": 42, "logit_bias": {"1": 2}, "temperature": 0.5, "max_tokens": 100}
    mock.expect(answered(api, Text("ok")))
    answer = dify.chat(parameters=parameters | keep_in(provider, "temperature"))
    assert answer.error is None, answer.message
    body = api.read(mock.last).body
    assert "logit_bias" not in body
    for name, value in parameters.items():
        if name != "logit_bias":
            assert dig(body, api.parameter_key(provider, name)) == (value if name in rules else None), name


def templated(model: ModelInfo) -> set[str]:
    """The templates a model's rules use, whose values the Dify SDK hands to the rules that lack one."""
    return {rule.template for rule in model.parameters if rule.template}


def test_missing_usage_is_estimated_offline(dify, api, mock, stream):
    if stream and not api.STREAMS_WITHOUT_USAGE:
        pytest.skip(f"{api.NAME} streams always report usage")
    # 10 ASCII characters (~4 per token) and one other: 3 + 1 tokens, however the text was split.
    mock.expect(reply(api, stream, Text("Hello "), Text("wörld"), usage=None))
    answer = dify.chat(stream=stream)
    assert answer.error is None and answer.text == "Hello wörld", answer.message
    assert answer.usage["prompt_tokens"] > 0 and answer.usage["completion_tokens"] == 4


def test_cached_prompt_tokens_are_reported(maibot, api, mock, stream):
    mock.expect(reply(api, stream, Text("ok"), usage=(11, 7, 4)))
    answer = maibot.chat(stream=stream)
    assert answer.error is None, answer.message
    assert (answer.usage["prompt_cache_hit_tokens"], answer.usage["prompt_cache_miss_tokens"]) == (4, 7)
    assert answer.usage["prompt_tokens"] == 11 and answer.usage["cache_reported"] is True


def test_tokens_are_counted_offline(dify, provider, mock):
    outcome = dify.request(
        "get_llm_num_tokens",
        user_id="u1",
        provider=provider.name,
        model_type="llm",
        model=first_llm(provider),
        credentials=dify.credentials(),
        prompt_messages=[{"role": "user", "content": "How many tokens is this?"}],
        tools=None,
    )
    assert outcome.error is None and outcome.items[0]["num_tokens"] > 0
    assert mock.requests == []


def test_one_connection_serves_calls_in_a_row(host, api, mock):
    mock.expect(*[answered(api, Text("ok")) for _ in range(3)])
    for _ in range(3):
        answer = host.chat()
        assert answer.error is None, answer.message
    assert len({r.client_port for r in mock.requests}) == 1


def test_the_model_schema_is_the_specs(dify, provider):
    model = provider.models_of("llm")[0]
    outcome = dify.request(
        "get_ai_model_schemas",
        user_id="u1",
        provider=provider.name,
        model_type="llm",
        model=model.name,
        credentials=dify.credentials(),
    )
    assert outcome.error is None, outcome.message
    schema = outcome.items[0]["model_schema"]
    assert schema["model"] == model.name
    assert schema["model_properties"]["context_size"] == model.context_size
    assert [r["name"] for r in schema["parameter_rules"]] == [r.name for r in model.parameters]


def test_an_image_goes_inline(host, api, mock):
    mock.expect(answered(api, Text("A pixel.")))
    answer = host.chat(user("What is this?", IMAGE | {"detail": "high"}))
    assert answer.error is None, answer.message
    sent = api.read(mock.last)
    assert sent.messages == [("user", [("text", "What is this?"), ("image", "image/png", IMAGE["data"])])]


def test_a_document_goes_inline(dify, provider, api, mock):
    if not any("document" in m.features for m in provider.models_of("llm")):
        pytest.skip("no model declares documents")
    mock.expect(answered(api, Text("A PDF.")))
    answer = dify.chat(user("", DOCUMENT))
    assert answer.error is None, answer.message
    assert api.read(mock.last).messages == [("user", [("document", "application/pdf", DOCUMENT["data"])])]


def test_extra_credentials_become_headers_and_query(dify, provider, api, mock):
    if not (provider.api.credential_headers or provider.api.credential_query):
        pytest.skip("spec forwards no extra credentials")
    credentials = dify.credentials()
    for variable in {**provider.api.credential_headers, **provider.api.credential_query}:
        credentials[variable] = f"value-of-{variable}"
    mock.expect(answered(api, Text("ok")))
    answer = dify.chat(credentials=credentials)
    assert answer.error is None, answer.message
    for variable, header in provider.api.credential_headers.items():
        assert mock.last.headers[header.lower()] == f"value-of-{variable}"
    for variable, name in provider.api.credential_query.items():
        assert mock.last.query[name] == f"value-of-{variable}"


def test_the_end_users_id_is_sent_as_the_spec_says(dify, provider, api, mock):
    long_id = "end-user-" + "0123456789" * 5
    mock.expect(answered(api, Text("ok")))
    answer = dify.chat(user_id=long_id)
    assert answer.error is None, answer.message
    key, length, hashed = provider.api.user
    body = mock.last.body
    if not (provider.api.send_user and api.SENDS_USER):
        assert "user" not in body and dig(body, key) is None
        return
    expected = hashlib.sha256(long_id.encode()).hexdigest() if hashed else long_id
    assert dig(body, key) == (expected[:length] if length else expected)
    assert key == "user" or "user" not in body


def test_system_messages_as_the_model_takes_them(dify, provider, api, mock):
    models = [m for m in provider.models_of("llm") if m.settings.get("system_messages")]
    if not models:
        pytest.skip("no model drops or reroutes system messages")
    model = models[0]
    mock.expect(answered(api, Text("ok")))
    answer = dify.chat(system("Be brief."), user("Hi"), model=model.name)
    assert answer.error is None, answer.message
    sent = api.read(mock.last).turns()
    if model.settings["system_messages"] == "drop":
        assert sent == [("user", "Hi")]
    elif provider.api.messages["merge_same_role"]:
        assert sent == [("user", "Be brief.\nHi")]
    else:
        separate = [("user", [("text", "Be brief.")]), ("user", [("text", "Hi")])]
        assert api.read(mock.last).messages == api.tidied(separate)


def test_a_bad_json_schema_is_refused_before_sending(dify, provider, mock):
    if "json_schema" not in {r.name for r in provider.models_of("llm")[0].parameters}:
        pytest.skip("the model has no json_schema parameter")
    answer = dify.chat(parameters={"json_schema": "{broken"})
    assert answer.error == "bad_request" and "json_schema" in answer.message
    assert mock.requests == []


def test_a_model_without_stop_or_streams(dify, provider, api, mock):
    """send_stop: false drops Dify's stop sequences; stream: false asks for one answer, which Dify
    still receives as a stream."""
    models = [m for m in chat_models(provider) if "send_stop" in m.settings or "stream" in m.settings]
    if not models:
        pytest.skip("every model takes stop and streams")
    model = models[0]
    mock.expect(answered(api, Text("One answer.")))
    answer = dify.chat(user("Hi"), model=model.name, stream=True, stop=["END"])
    assert answer.error is None, answer.message
    assert answer.text == "One answer."
    sent = api.read(mock.last)
    takes_stop = api.STOP_KEY is not None and model.settings.get("send_stop", True)
    assert (dig(sent.body, api.STOP_KEY or "stop") is not None) is takes_stop
    assert sent.stream is model.settings.get("stream", True)


def test_a_model_that_never_streams(maibot, provider, api, mock):
    """force_stream_mode on a model the spec does not stream: one answer asked for, and served."""
    models = [m for m in provider.models_of("llm") if m.settings.get("stream") is False]
    if not models:
        pytest.skip("every model streams")
    mock.expect(answered(api, Text("One answer.")))
    answer = maibot.chat(user("Hi"), model=models[0].name, stream=True)
    assert answer.error is None and answer.text == "One answer.", answer.shown
    assert api.read(mock.last).stream is False
