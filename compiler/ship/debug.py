"""`debug`: a spec's Dify plugin, built into a temporary folder, run as a remote-debugging plugin
(INSTALL_METHOD=remote) against a Dify instance, REMOTE_INSTALL_* from the environment or the project
root's .env. Values are never printed."""

from __future__ import annotations

import importlib.util
import os
import signal
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


class DebugError(ShipError):
    """Debugging cannot start; the message is the cause, in one line."""


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


def prepare(plugin: dict[str, bytes], remote: Remote, given: Path | None, progress: Callable[[str], None]) -> Path:
    """The interpreter to run the plugin with."""
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
    """Run the plugin until it stops or is stopped (Ctrl-C: 0; SIGTERM: 143, the plugin stopped too)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REMOTE_INSTALL", "INSTALL_METHOD"))}
    env |= remote.settings | {"INSTALL_METHOD": "remote"}
    child = subprocess.Popen([str(python), "-m", "main"], cwd=folder, env=env)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return child.wait()
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
