"""The spec's and the credentials' parts of a request: base URL, auth, headers, query."""

from __future__ import annotations

import hashlib

import pytest

from compiler.runtime import http
from compiler.runtime.errors import ProviderError

KEY = {"api_key": "sk-1"}


def test_bearer_is_the_authorization_header() -> None:
    headers = http.headers(KEY)
    assert headers["Authorization"] == "Bearer sk-1" and headers["Content-Type"] == "application/json"
    assert http.query(KEY) == {}


def test_custom_header_with_prefix_after_static_headers(settings) -> None:
    settings(AUTH=("header", "X-Key", "Key "), STATIC_HEADERS={"X-Client": "c", "X-Key": "static"})
    headers = http.headers(KEY)
    assert headers["X-Key"] == "Key sk-1" and headers["X-Client"] == "c" and "Authorization" not in headers


def test_query_auth(settings) -> None:
    settings(AUTH=("query", "key", ""))
    assert http.query(KEY) == {"key": "sk-1"} and "Authorization" not in http.headers(KEY)


def test_no_auth(settings) -> None:
    settings(AUTH=("none", None, ""))
    assert "Authorization" not in http.headers(KEY) and http.query(KEY) == {}


def test_credential_fields_are_forwarded_when_filled(settings) -> None:
    settings(CREDENTIAL_HEADERS={"org": "X-Org"}, CREDENTIAL_QUERY={"region": "region"})
    credentials = KEY | {"org": "o1", "region": ""}
    assert http.headers(credentials)["X-Org"] == "o1" and http.query(credentials) == {}
    assert http.query(credentials | {"region": "eu"}) == {"region": "eu"}


def test_base_url_override(settings) -> None:
    assert http.base_url({}) == "https://api.example.invalid/v1"
    assert http.base_url({"base_url": " http://127.0.0.1:9/v1/ "}) == "http://127.0.0.1:9/v1"
    settings(BASE_URL_VARIABLE=None)
    assert http.base_url({"base_url": "http://elsewhere"}) == "https://api.example.invalid/v1"


def test_json_bodies() -> None:
    assert http.decode(http.encode({"t": "é"})) == {"t": "é"} and "é".encode() in http.encode({"t": "é"})
    with pytest.raises(ProviderError, match="response is not JSON: not json") as caught:
        http.decode(b"not json")
    assert caught.value.kind == "server_unavailable"


def test_invalid_utf8_in_a_json_body_is_replaced_not_refused() -> None:
    assert http.decode(b'\xef\xbb\xbf{"a": "x\xffy"}') == {"a": "x\ufffdy"}
    with pytest.raises(ProviderError, match="response is not JSON: \ufffd"):
        http.decode(b"\xff junk")


@pytest.mark.parametrize(
    "content_type, asked, streams",
    [
        ("text/event-stream; charset=utf-8", False, True),
        ("application/json", True, False),
        ("application/problem+json", True, False),
        ("TEXT/EVENT-STREAM", False, True),
        ("text/html", True, True),  # what was asked for decides: the framer then says what is wrong
        (None, False, False),
    ],
)
def test_the_media_type_decides_the_mode(content_type, asked, streams) -> None:
    assert http.is_event_stream(content_type, asked) is streams


def test_fixed_body_fields_merge_under_the_request(settings) -> None:
    settings(
        BODY={"provider": {"sort": "price", "allow": True}, "tier": "auto"},
        MODEL_SETTINGS={"m": {"body": {"tier": "flex", "x": 1}}},
    )
    body = {"model": "m", "provider": {"allow": False}}
    assert http.fixed_body(body, http.model_settings("m"), chat=True) == {
        "provider": {"sort": "price", "allow": False},
        "tier": "flex",
        "x": 1,
        "model": "m",
    }
    assert http.fixed_body({"model": "m"}, http.model_settings("m")) == {"tier": "flex", "x": 1, "model": "m"}
    assert http.fixed_body(body, http.model_settings("other")) is body


def test_a_model_the_spec_does_not_list_gets_its_kinds_defaults(settings) -> None:
    """A user-added model (or any id a MaiBot user sets) is sent with the spec's defaults for its
    kind; a listed model with settings of its own, even none, keeps them."""
    settings(
        MODEL_SETTINGS={"listed": {"send_stop": False}, "plain": {}},
        KIND_SETTINGS={"llm": {"system_messages": "drop"}, "text-embedding": {"encoding": "base64"}},
    )
    assert http.model_settings("listed") == {"send_stop": False} and http.model_settings("plain") == {}
    assert http.model_settings("added") == {"system_messages": "drop"}
    assert http.model_settings("added", "text-embedding") == {"encoding": "base64"}
    assert http.model_settings("added", "rerank") == {}


def test_the_user_id_is_shaped_as_the_spec_says(settings) -> None:
    body: dict = {}
    http.put_user(body, "someone@example.com")
    assert body == {"user": "someone@example.com"}
    settings(USER=("user_id", 8, True))
    http.put_user(body := {}, "someone@example.com")
    assert body == {"user_id": hashlib.sha256(b"someone@example.com").hexdigest()[:8]}
    settings(SEND_USER=False)
    http.put_user(body := {}, "someone")
    assert body == {}


def test_a_field_picks_the_base_url_below_the_override(settings) -> None:
    settings(BASE_URL_CHOICES={"intl": {"true": "https://intl.example/v1", "false": "https://cn.example/v1"}})
    assert http.base_url({"intl": "true"}) == "https://intl.example/v1"
    assert http.base_url({"intl": False}) == "https://cn.example/v1"  # a switch may arrive as a boolean
    assert http.base_url({}) == "https://api.example.invalid/v1"
    assert http.base_url({"intl": "true", "base_url": "https://proxy.example/v1/"}) == "https://proxy.example/v1"


def test_a_whole_url_path_goes_to_its_host_or_under_the_users_override(settings) -> None:
    """NVIDIA's reranker is on another host; an override stands for the base URL, so the reranker's
    path goes under it less the base URL's own path (/v1), and a path outside it goes whole."""
    url = "https://ai.api.example.invalid/v1/retrieval/reranking"
    assert http.address("https://api.example.invalid/v1", url, {}) == url
    proxied = {"base_url": "https://proxy.example/v1/"}
    assert http.address("https://proxy.example/v1", url, proxied) == "https://proxy.example/v1/retrieval/reranking"
    other = "https://agent.example.invalid/rerank"
    assert http.address("https://proxy.example/v1", other, proxied) == "https://proxy.example/v1/rerank"
    settings(BASE_URL="https://api.example.invalid/v10")  # a path that merely starts with the same letters
    assert http.address("", url, proxied) == "https://proxy.example/v1/v1/retrieval/reranking"
