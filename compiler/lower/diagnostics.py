"""Located diagnostics while lowering: pydantic's errors in the spec's words, "did you mean"."""

from __future__ import annotations

import difflib
import json
import re
import typing

from pydantic import ValidationError

from compiler import spec as s
from compiler.errors import CompileError, Diagnostic
from compiler.load import LoadedSpec


class Lowering:
    """Collects located diagnostics while lowering one spec."""

    def __init__(self, loaded: LoadedSpec, doubtful: set[tuple] = frozenset()) -> None:  # type: ignore[assignment]
        self.loaded = loaded
        self.diagnostics: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        self.doubtful = doubtful  # locations whose findings a repair may have caused (lower/repair.py)

    def error(self, loc: tuple[str | int, ...], message: str, level: str = "error") -> None:
        if any(loc[: len(place)] == place for place in self.doubtful):
            return
        line, col = self.loaded.locate(loc)
        found = Diagnostic(level, str(self.loaded.path), message, line, col, dotted(loc))  # type: ignore[arg-type]
        target = self.warnings if level == "warning" else self.diagnostics
        if found not in target:  # e.g. the large icon defaulting to the small one: say it once
            target.append(found)

    def warn(self, loc: tuple[str | int, ...], message: str) -> None:
        """Suspicious but legal: printed as a warning, an error under --strict."""
        self.error(loc, message, "warning")

    def check(self, ok: bool, loc: tuple[str | int, ...], message: str) -> None:
        if not ok:
            self.error(loc, message)


def dotted(loc: tuple) -> str:
    """A location as the spec's readers spell it: models[3].pricing.input."""
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")


def validate_spec(loaded: LoadedSpec) -> s.Spec:
    """Pydantic validation, with every error located in the YAML (one per place)."""
    try:
        return s.Spec.model_validate(loaded.data)
    except ValidationError as exc:
        lowering = Lowering(loaded)
        errors = [(tuple(p for p in err["loc"] if not is_union_tag(p)), err) for err in exc.errors()]
        reported: set[tuple] = set()
        for loc, err in errors:
            # A union (text or mapping) fails once per branch: keep one message per place, and drop
            # "must be a string" when the mapping branch explains what is wrong inside.
            deeper = any(other[: len(loc)] == loc and len(other) > len(loc) for other, _ in errors)
            if loc in reported or (deeper and err["type"] == "string_type"):
                continue
            reported.add(loc)
            lowering.error(loc, _pydantic_message(err, loc))
        raise CompileError(sorted(lowering.diagnostics, key=Diagnostic.sort_key)) from None


def is_union_tag(part: object) -> bool:
    return isinstance(part, str) and ("[" in part or part in {"str", "function-after", "function-before"})


EXPECTED = {
    "decimal_parsing": "must be a decimal number",
    "decimal_type": "must be a decimal number",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be a string",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping",
    "model_attributes_type": "must be a mapping",
    "list_type": "must be a list",
}


def _pydantic_message(err: dict, loc: tuple) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown key" + _did_you_mean(str(loc[-1]), allowed_keys(loc[:-1]))
    if kind == "missing":
        return "required key is missing"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        message = f"must be one of {', '.join(options)}"
        return message + f", got {_shown(err['input'])}" + _did_you_mean(str(err["input"]), options)
    if kind in ("greater_than_equal", "greater_than"):
        sign, bound = ("≥", ctx.get("ge")) if kind == "greater_than_equal" else (">", ctx.get("gt"))
        return f"must be {sign} {bound}, got {_shown(err['input'])}"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length')} item(s)"
    message = EXPECTED.get(kind) or err["msg"].removeprefix("Value error, ")
    if "input" in err and not isinstance(err["input"], (dict, list)):
        message += f", got {_shown(err['input'])}"
    return message


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "…"


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def allowed_keys(loc: tuple) -> list[str]:
    """The keys the spec language allows at `loc` (for "did you mean")."""
    node: object = s.Spec
    for part in loc:
        node = _unwrap(node)
        if isinstance(part, int):
            continue
        fields = getattr(node, "model_fields", None)
        if fields is None:
            return []
        match = next((f for n, f in fields.items() if (f.alias or n) == part), None)
        if match is None:
            return []
        node = match.annotation
    node = _unwrap(node)
    fields = getattr(node, "model_fields", {})
    return [f.alias or n for n, f in fields.items()]


def _unwrap(annotation: object) -> object:
    """The model class inside Optional[...], list[...] or Annotated[...] (or the annotation itself)."""
    for _ in range(5):
        if isinstance(annotation, type) and issubclass(annotation, s.BaseModel):
            return annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, s.BaseModel)]
        if models:
            return models[0]
        if not args:
            return annotation
        annotation = args[-1] if typing.get_origin(annotation) is dict else args[0]
    return annotation


def check_unique(lw: Lowering, named: list[tuple[tuple, str]], what: str) -> None:
    """Report every (location, name) whose name was already used earlier in the list, and where."""
    first: dict[str, tuple] = {}
    for loc, name in named:
        if name in first:
            lw.error(loc, f"duplicate {what} {name!r} ({where_is(lw, first[name])})")
        first.setdefault(name, loc)


def where_is(lw: Lowering, loc: tuple) -> str:
    """Where the first of two duplicates is: its line, or its path when the spec leaves it implicit."""
    if lw.loaded.written(loc):
        line, col = lw.loaded.locate(loc)
        return f"the first is at line {line}, column {col}"
    return f"the first is {dotted(loc)}, which the spec leaves at its default"
