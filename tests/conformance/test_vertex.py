"""specs/vertex_ai.yaml's own checks, on both hosts: a broken service-account key is a credentials
error that shows none of it and sends nothing; a Claude id the spec does not list goes, from MaiBot,
to the Anthropic publisher with the model in the path alone; the Mistral models' rawPredict body."""

from __future__ import annotations

import json

from tests.conformance.hosts import dify_answer, user
from tests.conformance.protocols import Text
from tests.conformance.protocols import anthropic_messages as claude
from tests.conformance.protocols import openai_chat as mistral
from tests.conformance.protocols import vertex_gemini as gemini
from tests.conformance.specs import lowered, only
from tests.integration.google_token import assert_token, shared
from tests.integration.mock_server import Reply


@only("vertex_ai")
def test_a_broken_key_is_a_credentials_error_that_shows_none_of_it(dify, mock):
    _, info = shared()
    broken = json.dumps(
        info | {"private_key": "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5\n-----END PRIVATE KEY-----\n"}
    )
    before = len(mock.requests)
    credentials = dify.credentials() | {dify.provider.api.api_key_variable: broken}
    outcome = dify.request("validate_provider_credentials", user_id="u1", provider="vertex_ai", credentials=credentials)
    answer = dify_answer(outcome)
    assert answer.error == "credentials" and "private_key" in answer.shown, answer.shown
    assert "bm90LWEta2V5" not in answer.shown + dify.logs() and len(mock.requests) == before


@only("vertex_ai")
def test_maibot_sends_an_unlisted_claude_id_to_the_anthropic_publisher(maibot, mock):
    provider = lowered("vertex_ai@anthropic_messages")
    mock.expect(Reply(json=claude.answer(Text("Bonjour."))))
    answer = maibot.chat(user("Hello"), model="claude-opus-9@20990101")
    assert answer.error is None and answer.text == "Bonjour.", answer.shown
    assert mock.last.path == claude.chat_path(provider, "claude-opus-9@20990101", False)[0]
    assert "model" not in mock.last.body and mock.last.body["anthropic_version"] == "vertex-2023-10-16"
    assert_token(mock.last)


@only("vertex_ai")
def test_mistral_streams_at_stream_raw_predict_without_user_or_stream_options(dify, mock):
    provider = lowered("vertex_ai@openai_chat")
    mock.expect(Reply(sse=mistral.stream(Text("Bon"), Text("jour."))))
    answer = dify.chat(user("Hello"), model="mistral-small-2503", stream=True)
    assert answer.error is None and answer.text == "Bonjour.", answer.message
    assert (mock.last.path, mock.last.body["model"]) == (
        mistral.chat_path(provider, "mistral-small-2503", True)[0],
        "mistral-small-2503",
    )
    assert mock.last.path.endswith(":streamRawPredict") and not {"user", "stream_options"} & set(mock.last.body)


@only("vertex_ai")
def test_an_express_mode_key_goes_as_x_goog_api_key_without_project_or_location(dify, provider, mock):
    mock.expect(Reply(json=gemini.answer(Text("Bonjour."))))
    credentials = dify.credentials() | {provider.api.api_key_variable: "AQ.express-conformance-key"}
    model = provider.models_of("llm")[0].name
    outcome = dify.invoke_llm(model, credentials, [{"role": "user", "content": "Hi"}], False, provider="vertex_ai")
    assert outcome.error is None, outcome.message
    assert mock.last.path == f"/v1/publishers/google/models/{model}:generateContent"  # the override's host kept
    assert mock.last.headers["x-goog-api-key"] == "AQ.express-conformance-key"
    assert "authorization" not in mock.last.headers


@only("vertex_ai")
def test_one_token_serves_every_call_and_family_of_a_plugin_process(dify, maibot, mock):
    endpoint, _ = shared()
    for host in (dify, maibot):
        mock.expect(Reply(json=gemini.answer(Text("warm"))))
        assert host.chat(user("Hello")).error is None  # the process has its token now
    issued = len(endpoint.issued)
    models = [("gemini-2.5-flash", gemini), ("claude-sonnet-4-5@20250929", claude), ("mistral-small-2503", mistral)]
    for host in (dify, maibot):
        for model, api in models * 2:
            mock.expect(Reply(json=api.answer(Text("ok"))))
            answer = host.chat(user("Hello"), model=model)
            assert answer.error is None and answer.text == "ok", answer.shown
            assert_token(mock.last)
    assert len(endpoint.issued) == issued  # twelve calls over three publishers, no new token
