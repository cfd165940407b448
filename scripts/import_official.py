"""Import every official Dify model plugin, build each spec, compare, and write the Markdown table.

Usage: .venv/bin/python scripts/import_official.py [PLUGINS_DIR] [--out TABLE.md] [--specs DIR]
(default /work/official/models, an extracted snapshot of langgenius/dify-official-plugins). A plugin is
`refused` with the importer's one reason, or `imported`; then `builds` says whether the spec compiles,
and the comparison gives models present (official models the build has / official models) and the
share of equal fields, prices and texts (labels, help, descriptions, placeholders) counted apart."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compiler.errors import CompileError, UserError  # noqa: E402
from compiler.sources.archive import read_source  # noqa: E402
from compiler.sources.compare import Tally, build_dify, compare_models, compare_provider, write_spec  # noqa: E402
from compiler.sources.dify_plugin import import_plugin  # noqa: E402

HEAD = "| plugin | imported / refused (reason) | builds | models present | fields equal | prices equal | texts equal | model form equal | TODOs |"


def row(plugin: Path, specs: Path) -> str:
    name = plugin.name
    try:
        imported = import_plugin(plugin)
    except UserError as exc:
        reason = str(exc).replace("|", "\\|")
        return f"| {name} | refused: {reason} | – | – | – | – | – | – | – |"
    spec = write_spec(imported, specs / name)
    todos = len(imported.findings)
    try:
        built = build_dify(spec)
    except CompileError as exc:
        first = (
            str(next(d for d in exc.diagnostics if d.level == "error")).split(": error: ", 1)[-1].replace("|", "\\|")
        )
        return f"| {name} | imported | no: {first} | – | – | – | – | – | {todos} |"
    tally = Tally()
    official = read_source(plugin).files
    present, total = compare_models(built, official, tally)
    compare_provider(built, official, tally)
    shares = " | ".join(f"{tally.share(g):.1%}" for g in ("fields", "prices", "texts", "form"))
    return f"| {name} | imported | yes | {present}/{total} | {shares} | {todos} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plugins", nargs="?", default="/work/official/models")
    parser.add_argument("--out", default="/work/notes/import-table.md")
    parser.add_argument("--specs", default=None, help="keep the imported specs here (default: a temporary folder)")
    parser.add_argument("--only", nargs="*", default=None, help="plugin names to run (default: all)")
    args = parser.parse_args()
    specs = Path(args.specs or tempfile.mkdtemp(prefix="imported-"))
    plugins = sorted(
        p for p in Path(args.plugins).iterdir() if p.is_dir() and (args.only is None or p.name in args.only)
    )
    rows = []
    for plugin in plugins:
        rows.append(row(plugin, specs))
        print(rows[-1], flush=True)
    Path(args.out).write_text(
        "\n".join(["# Importing the official Dify model plugins", "", HEAD, "|" + "---|" * 9] + rows) + "\n"
    )
    print(f"specs in {specs}; table in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
