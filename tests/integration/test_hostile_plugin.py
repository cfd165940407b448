"""A spec whose every free-text field holds quotes, triple quotes, backslashes, newlines, template
and shell syntax, control and bidi characters: both generated plugins still load in the real SDK
and host and work against the mock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compiler.build import compile_spec
from compiler.write import write_tree
from tests.integration.dify_runner import DifyPlugin
from tests.integration.maibot_runner import MaiBotHost
from tests.integration.mock_server import MockServer, Reply
from tests.integration.payloads import KEY, completion
from tests.unit.test_fuzz_specs import FIELDS, NASTY, spec_with, write

HOSTILE = "".join(NASTY) + "\u00e9\u4e2d\U0001f600"


pytestmark = pytest.mark.xdist_group("test_hostile_plugin")  # its processes start once per run


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    _, files = compile_spec(write(folder, spec_with({field: f"{field}:{HOSTILE}" for field in FIELDS})))
    write_tree(folder / "out" / "fuzz", files)
    return folder / "out" / "fuzz"


def test_dify_sdk_loads_and_runs_it(hostile: Path, mock: MockServer, tmp_path: Path) -> None:
    plugin = DifyPlugin(hostile / "dify", tmp_path)
    try:
        credentials = {"api_key": KEY, "base_url": mock.url + "/v1"}
        mock.expect(Reply(json={"object": "list", "data": []}))
        outcome = plugin.request("validate_provider_credentials", user_id="u", provider="fuzz", credentials=credentials)
        assert outcome.error is None and outcome.items[0]["result"] is True
        mock.expect(Reply(json=completion({"role": "assistant", "content": "fine"})))
        outcome = plugin.invoke_llm(
            "fuzz-chat", credentials, [{"role": "user", "content": "hi"}], False, provider="fuzz"
        )
        assert outcome.error is None and outcome.items[0]["delta"]["message"]["content"] == "fine"
    finally:
        plugin.close()


def test_maibot_host_loads_and_runs_it(hostile: Path, mock: MockServer, tmp_path: Path) -> None:
    shutil.copytree(hostile / "maibot", tmp_path / "fuzz" / "maibot")
    host = MaiBotHost(tmp_path / "fuzz" / "maibot")
    try:
        assert host.report["manifest_errors"] == [] and host.report["loaded"] == ["fuzzer.fuzz"]
        mock.expect(Reply(json=completion({"role": "assistant", "content": "fine"})))
        result = host.call(
            op="response",
            api_provider={"base_url": mock.url + "/v1", "api_key": KEY, "client_type": "fuzz"},
            model_info={"model_identifier": "fuzz-chat", "name": "fuzz-chat"},
            context_items=[{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "hi"}]}],
        )
        assert result["ok"] and result["content"] == "fine"
    finally:
        host.close()
