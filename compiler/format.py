"""Post-processing: black for Python, parse-back for YAML and JSON to prove they are valid."""

from __future__ import annotations

import json
from pathlib import Path

import black
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from compiler.errors import CompileError, Diagnostic

BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY312})
FAILED_DIR = Path(".compiler-failed")


def format_file(output: str, template: str, text: str) -> str:
    """Return the final text of `output`, or fail naming the template that produced it."""
    try:
        if output.endswith(".py"):
            return black.format_str(text, mode=BLACK_MODE)
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
