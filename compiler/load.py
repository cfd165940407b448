"""Read a spec file: round-trip YAML so every value keeps its line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from compiler.errors import CompileError, Diagnostic

MAX_SPEC_BYTES = 1_000_000
MAX_SPEC_VALUES = 100_000


@dataclass(frozen=True)
class LoadedSpec:
    """The plain data of a spec plus what is needed to locate any value in it."""

    path: Path
    data: Any
    tree: Any

    def locate(self, loc: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the deepest node of `loc` that exists."""
        node, line, col = self.tree, 1, 1
        for key in loc:
            found = _child_position(node, key)
            if found is None:
                break
            line, col = found
            node = node[key]
        return line, col

    def written(self, loc: tuple[str | int, ...]) -> bool:
        """Whether every key of `loc` is in the file (else a default stands there)."""
        node = self.tree
        for key in loc:
            if _child_position(node, key) is None:
                return False
            node = node[key]
        return True


def _child_position(node: Any, key: str | int) -> tuple[int, int] | None:
    if isinstance(node, CommentedMap) and key in node:
        line, col = node.lc.key(key)
        return line + 1, col + 1
    if isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
        line, col = node.lc.item(key)
        return line + 1, col + 1
    return None


class _Plain:
    """Round-trip containers to plain dicts and lists (pydantic sees ordinary data), refusing what
    a spec must not use: YAML tags (they can name Python objects), binary values, and aliases (one
    anchor reused many times is how a small file expands into billions of values)."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.seen: set[int] = set()
        self.count = 0
        self.alias_reported = False
        self.diagnostics: list[Diagnostic] = []

    def error(self, where: tuple[int, int] | None, message: str) -> None:
        line, col = (where[0] + 1, where[1] + 1) if where else (None, None)
        self.diagnostics.append(Diagnostic("error", self.shown, message, line, col))

    def convert(self, node: Any, where: tuple[int, int] | None = None) -> Any:
        self.count += 1
        if self.count > MAX_SPEC_VALUES:
            raise CompileError([Diagnostic("error", self.shown, f"spec has more than {MAX_SPEC_VALUES} values")])
        if isinstance(node, (CommentedMap, CommentedSeq)):
            if id(node) in self.seen:
                if not self.alias_reported:  # once is enough: a bomb repeats aliases thousands of times
                    self.error(
                        where,
                        "YAML anchors and aliases (&name, *name) are not allowed; use `defaults:` to share values",
                    )
                    self.alias_reported = True
                return None
            self.seen.add(id(node))
            tag = node.tag.value if node.tag is not None else None
            if tag:
                self.error(where, f"YAML tags are not allowed, found {tag}")
        if isinstance(node, CommentedMap):
            return {
                (str(k) if not isinstance(k, (int, bool)) else k): self.convert(v, (node.lc.data or {}).get(k))
                for k, v in node.items()
            }
        if isinstance(node, CommentedSeq):
            return [self.convert(v, (node.lc.data or {}).get(i)) for i, v in enumerate(node)]
        if isinstance(node, TaggedScalar):
            self.error(where, f"YAML tags are not allowed, found {node.tag.value}")
            return None
        if isinstance(node, (bytes, bytearray)):
            self.error(where, "binary values (!!binary) are not allowed")
            return None
        if isinstance(node, str):
            if any("\ud800" <= ch <= "\udfff" for ch in node):
                self.error(where, "text contains an unpaired UTF-16 surrogate escape")
            return str(node)
        return node


def syntax_error(shown: str, text: str, exc: MarkedYAMLError) -> Diagnostic:
    """A YAML syntax error where the parser stopped, naming where what it was reading began (the
    opening bracket of an unclosed list, the quote of an unclosed string), or a duplicate key's first
    line."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    message = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
    start = exc.context_mark
    duplicate = DUPLICATE_KEY_RE.match(message)
    if duplicate and mark is not None:
        first = first_key_line(text, duplicate.group(1), mark.column, start.line if start else 0, mark.line)
        message += f" (first at line {first})" if first else ""
    elif exc.problem and exc.context and start is not None and (start.line, start.column) != (mark.line, mark.column):
        message += (
            f" ({' '.join(str(exc.context).split())} that starts at line {start.line + 1}, column {start.column + 1})"
        )
    return Diagnostic("error", shown, f"invalid YAML: {message}", line, col)


DUPLICATE_KEY_RE = re.compile(r'^found duplicate key "(.*?)" with value')


def first_key_line(text: str, key: str, column: int, start: int, end: int) -> int | None:
    """The 1-based line where `key` is first set at `column` in lines start..end of `text`."""
    pattern = re.compile(rf"^ {{{column}}}[\"']?{re.escape(key)}[\"']?\s*:")
    lines = text.splitlines()
    return next((n + 1 for n in range(start, min(end, len(lines))) if pattern.match(lines[n])), None)


def load_spec(path: Path, raw: bytes | None = None) -> LoadedSpec:
    """Parse `path` (or `raw`, text meant to be that file: a spec `sync` is about to write); any syntax
    problem is a located CompileError."""
    shown = str(path)
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as exc:
        raise CompileError([Diagnostic("error", shown, f"cannot read spec: {exc.strerror}")]) from exc
    if len(raw) > MAX_SPEC_BYTES:
        raise CompileError([Diagnostic("error", shown, f"spec is larger than {MAX_SPEC_BYTES} bytes")])
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        raise CompileError([Diagnostic("error", shown, "spec is a binary file (NUL byte), not YAML text", line, 1)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"spec is not UTF-8 text (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})"
        raise CompileError([Diagnostic("error", shown, message, line, 1)]) from exc
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#") for l in text.splitlines()):
        raise CompileError([Diagnostic("error", shown, "spec is empty", 1, 1)])
    yaml = YAML(typ="rt")
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        raise CompileError([syntax_error(shown, text, exc)]) from exc
    except ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        message = f"invalid YAML: unacceptable character #x{exc.character:04x} (control characters are not allowed)"
        raise CompileError([Diagnostic("error", shown, message, line, col)]) from exc
    except YAMLError as exc:
        raise CompileError([Diagnostic("error", shown, f"invalid YAML: {' '.join(str(exc).split())}")]) from exc
    except RecursionError:
        raise CompileError([Diagnostic("error", shown, "invalid YAML: nested too deeply")]) from None
    if not isinstance(tree, CommentedMap):
        found = {CommentedSeq: "list", str: "string", int: "number", float: "number"}.get(type(tree), "scalar")
        raise CompileError([Diagnostic("error", shown, f"the spec must be a YAML mapping, found a {found}", 1, 1)])
    plain = _Plain(shown)
    data = plain.convert(tree)
    if plain.diagnostics:
        raise CompileError(plain.diagnostics)
    return LoadedSpec(path=path, data=data, tree=tree)
