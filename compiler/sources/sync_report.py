"""sync's report: one line per field (model, field, old → new, source), as text and as Markdown for a
pull request's body. Kept values and values that cannot be compared are listed with their reason."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from compiler.sources.sync import Change

VERBS = {
    "changed": "",
    "added": "new model",
    "deprecated": "",
    "kept": "kept",
    "skipped": "not compared",
    "left out": "left out",
}


def line(c: Change) -> str:
    if c.action == "added":
        return f"{c.model}: new model ({c.source})"
    if c.action == "left out":
        return f"{c.model}: left out ({c.source}; {c.note})"
    what = f"{c.old} → {c.new}" if c.action != "skipped" else c.old
    tail = f"; {VERBS[c.action]}: {c.note}" if c.action in ("kept", "skipped") else ""
    return f"{c.model}: {c.field}: {what} ({c.source}{tail})"


def report_lines(changes: list[Change]) -> list[str]:
    return [line(c) for c in changes]


def summary(changes: list[Change]) -> str:
    """One line: how far the spec lags (none: up to date)."""
    counts = Counter(c.action for c in changes)
    changed = len({c.model for c in changes if c.action == "changed"})
    parts = [f"{counts['changed']} field(s) of {changed} model(s) differ"] if counts["changed"] else []
    parts += [f"{counts['added']} new model(s)"] if counts["added"] else []
    parts += [f"{counts['deprecated']} model(s) to deprecate"] if counts["deprecated"] else []
    parts += [f"{counts['kept']} value(s) kept (sync: keep)"] if counts["kept"] else []
    parts += [f"{counts['left out']} model(s) left out (sync.leave_out)"] if counts["left out"] else []
    parts += [f"{counts['skipped']} not compared"] if counts["skipped"] else []
    lags = counts["changed"] + counts["added"] + counts["deprecated"]
    return ("lags its catalogue: " if lags else "up to date with its catalogue") + (
        ", ".join(parts) if lags else (f" ({', '.join(parts)})" if parts else "")
    )


def cell(text: str) -> str:
    """Table cell text: a pipe or line break in a catalogue's text cannot break the table."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("`", "'")


def markdown(spec: Path, source: str, changes: list[Change]) -> str:
    head = [f"## Sync of `{spec}` with {cell(source)}", "", summary(changes).capitalize() + ".", ""]
    if not changes:
        return "\n".join(head)
    rows = ["| model | field | old | new | source | note |", "|---|---|---|---|---|---|"]
    for c in changes:
        new = "new model" if c.action == "added" else c.new
        note = f"{VERBS[c.action]}: {c.note}" if c.note else VERBS[c.action]
        rows.append("| " + " | ".join(cell(x) for x in (c.model, c.field, c.old, new, c.source, note)) + " |")
    return "\n".join(head + rows) + "\n"
