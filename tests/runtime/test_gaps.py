"""The language gaps of issue 26 in the runtime: the id the API gets (a model's api_id) in every
request of every kind and protocol, a MaiBot identifier read as either id, the user's base-URL
override rewritten (and nothing else), and user-added models' form fields under the spec's own
variables and values."""

from __future__ import annotations

import pytest

from compiler.runtime import customizable, http
from compiler.runtime.kinds import embeddings, gemini_embeddings, moderation, rerank, speech, transcription
from compiler.runtime.maibot import transport as maibot_transport
from compiler.runtime.protocols import anthropic_messages, gemini, openai_chat

WIRE = "MiniMax-M2.7"
SETTINGS = {"minimax-m2.7": {"api_id": WIRE}, "alias": {"api_id": WIRE, "body": {"x": 1}}, "MiniMax-M2.7b": {}}
HI = [{"role": "user", "content": "Hi"}]


@pytest.fixture
def wired(settings) -> None:
    settings(MODEL_SETTINGS=SETTINGS)


def test_chat_requests_send_the_api_id(wired) -> None:
    assert openai_chat.chat_request("minimax-m2.7", HI, {}).body["model"] == WIRE
    assert anthropic_messages.chat_request("minimax-m2.7", HI, {}).body["model"] == WIRE
    assert openai_chat.chat_request("other", HI, {}).body["model"] == "other"  # no api_id: the name


def test_gemini_puts_the_api_id_in_the_path(settings) -> None:
    settings(MODEL_SETTINGS=SETTINGS, ENDPOINTS={"chat": "/v1beta/models/{model}:generateContent", "models": None})
    assert gemini.chat_request("minimax-m2.7", HI, {}).path == f"/v1beta/models/{WIRE}:generateContent"
    assert gemini.validation_request("minimax-m2.7").path == f"/v1beta/models/{WIRE}:generateContent"


def test_credential_checks_call_the_api_id(settings) -> None:
    settings(MODEL_SETTINGS=SETTINGS, ENDPOINTS={"chat": "/chat/completions", "models": None})
    assert openai_chat.validation_request("minimax-m2.7").body["model"] == WIRE
    assert anthropic_messages.validation_request("minimax-m2.7").body["model"] == WIRE


def test_other_kinds_send_the_api_id(settings) -> None:
    settings(MODEL_SETTINGS=SETTINGS)
    assert embeddings.request("minimax-m2.7", ["a"]).body["model"] == WIRE
    assert rerank.request("minimax-m2.7", "q", ["d"]).body["model"] == WIRE
    assert moderation.request("minimax-m2.7", ["t"]).body["model"] == WIRE
    assert speech.request("minimax-m2.7", "Hi", "alloy", "mp3").body["model"] == WIRE
    assert transcription.request("minimax-m2.7", b"RIFF0000WAVE").form["model"] == WIRE
    settings(ENDPOINTS={"embeddings": "/v1beta/models/{model}:batchEmbedContents"})
    call = gemini_embeddings.request("minimax-m2.7", ["a"])
    assert call.path == f"/v1beta/models/{WIRE}:batchEmbedContents"
    assert call.body["requests"][0]["model"] == f"models/{WIRE}"


def test_a_maibot_identifier_is_either_id(wired) -> None:
    assert http.listed_name("minimax-m2.7") == "minimax-m2.7"
    assert http.listed_name(WIRE) == "minimax-m2.7"  # the first model that sends it
    assert http.listed_name("alias") == "alias"
    assert http.listed_name("MiniMax-M2.7b") == "MiniMax-M2.7b"  # a name that is no one's api_id
    assert http.listed_name("unlisted/model") == "unlisted/model"


@pytest.mark.parametrize(
    "rule,override,expected",
    [
        (None, "https://proxy.example/v1/", "https://proxy.example/v1"),
        (("append", "/anthropic"), "https://api.minimaxi.com", "https://api.minimaxi.com/anthropic"),
        (("append", "/anthropic"), "https://api.minimaxi.com/", "https://api.minimaxi.com/anthropic"),
        (("append", "/anthropic"), "https://api.minimaxi.com/anthropic/", "https://api.minimaxi.com/anthropic"),
        (("append", "/anthropic"), "https://gw.example/myanthropic", "https://gw.example/myanthropic/anthropic"),
        (("append", "/v1/x"), "http://127.0.0.1:8080/v1/x", "http://127.0.0.1:8080/v1/x"),
        (("keep", "origin"), "https://cloud.perfxlab.cn/v1/chat?x=1", "https://cloud.perfxlab.cn"),
        (("keep", "origin"), "http://127.0.0.1:9000/v1/", "http://127.0.0.1:9000"),
    ],
)
def test_the_override_is_rewritten(settings, rule, override, expected) -> None:
    settings(BASE_URL_REWRITE=rule)
    assert http.base_url({"base_url": override}) == expected
    assert maibot_transport.base_url(override, {}) == expected


def test_only_the_override_is_rewritten(settings) -> None:
    settings(BASE_URL_REWRITE=("append", "/anthropic"), BASE_URL_CHOICES={"region": {"eu": "https://eu.example/v1"}})
    assert http.base_url({}) == "https://api.example.invalid/v1"
    assert http.base_url({"region": "eu"}) == "https://eu.example/v1"
    assert maibot_transport.base_url("", {}) == "https://api.example.invalid/v1"
    assert maibot_transport.base_url("api.minimaxi.com", {}) == "http://api.minimaxi.com/anthropic"


CUSTOM = {
    "types": ("llm",),
    "fields": ("context_size", "max_tokens", "function_calling"),
    "properties": {"llm": {"mode": "chat", "context_size": 8192}},
    "parameters": [{"name": "max_tokens", "use_template": "max_tokens", "default": 4096, "min": 1, "max": 4096}],
    "reasoning_parameters": [],
    "max_output_tokens": 4096,
    "pricing": ("USD", "0.00001"),
    "variables": {"max_tokens": "max_tokens_to_sample", "function_calling": "function_calling_type"},
    "on": {"function_calling": ("function_call",)},
}


def test_shaped_fields_are_read_under_their_variables(settings) -> None:
    settings(CUSTOMIZABLE=CUSTOM)
    answers = {"max_tokens_to_sample": "1000", "function_calling_type": "function_call", "max_tokens": "9"}
    schema = customizable.schema("llm", "m", answers)
    assert schema["features"] == ["tool-call", "multi-tool-call"]
    assert schema["parameter_rules"][0]["max"] == 1000
    assert schema["model_properties"]["context_size"] == 8192  # left empty: the spec's default
    off = customizable.schema("llm", "m", {"function_calling_type": "no_call", "function_calling": "true"})
    assert off["features"] == []
    with pytest.raises(Exception, match="max_tokens_to_sample must be a positive whole number"):
        customizable.schema("llm", "m", {"max_tokens_to_sample": "many"})
