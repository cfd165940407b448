"""AWS credentials for a request to an AWS service (auth scheme aws_sigv4): an access key pair, with an
optional session token, signs it (sigv4.py); a Bedrock API key goes as a bearer token instead. The
credential variables are the official Bedrock plugin's, and so the same in every AWS spec; MaiBot,
whose provider has one key field, gives `ACCESS_KEY_ID:SECRET[:SESSION_TOKEN]` or an API key there."""

from __future__ import annotations

import json
import os
import re
import threading
import time
import urllib.request
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from . import config, sigv4
from .errors import ProviderError

ACCESS, SECRET, TOKEN, METHOD, REGION = (
    "aws_access_key_id",
    "aws_secret_access_key",
    "aws_session_token",
    "auth_method",
    "aws_region",
)
# The region in a Bedrock host name: bedrock-runtime.<region>.amazonaws.com, bedrock-agent-runtime's,
# a FIPS or VPC endpoint.
REGION_IN_HOST = re.compile(r"(?:^|\.)bedrock(?:-agent)?(?:-runtime)?(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.")
DEFAULT_REGION = "us-east-1"


def keys(credentials: dict[str, Any]) -> tuple[str, str, str | None] | str:
    """(access key id, secret, session token or None) to sign with, or an API key to send; the
    method the user picked decides (IAM_Role: the role's, from the standard chain), else whichever is
    filled in (the key pair first)."""
    access, secret, token = (str(credentials.get(v) or "").strip() for v in (ACCESS, SECRET, TOKEN))
    api_key = str(credentials.get(config.API_KEY_VARIABLE) or "").strip()
    method = str(credentials.get(METHOD) or "").strip()
    if not access and ":" in api_key:  # MaiBot: the pair in the one key field
        access, secret, *rest = api_key.split(":", 2)
        token, api_key = (rest[0] if rest else ""), ""
    if method == "API_Key" or (api_key and not (access or secret) and method != "Access_Secret_Key"):
        if not api_key:
            raise ProviderError("authorization", "no Bedrock API key is set")
        return api_key
    if method == "IAM_Role" and not (access or secret):
        return role_keys()
    if not (access and secret):
        raise ProviderError("authorization", "an AWS access key id and secret access key are both needed")
    return access, secret, token or None


def region(url: str, credentials: dict[str, Any]) -> str:
    """The region a request is signed for: the one in the endpoint's host name, else the credentials'."""
    found = REGION_IN_HOST.search(urlsplit(url).hostname or "")
    return found.group(1) if found else str(credentials.get(REGION) or "").strip() or DEFAULT_REGION


def signed(
    method: str,
    url: str,
    query: list[tuple[str, str]],
    headers: dict[str, str],
    body: bytes,
    credentials: dict[str, Any],
    service: str,
) -> dict[str, str]:
    """The headers that authenticate a finished request: a SigV4 signature, or the API key."""
    found = keys(credentials)
    if isinstance(found, str):
        return {"Authorization": "Bearer " + found}
    return sigv4.sign(method, url, query, headers, body, found, region(url, credentials), service)


# ---- IAM role: the standard credential chain, without boto3 ---------------------------------

IMDS = "http://169.254.169.254"  # AWS_EC2_METADATA_SERVICE_ENDPOINT overrides it
CONTAINER = "http://169.254.170.2"  # ECS: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is a path on it
TIMEOUT = 2.0  # seconds per metadata call: off AWS, the addresses do not answer
EARLY = 300  # seconds before their expiry that cached credentials are fetched again
_cached: dict[str, Any] = {}
_lock = threading.Lock()


def role_keys() -> tuple[str, str, str | None]:
    """The role's temporary keys: the environment's (AWS_ACCESS_KEY_ID...), else the container
    credentials endpoint's (ECS, EKS pod identity), else the instance metadata service's (IMDSv2);
    cached, for every call and thread of the process, until shortly before they expire."""
    env = os.environ.get("AWS_ACCESS_KEY_ID"), os.environ.get("AWS_SECRET_ACCESS_KEY")
    if all(env):
        return env[0], env[1], os.environ.get("AWS_SESSION_TOKEN") or None  # type: ignore[return-value]
    with _lock:
        if _cached.get("expires", 0) - EARLY > time.time():
            return _cached["keys"]
        found = container_keys() or instance_keys()
        if found is None:
            raise ProviderError(
                "authorization", "no IAM role credentials: none in the environment, container or instance"
            )
        keys, expires = found
        _cached.update(keys=keys, expires=expires)
        return keys


def container_keys() -> tuple[tuple[str, str, str | None], float] | None:
    full = os.environ.get("AWS_CONTAINER_CREDENTIALS_FULL_URI")
    relative = os.environ.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
    if not (full or relative):
        return None
    token = os.environ.get("AWS_CONTAINER_AUTHORIZATION_TOKEN")
    token_file = os.environ.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
    if token_file:
        with open(token_file, encoding="utf-8") as handle:
            token = handle.read().strip()
    headers = {"Authorization": token} if token else {}
    url = full or CONTAINER + str(relative)
    try:
        return parsed(fetch("GET", url, headers))
    except OSError as exc:
        raise ProviderError("authorization", f"the container credentials endpoint {url} failed: {exc}") from None


def instance_keys() -> tuple[tuple[str, str, str | None], float] | None:
    base = (os.environ.get("AWS_EC2_METADATA_SERVICE_ENDPOINT") or IMDS).rstrip("/")
    try:
        token = fetch("PUT", base + "/latest/api/token", {"X-aws-ec2-metadata-token-ttl-seconds": "21600"})
        headers = {"X-aws-ec2-metadata-token": token.decode()}
        path = base + "/latest/meta-data/iam/security-credentials/"
        role = fetch("GET", path, headers).decode().split()[0]
        return parsed(fetch("GET", path + role, headers))
    except (OSError, IndexError):
        return None


def fetch(method: str, url: str, headers: dict[str, str]) -> bytes:
    request = urllib.request.Request(url, method=method, headers=headers, data=b"" if method == "PUT" else None)
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (metadata addresses)
        return response.read()


def parsed(raw: bytes) -> tuple[tuple[str, str, str | None], float]:
    """{AccessKeyId, SecretAccessKey, Token, Expiration} as (keys, expiry in epoch seconds)."""
    try:
        found = json.loads(raw)
        keys = (str(found["AccessKeyId"]), str(found["SecretAccessKey"]), found.get("Token") or None)
        expires = datetime.fromisoformat(str(found["Expiration"]).replace("Z", "+00:00")).timestamp()
    except (ValueError, KeyError, TypeError):
        raise ProviderError("authorization", "the IAM role credentials are not the documented JSON") from None
    return keys, expires
