"""What only the openai_chat protocol has, over its specs, on both hosts: stream_options, the exact
shapes of its messages and content parts, answers OpenAI-compatible servers send (no `content`, a
`reasoning` key, no [DONE], an error event's own names), response_format, completion-mode models, and
the OpenAI-shaped embeddings' settings."""

from __future__ import annotations

import base64
import json
import struct

import pytest

from tests.conformance.expect import DOCUMENT, HOSTED_TOOL, IMAGE, answered, both, comparable, reply
from tests.conformance.hosts import assistant, first_llm, system, tool, user
from tests.conformance.protocols import Call, Text, embedding_answer
from tests.conformance.protocols.openai_chat import HEAD, chunk, usage_body
from tests.integration.mock_server import Reply, sse

PROTOCOLS = ("openai_chat",)
LYON = Call("call_1", "get_weather", {"city": "Lyon"})
MAIBOT_JSON = {"response_format": {"format_type": "json_object"}}


def test_stream_options_ask_for_usage_only_when_streaming(host, provider, api, mock, stream):
    mock.expect(reply(api, stream, Text("Hi")))
    answer = host.chat(stream=stream)
    assert answer.error is None, answer.message
    body = mock.last.body
    assert body["stream"] is stream
    assert body.get("stream_options") == ({"include_usage": True} if stream and provider.api.stream_usage else None)


def test_usage_events_only_for_a_model_that_streams(host, provider, api, mock):
    """A model without stop or streaming (Dify), one that never streams (MaiBot), asked to stream."""
    if host.name == "dify":
        models = [m for m in provider.models_of("llm") if "send_stop" in m.settings or "stream" in m.settings]
    else:
        models = [m for m in provider.models_of("llm") if m.settings.get("stream") is False]
    if not models:
        pytest.skip("every model takes stop and streams")
    mock.expect(answered(api, Text("One answer.")))
    answer = host.chat(user("Hi"), model=models[0].name, stream=True)
    assert answer.error is None, answer.shown
    body = mock.last.body
    assert body["stream"] is models[0].settings.get("stream", True)
    assert ("stream_options" in body) == (body["stream"] and provider.api.stream_usage)


def test_the_messages_are_openai_shaped(dify, maibot, provider, api, mock):
    for host in (dify, maibot):
        mock.expect(answered(api, Text("Hi")))
        assert host.chat(system("Be brief."), user("Hello")).error is None
        assert mock.last.body["messages"] == [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hello"},
        ]
    mock.expect(answered(api, Text("Sunny.")))
    turns = (system("Be brief."), user("Weather?"), assistant("", LYON, reasoning="I should call the tool."))
    assert dify.chat(*turns, tool("call_1", "get_weather", "sunny"), tools=[HOSTED_TOOL]).error is None
    sent = mock.last.body["messages"]
    assert sent[2]["content"] is None
    assert sent[2]["tool_calls"] == [
        {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Lyon"}'}}
    ]
    assert ("reasoning_content" in sent[2]) is (provider.api.reasoning_history == "reasoning_content")
    assert sent[3] == {"role": "tool", "tool_call_id": "call_1", "content": "sunny"}
    assert mock.last.body["tools"] == [{"type": "function", "function": HOSTED_TOOL}]
    mock.expect(answered(api, Text("Sunny in Lyon.")))
    answer = maibot.chat(
        user("Weather in Lyon?"), assistant("", LYON), tool("call_1", "get_weather", "sunny"), tools=[HOSTED_TOOL]
    )
    assert answer.error is None, answer.shown
    assert mock.last.body["messages"] == [
        {"role": "user", "content": "Weather in Lyon?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Lyon"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
    ]


def test_images_and_documents_are_content_parts(dify, maibot, provider, api, mock):
    url = {"url": f"data:image/png;base64,{IMAGE['data']}"}
    for host, detail in ((dify, {"detail": "high"}), (maibot, {})):
        mock.expect(answered(api, Text("A pixel.")))
        assert host.chat(user("What is this?", IMAGE | {"detail": "high"})).error is None
        parts = mock.last.body["messages"][0]["content"]
        assert parts == [{"type": "text", "text": "What is this?"}, {"type": "image_url", "image_url": url | detail}]
    if any("document" in m.features for m in provider.models_of("llm")):
        mock.expect(answered(api, Text("A PDF.")))
        assert dify.chat(user("", DOCUMENT)).error is None
        data = f"data:application/pdf;base64,{DOCUMENT['data']}"
        assert mock.last.body["messages"][0]["content"] == [
            {"type": "file", "file": {"file_data": data, "filename": "spec.pdf"}}
        ]


def test_tool_calls_without_content(dify, mock):
    """A blocking answer whose message has tool calls and no `content` key at all."""
    call = {"id": "call_9", "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Oslo"}'}}
    choice = {"index": 0, "message": {"role": "assistant", "tool_calls": [call]}, "finish_reason": "tool_calls"}
    mock.expect(Reply(json=HEAD | {"object": "chat.completion", "choices": [choice], "usage": usage_body(11, 7)}))
    answer = dify.chat(user("Weather?"), tools=[HOSTED_TOOL])
    assert answer.error is None, answer.message
    assert answer.raw.items[0]["delta"]["message"]["tool_calls"] == [call]


def test_reasoning_under_the_reasoning_key(dify, mock):
    """OpenRouter's name for it, in a stream that ends inside it."""
    mock.expect(Reply(sse=sse(chunk({"reasoning": "only thoughts"}), chunk({}, "stop"), "data: [DONE]\n\n")))
    answer = dify.chat(stream=True)
    assert answer.error is None and answer.content == "<think>\nonly thoughts\n</think>\n\n", answer.message


def test_an_answer_without_choices(dify, mock):
    mock.expect(Reply(json={"id": "x", "choices": []}))
    answer = dify.chat()
    assert answer.error == "server_unavailable" and "no choices" in answer.message


def test_error_events_of_other_spellings(dify, mock):
    """An error object whose code is an HTTP status, and an `event: error` with a bare message."""
    quota = {"error": {"message": "quota gone", "type": "insufficient_quota", "code": 429}}
    mock.expect(Reply(sse=sse(chunk({"content": "partial"}), quota, "data: [DONE]\n\n")))
    answer = dify.chat(stream=True)
    assert answer.error in {"rate_limit", "server_unavailable"} and "quota gone" in answer.message
    assert answer.text == "partial"
    mock.expect(Reply(sse=sse(chunk({"content": "x"}), 'event: error\ndata: {"message": "model crashed"}\n\n')))
    answer = dify.chat(stream=True)
    assert answer.error == "server_unavailable" and "model crashed" in answer.message


def test_streams_without_done(dify, mock):
    """A finished stream without [DONE] is whole; so is one whose last event (usage) has no line end."""
    finish = chunk({}, "stop")
    mock.expect(Reply(sse=sse(chunk({"content": "ok"}), finish)))
    answer = dify.chat(stream=True)
    assert answer.error is None and answer.text == "ok", answer.message
    usage = HEAD | {"object": "chat.completion.chunk", "choices": [], "usage": usage_body(11, 7)}
    mock.expect(Reply(sse=[*sse(chunk({"content": "ok"}), finish), f"data: {json.dumps(usage)}"]))
    answer = dify.chat(stream=True)
    assert answer.error is None and answer.text == "ok", answer.message
    assert answer.usage["completion_tokens"] == 7


def test_a_json_schema_goes_as_response_format(dify, maibot, provider, api, mock):
    schema = {"type": "object", "properties": {"a": {"type": "string"}}}
    if "json_schema" in {r.name for r in provider.models_of("llm")[0].parameters}:
        mock.expect(answered(api, Text('{"a": "b"}')))
        answer = dify.chat(parameters={"response_format": "json_schema", "json_schema": json.dumps(schema)})
        assert answer.error is None, answer.message
        assert mock.last.body["response_format"] == {
            "type": "json_schema",
            "json_schema": {"name": "response", "schema": schema},
        }
    mock.expect(answered(api, Text('{"a": 1}')), answered(api, Text('{"a": 1}')))
    assert maibot.chat(**MAIBOT_JSON).error is None
    assert mock.last.body["response_format"] == {"type": "json_object"}
    named = {"name": "answer", "schema": {"type": "object", "properties": {"a": {"type": "integer"}}}, "strict": True}
    assert maibot.chat(response_format={"format_type": "json_schema", "schema": named}).error is None
    assert mock.last.body["response_format"] == {"type": "json_schema", "json_schema": named}


def test_json_output_from_both_hosts(dify, maibot, provider, api, mock):
    if "response_format" not in provider.chat_parameters[first_llm(provider)]:
        pytest.skip("the model declares no response_format parameter")
    rule = next(r for r in provider.models_of("llm")[0].parameters if r.name == "response_format")
    if "json_object" not in rule.overrides.get("options", ()):
        pytest.skip("the model's response_format is Dify's own JSON/XML code-block mode")
    sent = []
    for host, asked in ((dify, {"parameters": {"response_format": "json_object"}}), (maibot, MAIBOT_JSON)):
        mock.expect(answered(api, Text('{"ok": true}')))
        assert host.chat(user("JSON please"), **asked).error is None
        sent.append(comparable(api, provider, mock.last))
    from_dify, from_maibot = sent
    assert from_dify == from_maibot
    assert from_dify["body"]["response_format"] == {"type": "json_object"}


def test_a_body_max_tokens_replaces_the_native_one(maibot, api, mock):
    mock.expect(answered(api, Text("ok")))
    answer = maibot.chat(max_tokens=64, extra_params={"body": {"max_completion_tokens": 5}})
    assert answer.error is None, answer.shown
    assert mock.last.body["max_completion_tokens"] == 5 and "max_tokens" not in mock.last.body


def test_a_completion_mode_model(dify, maibot, provider, api, mock):
    """One prompt to /completions, choices[].text back: blocking from both hosts, and streamed to Dify."""
    models = [m for m in provider.models_of("llm") if m.mode == "completion"]
    if not models:
        pytest.skip("the spec has no completion-mode model")
    model = models[0].name
    answer = {
        "id": "cmpl-1",
        "object": "text_completion",
        "model": model,
        "usage": {"prompt_tokens": 9, "completion_tokens": 3},
    }
    answer["choices"] = [{"index": 0, "text": " Paris.", "finish_reason": "stop", "logprobs": None}]
    from_dify, from_maibot = both(
        dify,
        maibot,
        api,
        mock,
        Reply(json=answer),
        system("Answer briefly."),
        user("Capital of France?"),
        model=model,
    )
    assert from_dify == from_maibot
    assert from_dify["path"].endswith(provider.endpoints["completions"])
    assert (
        from_dify["body"]["prompt"] == "Answer briefly.\n\nCapital of France?" and "messages" not in from_dify["body"]
    )
    head = {"id": "cmpl-2", "object": "text_completion", "model": model}
    events = [head | {"choices": [{"index": 0, "text": piece, "finish_reason": None}]} for piece in (" Pa", "ris", ".")]
    events.append(head | {"choices": [{"index": 0, "text": "", "finish_reason": "stop"}], "usage": answer["usage"]})
    mock.expect(Reply(sse=sse(*events)))
    streamed = dify.chat(system("Answer briefly."), user("Capital of France?"), model=model, stream=True)
    assert streamed.error is None and streamed.text == " Paris.", streamed.message
    assert streamed.usage["completion_tokens"] == 3


def test_embedding_settings_and_any_model(maibot, provider, mock):
    """A model's settings (base64, dimensions) apply to it; an id the spec does not list gets none."""
    model = next((m for m in provider.models_of("text-embedding") if m.settings), None)
    if model is None:
        pytest.skip("the spec declares no embedding model with settings")
    packed = base64.b64encode(struct.pack("<2f", 0.5, -1.25)).decode()
    shape = provider.api.embedding
    for name, embedding in ((model.name, packed), ("user-added-embed", [0.5, -1.25])):
        mock.expect(Reply(json=embedding_answer(shape, [embedding])))
        result = maibot.call(
            op="embedding",
            api_provider=maibot.api_provider(),
            input="hi",
            model_info={"model_identifier": name, "name": name, "model_type": "embedding"},
        )
        assert result["ok"], result
        assert result["embedding"] == [0.5, -1.25]
        body = mock.last.body
        encoding = (
            {shape["encoding_format"]: model.settings.get("encoding", "float")} if shape["encoding_format"] else {}
        )
        if name == model.name:
            assert body | encoding == body
            assert body.get("dimensions") == model.settings.get("dimensions")
            assert body | (model.settings.get("body") or {}) == body
        else:
            assert body == {"model": name, shape["input"]: ["hi"]} | {k: "float" for k in encoding}


def test_built_in_tools_come_after_the_functions(dify, provider, api, mock):
    names = [n for n in provider.chat_parameters[first_llm(provider)] if "tool" in provider.parameters[n]]
    if not names:
        pytest.skip("the model has no parameter that adds a built-in tool")
    builtin = provider.parameters[names[0]]["tool"]
    for on in (True, False):
        mock.expect(answered(api, Text("ok")))
        assert dify.chat(user("Weather?"), parameters={names[0]: on}, tools=[HOSTED_TOOL]).error is None
        tools = mock.last.body["tools"]
        assert [t["type"] for t in tools] == ["function"] + ([builtin["type"]] if on else [])
        assert (tools[-1] == builtin) is on
