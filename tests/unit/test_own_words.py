"""Shipped specs state the official plugins' facts in their own words: no help text, description,
placeholder or tooltip of a spec is an official plugin's text (issue 29, "Facts, not prose").

CI has no official plugins, so scripts/record_official_prose.py keeps only truncated SHA-256 digests of
their texts (Dify's own parameter-template texts left out: `template:` shows those at run time)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from ruamel.yaml import YAML

from compiler.load import load_spec

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = ROOT / "tests" / "unit" / "data" / "official_prose.txt"
SPECS = sorted((ROOT / "specs").glob("*.yaml"))
PROSE_KEYS = {"help", "description", "placeholder", "tooltip"}
MIN_CHARS = 26  # shorter texts ("Enter your API Key") are too common to be anyone's own
DIGEST_CHARS = 16


def normal(text: str) -> str:
    """The text as compared: whitespace runs as one space, ends trimmed (folding does not hide a copy)."""
    return " ".join(text.split())


def digest(text: str) -> str:
    return hashlib.sha256(normal(text).encode()).hexdigest()[:DIGEST_CHARS]


def prose(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string under a help, description, placeholder or tooltip key, long enough to compare."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from prose(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from prose(value, path + (index,))
    elif isinstance(node, str) and PROSE_KEYS & set(path) and path[-1] != "url" and len(normal(node)) >= MIN_CHARS:
        yield path, node


def dotted(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def recorded() -> set[str]:
    lines = [line.strip() for line in DIGESTS.read_text().splitlines()]
    return {line for line in lines if line and not line.startswith("#")}


def copied(spec: Path, digests: set[str]) -> list[str]:
    """Where the spec's prose is an official text: `file:line: key path` (the spec is read fast, and
    again with positions only when something is found: the largest take seconds that way)."""
    found = [path for path, text in prose(YAML(typ="safe").load(spec.read_text())) if digest(text) in digests]
    if not found:
        return []
    loaded = load_spec(spec)
    return [f"{spec.name}:{loaded.locate(path)[0]}: {dotted(path)}" for path in found]


def test_the_digests_are_well_formed() -> None:
    digests = recorded()
    assert len(digests) > 100
    assert all(re.fullmatch(r"[0-9a-f]{16}", d) for d in digests)


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_no_shipped_spec_copies_an_official_text(spec: Path) -> None:
    found = copied(spec, recorded())
    assert not found, "official plugin texts, to be said in our own words:\n" + "\n".join(found)


def test_a_copied_text_is_named_by_file_line_and_key(tmp_path: Path) -> None:
    text = "Sample each token from the k likeliest only."
    spec = tmp_path / "s.yaml"
    spec.write_text(f"name: s\nparameters:\n  - name: top_k\n    help:\n      en_US: '{text}'\n      zh_Hans: 短\n")
    folded = "Sample each token\n  from the k likeliest only. "
    assert digest(folded) == digest(text)
    assert copied(spec, {digest(text)}) == ["s.yaml:5: parameters[0].help.en_US"]
    assert copied(spec, {digest(text + "!")}) == []
