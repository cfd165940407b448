"""The OpenAI chat protocol module against wire fixtures (tests/runtime/fixtures/openai_chat/:
written from OpenAI's and DeepSeek's API references, and checked against the openai SDK's own
types by tests/unit/test_wire_fixtures.py)."""

from __future__ import annotations

import json

import pytest

from compiler.runtime import config
from compiler.runtime.protocols import openai_chat
from compiler.runtime.errors import ProviderError
from compiler.runtime.sse import Framer
from compiler.runtime.types import Completion
from tests.runtime.conftest import fixture_bytes, fixture_json


def assemble(body: bytes, keep_text: bool = True) -> tuple[list[tuple[str, str]], Completion]:
    """Every (reasoning, content) delta of a streamed body, then the finished answer."""
    framer, assembler = Framer(), openai_chat.StreamAssembler(keep_text)
    deltas = [assembler.feed(event) for event in framer.feed(body) + framer.close()]
    return [d for d in deltas if d != ("", "")], assembler.finish()


# ---- streams ------------------------------------------------------------------------------


def test_text_stream_with_a_usage_only_last_chunk() -> None:
    deltas, done = assemble(fixture_bytes("stream_text.sse"))
    assert deltas == [("", "Hello"), ("", " there"), ("", ", how can I help?")]
    assert done.content == "Hello there, how can I help?" and done.reasoning == ""
    assert done.finish_reason == "stop" and done.response_id == "chatcmpl-9xQz"
    assert (done.usage.prompt_tokens, done.usage.completion_tokens, done.usage.cached_tokens) == (19, 10, 0)


def test_tool_call_fragments_merge_into_complete_calls() -> None:
    deltas, done = assemble(fixture_bytes("stream_tool_calls.sse"))
    assert deltas == [] and done.content == "" and done.finish_reason == "tool_calls"
    calls = [(c.id, c.name, json.loads(c.arguments)) for c in done.tool_calls]
    assert calls == [
        ("call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather", {"location": "Paris"}),
        ("call_ABCD8p93xa9XTPNJ32zg2hcB", "get_time", {"tz": "CET"}),
    ]


def test_interleaved_fragments_merge_by_index() -> None:
    _, done = assemble(fixture_bytes("stream_tool_calls_interleaved.sse"))
    calls = {c.id: (c.name, json.loads(c.arguments)) for c in done.tool_calls}
    assert calls == {"call_one": ("get_weather", {"location": "Paris"}), "call_two": ("get_time", {"tz": "CET"})}
    assert [c.id for c in done.tool_calls] == ["call_one", "call_two"]


def test_fragments_without_index_follow_their_id_or_the_latest_call() -> None:
    assembler = openai_chat.StreamAssembler()
    for fragment in (
        {"id": "a", "function": {"name": "first", "arguments": '{"x"'}},
        {"id": "b", "function": {"name": "second", "arguments": "{}"}},
        {"id": "a", "function": {"arguments": ": 1}"}},
        {"function": {"arguments": " "}},  # no id, no index: the latest call
    ):
        assembler.feed(("", json.dumps({"choices": [{"delta": {"tool_calls": [fragment]}}]})))
    assembler.feed(("", "[DONE]"))
    calls = [(c.id, c.name, c.arguments) for c in assembler.finish().tool_calls]
    assert calls == [("a", "first", '{"x": 1}'), ("b", "second", "{}")]


def test_a_call_without_id_or_arguments_gets_both() -> None:
    assembler = openai_chat.StreamAssembler()
    assembler.feed(
        ("", json.dumps({"choices": [{"delta": {"tool_calls": [{"index": 0, "function": {"name": "f"}}]}}]}))
    )
    assembler.feed(("", json.dumps({"choices": [{"delta": {}, "finish_reason": "tool_calls"}]})))
    (call,) = assembler.finish().tool_calls
    assert call.id.startswith("call_") and call.arguments == "{}"


def test_malformed_tool_arguments_are_the_servers_fault() -> None:
    assembler = openai_chat.StreamAssembler()
    fragment = {"index": 0, "id": "c", "function": {"name": "f", "arguments": '{"x": '}}
    assembler.feed(("", json.dumps({"choices": [{"delta": {"tool_calls": [fragment]}, "finish_reason": "stop"}]})))
    with pytest.raises(ProviderError, match="malformed arguments for tool 'f'") as caught:
        assembler.finish()
    assert caught.value.kind == "server_unavailable"


def test_reasoning_then_content() -> None:
    deltas, done = assemble(fixture_bytes("stream_reasoning.sse"))
    assert deltas == [("The user greets me.", ""), (" I should greet back.", ""), ("", "Hi!")]
    assert done.reasoning == "The user greets me. I should greet back." and done.content == "Hi!"
    assert done.usage.cached_tokens == 8


def test_openrouter_reasoning_field() -> None:
    assembler = openai_chat.StreamAssembler()
    assert assembler.feed(("", '{"choices": [{"delta": {"reasoning": "hmm"}}]}')) == ("hmm", "")


def test_counted_text_is_not_kept() -> None:
    _, kept = assemble(fixture_bytes("stream_reasoning.sse"))
    _, counted = assemble(fixture_bytes("stream_reasoning.sse"), keep_text=False)
    assert counted.content == counted.reasoning == ""
    assert counted.estimated_output_tokens() == kept.estimated_output_tokens() > 0


def test_a_truncated_stream_is_a_connection_error() -> None:
    with pytest.raises(ProviderError, match="ended before the response was complete") as caught:
        assemble(fixture_bytes("stream_truncated.sse"))
    assert caught.value.kind == "connection"


def test_finish_reason_without_done_is_complete() -> None:
    _, done = assemble(b'data: {"choices": [{"delta": {"content": "ok"}, "finish_reason": "stop"}]}\n\n')
    assert done.content == "ok"


def test_done_without_finish_reason_is_complete() -> None:
    _, done = assemble(b'data: {"choices": [{"delta": {"content": "ok"}}]}\n\ndata: [DONE]\n\n')
    assert done.finish_reason == "stop"


def test_an_error_payload_mid_stream_is_classified() -> None:
    with pytest.raises(ProviderError) as caught:
        assemble(fixture_bytes("stream_error_payload.sse"))
    assert caught.value.kind == "server_unavailable" and caught.value.code == "server_error"
    assert "while processing your request" in caught.value.message


def test_an_error_event_mid_stream_is_classified(settings) -> None:
    settings(CODE_KINDS={"overloaded": "rate_limit"})
    assembler = openai_chat.StreamAssembler()
    with pytest.raises(ProviderError) as caught:
        assembler.feed(("error", '{"message": "slow down", "type": "overloaded"}'))
    assert (caught.value.kind, caught.value.code, caught.value.message) == ("rate_limit", "overloaded", "slow down")


def test_malformed_data_is_an_error() -> None:
    with pytest.raises(ProviderError, match="malformed stream data: {not json}"):
        openai_chat.StreamAssembler().feed(("", "{not json}"))


def test_chunks_a_gateway_sent_as_one_event() -> None:
    data = '{"choices": [{"delta": {"content": "a"}}]}\n{"choices": [{"delta": {"content": "b"}}]}'
    assert openai_chat.StreamAssembler().feed(("", data)) == ("", "ab")


def test_a_payload_that_is_not_an_object_is_an_error() -> None:
    with pytest.raises(ProviderError, match="unexpected stream payload"):
        openai_chat.StreamAssembler().feed(("", "[1, 2]"))


# ---- blocking answers -----------------------------------------------------------------------


def test_blocking_text() -> None:
    done = openai_chat.parse_completion(fixture_json("completion_text.json"))
    assert done.content == "Hello there, how can I help?" and done.finish_reason == "stop"
    assert done.usage.prompt_tokens == 19 and done.response_id == "chatcmpl-9xR0"


def test_blocking_tool_calls_without_content() -> None:
    done = openai_chat.parse_completion(fixture_json("completion_tool_calls.json"))
    assert done.content == "" and [c.name for c in done.tool_calls] == ["get_weather", "get_time"]
    assert done.tool_calls[1].arguments == "{}"


def test_blocking_arguments_sent_as_an_object() -> None:
    message = {"tool_calls": [{"id": "c", "function": {"name": "f", "arguments": {"x": "é"}}}]}
    done = openai_chat.parse_completion({"choices": [{"message": message}]})
    assert json.loads(done.tool_calls[0].arguments) == {"x": "é"}


def test_blocking_reasoning_and_content_parts() -> None:
    message = {"content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}], "reasoning_content": "r"}
    done = openai_chat.parse_completion({"choices": [{"message": message}]})
    assert (done.content, done.reasoning) == ("ab", "r")


@pytest.mark.parametrize(
    "payload,kind,message",
    [
        ({"choices": []}, "server_unavailable", "response has no choices"),
        ({"id": "x"}, "server_unavailable", "response has no choices"),
        (["not", "an", "object"], "server_unavailable", "expected a JSON object"),
        (None, "server_unavailable", "expected a JSON object"),
    ],
)
def test_blocking_answers_that_are_not_completions(payload, kind, message) -> None:
    with pytest.raises(ProviderError, match=message) as caught:
        openai_chat.parse_completion(payload)
    assert caught.value.kind == kind


def test_blocking_error_body_with_a_200(settings) -> None:
    settings(CODE_KINDS={"insufficient_quota": "rate_limit"})
    with pytest.raises(ProviderError) as caught:
        openai_chat.parse_completion(fixture_json("error_insufficient_quota.json"))
    assert (caught.value.kind, caught.value.code) == ("rate_limit", "insufficient_quota")


# ---- requests -------------------------------------------------------------------------------

HELLO = [{"role": "user", "content": "Hello"}]


def test_chat_request_sends_only_declared_parameters(settings) -> None:
    settings(PARAMETERS={"max_tokens": {"key": "max_completion_tokens"}, "effort": {"key": "reasoning.effort"}})
    request = openai_chat.chat_request("m", HELLO, {"max_tokens": 5, "effort": "low", "seed": 1, "top_p": None})
    assert (request.method, request.path) == ("POST", "/chat/completions")
    assert request.body == {
        "model": "m",
        "messages": HELLO,
        "stream": False,
        "max_completion_tokens": 5,
        "reasoning": {"effort": "low"},
    }


def test_stream_request_asks_for_usage_unless_the_spec_says_not(settings) -> None:
    assert openai_chat.chat_request("m", HELLO, {}, stream=True).body["stream_options"] == {"include_usage": True}
    settings(STREAM_USAGE=False)
    assert "stream_options" not in openai_chat.chat_request("m", HELLO, {}, stream=True).body


def test_tools_stop_and_user(settings) -> None:
    tool = {"type": "function", "function": {"name": "f", "description": "", "parameters": {}}}
    body = openai_chat.chat_request("m", HELLO, {}, [tool], ["END"], user="u1", tool_choice="none").body
    assert body["tools"] == [tool] and body["tool_choice"] == "none"
    assert body["stop"] == ["END"] and body["user"] == "u1"
    settings(SEND_USER=False)
    assert "user" not in openai_chat.chat_request("m", HELLO, {}, user="u1").body


@pytest.mark.parametrize(
    "values,expected",
    [
        ({"response_format": "json_object"}, {"type": "json_object"}),
        ({"response_format": "JSON"}, None),  # Dify's prompt-side code-block modes are never sent
        ({"response_format": "XML"}, None),
        (
            {"json_schema": '{"type": "object"}'},
            {"type": "json_schema", "json_schema": {"name": "response", "schema": {"type": "object"}}},
        ),
        (
            {"response_format": "json_schema", "json_schema": {"name": "n", "schema": {"type": "object"}}},
            {"type": "json_schema", "json_schema": {"name": "n", "schema": {"type": "object"}}},
        ),
    ],
)
def test_response_format_encodings(settings, values, expected) -> None:
    settings(
        PARAMETERS={
            "response_format": {"format": "response_format"},
            "json_schema": {"format": "json_schema"},
        }
    )
    assert openai_chat.chat_request("m", HELLO, values).body.get("response_format") == expected


def test_a_json_schema_that_is_not_json(settings) -> None:
    settings(PARAMETERS={"json_schema": {"format": "json_schema"}})
    with pytest.raises(ProviderError, match="json_schema is not valid JSON") as caught:
        openai_chat.chat_request("m", HELLO, {"json_schema": "{oops"})
    assert caught.value.kind == "bad_request"


def test_a_hosts_own_response_format() -> None:
    schema = {"name": "answer", "schema": {"type": "object"}, "strict": True}
    body = openai_chat.chat_request("m", HELLO, {}, response_format=("json_schema", schema)).body
    assert body["response_format"] == {"type": "json_schema", "json_schema": schema}
    body = openai_chat.chat_request("m", HELLO, {}, response_format=("json_object", None)).body
    assert body["response_format"] == {"type": "json_object"}


def test_validation_request(settings) -> None:
    request = openai_chat.validation_request("m")
    assert (request.method, request.path, request.body) == ("GET", "/models", None)
    settings(ENDPOINTS={"chat": "/v2/chat", "models": None})
    request = openai_chat.validation_request("m")
    assert (request.method, request.path) == ("POST", "/v2/chat") and request.body["max_tokens"] == 1
    settings(ENDPOINTS={"chat": "/chat/completions", "completions": "/completions", "models": "/models"})
    request = openai_chat.validation_request("m", True, {"mode": "completion"})
    assert (request.path, request.body) == ("/completions", {"model": "m", "prompt": "ping", "max_tokens": 1})


def test_account_headers() -> None:
    assert openai_chat.account_headers("org-1", "") == {"OpenAI-Organization": "org-1"}
    assert openai_chat.account_headers("", "proj") == {"OpenAI-Project": "proj"}


# ---- hostile answers (the integration fault suite: tests/faults/) ---------------------------------


def events(*payloads: dict, done: bool = True) -> bytes:
    body = b"".join(b"data: " + json.dumps(p).encode() + b"\n\n" for p in payloads)
    return body + (b"data: [DONE]\n\n" if done else b"")


def delta(**fields) -> dict:
    return {"id": "r", "choices": [{"index": 0, "delta": fields}]}


FINISHED = {"id": "r", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}


@pytest.mark.parametrize("keep_text", [True, False])
def test_a_surrogate_pair_split_across_events_is_joined(keep_text: bool) -> None:
    body = events(
        delta(reasoning_content="r\ud83d"),
        delta(reasoning_content="\ude00"),
        delta(content="a\ud83d"),
        delta(content="\ude00b\ud83d"),
        FINISHED,
    )
    deltas, done = assemble(body, keep_text)
    assert deltas == [("r", ""), ("😀", ""), ("", "a"), ("", "😀b")]
    # the high half nothing completed is U+FFFD, in the answer (kept) or as what feed has not returned
    assert done.content == ("a😀b\ufffd" if keep_text else "\ufffd") and done.reasoning == ("r😀" if keep_text else "")


def test_lone_surrogates_in_a_blocking_answer() -> None:
    message = {"role": "assistant", "content": "a\ud83d", "reasoning_content": "\udc00"}
    calls = [{"id": "c\ud83d", "type": "function", "function": {"name": "f", "arguments": '{"x": "\\ud83d"}'}}]
    answer = openai_chat.parse_completion(
        json.loads(json.dumps({"id": "r\ud83d", "choices": [{"message": message | {"tool_calls": calls}}]}))
    )
    assert (answer.content, answer.reasoning, answer.response_id) == ("a\ufffd", "\ufffd", "r\ufffd")
    assert (answer.tool_calls[0].id, answer.tool_calls[0].arguments) == ("c\ufffd", '{"x": "\ufffd"}')


def test_a_whole_completion_sent_as_one_event_is_read() -> None:
    completion = {
        "id": "r",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi"}, "finish_reason": "stop"}],
    }
    deltas, done = assemble(events(completion, done=False))
    assert deltas == [("", "Hi")] and (done.content, done.finish_reason) == ("Hi", "stop")


def test_a_stream_without_a_single_choice_is_an_error() -> None:
    with pytest.raises(ProviderError, match="without an answer") as caught:
        assemble(events({"id": "r", "object": "something.else"}))
    assert caught.value.kind == "server_unavailable"


def test_value_maps_send_what_the_spec_says(settings) -> None:
    settings(
        PARAMETERS={
            "thinking": {"key": "thinking", "values": ((True, {"type": "enabled"}), (False, {"type": "disabled"}))},
            "mode": {"key": "prompt_mode", "values": ((True, "reasoning"), (False, None))},
            "level": {"key": "level", "values": ((1, "one"),)},
        },
    )
    body = openai_chat.chat_request("m", [], {"thinking": True, "mode": False, "level": 2}).body
    assert body["thinking"] == {"type": "enabled"} and "prompt_mode" not in body and body["level"] == 2
    body = openai_chat.chat_request("m", [], {"thinking": False, "mode": True, "level": 1.0}).body
    assert (body["thinking"], body["prompt_mode"], body["level"]) == ({"type": "disabled"}, "reasoning", "one")
    assert openai_chat.chat_request("m", [], {"level": True}).body["level"] is True  # true is not 1


def test_per_model_omissions_stop_and_stream(settings) -> None:
    settings(
        PARAMETERS={"temperature": {"key": "temperature"}, "thinking": {"key": "thinking"}},
        MODEL_SETTINGS={
            "r": {
                "parameters": {"temperature": {"omit_when": (("thinking", True, None),)}},
                "send_stop": False,
                "stream": False,
            }
        },
    )
    body = openai_chat.chat_request("r", [], {"temperature": 0.2, "thinking": True}, stop=["x"], stream=True).body
    assert "temperature" not in body and "stop" not in body and body["stream"] is False
    assert "stream_options" not in body
    body = openai_chat.chat_request("r", [], {"temperature": 0.2, "thinking": 1}).body
    assert body["temperature"] == 0.2  # 1 is not true
    body = openai_chat.chat_request("other", [], {"temperature": 0.2, "thinking": True}, stop=["x"], stream=True).body
    assert body["temperature"] == 0.2 and body["stop"] == ["x"] and body["stream"] is True


def test_a_json_parameter_sends_the_value_it_spells(settings) -> None:
    settings(PARAMETERS={"search": {"key": "search_parameters", "parse": "json"}})
    body = openai_chat.chat_request("m", [], {"search": '{"mode": "on", "n": [1, 2]}'}).body
    assert body["search_parameters"] == {"mode": "on", "n": [1, 2]}
    assert openai_chat.chat_request("m", [], {"search": {"mode": "off"}}).body["search_parameters"] == {"mode": "off"}
    with pytest.raises(ProviderError, match="bad_request.*search is not valid JSON"):
        openai_chat.chat_request("m", [], {"search": "{mode"})


def test_a_boolean_parameter_adds_a_built_in_tool(settings) -> None:
    search = {"type": "web_search", "web_search": {"enable": True}}
    settings(PARAMETERS={"web": {"tool": search}})
    body = openai_chat.chat_request("m", [], {"web": True}).body
    assert body["tools"] == [search] and "tool_choice" not in body and "web" not in body
    assert "tools" not in openai_chat.chat_request("m", [], {"web": False}).body
    function = {"type": "function", "function": {"name": "f", "description": "", "parameters": {}}}
    body = openai_chat.chat_request("m", [], {"web": True}, tools=[function]).body
    assert body["tools"] == [function, search] and body["tool_choice"] == "auto"


def test_a_completion_mode_model_sends_one_prompt(settings) -> None:
    settings(MODEL_SETTINGS={"c": {"mode": "completion"}}, PARAMETERS={"max_tokens": {"key": "max_tokens"}})
    history = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": [{"type": "text", "text": "Hi"}]},
    ]
    request = openai_chat.chat_request("c", history, {"max_tokens": 5}, stop=["\n"], stream=True)
    assert request.path == "/completions"
    assert request.body["prompt"] == "Be brief.\n\nHi" and "messages" not in request.body
    assert (request.body["max_tokens"], request.body["stop"], request.body["stream"]) == (5, ["\n"], True)
    answer = openai_chat.parse_completion({"choices": [{"text": "Hello.", "finish_reason": "stop"}]})
    assert (answer.content, answer.finish_reason) == ("Hello.", "stop")
    assembler = openai_chat.StreamAssembler()
    events = [
        {"choices": [{"index": 0, "text": "Hel"}]},
        {"choices": [{"index": 0, "text": "lo.", "finish_reason": "stop"}]},
    ]
    assert [assembler.feed(("", json.dumps(e))) for e in events] == [("", "Hel"), ("", "lo.")]
    assert assembler.finish().content == "Hello."
    # A user-added model's settings (its mode from the form) replace the spec's.
    assert openai_chat.chat_request("c", history, {}, settings={}).path == "/chat/completions"
    assert openai_chat.chat_request("u", history, {}, settings={"mode": "completion"}).path == "/completions"


def test_an_unsent_parameter_counts_as_its_default(settings) -> None:
    """DeepSeek's thinking defaults to on: a host that leaves it out must not get temperature sent."""
    settings(
        PARAMETERS={
            "temperature": {"key": "temperature", "omit_when": (("thinking", True, True),)},
            "thinking": {"key": "thinking"},
        },
    )
    assert "temperature" not in openai_chat.chat_request("d", [], {"temperature": 0.2}).body
    assert openai_chat.chat_request("d", [], {"temperature": 0.2, "thinking": False}).body["temperature"] == 0.2


def test_parameters_a_model_never_sends(settings) -> None:
    settings(
        PARAMETERS={"presence_penalty": {"key": "presence_penalty"}, "top_p": {"key": "top_p"}},
        MODEL_SETTINGS={"g": {"never_send": ("presence_penalty",)}},
    )
    body = openai_chat.chat_request("g", [], {"presence_penalty": 0.5, "top_p": 0.9}).body
    assert "presence_penalty" not in body and body["top_p"] == 0.9
    assert openai_chat.chat_request("h", [], {"presence_penalty": 0.5}).body["presence_penalty"] == 0.5


def test_headers_and_fixed_fields_while_a_parameter_is_on(settings) -> None:
    settings(
        PARAMETERS={
            "long_context": {
                "key": "long_context",
                "values": ((True, None), (False, None)),
                "headers": (("anthropic-beta", "context-1m-2025-08-07"),),
            },
            "budget": {
                "key": "output_config.task_budget.total",
                "headers": (("Anthropic-Beta", "task-budgets-2026-03-13"),),
                "body": {"output_config": {"task_budget": {"type": "tokens", "total": 0}}},
            },
            "effort": {"key": "output_config.effort"},
        },
        STATIC_HEADERS={"anthropic-beta": "files-api-2025-04-14"},
    )
    both = {"budget": 50000, "long_context": True, "effort": "low"}
    request = openai_chat.chat_request("m", [{"role": "user", "content": "Hi"}], both)
    # Header values join the spec's own, comma-separated; the parameter's value wins over its fixed field.
    assert request.headers == {"anthropic-beta": "files-api-2025-04-14,task-budgets-2026-03-13,context-1m-2025-08-07"}
    assert request.body["output_config"] == {"task_budget": {"type": "tokens", "total": 50000}, "effort": "low"}
    assert "long_context" not in request.body
    off = openai_chat.chat_request("m", [{"role": "user", "content": "Hi"}], {"long_context": False, "effort": "low"})
    assert off.headers == {} and off.body["output_config"] == {"effort": "low"}
    # The value nested into the fixed object changed neither the spec's table nor the next request.
    assert config.PARAMETERS["budget"]["body"] == {"output_config": {"task_budget": {"type": "tokens", "total": 0}}}
    again = openai_chat.chat_request("m", [{"role": "user", "content": "Hi"}], {"budget": 20000})
    assert again.body["output_config"] == {"task_budget": {"type": "tokens", "total": 20000}}


def test_keys_nested_into_a_mapped_object_leave_the_map_alone(settings) -> None:
    settings(
        PARAMETERS={
            "mode": {"key": "thinking", "values": ((True, {"type": "enabled", "deep": {"level": 1}}),)},
            "depth": {"key": "thinking.deep.budget"},
        },
    )
    body = openai_chat.chat_request("m", [{"role": "user", "content": "Hi"}], {"mode": True, "depth": 7}).body
    assert body["thinking"] == {"type": "enabled", "deep": {"level": 1, "budget": 7}}
    assert config.PARAMETERS["mode"]["values"] == ((True, {"type": "enabled", "deep": {"level": 1}}),)


def test_deeper_keys_win_whatever_order_the_host_sends(settings) -> None:
    settings(
        PARAMETERS={
            "thinking": {
                "key": "thinking",
                "values": ((True, {"type": "enabled", "budget_tokens": 1024}), (False, None)),
            },
            "thinking_budget": {"key": "thinking.budget_tokens"},
        },
    )
    for parameters in ({"thinking": True, "thinking_budget": 4000}, {"thinking_budget": 4000, "thinking": True}):
        body = openai_chat.chat_request("m", [{"role": "user", "content": "Hi"}], parameters).body
        assert body["thinking"] == {"type": "enabled", "budget_tokens": 4000}
    body = openai_chat.chat_request("m", [{"role": "user", "content": "Hi"}], {"thinking": True}).body
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 1024}


def test_a_models_own_value_map_wins_over_the_providers(settings) -> None:
    adaptive = ((True, {"type": "adaptive"}), (False, {"type": "disabled"}))
    settings(
        PARAMETERS={"thinking": {"key": "thinking", "values": ((True, {"type": "enabled"}), (False, None))}},
        MODEL_SETTINGS={"new": {"parameters": {"thinking": {"values": adaptive}}}},
    )
    hi = [{"role": "user", "content": "Hi"}]
    assert openai_chat.chat_request("old", hi, {"thinking": True}).body["thinking"] == {"type": "enabled"}
    assert "thinking" not in openai_chat.chat_request("old", hi, {"thinking": False}).body
    assert openai_chat.chat_request("new", hi, {"thinking": False}).body["thinking"] == {"type": "disabled"}
