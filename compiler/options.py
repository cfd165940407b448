"""The command line's parameters (click): the options every subcommand takes before or after its name,
--format, SPEC arguments that complete to the specs folder's files, the options several commands share,
and the Run they fill in. Declarations only: compiler/cli.py runs the commands and prints."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

from compiler.errors import Diagnostic
from compiler.project import ConfigError, Folders, folders

PathType = click.Path(path_type=Path)
HELP = {"help_option_names": ["-h", "--help"]}  # -h as well, as before click


@dataclass
class Run:
    """What the options every subcommand takes ask for, and what the run collects for its report."""

    verbose: bool = False
    quiet: bool = False
    strict: bool = False
    json: str = ""  # the command whose --format json document is due, if one is
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: dict[str, Any] = field(default_factory=dict)  # the command's own part of its JSON document
    read: Folders | None = None  # the project's folders, once read

    @property
    def where(self) -> Folders:
        """The project's folders ([tool.provider-compiler] in the nearest pyproject.toml), read when first needed."""
        if self.read is None:
            self.read = folders(Path.cwd())
        return self.read


def flag(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """-v, -q and --strict: given anywhere (before the subcommand or after it), they hold for the run."""
    if value:
        setattr(ctx.ensure_object(Run), str(param.name), True)


def json_format(ctx: click.Context, _: click.Parameter, value: str) -> None:
    if value == "json":
        ctx.ensure_object(Run).json = str(ctx.info_name)


def common() -> list[click.Option]:
    """-v, -q and --strict, as every subcommand (and the group before it) takes them."""
    return [
        click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, callback=flag, help="Show tracebacks."),
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=flag, help="Show only errors."),
        click.Option(["--strict"], is_flag=True, expose_value=False, callback=flag, help="Treat warnings as errors."),
    ]


class Command(click.Command):
    """A subcommand: it takes the options every subcommand takes, after its own."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params += common()


FORMAT = click.option(
    "--format", type=click.Choice(["text", "json"]), default="text", expose_value=False, callback=json_format,
    help="json: one JSON document on stdout (diagnostics and results) for bots and CI.",
)  # fmt: skip
OUT = click.option("--out", type=PathType, help="Output root (default: generated/).")


def interpreter(_: click.Context, __: click.Parameter, given: Path | None) -> Path | None:
    """--python as a path that works from any folder: a bare name is looked up on PATH."""
    if given is None or len(given.parts) > 1:
        return given.absolute() if given else None
    found = shutil.which(str(given))
    return Path(found) if found else given


PYTHON = click.option(
    "--python",
    type=PathType,
    callback=interpreter,
    help="An interpreter with the plugin's requirements (default: a venv made once).",
)


def specs_options(out: bool = True, json: bool = True) -> Any:
    """SPEC... (none: every spec in the specs folder) and --specs-dir, with --out and --format if asked."""

    def add(command: Any) -> Any:
        for option in ([FORMAT] if json else []) + ([OUT] if out else []):
            command = option(command)
        command = click.option("--specs-dir", type=PathType, help="Specs folder (default: specs/).")(command)
        spec = click.argument("specs", nargs=-1, type=PathType, metavar="[SPEC]...", shell_complete=complete_specs)
        return spec(command)

    return add


def complete_specs(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """SPEC completes to the specs folder's YAML files; anything else, to the shell's paths."""
    try:
        folder = ctx.params.get("specs_dir") or folders(Path.cwd()).specs
    except ConfigError:
        folder = Folders().specs
    found = [p.as_posix() for p in sorted(Path(folder).glob("*.yaml"))]
    matches = [spec for spec in found if spec.startswith(incomplete) or Path(spec).name.startswith(incomplete)]
    return [CompletionItem(spec) for spec in matches] or [CompletionItem(incomplete, type="file")]


def spec_argument(command: Any) -> Any:
    return click.argument("spec", type=PathType, metavar="SPEC", shell_complete=complete_specs)(command)


def preflight_options(command: Any) -> Any:
    serve = click.option("--no-serve", is_flag=True, help="Skip starting the plugin (the serverless check).")
    return PYTHON(serve(command))


def signing_options(command: Any) -> Any:
    when = click.option("--time", "when", type=int, help="Signing time, Unix s (default: SOURCE_DATE_EPOCH, else now).")
    category = click.option("--category", type=click.Choice(["community", "partner"]), default="community")
    return when(category(command))
