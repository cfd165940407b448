"""specs/azure_openai.yaml over both hosts, against the Azure mock: a deployment (a model the user adds,
with a base model) on each URL shape (/openai/deployments/<deployment>/… with api-version, and the
/openai/v1 API with the deployment as the model), on each auth (api-key, an Entra ID token from the
Entra mock, one token for many calls), a Responses deployment, a completion one, the schema its base
model gives it, and Azure's content filter as a typed error, blocking and mid-stream. MaiBot follows
the v1 convention: base_url the resource endpoint, api_key the api-key, the model id the deployment."""

from __future__ import annotations

import pytest

from tests.conformance.hosts import KEY, context_items, dify_answer, maibot_answer, user
from tests.conformance.protocols import Text
from tests.conformance.protocols import openai_chat as chat
from tests.conformance.protocols import openai_responses as responses
from tests.conformance.specs import only
from tests.conformance.test_kinds import good, invocation
from tests.integration import azure_mock
from tests.integration.mock_server import Reply
from tests.integration.payloads import completion

pytestmark = only("azure_openai")

DEPLOYMENT = "contoso-prod-4o"
VERSION = "2024-10-21"
HELLO = [{"role": "user", "content": "Hello"}]
SHAPES = {"deployments": "", "v1": "/openai/v1"}


def deployment(mock, base: str = "gpt-4o", shape: str = "deployments", **more: str) -> dict[str, str]:
    """A deployment's model form, with the api-key."""
    return {
        "openai_api_base": mock.url + SHAPES[shape],
        "auth_method": "api_key",
        "openai_api_key": KEY,
        "openai_api_version": VERSION,
        "base_model_name": base,
    } | more


def where(mock, shape: str, deployments_path: str, v1_path: str) -> None:
    """The call went to the shape's path, with api-version on the deployments path only."""
    if shape == "deployments":
        assert (mock.last.path, mock.last.query) == (deployments_path, {"api-version": VERSION})
    else:
        assert (mock.last.path, mock.last.query) == ("/openai/v1" + v1_path, {})
    assert mock.last.body["model"] == DEPLOYMENT


def invoke(dify, provider, credentials: dict, stream: bool, **extra):
    return dify_answer(dify.invoke_llm(DEPLOYMENT, credentials, HELLO, stream, provider=provider.name, **extra))


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_deployment_on_each_url_shape(dify, provider, mock, stream, shape):
    usage = (31, 7)
    mock.expect(
        Reply(sse=azure_mock.annotated_stream(chat.stream(Text("Hi there"), usage=usage)))
        if stream
        else Reply(json=azure_mock.annotated(chat.answer(Text("Hi there"), usage=usage)))
    )
    answer = invoke(dify, provider, deployment(mock, shape=shape), stream, parameters={"temperature": 0.3})
    assert answer.error is None and answer.text == "Hi there", answer.message
    assert (answer.usage["prompt_tokens"], answer.usage["completion_tokens"]) == usage  # Azure's, not counted
    where(mock, shape, f"/openai/deployments/{DEPLOYMENT}/chat/completions", "/chat/completions")
    assert mock.last.headers["api-key"] == KEY and "authorization" not in mock.last.headers
    assert mock.last.body["temperature"] == 0.3


@pytest.mark.parametrize("shape", list(SHAPES))
def test_an_entra_token_serves_many_calls(dify, provider, mock, shape):
    server = azure_mock.start_entra()
    try:
        credentials = deployment(mock, shape=shape, auth_method="entra_id_service_principal", openai_api_key="")
        credentials |= {
            "azure_tenant_id": azure_mock.TENANT,
            "azure_client_id": azure_mock.CLIENT_ID,
            "azure_client_secret": azure_mock.CLIENT_SECRET,
            "azure_authority_host": server.url,
        }
        for _ in range(3):
            mock.expect(Reply(json=azure_mock.annotated(chat.answer(Text("ok")))))
            assert invoke(dify, provider, credentials, False).error is None
            assert mock.last.headers["authorization"] == "Bearer entra-token-1"
            assert "api-key" not in mock.last.headers
        assert len(server.issued) == 1 and server.issued[0]["scope"] == azure_mock.SCOPE
        wrong = credentials | {"azure_client_secret": "not-the-secret"}
        refused = invoke(dify, provider, wrong, False)
        assert refused.error == "authorization"  # Dify's SDK shows its own text for these
        assert "not-the-secret" not in refused.shown
    finally:
        server.close()


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_responses_deployment(dify, provider, mock, stream, shape):
    mock.expect(Reply(sse=responses.stream(Text("Fine"))) if stream else Reply(json=responses.answer(Text("Fine"))))
    answer = invoke(dify, provider, deployment(mock, base="gpt-5", shape=shape), stream)
    assert answer.error is None and answer.text == "Fine", answer.message
    where(mock, shape, "/openai/responses", "/responses")
    assert mock.last.body["input"] and "messages" not in mock.last.body


def test_a_completion_deployment(dify, provider, mock):
    mock.expect(
        Reply(
            json=completion({"role": "assistant", "content": "x"})
            | {"choices": [{"index": 0, "text": " Paris.", "finish_reason": "stop"}]}
        )
    )
    answer = invoke(dify, provider, deployment(mock, base="gpt-35-turbo-instruct"), False)
    assert answer.error is None and answer.text == " Paris.", answer.message
    where(mock, "deployments", f"/openai/deployments/{DEPLOYMENT}/completions", "/completions")
    assert mock.last.body["prompt"]


def test_the_schema_is_the_base_models(dify, provider, mock):
    credentials = deployment(mock, base="o3-mini")
    outcome = dify.request(
        "get_ai_model_schemas",
        user_id="u1",
        provider=provider.name,
        model_type="llm",
        model=DEPLOYMENT,
        credentials=credentials,
    )
    assert outcome.error is None, outcome.message
    schema = outcome.items[0]["model_schema"]
    base = next(m for m in provider.customizable.base_models if m.name == "o3-mini").added_schema()
    assert schema["model"] == DEPLOYMENT and schema["label"]["en_US"] == DEPLOYMENT
    assert schema["features"] == base["features"] and schema["model_properties"] == base["model_properties"]
    assert [r["name"] for r in schema["parameter_rules"]] == [r["name"] for r in base["parameter_rules"]]
    assert {k: str(v) for k, v in schema["pricing"].items()} == {k: str(v) for k, v in base["pricing"].items()}
    assert mock.requests == []


def test_the_deployments_credentials_are_checked_by_calling_it(dify, provider, mock):
    mock.expect(Reply(json=azure_mock.annotated(chat.answer(Text("p")))))
    outcome = dify.request(
        "validate_model_credentials",
        user_id="u1",
        provider=provider.name,
        model_type="llm",
        model=DEPLOYMENT,
        credentials=deployment(mock),
    )
    assert outcome.error is None, outcome.message
    assert mock.last.path == f"/openai/deployments/{DEPLOYMENT}/chat/completions"


def maibot_call(maibot, base_url: str, stream: bool = False) -> dict:
    return maibot.call(
        op="response",
        api_provider=maibot.api_provider(base_url=base_url),
        model_info={"model_identifier": DEPLOYMENT, "name": DEPLOYMENT, "force_stream_mode": stream},
        context_items=context_items(user("Hello")),
    )


@pytest.mark.parametrize("suffix", ["", "/openai/v1"])
def test_maibot_calls_the_v1_api_of_the_resource(maibot, mock, stream, suffix):
    reply = (
        azure_mock.annotated_stream(chat.stream(Text("Hi")))
        if stream
        else azure_mock.annotated(chat.answer(Text("Hi")))
    )
    mock.expect(Reply(sse=reply) if stream else Reply(json=reply))
    answer = maibot_answer(maibot_call(maibot, mock.url + suffix, stream))
    assert answer.error is None and answer.text == "Hi", answer.message
    assert (mock.last.path, mock.last.query) == ("/openai/v1/chat/completions", {})
    assert mock.last.body["model"] == DEPLOYMENT and mock.last.headers["api-key"] == KEY


FILTERED = [
    ("prompt", lambda: Reply(400, azure_mock.prompt_filtered("violence", "jailbreak")), "violence (medium), jailbreak"),
    ("answer", lambda: Reply(json=azure_mock.answer_filtered("sexual")), "sexual (medium)"),
    ("mid-stream", lambda: Reply(sse=azure_mock.stream_filtered("Once upon", "self_harm")), "self_harm (medium)"),
]


@pytest.mark.parametrize(("where_", "reply", "named"), FILTERED, ids=[f[0] for f in FILTERED])
def test_the_content_filter_is_a_bad_request_naming_the_categories(dify, maibot, provider, mock, where_, reply, named):
    stream = where_ == "mid-stream"
    mock.expect(reply())
    answer = invoke(dify, provider, deployment(mock), stream)
    assert (answer.error, answer.error_class) == ("bad_request", "InvokeBadRequestError"), answer.shown
    assert named in answer.message and answer.finish is None  # no answer that ends as if complete
    mock.expect(reply())
    result = maibot_answer(maibot_call(maibot, mock.url, stream))
    assert result.error == "bad_request" and named in result.message, result.shown


KIND_CALLS = [
    ("text-embedding", "text-embedding-3-small", "embeddings"),
    ("speech2text", "whisper-1", "audio/transcriptions"),
    ("tts", "tts-1", "audio/speech"),
]


@pytest.mark.parametrize(("kind", "base", "endpoint"), KIND_CALLS, ids=[k[0] for k in KIND_CALLS])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_deployment_of_every_kind(dify, provider, mock, kind, base, endpoint, shape):
    """Embeddings, transcriptions and speech go to the deployment's path too (or the v1 API's)."""
    action, data = invocation(kind)
    credentials = deployment(mock, base=base, shape=shape)
    if kind == "tts":
        data = data | {"voice": "alloy"}
    mock.expect(good(provider, kind))
    outcome = dify.request(
        action, user_id="u1", provider=provider.name, model_type=kind, model=DEPLOYMENT, credentials=credentials, **data
    )
    assert outcome.error is None, outcome.message
    expected = f"/openai/deployments/{DEPLOYMENT}/{endpoint}" if shape == "deployments" else f"/openai/v1/{endpoint}"
    assert mock.last.path == expected and mock.last.headers["api-key"] == KEY
    assert mock.last.query == ({"api-version": VERSION} if shape == "deployments" else {})
