"""Text that leaves a plugin is valid Unicode.

JSON may carry UTF-16 surrogates as `\\uXXXX` escapes: a provider that cuts an emoji in two sends
half of it in one stream event and half in the next (or only one half). Python decodes each half to
a lone surrogate, which neither host can serialise (Dify's pydantic and MaiBot's msgpack both
refuse it). Pairs are joined here and lone halves become U+FFFD, the replacement character."""

from __future__ import annotations

import re
from typing import Any

SURROGATE = re.compile("[\ud800-\udfff]")
ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
REPLACEMENT = "\ufffd"


def valid(text: str) -> str:
    """`text` with surrogate pairs joined and lone surrogates replaced by U+FFFD."""
    if text.isascii() or SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def valid_tree(value: Any) -> Any:
    """Every string in a JSON value made valid."""
    if isinstance(value, str):
        return valid(value)
    if isinstance(value, list):
        return [valid_tree(item) for item in value]
    if isinstance(value, dict):
        return {valid_tree(key): valid_tree(item) for key, item in value.items()}
    return value


def escapes_surrogates(data: str) -> bool:
    """Whether JSON text holds a surrogate escape (the only way a decoded string gets one: bytes
    are decoded as UTF-8, which has no surrogates). Per-token callers test `"\\u" in data` first."""
    return ESCAPED_SURROGATE.search(data) is not None


class Joiner:
    """One streamed text channel: a high surrogate that ends a piece waits for the next piece, in
    case that piece starts with its low half."""

    __slots__ = ("held",)

    def __init__(self) -> None:
        self.held = ""

    def push(self, piece: str) -> str:
        piece, self.held = self.held + piece, ""
        if piece and "\ud800" <= piece[-1] <= "\udbff":
            piece, self.held = piece[:-1], piece[-1]
        return valid(piece)

    def flush(self) -> str:
        """What is still held: a high surrogate nothing completed, as U+FFFD."""
        held, self.held = self.held, ""
        return valid(held)
