"""A spec that failed validation, repaired just enough to be lowered, so that the checks of its
other parts (cross-field ones included) report in the same run: unknown keys and bad optional
values are dropped, required ones stood in for. What a repair could have caused is not reported:
diagnostics inside a repaired place, and in the parts that read a repaired part."""

from __future__ import annotations

import copy
import difflib
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from compiler import spec as s
from compiler.lower.diagnostics import is_union_tag, allowed_keys

ROUNDS = 4  # a stand-in object may itself need stand-ins for its required keys
# A place in the spec -> the sections whose checks read it, so that a repair there makes their
# findings doubtful (the protocol sets the defaults that models, parameters and credentials are
# checked against).
READERS = (
    (("api", "protocol"), ("api", "credentials", "models", "defaults", "parameter_sets", "customizable")),
    (("api", "endpoints"), ("models", "defaults", "customizable")),
    (("api",), ("credentials",)),
    (("defaults",), ("models", "parameter_sets", "customizable", "dify")),
    (("parameter_sets",), ("models", "defaults", "customizable")),
    (("credentials",), ("customizable",)),
    (("models",), ("dify", "customizable")),
    (("icons",), ("dify",)),
    (("name",), ("maibot",)),
    (("author",), ("maibot",)),
    (("repository",), ("maibot",)),
)


def repaired(data: dict[str, Any]) -> tuple[s.Spec, set[tuple]] | None:
    """The spec with each invalid value dropped or stood in for, and the places whose findings are
    not to be reported; None when it cannot be repaired."""
    data, places = copy.deepcopy(data), set()
    for _ in range(ROUNDS):
        try:
            return s.Spec.model_validate(data), doubtful(places)
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(p for p in error["loc"] if not is_union_tag(p))
                if not repair(data, loc, error["type"]):
                    return None
                places |= {loc} | (meant(loc) if error["type"] == "extra_forbidden" else set())
    return None


def meant(loc: tuple) -> set[tuple]:
    """The keys an unknown key may have been meant as (`modles`: models, now missing)."""
    *parents, last = loc
    return {tuple(parents) + (key,) for key in difflib.get_close_matches(str(last), allowed_keys(tuple(parents)))}


def doubtful(places: set[tuple]) -> set[tuple]:
    """The locations under which findings may come from a repair: each repaired model, whole, else
    the repaired place; and the sections that read a repaired place."""
    out = set()
    for loc in places:
        out.add(loc[:2] if loc[0] == "models" and len(loc) > 1 else loc)
        out |= {(reader,) for prefix, readers in READERS if loc[: len(prefix)] == prefix for reader in readers}
    return out


def repair(data: Any, loc: tuple, kind: str) -> bool:
    """Drop the value at `loc` when the spec may leave it out, else put a stand-in there."""
    *parents, last = loc
    parent = data
    for key in parents:
        parent = parent[key] if isinstance(parent, (dict, list)) and key_in(parent, key) else None
    if not isinstance(parent, (dict, list)) or (isinstance(parent, list) and not key_in(parent, last)):
        return False
    field = annotation_at(tuple(parents), last)
    if isinstance(parent, dict) and (kind == "extra_forbidden" or field is OPTIONAL):
        parent.pop(last, None)
        return True
    stand_in = stand_in_for(field)
    if stand_in is MISSING:
        return False
    parent[last] = stand_in
    return True


def key_in(container: dict | list, key: Any) -> bool:
    return key in container if isinstance(container, dict) else isinstance(key, int) and 0 <= key < len(container)


OPTIONAL, MISSING = object(), object()


def annotation_at(parents: tuple, last: Any) -> Any:
    """The type the spec language expects at parents + (last,); OPTIONAL where the spec may leave
    the value out (a model field with a default, an entry of a mapping)."""
    node: Any = s.Spec
    for part in parents:
        node = step(node, part)[0]
    found, optional = step(node, last)
    return OPTIONAL if optional else found


def step(node: Any, part: Any) -> tuple[Any, bool]:
    """(the type one key or index further, whether that key may be left out)."""
    for candidate in candidates(node):
        origin, args = typing.get_origin(candidate), typing.get_args(candidate)
        if isinstance(part, int) and origin is list:
            return args[0], False
        if isinstance(part, str) and origin is dict:
            return args[-1], True
        if isinstance(part, str) and isinstance(candidate, type) and issubclass(candidate, BaseModel):
            field = next((f for n, f in candidate.model_fields.items() if (f.alias or n) == part), None)
            if field is not None:
                return field.annotation, not field.is_required()
    return MISSING, False


def candidates(annotation: Any) -> list[Any]:
    """An annotation and, through Optional, unions and Annotated, every type it may be."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is typing.Annotated or str(origin) == "<class 'types.UnionType'>":
        args = typing.get_args(annotation)[:1] if origin is typing.Annotated else typing.get_args(annotation)
        return [found for arg in args for found in candidates(arg)]
    return [annotation]


STAND_INS: dict[type, Any] = {str: "stand-in", int: 1, float: 1.0, bool: False, Decimal: "0", list: [], dict: {}}


def stand_in_for(annotation: Any) -> Any:
    """A value of the expected type (an empty object for a model: its own required keys follow in the
    next round)."""
    for candidate in candidates(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return {}
        if typing.get_origin(candidate) is typing.Literal:
            return typing.get_args(candidate)[0]
        origin = typing.get_origin(candidate) or candidate
        if origin in STAND_INS:
            return copy.copy(STAND_INS[origin])
    return MISSING
