"""The credential check (Dify's; MaiBot has none): a good key, a bad key, an unreachable server."""

from __future__ import annotations

from compiler.model import ModelInfo, Provider
from tests.conformance.expect import assert_auth, closed_port, failing
from tests.conformance.hosts import first_llm
from tests.conformance.protocols import Text, adapter_for, base_path, sent_id
from tests.conformance.specs import speaks, view
from tests.integration.mock_server import Reply

# Checks of the spec as a whole, not repeated for each protocol its chat models speak (specs.py: VIEW).
WHOLE_SPEC = True


def test_a_good_key(dify, provider, api, mock):
    checked = checked_llm(provider)
    speaker = checked or next(iter(provider.models_of("llm")), None)  # the model the plugin validates with
    if speaker is not None:  # checked in the protocol it speaks (a one-token chat, when `check` names it)
        spoken = speaks(provider, speaker)
        provider = view(provider, spoken, whole=spoken == provider.api.protocol)
        api = adapter_for(provider)
    models = None if checked else provider.api.endpoints.get("models")
    mock.expect(Reply(json=api.models([first_llm(provider)]) if models else api.answer(Text("pong"))))
    answer = dify.validate()
    assert answer.error is None and answer.raw.items[0]["result"] is True, answer.message
    if models:
        assert (mock.last.method, mock.last.path) == ("GET", base_path(provider) + models)
    else:
        model = checked.name if checked else first_llm(provider)
        assert (mock.last.method, mock.last.path) == ("POST", api.chat_path(provider, model, False)[0])
        assert api.read(mock.last).model == sent_id(api, provider, model)
    assert_auth(provider, mock.last)


def checked_llm(provider: Provider) -> ModelInfo | None:
    """The chat model credentials.check names (a field's default), which answers the check itself."""
    named = {m.name: m for m in provider.models_of("llm")}
    return named.get(provider.check_model) if provider.check_model else None


def test_a_bad_key(dify, api, mock):
    mock.expect(failing(api, 401, "Invalid API key provided"))
    answer = dify.validate()
    assert answer.error == "credentials"
    assert "Invalid API key provided" in answer.message and "401" in answer.message


def test_an_unreachable_server(dify):
    port = closed_port()
    answer = dify.validate(base_url=f"http://127.0.0.1:{port}/v1")
    assert answer.error == "credentials" and f"127.0.0.1:{port}" in answer.message
