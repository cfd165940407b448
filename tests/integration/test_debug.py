"""`debug`: the spec's Dify plugin, built into a temporary folder, connects to a debugging Dify (here a
loopback TCP server standing in for the daemon's debugging port) with the key from the repository
root's .env, and announces itself; the key is never printed."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEY = "0b6a1c9e-debug-key-never-printed"


def test_debug_connects_with_the_root_env_key_and_leaves_the_tree_alone(tmp_path: Path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        (repo / ".env").write_text(f"REMOTE_INSTALL_URL=127.0.0.1:{port}\nREMOTE_INSTALL_KEY='{KEY}'\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("REMOTE_INSTALL", "INSTALL_METHOD"))}
        generated_before = sorted((ROOT / "generated" / "acme").rglob("*"))
        process = subprocess.Popen(
            [sys.executable, "-m", "compiler", "debug", str(ROOT / "specs" / "acme.yaml"), "--python", sys.executable],
            cwd=repo / "docs",  # from a subfolder: the .env at the git root is found
            env=env | {"PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # the plugin runs as its child: both are stopped together
        )
        try:
            server.settimeout(60)
            connection, _ = server.accept()
            with connection, connection.makefile("rb") as stream:
                handshake = json.loads(stream.readline())
                announced = b"".join(stream.readline() for _ in range(3))
                process.terminate()  # the compiler only: it stops the plugin, which closes the connection
                output = process.communicate(timeout=30)[0].decode()
                while stream.readline():  # anything in flight, then end of stream
                    pass
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                output = process.communicate(timeout=30)[0].decode()
    assert handshake == {"type": "handshake", "data": {"key": KEY}}
    assert b'"acme"' in announced  # the plugin's declaration, as the daemon's debugging port receives it
    assert "debugging acme from " in output and f"against 127.0.0.1:{port}" in output, output
    assert str(repo / ".env") in output and KEY not in output
    assert process.returncode == 143
    assert sorted((ROOT / "generated" / "acme").rglob("*")) == generated_before


def test_debug_without_a_key_says_where_it_looked(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REMOTE_INSTALL", "INSTALL_METHOD"))}
    result = subprocess.run(
        [sys.executable, "-m", "compiler", "debug", str(ROOT / "specs" / "acme.yaml")],
        cwd=tmp_path,
        env=env | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert f"REMOTE_INSTALL_KEY is not set (looked in the environment and {tmp_path / '.env'})" in result.stderr
