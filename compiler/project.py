"""The project the tool runs in: its folders (`[tool.provider-compiler]` in the nearest pyproject.toml),
its root, and how a build is started there (a Makefile's `build` target, else the tool itself)."""

from __future__ import annotations

import dataclasses
import os
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from compiler.errors import UserError

TOOL = "provider-compiler"
MAKE_BUILD_RE = re.compile(r"^build\s*:", re.MULTILINE)


class ConfigError(UserError):
    """The project's pyproject.toml (`file`) says something the tool cannot use; the message says what."""

    def __init__(self, file: Path, message: str) -> None:
        super().__init__(message)
        self.file = str(file)


@dataclasses.dataclass(frozen=True)
class Folders:
    """Where specs are read from, plugins written to and packages put: `[tool.provider-compiler]` in
    the nearest pyproject.toml (keys `specs`, `out`, `dist`, relative to that file), else specs/,
    generated/ and dist/ in the current directory; flags override."""

    specs: Path = Path("specs")
    out: Path = Path("generated")
    dist: Path = Path("dist")
    source: Path | None = None  # the pyproject.toml they came from


def upward(start: Path) -> list[Path]:
    """`start` and the folders above it, up to the git root (the folder holding .git) when there is one."""
    chain = []
    for folder in (start.resolve(), *start.resolve().parents):
        chain.append(folder)
        if (folder / ".git").exists():
            break
    return chain


def folders(start: Path) -> Folders:
    """The folders of the nearest pyproject.toml upward from `start` with a [tool.provider-compiler] table."""
    for folder in upward(start):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            import tomllib  # only where a pyproject.toml is found

            try:
                table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get(TOOL)
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(pyproject, f"not valid TOML: {exc}") from None
            if table is not None:
                return read_folders(pyproject, table, start)
    return Folders()


def read_folders(pyproject: Path, table: object, start: Path) -> Folders:
    """The table's folders, relative to `start`; ConfigError for anything but known keys holding paths."""
    where = f"[tool.{TOOL}]"
    if not isinstance(table, dict):
        raise ConfigError(pyproject, f"{where} must be a table")
    unknown = sorted(set(table) - {"specs", "out", "dist"})
    if unknown:
        raise ConfigError(pyproject, f"{where}: unknown key {unknown[0]!r} (known: specs, out, dist)")
    paths = {}
    for key, value in table.items():
        if not isinstance(value, str) or not value:
            raise ConfigError(pyproject, f"{where}: {key} must be a folder path (a string)")
        paths[key] = Path(os.path.relpath(pyproject.parent / value, start))
    return Folders(**paths, source=pyproject)


def project_root(start: Path) -> Path:
    """The git root above `start` (the folder holding .git), else `start`."""
    chain = upward(start)
    return chain[-1] if (chain[-1] / ".git").exists() else start.resolve()


def build_command(start: Path, spec: str = "") -> str:
    """How to rebuild here: `make build` where the project root's Makefile has a build target (this
    repository's), else the tool itself, which is all an installed copy can count on."""
    makefile = project_root(start) / "Makefile"
    if makefile.is_file() and MAKE_BUILD_RE.search(makefile.read_text(encoding="utf-8", errors="replace")):
        return f"make build SPEC={spec}" if spec else "make build"
    return f"{TOOL} build {spec}".rstrip()


def tool_version() -> str:
    """The installed distribution's version (a source checkout run without installing has none)."""
    try:
        return version(TOOL)
    except PackageNotFoundError:
        return "unknown (not installed)"
