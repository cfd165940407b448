"""Text embeddings on both hosts, for the specs with embedding models on a protocol whose embedding
answers the mock makes (protocols/): batches, usage (or an offline count), the request, typed errors."""

from __future__ import annotations


import pytest

from compiler.model import Provider
from tests.conformance.expect import assert_auth, failing
from tests.conformance.protocols import filled_path, Adapter, base_path, sent_id
from tests.integration.mock_server import Reply

# Checks of the spec as a whole, not repeated for each protocol its chat models speak (specs.py: VIEW).
WHOLE_SPEC = True


@pytest.fixture
def models(provider: Provider, api: Adapter) -> list:
    """The spec's embedding models (asked for first: a spec without them starts no plugin here)."""
    if not provider.models_of("text-embedding") or not provider.endpoints.get("embeddings"):
        pytest.skip("the spec declares no embedding models")
    if not api.EMBEDDINGS:
        pytest.skip(f"the mock makes no {api.NAME} embeddings")
    return provider.models_of("text-embedding")


def path(provider: Provider, model: str) -> str:
    return base_path(provider) + filled_path(provider, provider.endpoints["embeddings"], model)


def embed(dify, model: str, texts: list[str], input_type: str = "document"):
    return dify.request(
        "invoke_text_embedding",
        user_id="u1",
        provider=dify.provider.name,
        model_type="text-embedding",
        model=model,
        credentials=dify.credentials(),
        texts=texts,
        input_type=input_type,
    )


def test_dify_embeds_in_batches_with_usage(models, dify, provider, api, mock):
    model = models[-1]
    texts = [f"text {i}" for i in range(model.max_chunks + 3)]
    batches = [
        list(range(start, min(start + model.max_chunks, len(texts))))
        for start in range(0, len(texts), model.max_chunks)
    ]
    mock.expect(*(Reply(json=api.embeddings([[float(i), 0.5] for i in batch], 5 * len(batch))) for batch in batches))
    outcome = embed(dify, model.name, texts)
    assert outcome.error is None, outcome.message
    result = outcome.items[0]
    assert [v[0] for v in result["embeddings"]] == [float(i) for i in range(len(texts))]
    if api.EMBEDDING_USAGE:
        assert result["usage"]["tokens"] == 5 * len(texts)
    else:
        assert result["usage"]["tokens"] > 0  # counted offline
    wire = sent_id(api, provider, model.name)  # its api_id when it has one (Baichuan-Text-Embedding)
    assert [api.embedded(r) for r in mock.requests] == [(wire, [texts[i] for i in batch]) for batch in batches]
    assert mock.last.path == path(provider, model.name)
    assert_auth(provider, mock.last)


def test_dify_embedding_errors_are_typed(models, dify, api, mock):
    model = models[0]
    mock.expect(failing(api, 429, "too many"))
    outcome = embed(dify, model.name, ["a"], "query")
    assert outcome.error_type == "InvokeRateLimitError"


def test_maibot_embeds(models, maibot, provider, api, mock):
    model = models[0]
    mock.expect(Reply(json=api.embeddings([[0.25, -0.5, 1.0]], 3)))
    result = maibot.call(
        op="embedding",
        api_provider=maibot.api_provider(),
        input="hello world",
        model_info={"model_identifier": model.name, "name": model.name, "model_type": "embedding"},
    )
    assert result["ok"], result
    assert result["embedding"] == [0.25, -0.5, 1.0]
    if api.EMBEDDING_USAGE:
        assert result["usage"]["prompt_tokens"] == 3
    assert mock.last.path == path(provider, model.name)
    assert api.embedded(mock.last) == (sent_id(api, provider, model.name), ["hello world"])
    assert_auth(provider, mock.last)


def test_maibot_refuses_an_answer_without_the_embedding(models, maibot, api, mock):
    model = models[0]
    mock.expect(Reply(json=api.embeddings([])))
    result = maibot.call(
        op="embedding",
        api_provider=maibot.api_provider(),
        input="x",
        model_info={"model_identifier": model.name, "name": model.name, "model_type": "embedding"},
    )
    assert result["ok"] is False and "expected 1 embeddings" in result["message"], result
