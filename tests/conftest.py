"""Fixtures every suite may use: the loopback mock server (tests/integration/mock_server.py), fresh for
each test, and the conformance suite's record of what it received (tests/conformance/record.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _pytest.nodeid import NodeId
from hypothesis import HealthCheck, settings

# Property tests check behaviour, not speed: on two shared cores with three workers, hypothesis's
# timing checks (a deadline per example, slow input generation) fail on load alone.
settings.register_profile("shared-cores", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-cores")

from tests.conformance import record
from tests.integration import mock_server


@pytest.fixture(scope="session")
def mock() -> Iterator[mock_server.MockServer]:
    server = mock_server.start()
    yield server
    server.httpd.shutdown()


@pytest.fixture(autouse=True)
def _fresh_mock(request: pytest.FixtureRequest) -> Iterator[None]:
    if "mock" not in request.fixturenames:
        yield
        return
    server = request.getfixturevalue("mock")
    server.reset()
    yield
    if record.RECORD:
        spec = getattr(request.node, "callspec", None) and request.node.callspec.params.get("spec_name")
        ordered = request.node.get_closest_marker("concurrent") is None
        record.keep(request.node.nodeid, spec, list(server.requests), server.httpd.server_address[1], ordered)


def pytest_sessionstart(session: pytest.Session) -> None:
    record.start()


def pytest_sessionfinish(session: pytest.Session) -> None:
    record.finish()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`--dist loadgroup` sends the tests of one xdist_group to one worker by the `@group` ending of
    their ids, which pytest-xdist 3.8 writes to `item._nodeid`; pytest 9.2 reads ids from `item._id`,
    so (in a worker) the ending is written there, as xdist means it to be."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        marks = item.iter_markers("xdist_group")
        groups = {str(mark.args[0] if mark.args else mark.kwargs.get("name", "default")) for mark in marks}
        suffix = "@" + "_".join(sorted(groups))
        if groups and not item.nodeid.endswith(suffix):
            item._id = NodeId.parse(item.nodeid + suffix)
