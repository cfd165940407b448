"""IAM role credentials without boto3 (aws.py: role_keys): the environment's keys, the container
credentials endpoint's (with its authorization token), the instance metadata service's over IMDSv2
(a session token first), each answer cached for every call until shortly before it expires, and a
chain that finds nothing said plainly. The metadata services are mocks on 127.0.0.1."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from compiler.runtime import aws
from compiler.runtime.errors import ProviderError
from tests.integration.mock_server import Reply

ROLE = {"auth_method": "IAM_Role"}


def credentials_answer(key_id: str, minutes: int = 60) -> dict:
    expires = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    return {
        "Code": "Success",
        "Type": "AWS-HMAC",
        "AccessKeyId": key_id,
        "SecretAccessKey": "role/secret+key",
        "Token": "role-session-token",
        "Expiration": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


@pytest.fixture(autouse=True)
def no_chain(monkeypatch) -> None:
    """No credentials of this machine's own, nothing cached, and metadata calls that give up fast."""
    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(aws, "_cached", {})
    monkeypatch.setattr(aws, "TIMEOUT", 0.5)


def test_the_environments_keys_come_first(monkeypatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "env-secret")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "env-token")
    assert aws.keys(ROLE) == ("AKIAENV", "env-secret", "env-token")


def test_the_container_endpoint_with_its_token(monkeypatch, mock, tmp_path) -> None:
    (tmp_path / "token").write_text("Bearer pod-identity\n")
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", mock.url + "/v2/credentials/abc")
    monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", str(tmp_path / "token"))
    mock.expect(Reply(json=credentials_answer("ASIACONTAINER")))
    assert aws.keys(ROLE) == ("ASIACONTAINER", "role/secret+key", "role-session-token")
    assert mock.last.path == "/v2/credentials/abc" and mock.last.headers["authorization"] == "Bearer pod-identity"


def test_imdsv2_asks_for_a_session_token_first_and_one_answer_serves_until_it_expires(monkeypatch, mock) -> None:
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", mock.url)
    mock.expect(
        Reply(raw=b"imds-session", content_type="text/plain"),
        Reply(raw=b"bedrock-role\n", content_type="text/plain"),
        Reply(json=credentials_answer("ASIAINSTANCE")),
    )
    for _ in range(20):
        assert aws.keys(ROLE) == ("ASIAINSTANCE", "role/secret+key", "role-session-token")
    token, role, keys = mock.requests
    assert (token.method, token.path, token.headers["x-aws-ec2-metadata-token-ttl-seconds"]) == (
        "PUT",
        "/latest/api/token",
        "21600",
    )
    assert role.path == "/latest/meta-data/iam/security-credentials/"
    assert keys.path == "/latest/meta-data/iam/security-credentials/bedrock-role"
    assert {role.headers["x-aws-ec2-metadata-token"], keys.headers["x-aws-ec2-metadata-token"]} == {"imds-session"}


def test_credentials_near_their_expiry_are_fetched_again(monkeypatch, mock) -> None:
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", mock.url + "/creds")
    mock.expect(Reply(json=credentials_answer("ASIAOLD", minutes=3)), Reply(json=credentials_answer("ASIANEW")))
    assert aws.keys(ROLE)[0] == "ASIAOLD"
    assert aws.keys(ROLE)[0] == "ASIANEW"  # three minutes left: inside the five-minute margin
    assert aws.keys(ROLE)[0] == "ASIANEW" and len(mock.requests) == 2


def test_a_chain_that_finds_nothing_says_so(monkeypatch, mock) -> None:
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:9")  # nothing listens
    started = time.monotonic()
    with pytest.raises(ProviderError, match="no IAM role credentials") as caught:
        aws.keys(ROLE)
    assert caught.value.kind == "authorization" and time.monotonic() - started < 5


def test_a_broken_answer_shows_no_key_material(monkeypatch, mock) -> None:
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", mock.url + "/creds")
    mock.expect(Reply(raw=b'{"AccessKeyId": "ASIAX", "SecretAccessKey": "leak-me"', content_type="application/json"))
    with pytest.raises(ProviderError) as caught:
        aws.keys(ROLE)
    assert "leak-me" not in str(caught.value) and "not the documented JSON" in str(caught.value)
