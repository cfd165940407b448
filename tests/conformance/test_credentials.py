"""The credential check (Dify's; MaiBot has none): a good key, a bad key, an unreachable server."""

from __future__ import annotations

from tests.conformance.expect import assert_auth, closed_port
from tests.conformance.hosts import first_llm
from tests.conformance.protocols import Text, base_path
from tests.integration.mock_server import Reply

# Checks of the spec as a whole, not repeated for each protocol its chat models speak (specs.py: VIEW).
WHOLE_SPEC = True


def test_a_good_key(dify, provider, api, mock):
    models = provider.api.endpoints.get("models")
    mock.expect(Reply(json=api.models([first_llm(provider)]) if models else api.answer(Text("pong"))))
    answer = dify.validate()
    assert answer.error is None and answer.raw.items[0]["result"] is True, answer.message
    if models:
        assert (mock.last.method, mock.last.path) == ("GET", base_path(provider) + models)
    else:
        assert (mock.last.method, mock.last.path) == ("POST", api.chat_path(provider, first_llm(provider), False)[0])
    assert_auth(provider, mock.last)


def test_a_bad_key(dify, api, mock):
    mock.expect(Reply(401, api.error_body(401, "Invalid API key provided")))
    answer = dify.validate()
    assert answer.error == "credentials"
    assert "Invalid API key provided" in answer.message and "401" in answer.message


def test_an_unreachable_server(dify):
    port = closed_port()
    answer = dify.validate(base_url=f"http://127.0.0.1:{port}/v1")
    assert answer.error == "credentials" and f"127.0.0.1:{port}" in answer.message
