"""The `import` and `sync` commands (click), registered on the command group by compiler/cli.py, whose
reporting helpers they use. The work is done by the readers, from_catalogue and sync; this module picks
the source, writes files and chooses the exit code."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import click

from compiler import options
from compiler.build import Compiled, compile_spec
from compiler.errors import CompileError, Diagnostic, UserError, error_count
from compiler.lower.identity import NAME_RE
from compiler.options import PathType
from compiler.sources import modelsdev, openrouter
from compiler.sources.catalogue import Catalogue
from compiler.sources.emit import emit_spec
from compiler.sources.fetch import fetch
from compiler.sources.imported import Imported
from compiler.write import write_file

SOURCES = {"models.dev": modelsdev.DEFAULT_URL, "openrouter": openrouter.DEFAULT_URL}
CATALOG = click.option(
    "--catalog", metavar="FILE|URL", help="The catalogue to read (a file, .json or .json.gz, or an https URL); "
    "default: the source's own URL (models.dev: https://models.dev/api.json, openrouter: /api/v1/models).",
)  # fmt: skip


def cli():  # type: ignore[no-untyped-def]
    """compiler/cli.py, whose group registers these commands (imported when a command runs)."""
    from compiler import cli as module

    return module


def read_catalogue(source: str, follow: str, catalog: str | None) -> Catalogue:
    """The entries `follow` names (a models.dev provider id, an OpenRouter vendor or `all`) from `catalog`."""
    where = catalog or SOURCES[source]
    raw = fetch(where)
    if source == "models.dev":
        return modelsdev.catalogue(modelsdev.load(raw, where), follow, where)
    return openrouter.catalogue(openrouter.load(raw, where), follow, where)


def detect(raw: bytes) -> str:
    """Which source a catalogue's bytes are: OpenRouter's answer is an object with a `data` list."""
    return "openrouter" if raw.lstrip()[:1] == b"{" and b'"data"' in raw[:200] else "models.dev"


@click.command("import", cls=options.Command)
@click.argument("source", metavar="SOURCE")
@click.option("--out", type=PathType, help="The spec to write (default: specs/<name>.yaml); its stem is the name.")
@CATALOG
@click.option("--force", is_flag=True, help="Overwrite the spec and its icons if they exist.")
def import_command(source: str, out: Path | None, catalog: str | None, force: bool) -> int:
    """Write a spec from a Dify plugin (a folder or .difypkg), models.dev:PROVIDER or openrouter:[VENDOR]."""
    imported, name = imported_from(source, out, catalog)
    target = out or cli().run().where.specs / f"{name}.yaml"
    if not NAME_RE.match(target.stem):
        raise UserError(f"{target}: a spec's file name is its provider name: lowercase letters, digits, _ and -")
    imported.data["name"] = target.stem
    files = {target: emit_spec(imported.data, imported.header()).encode("utf-8")}
    files |= {beside(target, relative): data for relative, data in imported.files.items()}
    taken = [str(path) for path in files if path.exists()]
    if taken and not force:
        raise UserError(f"{taken[0]}: exists; nothing written (--force overwrites)")
    diagnostics = trial_build(target, files)
    for path, data in files.items():
        write_file(path, data)
    models = len(imported.data.get("models") or [])
    verdict = "builds" if not error_count(diagnostics) else "does not build yet (errors above)"
    cli().show(diagnostics)
    todo = f", {len(imported.findings)} TODO(s) at its top" if imported.findings else ""
    cli().say(f"{target}: written, {models} model(s){todo}; {verdict}")
    return cli().FINDINGS if error_count(diagnostics) else cli().OK


def beside(target: Path, relative: str) -> Path:
    """A file the importer puts beside the spec; one that would land outside the spec's folder is an error."""
    path = target.parent / relative
    if Path(relative).is_absolute() or not path.resolve().is_relative_to(target.parent.resolve()):
        raise UserError(f"{relative}: a file beside the spec must stay inside {target.parent}/")
    return path


def imported_from(source: str, out: Path | None, catalog: str | None) -> tuple[Imported, str]:
    """The importer SOURCE names, run, and the spec name (from --out, else the source's)."""
    from compiler.sources.from_catalogue import import_catalogue, spec_name

    kind, _, rest = source.partition(":")
    if kind in SOURCES and (rest or kind == "openrouter"):
        follow = rest or "all"
        default = spec_name(rest) if kind == "models.dev" else spec_name(f"openrouter-{rest}" if rest else kind)
        name = out.stem if out else default
        cat = read_catalogue(kind, follow, catalog)
        return import_catalogue(cat, name, {kind: follow}, f"import {source}"), name
    if not Path(source).exists():
        raise UserError(
            f"{source}: no such file or folder (a SOURCE is a Dify plugin folder or .difypkg, "
            "models.dev:PROVIDER, or openrouter:[VENDOR])"
        )
    from compiler.sources.dify_plugin import import_plugin

    imported = import_plugin(Path(source))
    return imported, out.stem if out else str(imported.data.get("name", Path(source).stem))


def trial_build(target: Path, files: dict[Path, bytes]) -> list[Diagnostic]:
    """The written spec compiled from a temporary copy first, its diagnostics shown at the real path."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / target.name
        for path, data in files.items():
            where = copy if path == target else Path(folder) / path.relative_to(target.parent)
            where.parent.mkdir(parents=True, exist_ok=True)
            where.write_bytes(data)
        try:
            provider, _ = compile_spec(copy)
            found = list(provider.warnings)
        except CompileError as exc:
            found = exc.diagnostics
    return [replace(d, file=str(target)) if d.file == str(copy) else d for d in found]


@click.command("sync", cls=options.Command)
@options.spec_argument
@click.option("--from", "source", type=click.Choice(sorted(SOURCES)), required=True, help="The catalogue to follow.")
@CATALOG
@click.option("--check", is_flag=True, help="Change nothing; exit 1 when the spec lags behind the catalogue.")
@click.option("--report", type=PathType, help="Also write the report as Markdown (a pull request's body).")
@options.FORMAT
def sync_command(spec: Path, source: str, catalog: str | None, check: bool, report: Path | None) -> int:
    """Bring a spec's prices, limits, features and models up to its catalogue entry (spec field `sync`)."""
    try:
        return sync_run(spec, source, catalog, check, report)
    except CompileError as exc:  # the spec, or the spec as synced, does not compile: nothing written
        cli().show(exc.diagnostics)
        raise click.exceptions.Exit(cli().ERROR) from None


def sync_run(spec: Path, source: str, catalog: str | None, check: bool, report: Path | None) -> int:
    from compiler.sources.checks import catalogue_warnings
    from compiler.sources.sync_report import markdown, report_lines, summary
    from compiler.sources.sync import sync_spec

    cat = read_catalogue(source, followed(spec, source), catalog)
    synced = sync_spec(spec, cat)
    run = cli().run()
    run.document = {
        "spec": str(spec),
        "source": cat.source,
        "lags": synced.lags,
        "changes": [vars(c) for c in synced.changes],
    }
    if not run.json:
        click.echo("".join(f"{line}\n" for line in report_lines(synced.changes)), nl=False)
    if report:
        write_file(report, markdown(spec, cat.source, synced.changes).encode("utf-8"))
    if check:
        loaded, provider = lowered(spec)
        cli().show(catalogue_warnings(loaded, provider, cat))
        cli().say(f"{spec}: {summary(synced.changes)}", err=True)
        return cli().FINDINGS if synced.lags else cli().OK
    if synced.text != spec.read_text(encoding="utf-8"):
        lowered(spec, synced.text.encode("utf-8"))  # a CompileError (shown, exit 2) before anything is written
        settled(spec, cat, synced.text)
        write_file(spec, synced.text.encode("utf-8"))
    cli().say(f"{spec}: {summary(synced.changes)}", err=True)
    return cli().OK


def settled(spec: Path, cat: Catalogue, text: str) -> None:
    """The synced text synced again must not lag: an edit that did not take (a unit sync cannot read, a value
    set where another wins) is an error, and nothing is written."""
    from compiler.sources.sync import LAGS, sync_spec
    from compiler.sources.sync_report import line

    left = [c for c in sync_spec(spec, cat, text).changes if c.action in LAGS]
    if left:
        raise UserError(f"{spec}: nothing written: sync's edit does not take ({line(left[0])}); edit the spec by hand")


def followed(spec: Path, source: str) -> str:
    """The catalogue entry the spec follows: its `sync` field's value for `source`."""
    loaded, _ = lowered(spec)
    value = (loaded.data.get("sync") or {}).get(source)
    if not value:
        line, _ = loaded.locate(("sync",))
        raise UserError(
            f"{spec}:{line}: sync.{source}: missing; say which entry the spec follows, "
            f"e.g. `sync: {{{source}: <{'provider id' if source == 'models.dev' else 'vendor or all'}>}}`"
        )
    return str(value)


def lowered(spec: Path, text: bytes | None = None):  # type: ignore[no-untyped-def]
    """The spec (or `text` as that spec) loaded and lowered; a CompileError if it does not compile."""
    from compiler.load import load_spec
    from compiler.lower import lower

    loaded = load_spec(spec, text)
    return loaded, lower(loaded)


def checked(made: list[Compiled], catalog: str | None) -> list[Compiled]:
    """`build --catalog`: the compiled specs, once their numbers are checked against the catalogue (warnings shown)."""
    if catalog and error_count(cli().show(catalog_warnings(made, catalog))):  # --strict: nothing written
        raise click.exceptions.Exit(cli().ERROR)
    return made


def catalog_warnings(made: list[Compiled], catalog: str) -> list[Diagnostic]:
    """`build --catalog`: each spec that follows an entry of this catalogue checked against it."""
    from compiler.load import load_spec
    from compiler.sources.checks import catalogue_warnings

    raw = fetch(catalog)
    source = detect(raw)
    found: list[Diagnostic] = []
    for item in made:
        loaded = load_spec(item.spec)
        follow = (loaded.data.get("sync") or {}).get(source)
        if follow:
            data = modelsdev.load(raw, catalog) if source == "models.dev" else openrouter.load(raw, catalog)
            reader = modelsdev.catalogue if source == "models.dev" else openrouter.catalogue
            found += catalogue_warnings(loaded, item.provider, reader(data, str(follow), catalog))  # type: ignore
    return found
