"""The pull-request repository's install check, run before anyone opens a pull request:
`INSTALL_METHOD=serverless python -m main` must serve within 20 s (dify-plugins' pre-check-plugin.yaml,
"Check Plugin Install"), run with the plugin's own requirements installed, as that check installs them.

Sources and line numbers: ../shared/reference/packaging.md §2."""

from __future__ import annotations

import functools
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from compiler.ship.preflight import requirement_lines

SERVE_SECONDS = 20  # the PR check's limit
SERVING = b"Serving Flask app"


def cache_home() -> Path:
    """Where the runner venvs are kept: $XDG_CACHE_HOME (else ~/.cache)/provider-compiler."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "provider-compiler"


def silent(_: str) -> None:
    """The progress callback of callers that show none."""


def runner_python(files: dict[str, bytes], cache: Path, progress: Callable[[str], None] = silent) -> Path:
    """An interpreter with the plugin's requirements.txt installed, as the PR check installs it: a venv
    kept under `cache` per distinct requirements, made once (`progress` hears about it first: it takes a
    while). RuntimeError says why it could not be made."""
    requirements = files.get("requirements.txt", b"")
    lines = sorted(set(requirement_lines(requirements.decode("utf-8"))))
    home = cache / hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]  # comments aside
    python = home / "bin" / "python"
    if (home / ".complete").is_file():
        return python
    progress(f"creating the runner environment from requirements.txt, once, ~15 s… (kept in {cache})")
    try:
        home.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=home.parent) as scratch:
            listing = Path(scratch) / "requirements.txt"
            listing.write_bytes(requirements)
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(home)], check=True, capture_output=True)
            install = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", str(listing)]
            result = subprocess.run(install, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RuntimeError(f"making a venv for the plugin's requirements failed: {exc}") from None
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["pip failed"])[-1]
        raise RuntimeError(f"installing the plugin's requirements failed: {last}")
    (home / ".complete").write_text("")
    return python


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(files: dict[str, bytes], python: Path, seconds: float = SERVE_SECONDS) -> str:
    """Start the unpacked plugin as the serverless runtime on 127.0.0.1 and ask its /health; the
    answer, or RuntimeError saying what happened instead. Only loopback is ever used."""
    port = free_port()
    keep = {key: value for key, value in os.environ.items() if not key.startswith(("REMOTE_INSTALL", "INSTALL_"))}
    env = keep | {"INSTALL_METHOD": "serverless", "SERVERLESS_HOST": "127.0.0.1", "SERVERLESS_PORT": str(port)}
    with tempfile.TemporaryDirectory() as folder:
        for path, data in files.items():
            target = Path(folder, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        started = time.monotonic()
        process = subprocess.Popen(
            [str(python), "-m", "main"], cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        output: list[bytes] = []
        settled = threading.Event()  # it says it serves, or its output ended

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                output.append(line)
                if SERVING in line:
                    break
            settled.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            settled.wait(seconds)
            if not any(SERVING in line for line in output):
                tail = b"".join(output[-8:]).decode("utf-8", errors="replace").strip()
                state = "exited" if process.poll() is not None or settled.is_set() else "is still starting"
                raise RuntimeError(
                    f"`python -m main` {state} without serving within {seconds:g} s: {tail or 'no output'}"
                )
            answer = health(port, started + seconds)
            return f"served /health ({answer}) on 127.0.0.1"
        finally:
            process.kill()
            process.wait()
            reader.join(5)


@functools.cache
def loopback() -> urllib.request.OpenerDirector:
    """An opener that never goes through a proxy; made when first used (its HTTPS handler loads certificates)."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def health(port: int, deadline: float) -> str:
    while True:
        try:
            with loopback().open(f"http://127.0.0.1:{port}/health", timeout=5) as response:
                return f"{response.status} {response.read(64).decode('utf-8', errors='replace').strip()}"
        except OSError as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the plugin said it serves but /health did not answer: {exc}") from None
            time.sleep(0.1)
