"""No secret credential value reaches anything a user or a log can see, whatever the server echoes
back: with bearer, header and query auth, on every path (credential check, blocking, stream,
mid-stream, transport failure), searched in the host-visible error, the plugin process's output and
the MaiBot host's log files."""

from __future__ import annotations

from urllib.parse import quote, quote_plus

import pytest

from tests.faults.conftest import AUTHS, KEY, TOKEN, Plugins
from tests.faults.hostile_server import Act, HostileServer, json_act, sse_act
from tests.faults.test_faults import chunk
from tests.integration.payloads import closed_port

MASK = "[REDACTED]"
# What a careless server quotes back: the request target (query-string keys) and every header.
ECHO = b"rejected $TARGET with $HEADERS"


def forms(secret: str) -> set[str]:
    return {secret, quote(secret, safe=""), quote_plus(secret)}


def echo_error(status: int) -> Act:
    body = b'{"error": {"message": "' + ECHO + b'", "type": "invalid_request_error"}}'
    return Act(status=status, pieces=[body], echo=True)


ECHOED = ("validation", "blocking", "stream", "mid-stream")  # a redirect's Location echoes only the URL
PATHS = {
    "validation": lambda: echo_error(401),
    "blocking": lambda: echo_error(401),
    "stream": lambda: Act(status=404, headers={"Content-Type": "text/html"}, pieces=[b"<p>" + ECHO], echo=True),
    "mid-stream": lambda: sse_act(
        [chunk(content="a"), b'data: {"error": {"message": "' + ECHO + b'"}}\n\n'], echo=True
    ),
    "redirect": lambda: Act(status=307, headers={"Location": "https://elsewhere.invalid$TARGET"}, echo=True),
    "cut": lambda: json_act(b'{"choices": [', cut=True),
}


@pytest.mark.parametrize("auth", sorted(AUTHS))
@pytest.mark.parametrize("target", ["dify", "maibot"])
@pytest.mark.parametrize("path", [*PATHS, "refused"])
def test_no_secret_is_shown_or_logged(plugins: Plugins, hostile: HostileServer, auth: str, target: str, path: str):
    if path == "validation" and target == "maibot":
        pytest.skip("MaiBot has no credential check")
    side = plugins.side(target, auth)
    secrets = forms(KEY) | (forms(TOKEN) if target == "dify" else set())
    if path == "refused":
        answer = side.chat(False, base_url=f"http://127.0.0.1:{closed_port()}/v1")
    else:
        hostile.expect(PATHS[path]())
        answer = side.validate() if path == "validation" else side.chat(path != "blocking")
        sent = hostile.requests[-1]
        assert KEY in {
            sent.query.get("key"),
            sent.headers.get("authorization", "")[7:],
            sent.headers.get("x-api-key", "")[4:],
        }
        if path in ECHOED or (path == "redirect" and auth == "query"):
            assert MASK in answer.shown, answer.shown  # the echo arrived, masked
    assert answer.error is not None
    seen = answer.shown + side.logs()
    assert not [s for s in secrets if s in seen], seen[-3000:]
