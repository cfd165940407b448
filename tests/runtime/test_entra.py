"""The entra_id auth scheme (entra.py) against an Entra token endpoint on 127.0.0.1 that checks the
client-credentials grant: the API key in its header otherwise; one token for many calls and threads
until five minutes before it expires, then a new one; refusals and bad settings said plainly, the
client secret never in a message."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from compiler.runtime import entra, http
from compiler.runtime.errors import ProviderError
from tests.integration.azure_mock import CLIENT_ID, CLIENT_SECRET, TENANT, start_entra


@pytest.fixture
def server():
    started = start_entra()
    yield started
    started.close()


@pytest.fixture(autouse=True)
def fresh(monkeypatch, settings) -> None:
    monkeypatch.setattr(entra, "_tokens", {})
    settings(AUTH=("entra_id", "api-key", ""), API_KEY_VARIABLE="openai_api_key")


def principal(server, **more: str) -> dict[str, str]:
    return {
        "auth_method": "entra_id_service_principal",
        "azure_tenant_id": TENANT,
        "azure_client_id": CLIENT_ID,
        "azure_client_secret": CLIENT_SECRET,
        "azure_authority_host": server.url,
    } | more


def test_the_api_key_goes_in_its_header_without_a_principal() -> None:
    headers = http.headers({"openai_api_key": "azure-key-1", "auth_method": "api_key"})
    assert headers["api-key"] == "azure-key-1" and "Authorization" not in headers


def test_a_principal_gets_a_bearer_token_from_the_grant(server) -> None:
    headers = http.headers(principal(server))
    assert headers["Authorization"] == "Bearer entra-token-1" and "api-key" not in headers
    grant = server.issued[0]
    assert grant == {
        "grant_type": "client_credentials",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "scope": "https://cognitiveservices.azure.com/.default",
    }


def test_one_token_serves_many_calls_and_threads(server) -> None:
    credentials = principal(server)
    with ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(lambda _: entra.token(credentials), range(40)))
    assert set(tokens) == {"entra-token-1"} and len(server.issued) == 1


def test_a_token_near_expiry_is_replaced(server, monkeypatch) -> None:
    credentials = principal(server)
    assert entra.token(credentials) == "entra-token-1"
    now = entra.time.time()
    monkeypatch.setattr(entra.time, "time", lambda: now + 3599 - 299)  # under five minutes left
    assert entra.token(credentials) == "entra-token-2" and len(server.issued) == 2
    assert entra.token(credentials) == "entra-token-2"  # the new one lasts another hour


def test_each_principal_has_its_own_token(server) -> None:
    assert entra.token(principal(server)) == "entra-token-1"
    other = principal(server, azure_client_secret=CLIENT_SECRET + "-rotated")
    with pytest.raises(ProviderError):
        entra.token(other)  # a different secret is asked for again, not served the cached token
    assert len(server.refused) == 1


def test_a_refused_secret_is_an_authorization_error_without_it(server) -> None:
    with pytest.raises(ProviderError) as caught:
        http.headers(principal(server, azure_client_secret="wrong-secret-value"))
    assert caught.value.kind == "authorization" and "AADSTS7000215" in caught.value.message
    assert "wrong-secret-value" not in str(caught.value)


def test_missing_principal_fields_are_named_before_any_request(server) -> None:
    with pytest.raises(ProviderError) as caught:
        entra.token(principal(server, azure_client_id="", azure_client_secret=""))
    assert caught.value.kind == "authorization" and "azure_client_id, azure_client_secret" in caught.value.message
    assert not server.issued and not server.refused


def test_a_tenant_cannot_move_the_request() -> None:
    with pytest.raises(ProviderError) as caught:
        entra.token(principal(type("S", (), {"url": "https://login.microsoftonline.com"})(), azure_tenant_id="a/../b"))
    assert "azure_tenant_id" in caught.value.message


def test_the_authority_is_the_public_clouds_unless_named() -> None:
    assert entra.authority_host({}) == "https://login.microsoftonline.com"
    assert entra.authority_host({"azure_authority_host": "login.microsoftonline.us/"}) == (
        "https://login.microsoftonline.us"
    )
    with pytest.raises(ProviderError):
        entra.authority_host({"azure_authority_host": "ftp://login.example?x=1"})


def test_an_unreachable_authority_is_a_connection_error(server) -> None:
    credentials = principal(server, azure_authority_host="http://127.0.0.1:9")
    with pytest.raises(ProviderError) as caught:
        entra.token(credentials)
    assert caught.value.kind == "connection"
