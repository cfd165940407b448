"""The entra_id auth scheme (Azure OpenAI): the API key in its header, or a Microsoft Entra ID access
token from the client-credentials grant of a service principal, sent as a bearer token. Standard
library only (no azure-identity); shipped only by plugins whose spec uses the scheme.

A token serves every call of the process with the same principal until five minutes before it
expires: one lock keeps threads from asking for it twice, and the token endpoint is asked again after."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from . import config
from .errors import ProviderError, describe

METHOD = "entra_id_service_principal"  # the auth_method value (the official plugin's) that asks for a token
AUTHORITY = "https://login.microsoftonline.com"
SCOPE = "https://cognitiveservices.azure.com/.default"
EARLY = 300.0  # seconds before expiry a token is replaced
TENANT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$")  # a GUID or a domain: never a path

_lock = threading.Lock()
_tokens: dict[tuple[str, str, str, str], tuple[str, float]] = {}  # (authority, tenant, client, secret hash)


def headers(credentials: dict[str, Any], name: str, prefix: str) -> dict[str, str]:
    """The auth headers of one call: a bearer token for a service principal, else the API key."""
    if str(credentials.get("auth_method") or "").strip() != METHOD:
        return {name: prefix + str(credentials.get(config.API_KEY_VARIABLE) or "")}
    return {"Authorization": "Bearer " + token(credentials)}


def token(credentials: dict[str, Any]) -> str:
    """The principal's access token: the cached one while it has five minutes left, else a new one."""
    tenant, client, secret = (str(credentials.get(k) or "").strip() for k in FIELDS)
    missing = [k for k, v in zip(FIELDS, (tenant, client, secret)) if not v]
    if missing:
        raise ProviderError("authorization", f"Entra ID authentication needs {', '.join(missing)}")
    if not TENANT_RE.match(tenant):
        raise ProviderError("authorization", f"azure_tenant_id must be a tenant id or domain, got {tenant!r}")
    authority = authority_host(credentials)
    key = (authority, tenant, client, hashlib.sha256(secret.encode()).hexdigest())
    with _lock:
        found = _tokens.get(key)
        if found and found[1] - EARLY > time.time():
            return found[0]
        value, expires = requested(f"{authority}/{tenant}/oauth2/v2.0/token", client, secret)
        _tokens[key] = (value, expires)
        return value


FIELDS = ("azure_tenant_id", "azure_client_id", "azure_client_secret")


def authority_host(credentials: dict[str, Any]) -> str:
    """The Entra authority: login.microsoftonline.com, or a sovereign cloud's that the credential
    azure_authority_host names (https://login.microsoftonline.us, https://login.chinacloudapi.cn)."""
    given = str(credentials.get("azure_authority_host") or "").strip().rstrip("/")
    if not given:
        return AUTHORITY
    parts = urllib.parse.urlsplit(given if "://" in given else "https://" + given)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise ProviderError(
            "authorization", f"azure_authority_host must be a host like login.microsoftonline.us, got {given!r}"
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """The client secret never follows a redirect."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def requested(url: str, client: str, secret: str) -> tuple[str, float]:
    """(access token, when it expires) from the token endpoint; a refusal is an authorization error
    that quotes Entra's description, never the secret."""
    form = {"grant_type": "client_credentials", "client_id": client, "client_secret": secret, "scope": SCOPE}
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=config.CONNECT_TIMEOUT + 20) as response:
            raw, status = response.read(), response.status
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(), exc.code
    except (OSError, ValueError) as exc:
        raise ProviderError("connection", f"could not reach the Entra ID token endpoint {url}: {exc}") from None
    return parsed(raw, status, secret)


def parsed(raw: bytes, status: int, secret: str) -> tuple[str, float]:
    try:
        answer = json.loads(raw.decode("utf-8", "replace"))
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise ProviderError(
            "authorization", f"Entra ID answered HTTP {status}: {describe(raw[:200].decode('utf-8', 'replace'))}"
        )
    value, lifetime = answer.get("access_token"), answer.get("expires_in")
    if status != 200 or not isinstance(value, str) or not value:
        reason = str(answer.get("error_description") or answer.get("error") or describe(answer)).replace(
            secret, "[REDACTED]"
        )
        raise ProviderError("authorization", f"Entra ID refused the client credentials (HTTP {status}): {reason}")
    try:
        seconds = float(lifetime)
    except (TypeError, ValueError):
        seconds = 0.0  # unknown lifetime: used for this call, asked for again by the next
    return value, time.time() + seconds
