"""Golden records: the committed generated/ trees are the expected output, byte for byte.

Regenerate with `make build SPEC=specs/<name>.yaml` and review the git diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.build import compile_spec
from compiler.write import existing_files
from tests.sample import per_spec

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.yaml"))
ACME_FILES = compile_spec(ROOT / "specs" / "acme.yaml")[1]


@pytest.mark.parametrize("relative", sorted(ACME_FILES))
def test_acme_file_matches_golden(relative: str) -> None:
    expected = ROOT / "generated" / "acme" / relative
    assert expected.is_file(), f"{relative} is generated but not committed"
    assert ACME_FILES[relative] == expected.read_bytes(), f"{relative} differs from generated/acme/{relative}"


@pytest.mark.parametrize("spec", per_spec(SPECS))
def test_generated_tree_is_up_to_date(spec: Path) -> None:
    provider, files = compile_spec(spec)
    committed = ROOT / "generated" / provider.name
    on_disk = existing_files(committed)
    assert on_disk == set(files), f"files differ: missing {set(files) - on_disk}, stray {on_disk - set(files)}"
    stale = [name for name, data in files.items() if (committed / name).read_bytes() != data]
    assert not stale, f"regenerate with `make build SPEC={spec.relative_to(ROOT)}`: {stale}"


def test_no_generated_tree_without_a_spec() -> None:
    trees = {p.name for p in (ROOT / "generated").iterdir() if p.is_dir()}
    assert trees == {s.stem for s in SPECS}
