"""Which shipped specs the per-spec tests take in `make test`: those of the conformance cover (between
them every protocol, kind, auth scheme and quirk; tests/conformance/cover.txt) and acme. Every other
spec's case is marked `catalogue`: CI runs it (make catalogue-test), so the edit loop stays flat as
the catalogue grows while nothing goes unchecked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.specs import recorded_cover, spec_of_view

SAMPLE = frozenset({spec_of_view(name) for name in recorded_cover()} | {"acme"})


def per_spec(names: list[str], *marks: pytest.MarkDecorator) -> list:
    """One case per spec name (or spec path), marked `catalogue` unless the spec is in SAMPLE."""
    params = []
    for name in names:
        stem = Path(name).stem
        chosen = list(marks) if stem in SAMPLE else [*marks, pytest.mark.catalogue]
        params.append(pytest.param(name, id=stem, marks=chosen))
    return params
