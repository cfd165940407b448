"""Valid Unicode out of any JSON text (runtime/text.py), and secrets masked (errors.redacted)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from compiler.runtime import errors, text
from compiler.runtime.errors import ProviderError


def test_pairs_are_joined_and_lone_halves_replaced() -> None:
    assert text.valid("a\ud83d\ude00b") == "a😀b"
    assert text.valid("\ud83d") == text.valid("\ude00") == "\ufffd"
    assert text.valid("x\ude00\ud83dy") == "x\ufffd\ufffdy"  # a low half before a high one is no pair
    assert text.valid("plain é 中") == "plain é 中"


def test_joiner_holds_a_high_half_for_the_next_piece() -> None:
    joiner = text.Joiner()
    assert [joiner.push("hi\ud83d"), joiner.push("\ude00!"), joiner.push("\ud83d")] == ["hi", "😀!", ""]
    assert joiner.flush() == "\ufffd" and joiner.flush() == ""


@given(st.lists(st.text(), max_size=6), st.data())
def test_any_split_of_escaped_text_joins_back(pieces: list[str], data: st.DataObject) -> None:
    """Text cut at any UTF-16 unit, each piece sent as JSON (so a pair may be split): the joined
    pieces are the text, valid."""
    units = "".join(pieces).encode("utf-16-le")
    cuts = sorted(data.draw(st.lists(st.integers(0, len(units) // 2), max_size=5)))
    bounds = [0, *cuts, len(units) // 2]
    joiner = text.Joiner()
    out = ""
    for start, end in zip(bounds, bounds[1:]):
        piece = units[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")
        sent = json.loads(json.dumps(piece))  # as a provider escapes it
        if any("\ud800" <= c <= "\udfff" for c in piece):  # the cheap check never misses one
            assert text.escapes_surrogates(json.dumps(piece))
        out += joiner.push(sent)
    out += joiner.flush()
    assert out == "".join(pieces)
    out.encode("utf-8")  # strict: no surrogate left


def test_valid_tree() -> None:
    assert text.valid_tree({"k\ud83d": ["\ude00", 1, None, {"x": "\ud83d\ude00"}]}) == {
        "k\ufffd": ["\ufffd", 1, None, {"x": "😀"}]
    }


def test_error_messages_are_valid_text() -> None:
    error = ProviderError("bad_request", "bad \ud83d input", 400, "code\udc00")
    assert (error.message, error.code) == ("bad \ufffd input", "code\ufffd")


SECRET = "sk-LEAK+k3y/9f2c=Z é"


def test_secrets_are_masked_in_every_form_a_server_echoes() -> None:
    echoes = [
        SECRET,
        "sk-LEAK%2Bk3y%2F9f2c%3DZ%20%C3%A9",  # quote(safe="")
        "sk-LEAK%2Bk3y/9f2c%3DZ+%C3%A9",  # yarl / quote_plus style
        "sk-LEAK%2bk3y%2f9f2c%3dZ%20%c3%a9",  # lower-case hex
        json.dumps(SECRET)[1:-1],
        json.dumps(SECRET, ensure_ascii=True)[1:-1].replace("/", "\\/"),
    ]
    error = ProviderError("authorization", " | ".join(echoes), 401, SECRET).redacted([SECRET, None, "", "ab"])
    assert error.message == " | ".join([errors.MASK] * len(echoes)) and error.code == errors.MASK
    assert error.kind == "authorization" and error.status == 401


def test_short_values_are_not_masked() -> None:
    error = ProviderError("bad_request", "a b c abc", 400)
    assert error.redacted(["abc", "a"]).message == "a b c abc"
