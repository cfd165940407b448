"""Failed calls as one exception, classified with the spec's status and code maps (config)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import config

# (codes, message) of an error body; protocols whose error bodies differ bring their own.
FieldsReader = Callable[[Any], tuple[list[str], str]]


class ProviderError(Exception):
    """A failed call, classified by the spec's error map; the message says it all."""

    def __init__(self, kind: str, message: str, status: int | None = None, code: str | None = None):
        super().__init__(kind, message, status, code)
        self.kind, self.message, self.status, self.code = kind, message, status, code

    def __str__(self) -> str:
        head = f"HTTP {self.status} " if self.status else ""
        code = f" [{self.code}]" if self.code else ""
        return f"{config.PROVIDER}: {head}{self.kind}{code}: {self.message}"


def kind_of(status: int | None, codes: list[str]) -> str:
    """A provider code the spec maps wins over the status; unmapped 4xx are bad requests."""
    for code in codes:
        if code in config.CODE_KINDS:
            return config.CODE_KINDS[code]
    if status in config.STATUS_KINDS:
        return config.STATUS_KINDS[status]
    if status is not None and 400 <= status < 500:
        return "bad_request"
    return "server_unavailable"


def error_fields(payload: Any) -> tuple[list[str], str]:
    """The common error shape, `{"error": {"code"|"type", "message"|"msg"|"detail"}}` or the inner
    object alone."""
    error = payload.get("error", payload) if isinstance(payload, dict) else payload
    if not isinstance(error, dict):
        return [], str(error)
    codes = [str(error[k]) for k in ("code", "type") if error.get(k) not in (None, "")]
    message = error.get("message") or error.get("msg") or error.get("detail") or json.dumps(error)
    return codes, str(message)


def from_payload(payload: Any, status: int | None = None, fields: FieldsReader = error_fields) -> ProviderError:
    """Classify an error body (or a mid-stream error event)."""
    codes, message = fields(payload)
    code = next((c for c in codes if c in config.CODE_KINDS), codes[0] if codes else None)
    return ProviderError(kind_of(status, codes), message, status, code)


def from_response(status: int, body: bytes, fields: FieldsReader = error_fields) -> ProviderError:
    """Classify a non-2xx response; a body that is not JSON is quoted, shortened."""
    try:
        payload = json.loads(body)
    except ValueError:
        payload = None
    if isinstance(payload, dict):
        return from_payload(payload, status, fields)
    text = " ".join(body.decode("utf-8", "replace").split())[:300] or "empty response body"
    return ProviderError(kind_of(status, []), text, status)


def connection_error(url: str, exc: Exception, timed_out: bool) -> ProviderError:
    """A failure to get an answer at all (the transport says whether it was a timeout)."""
    if timed_out:
        return ProviderError("connection", f"no response from {url} in time ({type(exc).__name__})")
    return ProviderError("connection", f"could not talk to {url}: {exc or type(exc).__name__}")


def json_object(payload: Any, fields: FieldsReader = error_fields) -> dict[str, Any]:
    """A JSON object answer; an error body sent with a 2xx status raises."""
    if not isinstance(payload, dict):
        raise ProviderError("server_unavailable", f"expected a JSON object, got {describe(payload)}")
    if payload.get("error"):
        raise from_payload(payload, fields=fields)
    return payload


def describe(value: Any) -> str:
    """A value for an error message, at most 200 characters."""
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
    return text if len(text) <= 200 else text[:200] + "…"
