"""A generated Dify plugin folder as a `.difypkg` the daemon takes as it takes the Go CLI's
(`dify plugin package`; facts and source lines in ../shared/reference/packaging.md §1):

- the same files: the root `.difyignore`, else `.gitignore`, read as the daemon reads it (each line a
  go-git pattern; a path is left out when any pattern excludes it, and `!negations` never bring one
  back); files only, no directory entries; symlinks are refused (the CLI ships a linked file's target
  and fails on a linked folder);
- the same checks before writing: the manifest's version, type, author, name, label and description
  (en_US required, every locale under 1,024 characters), icons in `_assets/`, tags, arch and runner,
  the provider YAML's icons, and the 50 MiB limit on the files' sum;
- the same identity, `author/name:version@checksum`, the checksum computed as the daemon computes it
  from paths and bytes.

The bytes are reproducible: sorted POSIX paths, entries stored (not deflated, so no zlib build can
change them), DOS time 0 as Go writes it, no extra fields, no comment (signing adds one)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from pathspec.patterns.gitignore.basic import GitIgnoreBasicPattern
from ruamel.yaml import YAML, YAMLError

MAX_SIZE = 50 * 1024 * 1024  # the CLI's --max-size default, and the daemon's MAX_PLUGIN_PACKAGE_SIZE
VERSION_RE = re.compile(r"^\d{1,4}(\.\d{1,4}){2}(-\w{1,16})?$")
AUTHOR_RE = re.compile(r"^[a-z0-9_-]{1,64}$")
NAME_RE = re.compile(r"^[a-z0-9_-]{1,128}$")
IDENTITY_RE = re.compile(
    r"^(?:([a-z0-9_-]{1,64})\/)?([a-z0-9_-]{1,255}):([0-9]{1,4})(\.[0-9]{1,4}){1,3}(-\w{1,16})?@[a-f0-9]{32,64}$"
)
TAGS = frozenset(
    "search image videos weather finance design travel social news medical productivity education business "
    "entertainment utilities agent rag other trigger".split()
)
ARCHES = frozenset(("amd64", "arm64"))
TEXT_LIMIT = 1024  # label and description: every locale under this many characters
ZIP_TIME = (1980, 0, 0, 0, 0, 0)  # DOS date and time 0, as Go's zip writer leaves them
# What the Marketplace toolkit refuses in a package (checks/contents.py): secrets, caches, VCS and IDE
# folders, keys and logs. A package never carries them, whatever the ignore file says.
BLOCKED_DIRS = frozenset(
    ".git .venv venv env __pycache__ .pytest_cache .ruff_cache .mypy_cache .tox .nox .idea .vscode node_modules".split()
)
BLOCKED_SUFFIXES = (".key", ".pem", ".p12", ".pfx", ".pyc", ".pyo", ".log", ".tmp", ".swp", ".swo", ".bak")
ENV_EXAMPLES = frozenset((".env.example", ".env.sample", ".env.template"))
MAX_FILES = 5000


class PackageError(Exception):
    """The folder cannot become a package the daemon accepts; `problems` says every reason."""

    def __init__(self, root: Path, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{root}: error: {problem}" for problem in problems))


@dataclass(frozen=True)
class Package:
    data: bytes  # the .difypkg's bytes
    files: dict[str, bytes]  # path -> bytes, sorted, as packed
    manifest: dict[str, Any]
    checksum: str

    @property
    def name_version(self) -> str:
        return f"{self.manifest['author']}/{self.manifest['name']}:{self.manifest['version']}"

    @property
    def identity(self) -> str:
        return f"{self.name_version}@{self.checksum}"

    @property
    def filename(self) -> str:
        return f"{self.manifest['name']}-{self.manifest['version']}.difypkg"


def signed_name(filename: str) -> str:
    """X.signed.difypkg for X.difypkg (and for X.signed.difypkg itself): a signed package is visibly one."""
    return filename.removesuffix(".difypkg").removesuffix(".signed") + ".signed.difypkg"


def ignore_patterns(root: Path) -> list[GitIgnoreBasicPattern]:
    """The excluding patterns of the root's .difyignore, else its .gitignore (only those: the daemon
    never acts on a negation)."""
    for name in (".difyignore", ".gitignore"):
        path = root / name
        if path.is_file():
            lines = path.read_text(encoding="utf-8").split("\n")
            patterns = [GitIgnoreBasicPattern(line.strip()) for line in lines if line.strip()]
            return [p for p in patterns if p.include]  # comments parse as include None
    return []


def excluded(patterns: list[GitIgnoreBasicPattern], path: str, folder: bool) -> bool:
    candidate = path + "/" if folder else path
    return any(p.match_file(candidate) is not None for p in patterns)


def select_files(root: Path) -> tuple[dict[str, bytes], list[str]]:
    """(path -> bytes of every file the package holds, problems), walking as the daemon walks: an
    excluded folder is not entered."""
    patterns = ignore_patterns(root)
    files: dict[str, bytes] = {}
    problems: list[str] = []
    for folder, dirs, names in os.walk(root):
        base = Path(folder).relative_to(root)
        kept = []
        for name in sorted(dirs):
            rel = (base / name).as_posix()
            if excluded(patterns, rel, True):
                continue
            if (Path(folder) / name).is_symlink():
                problems.append(f"{rel} is a symbolic link to a folder: the daemon's packager cannot read it")
                continue
            kept.append(name)
        dirs[:] = kept
        for name in names:
            rel = (base / name).as_posix()
            if excluded(patterns, rel, False):
                continue
            path = Path(folder) / name
            if stat.S_ISLNK(path.lstat().st_mode):
                problems.append(f"{rel} is a symbolic link: put the file itself in the plugin")
                continue
            files[rel] = path.read_bytes()
    return dict(sorted(files.items())), problems


def blocked(path: str) -> str | None:
    """Why the Marketplace would refuse a package holding `path`, if it would."""
    parts = path.split("/")
    name = parts[-1]
    if folder := next((part for part in parts[:-1] if part in BLOCKED_DIRS), None):
        return f"{path}: {folder}/ is never shipped (add it to .difyignore)"
    if (name == ".env" or name.startswith(".env.")) and name not in ENV_EXAMPLES:
        return f"{path}: an environment file may hold secrets (add it to .difyignore)"
    if name.endswith(BLOCKED_SUFFIXES):
        return f"{path}: {name.rsplit('.', 1)[-1]} files are never shipped (add them to .difyignore)"
    return None


def content_problems(files: dict[str, bytes]) -> list[str]:
    """What the Marketplace refuses in a package's contents: blocked files, and more than MAX_FILES."""
    problems = [reason for path in files if (reason := blocked(path))]
    if len(files) > MAX_FILES:
        problems.append(f"{len(files)} files; the Marketplace takes at most {MAX_FILES}")
    return problems


def unpack(data: bytes) -> tuple[dict[str, bytes], bytes]:
    """(path -> bytes of every file entry, in zip order; the zip comment); zipfile.BadZipFile if not a zip."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}, archive.comment


def identity_of(data: bytes) -> str:
    """The checksum of a package's bytes, as the daemon computes it when installing."""
    return checksum(unpack(data)[0])


def checksum(files: dict[str, bytes]) -> str:
    """The daemon's CalculateChecksum: sha256 over each sorted path's sha256 and its content's sha256."""
    outer = hashlib.sha256()
    for path in sorted(files):
        outer.update(hashlib.sha256(path.encode("utf-8")).digest())
        outer.update(hashlib.sha256(files[path]).digest())
    return outer.hexdigest()


def read_yaml(files: dict[str, bytes], path: str, problems: list[str]) -> Any:
    if path not in files:
        problems.append(f"{path} is missing (or left out by the ignore file)")
        return None
    try:
        return YAML(typ="safe", pure=True).load(files[path].decode("utf-8"))
    except (YAMLError, UnicodeDecodeError) as exc:
        problems.append(f"{path} is not valid YAML: {exc}")
        return None


def check_text(value: Any, field: str, problems: list[str]) -> None:
    if not isinstance(value, dict) or not value.get("en_US"):
        problems.append(f"manifest.yaml: {field}.en_US is required")
        return
    for locale, text in value.items():
        if isinstance(text, str) and len(text) >= TEXT_LIMIT:
            problems.append(
                f"manifest.yaml: {field}.{locale} has {len(text)} characters; the daemon takes under {TEXT_LIMIT}"
            )


def check_manifest(files: dict[str, bytes]) -> tuple[dict[str, Any], list[str]]:
    """The daemon's package-time checks (validator.go, CheckAssetsValid) and its install-time author
    and name rules, so that what packages also installs."""
    problems: list[str] = []
    manifest = read_yaml(files, "manifest.yaml", problems)
    if not isinstance(manifest, dict):
        if manifest is not None:
            problems.append("manifest.yaml is not a mapping")
        return {}, problems
    version = str(manifest.get("version", ""))
    if not VERSION_RE.match(version):
        problems.append(f"manifest.yaml: version {version!r} is not x.y.z (1-4 digits each)")
    if manifest.get("type") != "plugin":
        problems.append("manifest.yaml: type must be plugin")
    for key, pattern in (("author", AUTHOR_RE), ("name", NAME_RE)):
        if not pattern.match(str(manifest.get(key, ""))):
            problems.append(f"manifest.yaml: {key} {manifest.get(key)!r} must match {pattern.pattern}")
    check_text(manifest.get("label"), "label", problems)
    check_text(manifest.get("description"), "description", problems)
    meta = manifest.get("meta") or {}
    if not VERSION_RE.match(str(meta.get("version", ""))):
        problems.append("manifest.yaml: meta.version must be x.y.z")
    if not set(meta.get("arch") or ()) <= ARCHES:
        problems.append(f"manifest.yaml: meta.arch may hold only {sorted(ARCHES)}")
    if (meta.get("runner") or {}).get("language") != "python":
        problems.append("manifest.yaml: meta.runner.language must be python")
    unknown_tags = sorted(set(manifest.get("tags") or ()) - TAGS)
    if unknown_tags:
        problems.append(f"manifest.yaml: tags {unknown_tags} are not among the daemon's tags")
    if not (manifest.get("resource") or {}).get("memory"):
        problems.append("manifest.yaml: resource.memory is required")
    icons = [("manifest.yaml: icon", manifest.get("icon")), ("manifest.yaml: icon_dark", manifest.get("icon_dark"))]
    providers = (manifest.get("plugins") or {}).get("models") or []
    if not providers:
        problems.append("manifest.yaml: plugins.models must name the provider YAML")
    for provider_path in providers:
        provider = read_yaml(files, str(provider_path), problems)
        if isinstance(provider, dict):
            for key in ("icon_small", "icon_large", "icon_small_dark", "icon_large_dark"):
                for locale, icon in (provider.get(key) or {}).items():
                    icons.append((f"{provider_path}: {key}.{locale}", icon))
    for where, icon in icons:
        if icon is not None and f"_assets/{icon}" not in files:
            problems.append(f"{where} {icon!r} is not a file in _assets/")
    if manifest.get("icon") is None:
        problems.append("manifest.yaml: icon is required")
    return manifest, problems


def zip_bytes(files: dict[str, bytes], comment: bytes = b"") -> bytes:
    """`files` stored in their order, as Go's zip writer lays entries out but for the method."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=ZIP_TIME)
            info.create_system, info.create_version, info.extract_version = 0, 20, 20
            info.external_attr = 0
            archive.writestr(info, data)
        archive.comment = comment
    return out.getvalue()


def package(root: Path) -> Package:
    """The folder's package, or PackageError with every reason it would be refused."""
    if not (root / "manifest.yaml").is_file():
        raise PackageError(root, ["no manifest.yaml: not a Dify plugin folder"])
    files, problems = select_files(root)
    manifest, more = check_manifest(files)
    problems += more + content_problems(files)
    total = sum(len(data) for data in files.values())
    if total > MAX_SIZE:
        largest = sorted(files, key=lambda p: -len(files[p]))[:5]
        problems.append(f"the files add up to {total} bytes, over the daemon's {MAX_SIZE}; largest: {largest}")
    if problems:
        raise PackageError(root, problems)
    made = Package(zip_bytes(files), files, manifest, checksum(files))
    if not IDENTITY_RE.match(made.identity):
        raise PackageError(root, [f"identity {made.identity!r} is not one the daemon accepts"])
    return made
