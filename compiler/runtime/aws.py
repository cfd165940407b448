"""AWS credentials for a request to an AWS service (auth scheme aws_sigv4): an access key pair, with an
optional session token, signs it (sigv4.py); a Bedrock API key goes as a bearer token instead. The
credential variables are the official Bedrock plugin's, and so the same in every AWS spec; MaiBot,
whose provider has one key field, gives `ACCESS_KEY_ID:SECRET[:SESSION_TOKEN]` or an API key there."""

from __future__ import annotations

import re
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
# The region in a Bedrock host name: bedrock-runtime.<region>.amazonaws.com, a FIPS or VPC endpoint.
REGION_IN_HOST = re.compile(r"(?:^|\.)bedrock(?:-runtime)?(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.")
DEFAULT_REGION = "us-east-1"


def keys(credentials: dict[str, Any]) -> tuple[str, str, str | None] | str:
    """(access key id, secret, session token or None) to sign with, or an API key to send; the
    method the user picked decides, else whichever is filled in (the key pair first)."""
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
        raise ProviderError("authorization", "IAM role credentials are not supported yet: set an access key pair")
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
