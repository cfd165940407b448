"""The language gaps of issue 26 through the real Dify SDK and MaiBot's real host, on the golden spec
tests/golden/gaps/gaps.yaml: the API gets each model's api_id whichever id a host names; the user's
base-URL override is rewritten (the spec's is not); the credential check calls the model a field
names; user-added models read the form under the spec's own variables and values; prices per 100K.
A second spec keeps only the origin of the override."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.integration.mock_server import Reply
from tests.integration.payloads import completion
from tests.integration.specs import hosts_of, spec_of

pytestmark = pytest.mark.xdist_group("gaps")  # its processes start once per run

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "gaps" / "gaps.yaml"
SPEC = YAML(typ="safe").load(GOLDEN.read_text(encoding="utf-8")) | {"icons": {"small": "icons/s.svg"}}
KEY = "sk-gaps-test"
HI = [{"role": "user", "content": "Hi"}]
EMBEDDED = {"data": [{"index": 0, "embedding": [0.5, 1.0]}], "usage": {"prompt_tokens": 1, "total_tokens": 1}}


@pytest.fixture(scope="module")
def plugins(tmp_path_factory: pytest.TempPathFactory):
    yield from hosts_of(tmp_path_factory.mktemp("gaps"), SPEC)


def credentials(override: str, **extra: str) -> dict:
    return {"api_key": KEY, "endpoint_url": override} | extra


def dify_chat(plugins, mock, model: str, override: str) -> tuple:
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    outcome = plugins[0].invoke_llm(model, credentials(override), HI, False, provider="gaps")
    assert outcome.error is None, outcome.message
    return mock.last, outcome.items[-1]


def maibot(plugins, mock, op: str, model: str, override: str, reply: Reply, **extra) -> tuple:
    mock.expect(reply)
    result = plugins[1].call(
        op=op,
        api_provider={"client_type": "gaps", "base_url": override, "api_key": KEY},
        model_info={"model_identifier": model, "name": model},
        **extra,
    )
    assert result["ok"], result
    return mock.last


def maibot_chat(plugins, mock, model: str, override: str):
    items = [{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "Hi"}]}]
    reply = Reply(json=completion({"role": "assistant", "content": "ok"}))
    return maibot(plugins, mock, "response", model, override, reply, context_items=items)


@pytest.mark.parametrize(
    "model,wire,body",
    [("gaps-m2", "Gaps-M2", None), ("gaps-m2-fast", "Gaps-M2", "fast"), ("gaps-lite-latest", "Gaps-Lite", None)],
)
def test_dify_sends_the_api_id_to_the_rewritten_override(plugins, mock, model, wire, body):
    sent, _ = dify_chat(plugins, mock, model, mock.url)
    assert (sent.path, sent.body["model"], sent.body.get("speed")) == ("/compat/chat/completions", wire, body)
    sent, _ = dify_chat(plugins, mock, model, mock.url + "/compat/")  # already there: unchanged
    assert sent.path == "/compat/chat/completions"


@pytest.mark.parametrize(
    "identifier,wire,body",
    [
        ("gaps-m2-fast", "Gaps-M2", "fast"),  # the Dify id
        ("Gaps-M2", "Gaps-M2", None),  # the wire id: the first model that sends it
        ("Gaps-Lite", "Gaps-Lite", None),  # a model's name that is another's api_id
        ("gaps-lite-latest", "Gaps-Lite", None),
        ("unlisted-model", "unlisted-model", None),
    ],
)
def test_maibot_takes_either_id_and_sends_the_api_id(plugins, mock, identifier, wire, body):
    sent = maibot_chat(plugins, mock, identifier, mock.url)
    assert (sent.path, sent.body["model"], sent.body.get("speed")) == ("/compat/chat/completions", wire, body)


def test_embeddings_send_the_api_id_on_both_hosts(plugins, mock):
    mock.expect(Reply(json=EMBEDDED))
    outcome = plugins[0].request(
        "invoke_text_embedding",
        user_id="u1",
        provider="gaps",
        model_type="text-embedding",
        model="gaps-embed-v3",
        credentials=credentials(mock.url),
        texts=["hello"],
        input_type="query",
    )
    assert outcome.error is None, outcome.message
    assert (mock.last.path, mock.last.body["model"]) == ("/compat/embeddings", "Gaps-Embed-3")
    sent = maibot(plugins, mock, "embedding", "gaps-embed-v3", mock.url, Reply(json=EMBEDDED), input="hello")
    assert sent.body["model"] == "Gaps-Embed-3"


def test_tts_sends_the_api_id(plugins, mock):
    mock.expect(Reply(audio=[b"ID3audio"]))
    outcome = plugins[0].request(
        "invoke_tts",
        user_id="u1",
        provider="gaps",
        model_type="tts",
        model="gaps-voice",
        credentials=credentials(mock.url),
        content_text="Hi.",
        voice="alloy",
        tenant_id="t1",
    )
    assert outcome.error is None, outcome.message
    assert mock.last.body["model"] == "Gaps-Speech-1"


@pytest.mark.parametrize("chosen,wire", [("", "Gaps-Embed-3"), ("team/other-embedder", "team/other-embedder")])
def test_the_credential_check_calls_the_model_the_field_names(plugins, mock, chosen, wire):
    mock.expect(Reply(json=EMBEDDED))
    outcome = plugins[0].request(
        "validate_provider_credentials",
        user_id="u1",
        provider="gaps",
        credentials=credentials(mock.url, validate_model=chosen),
    )
    assert outcome.error is None, outcome.message
    assert (mock.last.path, mock.last.body["model"]) == ("/compat/embeddings", wire)


def test_prices_per_100k(plugins, mock):
    """USAGE's 11 prompt and 7 completion tokens at 0.03 and 0.12 USD per 100K tokens."""
    _, last = dify_chat(plugins, mock, "gaps-m2", mock.url)
    usage = last["delta"]["usage"] if "delta" in last else last["usage"]
    assert Decimal(str(usage["prompt_price"])) == Decimal("0.0000033")
    assert Decimal(str(usage["completion_price"])) == Decimal("0.0000084")


def test_user_added_models_read_the_spec_variables(plugins, mock):
    answers = {"function_calling_type": "function_call", "max_tokens_to_sample": "1000", "input_price": "2"}
    outcome = plugins[0].request(
        "get_ai_model_schemas",
        user_id="u1",
        provider="gaps",
        model_type="llm",
        model="team/tuned",
        credentials=credentials(mock.url, **answers),
    )
    assert outcome.error is None, outcome.message
    schema = outcome.items[0]["model_schema"]
    assert schema["features"] == ["tool-call", "multi-tool-call"]
    assert schema["model_properties"]["context_size"] == 8192  # left empty: the form's default
    assert next(r for r in schema["parameter_rules"] if r["name"] == "max_tokens")["max"] == 1000
    assert schema["pricing"]["unit"] == "0.00001"
    answers["function_calling_type"] = "no_call"
    outcome = plugins[0].request(
        "get_ai_model_schemas",
        user_id="u1",
        provider="gaps",
        model_type="llm",
        model="team/tuned",
        credentials=credentials(mock.url, **answers),
    )
    assert outcome.items[0]["model_schema"]["features"] == []


ORIGIN = spec_of(
    "origin",
    api={"base_url": "https://cloud.origin.example", "endpoints": {"chat": "/v1/chat/completions"}},
    credentials={"base_url": {"rewrite": {"keep": "origin"}}, "check": {"model": "chat-2"}},
    models=[{"name": "chat-1", "context_size": 4096}, {"name": "chat-2", "context_size": 4096}],
)


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory):
    yield from hosts_of(tmp_path_factory.mktemp("origin"), ORIGIN)


def test_keep_origin_on_both_hosts(origin, mock):
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    credentials = {"api_key": KEY, "base_url": mock.url + "/v1/some/path/"}
    outcome = origin[0].invoke_llm("chat-1", credentials, HI, False, provider="origin")
    assert outcome.error is None, outcome.message
    assert mock.last.path == "/v1/chat/completions"
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    result = origin[1].call(
        op="response",
        api_provider={"client_type": "origin", "base_url": mock.url + "/v1", "api_key": KEY},
        model_info={"model_identifier": "chat-1", "name": "chat-1"},
        context_items=[{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "Hi"}]}],
    )
    assert result["ok"], result
    assert mock.last.path == "/v1/chat/completions"


def test_a_chosen_check_model_answers(origin, mock):
    """credentials.check names chat-2: the check is a call chat-2 answers, not the model list (which the
    first model's check would read)."""
    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    credentials = {"api_key": KEY, "base_url": mock.url}
    outcome = origin[0].request(
        "validate_provider_credentials", user_id="u1", provider="origin", credentials=credentials
    )
    assert outcome.error is None, outcome.message
    assert (mock.last.method, mock.last.path, mock.last.body["model"]) == ("POST", "/v1/chat/completions", "chat-2")
