"""The Gemini answers the plugins are tested against (gemini_api.py), read by the official
`google-genai` SDK as a client: blocking, streamed (thoughts, a function call with its thought
signature), a blocked prompt, and the errors the API reference lists."""

from __future__ import annotations

import pytest
from google import genai
from google.genai import errors, types

from tests.integration import gemini_api as api

CALL = {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "c2lnbmF0dXJl"}


@pytest.fixture
def client(mock) -> genai.Client:
    options = types.HttpOptions(
        base_url=mock.url, api_version="v1beta", retry_options=types.HttpRetryOptions(attempts=1)
    )
    return genai.Client(api_key="AIza-test", http_options=options)


def test_the_sdk_reads_a_blocking_answer(client, mock) -> None:
    usage = {"promptTokenCount": 30, "candidatesTokenCount": 10, "thoughtsTokenCount": 5, "cachedContentTokenCount": 20}
    mock.expect(
        api.Reply(json=api.answer({"text": "Need it.", "thought": True}, {"text": "Checking."}, CALL, usage=usage))
    )
    result = client.models.generate_content(model="gemini-test", contents="Weather in Paris?")
    parts = result.candidates[0].content.parts
    assert parts[0].thought is True and parts[1].text == "Checking."
    assert (parts[2].function_call.name, parts[2].function_call.args) == ("get_weather", {"city": "Paris"})
    assert parts[2].thought_signature == b"signature"
    assert result.usage_metadata.cached_content_token_count == 20 and result.candidates[0].finish_reason == "STOP"
    recorded = mock.last
    assert recorded.path == "/v1beta/models/gemini-test:generateContent"
    assert recorded.headers["x-goog-api-key"] == "AIza-test"


def test_the_sdk_reads_a_stream(client, mock) -> None:
    mock.expect(
        api.streamed(
            api.chunk({"text": "Hmm", "thought": True}),
            api.chunk({"text": "Hel"}),
            api.answer({"text": "lo."}),
        )
    )
    pieces = list(client.models.generate_content_stream(model="gemini-test", contents="Hi"))
    assert [p.candidates[0].content.parts[0].text for p in pieces] == ["Hmm", "Hel", "lo."]
    assert pieces[-1].candidates[0].finish_reason == "STOP" and pieces[-1].usage_metadata.prompt_token_count == 12
    assert mock.last.path == "/v1beta/models/gemini-test:streamGenerateContent" and mock.last.query == {"alt": "sse"}


def test_the_sdk_reads_a_blocked_prompt(client, mock) -> None:
    mock.expect(api.Reply(json=api.blocked("SAFETY")))
    result = client.models.generate_content(model="gemini-test", contents="Hi")
    assert result.prompt_feedback.block_reason == "SAFETY" and not result.candidates


@pytest.mark.parametrize("status,code", api.ERRORS)
def test_the_sdk_types_every_error(client, mock, status, code) -> None:
    mock.expect(api.error(status, code, f"{code} here"))
    with pytest.raises(errors.APIError) as caught:
        client.models.generate_content(model="gemini-test", contents="Hi")
    assert caught.value.code == status and caught.value.status == code
    assert isinstance(caught.value, errors.ClientError if status < 500 else errors.ServerError)


def test_the_sdk_reads_batch_embeddings_and_sends_what_the_plugins_send(client, mock) -> None:
    """The SDK's own batchEmbedContents request is the one gemini_embeddings.py builds."""
    from compiler.runtime.kinds import gemini_embeddings

    mock.expect(api.Reply(json=api.embeddings([0.5, -1.0], [0.25, 2.0])))
    config = types.EmbedContentConfig(task_type="RETRIEVAL_QUERY", output_dimensionality=2)
    contents = [types.Content(parts=[types.Part(text=text)]) for text in ("a", "b")]  # one request each
    result = client.models.embed_content(model="gemini-embedding-test", contents=contents, config=config)
    assert [e.values for e in result.embeddings] == [[0.5, -1.0], [0.25, 2.0]]
    sent = mock.last
    ours = gemini_embeddings.request(
        "gemini-embedding-test",
        ["a", "b"],
        input_type="query",
        settings={"dimensions": 2, "input_type": ("taskType", "RETRIEVAL_QUERY", "RETRIEVAL_DOCUMENT")},
    )
    assert sent.path == "/v1beta/models/gemini-embedding-test:batchEmbedContents"
    for request in sent.body["requests"]:
        request["content"].pop("role", None)  # the API reference's examples send none
    assert sent.body == ours.body
