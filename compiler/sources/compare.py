"""How faithful an import is: build the imported spec, then compare the built Dify plugin's YAML with
the source plugin's field by field (models present both ways; prices and texts counted apart)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiler.build import compile_spec, subtree
from compiler.sources.emit import emit_spec
from compiler.sources.imported import Imported
from compiler.sources.plugin_models import FOLDERS, glob_match
from compiler.sources.rules import DIFY_TEMPLATES
from compiler.sources.yamlread import Source, load_yaml

GROUPS = ("fields", "prices", "texts", "form")  # form: the customizable-model form, compared apart
TEXT_KEYS = {"label", "help", "description", "placeholder", "title"}
# What Dify reads for a key a rule or a credential field leaves out (dify_plugin, entities/model/schema.py
# ParameterRule: required False, options []; entities/model/provider.py CredentialFormSchema: required True,
# max_length 0, show_on []). The built side's rules and fields get them before comparing, so an official
# `required: false` equals a rule that leaves it out; a rule or field the build lacks still differs in every key.
RULE_DEFAULTS: dict[str, Any] = {"required": False, "options": []}
FIELD_DEFAULTS: dict[str, Any] = {"required": True, "max_length": 0, "show_on": []}


def write_spec(imported: Imported, folder: Path) -> Path:
    """The spec (and its icons) in `folder`, as the import command writes them."""
    path = folder / f"{imported.data['name']}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(emit_spec(imported.data, imported.header()), encoding="utf-8")
    for relative, data in imported.files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    return path


def build_dify(spec: Path) -> dict[str, bytes]:
    """The built Dify plugin's files (relative to its root)."""
    return subtree(compile_spec(spec)[1], "dify")


@dataclass
class Tally:
    """Fields compared, split into the general ones, prices, texts and the customizable-model form."""

    equal: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GROUPS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GROUPS, 0))
    differing: list[str] = field(default_factory=list)

    def add(self, path: str, mine: Any, theirs: Any) -> None:
        group = "form" if "model_credential_schema" in path else "prices" if "pricing" in path else "fields"
        group = "texts" if group == "fields" and TEXT_KEYS & set(path.split(".")) else group
        self.total[group] += 1
        if canonical(mine) == canonical(theirs):
            self.equal[group] += 1
        else:
            self.differing.append(f"{path}: {theirs!r} -> {mine!r}")

    def share(self, group: str) -> float:
        return self.equal[group] / self.total[group] if self.total[group] else 1.0


def canonical(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = float(value)
    elif isinstance(value, str):
        try:
            value = float(value) if value.strip() and value.replace(".", "", 1).isdigit() else value
        except ValueError:
            pass
    return json.dumps(value, sort_keys=True, default=str)


def predefined_globs(source: Source) -> list[str]:
    """The model-file globs of the plugin's provider YAML (`models.<kind>.predefined`), or each kind
    folder's own files where it names none: a YAML in a subfolder it does not name is the plugin's
    own data (bedrock's model_configurations/), not a model Dify lists."""
    for path in sorted(p for p in source.files if p.startswith("provider/") and p.endswith((".yaml", ".yml"))):
        data = load_yaml(source, path)
        if isinstance(data, dict) and isinstance(data.get("models"), dict):
            sections = [s for s in data["models"].values() if isinstance(s, dict)]
            globs = [str(g) for s in sections for g in s.get("predefined") or ()]
            if globs:
                return globs
    return [f"models/{folder}/*.yaml" for folder in FOLDERS]


def models_of(files: dict[str, bytes]) -> dict[tuple[str, str], dict]:
    """Every model YAML of a plugin's files (as its provider YAML's globs name them), by (kind folder, model id)."""
    source = Source("plugin", files)
    globs, out = predefined_globs(source), {}
    for path in files:
        parts = path.split("/")
        if parts[0] == "models" and parts[1:2] and parts[1] in FOLDERS and any(glob_match(path, g) for g in globs):
            if parts[-1] != "_position.yaml":
                data = load_yaml(source, path)
                if isinstance(data, dict) and "model" in data:
                    out[(parts[1], str(data["model"]))] = data
    return out


def flatten(value: Any, prefix: str, out: dict[str, Any]) -> dict[str, Any]:
    if isinstance(value, dict):
        for key, item in value.items():
            flatten(item, f"{prefix}.{key}" if prefix else str(key), out)
    else:
        out[prefix] = value
    return out


def resolved_rules(rules: list, defaults: dict[str, Any] | None = None) -> dict[str, dict]:
    """Rules by name with their template (and `defaults` under it) filled in, as Dify reads them."""
    out = {}
    for rule in rules or []:
        if isinstance(rule, dict):
            base = dict(defaults or {}) | DIFY_TEMPLATES.get(rule.get("use_template") or "", {})
            out[str(rule.get("name"))] = base | {k: v for k, v in rule.items() if k not in ("use_template", "name")}
    return out


def model_view(model: dict, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    view = {k: v for k, v in model.items() if k not in ("parameter_rules", "model")}
    view["parameter_rules"] = resolved_rules(model.get("parameter_rules"), defaults)
    return flatten(view, "", {})


def compare_models(built: dict[str, bytes], official: dict[str, bytes], tally: Tally) -> tuple[int, int]:
    """Compare the models both have, field by field over the official model's fields; (present, official)."""
    mine, theirs = models_of(built), models_of(official)
    for key, model in theirs.items():
        if key in mine:
            ours = model_view(mine[key], RULE_DEFAULTS)
            for path, value in model_view(model).items():
                tally.add(f"{key[1]}.{path}", ours.get(path), value)
    return sum(key in mine for key in theirs), len(theirs)


def provider_view(provider: dict, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    """The provider YAML's declarative fields, credential forms keyed by variable (order aside; each
    field with `defaults` under what it says)."""
    view: dict[str, Any] = {k: provider.get(k) for k in ("label", "description", "background", "help")}
    view["supported_model_types"] = sorted(provider.get("supported_model_types") or [])
    view["configurate_methods"] = sorted(provider.get("configurate_methods") or [])
    for form in ("provider_credential_schema", "model_credential_schema"):
        for item in (provider.get(form) or {}).get("credential_form_schemas") or []:
            view[f"{form}.{item.get('variable')}"] = (defaults or {}) | {
                k: v for k, v in item.items() if k != "variable"
            }
    return flatten(view, "", {})


def compare_provider(built: dict[str, bytes], official: dict[str, bytes], tally: Tally) -> None:
    def provider(files: dict[str, bytes]) -> dict:
        path = next(p for p in files if p.startswith("provider/") and p.endswith(".yaml"))
        return load_yaml(Source("plugin", files), path)

    ours = provider_view(provider(built), FIELD_DEFAULTS)
    for path, value in provider_view(provider(official)).items():
        tally.add(f"provider.{path}", ours.get(path), value)
