"""The Anthropic Messages protocol module against the shapes of Anthropic's API reference
(docs.anthropic.com: Messages, Streaming Messages, Extended thinking, Errors)."""

from __future__ import annotations

import json

import pytest

from compiler.runtime.protocols import anthropic_messages as anthropic
from compiler.runtime import messages
from compiler.runtime.errors import ProviderError

WEATHER = messages.tool(
    "get_weather", "Weather of a city", {"type": "object", "properties": {"city": {"type": "string"}}}
)


@pytest.fixture(autouse=True)
def anthropic_config(settings) -> None:
    settings(
        ENDPOINTS={"chat": "/v1/messages", "models": "/v1/models"},
        PARAMETERS={
            "max_tokens": {"key": "max_tokens"},
            "temperature": {"key": "temperature"},
            "thinking": {"key": "thinking", "values": ((True, {"type": "enabled"}), (False, None))},
            "thinking_budget": {"key": "thinking.budget_tokens"},
        },
        MODEL_SETTINGS={"claude": {"max_output_tokens": 64000}},
        USER=("metadata.user_id", None, False),
    )
    anthropic.THINKING.clear()


def events(*payloads: dict) -> list[tuple[str, str]]:
    return [(p["type"], json.dumps(p)) for p in payloads]


def test_request_places_system_blocks_tools_and_max_tokens() -> None:
    history = [
        messages.system("Be brief."),
        messages.user([messages.text_part("What is here?"), messages.image_part("data:image/png;base64,iVBOR")]),
        messages.assistant("", [messages.tool_call("toolu_1", "get_weather", '{"city": "Paris"}')]),
        messages.tool_result("toolu_1", "sunny"),
        messages.user("And tomorrow?"),
    ]
    request = anthropic.chat_request(
        "claude", history, {"temperature": 0.2}, [WEATHER], stop=["END"], stream=True, user="u-1"
    )
    body = request.body
    assert (request.method, request.path) == ("POST", "/v1/messages")
    assert body["system"] == "Be brief." and body["max_tokens"] == 64000 and body["stream"] is True
    assert body["messages"] == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is here?"},
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBOR"}},
            ],
        },
        {
            "role": "assistant",
            "content": [{"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}],
        },
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "sunny"},
                {"type": "text", "text": "And tomorrow?"},
            ],
        },
    ]
    assert body["tools"] == [
        {"name": "get_weather", "input_schema": WEATHER["function"]["parameters"], "description": "Weather of a city"}
    ]
    assert body["tool_choice"] == {"type": "auto"} and body["stop_sequences"] == ["END"]
    assert body["metadata"] == {"user_id": "u-1"} and body["temperature"] == 0.2
    assert "response_format" not in body


def test_thinking_parameters_and_the_users_max_tokens(settings) -> None:
    body = anthropic.chat_request(
        "claude", [messages.user("Hi")], {"thinking": True, "thinking_budget": 2048, "max_tokens": 9000}
    ).body
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 2048} and body["max_tokens"] == 9000
    settings(PROMPT_CACHE=True)
    body = anthropic.chat_request("other", [messages.system("S"), messages.user("Hi")], {}, [WEATHER]).body
    assert body["system"] == [{"type": "text", "text": "S", "cache_control": {"type": "ephemeral"}}]
    assert body["tools"][-1]["cache_control"] == {"type": "ephemeral"} and body["max_tokens"] == 4096


def test_a_blocking_answer_with_thinking_text_and_a_tool_call() -> None:
    payload = {
        "id": "msg_01",
        "type": "message",
        "role": "assistant",
        "model": "claude",
        "content": [
            {"type": "thinking", "thinking": "The user wants weather.", "signature": "sig-abc"},
            {"type": "text", "text": "Let me check."},
            {"type": "tool_use", "id": "toolu_2", "name": "get_weather", "input": {"city": "Lyon"}},
        ],
        "stop_reason": "tool_use",
        "stop_sequence": None,
        "usage": {
            "input_tokens": 10,
            "cache_creation_input_tokens": 5,
            "cache_read_input_tokens": 100,
            "output_tokens": 30,
        },
    }
    answer = anthropic.parse_completion(payload)
    assert (answer.content, answer.reasoning, answer.finish_reason) == (
        "Let me check.",
        "The user wants weather.",
        "tool_calls",
    )
    assert [(c.id, c.name, json.loads(c.arguments)) for c in answer.tool_calls] == [
        ("toolu_2", "get_weather", {"city": "Lyon"})
    ]
    assert (answer.usage.prompt_tokens, answer.usage.completion_tokens, answer.usage.cached_tokens) == (115, 30, 100)
    # The next request replays the signed thinking block first in that turn.
    history = [
        messages.user("Weather in Lyon?"),
        messages.assistant(
            "<think>\nThe user wants weather.\n</think>\n\nLet me check.",
            [messages.tool_call("toolu_2", "get_weather", '{"city": "Lyon"}')],
        ),
        messages.tool_result("toolu_2", "rain"),
    ]
    body = anthropic.chat_request("claude", history, {"thinking": True, "thinking_budget": 1024}).body
    turn = body["messages"][1]["content"]
    assert turn[0] == {"type": "thinking", "thinking": "The user wants weather.", "signature": "sig-abc"}
    assert [b["type"] for b in turn] == ["thinking", "text", "tool_use"] and body["thinking"]["type"] == "enabled"


def test_redacted_thinking_is_replayed_with_its_data() -> None:
    payload = {
        "id": "msg_r",
        "type": "message",
        "content": [
            {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4a"},
            {"type": "thinking", "thinking": "Then this.", "signature": "sig-2"},
            {"type": "tool_use", "id": "toolu_r", "name": "get_weather", "input": {}},
        ],
        "stop_reason": "tool_use",
        "usage": {"input_tokens": 1, "output_tokens": 1},
    }
    assert anthropic.parse_completion(payload).reasoning == "Then this."
    history = [
        messages.user("Weather?"),
        messages.assistant("", [messages.tool_call("toolu_r", "get_weather", "{}")]),
        messages.tool_result("toolu_r", "sun"),
    ]
    turn = anthropic.chat_request("claude", history, {"thinking": True}).body["messages"][1]["content"]
    assert turn[:2] == [
        {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4a"},
        {"type": "thinking", "thinking": "Then this.", "signature": "sig-2"},
    ]


def test_a_tool_turn_whose_signature_is_unknown_is_sent_without_thinking() -> None:
    history = [
        messages.user("Weather?"),
        messages.assistant("<think>\nmade elsewhere\n</think>\n\n", [messages.tool_call("t", "get_weather", "{}")]),
        messages.tool_result("t", "sun"),
    ]
    body = anthropic.chat_request("claude", history, {"thinking": True, "thinking_budget": 1024}).body
    assert "thinking" not in body and [b["type"] for b in body["messages"][1]["content"]] == ["tool_use"]


def test_a_stream_with_thinking_text_and_a_tool_call_in_fragments() -> None:
    stream = events(
        {
            "type": "message_start",
            "message": {
                "id": "msg_02",
                "type": "message",
                "role": "assistant",
                "content": [],
                "model": "claude",
                "stop_reason": None,
                "usage": {"input_tokens": 25, "cache_read_input_tokens": 7, "output_tokens": 1},
            },
        },
        {"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Check "}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "weather."}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "EqQB"}},
        {"type": "content_block_stop", "index": 0},
        {"type": "ping"},
        {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}},
        {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Checking"}},
        {"type": "content_block_stop", "index": 1},
        {
            "type": "content_block_start",
            "index": 2,
            "content_block": {"type": "tool_use", "id": "toolu_3", "name": "get_weather", "input": {}},
        },
        {"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": ""}},
        {
            "type": "content_block_delta",
            "index": 2,
            "delta": {"type": "input_json_delta", "partial_json": '{"city": "Pa'},
        },
        {"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": 'ris"}'}},
        {"type": "content_block_stop", "index": 2},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "tool_use", "stop_sequence": None},
            "usage": {"output_tokens": 89},
        },
        {"type": "message_stop"},
    )
    assembler = anthropic.StreamAssembler()
    deltas = [assembler.feed(e) for e in stream]
    assert [d for d in deltas if d != ("", "")] == [("Check ", ""), ("weather.", ""), ("", "Checking")]
    answer = assembler.finish()
    assert (answer.reasoning, answer.content, answer.finish_reason, answer.response_id) == (
        "Check weather.",
        "Checking",
        "tool_calls",
        "msg_02",
    )
    assert [(c.id, json.loads(c.arguments)) for c in answer.tool_calls] == [("toolu_3", {"city": "Paris"})]
    assert (answer.usage.prompt_tokens, answer.usage.completion_tokens, answer.usage.cached_tokens) == (32, 89, 7)
    assert anthropic.THINKING["toolu_3"] == [{"type": "thinking", "thinking": "Check weather.", "signature": "EqQB"}]


@pytest.mark.parametrize(
    "status,kind_name,kind",
    [
        (400, "invalid_request_error", "bad_request"),
        (401, "authentication_error", "authorization"),
        (403, "permission_error", "authorization"),
        (404, "not_found_error", "bad_request"),
        (413, "request_too_large", "bad_request"),
        (429, "rate_limit_error", "rate_limit"),
        (500, "api_error", "server_unavailable"),
        (529, "overloaded_error", "server_unavailable"),
    ],
)
def test_error_bodies(status, kind_name, kind) -> None:
    from compiler.runtime import errors

    body = json.dumps({"type": "error", "error": {"type": kind_name, "message": "Nope"}}).encode()
    error = errors.from_response(status, body, anthropic.error_fields)
    assert (error.kind, error.code, error.message) == (kind, kind_name, "Nope")


def test_a_mid_stream_error_and_a_cut_stream() -> None:
    assembler = anthropic.StreamAssembler()
    assembler.feed(
        ("message_start", json.dumps({"type": "message_start", "message": {"id": "m", "usage": {"input_tokens": 1}}}))
    )
    with pytest.raises(ProviderError) as caught:
        assembler.feed(
            ("error", json.dumps({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}))
        )
    assert caught.value.code == "overloaded_error" and "Overloaded" in caught.value.message
    cut = anthropic.StreamAssembler()
    cut.feed(
        (
            "content_block_delta",
            json.dumps({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}}),
        )
    )
    with pytest.raises(ProviderError, match="connection"):
        cut.finish()


def test_validation_request() -> None:
    assert anthropic.validation_request("claude").path == "/v1/models"
    request = anthropic.validation_request("claude", call_model=True)
    assert (request.path, request.body["max_tokens"]) == ("/v1/messages", 1)


def test_a_hosts_json_request_becomes_an_instruction_and_tool_choice_maps() -> None:
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}}
    body = anthropic.chat_request(
        "claude",
        [messages.system("Be brief."), messages.user("Hi")],
        {},
        [WEATHER],
        tool_choice="required",
        response_format=("json_schema", schema),
    ).body
    assert body["system"].startswith("Be brief.\n\nAnswer with one JSON object and nothing else.")
    assert json.dumps(schema) in body["system"] and "response_format" not in body
    assert body["tool_choice"] == {"type": "any"}
    plain = anthropic.chat_request("claude", [messages.user("Hi")], {}, response_format=("json_object", None)).body
    assert plain["system"] == "Answer with one JSON object and nothing else." and "tools" not in plain


def test_content_the_api_cannot_take_is_a_bad_request() -> None:
    with pytest.raises(ProviderError, match="bad_request"):
        anthropic.chat_request("claude", [messages.user([messages.video_part("https://v.example/a.mp4")])], {})


CACHE_CONTROLS = {
    "cache_system": {"control": "cache.system"},
    "cache_tools": {"control": "cache.tools"},
    "cache_images": {"control": "cache.images"},
    "cache_documents": {"control": "cache.documents"},
    "cache_tool_results": {"control": "cache.tool_results"},
    "cache_long": {"control": "cache.long_messages"},
    "cache_ttl": {"control": "cache.ttl"},
}
IMAGE = "data:image/png;base64,iVBOR"
PDF = "data:application/pdf;base64,JVBER"


def cached(body: dict) -> list[str]:
    """Where cache_control is, in request order: tools, system, then conversation blocks."""
    places = [f"tool:{t['name']}" for t in body.get("tools", ()) if "cache_control" in t]
    system = body.get("system")
    places += ["system" for b in (system if isinstance(system, list) else ()) if "cache_control" in b]
    for turn in body["messages"]:
        places += [b["type"] for b in turn["content"] if "cache_control" in b]
    return places


def test_cache_parameters_mark_the_blocks_they_name(settings) -> None:
    settings(PARAMETERS=CACHE_CONTROLS)
    history = [
        messages.system("Rules."),
        messages.user([messages.text_part("one two three four"), messages.image_part(IMAGE)]),
        messages.assistant("", [messages.tool_call("toolu_1", "get_weather", '{"city": "Paris"}')]),
        messages.tool_result("toolu_1", "sunny"),
        messages.user([messages.file_part(PDF, "a.pdf"), messages.text_part("short")]),
    ]
    every = {"cache_system": True, "cache_tools": True, "cache_images": True, "cache_long": 3, "cache_ttl": "1h"}
    body = anthropic.chat_request("claude", history, every, [WEATHER]).body
    # Four marks at most: tools and system first, then the latest of the conversation's.
    assert cached(body) == ["tool:get_weather", "system", "text", "image"]
    assert body["tools"][0]["cache_control"] == {"type": "ephemeral", "ttl": "1h"}
    body = anthropic.chat_request(
        "claude", history, {"cache_documents": True, "cache_tool_results": True, "cache_system": False}, [WEATHER]
    ).body
    assert cached(body) == ["tool_result", "document"] and body["system"] == "Rules."
    assert body["messages"][-1]["content"][0]["cache_control"] == {"type": "ephemeral"}
    every = {"cache_system": True, "cache_tools": True, "cache_images": True, "cache_documents": True}
    body = anthropic.chat_request("claude", history, every | {"cache_tool_results": True}, [WEATHER]).body
    assert cached(body) == ["tool:get_weather", "system", "tool_result", "document"]  # not the image
    for name in CACHE_CONTROLS:
        assert name not in json.dumps(body)  # steering parameters are never sent


def test_cache_parameters_decide_over_the_specs_prompt_cache(settings) -> None:
    settings(PARAMETERS=CACHE_CONTROLS, PROMPT_CACHE=True)
    history = [messages.system("Rules."), messages.user("Hi")]
    body = anthropic.chat_request("claude", history, {"cache_tools": False}, [WEATHER]).body
    assert cached(body) == ["system"]
    body = anthropic.chat_request("claude", history, {}, [WEATHER]).body
    assert cached(body) == ["tool:get_weather", "system"]


def test_a_json_schema_rule_asks_for_structured_output(settings) -> None:
    settings(PARAMETERS={"json_schema": {"format": "json_schema"}, "effort": {"key": "output_config.effort"}})
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}}
    body = anthropic.chat_request(
        "claude", [messages.user("Hi")], {"json_schema": json.dumps(schema), "effort": "high"}
    ).body
    assert body["output_config"] == {"effort": "high", "format": {"type": "json_schema", "schema": schema}}
    assert "system" not in body and "response_format" not in body
