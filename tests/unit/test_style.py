"""The project's own formatting settings, which generated output shares."""

from __future__ import annotations

import tomllib
from pathlib import Path

from compiler import format as fmt

ROOT = Path(__file__).resolve().parents[2]


def test_generated_code_uses_the_projects_black_width() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["black"]
    assert settings["line-length"] == fmt.LINE_LENGTH
    assert f"line-length={fmt.LINE_LENGTH}" in fmt.BLACK_MODE_KEY
