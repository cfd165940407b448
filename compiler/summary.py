"""What a spec change does at model level, read from the Dify model files before (on disk) and
after (compiled): one screen for a reviewer instead of a long YAML diff."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML

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


def summarize(name: str, before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    """Lines describing the model-level change (empty when no model changed)."""
    old, new = model_files(before), model_files(after)
    lines = []
    for model in new:
        if model not in old:
            lines.append(f"  + {model} ({new[model]['model_type']}): {headline(new[model])}")
    for model in old:
        if model not in new:
            lines.append(f"  - {model} ({old[model]['model_type']})")
    for model in new:
        if model in old and (changes := model_changes(old[model], new[model])):
            lines.append(f"  ~ {model}: " + "; ".join(changes))
    v_old, v_new = manifest_version(before), manifest_version(after)
    if lines or v_old != v_new:
        version = f"version {v_old} → {v_new}" if v_old and v_old != v_new else f"version {v_new}"
        lines.insert(0, f"{name}: {version}")
    return lines


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
