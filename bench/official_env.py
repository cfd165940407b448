"""The official openai plugin's own virtual environment, built by the bench from the plugin's
pyproject.toml and uv.lock: the packages the lock resolved for it, at the lock's versions (so two
runs measure the same official plugin, with what it was tested with), installed by pip into
bench/.venvs/<name> (git-ignored) and reused while those pins hold. The official plugin
needs other versions of dify_plugin and openai than ours, so it never runs in our venv: each side
of a comparison runs in its own process with its own interpreter. Offline, the build fails and the
caller skips the official rows with the reason instead of failing the run."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.markers import Marker

VENVS = Path(__file__).resolve().parent / ".venvs"
PIP_TIMEOUT = 600  # seconds for the whole install; a hung index counts as offline


def requirements(plugin: Path) -> list[str]:
    """What the plugin runs with: with a uv.lock, every package the lock resolved for the plugin's
    own dependencies (not its dev group), at the lock's version, markers evaluated for this
    interpreter; without one, its pyproject.toml's dependencies as written."""
    lock = plugin / "uv.lock"
    if not lock.exists():
        return list(tomllib.loads((plugin / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"])
    packages = tomllib.loads(lock.read_text(encoding="utf-8"))["package"]
    by_name: dict[str, list[dict]] = {}
    for package in packages:
        by_name.setdefault(package["name"], []).append(package)
    root = next(p for p in packages if {"virtual", "editable"} & set(p.get("source", {})))
    pins: dict[str, str] = {}
    todo = list(root.get("dependencies", []))
    while todo:
        dependency = todo.pop()
        if dependency["name"] in pins or not Marker(dependency.get("marker", "python_version > '0'")).evaluate():
            continue
        chosen = [p for p in by_name[dependency["name"]] if dependency.get("version", p["version"]) == p["version"]]
        pins[dependency["name"]] = chosen[0]["version"]
        todo += chosen[0].get("dependencies", [])
    return sorted(f"{name}=={version}" for name, version in pins.items())


def python_of(venv: Path) -> Path:
    return venv / "bin" / "python"


def build(plugin: Path, name: str, install: bool = True) -> tuple[Path | None, str]:
    """(the environment's python, "") once it holds the plugin's requirements, or (None, why not).
    Reused when its stamp records the same requirements; otherwise rebuilt from scratch, unless
    `install` is false (the smoke test never installs: it uses the environment only if present)."""
    wanted = requirements(plugin)
    venv = VENVS / name
    stamp = venv / ".requirements"
    digest = hashlib.sha256(json.dumps(wanted).encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and python_of(venv).exists():
        return python_of(venv), ""
    if not install:
        return None, f"bench/.venvs/{name} is not built (`make bench` builds it; --quick does not)"
    shutil.rmtree(venv, ignore_errors=True)
    steps = [[sys.executable, "-m", "venv", str(venv)]]
    exact = ["--no-deps"] if (plugin / "uv.lock").exists() else []  # the lock is the whole environment
    steps.append([str(python_of(venv)), "-m", "pip", "install", "-qq", "--disable-pip-version-check", *exact, *wanted])
    for argv in steps:
        try:
            result = subprocess.run(argv, capture_output=True, text=True, timeout=PIP_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, f"`{' '.join(argv[2:4])}` timed out after {PIP_TIMEOUT} s (offline?)"
        if result.returncode != 0:
            shutil.rmtree(venv, ignore_errors=True)
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            return None, f"could not install {', '.join(wanted)}: {last}"
    stamp.write_text(digest)
    return python_of(venv), ""


if __name__ == "__main__":
    python, why = build(Path(sys.argv[1]), sys.argv[2])
    print(python or f"skipped: {why}")
