"""The Azure mock's answers (azure_mock.py over the openai_chat and openai_responses adapters), read by
the official `openai` SDK's own Azure client, AzureOpenAI, and its v1 client: a deployment's chat
completion and Responses answer, blocking and streamed, with Azure's content-filter annotations; a
prompt the filter refused and an answer it stopped; a bearer token from the Entra mock. And the
requests the SDK sends go where specs/azure_openai.yaml sends them: the same paths, api-version and
auth header, so the plugins' calls are the ones Azure's own client makes."""

from __future__ import annotations

import pytest

from compiler.runtime import entra, http
from tests.conformance.protocols import Text
from tests.conformance.protocols import openai_chat as chat
from tests.conformance.protocols import openai_responses as responses
from tests.conformance.shapes import Lazy
from tests.conformance.specs import lowered
from tests.integration import azure_mock
from tests.integration.mock_server import Reply

openai = Lazy("openai")
VERSION = "2024-10-21"
DEPLOYMENT = "contoso-gpt4o"
HELLO = [{"role": "user", "content": "Hi"}]


@pytest.fixture
def azure(mock):
    return openai.AzureOpenAI(azure_endpoint=mock.url, api_version=VERSION, api_key="azure-key", max_retries=0)


@pytest.fixture
def v1(mock):
    return openai.OpenAI(base_url=mock.url + "/openai/v1", api_key="azure-key", max_retries=0)


def spec_path(key: str, protocol: str = "openai_chat") -> str:
    """Where specs/azure_openai.yaml sends a deployment's call of this endpoint."""
    api = lowered("azure_openai").api
    table = api.endpoints if protocol == api.protocol else api.protocols[protocol]["endpoints"]
    return http.model_path(table[key], DEPLOYMENT)


def test_a_deployments_chat_completion(azure, mock) -> None:
    mock.expect(Reply(json=azure_mock.annotated(chat.answer(Text("Hello there")))))
    answer = azure.chat.completions.create(model=DEPLOYMENT, messages=HELLO)
    assert answer.choices[0].message.content == "Hello there" and answer.usage.prompt_tokens > 0
    assert answer.prompt_filter_results[0]["content_filter_results"]["hate"]["filtered"] is False
    assert mock.last.path == spec_path("chat") and mock.last.query == {"api-version": VERSION}
    assert mock.last.headers["api-key"] == "azure-key" and "authorization" not in mock.last.headers


def test_a_deployments_stream(azure, mock) -> None:
    mock.expect(Reply(sse=azure_mock.annotated_stream(chat.stream(Text("Hel"), Text("lo")))))
    chunks = list(azure.chat.completions.create(model=DEPLOYMENT, messages=HELLO, stream=True))
    assert chunks[0].choices == [] and chunks[0].prompt_filter_results
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "Hello"
    assert mock.last.path == spec_path("chat")


def test_the_v1_api_takes_the_deployment_as_the_model(v1, mock) -> None:
    mock.expect(Reply(json=azure_mock.annotated(chat.answer(Text("ok")))))
    assert v1.chat.completions.create(model=DEPLOYMENT, messages=HELLO).choices[0].message.content == "ok"
    assert mock.last.path == "/openai/v1/chat/completions" and mock.last.body["model"] == DEPLOYMENT
    assert not mock.last.query  # the v1 API takes no api-version


@pytest.mark.parametrize("stream", [False, True], ids=["blocking", "stream"])
def test_a_responses_deployment(azure, mock, stream) -> None:
    mock.expect(Reply(sse=responses.stream(Text("Fine"))) if stream else Reply(json=responses.answer(Text("Fine"))))
    made = azure.responses.create(model=DEPLOYMENT, input="Hi", stream=stream)
    if stream:
        text = "".join(e.delta for e in made if e.type == "response.output_text.delta")
    else:
        text = made.output_text
    assert text == "Fine" and mock.last.body["model"] == DEPLOYMENT
    assert mock.last.path == spec_path("chat", "openai_responses") and mock.last.query == {"api-version": VERSION}


def test_a_filtered_prompt_is_the_sdks_bad_request(azure, mock) -> None:
    mock.expect(Reply(400, azure_mock.prompt_filtered("violence", "jailbreak")))
    with pytest.raises(openai.BadRequestError) as caught:
        azure.chat.completions.create(model=DEPLOYMENT, messages=HELLO)
    assert caught.value.code == "content_filter"
    assert caught.value.body["innererror"]["content_filter_result"]["jailbreak"] == {"filtered": True, "detected": True}


def test_a_filtered_answer_and_stream_end_in_content_filter(azure, mock) -> None:
    mock.expect(Reply(json=azure_mock.answer_filtered("sexual")))
    choice = azure.chat.completions.create(model=DEPLOYMENT, messages=HELLO).choices[0]
    assert choice.finish_reason == "content_filter" and choice.content_filter_results["sexual"]["filtered"]
    mock.expect(Reply(sse=azure_mock.stream_filtered("Once", "violence")))
    chunks = [c for c in azure.chat.completions.create(model=DEPLOYMENT, messages=HELLO, stream=True) if c.choices]
    assert chunks[-1].choices[0].finish_reason == "content_filter"


def test_an_entra_token_is_the_sdks_bearer(mock) -> None:
    server = azure_mock.start_entra()
    try:
        credentials = {
            "auth_method": "entra_id_service_principal",
            "azure_tenant_id": azure_mock.TENANT,
            "azure_client_id": azure_mock.CLIENT_ID,
            "azure_client_secret": azure_mock.CLIENT_SECRET,
            "azure_authority_host": server.url,
        }
        client = openai.AzureOpenAI(
            azure_endpoint=mock.url,
            api_version=VERSION,
            azure_ad_token_provider=lambda: entra.token(credentials),
            max_retries=0,
        )
        for _ in range(3):
            mock.expect(Reply(json=azure_mock.annotated(chat.answer(Text("ok")))))
            client.chat.completions.create(model=DEPLOYMENT, messages=HELLO)
        assert mock.last.headers["authorization"] == "Bearer entra-token-1" and len(server.issued) == 1
    finally:
        server.close()
