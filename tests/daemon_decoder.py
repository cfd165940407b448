"""The Dify plugin daemon's package decoder and install-time checks, re-implemented for the tests from
its Go sources (../shared/reference/packaging.md §1.4-1.6: decoder/zip.go, checksum.go, helper.go,
plugin_declaration.go, verifier.go), independently of compiler/ship/package.py and compiler/ship/signing.py,
so a package the compiler makes is judged by the daemon's rules and not by its own."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO

import yaml
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

MAX_PLUGIN_PACKAGE_SIZE = 52428800
IDENTITY = re.compile(
    r"^(?:([a-z0-9_-]{1,64})\/)?([a-z0-9_-]{1,255}):([0-9]{1,4})(\.[0-9]{1,4}){1,3}(-\w{1,16})?@[a-f0-9]{32,64}$"
)
AUTHOR = re.compile(r"^[a-z0-9_-]{1,64}$")
NAME = re.compile(r"^[a-z0-9_-]{1,128}$")


class Refused(Exception):
    pass


@dataclass
class Decoded:
    files: dict[str, bytes]  # in zip order
    manifest: dict
    identity: str
    comment: bytes


def decode(data: bytes) -> Decoded:
    """What installing `data` does up to PreparePackage, or Refused with the daemon's reason."""
    if len(data) > MAX_PLUGIN_PACKAGE_SIZE:
        raise Refused("file size exceeds the maximum limit")
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise Refused(f"difypkg: {exc}") from None
    if sum(info.file_size for info in archive.infolist()) > MAX_PLUGIN_PACKAGE_SIZE:
        raise Refused("plugin package size is too large")
    files = {}
    for info in archive.infolist():
        if info.filename.endswith("/"):  # Walk hands it to ReadFile, which fails
            raise Refused(f"read {info.filename.rstrip('/')}: is a directory")
        if info.filename.startswith("/") or ".." in info.filename.split("/"):
            raise Refused(f"illegal file path: {info.filename}")
        files[info.filename] = archive.read(info)
    manifest = yaml.safe_load(files["manifest.yaml"]) if "manifest.yaml" in files else None
    if not isinstance(manifest, dict):
        raise Refused("manifest.yaml not found")
    for provider in (manifest.get("plugins") or {}).get("models") or []:
        if provider not in files:
            raise Refused(f"read {provider}: file does not exist")
        declaration = yaml.safe_load(files[provider])
        for entry in (declaration.get("models") or {}).values():
            position = (entry or {}).get("position")
            if position and position not in files:
                raise Refused(f"read {position}: file does not exist")
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(hashlib.sha256(path.encode()).digest() + hashlib.sha256(files[path]).digest())
    identity = f"{manifest.get('author')}/{manifest.get('name')}:{manifest.get('version')}@{digest.hexdigest()}"
    if not IDENTITY.match(identity):
        raise Refused(f"plugin_unique_identifier is not valid: {identity}")
    if not AUTHOR.match(str(manifest.get("author"))):
        raise Refused("author must match " + AUTHOR.pattern)
    if not NAME.match(str(manifest.get("name"))):
        raise Refused("name must match " + NAME.pattern)
    for icon in (manifest.get("icon"), manifest.get("icon_dark")):
        if icon is not None and f"_assets/{icon}" not in files:
            raise Refused(f"plugin icon {icon} not found in _assets")
    for key in ("label", "description"):
        for text in (manifest.get(key) or {}).values():
            if len(text) >= 1024:
                raise Refused(f"{key} must be shorter than 1024 characters")
    return Decoded(files, manifest, identity, archive.comment)


def verified(decoded: Decoded, public_pem: bytes) -> bool:
    """VerifyPluginWithPublicKeys: every entry's sha256 in zip order, then the comment's time."""
    try:
        comment = json.loads(decoded.comment)
        signature, when = base64.b64decode(comment["signature"]), int(comment["time"])
    except (ValueError, KeyError):
        return False
    key = serialization.load_pem_public_key(public_pem)
    data = b"".join(hashlib.sha256(content).digest() for content in decoded.files.values()) + str(when).encode()
    try:
        key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
    except Exception:
        return False
    return True
