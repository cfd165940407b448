"""The benchmarks' provider: an OpenAI-compatible chat endpoint on 127.0.0.1, in its own process.

Every answer is built once and then sent with one `sendall`, so the server's own cost stays out
of the clients' figures. The first path segment says what to answer: `/s20000/v1/chat/completions`
streams 20,000 content chunks (one HTTP chunk per SSE event, then a finish chunk, a usage chunk
and `[DONE]`); `/echo200/v1/chat/completions` waits 200 ms, then answers (streamed or not)
"echo:" and the last message's text, so concurrent answers can be told apart; any other request
gets a small blocking completion. `/a20000/v1/messages` streams 20,000 text deltas in Anthropic
Messages events (message_start … message_stop). `/r20000/v1/responses` streams 20,000 text deltas
in OpenAI Responses events (response.created … response.completed with usage, in the format the
conformance suite's mock speaks and the `openai` SDK reads: tests/conformance/protocols/
openai_responses.py), or answers "pong" blocking; `/p400x10/v1/responses` streams 400 deltas 10 ms
apart (the daemon-shape benchmark's pacing), each delta written as it is due;
`/c400x10/v1/chat/completions` does the same with the chat-completions events of `/s400`.
`/b20000/model/<id>/converse-stream` streams the same 20,000 text deltas as Amazon Bedrock's Converse
API does, in AWS event-stream frames (messageStart … metadata with usage, one HTTP chunk per frame,
in the format the conformance suite's mock speaks and botocore reads: tests/conformance/protocols/
bedrock_converse.py), and `/b…/model/<id>/converse` answers "pong" blocking. `…/rerank` and `…/embeddings` answer in the Jina/Cohere and
OpenAI shapes, sized to the request (one result per document, one 1,024-float vector per text). `GET /connections` says how many connections carried requests
for the first time since it was last asked (the burst benchmark's count of connections opened).
Run as a script, it prints its base URL on stdout and serves until stdin closes."""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MODEL = "acme-chat"
USAGE = {"prompt_tokens": 12, "completion_tokens": 0, "total_tokens": 12}
DIMENSIONS = 1024


def events(chunks: int) -> list[bytes]:
    """The SSE events of a stream of `chunks` content deltas, as a provider sends them."""
    head = {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1700000000, "model": MODEL}
    out = []
    for i in range(chunks):
        delta = {"role": "assistant", "content": ""} if i == 0 else {"content": f"w{i}."}
        out.append({**head, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]})
    out.append({**head, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    out.append({**head, "choices": [], "usage": {**USAGE, "completion_tokens": chunks, "total_tokens": 12 + chunks}})
    encoded = [b"data: " + json.dumps(e, separators=(",", ":")).encode() + b"\n\n" for e in out]
    return encoded + [b"data: [DONE]\n\n"]


def expected_text(chunks: int) -> str:
    """The answer a client should assemble from `events(chunks)`."""
    return "".join(f"w{i}." for i in range(1, chunks))


def anthropic_events(chunks: int) -> list[bytes]:
    """The SSE events of an Anthropic Messages stream of `chunks` text deltas."""
    usage = {"input_tokens": 12, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 1}
    start = {"id": "msg_bench", "type": "message", "role": "assistant", "model": MODEL, "content": []}
    start |= {"stop_reason": None, "stop_sequence": None, "usage": usage}
    out = [("message_start", {"type": "message_start", "message": start})]
    out.append(
        (
            "content_block_start",
            {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        )
    )
    for i in range(1, chunks):
        delta = {"type": "text_delta", "text": f"w{i}."}
        out.append(("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta}))
    out.append(("content_block_stop", {"type": "content_block_stop", "index": 0}))
    final = {"stop_reason": "end_turn", "stop_sequence": None}
    out.append(("message_delta", {"type": "message_delta", "delta": final, "usage": {"output_tokens": chunks}}))
    out.append(("message_stop", {"type": "message_stop"}))
    return [b"event: %s\ndata: %s\n\n" % (n.encode(), json.dumps(e, separators=(",", ":")).encode()) for n, e in out]


def responses_deltas(chunks: int) -> list[str]:
    """The text deltas of a Responses stream of `chunks` deltas; joined, the answer a client assembles."""
    return [f"w{i}." for i in range(chunks)]


def responses_text(chunks: int) -> str:
    return "".join(responses_deltas(chunks))


@lru_cache(maxsize=8)
def responses_parts(chunks: int) -> tuple[bytes, list[bytes], bytes]:
    """A Responses stream of `chunks` text deltas as HTTP chunks: (head and the events before the first
    delta, one chunk per delta event, the events after the last delta and the end of the body). The
    events are the conformance mock's (imported here only, so the sides can import this module
    without the project's test dependencies)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.conformance.protocols import openai_responses as api

    deltas = responses_deltas(chunks)
    item = api.message("".join(deltas), "msg_bench")
    final = api.response(item, usage=api.usage_body(12, chunks))
    events = [e.encode() for e in api.events_from(final, [(item, deltas)], end=True)]
    first = next(n for n, e in enumerate(events) if b"response.output_text.delta" in e)
    framed = [b"%x\r\n%s\r\n" % (len(e), e) for e in events]
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
    middle = framed[first : first + chunks]
    return head + b"".join(framed[:first]), middle, b"".join(framed[first + chunks :]) + b"0\r\n\r\n"


@lru_cache(maxsize=1)
def responses_blocking() -> bytes:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.conformance.protocols import openai_responses as api

    return json_reply(api.response(api.message("pong", "msg_bench"), usage=api.usage_body(12, 1)))


@lru_cache(maxsize=8)
def converse_reply(chunks: int, stream: bool) -> bytes:
    """A Converse answer: `chunks` text deltas (the Responses stream's text) in event-stream frames,
    one HTTP chunk each, or the blocking "pong"."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.conformance.protocols import Text
    from tests.conformance.protocols import bedrock_converse as api

    if not stream:
        return json_reply(api.answer(Text("pong"), usage=(12, 1)))
    frames = api.stream(*(Text(delta) for delta in responses_deltas(chunks)), usage=(12, chunks))
    body = b"".join(b"%x\r\n%s\r\n" % (len(f), f) for f in frames) + b"0\r\n\r\n"
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.amazon.eventstream\r\nTransfer-Encoding: chunked\r\n\r\n"
    return head + body


@lru_cache(maxsize=8)
def anthropic_reply(chunks: int) -> bytes:
    body = b"".join(b"%x\r\n%s\r\n" % (len(e), e) for e in anthropic_events(chunks)) + b"0\r\n\r\n"
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n" + body


@lru_cache(maxsize=8)
def chat_parts(chunks: int) -> tuple[bytes, list[bytes], bytes]:
    """The chat-completions stream of `chunks` deltas as HTTP chunks, for pacing: (head and the role
    delta, one chunk per text delta, the finish, usage and [DONE] events and the end of the body).
    Built once: a hundred requests arriving together must not wait on the server's JSON."""
    framed = [b"%x\r\n%s\r\n" % (len(e), e) for e in events(chunks)]
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
    return head + framed[0], framed[1:chunks], b"".join(framed[chunks:]) + b"0\r\n\r\n"


@lru_cache(maxsize=8)
def stream_reply(chunks: int) -> bytes:
    body = b"".join(b"%x\r\n%s\r\n" % (len(e), e) for e in events(chunks)) + b"0\r\n\r\n"
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
    return head + body


@lru_cache(maxsize=1)
def blocking_reply() -> bytes:
    body = json.dumps(
        {
            "id": "chatcmpl-bench",
            "object": "chat.completion",
            "created": 1700000000,
            "model": MODEL,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "pong"}, "finish_reason": "stop"}],
            "usage": {**USAGE, "completion_tokens": 1, "total_tokens": 13},
        }
    ).encode()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
    return head + body


def json_reply(answer: dict) -> bytes:
    data = json.dumps(answer, separators=(",", ":")).encode()
    return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(data), data)


@lru_cache(maxsize=8)
def rerank_reply(documents: int) -> bytes:
    """Jina/Cohere rerank results for `documents` documents, best first, with their texts."""
    results = [
        {"index": i, "relevance_score": round(1 - i / documents, 6), "document": {"text": f"document {i}"}}
        for i in range(documents)
    ]
    return json_reply({"id": "rerank-bench", "results": results, "usage": {"total_tokens": 10 * documents}})


@lru_cache(maxsize=8)
def embeddings_reply(texts: int) -> bytes:
    """One 1,024-dimension vector per text (the size of common embedding models)."""
    vector = [round((i % 97) / 97 - 0.5, 6) for i in range(DIMENSIONS)]
    data = [{"object": "embedding", "index": i, "embedding": vector} for i in range(texts)]
    usage = {"prompt_tokens": 8 * texts, "total_tokens": 8 * texts}
    return json_reply({"object": "list", "data": data, "model": "acme-embed", "usage": usage})


def echo_reply(body: dict) -> bytes:
    """An answer naming the request: "echo:" and its last message's text, streamed or not."""
    text = "echo:" + str(body["messages"][-1]["content"])
    if not body.get("stream"):
        answer = {"id": "chatcmpl-echo", "object": "chat.completion", "model": MODEL, "usage": USAGE}
        answer["choices"] = [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}]
        data = json.dumps(answer).encode()
        return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(data), data)
    head = {"id": "chatcmpl-echo", "object": "chat.completion.chunk", "model": MODEL}
    deltas = [{"content": text[:5]}, {"content": text[5:]}]
    out = [{**head, "choices": [{"index": 0, "delta": d, "finish_reason": None}]} for d in deltas]
    out.append({**head, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": USAGE})
    events = [b"data: " + json.dumps(e).encode() + b"\n\n" for e in out] + [b"data: [DONE]\n\n"]
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(e), e) for e in events) + b"0\r\n\r\n"
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks


class Connections:
    """Client addresses that have carried a request, and how many were new since last asked."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: set[tuple[str, int]] = set()
        self.new = 0

    def note(self, address: tuple[str, int]) -> None:
        with self.lock:
            if address not in self.seen:
                self.seen.add(address)
                self.new += 1

    def take(self) -> int:
        with self.lock:
            new, self.new = self.new, 0
            return new


CONNECTIONS = Connections()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        # Each write leaves at once, as from a provider's server (Go's, the daemon benchmark's, sets
        # this on every connection): without it Nagle holds a paced delta until the last is
        # acknowledged, and the client's delayed ACK turns 10 ms pacing into bursts 40 ms apart.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().setup()

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        first = self.path.split("/")[1]
        if self.path == "/connections":
            data = json.dumps({"opened": CONNECTIONS.take()}).encode()
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(data), data))
            return
        CONNECTIONS.note(self.client_address)
        if first.startswith("echo") and first[4:].isdigit():
            time.sleep(int(first[4:]) / 1000)
            self.wfile.write(echo_reply(body))
        elif self.path.endswith("/rerank"):
            self.wfile.write(rerank_reply(len(body["documents"])))
        elif self.path.endswith("/embeddings"):
            self.wfile.write(embeddings_reply(len(body["input"])))
        elif self.path.endswith("/responses") and first[:1] in ("r", "p"):
            self.responses(first, bool(body.get("stream")))
        elif "/converse" in self.path and first.startswith("b") and first[1:].isdigit():
            self.wfile.write(converse_reply(int(first[1:]), self.path.endswith("/converse-stream")))
        elif self.path.endswith("/messages") and first.startswith("a") and first[1:].isdigit():
            self.wfile.write(anthropic_reply(int(first[1:])))
        elif body.get("stream") and first.startswith("s") and first[1:].isdigit():
            self.wfile.write(stream_reply(int(first[1:])))
        elif body.get("stream") and first.startswith("c") and "x" in first:
            chunks, _, ms = first[1:].partition("x")
            self.paced(*chat_parts(int(chunks)), ms)
        else:
            self.wfile.write(blocking_reply())
        self.wfile.flush()

    def responses(self, first: str, stream: bool) -> None:
        """/r<chunks>/…: the whole stream at once; /p<chunks>x<ms>/…: each delta written when due."""
        if not stream:
            self.wfile.write(responses_blocking())
            return
        chunks, _, ms = first[1:].partition("x")
        head, deltas, tail = responses_parts(int(chunks))
        if first[0] == "r":
            self.wfile.write(head + b"".join(deltas) + tail)
            return
        self.paced(head, deltas, tail, ms)

    def paced(self, head: bytes, deltas: list[bytes], tail: bytes, ms: str) -> None:
        """The head at once, then each delta `ms` after the one before, then the tail `ms` after the
        last: a chat stream of N events lasts N × ms, the floor the daemon shape divides by."""
        self.wfile.write(head)
        interval, started = int(ms) / 1000, time.monotonic()
        for n, part in enumerate([*deltas, tail], 1):
            wait = started + n * interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.wfile.write(part)

    do_GET = do_POST


class Server(ThreadingHTTPServer):
    request_queue_size = 256  # a burst of connections is accepted, not dropped by a short backlog

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client that hung up is no error of ours
            super().handle_error(request, client_address)


def serve() -> ThreadingHTTPServer:
    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    httpd = serve()
    host, port = httpd.server_address[:2]
    print(f"http://{host}:{port}", flush=True)
    sys.stdin.read()
