"""No key reaches anything a user or a log can see, whatever the provider echoes back: the credential
check, blocking, streamed and mid-stream errors that quote the key (raw, percent-encoded, JSON-escaped),
searched in what the host showed and in the plugin's output and logs. tests/faults/test_secrets.py
does the same for every auth scheme and transport failure against a hostile server."""

from __future__ import annotations

from urllib.parse import quote, quote_plus

import pytest

from tests.conformance.hosts import KEY
from tests.conformance.expect import failing
from tests.conformance.protocols import Text
from tests.integration.google_token import shared_key
from tests.integration.mock_server import Reply

MASK = "[REDACTED]"


def forms(key: str) -> set[str]:
    return {key, quote(key, safe=""), quote_plus(key), key.replace("/", "\\/")}


def echo(key: str) -> str:
    return f"Incorrect API key provided: {key} (as {quote(key, safe='')}, {quote_plus(key)}, {key.replace('/', '\\/')})"


def secret(provider) -> str:
    """The key the hosts hold: a Vertex spec's is a service-account key's JSON (hosts.py)."""
    return shared_key() if provider.api.auth.scheme == "google_service_account" else KEY


@pytest.mark.parametrize("path", ["validation", "blocking", "stream", "mid-stream"])
def test_no_key_is_shown_or_logged(host, provider, api, mock, path):
    key = secret(provider)
    if path == "validation" and host.name == "maibot":
        pytest.skip("MaiBot has no credential check")
    if path == "mid-stream":
        mock.expect(Reply(sse=api.stream(Text("a"), end=False) + [api.error_event(echo(key))]))
    else:
        mock.expect(failing(api, 400, echo(key)))
    answer = host.validate() if path == "validation" else host.chat(stream=path != "blocking")
    assert answer.error is not None and MASK in answer.shown, answer.shown
    seen = answer.shown + host.logs()
    assert not [form for form in forms(key) if form in seen], seen[-3000:]
