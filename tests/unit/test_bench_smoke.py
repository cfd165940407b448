"""The benchmark code runs (tiny sizes, one run each) so it cannot rot; it asserts nothing about time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_compiler_benchmark_smoke(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "compiler_bench.py"), "--quick", "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = out.read_text()
    for row in ("build specs/acme.yaml", "check, all specs", "build 5 models"):
        assert f"| {row}" in report
