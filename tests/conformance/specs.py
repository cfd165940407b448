"""The committed specs the suite runs over, by protocol, and their lowered models (cached).

CONFORMANCE_SPECS chooses them: `all` (the default), `cover` (the fewest specs that between them have
every protocol, kind, auth scheme and quirk the checks look for: QUIRKS), or names separated by
commas. A catalogue of dozens of specs keeps `make test` in minutes with `cover` while CI runs `all`."""

from __future__ import annotations

import os
from collections.abc import Callable
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


# Test-only specs (tests/conformance/specs/): a protocol or quirk no shipped spec has yet, run over both
# hosts from a tree the suite builds each run (pool.py), shipping nowhere. Their names are not the
# shipped specs'.
TEST_SPECS = Path(__file__).resolve().parent / "specs"
SPEC_PATHS = {path.stem: path for path in sorted((ROOT / "specs").glob("*.yaml"))}
BUILT = {path.stem: path for path in sorted(TEST_SPECS.glob("*.yaml")) if path.stem not in SPEC_PATHS}
SPEC_PATHS |= BUILT
PROTOCOL_OF = {name: protocol_of(path) for name, path in SPEC_PATHS.items()}


def specs_of(*protocols: str) -> list[str]:
    """The chosen specs (CONFORMANCE_SPECS) of these protocols."""
    return [name for name in chosen() if PROTOCOL_OF[name] in protocols]


def grouped(names: list[str]) -> list:
    """`spec_name` values, each in its spec's pytest-xdist group."""
    return [pytest.param(name, marks=pytest.mark.xdist_group(name), id=name) for name in names]


# Specs with checks of their own (only()): a cover keeps them.
OWN_CHECKS = ("anthropic", "gemini")


def only(*names: str) -> pytest.MarkDecorator:
    """A check of these specs alone (a shipped spec's own parameters), when they are chosen."""
    assert set(names) <= set(OWN_CHECKS), names
    return pytest.mark.parametrize("spec_name", grouped([n for n in names if n in chosen()]), scope="session")


@cache
def chosen() -> tuple[str, ...]:
    choice = os.environ.get("CONFORMANCE_SPECS", "all")
    if choice == "all":
        return tuple(PROTOCOL_OF)
    if choice == "cover":
        return cover(list(PROTOCOL_OF))
    return tuple(name.strip() for name in choice.split(",") if name.strip())


def llm_settings(key: str) -> Callable[[Provider], bool]:
    return lambda p: any(key in m.settings for m in p.models_of("llm"))


# What a spec may have that some check looks for (and skips without).
QUIRKS: dict[str, Callable[[Provider], bool]] = {
    "error codes": lambda p: bool(p.errors.codes),
    "reasoning history": lambda p: p.api.reasoning_history != "strip",
    "merged turns": lambda p: p.api.messages["merge_same_role"],
    "dropped turns": lambda p: p.api.messages["drop_empty"],
    "no end user": lambda p: not p.api.send_user,
    "cut end user": lambda p: p.api.user[1] is not None or p.api.user[2],
    "extra credentials": lambda p: bool(p.api.credential_headers or p.api.credential_query),
    "fixed body": lambda p: bool(p.api.body) or llm_settings("body")(p),
    "value maps": lambda p: any("values" in record for record in p.parameters.values()),
    "built-in tools": lambda p: any("tool" in record for record in p.parameters.values()),
    "json parameters": lambda p: any(record.get("parse") == "json" for record in p.parameters.values()),
    "nested parameters": lambda p: any("." in str(record.get("key", "")) for record in p.parameters.values()),
    "omitted parameters": lambda p: any(
        p.parameter(m, rule.name).get("omit_when") for m in p.models_of("llm") for rule in m.parameters
    ),
    "completion mode": lambda p: any(m.mode == "completion" for m in p.models_of("llm")),
    "no stream": llm_settings("stream"),
    "no stop": llm_settings("send_stop"),
    "system messages": llm_settings("system_messages"),
    "documents": lambda p: any("document" in m.features for m in p.models_of("llm")),
    "json schema": lambda p: "json_schema" in p.parameters,
    "no usage events": lambda p: not p.api.stream_usage,
    "no model list": lambda p: not p.endpoints.get("models"),
}


def quirks(name: str) -> set[str]:
    """The protocol, auth scheme, kinds, user-added kinds and QUIRKS of a spec."""
    p = lowered(name)
    found = {f"protocol {p.api.protocol}", f"auth {p.api.auth.scheme}"} | {f"kind {m.type}" for m in p.models}
    found |= {f"user-added {kind}" for kind in (p.customizable.types if p.customizable else ())}
    found |= {f"{kind} settings" for kind in {m.type for m in p.models if m.settings and m.type != "llm"}}
    found |= {f"checks of its own: {name}"} if name in OWN_CHECKS else set()
    found |= {f"images over {p.api.protocol}"} if llm_settings("output_modalities")(p) else set()
    return found | {quirk for quirk, has in QUIRKS.items() if has(p)}


def cover(names: list[str]) -> tuple[str, ...]:
    """The fewest specs (greedily) that between them have every quirk one of `names` has."""
    left, picked = {name: quirks(name) for name in names}, []
    wanted = set().union(*left.values())
    while wanted:
        best = max(left, key=lambda name: (len(left[name] & wanted), -names.index(name)))
        picked.append(best)
        wanted -= left.pop(best)
    return tuple(sorted(picked))


@cache
def lowered(name: str) -> Provider:
    return lower(load_spec(SPEC_PATHS[name]))
