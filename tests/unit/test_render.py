"""The literal filters (any string survives YAML and Python round trips verbatim) and the
template cache."""

from __future__ import annotations

import ast
from decimal import Decimal

import jinja2.bccache
import pytest
from ruamel.yaml import YAML

from compiler import render as render_module
from compiler.render import py_literal, yaml_literal

NASTY = [
    "plain",
    "yes",
    "No",
    "null",
    "~",
    "1.0",
    "0x1F",
    ".inf",
    "a: b",
    "#x",
    "- item",
    "x #y",
    " pad ",
    '"quoted"',
    "back\\slash",
    "new\nline",
    "tab\tx",
    "{{ jinja }}",
    "{% raw %}",
    "é中文🙂",
    "\x7f\x85\u2028",
    "\u202egnp.exe",
    "'single'",
    "@at",
    "`tick`",
    "",
    "*alias",
    "&anchor",
    "!tag",
    "|",
    ">",
    "%",
]


@pytest.mark.parametrize("text", NASTY)
def test_yaml_literal_round_trips(text: str) -> None:
    loaded = YAML(typ="safe", pure=True).load(f"key: {yaml_literal(text)}\n")
    assert loaded == {"key": text}


def test_yaml_literal_collections() -> None:
    value = {"en_US": "A: b", "list": [1, 2.5, True, None, "x"], "price": Decimal("0.10")}
    assert YAML(typ="safe", pure=True).load(yaml_literal(value)) == {
        "en_US": "A: b",
        "list": [1, 2.5, True, None, "x"],
        "price": "0.10",
    }


@pytest.mark.parametrize("text", NASTY + ['"""', "'''", "\\N{x}"])
def test_py_literal_round_trips(text: str) -> None:
    value = {"k": [text, (text,), 1, None]}
    assert ast.literal_eval(py_literal(value)) == {"k": [text, (text,), 1, None]}


def test_an_unwritable_template_cache_only_costs_speed(tmp_path, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(jinja2.bccache.tempfile, "NamedTemporaryFile", refuse)
    render_module.environment.cache_clear()
    try:
        text = render_module.render("dify/requirements.txt.jinja", {"header": "h", "requirements": ["x>=1,<2"]})
    finally:
        render_module.environment.cache_clear()
    assert text.startswith("# h\n") and not list((tmp_path / "provider-compiler" / "jinja").iterdir())
