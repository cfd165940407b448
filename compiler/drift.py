"""Compare compiled trees with what is on disk: unified diffs, missing and stray files."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from compiler.build import Compiled
from compiler.schema import SCHEMA_FILE, schema_text
from compiler.write import read_tree


@dataclass(frozen=True)
class FileDrift:
    path: str  # as shown to the user, e.g. generated/acme/dify/manifest.yaml
    kind: str  # changed | missing | stray (inside a provider's folder) | orphan (no spec's folder)
    diff: str = ""


@dataclass(frozen=True)
class Review:
    """How the output tree differs from what the specs produce, and the trees read from disk."""

    trees: dict[str, dict[str, bytes]]  # provider name → its tree on disk
    drifts: list[FileDrift]  # every file that differs


def tree_drift(root: Path, on_disk: dict[str, bytes], files: dict[str, bytes], spec_file: str) -> list[FileDrift]:
    """How the tree read from `root` differs from the compiled `files` (relative path → bytes)."""
    out = []
    for relative, data in sorted(files.items()):
        shown = (root / relative).as_posix()
        if relative not in on_disk:
            out.append(FileDrift(shown, "missing"))
        elif on_disk[relative] != data:
            out.append(FileDrift(shown, "changed", unified(on_disk[relative], data, shown, spec_file)))
    out += [FileDrift((root / r).as_posix(), "stray") for r in sorted(set(on_disk) - set(files))]
    return out


def stray_providers(out: Path, names: set[str]) -> list[FileDrift]:
    """Files under the output root that belong to no compiled provider."""
    if not out.is_dir():
        return []
    strays = []
    for entry in sorted(out.iterdir()):
        if entry.is_dir() and entry.name in names:
            continue
        paths = sorted(p for p in entry.rglob("*") if p.is_file()) if entry.is_dir() else [entry]
        strays += [FileDrift(p.as_posix(), "orphan") for p in paths]
    return strays


def schema_drift(specs_dir: Path) -> list[FileDrift]:
    """The schema kept beside the specs for editors (`schema` writes it), where a project keeps one."""
    schema_file = specs_dir / SCHEMA_FILE
    if schema_file.is_file() and schema_file.read_text(encoding="utf-8") != schema_text():
        return [FileDrift(schema_file.as_posix(), "changed", f"{schema_file} is out of date\n")]
    return []


def review(compiled: list[Compiled], out: Path, everything: bool, specs_dir: Path) -> Review:
    """The compiled trees against `out`; with `everything`, also folders no spec produces and the schema."""
    trees = {c.provider.name: read_tree(out / c.provider.name) for c in compiled}
    drifts = [
        d
        for c in compiled
        for d in tree_drift(out / c.provider.name, trees[c.provider.name], c.files, c.spec.as_posix())
    ]
    if everything:
        drifts += stray_providers(out, set(trees)) + schema_drift(specs_dir)
    return Review(trees, drifts)


def unified(old: bytes, new: bytes, shown: str, spec_file: str) -> str:
    try:
        a, b = old.decode("utf-8"), new.decode("utf-8")
    except UnicodeDecodeError:
        return f"Binary file {shown} differs\n"
    lines = difflib.unified_diff(
        a.splitlines(keepends=True),
        b.splitlines(keepends=True),
        fromfile=f"{shown} (on disk)",
        tofile=f"{shown} (from {spec_file})",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def describe(drift: FileDrift) -> str:
    if drift.kind == "changed":
        return drift.diff
    if drift.kind == "missing":
        return f"missing: {drift.path} (the build would create it)\n"
    if drift.kind == "stray":
        if drift.path.rsplit("/", 1)[-1] == ".env":  # the old way to debug; its key must not be committed
            return f"stray: {drift.path} (a debug key belongs in the repository root's .env: `provider-compiler debug SPEC`)\n"
        return f"stray: {drift.path} (no spec produces it; the build would delete it)\n"
    return f"stray: {drift.path} (no spec in specs/ has this output folder; delete it or restore its spec)\n"
