"""What the checks expect, written once: the key where the spec sends it, the error kind a status and
code become under the spec's error map, and a failed Answer's shape on each host."""

from __future__ import annotations

import re

from compiler.model import Provider
from tests.conformance.hosts import DIFY_CLASSES, KEY, Answer, first_llm
from tests.conformance.protocols import Adapter, Piece
from tests.integration.google_token import assert_token
from tests.integration import payloads
from tests.integration.mock_server import MockServer, Recorded, Reply
from tests.integration.payloads import PNG, WEATHER_TOOL, a_value, closed_port  # noqa: F401 (the checks' too)

PDF = "JVBERi0xLjQK"
IMAGE = {"kind": "image", "format": "png", "mime": "image/png", "data": PNG}
DOCUMENT = {"kind": "document", "format": "pdf", "mime": "application/pdf", "data": PDF, "filename": "spec.pdf"}
# MaiBot's host adds `required: []` to a tool's schema; the parity checks give Dify the same.
HOSTED_TOOL = WEATHER_TOOL | {"parameters": {**WEATHER_TOOL["parameters"], "required": []}}


def failing(api: Adapter, status: int, message: str, code: str | None = None) -> Reply:
    """An error answer of the protocol: its body, and its headers where it puts the type there."""
    return Reply(status, api.error_body(status, message, code), headers=api.error_headers(status, code))


def answered(api: Adapter, *pieces: Piece, **options) -> Reply:
    """A blocking answer of `pieces`, to queue."""
    return Reply(json=api.answer(*pieces, **options))


def streamed(api: Adapter, *pieces: Piece, **options) -> Reply:
    return Reply(sse=api.stream(*pieces, **options))


def reply(api: Adapter, stream: bool, *pieces: Piece, **options) -> Reply:
    return streamed(api, *pieces, **options) if stream else answered(api, *pieces, **options)


def assert_auth(provider: Provider, recorded: Recorded) -> None:
    """The suite's key went where the spec's auth puts it, with the spec's static headers."""
    payloads.assert_auth(provider, recorded, KEY)


def assert_chat_call(api: Adapter, provider: Provider, recorded: Recorded, model: str, stream: bool) -> None:
    expected = called_at(provider, *api.chat_path(provider, model, stream))
    assert (recorded.method, called_at(provider, recorded.path, recorded.query)) == ("POST", expected)
    assert_auth(provider, recorded)


def called_at(provider: Provider, path: str, query: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A request's path and query as both hosts name them. Of a spec with a native path (Azure's v1 API,
    which MaiBot calls), a call to one of the spec's own paths (a deployment's, with the credentials'
    query fields: Dify's) reads as the native path's (test_azure_openai.py checks each host's)."""
    native = provider.api.native
    for spec_path, own in native[1] if native else ():
        if re.search(re.escape(spec_path).replace(re.escape("{model}"), "[^/]+") + "$", path):
            fields = provider.api.credential_query.values()
            prefix = path[: path.rindex(spec_path.split("{")[0])]  # the base URL's path
            return prefix + native[0] + own, {k: v for k, v in query.items() if k not in fields}
    return path, query


def expected_kind(provider: Provider, status: int | None, codes: list[str]) -> str:
    """The kind the spec's error map gives: a code it maps wins over the status; an error without a
    status (a stream's) takes an HTTP status it gives as a code; unmapped 4xx are bad requests."""
    for code in codes:
        if code in provider.errors.codes:
            return provider.errors.codes[code]
    if status is None:
        status = next((int(c) for c in codes if c.isdigit() and 400 <= int(c) < 600), None)
    if status in provider.errors.status:
        return provider.errors.status[status]
    return "bad_request" if status and 400 <= status < 500 else "server_unavailable"


def assert_failed(answer: Answer, kind: str, *words: str, status: int | None = None) -> None:
    """A typed failure: Dify's exact error class (its message saying `words`, except authorization's,
    which the SDK replaces with its own); MaiBot's host exception, whose message names the status and
    the kind and says `words` (the host keeps only the message)."""
    assert answer.error == kind, (answer.error_class, answer.message)
    if answer.host == "dify":
        assert answer.error_class == DIFY_CLASSES[kind]
        if kind == "authorization":
            return
    else:
        assert answer.error_class == "RespParseException", answer.shown
        assert answer.status == status, answer.message
    for word in words:
        assert word in answer.message, (word, answer.message)


def keep_in(provider: Provider, name: str, model: int = 0) -> dict[str, object]:
    """Values of the other parameters that keep `name` in the request (DeepSeek leaves temperature out
    while thinking)."""
    found = provider.models_of("llm")[model]
    omit = provider.parameter(found, name).get("omit_when", ()) if name in provider.parameters else ()
    return {other: not value for other, value, _ in omit}


# ---- parity: the same call from both hosts ---------------------------------------------


def comparable(api: Adapter, provider: Provider, recorded: Recorded) -> dict:
    auth = {k: v for k, v in recorded.headers.items() if k in ("authorization", (provider.api.auth.name or "").lower())}
    if provider.api.auth.scheme == "aws_sigv4":  # signed at another second: the scope and the headers signed
        auth = {k: v.split(", Signature=")[0] for k, v in auth.items()}
    if provider.api.auth.scheme == "google_service_account":  # each host's process has its own token
        assert_token(recorded)
        auth = {k: "Bearer <an issued token>" for k in auth}
    static = {k.lower(): recorded.headers.get(k.lower()) for k in provider.api.headers}
    return {
        "method": recorded.method,
        **dict(zip(("path", "query"), called_at(provider, recorded.path, recorded.query))),
        "auth": auth,
        "static": static,
        "content_type": recorded.headers.get("content-type"),
        "body": api.comparable(provider, recorded.body),
    }


def both(dify, maibot, api: Adapter, mock: MockServer, reply: Reply, *turns, **options) -> tuple[dict, dict]:
    """The provider's requests for one call from each host (options as the hosts' chat takes them).
    Both get the defaults of the model's required parameters, which the Dify SDK fills in itself."""
    options["parameters"] = required(dify.provider, options.get("model")) | options.get("parameters", {})
    sent = []
    for host in (dify, maibot):
        mock.expect(reply)
        answer = host.chat(*turns, **options)
        assert answer.error is None, answer.shown
        sent.append(comparable(api, host.provider, mock.last))
    return sent[0], sent[1]


# The fields of a Recorded the neutral reading needs besides the body.
RECORDED = {"method": "POST", "path": "", "query": {}, "headers": {}, "body": None, "client_port": 0}


def read(api: Adapter, seen: dict):
    return api.read(Recorded(**RECORDED | {"path": seen["path"], "body": seen["body"]}))


def required(provider: Provider, model: str | None) -> dict:
    """The defaults of a model's required parameter rules."""
    info = next(m for m in provider.models_of("llm") if m.name == (model or first_llm(provider)))
    rules = [rule.declaration() for rule in info.parameters]
    return {rule["name"]: rule["default"] for rule in rules if rule.get("required") and "default" in rule}
