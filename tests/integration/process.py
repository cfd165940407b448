"""A child process spoken to in lines: stdin written by the test, stdout lines queued, stderr kept
for failure messages. Both plugin runners (Dify SDK, MaiBot host) use it."""

from __future__ import annotations

import queue
import subprocess
import threading
from pathlib import Path
from typing import Any


class LineProcess:
    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
        env = env | {"PYTHONDONTWRITEBYTECODE": "1", "NO_PROXY": "*", "no_proxy": "*"}
        self.process = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.lines: queue.Queue[bytes] = queue.Queue()
        self.stdout: list[bytes] = []  # every line, also those no request waited for (logs)
        self.stderr: list[bytes] = []
        threading.Thread(target=self._pump, args=(self.process.stdout, self._line), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.process.stderr, self.stderr.append), daemon=True).start()

    @staticmethod
    def _pump(stream: Any, sink: Any) -> None:
        for line in iter(stream.readline, b""):
            sink(line)

    def _line(self, line: bytes) -> None:
        self.stdout.append(line)
        self.lines.put(line)

    def send(self, data: bytes) -> None:
        self.process.stdin.write(data + b"\n")
        self.process.stdin.flush()

    def stderr_tail(self, size: int = 4000) -> str:
        return b"".join(self.stderr)[-size:].decode("utf-8", "replace")
