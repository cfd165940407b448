"""Diagnostics: located problems, collected and reported together by the CLI."""

from __future__ import annotations

from dataclasses import dataclass, replace
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


class UserError(Exception):
    """A step cannot go on for a reason the user can fix (a setting, a file, an address); the message says
    it in one line, never with a secret in it, and `file` is where, when a file is to blame."""

    file: str = ""

    def diagnostics(self) -> list[Diagnostic]:
        return [Diagnostic("error", self.file, str(self))]


class CompileError(Exception):
    """Raised by any stage that cannot go on; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


def strict(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics as --strict reads them: every warning an error, saying why it stops the run."""
    return [
        replace(d, level="error", message=f"{d.message} (--strict)") if d.level == "warning" else d for d in diagnostics
    ]


def error_count(diagnostics: list[Diagnostic]) -> int:
    return sum(d.level == "error" for d in diagnostics)
