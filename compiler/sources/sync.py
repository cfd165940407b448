"""A spec × a catalogue → edits of the spec's own text and a per-field report. Only what sync owns is
touched (prices, context sizes, output limits, the features a catalogue states, deprecation, new models),
on the model's own keys, through the round-trip tree: comments, order and layout stay as they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from compiler import spec as s
from compiler.errors import CompileError, Diagnostic
from compiler.load import LoadedSpec, load_spec
from compiler.lower import lower
from compiler.lower.diagnostics import validate_spec
from compiler.lower.models import merged, per_unit, price_unit
from compiler.model import ModelInfo, Provider
from compiler.sources.catalogue import CALLS, Catalogue, Entry
from compiler.sources.from_catalogue import FEATURE_ORDER
from compiler.tables import PROTOCOLS
from compiler.sources.merge import dump, merge, round_trip

MILLION = Decimal(1_000_000)
SYNCED_FEATURES = frozenset(CALLS + ("vision", "document", "video", "audio", "structured-output"))
LAGS = ("changed", "added", "deprecated")


@dataclass(frozen=True)
class Change:
    """One line of the report: a model's field, its value before and after, and where the new one is from."""

    model: str
    field: str
    old: str
    new: str
    source: str
    action: str  # changed, added (a model), deprecated, kept (sync: keep), skipped (cannot compare), left out
    note: str = ""


@dataclass
class Synced:
    text: str
    changes: list[Change] = field(default_factory=list)

    @property
    def lags(self) -> bool:
        return any(c.action in LAGS for c in self.changes)


@dataclass
class Context:
    """One sync run: the spec as lowered and validated, its editable tree, the catalogue, the report."""

    loaded: LoadedSpec
    provider: Provider
    spec: s.Spec
    tree: Any
    cat: Catalogue
    changes: list[Change] = field(default_factory=list)

    def record(self, model: str, name: str, old: object, new: object, entry: Entry | None, action: str) -> None:
        self.changes.append(
            Change(model, name, text(old), text(new), entry.source if entry else self.cat.source, action)
        )


def text(value: object) -> str:
    """A value as the report shows it (as YAML writes it: true, [a, b], 0.14; — for none)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return "—" if value is None else str(value)


def wire_id(node: Any) -> str:
    """What the catalogue calls the model: its wire id (`api_id`) when it has one, else its name."""
    return str(node.get("api_id") or node["name"])


def sync_spec(path: Path, cat: Catalogue, given: str | None = None) -> Synced:
    """The spec at `path` (or `given`, text meant to be that file) brought up to `cat`; a spec that does not
    compile is a CompileError."""
    original = path.read_text(encoding="utf-8") if given is None else given
    loaded = load_spec(path, original.encode("utf-8"))
    yaml = round_trip()
    ctx = Context(loaded, lower(loaded), validate_spec(loaded), yaml.load(original), cat)
    before = dump(yaml, ctx.tree)
    entries = cat.by_id()
    matched = sync_models(ctx, entries)
    new = [e for e in cat.entries if e.id not in matched and e.kind in ("llm", "text-embedding") and e.context]
    add_models(ctx, left_out(ctx, new))
    return Synced(merge(original, before, dump(yaml, ctx.tree)), ctx.changes)


def sync_models(ctx: Context, entries: dict[str, Entry]) -> set[str]:
    """Each spec model against its entry (by wire id); the ids matched."""
    kinds = ctx.cat.listed if ctx.cat.listed is not None else {e.kind for e in entries.values()}
    matched = set()
    for index, (node, info) in enumerate(zip(ctx.tree["models"], ctx.provider.models)):
        key = wire_id(node)
        entry = entries.get(key)
        keep = ctx.spec.models[index].sync or kept_together(ctx.spec, key)
        if entry is None:
            if info.type in kinds and not info.deprecated:
                apply(ctx, node, info, "deprecated", False, True, None, keep)
            continue
        matched.add(key)
        for name, old, new in compare(ctx, index, info, entry):
            apply(ctx, node, info, name, old, new, entry, keep)
    return matched


def kept_together(spec: s.Spec, key: str) -> s.SyncKeep | None:
    """The spec-level `sync.keep` group that names this model, if any."""
    groups = spec.sync.keep if spec.sync else []
    return next((group for group in groups if key in group.models), None)


def left_out(ctx: Context, entries: list[Entry]) -> list[Entry]:
    """The new catalogue models but those `sync.leave_out` names (each listed in the report with its reason)."""
    reasons = {m: group.why for group in (ctx.spec.sync.leave_out if ctx.spec.sync else []) for m in group.models}
    for e in entries:
        if e.id in reasons:
            ctx.changes.append(Change(e.id, "model", "", "", e.source, "left out", reasons[e.id]))
    return [e for e in entries if e.id not in reasons]


def apply(
    ctx: Context, node: Any, info: ModelInfo, name: str, old: Any, new: Any, entry: Entry | None, keep: Any
) -> None:
    """Set one owned field on the model's own keys, or list it as kept (sync: keep) or not comparable."""
    if keep is not None and (keep.keep == "all" or name.split(".")[0] in keep.keep):
        ctx.changes.append(
            Change(info.name, name, text(old), text(new), entry.source if entry else ctx.cat.source, "kept", keep.why)
        )
        return
    if isinstance(new, str) and (name.startswith("pricing") or name == "max_output_tokens"):  # why it cannot be
        ctx.changes.append(Change(info.name, name, text(old), "", entry.source if entry else "", "skipped", new))
        return
    action = "deprecated" if name == "deprecated" else "changed"
    ctx.record(info.name, name, old, new, entry, action)
    if name.startswith("pricing."):
        if node.get("pricing") is None:  # no prices of its own, or `pricing: null` (free) the catalogue prices
            node["pricing"] = CommentedMap()
        pricing = node["pricing"]
        key = name.split(".")[1]
        quoted = DoubleQuotedScalarString if isinstance(pricing.get(key), DoubleQuotedScalarString) else None
        pricing[key] = (quoted or SingleQuotedScalarString)(text(new))
    elif name == "features":
        node["features"] = flow(new)
    else:
        node[name] = new
        if name == "max_output_tokens":
            own_rule_max(node, new)


def flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def own_max(node: Any) -> bool:
    """Whether the model's own parameter list has a max_tokens rule that states its max."""
    rules = node.get("parameters") or ()
    return any(isinstance(r, dict) and r.get("template") == "max_tokens" and "max" in r for r in rules)


def own_rule_max(node: Any, value: int) -> None:
    """A max_tokens rule of the model's own list that states its max gets the new limit too."""
    for rule in node.get("parameters") or ():
        if isinstance(rule, dict) and rule.get("template") == "max_tokens" and "max" in rule:
            rule["max"] = value


def compare(ctx: Context, index: int, info: ModelInfo, e: Entry) -> list[tuple[str, Any, Any]]:
    """The owned fields where the spec and the entry differ: (field, the spec's value, the catalogue's); an
    output limit the spec cannot take as it stands is a reason (a string) instead of a value."""
    found: list[tuple[str, Any, Any]] = []
    if e.context and info.context_size != e.context:
        found.append(("context_size", info.context_size, e.context))
    if info.type == "llm":
        found += llm_changes(info, e, own_max(ctx.tree["models"][index]))
    found += price_changes(ctx, index, info, e)
    if e.deprecated and not info.deprecated:
        found.append(("deprecated", False, True))
    return found


def llm_changes(info: ModelInfo, e: Entry, own: bool) -> list[tuple[str, Any, Any]]:
    """An llm's output limit and features (a completion-mode model takes no tools, whatever the catalogue says).
    A limit stated by a max_tokens rule the model shares (parameter_sets, defaults) is listed, not applied."""
    found: list[tuple[str, Any, Any]] = []
    limit = output_limit(info)
    if e.output_limit and limit != e.output_limit and (not e.context or e.output_limit <= e.context):
        rule = next((r for r in info.parameters if (r.template or r.name) == "max_tokens"), None)
        default = rule.overrides.get("default") if rule else None
        if rule and limit != info.max_output_tokens and not own:
            found.append(("max_output_tokens", limit, "a shared max_tokens rule states the max: edit it there"))
        elif isinstance(default, int) and default > e.output_limit and default != min(4096, limit or 0):
            found.append(
                ("max_output_tokens", limit, f"its max_tokens rule's default {default} is above {e.output_limit}")
            )
        else:
            found.append(("max_output_tokens", limit, e.output_limit))
    wanted = features(list(info.features), e, info.mode == "completion")
    if wanted != list(info.features):
        found.append(("features", list(info.features), wanted))
    return found


def output_limit(info: ModelInfo) -> int | None:
    """The most tokens an answer may have as the spec says it: its max_tokens rule's max, else max_output_tokens."""
    rule = next((r for r in info.parameters if (r.template or r.name) == "max_tokens"), None)
    top = rule.overrides.get("max") if rule else None
    return top if isinstance(top, int) else info.max_output_tokens


def features(current: list[str], e: Entry, completion: bool = False) -> list[str]:
    """The spec's features with those the catalogue states (SYNCED_FEATURES it knows) made to agree with it.
    The three tool features are one fact: a spec that has some keeps its choice while the catalogue says tools."""
    owned = SYNCED_FEATURES & e.knows - (set(CALLS) if completion else set())
    if set(CALLS) & set(current) and set(CALLS) <= e.features:
        owned -= set(CALLS)
    kept = [f for f in current if f not in owned or f in e.features]
    return kept + [f for f in FEATURE_ORDER if f in owned and f in e.features and f not in kept]


def spec_unit(ctx: Context, kind: str = "llm") -> tuple[str, Decimal]:
    """The currency and unit (Dify's: price per this many tokens) a model of `kind` without prices of its own
    gets from the defaults (any `per` or `unit` the language takes)."""
    pricing = ctx.spec.defaults.of(kind).pricing
    currency = (pricing.currency if pricing else None) or "USD"
    return currency, price_unit(pricing) if pricing else per_unit("million")


def price_changes(ctx: Context, index: int, info: ModelInfo, e: Entry) -> list[tuple[str, Any, Any]]:
    """Prices in the spec's own unit; only in USD (another currency: a `skipped` line, nothing touched);
    a cache-read price only where the spec states one."""
    if not any((e.input_price, e.output_price)):
        return []
    currency, unit = (info.pricing.currency, Decimal(info.pricing.unit)) if info.pricing else spec_unit(ctx)
    if currency != "USD":
        return [("pricing", text(info.pricing.input) if info.pricing else None, f"priced in {currency}: not compared")]
    own = merged(ctx.spec, ctx.spec.models[index]).pricing
    stated = {
        "input": info.pricing.input if info.pricing else None,
        "output": info.pricing.output if info.pricing else None,
        "cache_read": own.cache_read if own else None,
    }
    found = []
    for key, value in (("input", e.input_price), ("output", e.output_price), ("cache_read", e.cache_read)):
        old = stated[key]
        if key == "output" and info.type != "llm":  # Dify prices only an llm's output
            continue
        if value is None or (key == "cache_read" and old is None) or (old is None and not value):
            continue
        want = (value / MILLION / unit).normalize()
        if old is None or Decimal(old) != want:
            found.append((f"pricing.{key}", old, want))
    return found


def add_models(ctx: Context, entries: list[Entry]) -> None:
    """New catalogue models appended, with the spec's defaults (parameters, mode) and its price unit; an
    embedding model only where the spec's API serves embeddings (else a `skipped` line)."""
    from compiler.sources.from_catalogue import embedding, model

    images = PROTOCOLS[ctx.spec.api.protocol].image_output
    for e in entries:
        if e.kind == "text-embedding" and ctx.provider.api.endpoints.get("embeddings") is None:
            note = "not added: api.endpoints.embeddings is null"
            ctx.changes.append(Change(e.id, "model", "new embedding model", "", e.source, "skipped", note))
            continue
        currency, unit = spec_unit(ctx, e.kind)
        data = model(e, None, images) if e.kind == "llm" else embedding(e)
        if "pricing" in data and currency != "USD":
            data.pop("pricing")
            ctx.changes.append(Change(e.id, "pricing", "", "", e.source, "skipped", f"the spec prices in {currency}"))
        elif "pricing" in data:
            data["pricing"] = {k: (v / MILLION / unit).normalize() for k, v in data["pricing"].items()}
        ctx.tree["models"].append(node_of(data))
        ctx.record(e.id, "model", None, "added", e, "added")


def node_of(value: Any) -> Any:
    """Spec data as round-trip nodes: short lists in flow style, prices as quoted decimals."""
    if isinstance(value, dict):
        return CommentedMap((k, node_of(v)) for k, v in value.items())
    if isinstance(value, list):
        return flow(value) if all(isinstance(v, str) for v in value) else CommentedSeq(map(node_of, value))
    return SingleQuotedScalarString(text(value)) if isinstance(value, Decimal) else value
