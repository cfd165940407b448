"""The openai_chat adapter's answers (protocols/openai_chat.py), read by the official `openai` SDK as a
client: every shape of the catalogue (shapes.py), blocking and streamed, every error body and the
mid-stream error event, the model list and embeddings; and the requests the SDK itself sends, read by
the adapter's neutral reader. If the SDK stops parsing them, the adapter has drifted from the API."""

from __future__ import annotations

import json

import pytest

from tests.conformance.expect import PNG
from tests.conformance.protocols import Call, Text
from tests.conformance.protocols import openai_chat as api
from tests.conformance.shapes import IMAGES, SHAPES, STATUSES, Lazy, Shape, ids
from tests.integration.mock_server import Reply

openai = Lazy("openai")

WEATHER = {"name": "get_weather", "description": "Weather", "parameters": {"type": "object", "properties": {}}}


@pytest.fixture
def client(mock) -> openai.OpenAI:
    return openai.OpenAI(api_key="sk-test", base_url=mock.url + "/v1", max_retries=0)


def create(client: openai.OpenAI, **extra):
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}], **extra)


def usage_of(usage) -> tuple | None:
    if usage is None:
        return None
    details = usage.prompt_tokens_details
    return (usage.prompt_tokens, usage.completion_tokens, details.cached_tokens if details else None)


@pytest.mark.parametrize("shape", SHAPES, ids=ids(SHAPES))
def test_the_sdk_reads_every_answer(client, mock, shape: Shape) -> None:
    if shape.stream:
        mock.expect(Reply(sse=shape.body(api)))
        with client.chat.completions.stream(model="m", messages=[{"role": "user", "content": "Hi"}]) as stream:
            chunks = [event.chunk for event in stream if event.type == "chunk"]
            final = stream.get_final_completion()
        message = final.choices[0].message
        reasoning = "".join(getattr(c.choices[0].delta, "reasoning_content", None) or "" for c in chunks if c.choices)
        usage = usage_of(chunks[-1].usage)
    else:
        mock.expect(Reply(json=shape.body(api)))
        answer = create(client)
        message, usage = answer.choices[0].message, usage_of(answer.usage)
        reasoning = getattr(message, "reasoning_content", None) or ""
    calls = [(c.id, c.function.name, json.loads(c.function.arguments or "{}")) for c in message.tool_calls or ()]
    read = {"text": message.content or "", "reasoning": reasoning, "calls": calls, "usage": usage}
    assert read == shape.meaning(api)


@pytest.mark.parametrize("shape", IMAGES, ids=ids(IMAGES))
def test_the_sdk_keeps_openrouters_images(client, mock, shape: Shape) -> None:
    """OpenRouter's message.images and delta.images (image_url parts with data URIs) are no fields of
    the SDK's types: it keeps them as extra fields, each an image_url part."""
    mock.expect(Reply(sse=shape.body(api)) if shape.stream else Reply(json=shape.body(api)))
    if shape.stream:
        deltas = [c.choices[0].delta for c in create(client, stream=True) if c.choices]
        text = "".join(d.content or "" for d in deltas)
        images = [image for d in deltas for image in getattr(d, "images", None) or ()]
    else:
        message = create(client, extra_body={"modalities": ["image", "text"]}).choices[0].message
        text, images = message.content or "", message.images
        assert mock.last.body["modalities"] == ["image", "text"]
    assert text == shape.meaning(api)["text"] and all(image["type"] == "image_url" for image in images)
    assert [image["image_url"]["url"] for image in images] == [f"data:{m};base64,{d}" for m, d in shape.pictures()]


def test_the_sdk_reads_a_call_streamed_without_id_or_arguments(client, mock) -> None:
    """As OpenAI-compatible servers send them (the plugins make an id up)."""
    mock.expect(Reply(sse=api.stream(Call(None, "get_time"))))
    chunks = list(create(client, stream=True))
    fragment = chunks[0].choices[0].delta.tool_calls[0]
    assert (fragment.index, fragment.id, fragment.function.name) == (0, None, "get_time")
    assert chunks[-2].choices[0].finish_reason == "tool_calls"


@pytest.mark.parametrize("status", STATUSES)
def test_the_sdk_types_every_error(client, mock, status) -> None:
    mock.expect(Reply(status, api.error_body(status, f"{status} happened", "some_code")))
    with pytest.raises(openai.APIStatusError) as caught:
        create(client)
    assert caught.value.status_code == status and caught.value.message.endswith(f"{status} happened")
    assert caught.value.code == "some_code" and caught.value.type == api.ERROR_TYPES[status]


def test_the_sdk_reads_an_error_event_mid_stream(client, mock) -> None:
    mock.expect(Reply(sse=api.stream(Text("partial"), end=False) + [api.error_event("model crashed")]))
    with pytest.raises(openai.APIError, match="model crashed"):
        list(create(client, stream=True))


def test_the_sdk_reads_the_model_list_and_embeddings(client, mock) -> None:
    mock.expect(Reply(json=api.models(["m1", "m2"])))
    assert [m.id for m in client.models.list()] == ["m1", "m2"]
    mock.expect(Reply(json=api.embeddings([[0.5, -1.0], [0.25, 2.0]], 4)))
    result = client.embeddings.create(model="e", input=["a", "b"], encoding_format="float")
    assert [e.embedding for e in result.data] == [[0.5, -1.0], [0.25, 2.0]] and result.usage.prompt_tokens == 4
    assert api.embedded(mock.last) == ("e", ["a", "b"])


def test_the_adapter_reads_what_the_sdk_sends(client, mock) -> None:
    mock.expect(Reply(json=api.answer(Text("ok"))))
    call = {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Lyon"}'}}
    image = {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}}
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": [{"type": "text", "text": "Weather here?"}, image]},
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
    ]
    tools = [{"type": "function", "function": WEATHER}]
    client.chat.completions.create(model="m", messages=messages, tools=tools, tool_choice="auto", stream=False)
    sent = api.read(mock.last)
    assert (sent.model, sent.stream, sent.tools, sent.tool_choice) == ("m", False, [WEATHER], "auto")
    assert sent.messages == [
        ("system", [("text", "Be brief.")]),
        ("user", [("text", "Weather here?"), ("image", "image/png", PNG)]),
        ("assistant", [("call", "call_1", "get_weather", {"city": "Lyon"})]),
        ("tool", [("result", "call_1", None, "sunny")]),
    ]
