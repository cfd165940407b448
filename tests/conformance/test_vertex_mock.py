"""The Vertex AI shapes the suite's adapters give and read (protocols/vertex_gemini.py, gemini.py,
anthropic_messages.py over Vertex paths), checked with Google's and Anthropic's own clients: the
google-genai SDK in Vertex mode (its token from google-auth, at the loopback token endpoint) and
the anthropic SDK's AnthropicVertex read the mock's answers, and the paths and bodies they send are
the ones the vertex_ai plugins send (the adapters' chat_path and readers, specs/vertex_ai.yaml)."""

from __future__ import annotations

import pytest

from tests.conformance.protocols import Text, filled_path
from tests.conformance.protocols import anthropic_messages as claude
from tests.conformance.protocols import vertex_gemini as api
from tests.conformance.shapes import Lazy
from tests.conformance.specs import lowered
from tests.integration.google_token import assert_token, shared
from tests.integration.mock_server import Reply

genai, types = Lazy("google.genai"), Lazy("google.genai.types")
PROJECT, LOCATION = "conformance-project", "us-central1"  # protocols.PATH_VALUES, the spec's default location


@pytest.fixture
def client(mock) -> genai.Client:
    from google.oauth2 import service_account

    _, info = shared()
    credentials = service_account.Credentials.from_service_account_info(
        info, scopes=["https://www.googleapis.com/auth/cloud-platform"]
    )
    options = types.HttpOptions(base_url=mock.url, api_version="v1", retry_options=types.HttpRetryOptions(attempts=1))
    return genai.Client(
        vertexai=True, project=PROJECT, location=LOCATION, credentials=credentials, http_options=options
    )


def test_genai_in_vertex_mode_reads_an_answer_at_the_plugins_path(client, mock) -> None:
    provider = lowered("vertex_ai")
    mock.expect(Reply(json=api.answer(Text("Bonjour."))))
    result = client.models.generate_content(model="gemini-2.5-flash", contents="Hi")
    assert result.text == "Bonjour." and result.usage_metadata.prompt_token_count == 11
    assert mock.last.path == api.chat_path(provider, "gemini-2.5-flash", False)[0]
    assert_token(mock.last)  # google-auth's token, from the endpoint that checks the plugin's JWTs


def test_genai_in_vertex_mode_streams_at_the_plugins_path(client, mock) -> None:
    provider = lowered("vertex_ai")
    mock.expect(Reply(sse=api.stream(Text("Bon"), Text("jour."))))
    chunks = list(client.models.generate_content_stream(model="gemini-2.5-flash", contents="Hi"))
    assert "".join(c.text or "" for c in chunks) == "Bonjour."
    assert (mock.last.path, mock.last.query) == api.chat_path(provider, "gemini-2.5-flash", True)


def test_genai_in_vertex_mode_embeds_over_predict_as_the_plugins_do(client, mock) -> None:
    provider = lowered("vertex_ai")
    mock.expect(Reply(json=api.embeddings([[0.5, -1.0], [0.25, 2.0]], 7)))
    result = client.models.embed_content(model="text-embedding-005", contents=["a", "b"])
    assert [e.values for e in result.embeddings] == [[0.5, -1.0], [0.25, 2.0]]
    assert [e.statistics.token_count for e in result.embeddings] == [4, 3]
    assert mock.last.path == filled_path(provider, provider.endpoints["embeddings"], "text-embedding-005")
    assert api.embedded(mock.last) == ("text-embedding-005", ["a", "b"])


def test_anthropic_vertex_reads_an_answer_and_sends_the_plugins_shape(mock) -> None:
    from anthropic import AnthropicVertex

    provider = lowered("vertex_ai@anthropic_messages")
    model = provider.models_of("llm")[0].name
    sdk = AnthropicVertex(
        region=LOCATION, project_id=PROJECT, access_token="ya29.sdk", base_url=mock.url + "/v1", max_retries=0
    )
    mock.expect(Reply(json=claude.answer(Text("Bonjour."))))
    message = sdk.messages.create(model=model, max_tokens=10, messages=[{"role": "user", "content": "Hi"}])
    assert message.content[0].text == "Bonjour." and message.usage.input_tokens == 11
    assert mock.last.path == claude.chat_path(provider, model, False)[0]
    assert "model" not in mock.last.body and mock.last.body["anthropic_version"]  # the plugins: vertex-2023-10-16
    assert claude.read(mock.last).model == model
    mock.expect(Reply(sse=claude.stream(Text("Bon"), Text("jour."))))
    with sdk.messages.stream(model=model, max_tokens=10, messages=[{"role": "user", "content": "Hi"}]) as stream:
        assert "".join(stream.text_stream) == "Bonjour."
    assert mock.last.path == claude.chat_path(provider, model, True)[0]
