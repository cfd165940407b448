"""Error classification: the spec's status and code maps (config) over the error body shapes."""

from __future__ import annotations

import json

import pytest

from compiler.runtime import errors
from compiler.runtime.errors import ProviderError
from tests.runtime.conftest import fixture_bytes


def classify(status: int, body: object) -> ProviderError:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return errors.from_response(status, raw)


@pytest.mark.parametrize(
    "status,kind",
    [(400, "bad_request"), (401, "authorization"), (403, "authorization"), (404, "bad_request"), (408, "connection")]
    + [(418, "bad_request"), (429, "rate_limit"), (500, "server_unavailable"), (529, "server_unavailable")],
)
def test_status_map_and_defaults(status: int, kind: str) -> None:
    assert classify(status, {"error": {"message": "x"}}).kind == kind


def test_the_specs_status_map_wins(settings) -> None:
    settings(STATUS_KINDS={402: "rate_limit", 409: "server_unavailable"})
    assert classify(402, {}).kind == "rate_limit" and classify(409, {}).kind == "server_unavailable"


def test_a_mapped_code_wins_over_the_status(settings) -> None:
    settings(CODE_KINDS={"invalid_api_key": "authorization"})
    error = classify(400, json.loads(fixture_bytes("error_invalid_api_key.json")))
    assert (error.kind, error.code, error.status) == ("authorization", "invalid_api_key", 400)
    assert error.message.startswith("Incorrect API key provided")


def test_the_type_is_a_code_too(settings) -> None:
    settings(CODE_KINDS={"overloaded_error": "server_unavailable"})
    error = classify(400, {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})
    assert (error.kind, error.code) == ("server_unavailable", "overloaded_error")


def test_an_unmapped_code_is_still_reported() -> None:
    error = classify(429, {"error": {"message": "Slow down", "code": "rate_limit_exceeded", "type": "requests"}})
    assert (error.kind, error.code) == ("rate_limit", "rate_limit_exceeded")


@pytest.mark.parametrize(
    "body,message",
    [
        ({"error": {"message": "m"}}, "m"),
        ({"error": {"msg": "from msg"}}, "from msg"),
        ({"detail": "from detail"}, "from detail"),  # FastAPI-style servers
        ({"message": "bare object"}, "bare object"),
        ({"error": "just text"}, "just text"),
        ({"error": {"code": 7}}, '{"code": 7}'),
    ],
)
def test_error_body_shapes(body: dict, message: str) -> None:
    assert classify(400, body).message == message


def test_a_body_that_is_not_json_is_quoted_and_shortened() -> None:
    error = classify(502, b"<html>\n<body>Bad   Gateway</body></html>" + b"x" * 500)
    assert error.kind == "server_unavailable" and error.message.startswith("<html> <body>Bad Gateway</body></html>")
    assert len(error.message) == 300
    assert classify(503, b"").message == "empty response body"


def test_the_message_says_it_all() -> None:
    error = ProviderError("rate_limit", "Slow down", 429, "rate_limit_exceeded")
    assert str(error) == "example: HTTP 429 rate_limit [rate_limit_exceeded]: Slow down"
    assert str(ProviderError("connection", "no route")) == "example: connection: no route"


def test_connection_errors() -> None:
    timed_out = errors.connection_error("http://h/v1", TimeoutError(), 3.0)
    refused = errors.connection_error("http://h/v1", ConnectionRefusedError("refused"))
    assert timed_out.kind == refused.kind == "connection"
    assert "the call to http://h/v1 timed out after 3 s (TimeoutError)" in str(timed_out)
    assert "timed out after 2.5 s" in str(errors.connection_error("http://h/v1", TimeoutError(), 2.5))
    assert "could not talk to http://h/v1: refused" in str(refused)


def test_json_object() -> None:
    assert errors.json_object({"data": []}) == {"data": []}
    with pytest.raises(ProviderError, match="expected a JSON object"):
        errors.json_object([1])
    with pytest.raises(ProviderError, match="quota") as caught:
        errors.json_object({"error": {"message": "quota", "code": "insufficient_quota"}})
    assert caught.value.code == "insufficient_quota"


def test_a_protocol_may_read_its_own_error_bodies() -> None:
    def fields(payload: dict) -> tuple[list[str], str]:
        return [payload["error"]["status"]], payload["error"]["message"]

    body = json.dumps({"error": {"code": 404, "message": "no model", "status": "NOT_FOUND"}}).encode()
    error = errors.from_response(404, body, fields)
    assert (error.kind, error.code, error.message) == ("bad_request", "NOT_FOUND", "no model")


def test_describe_shortens() -> None:
    assert errors.describe({"a": "é"}) == '{"a": "é"}'
    assert errors.describe("x" * 500) == "x" * 200 + "…"


@pytest.mark.parametrize("code, kind", [(401, "authorization"), ("429", "rate_limit"), ("503", "server_unavailable")])
def test_an_error_inside_a_2xx_answer_is_classed_by_its_numeric_code(code, kind) -> None:
    error = errors.from_payload({"error": {"code": code, "message": "no"}})
    assert (error.kind, error.status, error.code) == (kind, None, str(code))


def test_a_redirect_says_where_and_is_the_servers_fault() -> None:
    error = errors.from_response(302, b"", headers={"Location": "https://new.example/v1"})
    assert error.kind == "server_unavailable"
    assert (
        error.message
        == "empty response body (redirected to https://new.example/v1; redirects are not followed, set the base URL)"
    )


def test_retry_after_is_passed_on() -> None:
    body = json.dumps({"error": {"message": "slow down", "code": "rate_limited"}}).encode()
    error = errors.from_response(429, body, headers={"Retry-After": "7"})
    assert (error.kind, error.message, error.code) == ("rate_limit", "slow down (Retry-After: 7)", "rate_limited")


def test_invalid_utf8_in_an_error_body() -> None:
    error = errors.from_response(400, b'{"error": {"message": "bad \xff byte"}}')
    assert error.message == "bad \ufffd byte"


MINIMAX = (("base_resp", "status_code"), ("0",), ("base_resp", "status_msg"))


@pytest.mark.parametrize(
    "payload,kind,code,message",
    [
        (
            {"vectors": None, "base_resp": {"status_code": 1004, "status_msg": "login fail"}},
            "authorization",
            "1004",
            "login fail",
        ),
        ({"base_resp": {"status_code": 1002, "status_msg": "rpm limit"}}, "rate_limit", "1002", "rpm limit"),
        ({"base_resp": {"status_code": 2013}}, "bad_request", "2013", "the answer reports status 2013"),
        ({"base_resp": {"status_code": 9999, "status_msg": ""}}, "server_unavailable", "9999", "reports status 9999"),
    ],
)
def test_a_failure_reported_in_a_2xx_body_raises_as_its_code_says(settings, payload, kind, code, message) -> None:
    settings(BODY_STATUS=MINIMAX, CODE_KINDS={"1004": "authorization", "1002": "rate_limit", "2013": "bad_request"})
    with pytest.raises(ProviderError) as caught:
        errors.json_object(payload)
    assert (caught.value.kind, caught.value.code) == (kind, code) and message in caught.value.message


def test_a_2xx_body_reporting_success_or_no_status_is_the_answer(settings) -> None:
    settings(BODY_STATUS=MINIMAX)
    for payload in ({"vectors": [[1]], "base_resp": {"status_code": 0, "status_msg": "success"}}, {"vectors": []}):
        assert errors.json_object(payload) is payload
    assert errors.json_object({"base_resp": {"status_code": "0"}})  # the code compared as text
    settings(BODY_STATUS=None)
    assert errors.json_object({"base_resp": {"status_code": 1004}})  # a spec that says nothing of it
