"""The OpenAI Responses protocol module against the shapes of OpenAI's API reference (Responses:
create, the response object, streaming events, errors) and the openai SDK's types."""

from __future__ import annotations

import json

import pytest

from compiler.runtime import messages
from compiler.runtime.errors import ProviderError
from compiler.runtime.protocols import openai_responses as responses

WEATHER = messages.tool("get_weather", "Weather of a city", {"type": "object"})
USAGE = {
    "input_tokens": 120,
    "input_tokens_details": {"cached_tokens": 100},
    "output_tokens": 57,
    "output_tokens_details": {"reasoning_tokens": 40},
    "total_tokens": 177,
}
REASONING = {
    "type": "reasoning",
    "id": "rs_1",
    "summary": [{"type": "summary_text", "text": "Weather needs a lookup."}],
    "encrypted_content": "gAAAAB-encrypted-1",
}


@pytest.fixture(autouse=True)
def responses_config(settings) -> None:
    settings(
        ENDPOINTS={"chat": "/responses", "models": "/models"},
        PARAMETERS={
            "max_tokens": {"key": "max_output_tokens"},
            "reasoning_effort": {"key": "reasoning.effort"},
            "verbosity": {"key": "text.verbosity"},
            "web_search": {"tool": {"type": "web_search"}},
        },
        MODEL_SETTINGS={},
        USER=("user", None, False),
    )
    responses.REASONING.clear()


def call(call_id: str, name: str = "get_weather", arguments: str = '{"city":"Paris"}') -> dict:
    return {"type": "function_call", "id": f"fc_{call_id}", "call_id": call_id, "name": name, "arguments": arguments}


def response(*output: dict, status: str = "completed", reason: str | None = None) -> dict:
    return {
        "id": "resp_1",
        "object": "response",
        "status": status,
        "output": list(output),
        "usage": USAGE,
        "incomplete_details": {"reason": reason} if reason else None,
    }


def events(*payloads: dict) -> list[tuple[str, str]]:
    return [(p["type"], json.dumps(p)) for p in payloads]


def test_request_is_stateless_with_instructions_items_and_tools() -> None:
    history = [
        messages.system("Be brief."),
        messages.user([messages.text_part("What is here?"), messages.image_part("data:image/png;base64,iVBOR")]),
        messages.assistant("Looking.", [messages.tool_call("call_1", "get_weather", '{"city": "Paris"}')]),
        messages.tool_result("call_1", "sunny"),
    ]
    parameters = {"max_tokens": 300, "reasoning_effort": "low", "verbosity": "high", "web_search": True}
    request = responses.chat_request(
        "gpt-5", history, parameters, [WEATHER], stop=["END"], stream=True, user="u-1", tool_choice="required"
    )
    body = request.body
    assert (request.method, request.path) == ("POST", "/responses")
    assert body["store"] is False and body["include"] == ["reasoning.encrypted_content"] and body["stream"] is True
    assert body["instructions"] == "Be brief." and body["user"] == "u-1" and "stop" not in body
    assert body["max_output_tokens"] == 300 and body["reasoning"] == {"effort": "low"}
    assert body["text"] == {"verbosity": "high"}
    assert body["input"] == [
        {
            "role": "user",
            "content": [
                {"type": "input_text", "text": "What is here?"},
                {"type": "input_image", "image_url": "data:image/png;base64,iVBOR", "detail": "auto"},
            ],
        },
        {"role": "assistant", "content": "Looking."},
        {"type": "function_call", "call_id": "call_1", "name": "get_weather", "arguments": '{"city": "Paris"}'},
        {"type": "function_call_output", "call_id": "call_1", "output": "sunny"},
    ]
    function = {"type": "function", "name": "get_weather", "parameters": {"type": "object"}}
    assert body["tools"] == [function | {"description": "Weather of a city"}, {"type": "web_search"}]
    assert body["tool_choice"] == "required"


@pytest.mark.parametrize(
    "asked,sent",
    [
        (("json_object", None), {"type": "json_object"}),
        (
            ("json_schema", {"type": "object"}),
            {"type": "json_schema", "name": "response", "schema": {"type": "object"}},
        ),
        (
            ("json_schema", {"name": "w", "strict": True, "schema": {"type": "object"}}),
            {"type": "json_schema", "name": "w", "strict": True, "schema": {"type": "object"}},
        ),
    ],
)
def test_answer_formats_go_in_text_format(asked, sent) -> None:
    body = responses.chat_request("gpt-5", [messages.user("Hi")], {"verbosity": "low"}, response_format=asked).body
    assert body["text"] == {"verbosity": "low", "format": sent}


def test_a_blocking_answer_reads_items_usage_and_reasoning() -> None:
    message = {
        "type": "message",
        "id": "msg_1",
        "role": "assistant",
        "content": [{"type": "output_text", "text": "Hi"}],
    }
    answer = responses.parse_completion(response(REASONING, message, call("call_1")))
    assert (answer.content, answer.reasoning, answer.finish_reason) == ("Hi", "Weather needs a lookup.", "tool_calls")
    assert [(c.id, c.name, c.arguments) for c in answer.tool_calls] == [("call_1", "get_weather", '{"city":"Paris"}')]
    assert (answer.usage.prompt_tokens, answer.usage.completion_tokens, answer.usage.cached_tokens) == (120, 57, 100)
    assert responses.REASONING["call_1"] == [REASONING]


def test_an_incomplete_answer_has_its_finish_reason() -> None:
    message = {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Cut"}]}
    assert (
        responses.parse_completion(response(message, status="incomplete", reason="max_output_tokens")).finish_reason
        == "length"
    )
    with pytest.raises(ProviderError) as caught:  # filtered: an error, never a cut answer ending as complete
        responses.parse_completion(response(message, status="incomplete", reason="content_filter"))
    assert (caught.value.kind, caught.value.code) == ("bad_request", "content_filter")


def stream_of(*output: dict, closing: str = "response.completed", status: str = "completed") -> list:
    """The events of a response with these items: text and summaries as deltas, call arguments too."""
    out = [{"type": "response.created", "response": response(status="in_progress") | {"output": [], "usage": None}}]
    for index, item in enumerate(output):
        out.append({"type": "response.output_item.added", "output_index": index, "item": item | {"arguments": ""}})
        if item["type"] == "message":
            out.append(
                {"type": "response.output_text.delta", "output_index": index, "delta": item["content"][0]["text"]}
            )
        elif item["type"] == "reasoning":
            out.append({"type": "response.reasoning_summary_text.delta", "output_index": index, "delta": "Thinks."})
        else:
            for piece in (item["arguments"][:5], item["arguments"][5:]):
                out.append({"type": "response.function_call_arguments.delta", "output_index": index, "delta": piece})
        out.append({"type": "response.output_item.done", "output_index": index, "item": item})
    return out + [{"type": closing, "response": response(*output, status=status)}]


def test_a_stream_yields_deltas_and_assembles_the_answer() -> None:
    message = {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Hello"}]}
    assembler = responses.StreamAssembler()
    deltas = [assembler.feed(e) for e in events(*stream_of(REASONING, message, call("call_9")))]
    assert [d for d in deltas if d != ("", "")] == [("Thinks.", ""), ("", "Hello")]
    answer = assembler.finish()
    assert (answer.content, answer.reasoning, answer.response_id) == ("Hello", "Thinks.", "resp_1")
    assert [(c.id, c.arguments) for c in answer.tool_calls] == [("call_9", '{"city":"Paris"}')]
    assert answer.usage.cached_tokens == 100 and responses.REASONING["call_9"] == [REASONING]


def test_stream_ends_and_errors() -> None:
    message = {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Cut"}]}
    assembler = responses.StreamAssembler()
    for e in events(*stream_of(message, closing="response.incomplete", status="incomplete")):
        assembler.feed(e)
    assert assembler.finish().finish_reason == "length"
    cut = responses.StreamAssembler()
    for e in events(*stream_of(message)[:-1]):
        cut.feed(e)
    with pytest.raises(ProviderError) as caught:
        cut.finish()
    assert caught.value.kind == "connection"
    failed = {"type": "response.failed", "response": {"error": {"code": "server_error", "message": "boom"}}}
    with pytest.raises(ProviderError, match="boom"):
        responses.StreamAssembler().feed(events(failed)[0])
    error = {"type": "error", "code": "rate_limit_exceeded", "message": "slow down", "param": None}
    with pytest.raises(ProviderError, match="slow down"):
        responses.StreamAssembler().feed(events(error)[0])


def test_encrypted_reasoning_goes_back_unchanged_with_each_tool_turn() -> None:
    second = REASONING | {"id": "rs_2", "encrypted_content": "gAAAAB-encrypted-2"}
    responses.parse_completion(response(REASONING, call("call_1")))
    assembler = responses.StreamAssembler()
    for e in events(*stream_of(second, call("call_2", arguments='{"city":"Lyon"}'))):
        assembler.feed(e)
    assembler.finish()
    history = [
        messages.user("Weather in Paris, then Lyon?"),
        messages.assistant("", [messages.tool_call("call_1", "get_weather", '{"city":"Paris"}')]),
        messages.tool_result("call_1", "sunny"),
        messages.assistant("", [messages.tool_call("call_2", "get_weather", '{"city":"Lyon"}')]),
        messages.tool_result("call_2", "rain"),
        messages.assistant("", [messages.tool_call("call_unknown", "get_weather", "{}")]),
    ]
    items = responses.chat_request("gpt-5", history, {}, [WEATHER]).body["input"]
    assert [i.get("type", i.get("role")) for i in items] == [
        "user", "reasoning", "function_call", "function_call_output",
        "reasoning", "function_call", "function_call_output", "function_call",
    ]  # fmt: skip
    assert items[1] == REASONING and items[4] == second


def test_error_bodies_are_chat_completions_shaped() -> None:
    codes, message = responses.error_fields({"error": {"type": "invalid_request_error", "code": None, "message": "no"}})
    assert (codes, message) == (["invalid_request_error"], "no")


def test_credentials_are_checked_by_the_model_list_or_a_short_response(settings) -> None:
    assert (responses.validation_request("gpt-5").method, responses.validation_request("gpt-5").path) == (
        "GET",
        "/models",
    )
    settings(ENDPOINTS={"chat": "/responses", "models": None})
    request = responses.validation_request("gpt-5")
    assert (request.path, request.body["max_output_tokens"], request.body["store"]) == ("/responses", 16, False)


def test_summary_parts_are_set_apart_and_a_refusal_is_text() -> None:
    assembler = responses.StreamAssembler()
    parts = [
        {"type": "response.reasoning_summary_part.added", "output_index": 0, "summary_index": 0, "part": {}},
        {"type": "response.reasoning_summary_text.delta", "output_index": 0, "summary_index": 0, "delta": "One."},
        {"type": "response.reasoning_summary_part.added", "output_index": 0, "summary_index": 1, "part": {}},
        {"type": "response.reasoning_summary_text.delta", "output_index": 0, "summary_index": 1, "delta": "Two."},
        {"type": "response.refusal.delta", "output_index": 1, "content_index": 0, "delta": "I can't."},
        {"type": "response.completed", "response": response()},
    ]
    for e in events(*parts):
        assembler.feed(e)
    answer = assembler.finish()
    assert (answer.reasoning, answer.content, answer.finish_reason) == ("One.\n\nTwo.", "I can't.", "stop")
    summaries = REASONING | {
        "summary": [{"type": "summary_text", "text": "One."}, {"type": "summary_text", "text": "Two."}]
    }
    assert responses.parse_completion(response(summaries)).reasoning == "One.\n\nTwo."
