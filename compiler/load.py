"""Read a spec file: round-trip YAML so every value keeps its line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from compiler.errors import CompileError, Diagnostic

MAX_SPEC_BYTES = 1_000_000


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


def _child_position(node: Any, key: str | int) -> tuple[int, int] | None:
    if isinstance(node, CommentedMap) and key in node:
        line, col = node.lc.key(key)
        return line + 1, col + 1
    if isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
        line, col = node.lc.item(key)
        return line + 1, col + 1
    return None


def _plain(node: Any) -> Any:
    """Round-trip containers to plain dicts and lists (pydantic sees ordinary data)."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, (int, bool)) else k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def load_spec(path: Path) -> LoadedSpec:
    """Parse `path`; any syntax problem is a located CompileError."""
    shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CompileError([Diagnostic("error", shown, f"cannot read spec: {exc.strerror}")]) from exc
    if len(raw) > MAX_SPEC_BYTES:
        raise CompileError([Diagnostic("error", shown, f"spec is larger than {MAX_SPEC_BYTES} bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CompileError([Diagnostic("error", shown, f"spec is not UTF-8 text (byte {exc.start})")]) from exc
    yaml = YAML(typ="rt")
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise CompileError([Diagnostic("error", shown, f"invalid YAML: {message}", line, col)]) from exc
    except YAMLError as exc:
        raise CompileError([Diagnostic("error", shown, f"invalid YAML: {exc}")]) from exc
    if not isinstance(tree, CommentedMap):
        raise CompileError([Diagnostic("error", shown, "the spec must be a YAML mapping", 1, 1)])
    return LoadedSpec(path=path, data=_plain(tree), tree=tree)
