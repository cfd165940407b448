"""runtime/google.py: a service-account key's RS256 JWT, checked by a token endpoint with the key's
public half (tests/integration/google_token.py, which google-auth's own client also gets a token
from), the token cached across calls and threads, express-mode keys, and the Vertex convention for a
host with one key field."""

from __future__ import annotations

import base64
import json
import threading
import time

import pytest

from compiler.runtime import config, google, http
from compiler.runtime.errors import ProviderError
from tests.integration.google_token import service_account_key, token_endpoint


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(google, "_tokens", {})


def creds(info: dict | str, **more: str) -> dict[str, str]:
    key = info if isinstance(info, str) else json.dumps(info)
    return {config.API_KEY_VARIABLE: key, **more}


def test_google_auth_gets_a_token_from_the_endpoint() -> None:
    """The endpoint is Google's as google-auth knows it: its service-account client is answered."""
    from google.auth.transport.requests import Request
    from google.oauth2 import service_account

    with token_endpoint() as (endpoint, info):
        scoped = service_account.Credentials.from_service_account_info(info, scopes=[google.SCOPE])
        scoped.refresh(Request())
    assert scoped.token == "ya29.token-1" and endpoint.refused == []


def test_the_plugins_signed_key_gets_a_token_sent_as_bearer() -> None:
    with token_endpoint() as (endpoint, info):
        assert google.signed(creds(info)) == {"Authorization": "Bearer ya29.token-1"}
        encoded = base64.b64encode(json.dumps(info).encode()).decode()  # the official form's base64
        assert google.signed(creds(encoded)) == {"Authorization": "Bearer ya29.token-1"}
    assert endpoint.issued == ["ya29.token-1"] and endpoint.refused == []


def test_one_token_request_serves_concurrent_calls_until_it_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    with token_endpoint(delay=0.2) as (endpoint, info):
        found: list[dict] = []
        threads = [threading.Thread(target=lambda: found.append(google.signed(creds(info)))) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(found) == 20 and {f["Authorization"] for f in found} == {"Bearer ya29.token-1"}
        assert endpoint.issued == ["ya29.token-1"]
        now = time.time()
        monkeypatch.setattr(google.time, "time", lambda: now + 3600 - google.EARLY - 60)
        assert google.signed(creds(info))["Authorization"] == "Bearer ya29.token-1"  # still fresh
        monkeypatch.setattr(google.time, "time", lambda: now + 3600 - google.EARLY + 1)
        assert [google.signed(creds(info))["Authorization"] for _ in range(5)] == ["Bearer ya29.token-2"] * 5
    assert endpoint.issued == ["ya29.token-1", "ya29.token-2"]


@pytest.mark.parametrize(
    "key, says",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"client_email": "a@b"}), "has no private_key, token_uri"),
        (base64.b64encode(b"{broken").decode(), "not valid JSON"),
    ],
)
def test_a_broken_key_is_a_credentials_error_that_quotes_none_of_it(key: str, says: str) -> None:
    with pytest.raises(ProviderError) as caught:
        google.signed(creds(key))
    assert caught.value.kind == "authorization" and says in str(caught.value)
    assert key not in str(caught.value) and "broken" not in str(caught.value)


def test_a_private_key_that_is_no_pem_is_named_but_not_shown() -> None:
    info, _ = service_account_key("http://127.0.0.1:9/token")
    info["private_key"] = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXNlY3JldA==\n-----END PRIVATE KEY-----\n"
    with pytest.raises(ProviderError) as caught:
        google.signed(creds(info))
    assert caught.value.kind == "authorization" and "c2VjcmV0" not in str(caught.value)


def test_a_refused_key_is_an_authorization_error_with_the_endpoints_reason() -> None:
    with token_endpoint() as (endpoint, info):
        other, _ = service_account_key(endpoint.url)
        info["private_key"] = other["private_key"]  # signed by a key the endpoint does not know
        with pytest.raises(ProviderError) as caught:
            google.signed(creds(info))
    message = str(caught.value)
    assert caught.value.kind == "authorization" and "invalid_grant: bad signature" in message
    assert "PRIVATE" not in message and "eyJ" not in message  # neither the key nor the assertion


def test_an_unreachable_token_endpoint_is_a_connection_error() -> None:
    info, _ = service_account_key("http://127.0.0.1:9/token")
    with pytest.raises(ProviderError) as caught:
        google.signed(creds(info))
    assert caught.value.kind == "connection"


def test_an_express_mode_key_goes_as_x_goog_api_key_to_the_global_host_without_project() -> None:
    key = "AQ.Ab8RN6-express-key"
    assert google.signed(creds(key)) == {"x-goog-api-key": key}
    path = "/v1/projects/{vertex_project_id}/locations/{vertex_location}/publishers/google/models/m:generateContent"
    base, routed, _ = google.routed("https://us-east5-aiplatform.googleapis.com", path, creds(key))
    assert (base, routed) == ("https://aiplatform.googleapis.com", "/v1/publishers/google/models/m:generateContent")
    assert google.routed("http://127.0.0.1:8000", path, creds(key))[0] == "http://127.0.0.1:8000"  # an override


@pytest.mark.parametrize(
    "base, location",
    [
        ("https://europe-west4-aiplatform.googleapis.com", "europe-west4"),
        ("https://aiplatform.googleapis.com", "global"),
        ("https://my-endpoint.p.googleapis.com", ""),
    ],
)
def test_maibots_location_comes_from_the_host_and_the_project_from_the_key(base: str, location: str) -> None:
    info, _ = service_account_key("http://127.0.0.1:9/token", project="from-key")
    done = google.completed(base, creds(info))
    assert (done[google.LOCATION], done[google.PROJECT]) == (location, "from-key")
    assert google.completed(base, creds(info, project="from-provider"))[google.PROJECT] == "from-provider"
    given = creds(info, vertex_location="us-east5", vertex_project_id="mine")
    assert google.completed(base, given) | {} == given  # what the form says wins


def test_address_fills_paths_with_fallbacks_and_renames_the_global_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "HOSTS", {"global-aiplatform.googleapis.com": "aiplatform.googleapis.com"})
    monkeypatch.setattr(config, "URL_DEFAULTS", {"vertex_location": "us-central1"})
    path = "/v1/projects/{vertex_project_id}/locations/{vertex_anthropic_location|vertex_location}/m"
    filled = http.filled(path, {"vertex_project_id": "p1", "vertex_location": "us-east5"})
    assert filled == "/v1/projects/p1/locations/us-east5/m"
    assert http.filled(path, {"vertex_project_id": "p1", "vertex_anthropic_location": "eu"}).endswith("/eu/m")
    assert http.filled(path, {"vertex_project_id": "p1"}).endswith("/us-central1/m")  # the field's default
    assert http.aliased("https://global-aiplatform.googleapis.com") == "https://aiplatform.googleapis.com"
    with pytest.raises(ProviderError, match="vertex_project_id"):
        http.filled(path, {"vertex_project_id": "a/../b"})  # a value can never move the request


def test_address_routes_through_the_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "AUTH", ("google_service_account", None, ""))
    info, _ = service_account_key("http://127.0.0.1:9/token", project="keyproj")
    path = "/v1/projects/{vertex_project_id}/locations/{vertex_location}/publishers/google/models/m:predict"
    url = http.address("https://asia-east1-aiplatform.googleapis.com", path, creds(info))
    assert url == (
        "https://asia-east1-aiplatform.googleapis.com/v1/projects/keyproj/locations/asia-east1"
        "/publishers/google/models/m:predict"
    )


def test_an_unlisted_model_id_speaks_the_protocol_its_prefix_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """api.prefixes: a MaiBot user's claude id goes to the Anthropic publisher on Vertex."""
    monkeypatch.setattr(config, "MODEL_PREFIXES", {"claude": "anthropic_messages"})
    monkeypatch.setattr(config, "MODEL_SETTINGS", {"claude-listed": {"protocol": "openai_chat"}})
    monkeypatch.setattr(config, "KIND_SETTINGS", {"llm": {"max_output_tokens": 8}})
    assert http.model_settings("claude-new") == {"max_output_tokens": 8, "protocol": "anthropic_messages"}
    assert http.model_settings("claude-listed") == {"protocol": "openai_chat"}  # the spec's own word wins
    assert http.model_settings("gemini-new") == {"max_output_tokens": 8}
    assert "protocol" not in http.model_settings("claude-embed", "text-embedding")


def test_another_key_of_the_same_account_never_gets_the_cached_token() -> None:
    """The cache is keyed by the whole key: a key with the same account and token_uri but another
    private half (a wrong or rotated key) signs its own JWT, which the endpoint refuses."""
    with token_endpoint() as (endpoint, info):
        assert google.signed(creds(info)) == {"Authorization": "Bearer ya29.token-1"}
        other, _ = service_account_key(info["token_uri"])
        impostor = info | {"private_key": other["private_key"]}
        with pytest.raises(ProviderError) as caught:
            google.signed(creds(impostor))
    assert caught.value.kind == "authorization" and endpoint.issued == ["ya29.token-1"] and len(endpoint.refused) == 1
