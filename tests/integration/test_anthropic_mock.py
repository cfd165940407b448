"""The Anthropic answers the plugins are tested against (anthropic_api.py), read by the official
`anthropic` SDK as a client: blocking, streamed (with thinking, signatures and a tool call in
fragments) and every error the API reference lists. If the SDK stops parsing them, the mock has
drifted from the API."""

from __future__ import annotations

import anthropic
import pytest

from tests.integration import anthropic_api as api

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


def test_the_sdk_reads_a_blocking_answer(client, mock) -> None:
    mock.expect(api.Reply(json=ANSWER))
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
    events = api.stream(api.message(api.text("Hello there")), stop=False)
    mock.expect(api.Reply(sse=events[:4] + [api.stream_error("overloaded_error", "Overloaded")]))
    with pytest.raises(anthropic.APIStatusError) as caught:
        with client.messages.stream(model="claude", max_tokens=64, messages=[{"role": "user", "content": "Hi"}]) as s:
            s.get_final_message()
    assert "Overloaded" in str(caught.value)


@pytest.mark.parametrize("status,kind", api.ERRORS)
def test_the_sdk_types_every_error(client, mock, status, kind) -> None:
    mock.expect(api.error(status, kind, f"{kind} happened"))
    with pytest.raises(anthropic.APIStatusError) as caught:
        create(client)
    assert caught.value.status_code == status and caught.value.body["error"]["type"] == kind
    expected = {401: anthropic.AuthenticationError, 429: anthropic.RateLimitError, 529: anthropic.InternalServerError}
    assert isinstance(caught.value, expected.get(status, anthropic.APIStatusError))


def test_the_sdk_reads_redacted_thinking_in_a_stream(client, mock) -> None:
    answer = api.message(api.redacted_thinking("EmwKAhgBEgy3va3pzix"), api.text("Done."))
    mock.expect(api.streamed(answer))
    with client.messages.stream(model="claude", max_tokens=64, messages=[{"role": "user", "content": "Hi"}]) as s:
        final = s.get_final_message()
    assert final.content[0].type == "redacted_thinking" and final.content[0].data == "EmwKAhgBEgy3va3pzix"
    assert final.content[1].text == "Done."
