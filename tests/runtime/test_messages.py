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


def test_normalise_joins_drops_and_reroutes(settings) -> None:
    history = [
        messages.system("Be brief."),
        messages.user("Hello"),
        messages.user([messages.text_part("Look:"), messages.image_part("https://x/i.png")]),
        {"role": "assistant", "content": "", "reasoning_content": "r1"},
        {"role": "assistant", "content": "Hi", "tool_calls": [messages.tool_call("c1", "f", "{}")]},
        messages.tool_result("c1", "done"),
        messages.tool_result("c2", ""),
        messages.user("  "),
    ]
    assert messages.normalise(history, {}) is history  # nothing asked: the list as it is
    settings(MESSAGES={"merge_same_role": True, "drop_empty": True})
    assert messages.normalise(history, {}) == [
        messages.system("Be brief."),
        messages.user(
            [messages.text_part("Hello"), messages.text_part("Look:"), messages.image_part("https://x/i.png")]
        ),
        {"role": "assistant", "content": "Hi", "tool_calls": [messages.tool_call("c1", "f", "{}")]},
        messages.tool_result("c1", "done"),
        messages.tool_result("c2", ""),
    ]
    settings(MESSAGES={"merge_same_role": True, "drop_empty": False})
    joined = messages.normalise(history[:2] + history[3:5], {"system_messages": "as_user"})
    assert joined[0] == messages.user("Be brief.\nHello")
    assert joined[1] == {
        "role": "assistant",
        "content": "Hi",
        "tool_calls": [messages.tool_call("c1", "f", "{}")],
        "reasoning_content": "r1",
    }
    assert messages.normalise(history[:2], {"system_messages": "drop"}) == [messages.user("Hello")]
