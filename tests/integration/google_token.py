"""A Google OAuth token endpoint on 127.0.0.1 for tests: it takes the JWT-bearer grant a service
account signs, checks the RS256 signature with the key's public half and the claims Google checks
(issuer, audience, scope, lifetime), and answers an access token; it counts what it issued."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
SCOPE = "https://www.googleapis.com/auth/cloud-platform"
AUDIENCE = "https://oauth2.googleapis.com/token"  # an assertion's aud, wherever it is sent


def service_account_key(token_uri: str, project: str = "test-project") -> tuple[dict[str, Any], rsa.RSAPublicKey]:
    """A throwaway service-account key (the JSON Google hands out) and its public half."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    info = {
        "type": "service_account",
        "project_id": project,
        "private_key_id": "k1",
        "private_key": pem,
        "client_email": f"tester@{project}.iam.gserviceaccount.com",
        "client_id": "1",
        "token_uri": token_uri,
    }
    return info, private.public_key()


def unpadded(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


@dataclass
class TokenEndpoint:
    """What the endpoint checks against, and what it has issued."""

    public: rsa.RSAPublicKey | None = None
    email: str = ""
    url: str = ""
    lifetime: int = 3600
    issued: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    delay: float = 0.0  # seconds each answer takes (concurrent callers then overlap)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def verdict(self, form: dict[str, list[str]]) -> str | None:
        """Why a grant is refused (None: it is good)."""
        if form.get("grant_type") != [GRANT] or len(form.get("assertion", [])) != 1:
            return "unsupported_grant_type"
        head, claims, signature = form["assertion"][0].split(".")
        try:
            self.public.verify(unpadded(signature), f"{head}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            return "invalid_grant: bad signature"
        header, body = json.loads(unpadded(head)), json.loads(unpadded(claims))
        if header.get("alg") != "RS256" or body.get("iss") != self.email or body.get("aud") != AUDIENCE:
            return "invalid_grant: wrong issuer or audience"
        if body.get("scope") != SCOPE or not body["iat"] <= time.time() + 5 < body["exp"] <= body["iat"] + 3600:
            return "invalid_scope or lifetime"
        return None

    def answer(self, form: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        time.sleep(self.delay)
        refused = self.verdict(form)
        with self._lock:
            if refused:
                self.refused.append(refused)
                return 400, {"error": "invalid_grant", "error_description": refused}
            self.issued.append(f"ya29.token-{len(self.issued) + 1}")
            return 200, {"access_token": self.issued[-1], "expires_in": self.lifetime, "token_type": "Bearer"}


@contextmanager
def token_endpoint(**settings: Any) -> Iterator[tuple[TokenEndpoint, dict[str, Any]]]:
    """A running endpoint and a service-account key whose token_uri is it."""
    endpoint = TokenEndpoint(**settings)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, body = endpoint.answer(parse_qs(raw.decode()))
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    endpoint.url = f"http://127.0.0.1:{server.server_port}/token"
    info, endpoint.public = service_account_key(endpoint.url)
    endpoint.email = info["client_email"]
    try:
        yield endpoint, info
    finally:
        server.shutdown()
        server.server_close()


_kept: list[Any] = []


@cache
def shared() -> tuple[TokenEndpoint, dict[str, Any]]:
    """One endpoint and key for the whole test process (the conformance suite's Vertex key: its
    project is protocols.PATH_VALUES'), stopped with the process."""
    opened = token_endpoint()
    _kept.append(opened)  # collected, the generator would stop the server
    endpoint, info = opened.__enter__()
    info["project_id"] = "conformance-project"
    return endpoint, info


def shared_key() -> str:
    return json.dumps(shared()[1])


def assert_token(recorded: Any) -> None:
    """A request authorised by an access token the shared endpoint issued for the shared key."""
    endpoint, _ = shared()
    assert recorded.headers.get("authorization") in {f"Bearer {token}" for token in endpoint.issued}, "no issued token"
