"""The project's own packaging: every folder of the compiler and of templates/ is a package of the
distribution, so a non-editable install has them all and setuptools warns of none."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def folders(top: Path, name: str) -> set[str]:
    found = {name}
    for folder in top.rglob("*"):
        if folder.is_dir() and folder.name != "__pycache__" and any(p.is_file() for p in folder.iterdir()):
            found.add(".".join([name, *folder.relative_to(top).parts]))
    return found


def test_every_folder_is_a_listed_package() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    expected = folders(ROOT / "compiler", "compiler") | folders(ROOT / "templates", "compiler._templates")
    assert set(setuptools["packages"]) == expected
    data = set(setuptools["package-data"])
    assert data == {name for name in expected if name.startswith("compiler._templates")}
