"""Post-processing: black for Python, parse-back for YAML and JSON to prove they are valid."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import black
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from compiler.errors import CompileError, Diagnostic

BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY312})
FAILED_DIR = Path(".compiler-failed")


def cache_dir() -> Path:
    """Where black's results are kept, keyed by black's version, mode and the input text."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "provider-compiler" / f"black-{black.__version__}"


@cache
def format_python(text: str) -> str:
    """black, memoised in memory and on disk: black is most of a build's time, and a rebuild or
    `check` formats the same texts again. Same input, same black, same output."""
    key = hashlib.sha256(f"{BLACK_MODE!r}\0{text}".encode()).hexdigest()
    entry = cache_dir() / key[:2] / key
    try:
        return entry.read_text(encoding="utf-8")
    except OSError:
        pass
    formatted = black.format_str(text, mode=BLACK_MODE)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(formatted)
        os.replace(tmp, entry)
    except OSError:
        pass  # a read-only home only costs speed
    return formatted


def format_file(output: str, template: str, text: str) -> str:
    """Return the final text of `output`, or fail naming the template that produced it."""
    try:
        if output.endswith(".py"):
            return format_python(text)
        if output.endswith(".yaml"):
            YAML(typ="safe", pure=True).load(text)
        elif output.endswith(".json"):
            json.loads(text)
    except (black.InvalidInput, YAMLError, ValueError) as exc:
        saved = FAILED_DIR / output
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(text, encoding="utf-8")
        message = f"rendered {output} is not valid: {str(exc).splitlines()[0]} (text saved to {saved})"
        raise CompileError([Diagnostic("error", f"templates/{template}", message)]) from exc
    return text
