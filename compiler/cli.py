"""Command line: the only module that prints or chooses an exit code (0 ok, 1 drift, 2 error)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from compiler.build import compile_spec
from compiler.errors import CompileError
from compiler.write import write_tree


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(prog="python -m compiler", description=__doc__)
    cli.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")
    commands = cli.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="compile specs into plugin trees")
    build.add_argument("specs", nargs="+", type=Path, metavar="SPEC")
    build.add_argument("--out", type=Path, default=Path("generated"), help="output root (default: generated/)")
    return cli


def build(specs: list[Path], out: Path) -> int:
    """Compile every spec first; write only if all of them compiled."""
    compiled, failed = [], False
    for spec in specs:
        try:
            compiled.append(compile_spec(spec))
        except CompileError as exc:
            failed = True
            for diagnostic in exc.diagnostics:
                print(diagnostic, file=sys.stderr)
    if failed:
        return 2
    for provider, files in compiled:
        report = write_tree(out / provider.name, files)
        print(
            f"{out / provider.name}: {len(report.written)} written, {report.unchanged} unchanged, "
            f"{len(report.deleted)} deleted"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return build(args.specs, args.out)
    except Exception as exc:  # an internal error: say so plainly, traceback only when asked
        if args.verbose:
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (run with -v for the traceback)", file=sys.stderr)
        return 2
