"""Command line: the only module that prints or chooses an exit code (0 ok, 1 drift, 2 error)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.build import compile_spec, subtree
from compiler.drift import FileDrift, describe, stray_providers, tree_drift
from compiler.errors import CompileError
from compiler.lower import NAME_RE
from compiler.model import Provider
from compiler.render import render
from compiler.schema import SCHEMA_FILE, schema_text
from compiler.summary import manifest_version, summarize
from compiler.write import existing_files, read_tree, write_file, write_tree

if TYPE_CHECKING:  # imported where used: build and check never load the packaging modules
    from compiler.ship.package import Package
    from compiler.ship.preflight import Findings

SPECS = Path("specs")
OUT = Path("generated")
DIST = Path("dist")
PROG = "provider-compiler"
DESCRIPTION = "Compile one YAML spec per LLM provider into Dify and MaiBot plugins."


@dataclasses.dataclass(frozen=True)
class Folders:
    """Where specs are read from, plugins written to and packages put: `[tool.provider-compiler]` in
    the nearest pyproject.toml (keys `specs`, `out`, `dist`, relative to that file), else specs/,
    generated/ and dist/ in the current directory; flags override."""

    specs: Path = SPECS
    out: Path = OUT
    dist: Path = DIST
    source: Path | None = None  # the pyproject.toml they came from


def folders(start: Path) -> Folders:
    """The nearest pyproject.toml upward from `start` with a [tool.provider-compiler] table, not
    looking above the git root (the folder holding .git)."""
    for folder in (start.resolve(), *start.resolve().parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            import tomllib  # only where a pyproject.toml is found

            try:
                table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get(PROG)
            except tomllib.TOMLDecodeError as exc:
                raise SystemExit(f"{pyproject}: error: not valid TOML: {exc}") from None
            if table is not None:
                return read_folders(pyproject, table, start)
        if (folder / ".git").exists():
            break
    return Folders()


def read_folders(pyproject: Path, table: object, start: Path) -> Folders:
    where = f"{pyproject}: [tool.{PROG}]"
    if not isinstance(table, dict):
        raise SystemExit(f"{where}: error: must be a table")
    unknown = sorted(set(table) - {"specs", "out", "dist"})
    if unknown:
        raise SystemExit(f"{where}: error: unknown key {unknown[0]!r} (known: specs, out, dist)")
    paths = {}
    for key, value in table.items():
        if not isinstance(value, str) or not value:
            raise SystemExit(f"{where}: error: {key} must be a folder path (a string)")
        paths[key] = Path(os.path.relpath(pyproject.parent / value, start))
    return Folders(**paths, source=pyproject)


def tool_version() -> str:
    try:
        return version(PROG)
    except PackageNotFoundError:  # a source checkout run without installing
        return "unknown (not installed)"


def add_spec_arguments(command: argparse.ArgumentParser, where: Folders) -> None:
    command.add_argument("specs", nargs="*", type=Path, metavar="SPEC")
    command.add_argument("--specs-dir", type=Path, default=where.specs, help=f"specs folder (default: {where.specs}/)")


def parser(where: Folders = Folders()) -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    cli.add_argument("--version", action="version", version=f"%(prog)s {tool_version()}")
    cli.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")
    cli.add_argument("--strict", action="store_true", help="treat warnings as errors")
    commands = cli.add_subparsers(dest="command", required=True)
    for name, text in (
        ("build", "compile specs into plugin trees (default: every spec in specs/)"),
        ("check", "regenerate in memory and compare with the output tree; exit 1 on any difference"),
        ("diff", "summarise what the specs change at model level against the output tree"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        add_spec_arguments(command, where)
        command.add_argument("--out", type=Path, default=where.out, help=f"output root (default: {where.out}/)")
    schema = commands.add_parser("schema", help=f"write the spec language's JSON Schema to {where.specs}/{SCHEMA_FILE}")
    schema.add_argument("--out", type=Path, default=where.specs / SCHEMA_FILE)
    pack = commands.add_parser(
        "package",
        help=f"compile specs and pack each Dify plugin as {where.dist}/NAME-VERSION.difypkg (identities printed)",
    )
    add_spec_arguments(pack, where)
    pack.add_argument("--dist", type=Path, default=where.dist, help=f"where packages go (default: {where.dist}/)")
    pack.add_argument("--key", type=Path, help="sign each package with this private key (PKCS#1 PEM)")
    add_signing_options(pack)
    pack.add_argument(
        "--no-preflight",
        action="store_true",
        help="skip the Marketplace pre-flight (for packages that stay on your own Dify); the daemon's checks still apply",
    )
    add_preflight_options(pack)
    pre = commands.add_parser(
        "preflight",
        help="check each spec's package against the Marketplace's rules and start it as the serverless runtime",
    )
    add_spec_arguments(pre, where)
    add_preflight_options(pre)
    keygen = commands.add_parser("keygen", help="write NAME.private.pem and NAME.public.pem (RSA-4096, PKCS#1)")
    keygen.add_argument("name", type=Path)
    sign = commands.add_parser("sign", help="sign a .difypkg: writes X.signed.difypkg beside it")
    sign.add_argument("package", type=Path)
    sign.add_argument("--key", type=Path, required=True, help="private key (PKCS#1 PEM)")
    add_signing_options(sign)
    verify = commands.add_parser("verify", help="check a .difypkg's signature as the daemon does; exit 1 if bad")
    verify.add_argument("package", type=Path)
    verify.add_argument("--key", type=Path, action="append", required=True, help="public key(s) to trust")
    debug = commands.add_parser(
        "debug",
        help="build a spec's Dify plugin into a temporary folder and run it against a Dify instance "
        "(REMOTE_INSTALL_* from the environment, else the .env at the repository root)",
    )
    debug.add_argument("spec", type=Path, metavar="SPEC")
    debug.add_argument(
        "--python",
        type=Path,
        help="an interpreter with the plugin's requirements (default: this one if it has dify_plugin, else a "
        "venv made once from the plugin's requirements.txt)",
    )
    export = commands.add_parser(
        "export-maibot",
        help="write a spec's MaiBot plugin as a repository of its own in DIR (_manifest.json and plugin.py at "
        "the root, LICENSE, README, .gitignore), ready to push and tag",
    )
    export.add_argument("spec", type=Path, metavar="SPEC")
    export.add_argument("folder", type=Path, metavar="DIR")
    new = commands.add_parser("new", help="scaffold specs/NAME.yaml (and an icon) with commented examples")
    new.add_argument("name")
    new.add_argument("--author", default="your-name")
    new.add_argument("--specs-dir", type=Path, default=where.specs)
    return cli


def add_preflight_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--python",
        type=Path,
        help="an interpreter with the plugin's requirements to start it with (default: a venv made once from "
        "its requirements.txt under ~/.cache/provider-compiler)",
    )
    command.add_argument("--no-serve", action="store_true", help="skip starting the plugin (the serverless check)")


def add_signing_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--time",
        type=int,
        help="signing time, Unix seconds (default: SOURCE_DATE_EPOCH, else now); fixed, the signature is reproducible",
    )
    command.add_argument(
        "--category",
        choices=("community", "partner"),
        default="community",
        help="the verification category claimed (default: community; langgenius is never claimed)",
    )


def signing_time(given: int | None) -> int:
    if given is not None:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return int(epoch) if epoch and epoch.isdigit() else int(time.time())


@dataclasses.dataclass(frozen=True)
class Serving:
    """How the pre-flight starts plugins: not at all, with a given interpreter, or with a cached venv."""

    skip: bool = False
    python: Path | None = None


def packed(specs: list[Path]) -> list[tuple[Provider, "Package"]] | None:
    """Each spec compiled and its Dify folder packed in memory; None (problems printed) if any failed."""
    import tempfile  # only the packaging commands need these (build and check start as fast as before)

    from compiler.ship.package import PackageError, package

    compiled = compile_all(specs)
    if compiled is None:
        return None
    made = []
    for _, provider, files in compiled:
        with tempfile.TemporaryDirectory() as folder:
            write_tree(Path(folder), subtree(files, "dify"))
            try:
                made.append((provider, package(Path(folder))))
            except PackageError as exc:
                for problem in exc.problems:
                    print(f"{provider.spec_file}: error: package: {problem}", file=sys.stderr)
                return None
    return made


def run_preflight(provider: Provider, files: dict[str, bytes], serving: Serving) -> "Findings":
    """The Marketplace's rules over a package's files, then (unless skipped) its serverless start;
    findings printed, located at the spec."""
    from compiler.ship import preflight, runner

    found = preflight.check(files)
    if not serving.skip and not found.errors:
        try:
            python = serving.python or runner.runner_python(files, cache_home() / "runners")
            found.served = runner.serve(files, python)
        except (OSError, RuntimeError) as exc:
            found.errors.append(f"serverless start: {exc}")
    for level, messages in (("error", found.errors), ("warning", found.warnings)):
        for message in messages:
            print(f"{provider.spec_file}: {level}: preflight: {message}", file=sys.stderr)
    return found


def interpreter(given: Path | None) -> Path | None:
    """--python as a path that works from any folder: a bare name is looked up on PATH."""
    if given is None or len(given.parts) > 1:
        return given.absolute() if given else None
    found = shutil.which(str(given))
    return Path(found) if found else given


def cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / PROG


def preflight_specs(specs: list[Path], serving: Serving) -> int:
    made = packed(specs)
    if made is None:
        return 2
    failed = 0
    for provider, pkg in made:
        found = run_preflight(provider, pkg.files, serving)
        failed += bool(found.errors)
        served = f"; {found.served}" if found.served else ""
        verdict = f"{len(found.errors)} error(s)" if found.errors else "clean"
        print(f"{provider.spec_file}: preflight {verdict}, {len(found.warnings)} warning(s){served}")
    return 1 if failed else 0


def package_specs(
    specs: list[Path], dist: Path, key: Path | None, when: int | None, category: str, serving: Serving | None
) -> int:
    """Every spec compiled, packed and (unless `serving` is None) pre-flighted before anything is
    written; a package per Dify plugin, and beside it the submission note the Marketplace PR asks for."""
    from compiler.ship.package import identity_of

    made = packed(specs)
    if made is None:
        return 2
    notes: dict[str, bytes] = {}
    for provider, pkg in made:
        if serving is not None:
            found = run_preflight(provider, pkg.files, serving)
            if found.errors:
                print(f"{provider.spec_file}: nothing written (pre-flight errors above)", file=sys.stderr)
                return 2
            notes[pkg.filename] = submission_note(provider, pkg, found, dist).encode("utf-8")
    outputs = [(p, p.data, p.checksum) for _, p in made]
    if key is not None:
        from compiler.ship.signing import SigningError, sign  # cryptography is imported only when signing

        try:
            private, moment = key.read_bytes(), signing_time(when)
            signed = [sign(p.data, private, moment, category) for _, p in made]
        except (OSError, SigningError) as exc:
            print(f"{key}: error: {exc}", file=sys.stderr)
            return 2
        outputs = [(p, data, identity_of(data)) for (_, p), data in zip(made, signed)]  # with the claim's file
    for pkg, data, sums in outputs:
        write_file(dist / pkg.filename, data)
        note = ""
        if pkg.filename in notes:
            note_path = dist / pkg.filename.replace(".difypkg", ".submission.md")
            write_file(note_path, notes[pkg.filename])
            note = f", pre-flight clean, PR text in {note_path}"
        print(f"{dist / pkg.filename}: {pkg.name_version}@{sums}{f' (signed, {category})' if key else ''}{note}")
    return 0


def submission_note(provider: Provider, pkg: "Package", found: "Findings", dist: Path) -> str:
    counts: dict[str, int] = {}
    for model in provider.models:
        counts[model.type] = counts.get(model.type, 0) + 1
    offered = ", ".join(f"{n} {kind}" for kind, n in counts.items()) + " model(s)"
    if provider.customizable:
        offered += f", and models users add by id ({', '.join(provider.customizable.types)})"
    files = any(set(m.features) & {"vision", "document", "video", "audio"} for m in provider.models)
    risks = [
        f"sends users' prompts{' and uploaded files' if files else ''} to the {provider.label['en_US']} API, an external service"
    ]
    if provider.api.base_url_variable:
        risks.append("lets the admin set the base URL: a user-controlled network destination (see below)")
    context = {
        "p": provider,
        "filename": pkg.filename,
        "counts": offered,
        "risks": risks,
        "identity": f"{dist / pkg.filename}: {pkg.identity}",
        "found": found,
        "tool_version": tool_version(),
    }
    return render("marketplace/submission.md.jinja", context)


REMOTE_KEYS = ("REMOTE_INSTALL_URL", "REMOTE_INSTALL_HOST", "REMOTE_INSTALL_PORT", "REMOTE_INSTALL_KEY")


def project_root(start: Path) -> Path:
    """The git root above `start` (the folder holding .git), else `start`."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / ".git").exists():
            return folder
    return start.resolve()


def remote_settings(start: Path) -> tuple[dict[str, str], str]:
    """REMOTE_INSTALL_* from the environment, else from the .env at the repository root; and where
    they came from. Values are never printed."""
    from dotenv import dotenv_values  # only `debug` reads .env files

    env_file = project_root(start) / ".env"
    from_file = (
        {k: v for k, v in dotenv_values(env_file).items() if k in REMOTE_KEYS and v} if env_file.is_file() else {}
    )
    from_env = {k: os.environ[k] for k in REMOTE_KEYS if os.environ.get(k)}
    settings = from_file | from_env
    source = " and ".join(name for name, used in (("the environment", from_env), (str(env_file), from_file)) if used)
    return settings, source or "nowhere"


def debug_spec(spec: Path, python: Path | None) -> int:
    """Run the spec's Dify plugin as a remote-debugging plugin (INSTALL_METHOD=remote) from a temporary
    build, so that generated/ never holds a .env and never changes while debugging."""
    import importlib.util
    import tempfile

    settings, source = remote_settings(Path.cwd())
    if "REMOTE_INSTALL_KEY" not in settings:
        print(
            f"error: REMOTE_INSTALL_KEY is not set (looked in the environment and {project_root(Path.cwd()) / '.env'}); "
            "put REMOTE_INSTALL_URL=host:port and REMOTE_INSTALL_KEY there, as Dify's Plugins > Debug shows them",
            file=sys.stderr,
        )
        return 2
    compiled = compile_all([spec])
    if compiled is None:
        return 2
    _, provider, files = compiled[0]
    plugin = subtree(files, "dify")
    if python is None and importlib.util.find_spec("dify_plugin") is not None:
        python = Path(sys.executable)
    if python is None:
        from compiler.ship.runner import runner_python

        try:
            python = runner_python(plugin, cache_home() / "runners")
        except (OSError, RuntimeError) as exc:
            print(f"error: {exc}; pass --python an interpreter that has the plugin's requirements", file=sys.stderr)
            return 2
    where = settings.get("REMOTE_INSTALL_URL") or (
        f"{settings.get('REMOTE_INSTALL_HOST', 'localhost')}:{settings.get('REMOTE_INSTALL_PORT', '5003')}"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REMOTE_INSTALL", "INSTALL_METHOD"))}
    env |= settings | {"INSTALL_METHOD": "remote"}
    with tempfile.TemporaryDirectory(prefix=f"{provider.name}-debug-") as folder:
        write_tree(Path(folder), plugin)
        print(f"{spec}: debugging {provider.name} from {folder} against {where} (settings from {source}); Ctrl-C stops")
        sys.stdout.flush()
        child = subprocess.Popen([str(python), "-m", "main"], cwd=folder, env=env)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the plugin is stopped too
        try:
            return child.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            if child.poll() is None:
                child.terminate()
                child.wait(10)


# Folders of an exported MaiBot repository that only the export writes: stale files there are removed.
EXPORT_OWNS = ("runtime/",)


def export_maibot(spec: Path, folder: Path) -> int:
    """The MaiBot plugin at the root of `folder` (a clone of the plugin's repository, or a new folder).
    Files the export does not write are left alone and listed, except stale ones in folders it owns."""
    compiled = compile_all([spec])
    if compiled is None:
        return 2
    _, provider, files = compiled[0]
    plugin = subtree(files, "maibot")
    if folder.exists() and not folder.is_dir():
        print(f"error: {folder} is not a folder; nothing written", file=sys.stderr)
        return 2
    present = {path for path in existing_files(folder) if not path.startswith(".git/")}
    stale = sorted(path for path in present - set(plugin) if path.startswith(EXPORT_OWNS))
    written = [path for path, data in plugin.items() if write_file(folder / path, data)]
    for path in stale:
        (folder / path).unlink()
    others = sorted(present - set(plugin) - set(stale))
    print(f"{folder}: {len(written)} written, {len(plugin) - len(written)} unchanged, {len(stale)} deleted")
    for path in others:
        print(f"{folder / path}: left alone (not part of the plugin; delete it if it is stale)")
    version, repository = provider.version, provider.maibot.repository
    print(
        f"next: commit and push {folder} to {repository}, then tag the release: "
        f"git tag {version} && git push origin {version}"
    )
    return 0


def keygen(name: Path) -> int:
    from compiler.ship.signing import generate_keys

    private_path, public_path = Path(f"{name}.private.pem"), Path(f"{name}.public.pem")
    for path in (private_path, public_path):
        if path.exists():
            print(f"error: {path} already exists; nothing written", file=sys.stderr)
            return 2
    private, public = generate_keys()
    write_file(private_path, private)
    os.chmod(private_path, 0o600)
    write_file(public_path, public)
    print(f"{private_path}: written (keep it secret); {public_path}: give it to the Dify admins who trust you")
    return 0


def sign_file(path: Path, key: Path, when: int | None, category: str) -> int:
    from compiler.ship.signing import SigningError, sign

    target = path.with_name(path.name.removesuffix(".difypkg") + ".signed.difypkg")
    try:
        data = sign(path.read_bytes(), key.read_bytes(), signing_time(when), category)
    except (OSError, SigningError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_file(target, data)
    print(f"{target}: signed ({category})")
    return 0


def verify_file(path: Path, keys: list[Path]) -> int:
    from compiler.ship.signing import SigningError, verify

    try:
        claim = verify(path.read_bytes(), [key.read_bytes() for key in keys])
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SigningError as exc:
        print(f"{path}: not verified: {exc}", file=sys.stderr)
        return 1
    print(f"{path}: verified ({claim})")
    return 0


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


def check(specs: list[Path], out: Path, everything: bool, strict: bool = False, specs_dir: Path = SPECS) -> int:
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
        schema_file = specs_dir / SCHEMA_FILE
        # Kept beside the specs for editors (`schema` writes it); checked where a project keeps one.
        if schema_file.is_file() and schema_file.read_text(encoding="utf-8") != schema_text():
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
        "(or `provider-compiler build`) and commit the result",
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


def new(name: str, author: str, specs_dir: Path, schema_home: Path = SPECS) -> int:
    spec, icon = specs_dir / f"{name}.yaml", specs_dir / "icons" / f"{name}.svg"
    if not NAME_RE.match(name):
        print(f"error: name must match {NAME_RE.pattern}, got {name!r}", file=sys.stderr)
        return 2
    for path in (spec, icon):
        if path.exists():
            print(f"error: {path} already exists; nothing written", file=sys.stderr)
            return 2
    label = " ".join(part.capitalize() for part in name.replace("_", "-").split("-") if part)
    schema = Path(os.path.relpath(schema_home / SCHEMA_FILE, specs_dir)).as_posix()  # where `schema` writes it
    context = {"name": name, "label": label or name, "author": author, "spec": spec.as_posix(), "schema": schema}
    text = render("spec/new.yaml.jinja", context)
    write_file(icon, render("spec/icon.svg.jinja", {"initial": (label or name)[:1].upper()}).encode("utf-8"))
    write_file(spec, text.encode("utf-8"))
    print(f"{spec}: written (and {icon}); edit it, then `make build SPEC={spec}`")
    return 0


def main(argv: list[str] | None = None) -> int:
    where = folders(Path.cwd())
    args = parser(where).parse_args(argv)
    try:
        if args.command in ("build", "check", "diff", "package", "preflight"):
            specs = args.specs or sorted(args.specs_dir.glob("*.yaml"))
            if not specs:
                print(f"error: no specs given and none in {args.specs_dir}/", file=sys.stderr)
                return 2
            serving = (
                Serving(args.no_serve, interpreter(args.python)) if args.command in ("package", "preflight") else None
            )
            if args.command == "package":
                serving = None if args.no_preflight else serving
                return package_specs(specs, args.dist, args.key, args.time, args.category, serving)
            if args.command == "preflight":
                return preflight_specs(specs, serving)
            if args.command == "build":
                return build(specs, args.out, args.strict)
            if args.command == "check":
                return check(specs, args.out, not args.specs, args.strict, args.specs_dir)
            return diff(specs, args.out, args.strict)
        if args.command == "schema":
            return schema(args.out)
        if args.command == "keygen":
            return keygen(args.name)
        if args.command == "sign":
            return sign_file(args.package, args.key, args.time, args.category)
        if args.command == "verify":
            return verify_file(args.package, args.key)
        if args.command == "debug":
            return debug_spec(args.spec, interpreter(args.python))
        if args.command == "export-maibot":
            return export_maibot(args.spec, args.folder)
        return new(args.name, args.author, args.specs_dir, where.specs)
    except Exception as exc:  # an internal error: say so plainly, traceback only when asked
        if args.verbose:
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (run with -v for the traceback)", file=sys.stderr)
        return 2
