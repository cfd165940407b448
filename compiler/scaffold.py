"""`new`: a commented spec (and an icon) to start a provider from. Its modeline names a schema file that
exists: the project's, or one written beside the specs when the project has none."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from compiler.errors import UserError
from compiler.lower import NAME_RE
from compiler.project import build_command
from compiler.render import render
from compiler.schema import SCHEMA_FILE, schema_text
from compiler.write import write_file


class ScaffoldError(UserError):
    """The spec cannot be scaffolded (a bad name, a file already there); nothing was written."""


@dataclass(frozen=True)
class Scaffold:
    spec: Path
    icon: Path
    schema: Path | None  # the schema file written because the modeline would have named a missing one
    build: str  # how to compile it here


def refuse(name: str, paths: tuple[Path, ...]) -> None:
    """ScaffoldError for a name Dify and MaiBot would refuse, or a file that would be overwritten."""
    if not NAME_RE.match(name):
        raise ScaffoldError(f"name must match {NAME_RE.pattern}, got {name!r}")
    for path in paths:
        if path.exists():
            raise ScaffoldError(f"{path} already exists; nothing written")


def scaffold(name: str, author: str, specs_dir: Path, schema_home: Path, start: Path) -> Scaffold:
    """specs_dir/NAME.yaml and specs_dir/icons/NAME.svg, and schema_home's schema file when it is missing."""
    spec, icon, schema_file = specs_dir / f"{name}.yaml", specs_dir / "icons" / f"{name}.svg", schema_home / SCHEMA_FILE
    refuse(name, (spec, icon))
    label = " ".join(part.capitalize() for part in name.replace("_", "-").split("-") if part) or name
    build, schema = build_command(start, spec.as_posix()), Path(os.path.relpath(schema_file, specs_dir)).as_posix()
    context = {
        "name": name,
        "label": label,
        "author": author,
        "spec": spec.as_posix(),
        "schema": schema,
        "build": build,
    }
    text = render("spec/new.yaml.jinja", context)
    written = None if schema_file.is_file() else schema_file
    if written:
        write_file(written, schema_text().encode("utf-8"))
    write_file(icon, render("spec/icon.svg.jinja", {"initial": label[:1].upper()}).encode("utf-8"))
    write_file(spec, text.encode("utf-8"))
    return Scaffold(spec, icon, written, build)
