"""Facts read from a plugin's code that the spec states as data (model-id aliases as `api_id`, the model
credentials are checked with as `credentials.check`), each with the place it was read."""

from __future__ import annotations

from typing import Any

from compiler.sources.imported import Finding
from compiler.sources.scan import Reading

CHECK_FIELDS = ("validate_model", "validation_model", "check_model")


def apply_aliases(models: list[dict], reading: Reading, notes: list[Finding]) -> None:
    """A dict literal whose keys are all model ids of the plugin maps them to the ids the API gets."""
    names = {m["name"]: m for m in models}
    for table, where in reading.mappings:
        wired = {k: v for k, v in table.items() if k in names and v.strip() and v != k}
        if not wired or set(table) - set(names):
            continue
        for name, wire in wired.items():
            model = names[name]
            rest = {k: v for k, v in model.items() if k != "name"}
            model.clear()
            model.update({"name": name, "api_id": wire} | rest)
        notes.append(Finding(where, f"api_id of {len(wired)} models read from this table; check it is the wire id"))


def apply_check(data: dict[str, Any], reading: Reading | None, models: list[dict], notes: list[Finding]) -> None:
    """credentials.check: a credential field named like the official validate_model, else a model id
    the provider's credential check names."""
    credentials = data.setdefault("credentials", {})
    names = {m["name"] for m in models}
    fields = [f for f in credentials.get("extra", []) if f["variable"] in CHECK_FIELDS]
    field = next((f["variable"] for f in fields if f.get("default") in names), None)
    for f in fields:
        if f["variable"] != field:
            notes.append(
                Finding(
                    "provider",
                    f"{f['variable']!r} picks the model credentials are checked with, but its default is no model here",
                )
            )
    named = [(text, where) for text, where in (reading.check_strings if reading else []) if text in names]
    if field is not None:
        credentials["check"] = {"field": field}
    elif named:
        credentials["check"] = {"model": named[0][0]}
        notes.append(Finding(named[0][1], f"credentials are checked with {named[0][0]!r} here; check it"))
    if not credentials:
        data.pop("credentials")
