"""Targets turn the intermediate model into a plan of files; they do no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Job:
    """Render `template` (under templates/) with `context` into `output` (relative path)."""

    template: str
    output: str
    context: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Copy:
    """Copy `source` byte for byte to `output`."""

    source: Path
    output: str
