"""From compiled specs to packages in dist/: each Dify tree packed in memory, pre-flighted, signed when a
key is given, and written with its submission note only when every spec got that far."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from compiler.build import Compiled, subtree
from compiler.errors import Diagnostic
from compiler.model import Provider
from compiler.ship import ShipError
from compiler.ship.notes import submission_note
from compiler.ship.package import Package, PackageError, identity_of, package, signed_name
from compiler.ship.preflight import Findings, check
from compiler.ship.runner import SERVE_SECONDS, cache_home, runner_python, serve
from compiler.write import write_file, write_tree


class PackError(ShipError):
    """A spec's Dify tree is not a package the daemon takes; `problems` says every reason."""

    def __init__(self, spec: str, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} package problem(s)")
        self.file, self.problems = spec, problems

    def diagnostics(self) -> list[Diagnostic]:
        return [Diagnostic("error", self.file, f"package: {problem}") for problem in self.problems]


@dataclass(frozen=True)
class Serving:
    """How the pre-flight starts plugins: not at all, with a given interpreter, or with a cached venv."""

    skip: bool = False
    python: Path | None = None


@dataclass(frozen=True)
class Signer:
    """The private key packages are signed with, the signing time (None: SOURCE_DATE_EPOCH or now) and the category claimed."""

    key: Path
    when: int | None = None
    category: str = "community"


@dataclass(frozen=True)
class Packed:
    provider: Provider
    package: Package


@dataclass(frozen=True)
class Written:
    """A package written to dist/: where, the identity the daemon stores it under, and its note (if pre-flighted)."""

    path: Path
    identity: str
    note: Path | None


def pack(compiled: list[Compiled]) -> list[Packed]:
    """Every spec's Dify folder packed in memory; PackError for the first the daemon would refuse."""
    made = []
    for item in compiled:
        with tempfile.TemporaryDirectory() as folder:
            write_tree(Path(folder), subtree(item.files, "dify"))
            try:
                made.append(Packed(item.provider, package(Path(folder))))
            except PackageError as exc:
                raise PackError(item.provider.spec_file, exc.problems) from None
    return made


def preflight(made: Packed, serving: Serving, progress: Callable[[str], None]) -> Findings:
    """The Marketplace's rules over the package's files, then (unless skipped, or the rules already
    failed) its serverless start, which `progress` hears about before the wait."""
    files = made.package.files
    found = check(files)
    if serving.skip or found.errors:
        return found
    try:
        python = serving.python or runner_python(files, cache_home() / "runners", progress)
        progress(
            f"starting {made.provider.name} as the Marketplace's check does, serverless (up to {SERVE_SECONDS} s)…"
        )
        found.served = serve(files, python)
    except (OSError, RuntimeError) as exc:
        found.errors.append(f"serverless start: {exc}")
    return found


def sign_all(made: list[Packed], signer: Signer) -> list[bytes]:
    """Every package signed; SigningError (an unreadable key too) before anything is written."""
    from compiler.ship.signing import SigningError, sign, signing_time  # cryptography only when signing

    try:
        private = signer.key.read_bytes()
    except OSError as exc:
        raise SigningError(f"{signer.key}: {exc.strerror}") from None
    moment = signing_time(signer.when)
    return [sign(item.package.data, private, moment, signer.category) for item in made]


def write_packages(
    made: list[Packed], dist: Path, signer: Signer | None, checked: dict[str, Findings] | None
) -> list[Written]:
    """Each package in `dist` (X.signed.difypkg when signed), and beside it, when pre-flighted (`checked`,
    by provider name), the submission note for the package as written."""
    datas = sign_all(made, signer) if signer else [item.package.data for item in made]
    written = []
    for item, data in zip(made, datas):
        written.append(write_package(item, dist, data, signer is not None, checked))
    return written


def write_package(item: Packed, dist: Path, data: bytes, signed: bool, checked: dict[str, Findings] | None) -> Written:
    """One package (and its note); the identity is the written bytes' (a category claim adds a file)."""
    filename = item.package.filename
    path = dist / (signed_name(filename) if signed else filename)
    identity = f"{item.package.name_version}@{identity_of(data) if signed else item.package.checksum}"
    write_file(path, data)
    if checked is None:
        return Written(path, identity, None)
    note = dist / filename.replace(".difypkg", ".submission.md")
    text = submission_note(item.provider, filename, f"{path}: {identity}", checked[item.provider.name])
    write_file(note, text.encode("utf-8"))
    return Written(path, identity, note)
