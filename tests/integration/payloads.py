"""OpenAI-shaped answers and checks shared by the integration suites (the conformance suite makes its
answers through its protocol adapters, tests/conformance/protocols/)."""

from __future__ import annotations

import socket

from compiler.model import ParameterRule, Provider

KEY = "sk-test-key"
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
USAGE = {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}
WEATHER_TOOL = {
    "name": "get_weather",
    "description": "Weather for a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
}


def completion(message: dict, reason: str = "stop") -> dict:
    return {
        "id": "resp-1",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": message, "finish_reason": reason}],
        "usage": USAGE,
    }


def assert_auth(provider: Provider, recorded, key: str = KEY) -> None:
    """The key went where the spec's auth puts it, with the spec's static headers."""
    auth = provider.api.auth
    if auth.scheme == "bearer":
        assert recorded.headers["authorization"] == f"Bearer {key}"
    elif auth.scheme == "header":
        assert recorded.headers[auth.name.lower()] == auth.prefix + key
        assert "authorization" not in recorded.headers
    elif auth.scheme == "query":
        assert recorded.query[auth.name] == key
    elif auth.scheme == "aws_sigv4":
        assert_signed(recorded, key, auth.name)
    elif auth.scheme == "google_service_account":
        from tests.integration.google_token import assert_token  # Vertex specs only

        assert_token(recorded)
    for name, value in provider.api.headers.items():
        assert recorded.headers[name.lower()] == value


def assert_signed(recorded, secret: str, service: str) -> None:
    """A SigV4-signed request, checked as AWS checks it: botocore's own signer, given the headers the
    request says it signed, the same time and the secret, computes the same signature (the region is
    the one in the request's credential scope)."""
    from botocore import auth as botocore_auth  # test-only; only AWS specs get here
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    authorization = recorded.headers["authorization"]
    fields = dict(part.strip().split("=", 1) for part in authorization.split(" ", 1)[1].split(","))
    access, day, region, scope_service, _ = fields["Credential"].split("/")
    assert scope_service == service and day == recorded.headers["x-amz-date"][:8]
    signed = {name: recorded.headers[name] for name in fields["SignedHeaders"].split(";")}
    query = "&".join(f"{k}={v}" for k, v in recorded.query.items())
    url = f"http://{recorded.headers['host']}{recorded.path}" + (f"?{query}" if query else "")
    request = AWSRequest(method=recorded.method, url=url, data=recorded.raw, headers=signed)
    request.context["timestamp"] = recorded.headers["x-amz-date"]
    signer = botocore_auth.SigV4Auth(
        Credentials(access, secret, recorded.headers.get("x-amz-security-token")), service, region
    )
    expected = signer.signature(signer.string_to_sign(request, signer.canonical_request(request)), request)
    assert fields["Signature"] == expected, "botocore computes another signature for this request"


def llm(provider: Provider) -> str:
    """The spec's first chat model, which every scenario talks to."""
    return provider.models_of("llm")[0].name


def a_value(rule: ParameterRule) -> object:
    """A value Dify accepts for a rule: its first option, true for a switch, else its default or min."""
    declared = rule.declaration()
    if "options" in declared:
        return declared["options"][0]
    if declared.get("type") == "boolean":
        return True
    return declared.get("default", declared.get("min", 1))


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused)."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    return port
