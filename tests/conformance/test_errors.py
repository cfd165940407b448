"""Every error kind on both hosts, blocking and streamed: HTTP statuses and the provider codes the
spec maps, bodies that are not JSON, refused connections and answers too slow to wait for. Dify gets
its exact error class; MaiBot's host keeps only the message, so that says it all."""

from __future__ import annotations

import pytest

from tests.conformance.expect import assert_failed, closed_port, expected_kind, failing
from tests.conformance.protocols import Text
from tests.integration.mock_server import Reply

STATUSES = {401: "bad key", 403: "forbidden", 429: "slow down", 400: "bad field", 500: "boom", 503: "overloaded"}


@pytest.mark.parametrize("status", STATUSES)
def test_http_errors_are_typed(host, provider, api, mock, stream, status):
    body = api.error_body(status, STATUSES[status])
    mock.expect(failing(api, status, STATUSES[status]))
    answer = host.chat(stream=stream)
    kind = expected_kind(provider, status, api.error_codes(body))
    words = [STATUSES[status], str(status)] + ([kind] if host.name == "maibot" else [])
    assert_failed(answer, kind, *words, status=status)


def test_a_code_the_spec_maps_wins_over_the_status(host, provider, api, mock, stream):
    if not provider.errors.codes:
        pytest.skip("the spec maps no error codes")
    status_kind = expected_kind(provider, 400, [])
    codes = provider.errors.codes.items()
    code, kind = next(((c, k) for c, k in codes if k != status_kind), next(iter(codes)))
    mock.expect(failing(api, 400, "mapped", code))
    answer = host.chat(stream=stream)
    assert_failed(answer, kind, "mapped", *([f"{kind} [{code}]"] if host.name == "maibot" else []), status=400)


def test_an_error_body_that_is_not_json(host, provider, mock, stream):
    mock.expect(Reply(502, raw=b"<html><body>Bad Gateway</body></html>", content_type="text/html"))
    answer = host.chat(stream=stream)
    assert_failed(answer, expected_kind(provider, 502, []), "Bad Gateway", "502", status=502)


def test_an_answer_that_is_not_json(host, mock):
    mock.expect(Reply(200, raw=b"not json at all", content_type="text/plain"))
    answer = host.chat()
    assert_failed(answer, "server_unavailable", "not JSON", *(["not json at all"] if host.name == "maibot" else []))


def test_a_refused_connection(host, stream):
    port = closed_port()
    answer = host.chat(stream=stream, base_url=f"http://127.0.0.1:{port}/v1")
    assert_failed(answer, "connection", *([f"127.0.0.1:{port}"] if host.name == "maibot" else []))


@pytest.mark.concurrent
def test_a_slow_answer_times_out(host, api, mock):
    """Dify: blocking and streamed at once, each waits out the read timeout. MaiBot: the plugin gives up
    before the host's timeout (2 s), with a clear message."""
    if host.name == "dify":
        mock.expect(*[Reply(json=api.answer(Text("late")), delay=3.5) for _ in range(2)])
        for outcome in host.burst([host.llm_call(stream=False), host.llm_call(stream=True)]):
            assert outcome.error_type == "InvokeConnectionError", outcome.error
            assert "timed out after 2 s" in outcome.message, outcome.message
        return
    mock.expect(Reply(json=api.answer(Text("late")), delay=3))
    assert_failed(host.chat(api={"timeout": 2}), "connection", "127.0.0.1", "timed out after 1 s")
