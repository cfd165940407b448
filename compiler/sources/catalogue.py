"""The one neutral catalogue entry every catalogue source maps into; `import` and `sync` only see these.

Prices are USD per 1M tokens as Decimal (None: the catalogue states none); `knows` says which features
the source states either way, so a feature it does not mention is never taken away."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from compiler.errors import UserError

CALLS = ("tool-call", "multi-tool-call", "stream-tool-call")
MODALITY_FEATURES = {"image": "vision", "pdf": "document", "file": "document", "video": "video", "audio": "audio"}


@dataclass(frozen=True)
class Entry:
    """One model as a catalogue states it."""

    id: str
    name: str
    kind: str  # a model kind of compiler/tables.py: llm, text-embedding
    context: int | None
    output_limit: int | None
    input_price: Decimal | None
    output_price: Decimal | None
    cache_read: Decimal | None
    features: frozenset[str]
    knows: frozenset[str]
    modalities: tuple[str, ...]
    deprecated: bool
    status: str
    source: str  # where the entry was read: a URL or file, and the key path in it
    parameters: tuple[str, ...] = ()  # request parameters the catalogue says the model takes (OpenRouter)
    outputs: tuple[str, ...] = ()  # what the model answers with, as the catalogue orders it: text, image…


@dataclass(frozen=True)
class Provider:
    """A provider as a catalogue states it: enough to write a spec's identity and api sections."""

    id: str
    name: str
    api: str
    env: tuple[str, ...]
    npm: str
    protocol: str
    doc: str = ""


@dataclass(frozen=True)
class Catalogue:
    """The entries a spec follows, and the provider record when the source has one."""

    source: str
    entries: tuple[Entry, ...]
    provider: Provider | None = None
    largest: dict[str, int] = field(default_factory=dict)  # context/output: the most any entry of the source has
    # The kinds the source lists every current model of, so a spec model of one it lacks is retired (None:
    # every kind it has entries of); models.dev lists only some providers' embeddings.
    listed: frozenset[str] | None = None

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


class ShapeError(UserError):
    """A catalogue that is not the shape it claims: the key path where it stops being so."""

    def __init__(self, where: str, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.file = where


def features_of(tools: bool, reasoning: bool, modalities: tuple[str, ...], structured: bool | None) -> frozenset[str]:
    """Dify features from a catalogue's facts: tool calls (all three), reasoning as agent-thought,
    input modalities as vision/document/video/audio, structured output when stated."""
    found = set(CALLS if tools else ()) | ({"agent-thought"} if reasoning else set())
    found |= {MODALITY_FEATURES[m] for m in modalities if m in MODALITY_FEATURES}
    return frozenset(found | ({"structured-output"} if structured else set()))


def known(structured: bool | None) -> frozenset[str]:
    """The features a source states either way (structured output only where it says)."""
    base = set(CALLS) | set(MODALITY_FEATURES.values()) | {"agent-thought"}
    return frozenset(base | ({"structured-output"} if structured is not None else set()))


def child(node: object, key: str, where: str, path: str, kind: type | tuple[type, ...], need: bool = True) -> object:
    """`node[key]` checked to be of `kind` (a missing optional key is None), else a ShapeError at its key path."""
    at = f"{path}.{key}" if path else key
    if not isinstance(node, dict):
        raise ShapeError(where, path, f"expected an object, got {type(node).__name__}")
    if key not in node or node[key] is None:
        if need:
            raise ShapeError(where, at, "missing")
        return None
    value = node[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
        raise ShapeError(where, at, f"expected {_names(kind)}, got {type(value).__name__} {str(value)[:40]!r}")
    return value


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _names(kind: type | tuple[type, ...]) -> str:
    words = {dict: "an object", list: "a list", str: "a string", bool: "true or false", int: "a number"}
    return " or ".join(dict.fromkeys(words.get(k, "a number") for k in _kinds(kind)))


def price(value: object, where: str, path: str, scale: Decimal = Decimal(1)) -> Decimal | None:
    """A price as Decimal (a JSON number, or a numeric string as OpenRouter writes them), times `scale`;
    negative or non-numeric prices are shape errors."""
    if value is None:
        return None
    try:
        number = Decimal(str(value)) if isinstance(value, (int, float, str)) and not isinstance(value, bool) else None
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite() or number < 0:
        raise ShapeError(where, path, f"expected a price (a number, 0 or more), got {str(value)[:40]!r}")
    return (number * scale).normalize()


def limit(value: object, where: str, path: str) -> int | None:
    """A token limit: a positive whole number, or None when the catalogue has 0 or nothing."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or value != int(value):
        raise ShapeError(where, path, f"expected a token count, got {str(value)[:40]!r}")
    return int(value) or None
