"""Edits of a round-trip tree put back into the author's text: only the lines that changed are replaced.

ruamel.yaml's round trip keeps comments and order, but a dump still differs from the file in spots
(`key: null` written as `key:`, a long flow list re-joined). So the tree is dumped before and after the
edits, and only the hunks between those two dumps are applied to the original text, at the lines they
match. When a hunk falls where the file and the dump differ, or the result does not read as the edited
tree does, the whole file is the new dump instead (comments kept, some layout lost)."""

from __future__ import annotations

import io
from difflib import SequenceMatcher
from typing import Any

from ruamel.yaml import YAML


def round_trip() -> YAML:
    """The YAML reader and writer of spec files (the layout `emit_spec` writes and the specs use)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    null = lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null")  # noqa: E731
    yaml.representer.add_representer(type(None), null)  # `key: null` as the specs write it, not `key:`
    return yaml


def dump(yaml: YAML, tree: Any) -> str:
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def merge(original: str, before: str, after: str) -> str:
    """`original` with the changes from `before` to `after` (two dumps of one tree) applied."""
    if before == after:
        return original
    o, b, a = original.splitlines(True), before.splitlines(True), after.splitlines(True)
    at = _line_map(b, o)
    edits = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, b, a, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        span = _span(at, i1, i2, len(o))
        if span is None:
            return after
        edits.append((span, a[j1:j2]))
    for (start, end), lines in reversed(edits):
        o[start:end] = lines
    merged = "".join(o)
    return merged if _same(merged, after) else after  # a hunk put beside a line that reads differently


def _same(one: str, other: str) -> bool:
    """Whether two YAML texts hold the same data."""
    safe = YAML(typ="safe", pure=True)
    try:
        return bool(safe.load(one) == safe.load(other))
    except Exception:  # noqa: BLE001 - text that does not even parse is not the same
        return False


def _line_map(dumped: list[str], original: list[str]) -> dict[int, int]:
    """Dumped line → original line, for the lines the two have in common."""
    at: dict[int, int] = {}
    for tag, i1, i2, j1, _ in SequenceMatcher(None, dumped, original, autojunk=False).get_opcodes():
        if tag == "equal":
            at.update({i1 + k: j1 + k for k in range(i2 - i1)})
    return at


def _span(at: dict[int, int], i1: int, i2: int, size: int) -> tuple[int, int] | None:
    """The original lines a hunk of dumped lines i1..i2 covers (an insertion: an empty span), if they match."""
    if i1 == i2:
        if i1 in at:
            return at[i1], at[i1]
        return (at[i1 - 1] + 1, at[i1 - 1] + 1) if i1 - 1 in at else ((size, size) if i1 == 0 and not at else None)
    lines = [at.get(i) for i in range(i1, i2)]
    if None in lines or lines != list(range(lines[0], lines[0] + len(lines))):  # type: ignore[operator]
        return None
    return lines[0], lines[-1] + 1  # type: ignore[operator]
