"""The anthropic_messages adapter's answers (protocols/anthropic_messages.py), read by the official
`anthropic` SDK as a client: every shape of the catalogue (shapes.py), blocking and streamed, signed
and redacted thinking, a tool call in fragments, every error the API reference lists and the
mid-stream error event, the model list; and the requests the SDK itself sends, read by the adapter's
neutral reader. If the SDK stops parsing them, the adapter has drifted from the API."""

from __future__ import annotations

import pytest

from tests.conformance.expect import PNG
from tests.conformance.protocols import Text
from tests.conformance.protocols import anthropic_messages as api
from tests.conformance.shapes import SHAPES, STATUSES, Lazy, Shape, ids
from tests.integration.mock_server import Reply

anthropic = Lazy("anthropic")

ANSWER = api.message(
    api.thinking("The user wants the weather.", "EqQBCgIYAhIM1gbcDa9GJwZA2b3h"),
    api.text("Let me look it up."),
    api.tool_use("toolu_01A09q90qw90lq917835lq9", "get_weather", {"city": "Paris", "unit": "celsius"}),
    stop_reason="tool_use",
    usage={"input_tokens": 40, "cache_creation_input_tokens": 3, "cache_read_input_tokens": 100, "output_tokens": 57},
)
TOOL = {"name": "get_weather", "description": "Weather", "input_schema": {"type": "object"}}


@pytest.fixture
def client(mock) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key="sk-ant-test", base_url=mock.url, max_retries=0)


def create(client: anthropic.Anthropic, **extra):
    return client.messages.create(
        model="claude",
        max_tokens=1024,
        messages=[{"role": "user", "content": "Weather in Paris?"}],
        tools=[TOOL],
        **extra,
    )


def read(message) -> dict:
    """A Message as the catalogue's meanings say it."""
    blocks = message.content
    usage = message.usage
    if usage is not None:
        cache = (usage.cache_read_input_tokens or 0) + (usage.cache_creation_input_tokens or 0)
        usage = (usage.input_tokens + cache, usage.output_tokens, usage.cache_read_input_tokens)
    return {
        "text": "".join(b.text for b in blocks if b.type == "text"),
        "reasoning": "".join(b.thinking for b in blocks if b.type == "thinking"),
        "calls": [(b.id, b.name, b.input) for b in blocks if b.type == "tool_use"],
        "usage": usage,
    }


@pytest.mark.parametrize("shape", SHAPES, ids=ids(SHAPES))
def test_the_sdk_reads_every_answer(client, mock, shape: Shape) -> None:
    if shape.stream and shape.usage is None:
        pytest.skip("the Messages API's streams always report usage")
    if shape.stream:
        mock.expect(Reply(sse=shape.body(api)))
        with client.messages.stream(model="claude", max_tokens=64, messages=[{"role": "user", "content": "Hi"}]) as s:
            message = s.get_final_message()
    else:
        mock.expect(Reply(json=shape.body(api)))
        message = create(client)
    assert read(message) == shape.meaning(api)


def test_the_sdk_reads_a_blocking_answer(client, mock) -> None:
    mock.expect(Reply(json=ANSWER))
    answer = create(client)
    assert [block.type for block in answer.content] == ["thinking", "text", "tool_use"]
    assert answer.content[0].signature == "EqQBCgIYAhIM1gbcDa9GJwZA2b3h"
    assert answer.content[2].input == {"city": "Paris", "unit": "celsius"} and answer.stop_reason == "tool_use"
    assert (answer.usage.cache_read_input_tokens, answer.usage.output_tokens) == (100, 57)
    recorded = mock.last
    assert recorded.path == "/v1/messages" and recorded.body["max_tokens"] == 1024
    # SDK 2.x sends the key as a Bearer token and its own API version; the API takes x-api-key too.
    assert "sk-ant-test" in recorded.headers.get("x-api-key", recorded.headers.get("authorization", ""))
    assert recorded.headers["anthropic-version"]


def test_the_sdk_assembles_a_streamed_answer(client, mock) -> None:
    mock.expect(api.streamed(ANSWER, pieces=3))
    with client.messages.stream(
        model="claude", max_tokens=1024, messages=[{"role": "user", "content": "Weather?"}], tools=[TOOL]
    ) as stream:
        events = [event.type for event in stream]
        answer = stream.get_final_message()
    assert events.count("thinking") == 3 and "signature" in events and "input_json" in events
    assert answer.content[0].thinking == "The user wants the weather."
    assert answer.content[0].signature == "EqQBCgIYAhIM1gbcDa9GJwZA2b3h"
    assert answer.content[1].text == "Let me look it up."
    assert answer.content[2].input == {"city": "Paris", "unit": "celsius"}
    assert (answer.stop_reason, answer.usage.output_tokens) == ("tool_use", 57)


def test_the_sdk_reads_a_mid_stream_error(client, mock) -> None:
    events = api.events_of(api.message(api.text("Hello there")), stop=False)
    for error in (api.stream_error("overloaded_error", "Overloaded"), api.error_event("Overloaded")):
        mock.expect(Reply(sse=events[:4] + [error]))
        with pytest.raises(anthropic.APIStatusError) as caught:
            with client.messages.stream(
                model="claude", max_tokens=64, messages=[{"role": "user", "content": "Hi"}]
            ) as s:
                s.get_final_message()
        assert "Overloaded" in str(caught.value)


@pytest.mark.parametrize("status,kind", api.ERRORS + [(status, None) for status in STATUSES])
def test_the_sdk_types_every_error(client, mock, status, kind) -> None:
    mock.expect(Reply(status, api.error_body(status, f"{kind} happened", kind)))
    with pytest.raises(anthropic.APIStatusError) as caught:
        create(client)
    assert (
        caught.value.status_code == status
        and caught.value.body["error"]["type"] == api.error_codes(api.error_body(status, "", kind))[0]
    )
    expected = {401: anthropic.AuthenticationError, 429: anthropic.RateLimitError, 529: anthropic.InternalServerError}
    assert isinstance(caught.value, expected.get(status, anthropic.APIStatusError))


def test_the_sdk_reads_redacted_thinking_in_a_stream(client, mock) -> None:
    answer = api.message(api.redacted_thinking("EmwKAhgBEgy3va3pzix"), api.text("Done."))
    mock.expect(api.streamed(answer))
    with client.messages.stream(model="claude", max_tokens=64, messages=[{"role": "user", "content": "Hi"}]) as s:
        final = s.get_final_message()
    assert final.content[0].type == "redacted_thinking" and final.content[0].data == "EmwKAhgBEgy3va3pzix"
    assert final.content[1].text == "Done."


def test_the_sdk_reads_the_model_list(client, mock) -> None:
    mock.expect(Reply(json=api.models(["claude-a", "claude-b"])))
    assert [m.id for m in client.models.list()] == ["claude-a", "claude-b"]


def test_the_adapter_reads_what_the_sdk_sends(client, mock) -> None:
    mock.expect(Reply(json=api.answer(Text("ok"))))
    image = {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}}
    messages = [
        {"role": "user", "content": [{"type": "text", "text": "Weather here?"}, image]},
        {"role": "assistant", "content": [api.tool_use("toolu_1", "get_weather", {"city": "Lyon"})]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "sunny"}]},
    ]
    client.messages.create(
        model="claude", max_tokens=64, system="Be brief.", messages=messages, tools=[TOOL], tool_choice={"type": "auto"}
    )
    sent = api.read(mock.last)
    tool = {"name": "get_weather", "description": "Weather", "parameters": {"type": "object"}}
    assert (sent.model, sent.stream, sent.tools, sent.tool_choice) == ("claude", False, [tool], "auto")
    assert sent.messages == [
        ("system", [("text", "Be brief.")]),
        ("user", [("text", "Weather here?"), ("image", "image/png", PNG)]),
        ("assistant", [("call", "toolu_1", "get_weather", {"city": "Lyon"})]),
        ("tool", [("result", "toolu_1", None, "sunny")]),
    ]
