"""Spec data to YAML text: the one writer every front end uses.

The data is plain dicts and lists in the order the caller wants the keys; the text is stable (same data,
same bytes), block style, with short scalar lists in flow style, and header comments that cannot break
out of their line. Strings are quoted by ruamel.yaml wherever YAML would read them as something else."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString

SCHEMA_LINE = "# yaml-language-server: $schema=spec.schema.json"
FLOW_ITEMS = 12  # scalar lists up to this many items are written on one line
FLOW_WIDTH = 100  # ... when they fit in this many characters
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029]")


def comment_lines(text: str) -> list[str]:
    """`text` as comment lines: every line break starts a new `# ` line, control characters are dropped,
    so nothing in `text` can end the comment and become YAML."""
    lines = [_UNPRINTABLE.sub("", line).rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [f"# {line}".rstrip() for line in lines]


def emit_spec(data: dict[str, Any], header: list[str] = (), schema: bool = True) -> str:
    """The spec text for `data`, after the schema line and `header` (free text, one comment line each)."""
    out = io.StringIO()
    yaml = YAML()
    yaml.width = 4096  # never fold a long string onto a second line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.dump(_node(data), out)
    lines = ([SCHEMA_LINE] if schema else []) + [c for text in header for c in comment_lines(text)]
    return "\n".join(lines + [out.getvalue()]) if lines else out.getvalue()


def _node(value: Any) -> Any:
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _node(item)
        return node
    if isinstance(value, (list, tuple)):
        node = CommentedSeq(_node(item) for item in value)
        if _flow(value):
            node.fa.set_flow_style()
        return node
    if isinstance(value, Decimal):
        return SingleQuotedScalarString(_decimal_text(value))
    if isinstance(value, str):
        return _UNPRINTABLE.sub("", value) if "\n" not in value else value
    return value


def _flow(items: list | tuple) -> bool:
    scalars = all(isinstance(item, (str, int, float, bool)) and not isinstance(item, Decimal) for item in items)
    return scalars and 0 < len(items) <= FLOW_ITEMS and sum(len(str(item)) + 2 for item in items) <= FLOW_WIDTH


def _decimal_text(value: Decimal) -> str:
    """A price as written by people: no exponent, no trailing zeros (0.000002, 4, 1.25)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
