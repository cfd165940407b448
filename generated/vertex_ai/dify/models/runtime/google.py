"""Google Cloud credentials for Vertex AI (auth scheme google_service_account). A service-account key
signs an RS256 JWT that the key's token_uri exchanges for an access token, cached for every call and
thread of the process until shortly before it expires; an express-mode API key goes as
x-goog-api-key to the global host instead, on paths without a project or location. Also the Vertex
convention for a host with one key field (MaiBot): the location from the endpoint's host name, the
project from the key. Shipped only in plugins that use this scheme (http imports it lazily)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import threading
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from . import config
from .errors import ProviderError, describe

PROJECT, LOCATION = "vertex_project_id", "vertex_location"
SCOPE = "https://www.googleapis.com/auth/cloud-platform"
GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
AUDIENCE = "https://oauth2.googleapis.com/token"  # always, whatever token_uri the key names (Google's docs)
GLOBAL_HOST = "aiplatform.googleapis.com"  # location `global`, and every express-mode call
LOCATION_IN_HOST = re.compile(r"^([a-z]+-[a-z]+[0-9]+)-aiplatform\.googleapis\.com$")
SCOPED_PATH = re.compile(r"/projects/[^/]+/locations/[^/]+")  # what express-mode paths leave out
LIFETIME = 3600  # seconds a signed assertion asks for (Google's maximum)
EARLY = 300  # seconds before its expiry that a cached token is fetched again
TIMEOUT = 10.0  # seconds for the token request
KEY_FIELDS = ("client_email", "private_key", "token_uri")
_tokens: dict[tuple[str, str], tuple[str, float]] = {}
_lock = threading.Lock()


def service_account(credentials: dict[str, Any]) -> dict[str, Any] | None:
    """The service-account key (its JSON as typed, or base64 as the official form asks), or None
    when the key field holds an express-mode API key. A broken key quotes none of its text."""
    raw = str(credentials.get(config.API_KEY_VARIABLE) or "").strip()
    if not raw:
        raise ProviderError("authorization", "no service-account key (or express-mode API key) is set")
    text = raw if raw.startswith("{") else unbase64(raw)
    if text is None:
        return None
    try:
        info = json.loads(text)
    except ValueError:
        raise ProviderError("authorization", "the service-account key is not valid JSON") from None
    missing = [k for k in KEY_FIELDS if not isinstance(info, dict) or not isinstance(info.get(k), str)]
    if missing:
        raise ProviderError("authorization", f"the service-account key has no {', '.join(missing)}")
    return info


def unbase64(raw: str) -> str | None:
    """The JSON a base64 key holds; None when it is no base64 of a JSON object (an API key)."""
    try:
        text = base64.b64decode(raw + "=" * (-len(raw) % 4), validate=True).decode()
    except (binascii.Error, ValueError):
        return None
    return text if text.lstrip().startswith("{") else None


def signed(credentials: dict[str, Any]) -> dict[str, str]:
    """The header that authenticates a call: the access token, or the express-mode API key."""
    info = service_account(credentials)
    if info is None:
        return {"x-goog-api-key": str(credentials.get(config.API_KEY_VARIABLE) or "").strip()}
    return {"Authorization": "Bearer " + access_token(info)}


def access_token(info: dict[str, Any]) -> str:
    """A cached token of this key, or a new one: one token request, under the lock, serves every
    call and thread that needs it meanwhile. The cache is keyed by the whole key, private half
    included (as a digest): another key of the same account never gets this one's token."""
    cache_key = (info["client_email"], info["token_uri"], hashlib.sha256(info["private_key"].encode()).hexdigest())
    with _lock:
        token, expires = _tokens.get(cache_key, ("", 0.0))
        if expires - EARLY > time.time():
            return token
        token, lifetime = exchanged(info)
        _tokens[cache_key] = (token, time.time() + lifetime)
        return token


def assertion(info: dict[str, Any], now: float) -> str:
    """The RS256-signed JWT that asks the token endpoint for a cloud-platform token."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    header = {"alg": "RS256", "typ": "JWT", "kid": info.get("private_key_id") or ""}
    claims = {"iss": info["client_email"], "scope": SCOPE, "aud": AUDIENCE}
    claims |= {"iat": int(now), "exp": int(now) + LIFETIME}
    signing_input = f"{segment(header)}.{segment(claims)}".encode()
    try:
        key = serialization.load_pem_private_key(info["private_key"].encode(), password=None)
    except (ValueError, TypeError):
        raise ProviderError("authorization", "the service-account key's private_key is no PEM RSA key") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ProviderError("authorization", "the service-account key's private_key is no RSA key")
    signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    return signing_input.decode() + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


def segment(part: dict[str, Any]) -> str:
    raw = json.dumps(part, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def exchanged(info: dict[str, Any]) -> tuple[str, float]:
    """(access token, seconds it lives) from the key's token_uri; a refusal is an authorization
    error with the endpoint's own reason (never the assertion)."""
    form = urlencode({"grant_type": GRANT, "assertion": assertion(info, time.time())}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    request = urllib.request.Request(info["token_uri"], data=form, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (the key's token_uri)
            answer = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise ProviderError("authorization", f"the token endpoint refused the key: {refusal(exc)}") from None
    except (OSError, ValueError) as exc:
        raise ProviderError("connection", f"the token endpoint failed: {describe(str(exc))}") from None
    token = answer.get("access_token") if isinstance(answer, dict) else None
    if not isinstance(token, str) or not token:
        raise ProviderError("authorization", "the token endpoint answered without an access_token")
    return token, float(answer.get("expires_in") or LIFETIME)


def refusal(exc: urllib.error.HTTPError) -> str:
    """The OAuth error of a refused exchange ({error, error_description}), else its status."""
    try:
        body = json.loads(exc.read())
        return describe(f"{body['error']}: {body.get('error_description', '')}")
    except (ValueError, KeyError, TypeError, OSError):
        return f"HTTP {exc.code}"


def routed(base: str, path: str, credentials: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """Where a call goes: an express-mode key's to the global host (unless the base is an override)
    without the project and location; a service account's with the location and project completed."""
    if service_account(credentials) is None:
        parts = urlsplit(base)
        if (parts.hostname or "").endswith("-" + GLOBAL_HOST):
            base = urlunsplit(parts._replace(netloc=GLOBAL_HOST))
        return base, SCOPED_PATH.sub("", path, count=1), credentials
    return base, path, completed(base, credentials)


def completed(base: str, credentials: dict[str, Any]) -> dict[str, Any]:
    """The credentials with the location (from the base URL's host when not given) and the project
    (the key's project_id when not given): all a host with one key field has (MaiBot)."""
    out = dict(credentials)
    if not str(out.get(LOCATION) or "").strip():
        host = urlsplit(base).hostname or ""
        found = LOCATION_IN_HOST.match(host)
        out[LOCATION] = "global" if host == GLOBAL_HOST else found.group(1) if found else ""
    if not str(out.get(PROJECT) or "").strip():  # MaiBot's provider `project`, else the key's
        out[PROJECT] = str(out.get("project") or (service_account(credentials) or {}).get("project_id") or "")
    return out
