"""A scripted OpenAI-compatible server on 127.0.0.1 that records every request.

It runs in the pytest process (which never imports dify_plugin); plugins run in subprocesses.
Each test queues the responses it wants with `expect`, then reads `requests` afterwards."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    raw: bytes | None = None
    # Each item is written as one chunk, verbatim: text as server-sent events, bytes as AWS
    # event-stream frames (application/vnd.amazon.eventstream).
    sse: list[str] | list[bytes] | None = None
    audio: list[bytes] | None = None  # streamed like `sse`, as `content_type` (audio/mpeg by default)
    delay: float = 0.0
    cut: bool = False  # drop the connection after the SSE chunks, without ending the body
    gap: float = 0.0  # seconds between SSE chunks
    together: bool = False  # every chunk in one write: tokens a busy server had buffered arrive at once
    chunked: bool = True  # False: a Content-Length body, written chunk by chunk all the same
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)  # more response headers (x-amzn-ErrorType)


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any  # parsed JSON, or None when the body is empty or not JSON (see `raw`)
    client_port: int
    raw: bytes = b""
    source: str = ""  # the host that sent it, where the test says (the conformance suite's record)


@dataclass
class MockServer:
    replies: deque[Reply] = field(default_factory=deque)
    requests: list[Recorded] = field(default_factory=list)
    httpd: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def expect(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def reset(self) -> None:
        self.replies.clear()
        self.requests.clear()

    @property
    def last(self) -> Recorded:
        return self.requests[-1]


def form(recorded: Recorded) -> dict[str, tuple[str | None, str | None, bytes]]:
    """A multipart/form-data request's parts: name -> (file name, content type, bytes), parsed by
    the standard library's MIME parser, not by the code under test."""
    head = f"Content-Type: {recorded.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + recorded.raw)
    assert message.is_multipart(), recorded.headers["content-type"]
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content_type = part.get_content_type() if part.get("Content-Type") else None
        parts[name] = (part.get_filename(), content_type, part.get_payload(decode=True))
    return parts


def sse(*payloads: Any, done: bool = True) -> list[str]:
    """SSE chunks for the given payloads (dicts become `data: {json}`)."""
    chunks = [p if isinstance(p, str) else f"data: {json.dumps(p)}\n\n" for p in payloads]
    return chunks + (["data: [DONE]\n\n"] if done else [])


def parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


class QuietServer(ThreadingHTTPServer):
    """A client that hangs up mid-answer (an SDK that stops reading at an error event) is no
    failure of the server: socketserver would print its traceback to stderr, into whichever test
    is capturing then."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def start(host: str = "127.0.0.1") -> MockServer:
    mock = MockServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go in separate writes: with Nagle's algorithm the body waited for the
        # client's delayed ACK, 40 ms a call (as the hostile server, every write goes at once).
        disable_nagle_algorithm = True

        def log_message(self, *args: Any) -> None:
            pass

        def handle_any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            split = urlsplit(self.path)
            mock.requests.append(
                Recorded(
                    method=self.command,
                    path=split.path,
                    query={k: v[0] for k, v in parse_qs(split.query).items()},
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=parse_json(raw),
                    client_port=self.client_address[1],
                    raw=raw,
                )
            )
            reply = mock.replies.popleft() if mock.replies else Reply(500, {"error": {"message": "no reply queued"}})
            time.sleep(reply.delay)
            if reply.sse is not None or reply.audio is not None:
                self.send_stream(reply)
            else:
                body = reply.raw if reply.raw is not None else json.dumps(reply.json).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def send_stream(self, reply: Reply) -> None:
            if reply.audio is not None:
                chunks = reply.audio
                media = reply.content_type if reply.content_type != "application/json" else "audio/mpeg"
            else:
                binary = any(isinstance(chunk, bytes) for chunk in reply.sse)
                chunks = [chunk if isinstance(chunk, bytes) else chunk.encode() for chunk in reply.sse]
                media = "application/vnd.amazon.eventstream" if binary else "text/event-stream"
            self.send_response(reply.status)
            self.send_header("Content-Type", media)
            if reply.chunked:
                self.send_header("Transfer-Encoding", "chunked")
            else:
                self.send_header("Content-Length", str(sum(map(len, chunks))))
            self.end_headers()
            framed = [b"%x\r\n%s\r\n" % (len(data), data) if reply.chunked else data for data in chunks]
            for n, data in enumerate([b"".join(framed)] if reply.together else framed):
                if n and reply.gap:
                    time.sleep(reply.gap)
                self.wfile.write(data)
                self.wfile.flush()
            if reply.cut:
                self.close_connection = True
                return
            if reply.chunked:
                self.wfile.write(b"0\r\n\r\n")

        do_GET = do_POST = do_PUT = handle_any

    mock.httpd = QuietServer((host, 0), Handler)
    mock.httpd.daemon_threads = True
    threading.Thread(target=mock.httpd.serve_forever, daemon=True).start()
    return mock
