"""A hostile HTTP/1.1 server on 127.0.0.1: each answer is scripted down to the bytes, the write sizes,
the pauses and the moment the connection is cut. It records every request and counts connections.

Unlike tests/integration/mock_server.py (a well-behaved OpenAI-compatible provider), it does what
real servers and gateways get wrong: split UTF-8 and surrogate pairs, odd SSE framing, 1-byte
writes, gzip, bodies cut short, HTML, redirects, stalls. It runs in the pytest process (which never
imports dify_plugin); the plugins under test run in their own processes."""

from __future__ import annotations

import gzip
import itertools
import json
import socket
import socketserver
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

REASONS = {200: "OK", 302: "Found", 401: "Unauthorized", 404: "Not Found", 429: "Too Many Requests", 502: "Bad Gateway"}


@dataclass
class Act:
    """One scripted answer. The body goes out as `pieces`, each written (and, when chunked, framed as
    one HTTP chunk) on its own, `gap` seconds apart and `stalls[i]` seconds before piece i."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    pieces: list[bytes] = field(default_factory=list)
    framing: str = "length"  # "length" (Content-Length), "chunked", or "close" (body ends at close)
    gap: float = 0.0
    stalls: dict[int, float] = field(default_factory=dict)
    cut: bool = False  # close the connection after the pieces, the body unfinished
    gzip: bool = False  # compress the whole body, then cut it into pieces of the same sizes
    echo: bool = False  # $TARGET becomes the request target (also in headers), $HEADERS its headers


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    connection: int


@dataclass
class HostileServer:
    acts: deque[Act] = field(default_factory=deque)
    requests: list[Seen] = field(default_factory=list)
    connections: int = 0
    server: socketserver.ThreadingTCPServer | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def expect(self, *acts: Act) -> None:
        self.acts.extend(acts)

    def reset(self) -> None:
        self.acts.clear()
        self.requests.clear()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---- answers --------------------------------------------------------------------------------


def json_act(payload: Any, status: int = 200, **options: Any) -> Act:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return Act(status=status, pieces=[body], **options)


def sse_act(events: list[bytes | str | dict], sep: bytes = b"\n", status: int = 200, **options: Any) -> Act:
    """Each event as `data: <json>` and a blank line (str and bytes events are written as they are)."""
    pieces = []
    for event in events:
        if isinstance(event, dict):
            event = b"data: " + json.dumps(event).encode() + sep + sep
        pieces.append(event.encode() if isinstance(event, str) else event)
    options.setdefault("framing", "chunked")
    return Act(status=status, headers={"Content-Type": "text/event-stream"}, pieces=pieces, **options)


def resplit(act: Act, sizes: tuple[int, ...]) -> Act:
    """The same body, written in pieces of `sizes` bytes, cycling."""
    body, pieces, start = b"".join(act.pieces), [], 0
    for size in itertools.cycle(sizes):
        if start >= len(body):
            break
        pieces.append(body[start : start + size])
        start += size
    act.pieces = pieces
    return act


# ---- the server -----------------------------------------------------------------------------


def start() -> HostileServer:
    hostile = HostileServer()

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            with hostile.lock:
                hostile.connections += 1
                number = hostile.connections
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            reader = self.request.makefile("rb")
            try:
                while self.answer(reader, number):
                    pass
            except (ConnectionError, OSError):
                pass

        def answer(self, reader: Any, number: int) -> bool:
            """Read one request and play one act; False when the connection is done."""
            line = reader.readline()
            if not line.strip():
                return False
            method, target, _ = line.decode("latin-1").split(" ", 2)
            headers = {}
            while (header := reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            raw = reader.read(int(headers.get("content-length") or 0))
            split = urlsplit(target)
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = None
            seen = Seen(method, split.path, dict(parse_qsl(split.query)), headers, body, number)
            hostile.requests.append(seen)
            act = hostile.acts.popleft() if hostile.acts else json_act({"error": {"message": "no act queued"}}, 500)
            return self.play(act, target, headers)

        def play(self, act: Act, target: str, headers: dict[str, str]) -> bool:
            pieces, answer_headers = act.pieces, act.headers
            if act.echo:  # what a careless server does: quote the request back
                shown = " ".join(f"{k}={v}" for k, v in headers.items()).encode()
                pieces = [p.replace(b"$TARGET", target.encode()).replace(b"$HEADERS", shown) for p in pieces]
                answer_headers = {k: v.replace("$TARGET", target) for k, v in act.headers.items()}
            if act.gzip:
                whole = gzip.compress(b"".join(pieces), mtime=0)
                pieces = resplit(Act(pieces=[whole]), tuple(len(p) or 1 for p in pieces) or (len(whole),)).pieces
            head = [f"HTTP/1.1 {act.status} {REASONS.get(act.status, 'Status')}"]
            head += [f"{k}: {v}" for k, v in answer_headers.items()]
            if act.gzip:
                head.append("Content-Encoding: gzip")
            if act.framing == "chunked":
                head.append("Transfer-Encoding: chunked")
            elif act.framing == "length":
                length = sum(map(len, pieces)) + (1000 if act.cut else 0)
                head.append(f"Content-Length: {length}")
            else:
                head.append("Connection: close")
            self.request.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
            for n, piece in enumerate(pieces):
                time.sleep(act.stalls.get(n, act.gap if n else 0))
                data = b"%x\r\n%s\r\n" % (len(piece), piece) if act.framing == "chunked" else piece
                self.request.sendall(data)
            if act.cut or act.framing == "close":
                self.request.shutdown(socket.SHUT_RDWR)
                return False
            if act.framing == "chunked":
                self.request.sendall(b"0\r\n\r\n")
            return True

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True

    hostile.server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=hostile.server.serve_forever, daemon=True).start()
    return hostile
