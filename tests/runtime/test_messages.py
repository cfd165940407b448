"""The neutral conversation form, and the offline token estimate."""

from __future__ import annotations

from compiler.runtime import estimate, messages


def test_think_blocks_leave_the_answer() -> None:
    assert messages.split_think("<think>\nplan\n</think>\n\nAnswer") == ("Answer", "plan")
    assert messages.split_think("<think>unclosed") == ("", "unclosed")
    assert messages.split_think("plain") == ("plain", "")


def test_earlier_reasoning_is_stripped_by_default() -> None:
    message = messages.assistant("<think>plan</think>Answer", [], "more reasoning")
    assert message == {"role": "assistant", "content": "Answer"}


def test_earlier_reasoning_is_sent_back_where_the_spec_says(settings) -> None:
    settings(REASONING_HISTORY="reasoning_content")
    call = messages.tool_call("c1", "f", "{}")
    assert messages.assistant("<think>plan</think>", [call]) == {
        "role": "assistant",
        "content": None,
        "tool_calls": [call],
        "reasoning_content": "plan",
    }
    assert messages.assistant("x", [], "given")["reasoning_content"] == "given"


def test_parts() -> None:
    assert messages.image_part("data:,", "low") == {
        "type": "image_url",
        "image_url": {"url": "data:,", "detail": "low"},
    }
    assert messages.image_part("data:,") == {"type": "image_url", "image_url": {"url": "data:,"}}
    assert messages.user([messages.text_part("hi")]) == {"role": "user", "content": [{"type": "text", "text": "hi"}]}


def test_estimates_count_pieces_like_the_whole() -> None:
    text = "Hello wörld, 你好 and more"
    tally = estimate.TextTally()
    for piece in ("Hello w", "örld, 你", "好 and more"):
        tally.add(piece)
    assert tally.tokens == estimate.text(text) == (21 + 3) // 4 + 3  # 21 ASCII characters, 3 others
    assert estimate.messages([messages.user("abcd")]) == estimate.text('[{"role": "user", "content": "abcd"}]') + 3
