"""The committed specs the suite runs over, by protocol, and their lowered models (cached)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from compiler.load import load_spec
from compiler.lower import lower
from compiler.model import Provider

ROOT = Path(__file__).resolve().parents[2]


def protocol_of(path: Path) -> str:
    return (YAML(typ="safe").load(path).get("api") or {}).get("protocol", "openai_chat")


PROTOCOL_OF = {path.stem: protocol_of(path) for path in sorted((ROOT / "specs").glob("*.yaml"))}


def specs_of(*protocols: str) -> list[str]:
    return [name for name, protocol in PROTOCOL_OF.items() if protocol in protocols]


def grouped(names: list[str]) -> list:
    """`spec_name` values, each in its spec's pytest-xdist group."""
    return [pytest.param(name, marks=pytest.mark.xdist_group(name), id=name) for name in names]


def only(*names: str) -> pytest.MarkDecorator:
    """A check of these specs alone (a shipped spec's own parameters)."""
    return pytest.mark.parametrize("spec_name", grouped(list(names)), scope="session")


@cache
def lowered(name: str) -> Provider:
    return lower(load_spec(ROOT / "specs" / f"{name}.yaml"))
