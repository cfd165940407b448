"""Reasoning on both hosts: kept apart from the answer (Dify: a <think> block before it; MaiBot: its
reasoning item), streamed or not, and never sent back as answer text; each with the spec's first
model that reasons (agent-thought, backing.py)."""

from __future__ import annotations

from tests.conformance.expect import answered, reply
from tests.conformance.hosts import assistant, user
from tests.conformance.protocols import Reasoning, Text


def test_reasoning_is_kept_apart(host, api, mock, stream, feature_model):
    mock.expect(reply(api, stream, Reasoning("Let me "), Reasoning("think."), Text("Answer.")))
    answer = host.chat(stream=stream, model=feature_model)
    assert answer.error is None, answer.message
    assert (answer.reasoning, answer.text) == ("Let me think.", "Answer.")
    if host.name == "dify":
        assert answer.content == "<think>\nLet me think.\n</think>\n\nAnswer."
    else:
        assert answer.raw["items"] == ["ReasoningItem", "AssistantMessageItem"]


def test_a_stream_ending_inside_reasoning_closes_the_block(dify, api, mock, feature_model):
    mock.expect(reply(api, True, Reasoning("only thoughts")))
    answer = dify.chat(stream=True, model=feature_model)
    assert answer.error is None, answer.message
    assert answer.content == "<think>\nonly thoughts\n</think>\n\n"


def test_reasoning_in_the_history(host, provider, api, mock, feature_model):
    mock.expect(answered(api, Text("42")))
    answer = host.chat(
        user("First?"), assistant("One.", reasoning="thinking"), user("And the answer?"), model=feature_model
    )
    assert answer.error is None and answer.text == "42", answer.message
    sent = api.read(mock.last)
    reasoning = [("reasoning", "thinking")] if api.replays_reasoning(provider) else []
    assert sent.messages[1] == ("assistant", reasoning + [("text", "One.")])
    assert "<think>" not in str(sent.body)


def test_think_tags_in_the_text_are_split_off(maibot, api, mock, stream, feature_model):
    """MaiBot's reasoning_parse_mode: <think> tags in the answer become its reasoning (unless native)."""
    mock.expect(reply(api, stream, Text("<think>pon"), Text("dering</think>\n\nThe answer")))
    answer = maibot.chat(stream=stream, model=feature_model)
    assert (answer.text, answer.reasoning) == ("The answer", "pondering"), answer.shown
    mock.expect(answered(api, Text("<think>x</think>Answer")))
    answer = maibot.chat(api={"reasoning_parse_mode": "native"}, model=feature_model)
    assert (answer.text, answer.reasoning) == ("<think>x</think>Answer", ""), answer.shown
