"""Fixtures: one loopback mock server; per spec, one generated Dify plugin process and one MaiBot
host (supervisor + runner) with the generated MaiBot plugin."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from compiler.load import load_spec
from compiler.lower import lower
from compiler.model import Provider
from tests.integration import mock_server
from tests.integration.dify_runner import DifyPlugin
from tests.integration.maibot_runner import MaiBotHost

ROOT = Path(__file__).resolve().parents[2]


def protocol_of(path: Path) -> str:
    return (YAML(typ="safe").load(path).get("api") or {}).get("protocol", "openai_chat")


# The shared suites speak to an OpenAI-shaped mock: they run over the openai_chat specs; each other
# protocol has its own suite (test_anthropic_plugin.py), parametrized over its specs.
SPECS_BY_PROTOCOL: dict[str, list[str]] = {}
for _path in sorted((ROOT / "specs").glob("*.yaml")):
    SPECS_BY_PROTOCOL.setdefault(protocol_of(_path), []).append(_path.stem)
SPECS = SPECS_BY_PROTOCOL["openai_chat"]
READ_TIMEOUT = 2


@pytest.fixture(scope="session")
def mock() -> mock_server.MockServer:
    server = mock_server.start()
    yield server
    server.httpd.shutdown()


@pytest.fixture(autouse=True)
def _fresh_mock(request: pytest.FixtureRequest) -> None:
    if "mock" in request.fixturenames:
        request.getfixturevalue("mock").reset()


@pytest.fixture(scope="session", params=SPECS)
def spec_name(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def provider(spec_name: str) -> Provider:
    return lower(load_spec(ROOT / "specs" / f"{spec_name}.yaml"))


@pytest.fixture(scope="session")
def dify(spec_name: str, tmp_path_factory: pytest.TempPathFactory) -> DifyPlugin:
    plugin = DifyPlugin(ROOT / "generated" / spec_name / "dify", tmp_path_factory.mktemp(spec_name), READ_TIMEOUT)
    yield plugin
    plugin.close()


@pytest.fixture(scope="session")
def maibot(spec_name: str) -> MaiBotHost:
    host = MaiBotHost(ROOT / "generated" / spec_name / "maibot")
    yield host
    host.close()
