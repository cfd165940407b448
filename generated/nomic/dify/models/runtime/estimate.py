"""Offline token estimates for providers that report no usage: never a tokenizer download."""

from __future__ import annotations

import json
from typing import Any


class TextTally:
    """What the estimate needs to know about a text, counted piece by piece (a stream's text can be
    counted without being kept)."""

    __slots__ = ("ascii", "other")

    def __init__(self) -> None:
        self.ascii = self.other = 0

    def add(self, text: str) -> None:
        if text.isascii():
            self.ascii += len(text)
        else:
            ascii_chars = len(text.encode("ascii", "ignore"))
            self.ascii += ascii_chars
            self.other += len(text) - ascii_chars

    @property
    def tokens(self) -> int:
        """~4 ASCII characters or 1 other character per token."""
        return (self.ascii + 3) // 4 + self.other


def text(value: str) -> int:
    tally = TextTally()
    tally.add(value)
    return tally.tokens


def messages(conversation: list[dict[str, Any]], tools: list[dict[str, Any]] | None = None) -> int:
    """A conversation in the neutral form (messages.py), with its tools."""
    serialized = json.dumps(conversation, ensure_ascii=False) + (json.dumps(tools, ensure_ascii=False) if tools else "")
    return text(serialized) + 3 * len(conversation)
