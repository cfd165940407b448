"""Model ids are the provider's own strings (`/`, `:`, `@`, spaces, ids that differ only by case):
each gets a safe, stable YAML file name, and both generated plugins serve every id as it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.integration.dify_runner import DifyPlugin
from tests.integration.maibot_runner import MaiBotHost
from tests.integration.mock_server import MockServer, Reply
from tests.integration.payloads import KEY, completion
from tests.integration.specs import compile_to

IDS = ["Qwen/Qwen2.5-7B-Instruct", "accounts/fireworks/models/llama:70b@latest", "Big Model", "../../outside", "con"]
IDS += ["Pro-1", "pro-1", "plain-id"]
EMBED = "BAAI/bge-m3"


pytestmark = pytest.mark.xdist_group("test_model_ids")  # its processes start once per run


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    spec = {
        "name": "ids",
        "label": "Ids",
        "description": "Free model ids.",
        "author": "tester",
        "version": "1.0.0",
        "icons": {"small": "icons/s.svg"},
        "repository": "https://github.com/tester/plugins",
        "api": {"base_url": "https://api.ids.example/v1"},
        "models": [{"name": i, "context_size": 4096} for i in IDS]
        + [{"name": EMBED, "type": "text-embedding", "context_size": 8192}],
    }
    return compile_to(tmp_path_factory.mktemp("ids"), spec)


def test_file_names_are_safe_stable_and_distinct(tree) -> None:
    """Pinned: a file name may never change between releases for the same id (reviewers diff them)."""
    _, files = tree
    yaml = YAML(typ="safe")
    models = {
        path.removeprefix("dify/models/"): yaml.load(data)["model"]
        for path, data in files.items()
        if path.startswith("dify/models/") and path.endswith(".yaml") and not path.endswith("_position.yaml")
    }
    assert models == {
        "llm/qwen-qwen2.5-7b-instruct-0311af13fa.yaml": "Qwen/Qwen2.5-7B-Instruct",
        "llm/accounts-fireworks-models-llama-70b-latest-40ba455da9.yaml": "accounts/fireworks/models/llama:70b@latest",
        "llm/big-model-39032915e6.yaml": "Big Model",
        "llm/outside-e28b700f24.yaml": "../../outside",
        "llm/con-1143da2bc5.yaml": "con",  # a reserved device name on Windows
        "llm/pro-1-ccc601e725.yaml": "Pro-1",  # ids that differ only by case: both hashed
        "llm/pro-1-776bc450f5.yaml": "pro-1",
        "llm/plain-id.yaml": "plain-id",  # safe ids keep their name, as before free ids
        "text_embedding/baai-bge-m3-d790e73745.yaml": EMBED,
    }
    assert yaml.load(files["dify/models/llm/_position.yaml"]) == IDS


def test_the_dify_sdk_serves_every_id(tree, mock: MockServer, tmp_path: Path) -> None:
    plugin = DifyPlugin(tree[0] / "dify", tmp_path)
    try:
        credentials = {"api_key": KEY, "base_url": mock.url + "/v1"}
        for model in IDS:
            schema = plugin.request(
                "get_ai_model_schemas",
                user_id="u",
                provider="ids",
                model_type="llm",
                model=model,
                credentials=credentials,
            )
            assert schema.error is None and schema.items[0]["model_schema"]["model"] == model
            mock.expect(Reply(json=completion({"role": "assistant", "content": "ok " + model})))
            outcome = plugin.invoke_llm(model, credentials, [{"role": "user", "content": "hi"}], False, provider="ids")
            assert outcome.error is None and outcome.items[0]["delta"]["message"]["content"] == "ok " + model
            assert mock.last.body["model"] == model
    finally:
        plugin.close()


def test_the_maibot_host_serves_every_id(tree, mock: MockServer, tmp_path: Path) -> None:
    shutil.copytree(tree[0] / "maibot", tmp_path / "ids" / "maibot")
    host = MaiBotHost(tmp_path / "ids" / "maibot")
    try:
        for model in IDS[:3]:
            mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
            result = host.call(
                op="response",
                api_provider={"base_url": mock.url + "/v1", "api_key": KEY, "client_type": "ids"},
                model_info={"model_identifier": model, "name": model},
                context_items=[{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "hi"}]}],
            )
            assert result["ok"] and result["content"] == "ok" and mock.last.body["model"] == model
    finally:
        host.close()
