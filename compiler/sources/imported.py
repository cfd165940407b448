"""What an importer returns: spec data, the notes it leaves for the author, and the files beside the spec."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """Something the importer saw but cannot express or vouch for: a TODO for the author, located in the
    source (`where` is `file:line` relative to the source, or a catalogue's key path)."""

    where: str
    text: str

    def comment(self) -> str:
        return f"TODO {self.where}: {self.text}"


@dataclass(frozen=True)
class Imported:
    """A spec made from a source. `data` is plain spec data in the order it is to be written; `origin` is
    the provenance lines of the spec's header; `files` are written beside the spec (relative path → bytes:
    icons); `findings` become TODO comments at the top of the spec."""

    data: dict[str, Any]
    origin: list[str]
    files: dict[str, bytes] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def header(self) -> list[str]:
        return self.origin + [finding.comment() for finding in self.findings]
