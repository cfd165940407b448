"""Run a generated Dify plugin the way the daemon does: `python -m main`, INSTALL_METHOD=local,
one JSON line per request on stdin, session messages back on stdout."""

from __future__ import annotations

import json
import os
import queue
import shutil
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.integration.process import LineProcess


@dataclass
class Outcome:
    """What one request produced: the streamed data items, or the error the SDK sent."""

    items: list[Any]
    error: dict[str, Any] | None
    arrivals: list[float]  # time.monotonic() when each item reached the test

    @property
    def error_type(self) -> str | None:
        return self.error["error_type"] if self.error else None

    @property
    def message(self) -> str:
        return self.error["message"] if self.error else ""


class DifyPlugin:
    def __init__(self, source: Path, workdir: Path, read_timeout: int = 3) -> None:
        self.dir = workdir / source.name
        shutil.copytree(source, self.dir)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DIFY", "REMOTE_INSTALL", "MAX_REQUEST"))}
        env |= {"INSTALL_METHOD": "local", "MAX_REQUEST_TIMEOUT": str(read_timeout)}
        self.child = LineProcess([sys.executable, "-m", "main"], env, cwd=self.dir)
        self.process, self.lines, self.stderr = self.child.process, self.child.lines, self.child.stderr

    def request(self, action: str, timeout: float = 60, **data: Any) -> Outcome:
        return self.burst([(action, data)], timeout)[0]

    def burst(self, requests: list[tuple[str, dict[str, Any]]], timeout: float = 60) -> list[Outcome]:
        """Send every (action, data) request at once, as the daemon does under load; then collect
        each session's outcome, in request order."""
        sessions = [uuid.uuid4().hex for _ in requests]
        for session, (action, data) in zip(sessions, requests):
            message = {"session_id": session, "event": "request", "data": {"type": "model", "action": action, **data}}
            self.child.send(json.dumps(message).encode())
        outcomes = {session: Outcome([], None, []) for session in sessions}
        open_sessions = set(sessions)
        while open_sessions:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                actions = sorted({action for action, _ in requests})
                raise AssertionError(f"no answer to {actions}; stderr:\n{self.child.stderr_tail()}") from None
            if not line.strip():
                continue
            event = json.loads(line)
            session = event.get("session_id")
            if event.get("event") != "session" or session not in open_sessions:
                continue
            kind, outcome = event["data"]["type"], outcomes[session]
            if kind == "stream":
                outcome.items.append(event["data"]["data"])
                outcome.arrivals.append(time.monotonic())
            elif kind == "error":
                outcome.error = event["data"]["data"]
            elif kind == "end":
                open_sessions.discard(session)
        return [outcomes[session] for session in sessions]

    def llm_request(self, model: str, credentials: dict, messages: list, stream: bool, **extra: Any) -> dict[str, Any]:
        """The data of one invoke_llm request."""
        return {
            "user_id": "u1",
            "provider": extra.pop("provider"),
            "model_type": "llm",
            "model": model,
            "credentials": credentials,
            "prompt_messages": messages,
            "model_parameters": extra.pop("parameters", {}),
            "stop": extra.pop("stop", None),
            "tools": extra.pop("tools", None),
            "stream": stream,
            **extra,
        }

    def invoke_llm(self, model: str, credentials: dict, messages: list, stream: bool, **extra: Any) -> Outcome:
        timeout = extra.pop("timeout", 60)
        return self.request("invoke_llm", timeout, **self.llm_request(model, credentials, messages, stream, **extra))

    def close(self) -> None:
        # The SDK's stdin reader spins on EOF, so stop the process instead of closing stdin.
        self.process.kill()
        self.process.wait(timeout=10)
