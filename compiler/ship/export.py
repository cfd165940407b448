"""`export-maibot`: a spec's MaiBot plugin at the root of a folder (a clone of the plugin's own repository,
or a new folder), as MaiBot installs plugins: from a repository root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compiler.ship import ShipError
from compiler.write import existing_files, write_file

# Folders of an exported MaiBot repository that only the export writes: stale files there are removed.
EXPORT_OWNS = ("runtime/",)


@dataclass(frozen=True)
class Exported:
    """What an export did: files written, left as they were, deleted (stale, in folders it owns), and
    files that are not the plugin's, left alone."""

    written: tuple[str, ...]
    unchanged: int
    deleted: tuple[str, ...]
    others: tuple[str, ...]


def export(plugin: dict[str, bytes], folder: Path) -> Exported:
    """The plugin's files (relative path → bytes) written at the root of `folder`; files it does not
    write are kept (the clone's .git/, a changelog), except stale ones in the folders it owns."""
    if folder.exists() and not folder.is_dir():
        raise ShipError(f"{folder} is not a folder; nothing written")
    present = {path for path in existing_files(folder) if not path.startswith(".git/")}
    stale = sorted(path for path in present - set(plugin) if path.startswith(EXPORT_OWNS))
    written = tuple(path for path, data in plugin.items() if write_file(folder / path, data))
    for path in stale:
        (folder / path).unlink()
    others = tuple(sorted(present - set(plugin) - set(stale)))
    return Exported(written, len(plugin) - len(written), tuple(stale), others)
