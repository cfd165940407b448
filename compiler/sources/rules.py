"""Dify parameter rules back into spec rules: Dify's templates where a rule is what its template gives,
explicit otherwise; what the spec cannot hold is a finding, never a silent change."""

from __future__ import annotations

from typing import Any

from compiler.lower.parameters import DEFAULT_MAX_TOKENS, TEMPLATE_TYPES
from compiler.sources.imported import Finding
from compiler.sources.texts import text

# Dify's parameter templates as the SDK defines them (dify_plugin PARAMETER_RULE_TEMPLATE), minus
# labels and help: the keys a rule must have, with these values, to be its template.
DIFY_TEMPLATES: dict[str, dict[str, Any]] = {
    "temperature": {"type": "float", "required": False, "default": 0.0, "min": 0.0, "max": 1.0, "precision": 2},
    "top_p": {"type": "float", "required": False, "default": 1.0, "min": 0.0, "max": 1.0, "precision": 2},
    "top_k": {"type": "int", "required": False, "default": 50, "min": 1, "max": 100, "precision": 0},
    "presence_penalty": {"type": "float", "required": False, "default": 0.0, "min": 0.0, "max": 1.0, "precision": 2},
    "frequency_penalty": {"type": "float", "required": False, "default": 0.0, "min": 0.0, "max": 1.0, "precision": 2},
    "max_tokens": {"type": "int", "required": False, "default": 64, "min": 1, "max": 2048, "precision": 0},
    "response_format": {"type": "string", "required": False, "options": ["JSON", "XML"]},
    "json_schema": {"type": "text", "required": False},
}
TEMPLATE_LABELS = {
    "temperature": ("Temperature", "温度"),
    "top_p": ("Top P", "Top P"),
    "top_k": ("Top K", "Top K"),
    "presence_penalty": ("Presence Penalty", "存在惩罚"),
    "frequency_penalty": ("Frequency Penalty", "频率惩罚"),
    "max_tokens": ("Max Tokens", "最大标记"),
    "response_format": ("Response Format", "回复格式"),
    "json_schema": ("JSON Schema", None),
}
RULE_KEYS = ("name", "label", "type", "help", "required", "default", "min", "max", "precision", "options")
TYPES = ("float", "int", "string", "boolean", "text")


def template_of(rule: dict[str, Any]) -> str | None:
    """The template an explicit rule is, when every declared key is the template's (the help text aside:
    Dify's own help is not ours to judge)."""
    name = rule.get("name")
    if name not in DIFY_TEMPLATES or "use_template" in rule:
        return None
    en, zh = TEMPLATE_LABELS[name]
    label = rule.get("label")
    if label is not None and label not in ({"en_US": en, "zh_Hans": zh}, {"en_US": en}, en):
        return None
    declared = {k: v for k, v in rule.items() if k not in ("name", "label", "help")}
    return name if declared == DIFY_TEMPLATES[name] and "help" not in rule else None


def spec_rule(rule: dict[str, Any], where: str, notes: list[Finding]) -> Any | None:
    """One Dify rule as a spec rule (a template name alone when that is all it is), or None (and a
    finding) when the spec cannot declare it."""
    rule = {k: v for k, v in rule.items() if v is not None}
    name = rule.get("name")
    unknown = sorted(set(rule) - set(RULE_KEYS) - {"use_template"})
    if unknown:
        notes.append(Finding(where, f"rule {name!r}: keys the spec has no place for, left out: {', '.join(unknown)}"))
    if not isinstance(name, str) or not name:
        notes.append(Finding(where, "a parameter rule without a name, left out"))
        return None
    if template_of(rule):
        return name
    template = rule.get("use_template")
    if template is not None and template not in TEMPLATE_TYPES:
        notes.append(Finding(where, f"rule {name!r} uses an unknown template {template!r}; left out"))
        return None
    out: dict[str, Any] = {"template": template} if template else {}
    if not template or name != template:
        out["name"] = name
    out |= {k: text(rule[k]) if k in ("label", "help") else rule[k] for k in RULE_KEYS[1:] if k in rule}
    return template if out == {"template": template} else repaired(out, where, notes)


def repaired(rule: dict[str, Any], where: str, notes: list[Finding]) -> dict[str, Any] | None:
    """What the compiler would refuse in an otherwise good rule, left out with a finding."""
    name = rule.get("name") or rule.get("template")
    kind = rule.get("type")
    if kind is not None and kind not in TYPES:
        notes.append(Finding(where, f"rule {name!r} has type {kind!r}, which Dify's YAML has but the spec does not"))
        return None
    if not rule.get("template") and name in TEMPLATE_TYPES and kind not in (None, TEMPLATE_TYPES[name]):
        notes.append(Finding(where, f"rule {name!r} is named like Dify's template but is a {kind}; left out"))
        return None
    if not rule.get("template") and kind is None:
        notes.append(Finding(where, f"rule {name!r} has neither a template nor a type; left out"))
        return None
    if kind == "string" and not rule.get("template") and not rule.get("options"):
        notes.append(Finding(where, f"rule {name!r}: a string without options, declared as text here"))
        rule["type"] = "text"
    drop_bad_default(rule, where, notes)
    return rule


def drop_bad_default(rule: dict[str, Any], where: str, notes: list[Finding]) -> None:
    low, high, default, options = rule.get("min"), rule.get("max"), rule.get("default"), rule.get("options")
    name = rule.get("name") or rule.get("template")
    numeric = isinstance(default, (int, float)) and not isinstance(default, bool)
    bad = (low is not None and high is not None and low > high) or (
        numeric and ((low is not None and default < low) or (high is not None and default > high))
    )
    if options and default is not None and default not in options:
        bad = True
    if bad:
        notes.append(Finding(where, f"rule {name!r}: default {default!r} outside its bounds or options; left out"))
        rule.pop("default", None)
        if low is not None and high is not None and low > high:
            rule.pop("min"), rule.pop("max")


def fold_max_tokens(rules: list[Any]) -> tuple[list[Any], int | None]:
    """The rules with the max_tokens template's bound moved out (it becomes the model's
    max_output_tokens, and the rule's min and default go where the compiler puts them anyway)."""
    out, top = [], None
    for rule in rules:
        if isinstance(rule, dict) and rule.get("template") == "max_tokens" and "name" not in rule:
            rule = dict(rule)
            top = rule.pop("max", None)
            if top is not None and rule.get("default", min(DEFAULT_MAX_TOKENS, top)) == min(DEFAULT_MAX_TOKENS, top):
                rule.pop("default", None)
            if rule.get("min") == 1:
                rule.pop("min")
            rule = "max_tokens" if rule == {"template": "max_tokens"} else rule
        out.append(rule)
    return out, top
