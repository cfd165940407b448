"""The conformance suite's fixtures: every check that takes `spec_name` runs once per committed spec
(a module's PROTOCOLS narrows that to the specs of some protocols), against that spec's own plugins.

Checks of one spec form one pytest-xdist group (`--dist loadgroup`, in pyproject.toml's addopts), so
one worker runs them all, one after another: the spec's Dify plugin and MaiBot host start once per
run, at its first check that needs them, and stop after its last."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from compiler.model import Provider
from tests.conformance.backing import entries, feature_of, featured
from tests.conformance.hosts import DifySide, MaiBotSide
from tests.conformance.pool import Pool
from tests.conformance.protocols import Adapter, adapter_for
from tests.conformance.specs import ADDED_ONLY, APART_FOR_ADDED, chat_models, grouped, lowered, spec_of_view
from tests.integration.mock_server import MockServer

POOL = pytest.StashKey[Pool]()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every spec (of the module's PROTOCOLS; of a feature's check, those with a model that has it:
    backing.py), unless the check names its specs itself (specs.only)."""
    named = any("spec_name" in mark.args[0] for mark in metafunc.definition.iter_markers("parametrize"))
    if "spec_name" in metafunc.fixturenames and not named:
        names = entries(metafunc.module, metafunc.function)
        metafunc.parametrize("spec_name", grouped(names), scope="session")


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After a spec's last check here, its processes stop (the next spec's start)."""
    spec = spec_of(item)
    if spec and POOL in item.config.stash and spec_of(nextitem) != spec:
        item.config.stash[POOL].release(spec)


def spec_of(item: pytest.Item | None) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("spec_name") if callspec else None


@pytest.fixture(autouse=True)
def apart_for_added(request: pytest.FixtureRequest) -> None:
    """A generic check that does not fit a spec of user-added models only is skipped there, saying why
    (specs.APART_FOR_ADDED)."""
    spec, params = spec_of(request.node), getattr(getattr(request.node, "callspec", None), "params", {})
    if spec is None or spec_of_view(spec) not in ADDED_ONLY:
        return
    file = Path(request.node.path).name
    for key in (file, f"{file}::{request.node.originalname}"):
        wanted, reason = APART_FOR_ADDED.get(key, (None, ""))
        if wanted is not None and all(params.get(k) == v for k, v in wanted.items()):
            pytest.skip(f"user-added models only: {reason}")


@pytest.fixture
def provider(request: pytest.FixtureRequest, spec_name: str) -> Provider:
    """The spec's lowered model; a check of chat models (a module without WHOLE_SPEC) skips a spec of
    other kinds only (embeddings, rerank, audio)."""
    lowered_spec = lowered(spec_name)
    if not getattr(request.module, "WHOLE_SPEC", False):
        if not lowered_spec.models_of("llm"):
            pytest.skip("the spec has no chat models")
        if not chat_models(lowered_spec):
            pytest.skip(f"no chat model speaks {lowered_spec.api.protocol}: each protocol's view checks its own")
    return lowered_spec


@pytest.fixture
def feature_model(request: pytest.FixtureRequest, provider: Provider) -> str:
    """The model a feature's check talks to: the entry's first chat model that has the feature."""
    feature = feature_of(request.function)
    assert feature, f"{request.function.__name__} is no check of a feature in backing.py"
    return featured(provider, feature)[0].name


@pytest.fixture
def api(provider: Provider) -> Adapter:
    """The spec's protocol adapter (protocols/)."""
    return adapter_for(provider)


@pytest.fixture(scope="session")
def pool(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pool]:
    request.config.stash[POOL] = started = Pool(tmp_path_factory.mktemp("plugins"))
    yield started
    started.close()


@pytest.fixture
def dify(pool: Pool, spec_name: str, provider: Provider, mock: MockServer) -> DifySide:
    return DifySide(pool.dify(spec_name), provider, mock)


@pytest.fixture
def maibot(pool: Pool, spec_name: str, provider: Provider, mock: MockServer) -> MaiBotSide:
    return MaiBotSide(pool.maibot(spec_name), provider, mock)


@pytest.fixture(params=["dify", "maibot"])
def host(request: pytest.FixtureRequest, spec_name: str) -> DifySide | MaiBotSide:
    """Either host: a check written once for both."""
    return request.getfixturevalue(request.param)


@pytest.fixture(params=[False, True], ids=["blocking", "stream"])
def stream(request: pytest.FixtureRequest) -> bool:
    return request.param
