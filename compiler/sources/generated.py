"""A plugin the provider compiler generated carries its runtime and a config.py of plain literals:
read them (ast.literal_eval, never import) for what its YAML does not say (protocol, base URL,
endpoints, the fields that pick a URL)."""

from __future__ import annotations

import ast
from typing import Any

from compiler.sources.archive import Source
from compiler.tables import PROTOCOLS

CONFIG = "models/runtime/config.py"
MARK = "by the provider compiler"


def is_generated(source: Source) -> bool:
    return CONFIG in source.files and MARK in source.files.get("manifest.yaml", b"").decode("utf-8", "replace")


def read_config(source: Source) -> dict[str, Any]:
    """Every top-level `NAME = <literal>` of the runtime config; anything else is skipped."""
    tree = ast.parse(source.text(CONFIG), filename=CONFIG)
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, SyntaxError, TypeError, RecursionError):
                continue
    return out


def api_of(config: dict[str, Any]) -> dict[str, Any]:
    """The spec's api section as far as the config says it, beyond the protocol's defaults."""
    protocol = PROTOCOLS.get(str(config.get("PROTOCOL")), PROTOCOLS["openai_chat"])
    api: dict[str, Any] = {}
    if protocol.name != "openai_chat":
        api["protocol"] = protocol.name
    api["base_url"] = str(config.get("BASE_URL"))
    endpoints = config.get("ENDPOINTS") or {}
    changed = {k: endpoints.get(k) for k in protocol.endpoints if endpoints.get(k) != protocol.endpoints[k]}
    if changed:
        api["endpoints"] = changed
    auth = tuple(config.get("AUTH") or ())
    if auth and auth != default_auth(protocol.auth):
        api["auth"] = auth_of(auth)
    for key, name, default in (("SEND_USER", "send_user", True), ("STREAM_USAGE", "stream_usage", True)):
        if config.get(key, default) != default:
            api[name] = config[key]
    messages = {k: v for k, v in (config.get("MESSAGES") or {}).items() if v}
    if messages:
        api["messages"] = messages
    return api


def default_auth(auth: tuple[str, str | None, str]) -> tuple:
    """How the config writes a protocol's default auth (bearer is the Authorization header)."""
    return ("header", "Authorization", "Bearer ") if auth[0] == "bearer" else auth


def auth_of(auth: tuple) -> dict[str, Any]:
    scheme, name, prefix = auth
    if (scheme, name, prefix) == ("header", "Authorization", "Bearer "):
        return {"scheme": "bearer"}
    out: dict[str, Any] = {"scheme": scheme}
    if name:
        out["name"] = name
    if prefix:
        out["prefix"] = prefix
    return out
