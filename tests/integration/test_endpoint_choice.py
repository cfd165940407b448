"""A credential field that picks the base URL (a region select, an international switch), through
the real SDK: the field's value decides where calls go, and the base-URL override still wins."""

from __future__ import annotations

import pytest

from tests.integration.dify_runner import DifyPlugin
from tests.integration.mock_server import MockServer, Reply
from tests.integration.payloads import KEY, completion
from tests.integration.specs import compile_to


@pytest.fixture(scope="module")
def regional(tmp_path_factory: pytest.TempPathFactory, mock: MockServer):
    region = {
        "variable": "region",
        "label": "Region",
        "type": "radio",
        "default": "us",
        "options": [{"value": "us"}, {"value": "eu"}],
        "base_urls": {"us": mock.url + "/us/v1", "eu": mock.url + "/eu/v1/"},
    }
    spec = {
        "name": "regional",
        "label": "Regional",
        "description": "Two regions.",
        "author": "tester",
        "version": "1.0.0",
        "icons": {"small": "icons/s.svg"},
        "repository": "https://github.com/tester/plugins",
        "api": {"base_url": "https://api.regional.example/v1"},
        "credentials": {"extra": [region]},
        "models": [{"name": "chat-1", "context_size": 4096}],
    }
    folder = tmp_path_factory.mktemp("regional")
    out, _ = compile_to(folder, spec)
    plugin = DifyPlugin(out / "dify", folder / "run", read_timeout=2)
    yield plugin
    plugin.close()


@pytest.mark.parametrize(
    "answers,path",
    [
        ({"region": "eu"}, "/eu/v1/chat/completions"),
        ({"region": "us"}, "/us/v1/chat/completions"),
        ({"region": "eu", "base_url": "{mock}/mine/v1"}, "/mine/v1/chat/completions"),
    ],
)
def test_the_region_picks_the_base_url(regional, mock, answers, path):
    credentials = {"api_key": KEY} | {k: v.format(mock=mock.url) for k, v in answers.items()}
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    outcome = regional.invoke_llm(
        "chat-1", credentials, [{"role": "user", "content": "Hi"}], False, provider="regional"
    )
    assert outcome.error is None, outcome.message
    assert mock.last.path == path
