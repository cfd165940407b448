"""The benchmarks run end to end at toy sizes (a few hundred chunks, one round) so their code
cannot rot: plugins, stream server, memory probe, compiler runs, the openai rows (the SDK level and
the daemon shape) and the report. The official openai plugin's side runs only if its environment
was built before (`make bench` builds it; --quick never installs): otherwise its rows say it was
skipped, and ours still run. Nothing here is about time; a side that returned a wrong stream or
answer would make the run fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bench
def test_benchmarks_run_at_toy_sizes(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    rows = [line for line in out.read_text().splitlines() if line.startswith("| ")]
    for row in (
        "Dify stream, 300 chunks: generated vs OAICompatLargeLanguageModel",
        "Dify stream, 300 chunks: generated vs in-process floor",
        "Dify blocking, 20 calls",
        "MaiBot stream, 300 chunks",
        "MaiBot blocking, 20 calls",
        "Dify plugin process peak RSS, streams of 100 → 1,000 chunks",
        "Dify stream, 300 chunks, OpenAI Responses: generated vs the official openai plugin",
        "Dify blocking, 20 calls, OpenAI Responses",
        "Daemon shape, openai (`python -m main` over stdio), 8 concurrent streams × 20 chunks 10 ms apart: ms/op",
        "8 concurrent streams × 20 chunks 10 ms apart: plugin CPU per chunk",
        "Daemon shape, deepseek vs the official deepseek plugin (OAICompat), 8 concurrent × 20 chunks 10 ms apart: ms/op",
        "MaiBot daemon shape (host + runner), deepseek plugin vs the host's built-in OpenaiClient, 8 concurrent",
        "first build (empty caches)",
        "no-op rebuild of all specs vs `check`",
        "Compiler: 8-model spec",
    ):
        assert any(row in line for line in rows), row
    assert any("`chat.py:" in line for line in rows)  # the profile names the plugin runtime's functions
