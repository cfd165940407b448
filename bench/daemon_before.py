"""Issue 30's before-and-after: the generated deepseek plugin as committed at an earlier revision (by
default the last commit before the stream merge), as today's spec compiles it, and the official
deepseek plugin, side by side in the daemon shape (bench/daemon_shape.py), alternating, in one run.

    .venv/bin/python bench/daemon_before.py [--rev REV] [--shapes 100x400x10,300x400x10] [--rounds 3]

The earlier tree comes out of git (`git archive REV generated/deepseek/dify`), so nothing but this
repository's history is needed; the official side needs its environment (bench/official_env.py,
built by `make bench`). Prints one line per shape and side: the medians of ms/op, plugin CPU per
chunk, first-token latency and text chunks per answer."""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import replace
from pathlib import Path

import daemon_bench
import openai_bench
import run
from openai_bench import Side

ROOT = Path(__file__).resolve().parents[1]
BEFORE = "c8ca2bc^"  # the runtime before issue 30: one chunk per event, urllib3 reading a chunk at a time
FIELDS = ("ms_per_op", "cpu_us_per_chunk", "first_token_ms", "chunks_per_stream")


def tree_at(rev: str, into: Path) -> Path:
    """generated/deepseek/dify as committed at `rev`, extracted below `into`."""
    archive = subprocess.run(
        ["git", "archive", rev, "generated/deepseek/dify"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "generated" / "deepseek" / "dify"


def base_url_variable(folder: Path) -> str:
    """The tree's base-URL credential (deepseek's was base_url before it took the plugin's endpoint_url)."""
    provider = (folder / "provider" / "deepseek.yaml").read_text(encoding="utf-8")
    return "endpoint_url" if "variable: endpoint_url" in provider else "base_url"


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("--rev", default=BEFORE)
    cli.add_argument("--shapes", type=openai_bench.shapes_of, default=openai_bench.shapes_of("100x400x10,300x400x10"))
    cli.add_argument("--rounds", type=int, default=3)
    args = cli.parse_args()
    work = Path(tempfile.mkdtemp(prefix="daemon-before-"))
    folder = tree_at(args.rev, work / "before")
    key = base_url_variable(folder)
    before = Side(
        "before", Path(sys.executable), folder, "deepseek", daemon_bench.MODEL, lambda p: {"api_key": "k", key: p}
    )
    after = replace(daemon_bench.generated(daemon_bench.default_spec(), work / "after"), name="after")
    official, why = daemon_bench.official(daemon_bench.OFFICIAL, work / "official", False)
    sides = [before, after] + ([official] if official else [])
    shapes = tuple(replace(s, route="c") for s in args.shapes)
    plan = replace(openai_bench.QUICK, shapes=shapes, shape_rounds=args.rounds)
    with run.stream_server() as url:
        runs = openai_bench.shape_samples(sides, url, plan)
    if not official:
        print(f"official side skipped: {why}")
    for shape, by in runs.items():
        for name, samples in by.items():
            figures = " ".join(f"{f}={statistics.median(getattr(r, f) for r in samples):.1f}" for f in FIELDS)
            print(f"{shape.concurrency} concurrent, {name}: {figures}", flush=True)


if __name__ == "__main__":
    main()
