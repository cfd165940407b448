"""The literal filters: any string survives YAML and Python round trips verbatim."""

from __future__ import annotations

import ast
from decimal import Decimal

import pytest
from ruamel.yaml import YAML

from compiler.render import py_literal, yaml_literal

NASTY = ["plain", "yes", "No", "null", "~", "1.0", "0x1F", ".inf", "a: b", "#x", "- item", "x #y", " pad ",
         '"quoted"', "back\\slash", "new\nline", "tab\tx", "{{ jinja }}", "{% raw %}", "é中文🙂", "\x7f\x85\u2028",
         "\u202egnp.exe", "'single'", "@at", "`tick`", "", "*alias", "&anchor", "!tag", "|", ">", "%"]


@pytest.mark.parametrize("text", NASTY)
def test_yaml_literal_round_trips(text: str) -> None:
    loaded = YAML(typ="safe", pure=True).load(f"key: {yaml_literal(text)}\n")
    assert loaded == {"key": text}


def test_yaml_literal_collections() -> None:
    value = {"en_US": "A: b", "list": [1, 2.5, True, None, "x"], "price": Decimal("0.10")}
    assert YAML(typ="safe", pure=True).load(yaml_literal(value)) == {
        "en_US": "A: b", "list": [1, 2.5, True, None, "x"], "price": "0.10"}


@pytest.mark.parametrize("text", NASTY + ['"""', "'''", "\\N{x}"])
def test_py_literal_round_trips(text: str) -> None:
    value = {"k": [text, (text,), 1, None]}
    assert ast.literal_eval(py_literal(value)) == {"k": [text, (text,), 1, None]}
