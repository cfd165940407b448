"""Results as the CLI shows them: diagnostics from findings, and the one JSON document `--format json`
prints for check, diff and preflight (shape in the README's "Command line"). Nothing here prints."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from compiler.drift import FileDrift, Review, RuntimeDrift, describe, describe_runtime
from compiler.errors import Diagnostic, error_count

from compiler.summary import Changes, runtime_line

if TYPE_CHECKING:  # the pre-flight is loaded by the commands that run it
    from compiler.ship.preflight import Findings


def diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {"level": d.level, "file": d.file, "line": d.line, "col": d.col, "path": d.path, "message": d.message}


def findings(spec_file: str, errors: list[str], warnings: list[str]) -> list[Diagnostic]:
    """Pre-flight findings as diagnostics located at the spec that made the package."""
    return [Diagnostic("error", spec_file, f"preflight: {m}") for m in errors] + [
        Diagnostic("warning", spec_file, f"preflight: {m}") for m in warnings
    ]


def file_entry(drift: FileDrift) -> dict[str, Any]:
    """A drifted file: its path and kind (a file in no spec's folder is `stray` too), and its diff if changed."""
    entry = {"path": drift.path, "kind": "stray" if drift.kind == "orphan" else drift.kind}
    return entry | ({"diff": drift.diff} if drift.kind == "changed" else {})


def runtime_entry(drift: RuntimeDrift) -> dict[str, Any]:
    entry = {"module": drift.module, "kind": drift.kind, "files": list(drift.paths), "providers": drift.providers}
    return entry | ({"diff": drift.diff} if drift.kind == "changed" else {})


def changes_entries(changes: list[Changes]) -> list[dict[str, Any]]:
    """The specs whose models or version change, as the text summary lists them."""
    return [dataclasses.asdict(c) for c in changes if c.lines()]


def check_document(review: Review, changes: list[Changes], specs: int) -> dict[str, Any]:
    return {
        "drift": [file_entry(d) for d in review.files],
        "runtime": [runtime_entry(r) for r in review.runtime],
        "summary": {"specs": specs, "files": len(review.drifts), "changes": changes_entries(changes)},
    }


def diff_document(changes: list[Changes], runtime: list[RuntimeDrift]) -> dict[str, Any]:
    return {"changes": changes_entries(changes), "runtime": [runtime_entry(r) for r in runtime]}


def preflight_entry(spec_file: str, found: Findings) -> dict[str, Any]:
    """One spec's pre-flight in the JSON document: its findings as found (before --strict) and the serverless start."""
    return {"spec": spec_file, "errors": found.errors, "warnings": found.warnings, "served": found.served}


def verdict(spec_file: str, shown: list[Diagnostic], served: str | None) -> str:
    """The pre-flight's line for one spec, counting its findings as shown (--strict makes warnings errors)."""
    errors = error_count(shown)
    said = f"{errors} error(s)" if errors else "clean"
    return f"{spec_file}: preflight {said}, {len(shown) - errors} warning(s)" + (f"; {served}" if served else "")


def check_text(review: Review, changes: list[Changes]) -> str:
    """`check`'s report of drift: each shared runtime change once, every other file's diff, the model-level summary."""
    text = "".join(map(describe_runtime, review.runtime)) + "".join(map(describe, review.files))
    return text + "".join(f"{line}\n" for c in changes for line in c.lines())


def diff_lines(changes: list[Changes], runtime: list[RuntimeDrift]) -> list[str]:
    """`diff`'s summary: the model-level changes per spec, then each runtime change in one line."""
    return [line for c in changes for line in c.lines()] + [runtime_line(r) for r in runtime]


def document(command: str, own: dict[str, Any], diagnostics: list[Diagnostic]) -> dict[str, Any]:
    """The --format json document: the command, its own results, and every diagnostic of the run."""
    return {"command": command, **own, "diagnostics": [diagnostic(d) for d in diagnostics]}
