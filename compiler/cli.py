"""Command line: the only module that prints or chooses an exit code (0 ok, 1 drift, 2 error)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from compiler.build import compile_spec
from compiler.drift import FileDrift, describe, stray_providers, tree_drift
from compiler.errors import CompileError
from compiler.lower import NAME_RE
from compiler.model import Provider
from compiler.render import render
from compiler.schema import SCHEMA_FILE, schema_text
from compiler.summary import manifest_version, summarize
from compiler.write import read_tree, write_file, write_tree

SPECS = Path("specs")
OUT = Path("generated")


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(prog="python -m compiler", description=__doc__)
    cli.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")
    cli.add_argument("--strict", action="store_true", help="treat warnings as errors")
    commands = cli.add_subparsers(dest="command", required=True)
    for name, text in (
        ("build", "compile specs into plugin trees (default: every spec in specs/)"),
        ("check", "regenerate in memory and compare with the output tree; exit 1 on any difference"),
        ("diff", "summarise what the specs change at model level against the output tree"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("specs", nargs="*", type=Path, metavar="SPEC")
        command.add_argument("--out", type=Path, default=OUT, help="output root (default: generated/)")
    schema = commands.add_parser("schema", help=f"write the spec language's JSON Schema to specs/{SCHEMA_FILE}")
    schema.add_argument("--out", type=Path, default=SPECS / SCHEMA_FILE)
    new = commands.add_parser("new", help="scaffold specs/NAME.yaml (and an icon) with commented examples")
    new.add_argument("name")
    new.add_argument("--author", default="your-name")
    new.add_argument("--specs-dir", type=Path, default=SPECS)
    return cli


def compile_all(specs: list[Path], strict: bool = False) -> list[tuple[Path, Provider, dict[str, bytes]]] | None:
    """Compile every spec before anything else happens; None (problems printed) if any failed.
    Warnings are printed too, and fail the run under --strict."""
    compiled, failed = [], False
    for spec in specs:
        try:
            compiled.append((spec, *compile_spec(spec)))
        except CompileError as exc:
            failed = True
            for diagnostic in exc.diagnostics:
                print(diagnostic, file=sys.stderr)
            continue
        for warning in compiled[-1][1].warnings:
            failed = failed or strict
            if strict:  # it stops the build, so it is printed as what it has become
                warning = dataclasses.replace(warning, level="error", message=f"{warning.message} (--strict)")
            print(warning, file=sys.stderr)
    return None if failed else compiled


def build(specs: list[Path], out: Path, strict: bool = False) -> int:
    """Write only if every spec compiled; only changed bytes are written."""
    compiled = compile_all(specs, strict)
    if compiled is None:
        return 2
    for _, provider, files in compiled:
        report = write_tree(out / provider.name, files)
        print(
            f"{out / provider.name}: {len(report.written)} written, {report.unchanged} unchanged, "
            f"{len(report.deleted)} deleted"
        )
    return 0


def check(specs: list[Path], out: Path, everything: bool, strict: bool = False) -> int:
    """Every difference as a unified diff (or missing/stray line), then the model-level summary."""
    compiled = compile_all(specs, strict)
    if compiled is None:
        return 2
    drifts: list[FileDrift] = []
    trees = {provider.name: read_tree(out / provider.name) for _, provider, _ in compiled}
    for spec, provider, files in compiled:
        drifts += tree_drift(out / provider.name, trees[provider.name], files, spec.as_posix())
    if everything:
        drifts += stray_providers(out, {provider.name for _, provider, _ in compiled})
        schema_file = SPECS / SCHEMA_FILE
        if not schema_file.is_file() or schema_file.read_text(encoding="utf-8") != schema_text():
            drifts.append(FileDrift(schema_file.as_posix(), "changed", f"{schema_file} is out of date\n"))
    if not drifts:
        print(f"check: {len(compiled)} spec(s), output up to date")
        return 0
    for drift in drifts:
        sys.stdout.write(describe(drift))
    if review := review_summary(compiled, trees):
        print("\n".join(review))
    print(
        f"check: {len(drifts)} file(s) differ from what the specs produce; run `make build` "
        "(or `python -m compiler build`) and commit the result",
        file=sys.stderr,
    )
    return 1


def review_summary(
    compiled: list[tuple[Path, Provider, dict[str, bytes]]], trees: dict[str, dict[str, bytes]]
) -> list[str]:
    """Model-level changes per spec against the trees on disk (provider name → files), and a
    warning when output changes but the version does not."""
    lines = []
    for spec, provider, files in compiled:
        before = trees[provider.name]
        lines += summarize(provider.name, before, files)
        old_version = manifest_version(before)
        if before and before != files and old_version == provider.version:
            lines.append(
                f"{spec.as_posix()}: warning: generated output changes but version stays {provider.version}; "
                "Dify refuses to install a version it already has, so bump `version`"
            )
    return lines


def diff(specs: list[Path], out: Path, strict: bool = False) -> int:
    compiled = compile_all(specs, strict)
    if compiled is None:
        return 2
    lines = review_summary(compiled, {p.name: read_tree(out / p.name) for _, p, _ in compiled})
    print("\n".join(lines) if lines else "diff: no model-level changes")
    return 0


def schema(target: Path) -> int:
    changed = write_file(target, schema_text().encode("utf-8"))
    print(f"{target}: {'written' if changed else 'unchanged'}")
    return 0


def new(name: str, author: str, specs_dir: Path) -> int:
    spec, icon = specs_dir / f"{name}.yaml", specs_dir / "icons" / f"{name}.svg"
    if not NAME_RE.match(name):
        print(f"error: name must match {NAME_RE.pattern}, got {name!r}", file=sys.stderr)
        return 2
    for path in (spec, icon):
        if path.exists():
            print(f"error: {path} already exists; nothing written", file=sys.stderr)
            return 2
    label = " ".join(part.capitalize() for part in name.replace("_", "-").split("-") if part)
    schema = Path(os.path.relpath(SPECS / SCHEMA_FILE, specs_dir)).as_posix()
    context = {"name": name, "label": label or name, "author": author, "spec": spec.as_posix(), "schema": schema}
    text = render("spec/new.yaml.jinja", context)
    write_file(icon, render("spec/icon.svg.jinja", {"initial": (label or name)[:1].upper()}).encode("utf-8"))
    write_file(spec, text.encode("utf-8"))
    print(f"{spec}: written (and {icon}); edit it, then `make build SPEC={spec}`")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command in ("build", "check", "diff"):
            specs = args.specs or sorted(SPECS.glob("*.yaml"))
            if not specs:
                print(f"error: no specs given and none in {SPECS}/", file=sys.stderr)
                return 2
            if args.command == "build":
                return build(specs, args.out, args.strict)
            if args.command == "check":
                return check(specs, args.out, everything=not args.specs, strict=args.strict)
            return diff(specs, args.out, args.strict)
        if args.command == "schema":
            return schema(args.out)
        return new(args.name, args.author, args.specs_dir)
    except Exception as exc:  # an internal error: say so plainly, traceback only when asked
        if args.verbose:
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (run with -v for the traceback)", file=sys.stderr)
        return 2
