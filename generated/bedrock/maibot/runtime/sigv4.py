"""AWS Signature Version 4 (docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html)
in the standard library: the headers that sign one request for a service and region, with an
optional session token. What botocore's SigV4Auth computes for a service other than S3 (the path's
segments encoded twice, every header but a few signed), so a request signed here is one AWS accepts."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timezone
from urllib.parse import quote, urlsplit

# Headers that are never signed (proxies and clients change them), as botocore leaves them out.
UNSIGNED = frozenset(("expect", "transfer-encoding", "user-agent", "x-amzn-trace-id", "authorization"))


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def signing_key(secret: str, day: str, region: str, service: str) -> bytes:
    key = _hmac(("AWS4" + secret).encode("utf-8"), day)
    for part in (region, service, "aws4_request"):
        key = _hmac(key, part)
    return key


def canonical_query(query: list[tuple[str, str]]) -> str:
    pairs = sorted((quote(k, safe="-_.~"), quote(v, safe="-_.~")) for k, v in query)
    return "&".join(f"{k}={v}" for k, v in pairs)


def canonical_headers(headers: dict[str, str]) -> tuple[str, str]:
    """(the canonical header block, the signed header names): lower-case names, sorted, values
    trimmed with inner runs of spaces joined."""
    found: dict[str, list[str]] = {}
    for name, value in headers.items():
        lower = name.lower()
        if lower not in UNSIGNED:
            found.setdefault(lower, []).append(" ".join(str(value).split()))
    names = sorted(found)
    return "".join(f"{n}:{','.join(found[n])}\n" for n in names), ";".join(names)


def host(scheme: str, netloc: str) -> str:
    """The Host header a client sends: the URL's host, with its port unless the scheme's default."""
    default = {"https": ":443", "http": ":80"}.get(scheme, "")
    return netloc[: -len(default)] if default and netloc.endswith(default) else netloc


def sign(
    method: str,
    url: str,
    query: list[tuple[str, str]],
    headers: dict[str, str],
    body: bytes,
    keys: tuple[str, str, str | None],
    region: str,
    service: str,
    now: datetime | None = None,
) -> dict[str, str]:
    """The headers to add to a request (its `headers` must be all it sends, but Host, which the URL
    gives): X-Amz-Date, X-Amz-Security-Token with a session token, and Authorization. `keys` are
    (access key id, secret access key, session token or None); `url` has no query (`query` holds it)."""
    access, secret, token = keys
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    added = {"X-Amz-Date": stamp} | ({"X-Amz-Security-Token": token} if token else {})
    parts = urlsplit(url)
    block, signed = canonical_headers({"host": host(parts.scheme, parts.netloc)} | headers | added)
    path = quote(parts.path or "/", safe="/~")  # the path as sent is already encoded: encoded again
    canonical = "\n".join((method, path, canonical_query(query), block, signed, hashlib.sha256(body).hexdigest()))
    scope = f"{stamp[:8]}/{region}/{service}/aws4_request"
    text = "\n".join(("AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()))
    signature = hmac.new(signing_key(secret, stamp[:8], region, service), text.encode(), hashlib.sha256).hexdigest()
    credential = f"{access}/{scope}"
    added["Authorization"] = f"AWS4-HMAC-SHA256 Credential={credential}, SignedHeaders={signed}, Signature={signature}"
    return added
