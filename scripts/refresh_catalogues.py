"""Refresh the recorded catalogue snapshots that `make sync-check` compares every spec with
(specs/catalogues/): models.dev's api.json and OpenRouter's model list, fetched from the network,
re-serialised with sorted keys and gzipped without a timestamp, so an unchanged catalogue gives the
same bytes and a changed one a reviewable JSON diff after `gunzip`. For a scheduled job that opens a
pull request (then `make sync-check` says which specs lag); never run by the tests.

    .venv/bin/python scripts/refresh_catalogues.py [--from FILE_OR_URL ...]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compiler.sources import modelsdev, openrouter  # noqa: E402
from compiler.sources.fetch import fetch  # noqa: E402

FOLDER = ROOT / "specs" / "catalogues"
SOURCES = {"models.dev": modelsdev.DEFAULT_URL, "openrouter": openrouter.DEFAULT_URL}


def snapshot(source: str) -> Path:
    """Where `make sync-check` reads the source's snapshot."""
    return FOLDER / f"{source}.json.gz"


def packed(data: bytes) -> bytes:
    text = json.dumps(json.loads(data), sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for source, url in SOURCES.items():
        cli.add_argument(f"--{source.replace('.', '')}", default=url, help=f"where to read {source} (default {url})")
    args = cli.parse_args()
    for source in SOURCES:
        where = getattr(args, source.replace(".", ""))
        data = packed(fetch(where))
        target = snapshot(source)
        changed = not target.exists() or target.read_bytes() != data
        target.write_bytes(data)
        print(f"{target.relative_to(ROOT)}: {'updated' if changed else 'unchanged'} from {where}")


if __name__ == "__main__":
    main()
