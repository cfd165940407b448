"""What a spec change does at model level, read from the Dify model files before (on disk) and
after (compiled): one screen for a reviewer instead of a long YAML diff."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from compiler.build import Compiled
from compiler.drift import KIND_WORDS, Review, RuntimeDrift, plural, review
from compiler.errors import Diagnostic
from compiler.model import unit_label


def model_files(files: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    """Model name → its Dify model YAML, from a tree (relative path → bytes)."""
    yaml = YAML(typ="safe")
    models = {}
    for relative, data in sorted(files.items()):
        parts = relative.split("/")
        if len(parts) == 4 and parts[:2] == ["dify", "models"] and parts[3].endswith(".yaml"):
            if parts[3] != "_position.yaml":
                doc = yaml.load(data)
                models[doc["model"]] = doc
    return models


def manifest_version(files: dict[str, bytes]) -> str | None:
    data = files.get("dify/manifest.yaml")
    return str(YAML(typ="safe").load(data).get("version")) if data else None


@dataclass(frozen=True)
class Changes:
    """What one spec changes at model level: the version, and models added, removed and changed."""

    provider: str
    spec: str
    before: str | None  # the version on disk (None: nothing on disk)
    after: str | None
    added: tuple[dict[str, str], ...] = ()  # {model, type, headline}
    removed: tuple[dict[str, str], ...] = ()  # {model, type}
    changed: tuple[dict[str, Any], ...] = ()  # {model, changes: [...]}

    def lines(self) -> list[str]:
        """The summary as a reviewer reads it (empty when neither the models nor the version change)."""
        lines = [f"  + {m['model']} ({m['type']}): {m['headline']}" for m in self.added]
        lines += [f"  - {m['model']} ({m['type']})" for m in self.removed]
        lines += [f"  ~ {m['model']}: " + "; ".join(m["changes"]) for m in self.changed]
        if lines or self.before != self.after:
            moved = self.before and self.before != self.after
            lines.insert(
                0,
                (
                    f"{self.provider}: version {self.before} → {self.after}"
                    if moved
                    else f"{self.provider}: version {self.after}"
                ),
            )
        return lines


def changes(provider: str, spec: str, before: dict[str, bytes], after: dict[str, bytes]) -> Changes:
    """The model-level change from the tree on disk to the compiled one."""
    old, new = model_files(before), model_files(after)
    return Changes(
        provider,
        spec,
        manifest_version(before),
        manifest_version(after),
        tuple({"model": m, "type": new[m]["model_type"], "headline": headline(new[m])} for m in new if m not in old),
        tuple({"model": m, "type": old[m]["model_type"]} for m in old if m not in new),
        tuple({"model": m, "changes": c} for m in new if m in old and (c := model_changes(old[m], new[m]))),
    )


def review_changes(
    compiled: list[Compiled], trees: dict[str, dict[str, bytes]]
) -> tuple[list[Changes], list[Diagnostic]]:
    """Each spec's model-level changes against its tree on disk, and a warning for each spec whose output
    changes while its version does not (Dify refuses to install a version it already has)."""
    found, warnings = [], []
    for c in compiled:
        before = trees[c.provider.name]
        found.append(changes(c.provider.name, c.spec.as_posix(), before, c.files))
        if before and before != c.files and manifest_version(before) == c.provider.version:
            message = f"generated output changes but version stays {c.provider.version}; Dify refuses to install a version it already has, so bump `version`"
            warnings.append(Diagnostic("warning", c.spec.as_posix(), message))
    return found, warnings


def runtime_line(drift: RuntimeDrift) -> str:
    """One runtime change in the model-level summary: how many files and providers it touches."""
    verb = KIND_WORDS[drift.kind][0]
    return (
        f"runtime: {plural(len(drift.paths), 'file')} {verb} in {plural(drift.providers, 'provider')} ({drift.module})"
    )


def headline(doc: dict[str, Any]) -> str:
    props = doc.get("model_properties") or {}
    parts = [f"context {props.get('context_size')}"]
    if doc.get("pricing"):
        parts.append(price(doc["pricing"]))
    return ", ".join(parts)


def price(pricing: dict[str, Any]) -> str:
    unit = unit_label(str(pricing.get("unit")))
    output = f" / {pricing['output']} out" if "output" in pricing else ""
    return f"{pricing.get('input')} in{output} {pricing.get('currency', '')} per {unit}".replace("  ", " ")


def model_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    changes = []
    for key in ("context_size", "mode"):
        a, b = (old.get("model_properties") or {}).get(key), (new.get("model_properties") or {}).get(key)
        if a != b:
            changes.append(f"{key} {a} → {b}")
    if old.get("pricing") != new.get("pricing"):
        a = price(old["pricing"]) if old.get("pricing") else "free"
        b = price(new["pricing"]) if new.get("pricing") else "free"
        changes.append(f"price {a} → {b}")
    a, b = old.get("features") or [], new.get("features") or []
    if a != b:
        delta = [f"+{f}" for f in b if f not in a] + [f"-{f}" for f in a if f not in b]
        changes.append("features " + (" ".join(delta) or "reordered"))
    changes += parameter_changes(old.get("parameter_rules") or [], new.get("parameter_rules") or [])
    if bool(old.get("deprecated")) != bool(new.get("deprecated")):
        changes.append("deprecated" if new.get("deprecated") else "no longer deprecated")
    if (old.get("label") or {}).get("en_US") != (new.get("label") or {}).get("en_US"):
        changes.append(f"label {old['label'].get('en_US')!r} → {new['label'].get('en_US')!r}")
    return changes


def parameter_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    a, b = {r["name"]: r for r in old}, {r["name"]: r for r in new}
    changes = [f"parameter +{n}" for n in b if n not in a] + [f"parameter -{n}" for n in a if n not in b]
    for name in b:
        if name in a and a[name] != b[name]:
            keys = sorted(set(a[name]) | set(b[name]))
            diffs = [f"{k} {a[name].get(k)} → {b[name].get(k)}" for k in keys if a[name].get(k) != b[name].get(k)]
            changes.append(f"parameter {name}: " + ", ".join(diffs))
    return changes


def review_all(
    compiled: list[Compiled], out: Path, everything: bool, specs_dir: Path
) -> tuple[Review, list[Changes], list[Diagnostic]]:
    """The compiled specs against the output tree (`everything`: stray folders and the schema too), their
    model-level changes, and the version warnings."""
    result = review(compiled, out, everything, specs_dir)
    return result, *review_changes(compiled, result.trees)
