"""Diagnostics: located problems, collected and reported together by the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem, located in a file (and a path inside the spec when known)."""

    level: Level
    file: str
    message: str
    line: int | None = None
    col: int | None = None
    path: str = ""

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.col or 0, self.level)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        subject = f"{self.path}: " if self.path else ""
        return f"{where}: {self.level}: {subject}{self.message}"


class CompileError(Exception):
    """Raised by any stage that cannot go on; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics
