"""Compare compiled trees with what is on disk: unified diffs, missing and stray files, and each change to
the copied plugin runtime stated once, however many plugins carry the changed file."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path

from compiler.build import Compiled
from compiler.catalogue import page, page_file
from compiler.schema import SCHEMA_FILE, schema_text
from compiler.write import read_tree

RUNTIME_FOLDERS = ("dify/models/runtime/", "maibot/runtime/")  # where the targets copy compiler/runtime/
RENDERED = frozenset({"config.py"})  # the runtime file rendered per spec: it keeps its own diff
SHOWN_PATHS = 3  # paths a runtime line names; the JSON document lists them all
KIND_WORDS = {  # how a runtime change reads: what happened, and what the build would do
    "changed": ("changed identically", ""),
    "missing": ("missing", "; the build would create them"),
    "stray": ("stray", "; no spec produces them, the build would delete them"),
}


@dataclass(frozen=True)
class FileDrift:
    path: str  # as shown to the user, e.g. generated/acme/dify/manifest.yaml
    kind: str  # changed | missing | stray (inside a provider's folder) | orphan (no spec's folder)
    diff: str = ""
    module: str = ""  # for a copy of the plugin runtime, its module (protocols/openai_chat.py)
    change: str = ""  # for a runtime copy, what happened to it: equal wherever the same change is
    provider: str = ""


@dataclass(frozen=True)
class RuntimeDrift:
    """One change to a runtime module, identical in every plugin file listed."""

    module: str
    kind: str  # changed | missing | stray
    paths: tuple[str, ...]
    providers: int
    diff: str = ""  # one unified diff for all of them (changed only)


@dataclass(frozen=True)
class Review:
    """How the output tree differs from what the specs produce, and the trees read from disk."""

    trees: dict[str, dict[str, bytes]]  # provider name → its tree on disk
    drifts: list[FileDrift]  # every file that differs
    files: list[FileDrift]  # those shown one by one: per-spec files, and runtime copies changed in one place
    runtime: list[RuntimeDrift]  # runtime changes shared by two or more files


def runtime_module(relative: str) -> str:
    """The runtime module a plugin file is a byte-for-byte copy of; '' for per-spec files (config.py too)."""
    for folder in RUNTIME_FOLDERS:
        if relative.startswith(folder) and relative[len(folder) :] not in RENDERED:
            return relative[len(folder) :]
    return ""


def file_drift(root: Path, relative: str, old: bytes | None, new: bytes | None, spec_file: str) -> FileDrift:
    """One differing file; a runtime copy also carries its change, the same wherever that change is."""
    shown, module = (root / relative).as_posix(), runtime_module(relative)
    where = {"module": module, "provider": root.name}
    if old is None:
        return FileDrift(shown, "missing", change=module, **where)
    if new is None:
        return FileDrift(shown, "stray", change=hashlib.sha256(old).hexdigest(), **where)
    change = unified(old, new, f"runtime/{module}", "compiler/runtime") if module else ""
    return FileDrift(shown, "changed", unified(old, new, shown, spec_file), change=change, **where)


def tree_drift(root: Path, on_disk: dict[str, bytes], files: dict[str, bytes], spec_file: str) -> list[FileDrift]:
    """How the tree read from `root` differs from the compiled `files` (relative path → bytes)."""
    out = [
        file_drift(root, r, on_disk.get(r), data, spec_file)
        for r, data in sorted(files.items())
        if on_disk.get(r) != data
    ]
    return out + [file_drift(root, r, on_disk[r], None, spec_file) for r in sorted(set(on_disk) - set(files))]


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


def page_drift(compiled: list[Compiled], specs_dir: Path) -> list[FileDrift]:
    """The catalogue page kept beside the specs (`build` of every spec writes it), where a project keeps one."""
    target = page_file(specs_dir)
    if not target.is_file():
        return []
    old, new = target.read_bytes(), page(compiled).encode("utf-8")
    return (
        [] if old == new else [FileDrift(target.as_posix(), "changed", unified(old, new, target.as_posix(), "specs"))]
    )


def group_runtime(drifts: list[FileDrift], least: int = 2) -> tuple[list[FileDrift], list[RuntimeDrift]]:
    """Runtime copies that changed the same way in at least `least` files, one RuntimeDrift per change;
    the other drifts as they were."""
    groups: dict[tuple[str, str, str], list[FileDrift]] = {}
    for drift in drifts:
        if drift.module:
            groups.setdefault((drift.module, drift.kind, drift.change), []).append(drift)
    shared = [group for group in groups.values() if len(group) >= least]
    grouped = {drift.path for group in shared for drift in group}
    return [drift for drift in drifts if drift.path not in grouped], [runtime_drift(group) for group in shared]


def runtime_drift(group: list[FileDrift]) -> RuntimeDrift:
    """A group of runtime copies with the same change as one RuntimeDrift."""
    first = group[0]
    diff = first.change if first.kind == "changed" else ""
    return RuntimeDrift(first.module, first.kind, tuple(d.path for d in group), len({d.provider for d in group}), diff)


def review(compiled: list[Compiled], out: Path, everything: bool, specs_dir: Path) -> Review:
    """The compiled trees against `out`; with `everything`, also folders no spec produces and the schema."""
    trees = {c.provider.name: read_tree(out / c.provider.name) for c in compiled}
    drifts = [
        d
        for c in compiled
        for d in tree_drift(out / c.provider.name, trees[c.provider.name], c.files, c.spec.as_posix())
    ]
    if everything:
        drifts += stray_providers(out, set(trees)) + schema_drift(specs_dir) + page_drift(compiled, specs_dir)
    files, runtime = group_runtime(drifts)
    return Review(trees, drifts, files, runtime)


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


def describe_runtime(drift: RuntimeDrift) -> str:
    """One line naming the module, the change, how many files and providers carry it, then its one diff."""
    verb, tail = KIND_WORDS[drift.kind]
    names = ", ".join(drift.paths[:SHOWN_PATHS])
    if len(drift.paths) > SHOWN_PATHS:
        names += f", … ({len(drift.paths) - SHOWN_PATHS} more)"
    head = f"runtime: {drift.module} {verb} in {len(drift.paths)} files of {plural(drift.providers, 'provider')}"
    return f"{head} ({names}){tail}\n{drift.diff}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
