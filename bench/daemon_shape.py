"""The daemon's benchmark shape (BenchmarkLocalOpenAILLMInvocation): one plugin process started as
the daemon starts it (`python -m main`, INSTALL_METHOD=local, one JSON line per request on stdin,
every chunk back as a JSON line on stdout), N streaming invocations sent at once, each answered by
the stream server with `chunks` deltas `pacing_ms` apart. Figures per run:
- ms/op: wall time from the first request sent to the last session's end, divided by N (Go's
  RunParallel convention). Its floor is chunks × pacing / N: the server's pacing alone;
- plugin CPU per chunk: the plugin process's own user + system time (/proc/<pid>/stat) over the
  run, divided by N × chunks;
- first-token latency: from a request sent to its first non-empty text chunk read, median.
Every answer is checked whole (text and usage), so a plugin that drops or crosses chunks fails.
The shape is a parameter (concurrency, chunks, pacing), so other rows and curves reuse it."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from stream_server import expected_text, responses_text

TICK = os.sysconf("SC_CLK_TCK")


# The stream server's paced routes: first path letter → the answer a client assembles from it.
ANSWERS = {"p": responses_text, "c": expected_text}


@dataclass(frozen=True)
class Shape:
    concurrency: int
    chunks: int
    pacing_ms: int
    route: str = "p"  # p: OpenAI Responses events, c: chat completions (stream_server.py)

    @property
    def floor_ms(self) -> float:
        """ms/op if the plugin cost nothing: every stream lasts chunks × pacing, all at once."""
        return self.chunks * self.pacing_ms / self.concurrency

    @property
    def path(self) -> str:
        return f"/{self.route}{self.chunks}x{self.pacing_ms}"


@dataclass(frozen=True)
class Run:
    ms_per_op: float
    cpu_us_per_chunk: float
    first_token_ms: float
    chunks_per_stream: float  # text chunks the host got per answer, median (fewer than events: merged)


class StdioPlugin:
    """A plugin folder run as `python -m main` under a given interpreter (the official plugin's own
    venv, or ours); stdout read in this thread, stderr kept in a file for failure messages."""

    def __init__(self, python: Path, folder: Path, provider: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DIFY", "REMOTE_INSTALL", "MAX_REQUEST"))}
        env |= {"INSTALL_METHOD": "local", "MAX_REQUEST_TIMEOUT": "600", "PYTHONDONTWRITEBYTECODE": "1"}
        env |= {"NO_PROXY": "*", "no_proxy": "*"}
        self.provider, self.errors = provider, tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(python), "-m", "main"],
            cwd=folder,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
        )

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime: fields 14 and 15 of stat(5)

    def failure(self, why: str) -> SystemExit:
        self.errors.seek(0)
        return SystemExit(
            f"{self.provider} plugin: {why}; stderr:\n{self.errors.read()[-3000:].decode('utf-8', 'replace')}"
        )

    def request(self, model: str, credentials: dict, session: str) -> bytes:
        data = {"type": "model", "action": "invoke_llm", "user_id": "u1", "provider": self.provider}
        data |= {"model_type": "llm", "model": model, "credentials": credentials, "model_parameters": {}}
        data |= {"prompt_messages": [{"role": "user", "content": "Say something long."}], "stream": True}
        data |= {"stop": None, "tools": None}
        return json.dumps({"session_id": session, "event": "request", "data": data}).encode() + b"\n"

    def run(self, model: str, credentials: dict, shape: Shape) -> Run:
        """One run of the shape: every request written at once, then every session read to its end."""
        sessions = [uuid.uuid4().hex for _ in range(shape.concurrency)]
        lines = b"".join(self.request(model, credentials, s) for s in sessions)
        texts: dict[str, list[str]] = {s: [] for s in sessions}
        tokens: dict[str, int] = {}
        first: dict[str, float] = {}
        cpu = self.cpu_seconds()
        started = time.perf_counter()
        self.process.stdin.write(lines)
        self.process.stdin.flush()
        open_sessions = set(sessions)
        while open_sessions:
            self.read_one(open_sessions, texts, tokens, first)
        wall = time.perf_counter() - started
        cpu = self.cpu_seconds() - cpu
        want = ANSWERS[shape.route](shape.chunks)
        wrong = [s for s in sessions if "".join(texts[s]) != want or tokens.get(s) != shape.chunks]
        if wrong:
            text = "".join(texts[wrong[0]])
            raise self.failure(f"{len(wrong)} wrong answers, e.g. {len(text)} of {len(want)} chars")
        return Run(
            wall * 1000 / shape.concurrency,
            cpu * 1e6 / (shape.concurrency * shape.chunks),
            statistics.median(first[s] - started for s in sessions) * 1000,
            statistics.median(sum(1 for text in texts[s] if text) for s in sessions),
        )

    def read_one(self, open_sessions: set, texts: dict, tokens: dict, first: dict) -> None:
        line = self.process.stdout.readline()
        if not line:
            raise self.failure("exited")
        if not line.strip():
            return
        event = json.loads(line)
        session = event.get("session_id")
        if event.get("event") != "session" or session not in open_sessions:
            return
        kind, data = event["data"]["type"], event["data"]["data"]
        if kind == "stream":
            content = data["delta"]["message"]["content"] or ""
            if content and session not in first:
                first[session] = time.perf_counter()
            texts[session].append(content)
            if data["delta"].get("usage"):
                tokens[session] = data["delta"]["usage"]["completion_tokens"]
        elif kind == "error":
            raise self.failure(f"error {data}")
        elif kind == "end":
            open_sessions.discard(session)

    def close(self) -> None:
        # The SDK's stdin reader spins on EOF, so stop the process instead of closing stdin.
        self.process.kill()
        self.process.wait(timeout=10)
        self.errors.close()
