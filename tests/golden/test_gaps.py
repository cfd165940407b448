"""Golden record of the language gaps of issue 26: tests/golden/gaps/gaps.yaml's rendered files (the
plugins' YAML, provider.py, config.py, manifests and READMEs; not the runtime copies, which are the
repository's modules byte for byte) against tests/golden/gaps/expected/.

Regenerate with `GOLDEN_UPDATE=1 .venv/bin/python -m pytest -q tests/golden/test_gaps.py` and review
the git diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compiler.build import compile_spec

HERE = Path(__file__).resolve().parent / "gaps"
EXPECTED = HERE / "expected"
RUNTIME = ("dify/models/runtime/", "maibot/runtime/")


def rendered() -> dict[str, bytes]:
    files = compile_spec(HERE / "gaps.yaml")[1]
    return {
        name: data
        for name, data in files.items()
        if not name.startswith(RUNTIME) or name.endswith("/config.py") or name.endswith(".gitattributes")
    }


FILES = rendered()

if os.environ.get("GOLDEN_UPDATE"):
    for name, data in FILES.items():
        (EXPECTED / name).parent.mkdir(parents=True, exist_ok=True)
        (EXPECTED / name).write_bytes(data)


@pytest.mark.parametrize("relative", sorted(FILES))
def test_gaps_file_matches_golden(relative: str) -> None:
    expected = EXPECTED / relative
    assert expected.is_file(), f"{relative} is rendered but not committed (GOLDEN_UPDATE=1 writes it)"
    assert FILES[relative] == expected.read_bytes(), f"{relative} differs from tests/golden/gaps/expected/"


def test_no_stray_golden_file() -> None:
    committed = {str(p.relative_to(EXPECTED)) for p in EXPECTED.rglob("*") if p.is_file()}
    assert committed == set(FILES)
