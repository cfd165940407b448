"""The recorded conformance cover (tests/conformance/cover.txt, what `make test` runs the suite over) is
the one the specs' quirks call for today: a spec that brings a new protocol, kind, auth scheme, feature
or quirk changes it, and the file must follow (`python -m tests.conformance.specs` rewrites it)."""

from __future__ import annotations

import pytest

from tests.conformance import specs


@pytest.mark.catalogue  # lowers every spec (about 20 s); CI runs it
def test_the_recorded_cover_is_current() -> None:
    assert specs.COVER_FILE.read_text() == specs.cover_text(), "run `python -m tests.conformance.specs`"


def test_the_recorded_cover_names_specs() -> None:
    assert set(specs.recorded_cover()) <= set(specs.PROTOCOL_OF)
