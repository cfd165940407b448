"""`debug`: the spec's Dify plugin, built into a temporary folder, connects to a debugging Dify (here a
loopback TCP server standing in for the daemon's debugging port) with the key from the repository
root's .env, and announces itself; the key is never printed. Every way it can fail (nothing listening,
a bad address, a key the daemon refuses, a connection closed at once or later) is one line naming the
cause, exit 2, in bounded time, never a traceback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEY = "0b6a1c9e-debug-key-never-printed"
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("REMOTE_INSTALL", "INSTALL_METHOD"))}


class Daemon:
    """A loopback stand-in for the daemon's debugging port (hooks.go onMessage). Modes: `accept` keeps
    every connection and records its lines; `refuse` answers the handshake as the daemon answers a bad
    key, then closes; `close` closes every connection at once, saying nothing; `later` takes the key,
    then closes the plugin's connection once the plugin has announced itself."""

    def __init__(self, mode: str) -> None:
        self.mode, self.connections = mode, []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self.handle, args=(connection,), daemon=True).start()

    def handle(self, connection: socket.socket) -> None:
        lines: list[bytes] = []
        self.connections.append(lines)
        with connection, connection.makefile("rb") as stream:
            if self.mode == "close":
                return
            lines.append(stream.readline())
            if self.mode == "refuse":
                connection.sendall(b"handshake failed, invalid key\n")
                return
            while line := stream.readline():
                lines.append(line)
                if self.mode == "later" and len(lines) >= 4:
                    return

    def close(self) -> None:
        self.server.close()


def debug(cwd: Path, env: dict[str, str], **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "compiler", "debug", str(ROOT / "specs" / "acme.yaml"), "--python", sys.executable],
        cwd=cwd,
        env=CLEAN_ENV | env | {"PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # the plugin runs as its child: both are stopped together
        **kwargs,
    )


def handshake(line: bytes) -> dict:
    return json.loads(line)


def test_debug_connects_with_the_root_env_key_and_leaves_the_tree_alone(tmp_path: Path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    daemon = Daemon("accept")
    (repo / ".env").write_text(f"REMOTE_INSTALL_URL=127.0.0.1:{daemon.port}\nREMOTE_INSTALL_KEY='{KEY}'\n")
    generated_before = sorted((ROOT / "generated" / "acme").rglob("*"))
    process = debug(repo / "docs", {})  # from a subfolder: the .env at the git root is found
    try:
        deadline = time.monotonic() + 60
        while not (len(daemon.connections) == 2 and len(daemon.connections[1]) >= 4) and time.monotonic() < deadline:
            time.sleep(0.1)
        process.terminate()  # the compiler only: it stops the plugin, which closes the connection
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate(timeout=30)
        daemon.close()
    tried, plugin = daemon.connections  # the key tried before the plugin starts, then the plugin
    assert handshake(tried[0]) == handshake(plugin[0]) == {"type": "handshake", "data": {"key": KEY}}
    assert b'"acme"' in b"".join(plugin[1:])  # the plugin's declaration, as the daemon's debugging port receives it
    assert "debugging acme from " in out and f"against 127.0.0.1:{daemon.port}" in out, out + err
    assert str(repo / ".env") in out and KEY not in out + err and "Traceback" not in out + err
    assert process.returncode == 143
    assert sorted((ROOT / "generated" / "acme").rglob("*")) == generated_before


def test_debug_without_a_key_says_where_it_looked(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "compiler", "debug", str(ROOT / "specs" / "acme.yaml")],
        cwd=tmp_path,
        env=CLEAN_ENV | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert f"REMOTE_INSTALL_KEY is not set (looked in the environment and {tmp_path / '.env'})" in result.stderr


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


FAILURES = {
    "nothing listening": (lambda: f"127.0.0.1:{closed_port()}", "nothing is listening at 127.0.0.1:"),
    "no port": (lambda: "localhost", "the debugging address 'localhost' has no port: write host:port"),
    "bad port": (lambda: "host:notaport", "the debugging address 'host:notaport' has a bad port 'notaport'"),
    "key refused": ("refuse", "Dify refused the key (it said: handshake failed, invalid key)"),
    "closed at once": ("close", "closed the connection at once, saying nothing: not a Dify debugging port"),
    "closed later": ("later", "Dify closed the connection (the daemon restarted, or the key changed); run debug again"),
}


@pytest.mark.parametrize("case", FAILURES, ids=list(FAILURES))
def test_a_debug_failure_is_one_line_naming_its_cause(case: str, tmp_path: Path):
    where, cause = FAILURES[case]
    daemon = Daemon(where) if isinstance(where, str) else None
    address = f"127.0.0.1:{daemon.port}" if daemon else where()
    (tmp_path / ".git").mkdir()
    started = time.monotonic()
    process = debug(tmp_path, {"REMOTE_INSTALL_URL": address, "REMOTE_INSTALL_KEY": KEY})
    try:
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        if daemon:
            daemon.close()
    assert process.returncode == 2, out + err
    assert err.count("\n") == 1 and err.startswith("error: ") and cause in err, err
    assert "Traceback" not in out + err and KEY not in out + err
    assert time.monotonic() - started < 30  # no retries against a daemon that is not there
    if case != "closed later":
        assert out == ""  # refused before the plugin starts
