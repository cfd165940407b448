"""Tool calls on both hosts: the functions offered, calls streamed in fragments merged and handed over
once (an id made up where the answer has none, "{}" for no arguments), and a history with tool turns;
each with the spec's first model that takes tools (backing.py)."""

from __future__ import annotations

import json

from tests.conformance.expect import HOSTED_TOOL, WEATHER_TOOL, answered, reply
from tests.conformance.hosts import assistant, system, tool, user
from tests.conformance.protocols import Call, Text

CALLS = (Call("call_1", "get_weather", {"city": "Paris"}), Call("call_2", "get_time"))
# Streamed, the second call brings neither an id nor arguments: the host must make them up.
STREAMED = (CALLS[0], Call(None, "get_time"))
LYON = Call("call_1", "get_weather", {"city": "Lyon"})
TOOL_TURNS = [
    system("Be brief."),
    user("Weather in Lyon?"),
    assistant("", LYON, reasoning="I should call the tool."),
    tool("call_1", "get_weather", "sunny"),
]


def test_tool_calls_are_merged_and_handed_over_once(host, api, mock, stream, feature_model):
    mock.expect(reply(api, stream, *(STREAMED if stream else CALLS)))
    answer = host.chat(user("Weather?"), stream=stream, tools=[WEATHER_TOOL], model=feature_model)
    assert answer.error is None, answer.message
    (first_id, *first), (second_id, *second) = answer.calls
    assert first == ["get_weather", {"city": "Paris"}] and second == ["get_time", {}]
    assert first_id == "call_1" if api.CALL_IDS else first_id
    assert second_id and second_id != first_id
    if host.name == "dify":
        with_calls = [item for item in answer.raw.items if item["delta"]["message"]["tool_calls"]]
        assert len(with_calls) == 1 and with_calls[0] is answer.raw.items[-1]
        assert with_calls[0]["delta"]["message"]["tool_calls"][1]["function"]["arguments"] == "{}"
        assert answer.finish == ("tool_calls" if stream else None)
    else:
        assert answer.raw["items"] == ["FunctionCallItem", "FunctionCallItem"]
    sent = api.read(mock.last)
    assert sent.tools == [HOSTED_TOOL if host.name == "maibot" else WEATHER_TOOL] and sent.builtin_tools == []
    assert sent.tool_choice == "auto"


def test_a_history_with_tool_turns(host, provider, api, mock, feature_model):
    """The calls and their results go back as the protocol pairs them; reasoning never as text in the
    answer (a <think> block), and as reasoning only where the spec sends it back."""
    mock.expect(answered(api, Text("Sunny.")))
    answer = host.chat(*TOOL_TURNS, tools=[WEATHER_TOOL], model=feature_model)
    assert answer.error is None and answer.text == "Sunny.", answer.message
    sent = api.read(mock.last)
    reasoning = [("reasoning", "I should call the tool.")] if api.replays_reasoning(provider) else []
    assert sent.messages == api.tidied(
        [
            ("system", [("text", "Be brief.")]),
            ("user", [("text", "Weather in Lyon?")]),
            ("assistant", reasoning + [api.seen(("call", "call_1", "get_weather", {"city": "Lyon"}))]),
            ("tool", [api.seen(("result", "call_1", "get_weather", "sunny"))]),
        ]
    )
    assert "<think>" not in json.dumps(sent.body)


def test_maibot_leaves_tool_turns_out_when_no_tools_are_offered(maibot, api, mock):
    """As MaiBot's own clients do."""
    mock.expect(answered(api, Text("Done.")))
    answer = maibot.chat(*TOOL_TURNS[1:])
    assert answer.error is None, answer.message
    sent = api.read(mock.last)
    assert sent.turns() == [("user", "Weather in Lyon?")] and sent.tools == [] and sent.tool_choice is None


def test_text_before_a_call_is_kept(host, api, mock, stream, feature_model):
    mock.expect(reply(api, stream, Text("Checking."), CALLS[0]))
    answer = host.chat(user("Weather?"), stream=stream, tools=[WEATHER_TOOL], model=feature_model)
    assert answer.error is None, answer.message
    assert answer.text == "Checking." and [c[1:] for c in answer.calls] == [("get_weather", {"city": "Paris"})]
