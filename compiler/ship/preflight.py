"""The Dify Marketplace's pre-flight, run on a package's files before anyone opens a pull request:

- the toolkit's blocking rules (langgenius/dify-marketplace-toolkit, validator/validate-difypkg.py:
  checks/manifest.py, readme.py, dependencies.py, contents.py, and python_compile) and its warnings
  (README sections and localized names, the privacy text, network.domains);
- the pull-request repository's install check: `INSTALL_METHOD=serverless python -m main` must serve
  within 20 s (dify-plugins' pre-check-plugin.yaml, "Check Plugin Install"), run with the plugin's own
  requirements installed, as that check installs them.

Sources and line numbers: ../shared/reference/packaging.md §2."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from compiler.lower.identity import EMAIL_RE
from compiler.ship.package import content_problems, read_yaml

REQUIRED_FIELDS = (
    "author name version type icon plugins privacy repo contact label.en_US description.en_US meta.version "
    "meta.arch meta.runner.language meta.runner.version meta.runner.entrypoint"
).split()
SOURCE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org", "git.sr.ht")
_HOSTS = "|".join(re.escape(host) for host in SOURCE_HOSTS)
SOURCE_REPOSITORY_URL_RE = re.compile(rf"^https?://(?:www\.)?(?:{_HOSTS})/[^\s)>\"]+$", re.IGNORECASE)
SOURCE_REPOSITORY_LINK_RE = re.compile(rf"https?://(?:www\.)?(?:{_HOSTS})/[^\s)>\"]+", re.IGNORECASE)
CODE_BLOCK_RE = re.compile(r"```.*?```", re.DOTALL)
CJK_RE = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF]")
LOCALIZED_README_RE = re.compile(r"^README[._-][A-Za-z]{2,3}(?:[_-][A-Za-z0-9]+)?\.md$")
EXPECTED_LOCALIZED_README_RE = re.compile(r"^README\.[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]+)?\.md$")
README_SECTIONS = {
    "setup instructions": ("setup", "install", "configure", "getting started"),
    "usage instructions": ("usage", "use", "example", "workflow", "chatflow"),
    "required APIs or credentials": ("api key", "apikey", "credential", "token", "secret", "auth"),
    "connection requirements": ("connection", "connect", "endpoint", "base url", "host", "proxy", "network"),
}
PRIVACY_KEYWORDS = (
    "collect", "personal data", "user data", "store", "storage", "retain", "retention", "persist", "log",
    "third party", "third-party", "share", "send", "transmit", "external service",
)  # fmt: skip
MIN_DIFY_PLUGIN = Version("0.9.0")
SCAFFOLD_PLACEHOLDERS = {"contact": "you@example.com", "repo": "https://github.com/you/"}  # spec/new.yaml.jinja
URL_HOST_RE = re.compile(r"""["']https?://([A-Za-z0-9.-]+\.[A-Za-z]{2,})""")
SERVE_SECONDS = 20  # the PR check's limit
SERVING = b"Serving Flask app"
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy


@dataclass
class Findings:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    served: str | None = None  # what the serverless start showed, when it was run


def text(files: dict[str, bytes], path: str) -> str | None:
    data = files.get(path)
    return None if data is None else data.decode("utf-8", errors="replace")


def field_value(manifest: dict[str, Any], dotted: str) -> Any:
    value: Any = manifest
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def check_manifest(files: dict[str, bytes], found: Findings) -> dict[str, Any]:
    manifest = read_yaml(files, "manifest.yaml", found.errors)
    if not isinstance(manifest, dict):
        return {}
    for dotted in REQUIRED_FIELDS:
        if field_value(manifest, dotted) in (None, "", [], {}):
            found.errors.append(f"manifest.yaml: {dotted} is required")
    if not field_value(manifest, "meta.minimum_dify_version"):
        found.warnings.append("manifest.yaml: meta.minimum_dify_version is recommended")
    author = str(manifest.get("author", ""))
    for reserved in ("langgenius", "dify"):
        if reserved in author:
            found.errors.append(f"manifest.yaml: author {author!r} must not contain {reserved!r}")
    repo = manifest.get("repo")
    if repo and not SOURCE_REPOSITORY_URL_RE.match(str(repo)):
        found.errors.append(
            f"manifest.yaml: repo {repo!r} is not on a forge the Marketplace takes ({', '.join(SOURCE_HOSTS)})"
        )
    contact = manifest.get("contact")
    if contact and not EMAIL_RE.match(str(contact)):
        found.errors.append(f"manifest.yaml: contact {contact!r} is not an email address")
    for key, placeholder in SCAFFOLD_PLACEHOLDERS.items():
        if str(manifest.get(key) or "").startswith(placeholder):
            found.errors.append(f"manifest.yaml: {key} is still the placeholder `provider-compiler new` wrote")
    return manifest


def check_privacy(files: dict[str, bytes], manifest: dict[str, Any], found: Findings) -> None:
    if "PRIVACY.md" not in files:
        found.errors.append("PRIVACY.md is missing")
    reference = str(manifest.get("privacy") or "")
    if not reference or reference.startswith(("http://", "https://")):
        return
    policy = text(files, reference.removeprefix("./"))
    if policy is None:
        found.errors.append(f"manifest.yaml: privacy names {reference!r}, which is not in the package")
    elif not policy.strip():
        found.errors.append(f"{reference} is empty")
    elif "please fill in the privacy policy" in policy.lower():
        found.errors.append(f"{reference} still holds the template's placeholder")
    elif not any(word in policy.lower() for word in PRIVACY_KEYWORDS):
        found.warnings.append(f"{reference} may not say what is collected, stored, logged or sent to third parties")


def check_readme(files: dict[str, bytes], found: Findings) -> None:
    readme = text(files, "README.md")
    if not readme or not readme.strip():
        found.errors.append("README.md is missing or empty")
        return
    if not SOURCE_REPOSITORY_LINK_RE.search(readme):
        found.errors.append(f"README.md has no link to the source repository (on {', '.join(SOURCE_HOSTS)})")
    cjk = CJK_RE.findall(CODE_BLOCK_RE.sub("", readme))
    if cjk:
        found.errors.append(
            f"README.md has {len(cjk)} CJK character(s) outside code blocks ({''.join(cjk[:10])}); "
            "the Marketplace wants English there and translations in README.<locale>.md"
        )
    lowered = readme.lower()
    for section, words in README_SECTIONS.items():
        if not any(word in lowered for word in words):
            found.warnings.append(f"README.md may be missing {section}")
    for path in files:
        if "/" not in path and LOCALIZED_README_RE.match(path) and not EXPECTED_LOCALIZED_README_RE.match(path):
            found.warnings.append(f"{path}: the Marketplace reads localized READMEs as README.<locale>.md")


def requirement_lines(listing: str) -> list[str]:
    """A requirements.txt's requirements, comments and blank lines aside."""
    return [line for line in (raw.split("#", 1)[0].strip() for raw in listing.splitlines()) if line]


def requirements_of(files: dict[str, bytes], found: Findings) -> dict[str, list[str]]:
    """Requirement strings by the file that declares them."""
    declared: dict[str, list[str]] = {}
    if (listing := text(files, "requirements.txt")) is not None:
        declared["requirements.txt"] = requirement_lines(listing)
    if (pyproject := text(files, "pyproject.toml")) is not None:
        try:
            declared["pyproject.toml"] = list(tomllib.loads(pyproject).get("project", {}).get("dependencies", []))
        except tomllib.TOMLDecodeError as exc:
            found.errors.append(f"pyproject.toml is not valid TOML: {exc}")
    if not declared:
        found.errors.append("neither requirements.txt nor pyproject.toml declares the dependencies")
    return declared


def check_dependencies(files: dict[str, bytes], found: Findings) -> None:
    for source, lines in requirements_of(files, found).items():
        names = set()
        for line in lines:
            try:
                requirement = Requirement(line)
            except InvalidRequirement as exc:
                found.errors.append(f"{source}: {line!r} is not a requirement the installer reads ({exc})")
                continue
            names.add(canonicalize_name(requirement.name))
            if requirement.url:
                found.errors.append(
                    f"{source}: {requirement.name} is installed from a URL; the Marketplace refuses that"
                )
            elif not requirement.specifier:
                found.errors.append(f"{source}: {requirement.name} has no version constraint")
            elif not any(spec.operator in ("<", "<=", "==", "~=", "===") for spec in requirement.specifier):
                found.warnings.append(f"{source}: {requirement.name} has a lower bound only")
            if canonicalize_name(requirement.name) == "dify-plugin":
                floors = [Version(s.version) for s in requirement.specifier if s.operator in (">=", ">", "==", "~=")]
                if not floors or max(floors) < MIN_DIFY_PLUGIN:
                    found.errors.append(f"{source}: dify-plugin must be at least {MIN_DIFY_PLUGIN}, got {line!r}")
        if "dify-plugin" not in names:
            found.errors.append(f"{source}: dify-plugin is not among the dependencies")


def check_contents(files: dict[str, bytes], manifest: dict[str, Any], found: Findings) -> None:
    found.errors += content_problems(files)
    declared = set((manifest.get("network") or {}).get("domains") or ())
    reached: dict[str, str] = {}
    for path, data in files.items():
        if not path.endswith(".py"):
            continue
        source = data.decode("utf-8", errors="replace")
        try:
            compile(source, path, "exec")
        except SyntaxError as exc:
            found.errors.append(f"{path}:{exc.lineno}: does not compile: {exc.msg}")
        for host in URL_HOST_RE.findall(source):
            reached.setdefault(host, path)
    for host, path in sorted(reached.items()):
        if host not in declared:
            found.warnings.append(
                f"{path} names https://{host}, which manifest.yaml network.domains does not list "
                "(the Marketplace's scan shows every such host as one the plugin reaches)"
            )


def check(files: dict[str, bytes]) -> Findings:
    """Every static rule over the files a package holds."""
    found = Findings()
    manifest = check_manifest(files, found)
    check_privacy(files, manifest, found)
    check_readme(files, found)
    check_dependencies(files, found)
    check_contents(files, manifest, found)
    return found


def runner_python(files: dict[str, bytes], cache: Path) -> Path:
    """An interpreter with the plugin's requirements.txt installed, as the PR check installs it: a venv
    kept under `cache` per distinct requirements, made once. RuntimeError says why it could not be made."""
    requirements = files.get("requirements.txt", b"")
    lines = sorted(set(requirement_lines(requirements.decode("utf-8"))))
    home = cache / hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]  # comments aside
    python = home / "bin" / "python"
    if (home / ".complete").is_file():
        return python
    try:
        home.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=home.parent) as scratch:
            listing = Path(scratch) / "requirements.txt"
            listing.write_bytes(requirements)
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(home)], check=True, capture_output=True)
            install = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", str(listing)]
            result = subprocess.run(install, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RuntimeError(f"making a venv for the plugin's requirements failed: {exc}") from None
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["pip failed"])[-1]
        raise RuntimeError(f"installing the plugin's requirements failed: {last}")
    (home / ".complete").write_text("")
    return python


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(files: dict[str, bytes], python: Path, seconds: float = SERVE_SECONDS) -> str:
    """Start the unpacked plugin as the serverless runtime on 127.0.0.1 and ask its /health; the
    answer, or RuntimeError saying what happened instead. Only loopback is ever used."""
    port = free_port()
    keep = {key: value for key, value in os.environ.items() if not key.startswith(("REMOTE_INSTALL", "INSTALL_"))}
    env = keep | {"INSTALL_METHOD": "serverless", "SERVERLESS_HOST": "127.0.0.1", "SERVERLESS_PORT": str(port)}
    with tempfile.TemporaryDirectory() as folder:
        for path, data in files.items():
            target = Path(folder, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        started = time.monotonic()
        process = subprocess.Popen(
            [str(python), "-m", "main"], cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        output: list[bytes] = []
        settled = threading.Event()  # it says it serves, or its output ended

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                output.append(line)
                if SERVING in line:
                    break
            settled.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            settled.wait(seconds)
            if not any(SERVING in line for line in output):
                tail = b"".join(output[-8:]).decode("utf-8", errors="replace").strip()
                state = "exited" if process.poll() is not None or settled.is_set() else "is still starting"
                raise RuntimeError(
                    f"`python -m main` {state} without serving within {seconds:g} s: {tail or 'no output'}"
                )
            answer = health(port, started + seconds)
            return f"served /health ({answer}) on 127.0.0.1"
        finally:
            process.kill()
            process.wait()
            reader.join(5)


def health(port: int, deadline: float) -> str:
    while True:
        try:
            with LOOPBACK.open(f"http://127.0.0.1:{port}/health", timeout=5) as response:
                return f"{response.status} {response.read(64).decode('utf-8', errors='replace').strip()}"
        except OSError as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the plugin said it serves but /health did not answer: {exc}") from None
            time.sleep(0.1)
