"""Compare two records of the conformance suite (record.py): what the plugins of two generated trees
sent, request by request. Prints "identical: N requests", or each difference (a request only one
record has, or a unified diff of one that differs) and exits 1.

    CONFORMANCE_RECORD=/tmp/old.jsonl CONFORMANCE_GENERATED=/work/base/generated \\
        .venv/bin/python -m pytest -q -n 3 tests/conformance
    CONFORMANCE_RECORD=/tmp/new.jsonl .venv/bin/python -m pytest -q -n 3 tests/conformance
    .venv/bin/python tests/conformance/differential.py /tmp/old.jsonl /tmp/new.jsonl
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path


def load(path: Path) -> dict[tuple[str, int], dict]:
    entries = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {(entry["test"], entry["seq"]): entry for entry in entries}


def differences(old: dict[tuple[str, int], dict], new: dict[tuple[str, int], dict]) -> list[str]:
    out = []
    for key in sorted(old.keys() | new.keys()):
        if key not in new:
            out.append(f"only in the old record: {key[0]} #{key[1]} {old[key]['method']} {old[key]['path']}")
        elif key not in old:
            out.append(f"only in the new record: {key[0]} #{key[1]} {new[key]['method']} {new[key]['path']}")
        elif old[key] != new[key]:
            before, after = (
                json.dumps(e, indent=1, sort_keys=True, ensure_ascii=False).splitlines() for e in (old[key], new[key])
            )
            diff = difflib.unified_diff(before, after, "old", "new", n=2, lineterm="")
            out.append(f"differs: {key[0]} #{key[1]}\n" + "\n".join(diff))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    old, new = load(args.old), load(args.new)
    found = differences(old, new)
    for difference in found:
        print(difference)
    if found:
        print(f"{len(found)} differences ({len(old)} requests in the old record, {len(new)} in the new)")
        return 1
    print(f"identical: {len(new)} requests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
