"""Specs written by tests as data, compiled into a folder the plugin runners can start."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from compiler.build import compile_spec
from compiler.write import write_tree

ROOT = Path(__file__).resolve().parents[2]


def compile_to(folder: Path, spec: dict[str, Any]) -> tuple[Path, dict[str, bytes]]:
    """`spec` (its icon is `icons/s.svg`) written into `folder`, compiled, and its output tree written
    to `folder/out/<name>`: that tree's path, and its files (relative path → bytes)."""
    (folder / "icons").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "specs" / "icons" / "acme_s.svg", folder / "icons" / "s.svg")
    path = folder / f"{spec['name']}.yaml"
    path.write_text(json.dumps(spec))  # JSON is YAML
    _, files = compile_spec(path)
    write_tree(folder / "out" / spec["name"], files)
    return folder / "out" / spec["name"], files
