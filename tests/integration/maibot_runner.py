"""Drive `maibot_host.py` (MaiBot's real host and runner with one generated plugin) from pytest."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

HOST_SCRIPT = Path(__file__).with_name("maibot_host.py")


class MaiBotHost:
    def __init__(self, plugin_dir: Path, startup_timeout: float = 120) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAIBOT")}
        env |= {"PYTHONDONTWRITEBYTECODE": "1", "NO_PROXY": "*", "no_proxy": "*"}
        self.process = subprocess.Popen(
            [sys.executable, str(HOST_SCRIPT), str(plugin_dir)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.lines: queue.Queue[bytes] = queue.Queue()
        self.stderr: list[bytes] = []
        threading.Thread(target=self._pump, args=(self.process.stdout, self.lines.put), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.process.stderr, self.stderr.append), daemon=True).start()
        self.report = self._next(startup_timeout, "startup")

    @staticmethod
    def _pump(stream: Any, sink: Any) -> None:
        for line in iter(stream.readline, b""):
            sink(line)

    def _next(self, timeout: float, what: str) -> dict[str, Any]:
        try:
            return json.loads(self.lines.get(timeout=timeout))
        except queue.Empty:
            tail = b"".join(self.stderr)[-4000:].decode("utf-8", "replace")
            raise AssertionError(f"MaiBot host gave no answer to {what}; stderr tail:\n{tail}") from None

    def call(self, timeout: float = 60, **command: Any) -> dict[str, Any]:
        self.process.stdin.write(json.dumps(command).encode() + b"\n")
        self.process.stdin.flush()
        return self._next(timeout, command.get("op", "response"))

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
