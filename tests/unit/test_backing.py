"""Every "yes" cell of the catalogue page (compiler/catalogue.py) is backed by the conformance suite:
for each feature a spec's row says "yes" to, a check of that feature (tests/conformance/backing.py)
runs for that spec on both hosts, with a model that has the feature, and skips nothing. It reads the
suite's own table and parametrization (backing.entries), not a copy of them."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from importlib import import_module
from types import ModuleType

import pytest

from compiler.catalogue import FEATURES, HEAD, row
from tests.conformance.backing import CHECKS, entries
from tests.conformance.specs import BUILT, PROTOCOL_OF, SPEC_PATHS, lowered, spec_of_view
from tests.sample import per_spec

SHIPPED = sorted(name for name in SPEC_PATHS if name not in BUILT)
HOSTS = {"host": {"dify", "maibot"}, "dify": {"dify"}, "maibot": {"maibot"}}


def checks(feature: str) -> Iterator[tuple[ModuleType, Callable]]:
    for check in CHECKS[feature]:
        file, name = check.split("::")
        module = import_module(f"tests.conformance.{file.removesuffix('.py')}")
        yield module, getattr(module, name)


def hosts_of(function: Callable) -> set[str]:
    """The hosts a check talks to, from the host fixtures it takes."""
    return set().union(*(HOSTS.get(name, set()) for name in inspect.signature(function).parameters))


def backed(spec: str, feature: str) -> set[str]:
    """The hosts on which some check of the feature runs for the spec (as itself or a protocol view)."""
    own = tuple(entry for entry in PROTOCOL_OF if spec_of_view(entry) == spec)
    return {
        host for module, function in checks(feature) if entries(module, function, own) for host in hosts_of(function)
    }


@pytest.mark.parametrize("spec", per_spec(SHIPPED))
def test_every_yes_on_the_page_is_a_feature_check_on_both_hosts(spec):
    cells = row(lowered(spec))
    said = [feature for feature in FEATURES if cells[HEAD.index(feature)] == "yes"]
    missing = {feature: {"dify", "maibot"} - backed(spec, feature) for feature in said}
    assert not {f: hosts for f, hosts in missing.items() if hosts}, f"{spec}: features shown without checks"


@pytest.mark.parametrize("feature", list(CHECKS))
def test_feature_checks_talk_to_the_featured_model_and_skip_nothing(feature):
    for _, function in checks(feature):
        parameters = inspect.signature(function).parameters
        assert "feature_model" in parameters and hosts_of(function), function.__name__
        assert "skip" not in inspect.getsource(function), f"{function.__name__} skips"
