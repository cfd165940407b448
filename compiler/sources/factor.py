"""Spec data people can read: what most models of a kind share moves to `defaults`, rule lists several
models share become named `parameter_sets`, so a 94-model plugin reads like a hand-written spec."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

# Fields a kind's defaults may carry (prices: only their unit and currency; the numbers stay per model).
SHARED = ("mode", "context_size", "max_output_tokens", "max_chunks", "features", "parameters")
SHARED += ("file_upload_limit", "supported_file_extensions", "word_limit", "audio_type", "max_workers")
# and a generated plugin's request settings (its config's KIND_SETTINGS are its kinds' defaults)
SHARED += ("protocol", "input_type", "invoke_body", "encoding", "stream", "system_messages")


def key(value: Any) -> str:
    return json.dumps(value, default=str)  # key order counts: the YAML a model writes keeps it


def factor(models: list[dict]) -> tuple[dict[str, dict], dict[str, list], list[dict]]:
    """(defaults by kind, parameter sets, models without what they inherit)."""
    defaults: dict[str, dict] = {}
    for kind in dict.fromkeys(m.get("type", "llm") for m in models):
        group = [m for m in models if m.get("type", "llm") == kind]
        shared = common_fields(group) | common_pricing(group)
        if shared:
            defaults[kind] = shared
    models = [inherit(m, defaults.get(m.get("type", "llm"), {})) for m in models]
    sets, models = parameter_sets(models)
    return defaults, sets, models


def majority(values: list[Any]) -> Any | None:
    """The value more than half of them (and at least two) have, else None."""
    if len(values) < 2:
        return None
    counts = Counter(key(v) for v in values)
    best, count = counts.most_common(1)[0]
    return next(v for v in values if key(v) == best) if count >= 2 and count * 2 > len(values) else None


def common_fields(group: list[dict]) -> dict:
    """Each field every model of the group has, whose value most of them share."""
    out = {}
    for field in SHARED:
        if all(field in m for m in group):
            value = majority([m[field] for m in group])
            if value is not None:
                out[field] = value
    return out


def common_pricing(group: list[dict]) -> dict:
    priced = [m["pricing"] for m in group if "pricing" in m]
    shared = {}
    for field in ("per", "unit", "currency"):
        if priced and all(field in p for p in priced):
            value = majority([p[field] for p in priced]) if len(priced) > 1 else priced[0][field]
            if value is not None:
                shared[field] = value
    return {"pricing": shared} if shared else {}


def inherit(model: dict, shared: dict) -> dict:
    """The model without the values it now takes from its kind's defaults."""
    out = {}
    for field, value in model.items():
        if field == "pricing":
            own = {k: v for k, v in value.items() if shared.get("pricing", {}).get(k) != v}
            if own:
                out[field] = own
        elif field not in shared or key(shared[field]) != key(value):
            out[field] = value
    return out


def parameter_sets(models: list[dict]) -> tuple[dict[str, list], list[dict]]:
    """Rule lists of two or more rules that two or more models declare become sets named after the
    first model that uses them (`like-<model>`), each model then using its set."""
    counts = Counter(key(m["parameters"]) for m in models if len(m.get("parameters") or []) > 1)
    names: dict[str, str] = {}
    sets: dict[str, list] = {}
    for model in models:
        rules = model.get("parameters")
        if rules and counts[key(rules)] > 1 and key(rules) not in names:
            name = set_name(model["name"], sets)
            names[key(rules)], sets[name] = name, rules
    out = []
    for model in models:
        rules = model.get("parameters")
        if rules and key(rules) in names:
            model = {**model, "parameters": [{"use": names[key(rules)]}]}
        out.append(model)
    return sets, out


def set_name(model: str, taken: dict) -> str:
    base = "like-" + (re.sub(r"[^a-z0-9]+", "-", model.split("/")[-1].lower()).strip("-") or "model")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name
