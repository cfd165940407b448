"""The suite's record of what the plugins sent, for comparing two generated trees (differential.py).

With CONFORMANCE_RECORD=/path/log.jsonl, every request the mock receives is kept with the test that
caused it, and the run writes them to that file, one JSON line each, sorted by test id and then in
the order they arrived, whichever workers ran them: {test, host, spec, seq, method, path, query,
headers, body}. Headers are lower-cased, without those that differ between runs (host, user-agent,
content-length, connection, accept-encoding, and any that names the mock's port); a multipart body
is its parts (name, file name, type, SHA-256), a body that is not JSON its SHA-256."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from tests.integration.mock_server import Recorded, form

RECORD = os.environ.get("CONFORMANCE_RECORD")
VOLATILE = frozenset(("host", "user-agent", "content-length", "connection", "accept-encoding"))
WORKER = os.environ.get("PYTEST_XDIST_WORKER")
kept: list[dict[str, Any]] = []


def test_id(nodeid: str) -> str:
    """A test's id without the group pytest-xdist appends (`…[acme]@acme`)."""
    return nodeid.rsplit("@", 1)[0] if nodeid.rfind("@") > nodeid.rfind("]") else nodeid


def keep(nodeid: str, spec: str | None, requests: list[Recorded], port: int, ordered: bool = True) -> None:
    """The requests of one test; those of a test that sends several at once (`ordered` false) are
    sorted, since they arrive in any order."""
    lines = [{"host": r.source} | line(r, port) for r in requests]
    if not ordered:
        lines.sort(key=lambda entry: json.dumps(entry, sort_keys=True))
    kept.extend({"test": test_id(nodeid), "spec": spec, "seq": seq} | entry for seq, entry in enumerate(lines))


def line(recorded: Recorded, port: int) -> dict[str, Any]:
    headers = {k: v for k, v in recorded.headers.items() if k not in VOLATILE and f":{port}" not in v}
    body: Any = recorded.body
    content_type = headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        headers["content-type"] = "multipart/form-data"  # without its random boundary
        body = {
            name: [filename, media, hashlib.sha256(data).hexdigest()]
            for name, (filename, media, data) in sorted(form(recorded).items())
        }
    elif body is None and recorded.raw:
        body = {"sha256": hashlib.sha256(recorded.raw).hexdigest()}
    return {"method": recorded.method, "path": recorded.path, "query": recorded.query, "headers": headers, "body": body}


def part(log: Path, worker: str) -> Path:
    return log.with_name(f"{log.name}.{worker}.part")


def start() -> None:
    """At the start of the run (not in a worker): no parts of an earlier run are left."""
    if RECORD and not WORKER:
        for stale in Path(RECORD).parent.glob(Path(RECORD).name + ".*.part"):
            stale.unlink()


def finish() -> None:
    """Each process writes its part; the one that is no worker (the controller, or a run without
    workers) then joins every part, sorted, into the log."""
    if not RECORD:
        return
    log = Path(RECORD)
    lines = [json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n" for entry in kept]
    part(log, WORKER or "main").write_text("".join(lines), encoding="utf-8")
    if WORKER:
        return
    entries = []
    for piece in sorted(log.parent.glob(log.name + ".*.part")):
        entries += [json.loads(text) for text in piece.read_text(encoding="utf-8").splitlines()]
        piece.unlink()
    entries.sort(key=lambda e: (e["test"], e["seq"]))
    log.write_text("".join(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n" for e in entries), "utf-8")
