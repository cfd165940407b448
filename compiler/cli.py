"""Command line (click): the only module that prints or chooses an exit code, 0 ok, 1 findings or drift,
2 usage or spec error. Parameters are declared in options.py; the work is done by the stages and by
compiler/ship/, which return values and raise errors; this module calls them and reports."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import click

from compiler import drift, options, report
from compiler.build import Compiled, compile_all, subtree
from compiler.catalogue import page, page_file
from compiler.errors import Diagnostic, UserError, error_count, strict
from compiler.options import PathType, Run
from compiler.project import TOOL, build_command, tool_version
from compiler.scaffold import scaffold
from compiler.sources.commands import CATALOG, checked, import_command, sync_command
from compiler.schema import SCHEMA_FILE, schema_text
from compiler.summary import review_all
from compiler.write import write_file, write_tree

OK, FINDINGS, ERROR = 0, 1, 2
COLOURS = {"error": "red", "warning": "yellow"}


def run() -> Run:
    return click.get_current_context().ensure_object(Run)


def styled(d: Diagnostic) -> str:
    """The diagnostic's line, its level word coloured (click drops colour unless the stream is a terminal)."""
    return str(replace(d, level=click.style(d.level, fg=COLOURS[d.level], bold=True))).removeprefix(": ")


def show(diagnostics: list[Diagnostic], stdout: bool = False) -> list[Diagnostic]:
    """Diagnostics as --strict makes them, shown (warnings not under -q) or, under --format json, kept for the document."""
    state = run()
    diagnostics = strict(diagnostics) if state.strict else diagnostics
    state.diagnostics += diagnostics
    for d in [] if state.json else diagnostics:
        if d.level == "error" or not state.quiet:
            click.echo(styled(d), err=not stdout)
    return diagnostics


def fail(message: str, file: str = "", code: int = ERROR) -> NoReturn:
    show([Diagnostic("error", file, message)])
    raise click.exceptions.Exit(code)


def say(text: str, err: bool = False) -> None:
    """A result line on stdout (err: a long step's progress, on stderr); not under -q, nor over a JSON stdout."""
    if not (run().quiet or run().json and not err):
        click.echo(text, err=err)


def tell(text: str) -> None:
    say(text, err=True)


def compiled(specs: tuple[Path, ...], specs_dir: Path | None) -> list[Compiled]:
    """The specs given (none: every spec in the specs folder) compiled; diagnostics shown; exit 2 on errors."""
    folder = specs_dir or run().where.specs
    paths = list(specs) or sorted(folder.glob("*.yaml"))
    if not paths:
        fail(f"no specs given and none in {folder}/")
    made, diagnostics = compile_all(paths)
    if error_count(show(diagnostics)):
        raise click.exceptions.Exit(ERROR)
    return made


class Commands(click.Group):
    """The subcommands: each takes the options every one takes, and a UserError from any is one error line, exit 2."""

    command_class = options.Command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            code = super().invoke(ctx)
        except UserError as exc:
            show(exc.diagnostics())
            raise click.exceptions.Exit(ERROR) from None
        ctx.exit(code or OK)  # a command returns its exit code (None: 0), for main() and click's runner alike


@click.group(cls=Commands, params=options.common(), context_settings=options.HELP)
@click.version_option(tool_version(), prog_name=TOOL, message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Compile one YAML spec per LLM provider into Dify and MaiBot plugins."""
    state = ctx.ensure_object(Run)
    ctx.color = False if os.environ.get("NO_COLOR") else ctx.color  # no-color.org: any non-empty value
    emit = lambda: click.echo(json.dumps(report.document(state.json, state.document, state.diagnostics), indent=2))
    ctx.call_on_close(lambda: state.json and emit())  # after the command, however it ended


@cli.command()
@options.specs_options(json=False)
@CATALOG
def build(specs: tuple[Path, ...], specs_dir: Path | None, out: Path | None, catalog: str | None) -> None:
    """Compile specs into plugin trees (default: every spec in the specs folder); --catalog: check numbers too."""
    every = checked(compiled(specs, specs_dir), catalog)
    for item in every:
        root = (out or run().where.out) / item.provider.name
        made = write_tree(root, item.files)
        say(f"{root}: {len(made.written)} written, {made.unchanged} unchanged, {len(made.deleted)} deleted")
    if not specs and page_file(folder := specs_dir or run().where.specs).is_file():
        write_page(folder, every)


def write_page(folder: Path, every: list[Compiled]) -> None:
    target = page_file(folder)
    say(f"{target}: {'written' if write_file(target, page(every).encode('utf-8')) else 'unchanged'}")


@cli.command("catalogue")
@click.option("--specs-dir", type=PathType, help="The specs folder (default: the project's).")
def catalogue_page(specs_dir: Path | None) -> None:
    """Write the catalogue page (one row per spec) beside the specs; `build` of every spec keeps it current."""
    folder = specs_dir or run().where.specs
    write_page(folder, compiled((), folder))


@cli.command()
@options.specs_options()
def check(specs: tuple[Path, ...], specs_dir: Path | None, out: Path | None) -> int:
    """Regenerate in memory and compare with the output tree; exit 1 on any difference."""
    made = compiled(specs, specs_dir)
    result, changes, warnings = review_all(made, out or run().where.out, not specs, specs_dir or run().where.specs)
    run().document = report.check_document(result, changes, len(made))
    if not result.drifts:
        say(f"check: {len(made)} spec(s), output up to date")
        return OK
    if not run().json:
        click.echo(report.check_text(result, changes), nl=False)
    show(warnings, stdout=True)
    hint = f"run `{build_command(Path.cwd())}` and commit the result"
    say(f"check: {len(result.drifts)} file(s) differ from what the specs produce; {hint}", err=True)
    return FINDINGS


@cli.command()
@options.specs_options()
def diff(specs: tuple[Path, ...], specs_dir: Path | None, out: Path | None) -> int:
    """Summarise what the specs change at model level against the output tree."""
    made = compiled(specs, specs_dir)
    result, changes, warnings = review_all(made, out or run().where.out, False, specs_dir or run().where.specs)
    runtime = drift.group_runtime(result.drifts, least=1)[1]
    run().document = report.diff_document(changes, runtime)
    if not run().json:
        click.echo("\n".join(report.diff_lines(changes, runtime)) or "diff: no model-level changes")
    return FINDINGS if error_count(show(warnings, stdout=True)) else OK


@cli.command()
@click.option("--out", type=PathType, help=f"Where to write it (default: specs/{SCHEMA_FILE}).")
def schema(out: Path | None) -> None:
    """Write the spec language's JSON Schema beside the specs, for editors."""
    target = out or run().where.specs / SCHEMA_FILE
    say(f"{target}: {'written' if write_file(target, schema_text().encode('utf-8')) else 'unchanged'}")


def preflighted(made: list[Any], skip: bool, python: Path | None, verdicts: bool) -> tuple[dict[str, Any], bool]:
    """Each package pre-flighted, findings shown as they come (a verdict line per spec if asked); the
    findings by provider name, and whether any package failed."""
    from compiler.ship.packing import Serving, preflight

    checked, failed, entries = {}, False, []
    for item in made:
        found = checked[item.provider.name] = preflight(item, Serving(skip, python), tell)
        shown = show(report.findings(item.provider.spec_file, found.errors, found.warnings))
        failed |= error_count(shown) > 0
        entries.append(report.preflight_entry(item.provider.spec_file, found))
        if verdicts:
            say(report.verdict(item.provider.spec_file, shown, found.served))
    run().document = {"specs": entries}
    return checked, failed


@cli.command()
@options.specs_options(out=False, json=False)
@click.option("--dist", type=PathType, help="Where packages go (default: dist/).")
@click.option("--key", type=PathType, help="Sign with this private key (PKCS#1 PEM): NAME-VERSION.signed.difypkg.")
@options.signing_options
@click.option("--no-preflight", is_flag=True, help="Skip the Marketplace pre-flight (packages for your own Dify).")
@options.preflight_options
def package(specs, specs_dir, dist, key, when, category, no_preflight, python, no_serve) -> None:  # type: ignore
    """Pack each spec's Dify plugin as dist/NAME-VERSION.difypkg after the Marketplace pre-flight."""
    from compiler.ship.packing import Signer, pack, write_packages

    made = pack(compiled(specs, specs_dir))
    checked, failed = ({}, False) if no_preflight else preflighted(made, no_serve, python, verdicts=False)
    if failed:
        fail("nothing written: the pre-flight found errors (above)", code=FINDINGS)
    signer = Signer(key, when, category) if key else None
    written = write_packages(made, dist or run().where.dist, signer, checked or None)
    for w in written:
        note = f", pre-flight clean, PR text in {w.note}" if w.note else ""
        say(f"{w.path}: {w.identity}{f' (signed, {category})' if key else ''}{note}")


@cli.command()
@options.specs_options(out=False)
@options.preflight_options
def preflight(specs: tuple[Path, ...], specs_dir: Path | None, python: Path | None, no_serve: bool) -> int:
    """Check each spec's package against the Marketplace's rules and start it as the serverless runtime."""
    from compiler.ship.packing import pack

    return FINDINGS if preflighted(pack(compiled(specs, specs_dir)), no_serve, python, verdicts=True)[1] else OK


@cli.command()
@click.argument("name", type=PathType)
def keygen(name: Path) -> None:
    """Write NAME.private.pem and NAME.public.pem (RSA-4096, PKCS#1)."""
    from compiler.ship.signing import write_keys

    private, public = write_keys(name)
    say(f"{private}: written (keep it secret); {public}: give it to the Dify admins who trust you")


@cli.command()
@click.argument("package", type=PathType)
@click.option("--key", type=PathType, required=True, help="Private key (PKCS#1 PEM).")
@options.signing_options
def sign(package: Path, key: Path, when: int | None, category: str) -> None:
    """Sign a .difypkg: writes X.signed.difypkg beside it."""
    from compiler.ship.signing import sign_file

    say(f"{sign_file(package, key, when, category)}: signed ({category})")


@cli.command()
@click.argument("package", type=PathType)
@click.option("--key", "keys", type=PathType, multiple=True, required=True, help="Public key(s) to trust.")
def verify(package: Path, keys: tuple[Path, ...]) -> None:
    """Check a .difypkg's signature as the daemon does; exit 1 if it is not verified."""
    from compiler.ship.signing import SigningError, verify_file

    try:
        say(f"{package}: verified ({verify_file(package, list(keys))})")
    except SigningError as exc:
        fail(f"not verified: {exc}", str(package), FINDINGS)


@cli.command()
@options.spec_argument
@options.PYTHON
def debug(spec: Path, python: Path | None) -> int:
    """Run a spec's Dify plugin against a Dify instance (REMOTE_INSTALL_* from the environment or the root's .env)."""
    from compiler.ship import debug as debugging

    remote = debugging.remote(Path.cwd())
    item = compiled((spec,), None)[0]
    executable = debugging.prepare(subtree(item.files, "dify"), remote, python, tell)
    with debugging.workspace(subtree(item.files, "dify"), item.provider.name) as folder:
        where = f"from {folder} against {remote.address} (settings from {remote.source})"
        say(f"{spec}: debugging {item.provider.name} {where}; Ctrl-C stops")
        sys.stdout.flush()
        return debugging.run(folder, executable, remote, click.echo, run().verbose)


@cli.command("export-maibot")
@options.spec_argument
@click.argument("folder", type=PathType, metavar="DIR")
def export_maibot(spec: Path, folder: Path) -> None:
    """Write a spec's MaiBot plugin as a repository of its own in DIR, ready to push and tag."""
    from compiler.ship.export import export

    item = compiled((spec,), None)[0]
    made = export(subtree(item.files, "maibot"), folder)
    say(f"{folder}: {len(made.written)} written, {made.unchanged} unchanged, {len(made.deleted)} deleted")
    for path in made.others:
        say(f"{folder / path}: left alone (not part of the plugin; delete it if it is stale)")
    tag = f"git tag {item.provider.version} && git push origin {item.provider.version}"
    say(f"next: commit and push {folder} to {item.provider.maibot.repository}, then tag the release: {tag}")


@cli.command()
@click.argument("name")
@click.option("--author", default="your-name", show_default=True)
@click.option("--specs-dir", type=PathType, help="Where to write it (default: specs/).")
def new(name: str, author: str, specs_dir: Path | None) -> None:
    """Scaffold specs/NAME.yaml (and an icon) with commented examples."""
    made = scaffold(name, author, specs_dir or run().where.specs, run().where.specs, Path.cwd())
    if made.schema:
        say(f"{made.schema}: written (the JSON Schema the spec's first line names, for editors)")
    say(f"{made.spec}: written (and {made.icon}); edit it, then `{made.build}`")


cli.add_command(import_command)  # the front ends (compiler/sources/commands.py)
cli.add_command(sync_command)


def main(argv: list[str] | None = None) -> int:
    """The console script and `python -m compiler` (tests call it with arguments): the exit code."""
    state = Run()
    try:
        return cli.main(args=argv, prog_name=TOOL, standalone_mode=False, obj=state) or OK
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        return 130
    except Exception as exc:  # an internal error: say so plainly, traceback only when asked
        if state.verbose:
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc} (run with -v for the traceback)", err=True)
        return ERROR
