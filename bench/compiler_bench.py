"""Compiler benchmarks (bench/run.py reports them): whole-process wall time, interpreter start
included, and peak RSS. Each figure is the median of several runs after a warm-up; black's cache
is empty for the "cold" runs (a fresh XDG_CACHE_HOME each) and warm otherwise."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# Runs `python -m compiler …` and, at exit, prints the process's own peak RSS to stderr. VmHWM
# is reset by exec, unlike getrusage's ru_maxrss, which counts the forking parent's memory too.
PEAK_WRAPPER = (
    "import atexit, runpy, sys\n"
    "def peak():\n"
    "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
    "    print(f'\\npeak-rss-kib {hwm}', file=sys.stderr)\n"
    "atexit.register(peak)\n"
    "sys.argv = ['compiler', *sys.argv[1:]]\n"
    "runpy.run_module('compiler', run_name='__main__', alter_sys=True)\n"
)


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of `python -m compiler ARGV`; exit 1 (drift) is no failure."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, *argv], cwd=cwd, env=env, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"compiler {' '.join(argv)} failed:\n{result.stderr}")
    return wall, int(result.stderr.rsplit("peak-rss-kib ", 1)[1])


def median_run(argv: list[str], cwd: Path, env: dict[str, str], repeat: int) -> tuple[float, int]:
    run(argv, cwd, env)  # warm-up
    samples = [run(argv, cwd, env) for _ in range(repeat)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def synthetic_spec(folder: Path, models: int) -> Path:
    """A valid spec with `models` chat models, written as JSON (JSON is YAML)."""
    (folder / "icons").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "specs" / "icons" / "acme_s.svg", folder / "icons" / "s.svg")
    name = f"synthetic{models}"
    spec = {
        "name": name,
        "label": f"Synthetic {models}",
        "description": "Benchmark spec.",
        "author": "bench",
        "version": "1.0.0",
        "icons": {"small": "icons/s.svg"},
        "repository": "https://github.com/bench/plugins",
        "api": {"base_url": "https://api.bench.example/v1"},
        "defaults": {
            "llm": {
                "context_size": 131072,
                "max_output_tokens": 8192,
                "features": ["tool-call", "multi-tool-call", "stream-tool-call"],
                "parameters": ["temperature", "top_p", "max_tokens"],
                "pricing": {"input": "0.5", "output": "1.5", "per": "million"},
            }
        },
        "models": [{"name": f"model-{i:04d}", "label": f"Model {i}"} for i in range(models)],
    }
    path = folder / f"{name}.yaml"
    path.write_text(json.dumps(spec, indent=1))
    return path


def edited_builds(work: Path, env: dict[str, str], repeat: int) -> float:
    """Median wall time of `build` right after an author edits the provider's label: the files
    that carry it (docstrings, the @LLMProvider name, YAML) are new to black's cache."""
    specs = work / "edit-specs"
    shutil.copytree(ROOT / "specs", specs)
    original = (specs / "acme.yaml").read_text(encoding="utf-8")
    argv = ["build", str(specs / "acme.yaml"), "--out", str(work / "edited")]
    walls = []
    for n in range(repeat + 1):  # the first build fills the cache for everything else
        (specs / "acme.yaml").write_text(original.replace("en_US: Acme AI\n", f"en_US: Acme AI {n}\n", 1))
        walls.append(run(argv, ROOT, env)[0])
    return statistics.median(walls[1:])


def measure(quick: bool) -> dict[str, object]:
    """Wall seconds (and peak RSS, KiB) of each compiler run the report shows."""
    repeat = 1 if quick else 5
    sizes = (2, 5, 8) if quick else (10, 100, 500, 1000)
    work = Path(tempfile.mkdtemp(prefix="compiler-bench-"))
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"), PYTHONPATH=str(ROOT))
    acme = ["build", "specs/acme.yaml", "--out"]
    figures: dict[str, object] = {"sizes": sizes}
    try:
        cold = []
        for n in range(1 if quick else 3):  # each with a black cache of its own: a first build
            cold.append(run(acme + [str(work / f"cold{n}")], ROOT, dict(env, XDG_CACHE_HOME=str(work / f"c{n}")))[0])
        figures["cold"] = statistics.median(cold)
        figures["acme"] = median_run(acme + [str(work / "out")], ROOT, env, repeat)
        figures["edit"] = edited_builds(work, env, 1 if quick else 5)
        figures["check"] = median_run(["check"], ROOT, env, repeat)
        figures["noop"] = median_run(["build", "--out", str(work / "all")], ROOT, env, repeat)
        for size in sizes:
            spec = synthetic_spec(work / f"s{size}", size)
            figures[f"models{size}"] = median_run(
                ["build", str(spec), "--out", str(work / f"out{size}")], ROOT, env, repeat
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures
