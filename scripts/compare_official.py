"""Compare a shipped spec's built Dify plugin with the official plugin it follows, field by field.

Usage: .venv/bin/python scripts/compare_official.py SPEC [PLUGIN_DIR] [--all]
(PLUGIN_DIR default: /work/official/models/<spec name>, an extracted dify-official-plugins snapshot).
Prints the models present and the share of equal fields (prices, texts and the customizable-model
form counted apart, as scripts/import_official.py counts an import), the official models the build
lacks, and every differing field but prices and texts (all of them with --all): the figures a spec's
header quotes, and the list its reasons must cover. Run by hand; tests never read the official plugins."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compiler.errors import CompileError  # noqa: E402
from compiler.sources.archive import read_source  # noqa: E402
from compiler.sources.compare import (
    GROUPS,
    Tally,
    build_dify,
    compare_models,
    compare_provider,
    models_of,
)  # noqa: E402


def report(spec: Path, plugin: Path, everything: bool) -> list[str]:
    built, official = build_dify(spec), read_source(plugin).files
    tally = Tally()
    present, total = compare_models(built, official, tally)
    compare_provider(built, official, tally)
    shares = ", ".join(f"{g} {tally.share(g):.2%} ({tally.equal[g]}/{tally.total[g]})" for g in GROUPS)
    lines = [f"{spec.stem}: models {present}/{total}; {shares}"]
    mine = models_of(built)
    lines += [
        f"missing model: {folder}/{model}" for folder, model in models_of(official) if (folder, model) not in mine
    ]
    for difference in tally.differing:
        path = difference.split(": ", 1)[0]
        aside = "pricing" in path or any(key in path.split(".") for key in ("label", "help", "placeholder", "title"))
        if everything or not (aside or "description" in path):
            lines.append(f"differs: {difference}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", type=Path)
    parser.add_argument("plugin", type=Path, nargs="?", default=None)
    parser.add_argument("--all", action="store_true", help="list differing prices and texts too")
    args = parser.parse_args()
    plugin = args.plugin or Path("/work/official/models") / args.spec.stem
    try:
        print("\n".join(report(args.spec, plugin, args.all)))
    except CompileError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
