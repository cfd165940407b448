"""A plugin's predefined models: every model YAML of every kind, in its _position.yaml order, as
spec model data (plain dicts, spec keys, nothing that equals the compiler's own default)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fnmatch import fnmatch
from typing import Any

from compiler import spec as s
from compiler.lower.models import DEFAULT_EXTENSIONS, KIND_DEFAULTS
from compiler.sources.archive import Source, SourceError
from compiler.sources.imported import Finding
from compiler.sources.rules import fold_max_tokens, spec_rule
from compiler.sources.texts import text
from compiler.sources.yamlread import load_yaml, mapping
from compiler.tables import KINDS

FOLDERS = {kind.dify.folder: kind.name for kind in KINDS if kind.dify}
PRICE_UNITS = {"token": Decimal("1"), "thousand": Decimal("0.001"), "million": Decimal("0.000001")}
PER_BY_UNIT = {unit: per for per, unit in PRICE_UNITS.items()}
FEATURES = set(s.Feature.__args__)
TOOL_FEATURES = ("tool-call", "multi-tool-call", "stream-tool-call")
# model_properties each kind's spec fields come from (key -> spec field), besides mode/context_size.
PROPERTIES = {
    "llm": {"mode": "mode", "context_size": "context_size"},
    "text-embedding": {"context_size": "context_size", "max_chunks": "max_chunks"},
    "rerank": {"context_size": "context_size"},
    "speech2text": {"file_upload_limit": "file_upload_limit", "supported_file_extensions": "supported_file_extensions"},
    "tts": {"default_voice": "default_voice", "voices": "voices", "word_limit": "word_limit"},
    "moderation": {"max_chunks": "max_chunks", "max_characters_per_chunk": "max_characters_per_chunk"},
}
PROPERTIES["tts"] |= {"audio_type": "audio_type", "max_workers": "max_workers"}
PLAIN_DEFAULTS = KIND_DEFAULTS | {"mode": "chat", "supported_file_extensions": list(DEFAULT_EXTENSIONS)}


def model_files(source: Source, provider: dict[str, Any], folder: str) -> tuple[list[str], list[str]]:
    """The kind's model YAMLs (as the provider YAML's globs name them, file order) and its position list."""
    section = (provider.get("models") or {}).get(folder) or {}
    patterns = section.get("predefined") or [f"models/{folder}/*.yaml"]
    position = section.get("position") or f"models/{folder}/_position.yaml"
    files = sorted(
        path for path in source.files if any(glob_match(path, str(p)) for p in patterns) and path != position
    )
    order = load_yaml(source, position) if position in source.files else None
    return files, [str(name) for name in order] if isinstance(order, list) else []


def glob_match(path: str, pattern: str) -> bool:
    """Whether a plugin path matches a provider YAML glob as Dify reads it: `*` never crosses a `/`, so
    `models/llm/*.yaml` is the folder's own files and `models/llm/openai/*.yaml` a subfolder's."""
    parts, wanted = path.split("/"), pattern.split("/")
    return len(parts) == len(wanted) and all(fnmatch(part, want) for part, want in zip(parts, wanted))


def read_models(source: Source, provider: dict[str, Any], notes: list[Finding]) -> list[dict]:
    """Every predefined model, kind by kind in supported_model_types order, each kind in position order
    (files the position list does not name come after, in file order)."""
    kinds = [str(k).replace("_", "-") for k in provider.get("supported_model_types") or []]
    out = []
    for folder, kind in FOLDERS.items():
        if kind not in kinds:
            continue
        files, order = model_files(source, provider, folder)
        read = {}
        for path in files:
            data = mapping(source, path)
            if data.get("model") is None:
                notes.append(Finding(path, "a model YAML without `model`; left out"))
            elif kind in ("llm", "rerank", "text-embedding") and not retired_or_sized(data, kind):
                notes.append(
                    Finding(path, f"{data['model']!r} has no context size, which a live model needs; left out")
                )
            else:
                read[str(data["model"])] = spec_model(source, path, data, kind, notes)
        for name in order:
            if name not in read:
                notes.append(Finding(f"models/{folder}/_position.yaml", f"lists {name!r}, which has no model file"))
        ranked = [n for n in order if n in read] + [n for n in read if n not in order]
        out += [read[name] for name in dict.fromkeys(ranked)]
    return sorted(out, key=lambda m: kinds.index(m.get("type", "llm")))


def retired_or_sized(data: dict, kind: str) -> bool:
    """A spec needs a model's context size, unless it is a deprecated llm (Dify lists retired ones without)."""
    return bool((kind == "llm" and data.get("deprecated")) or (data.get("model_properties") or {}).get("context_size"))


def spec_model(source: Source, path: str, data: dict, kind: str, notes: list[Finding]) -> dict:
    name = str(data["model"])
    model: dict[str, Any] = {"name": name}
    label = text(data.get("label"))
    if label is not None and label != name:
        model["label"] = label
    if kind != "llm":
        model["type"] = kind
    if data.get("model_type") not in (None, kind):
        notes.append(Finding(path, f"model_type {data.get('model_type')!r} in the {kind} folder; read as {kind}"))
    model |= properties(path, data.get("model_properties") or {}, kind, notes)
    if kind == "llm":
        model |= llm_fields(path, data, notes)
    if data.get("pricing"):
        model |= pricing(source, path, data["pricing"], kind, notes)
    if data.get("deprecated"):
        model["deprecated"] = True
    return model


def properties(path: str, props: dict, kind: str, notes: list[Finding]) -> dict:
    out = {}
    for key, value in props.items():
        field = PROPERTIES[kind].get(key)
        if field is None:
            notes.append(Finding(path, f"model_properties.{key} has no spec field; left out"))
            continue
        if field == "supported_file_extensions" and isinstance(value, str):
            value = [ext.strip() for ext in value.split(",") if ext.strip()]
        if field == "voices":
            value = [voice(v) for v in value or []]
        if field in ("context_size", "max_chunks", "word_limit", "file_upload_limit", "max_workers"):
            value = number(value)
        if value is not None and PLAIN_DEFAULTS.get(field) != value:
            out[field] = value
    voices = out.get("voices") or []
    if voices and out.get("default_voice") == voices[0]["id"]:
        out.pop("default_voice")
    return out


def number(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def voice(item: dict) -> dict:
    out = {"id": str(item.get("mode"))}
    if item.get("name") not in (None, item.get("mode")):
        out["name"] = str(item["name"])
    out["languages"] = [str(lang) for lang in item.get("language") or []]
    return out


def llm_fields(path: str, data: dict, notes: list[Finding]) -> dict:
    features = [str(f) for f in data.get("features") or []]
    unknown = [f for f in features if f not in FEATURES]
    if unknown:
        notes.append(Finding(path, f"features the spec does not know, left out: {', '.join(unknown)}"))
    out: dict[str, Any] = {"features": [f for f in features if f in FEATURES]}
    if (data.get("model_properties") or {}).get("mode") == "completion" and set(features) & set(TOOL_FEATURES):
        notes.append(Finding(path, "a completion-mode model with tool features: the tool features are left out"))
        out["features"] = [f for f in out["features"] if f not in TOOL_FEATURES]
    rules = [spec_rule(rule, path, notes) for rule in data.get("parameter_rules") or [] if isinstance(rule, dict)]
    rules, top = fold_max_tokens([r for r in rules if r is not None])
    seen: set[str] = set()
    kept = []
    for rule in rules:
        name = rule if isinstance(rule, str) else rule.get("name") or rule.get("template")
        if name in seen:
            notes.append(Finding(path, f"parameter {name!r} is declared twice; the first is kept"))
            continue
        seen.add(name)
        kept.append(rule)
    if top is not None:
        out["max_output_tokens"] = top
    out["parameters"] = kept
    return out


def per_of(unit: Decimal) -> str | int | None:
    """`per` for a unit that is one over a power of ten (0.00001: 100k), else None."""
    exponent = -unit.normalize().as_tuple().exponent
    if unit.normalize() != Decimal(1).scaleb(-exponent) or exponent < 1:
        return None
    if exponent in (4, 5, 7, 8):
        return f"{10 ** (exponent % 3)}{'k' if exponent < 6 else 'm'}"
    return 10**exponent


def pricing(source: Source, path: str, price: dict, kind: str, notes: list[Finding]) -> dict:
    try:
        unit = Decimal(str(price.get("unit", "1")))
        values = {k: Decimal(str(price[k])) for k in ("input", "output") if price.get(k) is not None}
    except InvalidOperation as exc:
        raise SourceError(source.where(path), f"pricing is not a decimal number: {price}") from exc
    if kind != "llm":
        values.pop("output", None)
    out: dict[str, Any] = {k: v for k, v in values.items()}
    if unit <= 0:
        notes.append(Finding(path, f"price unit {price.get('unit')!r} is not a positive number; prices left out"))
        return {}
    per = PER_BY_UNIT.get(unit) or per_of(unit)
    if per is not None:
        out["per"] = per
    else:
        out["unit"] = unit.normalize()
    out["currency"] = str(price.get("currency") or "USD")
    return {"pricing": out}
