"""Numbers checked against a catalogue (`sync --check`, `build --catalog`): a price ≥ FACTOR away from the
catalogue's for the same model, and a context size or output limit beyond any model the catalogue knows.
Located warnings, which --strict makes errors."""

from __future__ import annotations

from decimal import Decimal

from compiler.errors import Diagnostic
from compiler.load import LoadedSpec
from compiler.lower.diagnostics import dotted
from compiler.lower.numbers import FACTOR, off_by
from compiler.model import ModelInfo, Provider
from compiler.sources.catalogue import Catalogue, Entry

MILLION = Decimal(1_000_000)


def catalogue_warnings(loaded: LoadedSpec, provider: Provider, cat: Catalogue) -> list[Diagnostic]:
    entries = cat.by_id()
    found = []
    for index, (info, data) in enumerate(zip(provider.models, loaded.data.get("models") or [])):
        entry = entries.get(str(data.get("api_id") or data.get("name")))
        found += [warning(loaded, ("models", index) + loc, text) for loc, text in model_findings(info, entry, cat)]
    return found


def warning(loaded: LoadedSpec, loc: tuple, message: str) -> Diagnostic:
    line, col = loaded.locate(loc)
    return Diagnostic("warning", str(loaded.path), message, line, col, dotted(loc))


def model_findings(info: ModelInfo, entry: Entry | None, cat: Catalogue) -> list[tuple[tuple, str]]:
    found = []
    for key, value in (("context", info.context_size), ("output", info.max_output_tokens)):
        most = cat.largest.get(key, 0)
        if value and most and value > most:
            field = "context_size" if key == "context" else "max_output_tokens"
            found.append(((field,), f"{field} {value} is beyond any model the catalogue knows (at most {most})"))
    price = info.pricing
    if entry is None or price is None or price.currency != "USD":
        return found
    unit = Decimal(price.unit)
    for key, ours, theirs in (("input", price.input, entry.input_price), ("output", price.output, entry.output_price)):
        if ours is None or not theirs or not Decimal(ours):
            continue
        ratio = off_by(Decimal(ours) * unit * MILLION, theirs)
        if abs(ratio) >= FACTOR:
            way = "above" if ratio > 0 else "below"
            message = f"{key} price {abs(ratio):.0f}× {way} the catalogue's ({theirs} USD per 1M, {entry.source})"
            found.append((("pricing", key), message))
    return found
