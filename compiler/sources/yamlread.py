"""A plugin's YAML files, read with the spec loader's care: duplicate keys, tags, anchors and aliases
(the YAML bomb) and unreadable text are one located error each."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from compiler.errors import CompileError
from compiler.load import MAX_SPEC_VALUES, _Plain, syntax_error
from compiler.sources.archive import Source, SourceError

MAX_YAML_BYTES = 1_000_000


def load_yaml(source: Source, path: str) -> Any:
    """The plain data of `path` in the plugin (dicts, lists, scalars)."""
    shown = source.where(path)
    if len(source.files[path]) > MAX_YAML_BYTES:
        raise SourceError(shown, f"YAML file larger than {MAX_YAML_BYTES} bytes")
    text = source.text(path)
    try:
        tree = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        d = syntax_error(shown, text, exc)
        raise SourceError(shown, d.message, d.line, d.col) from exc
    except (YAMLError, RecursionError) as exc:
        raise SourceError(shown, f"invalid YAML: {' '.join(str(exc).split()) or 'nested too deeply'}") from exc
    plain = _Plain(shown)
    try:
        data = plain.convert(tree)
    except CompileError as exc:
        raise SourceError(shown, f"more than {MAX_SPEC_VALUES} values") from exc
    if plain.diagnostics:
        first = plain.diagnostics[0]
        raise SourceError(shown, first.message, first.line, first.col)
    return data


def mapping(source: Source, path: str) -> dict[str, Any]:
    data = load_yaml(source, path)
    if not isinstance(data, dict):
        raise SourceError(source.where(path), f"must be a YAML mapping, found {type(data).__name__}", 1, 1)
    return data
