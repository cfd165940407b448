"""A model the spec does not list (one a Dify user adds by id, any id a MaiBot user sets) is sent
with its kind's `defaults` wire settings, one test per setting, through the real Dify SDK and
MaiBot's real host; a listed model that says otherwise keeps its own."""

from __future__ import annotations

import base64
import struct

import pytest

from tests.integration.mock_server import Reply
from tests.integration.payloads import completion
from tests.integration.specs import hosts_of, spec_of

pytestmark = pytest.mark.xdist_group("unlisted")  # its two processes start once per run

KEY = "sk-unlisted-test"
ADDED = "team/added-model"  # listed nowhere in the spec
LISTED = "listed-chat"
EMBEDDER = "team/added-embedder"
SPEC = spec_of(
    "unlisted",
    api={"base_url": "https://api.unlisted.example/v1"},
    defaults={
        "llm": {
            "context_size": 8192,
            "send_stop": False,
            "system_messages": "as_user",
            "stream": False,
            "body": {"service_tier": "flex"},
            "never_send": ["top_p"],
            "parameters": ["temperature", "top_p", "max_tokens"],
        },
        "text-embedding": {
            "context_size": 512,
            "dimensions": 3,
            "encoding": "base64",
            "input_type": {"send_as": "input_type", "query": "search_query", "document": "search_document"},
            "body": {"truncate": "END"},
        },
    },
    models=[
        {
            "name": LISTED,
            "send_stop": True,
            "system_messages": "keep",
            "stream": True,
            "body": {"service_tier": "auto"},
            "never_send": [],
        }
    ],
    customizable={"types": ["llm", "text-embedding"]},
)
HISTORY = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]


@pytest.fixture(scope="module")
def plugins(tmp_path_factory: pytest.TempPathFactory):
    yield from hosts_of(tmp_path_factory.mktemp("unlisted"), SPEC)


def credentials(mock) -> dict:
    return {"api_key": KEY, "base_url": mock.url + "/v1"}


def dify_chat(plugins, mock, model: str, stream: bool = False, **extra) -> dict:
    """The body of the chat request a Dify call to `model` makes (a user-added one by default)."""
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    outcome = plugins[0].invoke_llm(model, credentials(mock), HISTORY, stream, provider="unlisted", **extra)
    assert outcome.error is None, outcome.message
    return mock.last.body


def maibot_chat(plugins, mock, model: str, stream: bool = False, **extra) -> dict:
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    result = plugins[1].call(
        op="response",
        api_provider={"client_type": "unlisted", "base_url": mock.url + "/v1", "api_key": KEY},
        model_info={"model_identifier": model, "name": model, "force_stream_mode": stream},
        context_items=[
            {"item_type": "SystemMessageItem", "parts": [{"type": "text", "text": "Be brief."}]},
            {"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "Hi"}]},
        ],
        **extra,
    )
    assert result["ok"], result
    return mock.last.body


def test_send_stop_false(plugins, mock):
    assert "stop" not in dify_chat(plugins, mock, ADDED, stop=["END"])
    assert dify_chat(plugins, mock, LISTED, stop=["END"])["stop"] == ["END"]


@pytest.mark.parametrize("host", [dify_chat, maibot_chat], ids=["dify", "maibot"])
def test_system_messages_as_user(plugins, mock, host):
    assert [m["role"] for m in host(plugins, mock, ADDED)["messages"]] == ["user", "user"]
    assert [m["role"] for m in host(plugins, mock, LISTED)["messages"]] == ["system", "user"]


@pytest.mark.parametrize("host", [dify_chat, maibot_chat], ids=["dify", "maibot"])
def test_stream_false(plugins, mock, host):
    """A stream is asked for; the defaults say the model answers in one piece."""
    body = host(plugins, mock, ADDED, stream=True)
    assert body["stream"] is False and "stream_options" not in body


@pytest.mark.parametrize("host", [dify_chat, maibot_chat], ids=["dify", "maibot"])
def test_fixed_body_fields(plugins, mock, host):
    assert host(plugins, mock, ADDED)["service_tier"] == "flex"
    assert host(plugins, mock, LISTED)["service_tier"] == "auto"


def test_never_send(plugins, mock):
    parameters = {"top_p": 0.5, "temperature": 0.3}
    body = dify_chat(plugins, mock, ADDED, parameters=parameters)
    assert "top_p" not in body and body["temperature"] == 0.3
    assert dify_chat(plugins, mock, LISTED, parameters=parameters)["top_p"] == 0.5
    body = maibot_chat(plugins, mock, ADDED, extra_params={"top_p": 0.5})
    assert "top_p" not in body


def embedded(vectors: list[list[float]]) -> dict:
    """An OpenAI-style embeddings answer with base64 float32 vectors."""
    data = [
        {"index": i, "embedding": base64.b64encode(struct.pack(f"<{len(v)}f", *v)).decode()}
        for i, v in enumerate(vectors)
    ]
    return {"data": data, "usage": {"prompt_tokens": 2, "total_tokens": 2}}


def dify_embed(plugins, mock, input_type: str) -> tuple[dict, dict]:
    mock.expect(Reply(json=embedded([[0.5, -1.0, 2.0]])))
    outcome = plugins[0].request(
        "invoke_text_embedding",
        user_id="u1",
        provider="unlisted",
        model_type="text-embedding",
        model=EMBEDDER,
        credentials=credentials(mock),
        texts=["hello"],
        input_type=input_type,
    )
    assert outcome.error is None, outcome.message
    return mock.last.body, outcome.items[0]


def maibot_embed(plugins, mock) -> tuple[dict, dict]:
    mock.expect(Reply(json=embedded([[0.5, -1.0, 2.0]])))
    result = plugins[1].call(
        op="embedding",
        api_provider={"client_type": "unlisted", "base_url": mock.url + "/v1", "api_key": KEY},
        model_info={"model_identifier": EMBEDDER, "name": EMBEDDER},
        input="hello",
    )
    assert result["ok"], result
    return mock.last.body, result


def test_embedding_input_type(plugins, mock):
    assert dify_embed(plugins, mock, "query")[0]["input_type"] == "search_query"
    assert dify_embed(plugins, mock, "document")[0]["input_type"] == "search_document"


def test_embedding_base64_encoding(plugins, mock):
    body, result = dify_embed(plugins, mock, "query")
    assert body["encoding_format"] == "base64" and result["embeddings"] == [[0.5, -1.0, 2.0]]
    body, result = maibot_embed(plugins, mock)
    assert body["encoding_format"] == "base64" and result["embedding"] == [0.5, -1.0, 2.0]


def test_embedding_dimensions_and_fixed_body(plugins, mock):
    for body in (dify_embed(plugins, mock, "query")[0], maibot_embed(plugins, mock)[0]):
        assert body["dimensions"] == 3 and body["truncate"] == "END"
