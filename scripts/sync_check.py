"""`make sync-check`: every spec that names a catalogue (its `sync` field) against the recorded
snapshot of that catalogue (specs/catalogues/, refreshed by scripts/refresh_catalogues.py), through
`provider-compiler sync --check`: a spec that lags behind its catalogue fails the run, with the
findings; a value the spec knows better stays through the model's `sync.keep` and its reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from refresh_catalogues import SOURCES, snapshot  # noqa: E402


def followed(spec: Path) -> list[str]:
    """The catalogues the spec's `sync` field names."""
    data = YAML(typ="safe").load(spec.read_text(encoding="utf-8")) or {}
    return [source for source in SOURCES if (data.get("sync") or {}).get(source)]


def main() -> int:
    failed, checked = [], 0
    for spec in sorted((ROOT / "specs").glob("*.yaml")):
        for source in followed(spec):
            checked += 1
            argv = [sys.executable, "-m", "compiler", "sync", str(spec.relative_to(ROOT)), "--from", source]
            argv += ["--catalog", str(snapshot(source).relative_to(ROOT)), "--check", "--quiet"]
            result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
            if result.returncode != 0:
                failed.append(f"{spec.name} vs {source}")
                print(result.stdout + result.stderr, end="", file=sys.stderr)
    print(f"sync-check: {checked - len(failed)} of {checked} spec/catalogue pairs current", file=sys.stderr)
    if failed:
        print(
            "lagging: " + ", ".join(failed) + " (run `provider-compiler sync SPEC --from SOURCE --catalog "
            "specs/catalogues/SOURCE.json.gz`, review, or keep a value with sync.keep and a reason)",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
