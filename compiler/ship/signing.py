"""Signing `.difypkg` packages the way the daemon verifies them (packaging.md §1.6; the daemon's
signer/withkey/sign_with_key.go and decoder/verifier.go):

- keys are RSA, PEM-encoded PKCS#1 (`RSA PRIVATE KEY` / `RSA PUBLIC KEY`) with nothing after the block,
  as the daemon's loaders insist;
- the signed data is the SHA-256 of every entry's bytes in zip order, then the signing time in decimal;
  RSA PKCS#1 v1.5 over SHA-256; the zip comment is `{"signature": base64, "time": unix}`;
- a category (`partner`, `community`) is claimed only when asked, as `.verification.dify.json`, the last
  entry. None is written by default: the Go CLI's default claims `langgenius`.

The time is the caller's (`--time`, else SOURCE_DATE_EPOCH, else now), so a signature can be made
reproducibly."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
import zipfile
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from compiler.ship import ShipError
from compiler.ship.package import signed_name, unpack, zip_bytes
from compiler.write import write_file

VERIFICATION_FILE = ".verification.dify.json"
CATEGORIES = ("partner", "community")  # langgenius is the Dify team's own, never claimed here
KEY_BITS = 4096  # as `dify signature generate`


class SigningError(ShipError):
    """A key or package the daemon would not sign or verify with; the message says why."""


def generate_keys(bits: int = KEY_BITS) -> tuple[bytes, bytes]:
    """(private PEM, public PEM), PKCS#1, as `dify signature generate` writes them."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1)
    return private, public


def single_block(pem: bytes, kind: str) -> bytes:
    """The daemon's loaders take one `kind` block and refuse any byte after it (beyond its newline)."""
    begin, end = f"-----BEGIN {kind}-----".encode(), f"-----END {kind}-----".encode()
    text = pem.lstrip()
    if not text.startswith(begin) or end not in text:
        raise SigningError(f"not a PEM {kind} block (the daemon takes PKCS#1 keys only)")
    if text[text.index(end) + len(end) :] not in (b"", b"\n", b"\r\n"):
        raise SigningError(f"bytes after the {kind} block: the daemon refuses such a key file")
    return text


def load_private(pem: bytes) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(single_block(pem, "RSA PRIVATE KEY"), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise SigningError("not an RSA private key")
    return key


def load_public(pem: bytes) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(single_block(pem, "RSA PUBLIC KEY"))
    if not isinstance(key, rsa.RSAPublicKey):
        raise SigningError("not an RSA public key")
    return key


def signed_data(entries: list[bytes], when: int) -> bytes:
    return b"".join(hashlib.sha256(data).digest() for data in entries) + str(when).encode()


def entries_of(package: bytes) -> tuple[dict[str, bytes], bytes]:
    try:
        return unpack(package)
    except zipfile.BadZipFile as exc:
        raise SigningError(f"not a .difypkg (zip): {exc}") from None


def sign(package: bytes, private_pem: bytes, when: int, category: str | None = None) -> bytes:
    """The package re-written with its signature in the zip comment (and the category claim, if any)."""
    key = load_private(private_pem)
    if category is not None and category not in CATEGORIES:
        raise SigningError(f"category must be one of {', '.join(CATEGORIES)}, got {category!r}")
    entries = {name: data for name, data in entries_of(package)[0].items() if name != VERIFICATION_FILE}
    if category is not None:
        entries[VERIFICATION_FILE] = json.dumps({"authorized_category": category}).encode()  # the last entry
    signature = key.sign(signed_data(list(entries.values()), when), padding.PKCS1v15(), hashes.SHA256())
    comment = {"signature": base64.b64encode(signature).decode(), "time": when}
    return zip_bytes(entries, json.dumps(comment, separators=(",", ":")).encode())


def verify(package: bytes, public_pems: list[bytes]) -> str:
    """Which claim the signature makes (the category, `langgenius` when the file is absent, as the
    daemon reads it), or SigningError saying why the daemon would call it unverified."""
    keys = [load_public(pem) for pem in public_pems]
    entries, comment = entries_of(package)
    try:
        fields = json.loads(comment)
        signature, when = base64.b64decode(fields["signature"], validate=True), int(fields["time"])
    except (ValueError, KeyError, TypeError):
        raise SigningError("no signature: the zip comment is not {signature, time}") from None
    data = signed_data(list(entries.values()), when)
    for key in keys:
        try:
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            continue
        claims = entries.get(VERIFICATION_FILE)
        return json.loads(claims)["authorized_category"] if claims else "langgenius"
    raise SigningError("the signature does not match these keys, or the package changed after signing")


def signing_time(given: int | None) -> int:
    """--time, else SOURCE_DATE_EPOCH (reproducible builds), else now."""
    if given is not None:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return int(epoch) if epoch and epoch.isdigit() else int(time.time())


def write_keys(name: Path) -> tuple[Path, Path]:
    """NAME.private.pem (readable by its owner only) and NAME.public.pem; neither is overwritten."""
    private_path, public_path = Path(f"{name}.private.pem"), Path(f"{name}.public.pem")
    for path in (private_path, public_path):
        if path.exists():
            raise SigningError(f"{path} already exists; nothing written")
    private, public = generate_keys()
    with os.fdopen(os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as handle:
        handle.write(private)  # created readable by its owner only, never for a moment by others
    write_file(public_path, public)
    return private_path, public_path


def sign_file(path: Path, key: Path, when: int | None, category: str) -> Path:
    """The package at `path` signed beside it as X.signed.difypkg; SigningError (files unreadable too) says why not."""
    try:
        data = sign(path.read_bytes(), key.read_bytes(), signing_time(when), category)
    except OSError as exc:
        raise SigningError(str(exc)) from None
    target = path.with_name(signed_name(path.name))
    write_file(target, data)
    return target


def verify_file(path: Path, keys: list[Path]) -> str:
    """The claim a package's signature makes; OSError for unreadable files, SigningError when unverified."""
    return verify(path.read_bytes(), [key.read_bytes() for key in keys])
