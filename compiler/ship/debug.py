"""`debug`: a spec's Dify plugin, built into a temporary folder, run as a remote-debugging plugin
(INSTALL_METHOD=remote) against a Dify instance, REMOTE_INSTALL_* from the environment or the project
root's .env. The address and key are tried before the plugin starts, and the plugin's output is read
for the failures the SDK only logs, so that each failure is one DebugError line naming its cause. The
key is never in a message: values are never printed, and the plugin's output has it masked."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from compiler.project import project_root
from compiler.ship import ShipError
from compiler.ship.runner import cache_home, runner_python
from compiler.write import write_tree

REMOTE_KEYS = ("REMOTE_INSTALL_URL", "REMOTE_INSTALL_HOST", "REMOTE_INSTALL_PORT", "REMOTE_INSTALL_KEY")
CONNECT_SECONDS = 5.0
ANSWER_SECONDS = 1.5  # the daemon refuses a key at once (hooks.go onMessage); a key it takes gets no answer
TRY_AGAIN = "copy REMOTE_INSTALL_URL and REMOTE_INSTALL_KEY again from Dify's Plugins > Debug"
NOT_THERE = "is Dify running, its plugin daemon's debugging port published?"
NOT_DIFY = "not a Dify debugging port, or the daemon is busy"
# What the SDK logs (dify_plugin/core/server/tcp/request_reader.py) when the connection fails, and what it means.
SIGNS = (
    ("handshake failed", "Dify refused the key (it said: {said}); " + TRY_AGAIN),
    ("Failed to connect", "the plugin could not connect to {address} any more: did the Dify plugin daemon stop?"),
    ("Failed to read data", "Dify closed the connection (the daemon restarted, or the key changed); run debug again"),
    ("Failed to write data", "Dify closed the connection (the daemon restarted, or the key changed); run debug again"),
)
TRACEBACK = "Traceback (most recent call last):"
CHAINED = ("During handling of the above exception", "The above exception was the direct cause")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
SAID_RE = re.compile(r"handshake failed[^'\"]*")  # the daemon's words, out of the SDK's log line


class DebugError(ShipError):
    """Debugging cannot start or go on; the message is the cause, in one line."""


class Stopped(Exception):
    """The debug run was asked to stop (SIGTERM)."""


@dataclass(frozen=True)
class Remote:
    """The debugging settings (values never printed) and where they were read from."""

    settings: dict[str, str]
    source: str

    @property
    def address(self) -> str:
        if url := self.settings.get("REMOTE_INSTALL_URL"):
            return url
        return f"{self.settings.get('REMOTE_INSTALL_HOST', 'localhost')}:{self.settings.get('REMOTE_INSTALL_PORT', '5003')}"


def remote(start: Path) -> Remote:
    """REMOTE_INSTALL_* from the environment, else from the .env at the project root; DebugError without a key."""
    from dotenv import dotenv_values  # only `debug` reads .env files

    env_file = project_root(start) / ".env"
    from_file = (
        {k: v for k, v in dotenv_values(env_file).items() if k in REMOTE_KEYS and v} if env_file.is_file() else {}
    )
    from_env = {k: os.environ[k] for k in REMOTE_KEYS if os.environ.get(k)}
    found = from_file | from_env
    if "REMOTE_INSTALL_KEY" not in found:
        raise DebugError(
            f"REMOTE_INSTALL_KEY is not set (looked in the environment and {env_file}); put "
            "REMOTE_INSTALL_URL=host:port and REMOTE_INSTALL_KEY there, as Dify's Plugins > Debug shows them"
        )
    source = " and ".join(name for name, used in (("the environment", from_env), (str(env_file), from_file)) if used)
    return Remote(found, source)


def endpoint(address: str) -> tuple[str, int]:
    """(host, port) of `host:port` (a scheme is allowed, as the SDK allows one); DebugError when either is missing or bad."""
    rest = address.split("://", 1)[-1].rstrip("/")
    host, colon, port = rest.rpartition(":")
    if not colon or not host:
        raise DebugError(f"the debugging address {address!r} has no port: write host:port, e.g. localhost:5003")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise DebugError(
            f"the debugging address {address!r} has a bad port {port!r}: write host:port, e.g. localhost:5003"
        )
    return host.strip("[]"), int(port)


def handshake(key: str) -> bytes:
    """The first line the plugin sends: the key, as the SDK's InitializeMessage dumps it."""
    return json.dumps({"type": "handshake", "data": {"key": key}}, separators=(",", ":")).encode() + b"\n"


def connect(host: str, port: int) -> socket.socket:
    """A connection to the debugging port; DebugError naming why there is none."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise DebugError(f"cannot resolve the debugging host {host!r} ({exc.strerror}); " + TRY_AGAIN) from None
    try:
        return socket.create_connection((host, port), timeout=CONNECT_SECONDS)
    except ConnectionRefusedError:
        raise DebugError(f"nothing is listening at {host}:{port} (connection refused): {NOT_THERE}") from None
    except TimeoutError:
        raise DebugError(
            f"{host}:{port} did not answer within {CONNECT_SECONDS:g} s (a firewall, or the wrong host?)"
        ) from None
    except OSError as exc:
        raise DebugError(f"cannot connect to {host}:{port}: {exc.strerror or exc}") from None


def first_answer(connection: socket.socket, key: str) -> bytes | None:
    """What the daemon answers the handshake with (b'' when it closes the connection), or None when it
    keeps quiet, as it does for a key it takes."""
    with connection:
        try:
            connection.sendall(handshake(key))
            connection.settimeout(ANSWER_SECONDS)
            return connection.recv(4096)
        except TimeoutError:
            return None
        except (ConnectionResetError, BrokenPipeError):
            return b""


def try_key(address: str, key: str) -> None:
    """Connect and hand the key over as the plugin will, then leave; DebugError for an address that
    does not resolve or answer, or a daemon that closes the connection or refuses the key."""
    host, port = endpoint(address)
    answer = first_answer(connect(host, port), key)
    if answer is None:
        return
    said = answer.decode("utf-8", "replace").strip().splitlines()[:1]
    if said:
        raise DebugError(f"Dify refused the key (it said: {said[0].replace(key, '***')}); " + TRY_AGAIN)
    raise DebugError(f"{host}:{port} closed the connection at once, saying nothing: {NOT_DIFY}")


def prepare(plugin: dict[str, bytes], remote: Remote, given: Path | None, progress: Callable[[str], None]) -> Path:
    """The address and key tried (DebugError if Dify is not there or refuses the key), then the interpreter to run the plugin with."""
    try_key(remote.address, remote.settings["REMOTE_INSTALL_KEY"])
    return plugin_python(plugin, given, progress)


def plugin_python(plugin: dict[str, bytes], given: Path | None, progress: Callable[[str], None]) -> Path:
    """--python; else this interpreter when it has the SDK; else a venv made once from the plugin's requirements."""
    if given is not None:
        return given
    if importlib.util.find_spec("dify_plugin") is not None:
        return Path(sys.executable)
    try:
        return runner_python(plugin, cache_home() / "runners", progress)
    except (OSError, RuntimeError) as exc:
        raise DebugError(f"{exc}; pass --python an interpreter that has the plugin's requirements") from None


@contextmanager
def workspace(plugin: dict[str, bytes], name: str) -> Iterator[Path]:
    """The plugin written into a temporary folder, so that the output tree never holds a .env or changes while debugging."""
    with tempfile.TemporaryDirectory(prefix=f"{name}-debug-") as folder:
        write_tree(Path(folder), plugin)
        yield Path(folder)


def run(folder: Path, python: Path, remote: Remote, relay: Callable[[str], None], verbose: bool = False) -> int:
    """Run the plugin until it is stopped (Ctrl-C: 0; SIGTERM: 143, the plugin stopped too), relaying its
    output; DebugError when the connection fails or the plugin exits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REMOTE_INSTALL", "INSTALL_METHOD"))}
    env |= remote.settings | {"INSTALL_METHOD": "remote", "PYTHONUNBUFFERED": "1"}
    command = [str(python), "-m", "main"]
    child = subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    )
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return watch(child, Relay(relay, verbose, remote.settings["REMOTE_INSTALL_KEY"]), remote.address)
    except KeyboardInterrupt:
        return 0
    except Stopped:
        return 143
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            child.terminate()
            child.wait(10)


def stop(*_: object) -> None:
    raise Stopped


def watch(child: subprocess.Popen[str], relay: Relay, address: str) -> int:
    """Relay the plugin's output until a line says the connection failed, or the plugin exits: DebugError either way."""
    assert child.stdout is not None
    for line in child.stdout:
        line = relay.mask(line.rstrip("\n"))
        for sign, cause in SIGNS:
            if sign in line:
                said = SAID_RE.search(line)
                raise DebugError(cause.format(said=said.group(0) if said else line, address=address))
        relay.feed(line)
    code = child.wait()
    raise DebugError(f"the plugin exited with code {code}" + (f": {relay.last}" if relay.last else ""))


class Relay:
    """The plugin's output on its way to the user: the key masked, a traceback cut to its last line
    (the exception) unless verbose; the last thing it said kept, to say why it exited."""

    def __init__(self, show: Callable[[str], None], verbose: bool, key: str) -> None:
        self.show, self.verbose, self.key = show, verbose, key
        self.in_traceback = False
        self.last = ""

    def mask(self, line: str) -> str:
        return ANSI_RE.sub("", line.replace(self.key, "***") if self.key else line)

    def feed(self, line: str) -> None:
        if line.startswith(TRACEBACK):
            self.in_traceback = True
        elif self.in_traceback and line.strip() and not line.startswith((" ", "\t", *CHAINED)):
            self.in_traceback = False  # the exception line: what the traceback comes to
        if line.strip():
            self.last = line
        if self.verbose or not self.in_traceback:
            self.show(line)
