"""Post-processing: black for Python, parse-back for YAML and JSON to prove they are valid."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import threading
import tomllib
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from compiler.errors import CompileError, Diagnostic
from compiler.write import write_file

FAILED_DIR = Path(".compiler-failed")
# The project's black settings (pyproject.toml [tool.black]), used for generated output too, so the
# runtime copied into plugins and the rendered files around it are formatted alike.
LINE_LENGTH = 120
BLACK_MODE_KEY = f"target-versions=py312 line-length={LINE_LENGTH}"  # what black_mode() sets; in every cache key


@cache
def black_mode() -> Any:
    """black's mode, importing black on first use: the import is ~0.1 s, a quarter of a build
    whose every text is already in the cache (a rebuild, `check`)."""
    import black

    return black.Mode(target_versions={black.TargetVersion.PY312}, line_length=LINE_LENGTH)


def run_black(text: str) -> str:
    import black

    return black.format_str(text, mode=black_mode())  # black.InvalidInput is a ValueError


def cache_root() -> Path:
    """The compiler's cache folder (black's results, compiled templates); removable at any time."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "provider-compiler"


@cache
def black_version() -> str:
    return version("black")  # from the installed metadata: importing black costs ~0.1 s


def cache_dir() -> Path:
    """Where black's results are kept, keyed by black's version, mode and the input text."""
    return cache_root() / f"black-{black_version()}"


_formatted: dict[str, str] = {}


def _cache_entry(text: str) -> Path:
    key = hashlib.sha256(f"{BLACK_MODE_KEY}\0{text}".encode()).hexdigest()
    return cache_dir() / key[:2] / key


def _cached(text: str) -> str | None:
    if text in _formatted:
        return _formatted[text]
    try:
        _formatted[text] = _cache_entry(text).read_text(encoding="utf-8")
    except OSError:
        return None
    return _formatted[text]


def _store(text: str, formatted: str) -> None:
    _formatted[text] = formatted
    try:
        write_file(_cache_entry(text), formatted.encode("utf-8"))
    except OSError:
        pass  # a read-only home only costs speed


def format_python(text: str) -> str:
    """black, memoised in memory and on disk: black is most of a build's time, and a rebuild or
    `check` formats the same texts again. Same input, same black, same output."""
    formatted = _cached(text)
    if formatted is None:
        formatted = run_black(text)
        _store(text, formatted)
    return formatted


def _black_or_none(text: str) -> str | None:
    try:
        return run_black(text)
    except ValueError:
        return None  # format_python raises it again, in order, where the template is known


def prefetch_python(texts: list[str]) -> None:
    """Run black on every core for the texts it has not seen (a first build is mostly black), so
    that format_python finds them cached. Forks only a single-threaded process; otherwise, or on
    one core, format_python does the work in turn. The results are black's either way."""
    missing = sorted((t for t in set(texts) if _cached(t) is None), key=len, reverse=True)
    workers = min(len(missing), os.cpu_count() or 1)
    if workers < 2 or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return
    black_mode()  # import black once, before forking
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for text, formatted in zip(missing, pool.map(_black_or_none, missing)):
                if formatted is not None:
                    _store(text, formatted)
    except (OSError, ImportError, BrokenProcessPool):
        pass  # no working process pool here (no /dev/shm, a killed worker): format_python catches up


def format_file(output: str, template: str, text: str) -> str:
    """Return the final text of `output`, or fail naming the template that produced it."""
    try:
        if output.endswith(".py"):
            return format_python(text)
        if output.endswith(".yaml"):
            YAML(typ="safe").load(text)
        elif output.endswith(".json"):
            json.loads(text)
        elif output.endswith(".toml"):
            tomllib.loads(text)
    except (YAMLError, ValueError) as exc:  # black.InvalidInput and TOMLDecodeError are ValueErrors
        saved = FAILED_DIR / output
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(text, encoding="utf-8")
        message = f"rendered {output} is not valid: {str(exc).splitlines()[0]} (text saved to {saved})"
        raise CompileError([Diagnostic("error", f"templates/{template}", message)]) from exc
    return text
