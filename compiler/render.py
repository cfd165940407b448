"""One Jinja environment for every template, with the literal filters that keep output safe."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import jinja2

from compiler.errors import CompileError, Diagnostic
from compiler.format import cache_root

# An installed compiler carries the templates inside its package (pyproject.toml maps templates/ to
# compiler/_templates); a source checkout and an editable install read templates/ beside compiler/.
_PACKAGED = Path(__file__).resolve().parent / "_templates"
TEMPLATES = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parent.parent / "templates"
_PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_ ./@()+-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}
# JSON escapes C0 controls; YAML also refuses DEL, C1 controls, BOM and treats U+2028/9 as breaks.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def yaml_literal(value: object) -> str:
    """A YAML flow literal for `value` that parses back to exactly `value`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, Decimal):
        return yaml_literal(str(value))
    if isinstance(value, str):
        plain = _PLAIN.match(value) and value.lower() not in _YAML_WORDS and value == value.strip()
        if plain:
            return value
        quoted = json.dumps(value, ensure_ascii=False)
        return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml_literal(k)}: {yaml_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_literal(v) for v in value) + "]"
    raise TypeError(f"no YAML literal for {type(value).__name__}")


def py_literal(value: object) -> str:
    """A Python literal for `value` (black normalises the quotes afterwards)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(py_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")


def toml_string(value: object) -> str:
    """A TOML basic string: JSON's escapes, and DEL, which TOML refuses raw and JSON leaves raw."""
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def json_literal(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def yaml_string(value: object) -> str:
    """Always a quoted YAML string (prices are strings in Dify's model files)."""
    return json.dumps(str(value), ensure_ascii=False)


def doc_text(value: object) -> str:
    """Text for inside a docstring or comment: one line, quotes and backslashes escaped, control
    characters as escapes, so no spec string can end the docstring or start a new line of code."""
    out = []
    for ch in " ".join(str(value).split()):
        if ch in '\\"':
            out.append("\\" + ch)
        elif ord(ch) < 32 or 127 <= ord(ch) < 160 or ch in "\u2028\u2029\ufeff":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def markdown_text(value: object) -> str:
    """Spec text in Markdown: HTML markup is escaped, so a string shows as text, never as HTML."""
    return html.escape(str(value), quote=False)


FILTERS = {
    "yaml": yaml_literal,
    "toml": toml_string,
    "yaml_str": yaml_string,
    "py": py_literal,
    "json": json_literal,
    "doc": doc_text,
    "md": markdown_text,
}


class BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates, kept between runs (compiling them was a quarter of a rebuild). Jinja
    keys each by the template's source checksum and ignores entries from another Jinja/Python.
    A cache that cannot be written only costs speed."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def bytecode_cache() -> jinja2.BytecodeCache | None:
    folder = cache_root() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return BytecodeCache(str(folder))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


def render(template: str, context: dict[str, object]) -> str:
    """Render one template; template bugs become a diagnostic naming the template."""
    try:
        return environment().get_template(template).render(**context)
    except jinja2.TemplateError as exc:
        where = getattr(exc, "lineno", None)
        raise CompileError(
            [Diagnostic("error", f"templates/{template}", f"template failed: {exc}", where, None)]
        ) from exc
