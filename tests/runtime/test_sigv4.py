"""SigV4 signing in the standard library, checked against botocore's own signer on the same request:
the Authorization header (and with it the canonical request, the scope and the key derivation) must be
byte for byte what botocore computes, with and without a session token, for Bedrock's paths."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from botocore import auth as botocore_auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from compiler.runtime import sigv4

NOW = datetime(2026, 12, 7, 3, 4, 5, tzinfo=timezone.utc)
KEYS = ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
BODY = b'{"messages":[{"role":"user","content":[{"text":"Hi"}]}]}'


def botocore_headers(monkeypatch, method, url, headers, body, keys, region="us-east-1", service="bedrock"):
    monkeypatch.setattr(botocore_auth, "get_current_datetime", lambda: NOW.replace(tzinfo=None))
    request = AWSRequest(method=method, url=url, data=body, headers=dict(headers))
    botocore_auth.SigV4Auth(Credentials(*keys), service, region).add_auth(request)
    return {
        name: request.headers[name]
        for name in ("Authorization", "X-Amz-Date", "X-Amz-Security-Token")
        if name in request.headers
    }


@pytest.mark.parametrize(
    ("url", "query"),
    [
        (
            "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse",
            [],
        ),
        ("https://bedrock-runtime.us-east-1.amazonaws.com/model/us.amazon.nova-pro-v1%3A0/converse-stream", []),
        (
            "https://bedrock-runtime.eu-west-1.amazonaws.com/model/"
            "arn%3Aaws%3Abedrock%3Aeu-west-1%3A123456789012%3Ainference-profile%2Feu.meta.llama3-2-3b/converse",
            [],
        ),
        ("http://127.0.0.1:8123/model/m/converse", [("b", "2 3"), ("a", "x/y")]),
    ],
)
@pytest.mark.parametrize("token", [None, "IQoJb3JpZ2luX2VjEXAMPLE//token=="])
def test_a_signature_is_the_one_botocore_computes(monkeypatch, url, query, token) -> None:
    headers = {"Content-Type": "application/json", "Accept": "application/json", "X-Custom": "  a   b  "}
    keys = (*KEYS, token)
    full = url + ("?" + "&".join(f"{k}={v}".replace(" ", "%20").replace("/", "%2F") for k, v in query) if query else "")
    region = "eu-west-1" if "eu-west-1" in url else "us-east-1"
    ours = sigv4.sign("POST", url, query, headers, BODY, keys, region, "bedrock", NOW)
    assert ours == botocore_headers(monkeypatch, "POST", full, headers, BODY, (*KEYS, token), region)
    assert ("X-Amz-Security-Token" in ours) is (token is not None)


def test_an_empty_get_and_the_default_port(monkeypatch) -> None:
    url = "https://bedrock.us-west-2.amazonaws.com:443/foundation-models"
    ours = sigv4.sign("GET", url, [], {"Accept": "application/json"}, b"", (*KEYS, None), "us-west-2", "bedrock", NOW)
    theirs = botocore_headers(monkeypatch, "GET", url, {"Accept": "application/json"}, b"", (*KEYS, None), "us-west-2")
    assert ours == theirs


def test_the_signature_depends_on_every_part() -> None:
    base = ("POST", "https://h.example/model/m/converse", [], {"Content-Type": "application/json"}, BODY)
    signed = sigv4.sign(*base, (*KEYS, None), "us-east-1", "bedrock", NOW)["Authorization"]
    changes = [
        ("POST", "https://h.example/model/n/converse", [], {"Content-Type": "application/json"}, BODY),
        ("POST", "https://h.example/model/m/converse", [], {"Content-Type": "text/plain"}, BODY),
        ("POST", "https://h.example/model/m/converse", [], {"Content-Type": "application/json"}, BODY + b" "),
        ("POST", "https://h.example/model/m/converse", [("a", "1")], {"Content-Type": "application/json"}, BODY),
    ]
    for changed in changes:
        assert sigv4.sign(*changed, (*KEYS, None), "us-east-1", "bedrock", NOW)["Authorization"] != signed
    assert sigv4.sign(*base, (*KEYS, None), "us-west-2", "bedrock", NOW)["Authorization"] != signed
    assert KEYS[1] not in signed
