"""A protocol per model: which protocol a model speaks (its own, or of those it may, the one a
credential field picks), and where that protocol's calls go: its endpoints, auth, static headers and
the body keys of the parameters."""

from __future__ import annotations

import pytest

from compiler.runtime import apis, http, messages, protocols
from compiler.runtime.parameters import encode_parameters
from compiler.runtime.protocols import anthropic_messages, gemini, openai_chat, openai_responses

OTHERS = {
    "anthropic_messages": {
        "endpoints": {"chat": "/v1/messages", "models": "/v1/models"},
        "auth": ("header", "x-api-key", ""),
        "headers": {"anthropic-version": "2023-06-01", "X-App": "pc"},
    },
    "gemini": {
        "endpoints": {"chat": "/gemini/v1beta/models/{model}:generateContent", "models": None},
        "auth": ("header", "x-goog-api-key", ""),
        "headers": {"X-App": "pc"},
    },
    "openai_responses": {
        "endpoints": {"chat": "/v1/responses", "models": "/v1/models"},
        "auth": ("header", "Authorization", "Bearer "),
        "headers": {"X-App": "pc"},
    },
}
CHOICES = {"api_protocol": {"responses": "openai_responses", "chat": "openai_chat", "": "openai_responses"}}
HI = [messages.user("Hi")]


@pytest.fixture
def mixed(settings) -> None:
    settings(
        PROTOCOL="openai_chat",
        PROTOCOLS=OTHERS,
        PROTOCOL_CHOICES=CHOICES,
        ENDPOINTS={"chat": "/v1/chat/completions", "models": "/v1/models"},
        STATIC_HEADERS={"X-App": "pc"},
    )


@pytest.mark.parametrize(
    ("declared", "credentials", "speaks"),
    [
        (None, {}, "openai_chat"),
        ("gemini", {"api_protocol": "chat"}, "gemini"),  # a model of one protocol ignores the choice
        (("openai_responses", "openai_chat"), {}, "openai_responses"),  # the field's default
        (("openai_responses", "openai_chat"), {"api_protocol": "chat"}, "openai_chat"),
        (("openai_responses", "openai_chat"), {"api_protocol": " chat "}, "openai_chat"),
        (("openai_chat", "openai_responses"), {"api_protocol": "unknown"}, "openai_chat"),  # its first
        (("anthropic_messages", "gemini"), {"api_protocol": "responses"}, "anthropic_messages"),  # not its own
    ],
)
def test_the_protocol_a_model_speaks(mixed, declared, credentials, speaks) -> None:
    settings = {} if declared is None else {"protocol": declared}
    assert apis.spoken(settings, credentials) == speaks
    assert protocols.spoken(settings, credentials).NAME == speaks


def test_each_protocols_call_goes_to_its_own_endpoint(mixed) -> None:
    paths = {
        openai_chat: "/v1/chat/completions",
        openai_responses: "/v1/responses",
        anthropic_messages: "/v1/messages",
        gemini: "/gemini/v1beta/models/m:generateContent",
    }
    for module, path in paths.items():
        request = module.chat_request("m", HI, {}, settings={})
        assert (request.path, request.protocol) == (path, module.NAME)
    assert openai_responses.validation_request("m").path == "/v1/models"
    assert gemini.validation_request("m").path == "/gemini/v1beta/models/m:generateContent"  # it has no model list


def test_each_protocols_call_carries_its_own_auth_and_headers(mixed) -> None:
    key = {"api_key": "sk-1"}
    assert http.headers(key)["Authorization"] == "Bearer sk-1"
    claude = http.headers(key, "anthropic_messages")
    assert (
        claude["x-api-key"] == "sk-1" and claude["anthropic-version"] == "2023-06-01" and "Authorization" not in claude
    )
    google = http.headers(key, "gemini")
    assert google["x-goog-api-key"] == "sk-1" and google["X-App"] == "pc" and "anthropic-version" not in google
    assert http.headers(key, "openai_responses")["Authorization"] == "Bearer sk-1"


def test_a_parameter_takes_the_body_key_of_the_requests_protocol(mixed, settings) -> None:
    keys = {"gemini": "generationConfig.maxOutputTokens", "openai_responses": "max_output_tokens"}
    settings(PARAMETERS={"max_tokens": {"key": "max_tokens", "keys": keys}, "temperature": {"key": "temperature"}})
    sent = {"max_tokens": 64, "temperature": 0.5}
    assert openai_chat.chat_request("m", HI, sent, settings={}).body["max_tokens"] == 64
    assert anthropic_messages.chat_request("m", HI, sent, settings={}).body["max_tokens"] == 64
    assert openai_responses.chat_request("m", HI, sent, settings={}).body["max_output_tokens"] == 64
    body = gemini.chat_request("m", HI, sent, settings={}).body
    assert body["generationConfig"]["maxOutputTokens"] == 64 and "max_tokens" not in body
    assert encode_parameters(sent, {}, "openai_responses").values == [("max_output_tokens", 64), ("temperature", 0.5)]


def test_a_parameters_header_joins_the_static_header_of_its_protocol(mixed, settings) -> None:
    settings(PARAMETERS={"long": {"key": "long", "headers": (("anthropic-beta", "context-1m"),)}})
    others = OTHERS | {"anthropic_messages": OTHERS["anthropic_messages"] | {"headers": {"anthropic-beta": "x"}}}
    settings(PROTOCOLS=others)
    assert encode_parameters({"long": True}, {}, "anthropic_messages").headers == {"anthropic-beta": "x,context-1m"}
    assert encode_parameters({"long": True}, {}, "openai_chat").headers == {"anthropic-beta": "context-1m"}
