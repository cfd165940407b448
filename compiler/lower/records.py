"""The rules of one parameter name across models joined into one record (config.PARAMETERS): how
its value is sent, its value map and omissions; each model's own differences kept as overrides in
its settings (runtime/parameters.py reads both)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from compiler.lower.diagnostics import Lowering
from compiler.lower.parameters import TEMPLATE_TYPES, of_type
from compiler.model import ModelInfo, ParameterRule


def parameter_records(
    lw: Lowering, models: tuple[ModelInfo, ...], custom: tuple[ParameterRule, ...]
) -> tuple[dict[str, dict[str, object]], tuple[ModelInfo, ...]]:
    """config.PARAMETERS, and the models with their own differences from it in their settings. A name
    means the same everywhere (its key, encoding, built-in tool, headers and fixed fields); its value
    map joins every rule's, the first to list a value deciding it, and its omissions are the first
    rule's (user-added models' rules first). A model whose rule differs keeps its own."""
    check_agreement(lw, models, custom)
    rules = list(custom) + [rule for model in models for rule in model.parameters]
    maps = value_maps(rules)
    records = {}
    for rule in rules:
        if rule.name not in records:
            records[rule.name] = rule.record() | ({"values": maps[rule.name]} if rule.name in maps else {})
    records = {name: without_empty(records[name]) for name in sorted(records)}
    return records, tuple(with_overrides(model, records) for model in models)


def check_agreement(lw: Lowering, models: tuple[ModelInfo, ...], custom: tuple[ParameterRule, ...]) -> None:
    """Rules of one name are sent one way (values and omissions may differ: a model keeps its own)."""
    table = {rule.name: rule.wire() for rule in custom}
    for index, model in enumerate(models):
        for rule in model.parameters:
            if table.setdefault(rule.name, rule.wire()) != rule.wire():
                lw.error(("models", index, "parameters"), f"parameter {rule.name!r} is sent differently by two models")


def without_empty(record: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in record.items() if value not in ((), None)}


def value_maps(rules: list[ParameterRule]) -> dict[str, tuple[tuple[object, object], ...]]:
    """Parameter -> the provider-wide value map: the entries of every rule of that name in order, the
    first rule to list a value deciding it."""
    found: dict[str, list[tuple[object, object]]] = {}
    for rule in rules:
        table = found.setdefault(rule.name, [])
        table += [(picked, sent) for picked, sent in rule.values if lookup(table, picked) is MISSING]
    return {name: tuple(table) for name, table in found.items() if table}


def with_overrides(model: ModelInfo, records: dict[str, dict[str, object]]) -> ModelInfo:
    """The model, with the values and omissions of its rules that its parameters' records do not
    have as settings["parameters"] (Anthropic's `thinking`: {type: enabled} on one model, adaptive on
    another)."""
    own = {rule.name: overrides(rule, records[rule.name]) for rule in model.parameters}
    own = {name: found for name, found in own.items() if found}
    return dataclasses.replace(model, settings=model.settings | {"parameters": own}) if own else model


def overrides(rule: ParameterRule, record: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    if not agrees(rule, record.get("values", ())):  # type: ignore[arg-type]
        out["values"] = rule.values
    if rule.omissions != record.get("omit_when", ()):
        out["omit_when"] = rule.omissions
    return out


def agrees(rule: ParameterRule, table: tuple[tuple[object, object], ...]) -> bool:
    """Whether `table` sends every value the rule can take the way the rule does."""
    for picked, sent in table:
        if can_pick(rule, picked):
            own = lookup(rule.values, picked)
            if (picked if own is MISSING else own) != sent:
                return False
    return True


MISSING = object()


def lookup(table: Iterable[tuple[object, object]], value: object) -> object:
    """What a value map sends for `value` (MISSING: not listed); true is not 1."""
    return next((sent for picked, sent in table if picked == value and type(picked) is type(value)), MISSING)


def can_pick(rule: ParameterRule, value: object) -> bool:
    """Whether a user can give `rule` the value `value`."""
    kind = rule.overrides.get("type") or TEMPLATE_TYPES.get(rule.template or "")
    if not of_type(kind, value):
        return False
    options = rule.overrides.get("options")
    return options is None or value in options  # type: ignore[operator]
