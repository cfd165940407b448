"""Drive `maibot_host.py` (MaiBot's real host and runner with one generated plugin) from pytest."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.integration.process import LineProcess

HOST_SCRIPT = Path(__file__).with_name("maibot_host.py")


class MaiBotHost:
    def __init__(self, plugin_dir: Path, startup_timeout: float = 120) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAIBOT")}
        self.child = LineProcess([sys.executable, str(HOST_SCRIPT), str(plugin_dir)], env)
        self.process, self.lines = self.child.process, self.child.lines
        self.report = self._next(startup_timeout, "startup")

    def _next(self, timeout: float, what: str) -> dict[str, Any]:
        try:
            return json.loads(self.lines.get(timeout=timeout))
        except queue.Empty:
            tail = self.child.stderr_tail()
            raise AssertionError(f"MaiBot host gave no answer to {what}; stderr tail:\n{tail}") from None

    def call(self, timeout: float = 60, **command: Any) -> dict[str, Any]:
        self.child.send(json.dumps(command).encode())
        return self._next(timeout, command.get("op", "response"))

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
