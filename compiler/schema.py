"""The JSON Schema of the spec language, for editors (yaml-language-server reads the modeline
`# yaml-language-server: $schema=spec.schema.json` at the top of every spec)."""

from __future__ import annotations

import json

from compiler.spec import Spec

SCHEMA_FILE = "spec.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"


def schema_text() -> str:
    """The schema as committed in specs/spec.schema.json (stable key order, trailing newline)."""
    schema = Spec.model_json_schema(by_alias=True)
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Provider spec",
        "description": "One LLM provider, compiled into a Dify model plugin and a MaiBot plugin "
        "(python -m compiler build specs/<name>.yaml).",
    }
    return json.dumps(head | {k: v for k, v in schema.items() if k not in head}, indent=2, ensure_ascii=False) + "\n"
