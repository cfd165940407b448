"""The openai_responses adapter's answers (protocols/openai_responses.py), read by the official
`openai` SDK as a client (`client.responses.create`, blocking and `stream=True`, and the SDK's own
stream assembler): every shape of the catalogue (shapes.py), encrypted reasoning, an incomplete
answer, every error body, the mid-stream error and failure events, the model list; and the requests
the SDK itself sends, read by the adapter's neutral reader. If the SDK stops parsing them, the adapter
has drifted from the API."""

from __future__ import annotations

import json

import pytest

from tests.conformance.expect import PNG
from tests.conformance.protocols import Text
from tests.conformance.protocols import openai_responses as api
from tests.conformance.shapes import IMAGES, SHAPES, STATUSES, Lazy, Shape, ids
from tests.integration.mock_server import Reply

openai = Lazy("openai")

ANSWER = api.response(
    api.reasoning("The user wants the weather.", "gAAAAABo-encrypted", "rs_01"),
    api.message("Let me look it up.", "msg_01"),
    api.function_call("call_01", "get_weather", '{"city": "Paris", "unit": "celsius"}', "fc_01"),
    usage=api.usage_body(140, 57, 100),
)
TOOL = {"type": "function", "name": "get_weather", "description": "Weather", "parameters": {"type": "object"}}


@pytest.fixture
def client(mock) -> openai.OpenAI:
    return openai.OpenAI(api_key="sk-test", base_url=mock.url + "/v1", max_retries=0)


def create(client: openai.OpenAI, **extra):
    return client.responses.create(model="gpt-5", input="Weather in Paris?", store=False, **extra)


def read(response) -> dict:
    """A Response as the catalogue's meanings say it."""
    items = response.output
    usage = response.usage
    if usage is not None:
        usage = (usage.input_tokens, usage.output_tokens, usage.input_tokens_details.cached_tokens)
    return {
        "text": "".join(part.text for item in items if item.type == "message" for part in item.content),
        "reasoning": "".join(part.text for item in items if item.type == "reasoning" for part in item.summary),
        "calls": [(i.call_id, i.name, json.loads(i.arguments or "{}")) for i in items if i.type == "function_call"],
        "usage": usage,
    }


@pytest.mark.parametrize("shape", SHAPES, ids=ids(SHAPES))
def test_the_sdk_reads_every_answer(client, mock, shape: Shape) -> None:
    if shape.stream:
        mock.expect(Reply(sse=shape.body(api)))
        with client.responses.stream(model="gpt-5", input="Hi") as stream:
            response = stream.get_final_response()
        mock.expect(Reply(sse=shape.body(api)))
        events = list(create(client, stream=True))
        assert events[-1].type == "response.completed" and read(events[-1].response) == read(response)
        deltas = [e.delta for e in events if e.type == "response.output_text.delta"]
        assert "".join(deltas) == shape.meaning(api)["text"]
    else:
        mock.expect(Reply(json=shape.body(api)))
        response = create(client)
    assert read(response) == shape.meaning(api)


@pytest.mark.parametrize("shape", IMAGES, ids=ids(IMAGES))
def test_the_sdk_reads_generated_images(client, mock, shape: Shape) -> None:
    """image_generation_call items with their base64 result, and their stream events (in_progress,
    generating, partial_image, completed), as the SDK's own types and stream assembler read them."""
    tools = [{"type": "image_generation"}]
    mock.expect(Reply(sse=shape.body(api)) if shape.stream else Reply(json=shape.body(api)))
    if shape.stream:
        with client.responses.stream(model="gpt-5", input="Draw a cat", tools=tools) as stream:
            kinds = [event.type for event in stream]
            response = stream.get_final_response()
        assert "response.image_generation_call.partial_image" in kinds
    else:
        response = create(client, tools=tools)
    drawn = [item for item in response.output if item.type == "image_generation_call"]
    assert [(f"image/{i.output_format}", i.result) for i in drawn] == shape.pictures()
    assert read(response)["text"] == shape.meaning(api)["text"] and mock.last.body["tools"] == tools


def test_the_sdk_reads_encrypted_reasoning_and_a_call(client, mock) -> None:
    mock.expect(Reply(json=ANSWER))
    answer = create(client, include=["reasoning.encrypted_content"], tools=[TOOL])
    assert [item.type for item in answer.output] == ["reasoning", "message", "function_call"]
    assert answer.output[0].encrypted_content == "gAAAAABo-encrypted" and answer.output_text == "Let me look it up."
    assert json.loads(answer.output[2].arguments) == {"city": "Paris", "unit": "celsius"}
    assert (answer.usage.input_tokens_details.cached_tokens, answer.usage.output_tokens) == (100, 57)
    recorded = mock.last
    assert recorded.path == "/v1/responses" and recorded.body["store"] is False
    assert recorded.headers["authorization"] == "Bearer sk-test"


def test_the_sdk_assembles_a_streamed_answer(client, mock) -> None:
    mock.expect(api.streamed(ANSWER, pieces=3))
    with client.responses.stream(model="gpt-5", input="Weather?", tools=[TOOL]) as stream:
        kinds = [event.type for event in stream]
        answer = stream.get_final_response()
    assert kinds.count("response.output_text.delta") == 3 and kinds.count("response.reasoning_summary_text.delta") == 3
    assert kinds.count("response.function_call_arguments.delta") == 3 and kinds[-1] == "response.completed"
    assert answer.output[0].encrypted_content == "gAAAAABo-encrypted" and answer.output_text == "Let me look it up."
    assert answer.output[2].call_id == "call_01"


def test_the_sdk_reads_an_incomplete_answer(client, mock) -> None:
    body = api.answer(Text("Cut sh"), finish="length")
    mock.expect(Reply(json=body))
    answer = create(client)
    assert (answer.status, answer.incomplete_details.reason) == ("incomplete", "max_output_tokens")
    mock.expect(Reply(sse=api.stream(Text("Cut sh"), finish="length")))
    events = list(create(client, stream=True))
    assert (
        events[-1].type == "response.incomplete"
        and events[-1].response.incomplete_details.reason == "max_output_tokens"
    )


def test_the_sdk_reads_mid_stream_errors(client, mock) -> None:
    head = api.stream(Text("Hello there"), end=False)
    mock.expect(Reply(sse=head[:4] + [api.error_event("The server had an error")]))
    last = list(create(client, stream=True))[-1]
    assert (last.type, last.code, last.message) == ("error", "server_error", "The server had an error")
    mock.expect(Reply(sse=head[:4] + [api.failed_event("server_error", "Failed")]))
    last = list(create(client, stream=True))[-1]
    assert last.type == "response.failed" and last.response.error.message == "Failed"


@pytest.mark.parametrize("status", STATUSES + [404])
def test_the_sdk_types_every_error(client, mock, status) -> None:
    mock.expect(Reply(status, api.error_body(status, f"{status} happened", "some_code")))
    with pytest.raises(openai.APIStatusError) as caught:
        create(client)
    assert caught.value.status_code == status and caught.value.code == "some_code"
    expected = {401: openai.AuthenticationError, 429: openai.RateLimitError, 500: openai.InternalServerError}
    assert isinstance(caught.value, expected.get(status, openai.APIStatusError))


def test_the_sdk_reads_the_model_list(client, mock) -> None:
    mock.expect(Reply(json=api.models(["gpt-a", "gpt-b"])))
    assert [m.id for m in client.models.list()] == ["gpt-a", "gpt-b"]


def test_the_adapter_reads_what_the_sdk_sends(client, mock) -> None:
    mock.expect(Reply(json=api.answer(Text("ok"))))
    image = {"type": "input_image", "image_url": f"data:image/png;base64,{PNG}", "detail": "auto"}
    items = [
        {"role": "user", "content": [{"type": "input_text", "text": "Weather here?"}, image]},
        {"type": "function_call", "call_id": "call_1", "name": "get_weather", "arguments": '{"city": "Lyon"}'},
        {"type": "function_call_output", "call_id": "call_1", "output": "sunny"},
    ]
    client.responses.create(model="gpt-5", instructions="Be brief.", input=items, tools=[TOOL], tool_choice="auto")
    sent = api.read(mock.last)
    tool = {"name": "get_weather", "description": "Weather", "parameters": {"type": "object"}}
    assert (sent.model, sent.stream, sent.tools, sent.tool_choice) == ("gpt-5", False, [tool], "auto")
    assert sent.messages == [
        ("system", [("text", "Be brief.")]),
        ("user", [("text", "Weather here?"), ("image", "image/png", PNG)]),
        ("assistant", [("call", "call_1", "get_weather", {"city": "Lyon"})]),
        ("tool", [("result", "call_1", None, "sunny")]),
    ]
