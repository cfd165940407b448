"""Snapshots of an output tree for tests that must prove nothing was touched."""

from __future__ import annotations

from pathlib import Path


def tree(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and mtime (relative POSIX path → (bytes, mtime in ns))."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()
    }
