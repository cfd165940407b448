"""A plugin's files, read once into memory from a folder or a .difypkg (a zip), with the care an
untrusted archive needs: no path that leaves the plugin, no links, caps on entry count and size (a
zip bomb is refused by its declared sizes before anything is inflated, and again while inflating)."""

from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from compiler.errors import Diagnostic, UserError

MAX_FILES = 5000
MAX_ENTRY_BYTES = 8 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed, for entries over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
SKIPPED_DIRS = {".git", ".venv", "venv", "__pycache__", "node_modules", ".mypy_cache", ".pytest_cache"}


class SourceError(UserError):
    """A source the importer refuses: the message says why, `file` (and `line`) where."""

    def __init__(self, file: str, message: str, line: int | None = None, col: int | None = None) -> None:
        super().__init__(message)
        self.file, self.line, self.col = file, line, col

    def diagnostics(self) -> list[Diagnostic]:
        return [Diagnostic("error", self.file, str(self), self.line, self.col)]


@dataclass(frozen=True)
class Source:
    """The plugin's files (POSIX path relative to the plugin root → bytes) and how to name them."""

    shown: str
    files: dict[str, bytes]

    def where(self, path: str) -> str:
        return f"{self.shown}/{path}" if not self.shown.endswith(".difypkg") else f"{self.shown}!{path}"

    def text(self, path: str) -> str:
        try:
            return self.files[path].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = self.files[path][: exc.start].count(b"\n") + 1
            raise SourceError(self.where(path), f"not UTF-8 text (byte {exc.start})", line) from exc


def read_source(path: Path) -> Source:
    """The plugin at `path`: a folder, or a .difypkg/.zip archive."""
    if path.is_symlink():
        raise SourceError(str(path), "the plugin path is a symbolic link; give the real folder or package")
    if path.is_dir():
        return Source(str(path), read_folder(path))
    if path.is_file() and zipfile.is_zipfile(path):
        return Source(str(path), read_package(path))
    if path.is_file():
        raise SourceError(str(path), "not a plugin folder nor a .difypkg (zip) package")
    raise SourceError(str(path), "no such file or folder")


def checked_name(shown: str, name: str) -> str:
    """A member name as a safe relative POSIX path, or a SourceError: nothing absolute, no `..`, no
    backslashes or drive letters that a Windows reader would take as a way out."""
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":") or "\0" in name:
        raise SourceError(shown, f"archive member {name!r} has an absolute or non-POSIX path")
    parts = PurePosixPath(name).parts
    if any(part == ".." for part in parts):
        raise SourceError(shown, f"archive member {name!r} leaves the plugin folder (`..`)")
    return "/".join(part for part in parts if part != ".")


def read_package(path: Path) -> dict[str, bytes]:
    shown = str(path)
    with zipfile.ZipFile(path) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        check_entries(shown, infos)
        files = {}
        for info in infos:
            name = checked_name(shown, info.filename)
            if name in files:
                raise SourceError(shown, f"archive member {name!r} appears twice")
            files[name] = inflate(shown, archive, info)
        return files


def check_entries(shown: str, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse by what the archive declares, before inflating anything."""
    if len(infos) > MAX_FILES:
        raise SourceError(shown, f"archive has {len(infos)} files, more than {MAX_FILES}")
    total = 0
    for info in infos:
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise SourceError(shown, f"archive member {info.filename!r} is a symbolic link")
        if info.file_size > MAX_ENTRY_BYTES:
            raise SourceError(
                shown, f"archive member {info.filename!r} is {info.file_size} bytes, over {MAX_ENTRY_BYTES}"
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise SourceError(shown, f"archive member {info.filename!r} inflates {ratio:.0f}:1 (a zip bomb?)")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise SourceError(shown, f"archive inflates to more than {MAX_TOTAL_BYTES} bytes")


def inflate(shown: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, never more than the cap whatever its header claims."""
    with archive.open(info) as handle:
        data = handle.read(MAX_ENTRY_BYTES + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise SourceError(shown, f"archive member {info.filename!r} inflates past {MAX_ENTRY_BYTES} bytes")
    return data


def read_folder(root: Path) -> dict[str, bytes]:
    """Every file under `root` (tool and cache folders left out); a link anywhere is refused, so the
    plugin cannot make the importer read outside itself: links are never followed (a package, which
    is what travels, is refused for having one)."""
    shown, files, total = str(root), {}, 0
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(names) + [d for d in dirs if (Path(folder) / d).is_symlink()]:
            full = Path(folder) / name
            relative = full.relative_to(root).as_posix()
            if full.is_symlink():
                continue  # never followed: what it points to is not the plugin's to give
            size = full.stat().st_size
            if size > MAX_ENTRY_BYTES:
                raise SourceError(f"{shown}/{relative}", f"is {size} bytes, over {MAX_ENTRY_BYTES}")
            total += size
            if len(files) >= MAX_FILES or total > MAX_TOTAL_BYTES:
                raise SourceError(shown, f"the plugin has more than {MAX_FILES} files or {MAX_TOTAL_BYTES} bytes")
            files[relative] = full.read_bytes()
    return files
