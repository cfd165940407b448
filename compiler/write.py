"""Put a rendered tree on disk: only changed files are written, stale ones removed."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    deleted: tuple[str, ...]


def existing_files(root: Path) -> set[str]:
    """Every file under `root`, as relative POSIX paths (os.walk: pathlib's per-path objects were
    most of a no-op build's writing time once the specs had hundreds of models)."""
    if not root.is_dir():
        return set()
    found = set()
    for folder, _, names in os.walk(root):
        prefix = os.path.relpath(folder, root).replace(os.sep, "/")
        files = (name for name in names if os.path.isfile(os.path.join(folder, name)))
        found.update(name if prefix == "." else f"{prefix}/{name}" for name in files)
    return found


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (relative POSIX path → bytes); empty when `root` does not exist."""
    return {relative: (root / relative).read_bytes() for relative in sorted(existing_files(root))}


def write_file(target: Path, data: bytes) -> bool:
    """Write `data` atomically (temp file + rename) unless `target` already holds it."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return True


def write_tree(root: Path, files: dict[str, bytes]) -> WriteReport:
    """Make `root` hold exactly `files` (relative POSIX path → bytes)."""
    written, unchanged = [], 0
    inside = os.path.realpath(root)
    for relative in files:  # names are validated upstream; this makes escaping the folder impossible
        target = os.path.realpath(os.path.join(inside, relative))
        if os.path.commonpath((inside, target)) != inside:
            raise ValueError(f"refusing to write outside {root}: {relative!r}")
    for relative, data in sorted(files.items()):
        if write_file(root / relative, data):
            written.append(relative)
        else:
            unchanged += 1
    deleted = sorted(existing_files(root) - set(files))
    for relative in deleted:
        (root / relative).unlink()
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()
    return WriteReport(tuple(written), unchanged, tuple(deleted))
