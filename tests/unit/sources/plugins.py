"""Small Dify plugins written by the tests: YAML with an official plugin's kind of facts, Python of our
own that exercises each pattern the importer recognises."""

from __future__ import annotations

import textwrap
from pathlib import Path

from compiler.sources.compare import write_spec
from compiler.sources.imported import Imported

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>'
MANIFEST = """\
version: 0.0.3
type: plugin
author: tester
name: acmeplug
label: {en_US: Acme Plug}
description: {en_US: A test plugin.}
icon: icon_s.svg
plugins:
  models: [provider/acmeplug.yaml]
created_at: "2025-01-01T00:00:00Z"
repo: https://github.com/tester/acmeplug
"""
PROVIDER = """\
provider: acmeplug
label: {en_US: Acme Plug, zh_Hans: 阿克米}
description: {en_US: A test plugin.}
icon_small: {en_US: icon_s.svg}
background: "#EFF1FE"
help:
  title: {en_US: Get a key}
  url: {en_US: "https://acme.example/keys"}
supported_model_types: [llm]
configurate_methods: [predefined-model]
provider_credential_schema:
  credential_form_schemas:
    - variable: acme_key
      label: {en_US: API Key}
      type: secret-input
      required: true
    - variable: endpoint_url
      label: {en_US: Endpoint}
      type: text-input
      required: false
    - variable: region
      label: {en_US: Region}
      type: select
      required: false
      default: us
      options:
        - {value: us, label: {en_US: US}}
        - {value: eu, label: {en_US: Europe}}
models:
  llm:
    position: models/llm/_position.yaml
    predefined: ["models/llm/*.yaml"]
"""
RULES = """\
parameter_rules:
  - name: temperature
    label: {en_US: Temperature, zh_Hans: 温度}
    type: float
    required: false
    default: 0.0
    min: 0.0
    max: 1.0
    precision: 2
  - name: top_p
    use_template: top_p
  - name: max_tokens
    use_template: max_tokens
    default: 4096
    min: 1
    max: {max}
  - name: seed
    label: {en_US: Seed}
    type: int
    required: false
"""
LLM_PY = """\
import httpx

BASE = "https://api.acme.example/v1"
ALIASES = {"acme-latest": "acme-2"}


def body(model, messages, user, stream):
    data = {"model": ALIASES.get(model, model), "messages": messages}
    if stream:
        data["stream_options"] = {"include_usage": True}
    data["user"] = user
    return httpx.post(BASE + "/chat/completions", json=data)
"""


def model_yaml(name: str, max_tokens: int, price: str = "1", unit: str = "0.000001", extra: str = "") -> str:
    head = f"model: {name}\nlabel: {{en_US: {name}}}\nmodel_type: llm\nfeatures: [tool-call]\n"
    props = "model_properties: {mode: chat, context_size: 32768}\n"
    pricing = f"pricing: {{input: '{price}', output: '2', unit: '{unit}', currency: USD}}\n"
    return head + props + RULES.replace("{max}", str(max_tokens)) + pricing + extra


def write_plugin(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A three-model plugin at `root` (listed out of file order, one not listed), with `files` over it."""
    tree: dict[str, str | bytes] = {
        "manifest.yaml": MANIFEST,
        "provider/acmeplug.yaml": PROVIDER,
        "provider/acmeplug.py": "class Provider:\n    pass\n",
        "_assets/icon_s.svg": SVG,
        "models/llm/_position.yaml": "- acme-2\n- acme-1\n- acme-gone\n",
        "models/llm/a1.yaml": model_yaml("acme-1", 8192),
        "models/llm/a2.yaml": model_yaml("acme-2", 8192, price="3"),
        "models/llm/a3.yaml": model_yaml("acme-3", 16384, extra="deprecated: true\n"),
        "models/llm/llm.py": LLM_PY,
    }
    tree |= files or {}
    for relative, data in tree.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else textwrap.dedent(data).encode())
    return root


def spec_in(imported: Imported, folder: Path) -> Path:
    return write_spec(imported, folder / "specs")
