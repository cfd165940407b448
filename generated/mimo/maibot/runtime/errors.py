"""Failed calls as one exception, classified with the spec's status and code maps (config)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from . import config, text

# (codes, message) of an error body; protocols whose error bodies differ bring their own. One may also
# offer from_headers(payload, headers) -> payload, for an API that sends the error type as a header.
FieldsReader = Callable[[Any], tuple[list[str], str]]

# What a secret credential value becomes in any text a plugin shows; shorter values are left alone
# (masking every "a" of a one-letter key would make messages unreadable and hide nothing).
MASK = "[REDACTED]"
SHORTEST_SECRET = 4


class ProviderError(Exception):
    """A failed call, classified by the spec's error map; the message says it all."""

    def __init__(self, kind: str, message: str, status: int | None = None, code: str | None = None):
        message, code = text.valid(message), text.valid(code) if code else code
        super().__init__(kind, message, status, code)
        self.kind, self.message, self.status, self.code = kind, message, status, code

    def __str__(self) -> str:
        head = f"HTTP {self.status} " if self.status else ""
        code = f" [{self.code}]" if self.code else ""
        return f"{config.PROVIDER}: {head}{self.kind}{code}: {self.message}"

    def redacted(self, secrets: Iterable[Any]) -> ProviderError:
        """The same error with every secret value masked (servers echo keys and URLs back)."""
        pattern = secret_pattern(secrets)
        if pattern is None:
            return self
        code = pattern.sub(MASK, self.code) if self.code else self.code
        return ProviderError(self.kind, pattern.sub(MASK, self.message), self.status, code)


def secret_pattern(secrets: Iterable[Any]) -> re.Pattern[str] | None:
    """Each secret as a server may echo it: each character as is, percent-encoded (URL encoders
    differ in which characters they encode) or JSON-escaped."""
    alternatives = {"".join(map(character_forms, str(s))) for s in secrets if len(str(s or "")) >= SHORTEST_SECRET}
    return re.compile("|".join(sorted(alternatives, key=lambda a: (-len(a), a)))) if alternatives else None


def character_forms(char: str) -> str:
    encoded = "".join(f"%{byte:02X}" for byte in char.encode())
    forms = {char, encoded, encoded.lower(), json.dumps(char)[1:-1]} | ({"+"} if char == " " else set())
    forms |= {"\\/"} if char == "/" else set()
    return "(?:" + "|".join(re.escape(form) for form in sorted(forms)) + ")"


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
    message = str(error.get("message") or error.get("msg") or error.get("detail") or json.dumps(error))
    inner = error.get("innererror")
    if isinstance(inner, dict) and inner.get("content_filter_result") is not None:  # Azure's prompt filter
        message += f" (content filter: {filtered(inner['content_filter_result']) or 'no category named'})"
    return codes, message


def filtered(results: Any) -> str:
    """The categories an Azure content-filter result marks filtered, with their severity where it gives
    one ("violence (medium), jailbreak"); a list of results (per prompt) is read whole."""
    if isinstance(results, list):
        found = [filtered(item.get("content_filter_results", item)) for item in results if isinstance(item, dict)]
        return ", ".join(f for f in found if f)
    if not isinstance(results, dict):
        return ""
    names = []
    for category, verdict in results.items():
        if isinstance(verdict, dict) and verdict.get("filtered") is True:
            severity = verdict.get("severity")
            names.append(f"{category} ({severity})" if isinstance(severity, str) and severity != "safe" else category)
    return ", ".join(names)


def content_filtered(results: Any, where: str) -> ProviderError:
    """An answer the provider's content filter stopped: never handed on as if it were complete."""
    named = filtered(results)
    reason = f"; filtered categories: {named}" if named else ""
    return ProviderError("bad_request", f"the {where} was stopped by the content filter{reason}", code="content_filter")


def from_payload(payload: Any, status: int | None = None, fields: FieldsReader = error_fields) -> ProviderError:
    """Classify an error body (or a mid-stream error event)."""
    codes, message = fields(payload)
    code = next((c for c in codes if c in config.CODE_KINDS), codes[0] if codes else None)
    classed_as = status
    if status is None:
        # An error inside a 2xx answer (or a stream) often gives an HTTP status as its code.
        classed_as = next((int(c) for c in codes if c.isascii() and c.isdigit() and 400 <= int(c) < 600), None)
    return ProviderError(kind_of(classed_as, codes), message, status, code)


def from_response(status: int, body: bytes, fields: FieldsReader = error_fields, headers: Any = None) -> ProviderError:
    """Classify a non-2xx response; a body that is not JSON is quoted, shortened. From `headers` (any
    case-insensitive mapping): where a redirect points (redirects are never followed: the key would
    go along), and a Retry-After (nothing is retried behind the caller's back)."""
    body_text = body.decode("utf-8", "replace")
    try:
        payload = json.loads(body_text)
    except ValueError:
        payload = None
    if isinstance(payload, dict):
        if headers is not None and hasattr(fields, "from_headers"):  # an error type sent as a header (AWS)
            payload = fields.from_headers(payload, headers)
        error = from_payload(payload, status, fields)
    else:
        shown = " ".join(body_text.split())[:300] or "empty response body"
        error = ProviderError(kind_of(status, []), shown, status)
    headers = headers if headers is not None else {}
    notes = []
    if 300 <= status < 400:
        location = headers.get("Location")
        notes.append(f"redirected to {location or 'no location'}; redirects are not followed, set the base URL")
    retry_after = headers.get("Retry-After")
    if retry_after:
        notes.append(f"Retry-After: {retry_after}")
    if notes:
        error = ProviderError(error.kind, f"{error.message} ({'; '.join(notes)})", status, error.code)
    return error


# What parsing code raises on an answer it did not expect: the server's fault, reported as such.
SURPRISES = (KeyError, TypeError, ValueError, AttributeError, UnicodeError)


def shown(exc: Exception, secrets: Iterable[Any]) -> ProviderError:
    """A failure (a ProviderError, or one of SURPRISES) as a host may show and log it: secrets
    masked. Raise it `from None`: the chained exception's text may hold them."""
    error = (
        exc if isinstance(exc, ProviderError) else ProviderError("server_unavailable", f"unexpected answer: {exc!r}")
    )
    return error.redacted(secrets)


def connection_error(url: str, exc: Exception, timeout: float | None = None) -> ProviderError:
    """A failure to get an answer at all; `timeout`: the limit that ran out, when it was a timeout."""
    if timeout is not None:
        return timed_out(url, timeout, type(exc).__name__)
    return ProviderError("connection", f"could not talk to {url}: {exc or type(exc).__name__}")


def timed_out(url: str, seconds: float, what: str) -> ProviderError:
    """A call that ran out of time, and after how long."""
    return ProviderError("connection", f"the call to {url} timed out after {seconds:g} s ({what})")


def json_object(payload: Any, fields: FieldsReader = error_fields) -> dict[str, Any]:
    """A JSON object answer; an error body sent with a 2xx status raises, as does a failure the body
    reports where the spec says (config.BODY_STATUS)."""
    if not isinstance(payload, dict):
        raise ProviderError("server_unavailable", f"expected a JSON object, got {describe(payload)}")
    if payload.get("error"):
        raise from_payload(payload, fields=fields)
    if config.BODY_STATUS is not None:
        failed = body_failure(payload, *config.BODY_STATUS)
        if failed is not None:
            raise failed
    return payload


def body_failure(payload: dict[str, Any], code_at: tuple, ok: tuple, message_at: tuple) -> ProviderError | None:
    """The failure an answer reports in its body (MiniMax: base_resp.status_code other than 0); None
    when it reports success or no code at all."""
    code, message = dig(payload, code_at), dig(payload, message_at) if message_at else None
    if code is None or isinstance(code, (dict, list)) or str(code) in ok:
        return None
    code = str(code).lower() if isinstance(code, bool) else str(code)
    said = message if isinstance(message, str) and message else f"the answer reports status {code}"
    return ProviderError(kind_of(None, [code]), said, code=code)


def dig(payload: Any, keys: tuple) -> Any:
    """The value at `keys` in nested objects (None where any is missing)."""
    for key in keys:
        payload = payload.get(key) if isinstance(payload, dict) else None
    return payload


def describe(value: Any) -> str:
    """A value for an error message, at most 200 characters."""
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
    return text if len(text) <= 200 else text[:200] + "…"
