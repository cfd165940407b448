"""The Dify Marketplace's pre-flight, run on a package's files before anyone opens a pull request:

- the toolkit's blocking rules (langgenius/dify-marketplace-toolkit, validator/validate-difypkg.py:
  checks/manifest.py, readme.py, dependencies.py, contents.py, and python_compile) and its warnings
  (README sections and localized names, the privacy text, network.domains);
- the pull-request repository's install check lives in runner.py.

Sources and line numbers: ../shared/reference/packaging.md §2."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
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
# What templates/spec/new.yaml.jinja writes for the author to replace: the manifest's fields, and hosts of the
# domains reserved for examples (RFC 2606; the scaffold's help URL and base URL) in any URL the plugin carries.
SCAFFOLD_PLACEHOLDERS = {"author": "your-name", "contact": "you@example.com", "repo": "https://github.com/you/"}
EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")
URL_HOST_ANYWHERE_RE = re.compile(r"https?://([A-Za-z0-9.-]+)", re.IGNORECASE)
TODO_RE = re.compile(r"\bTODO\b")
SPEC_TEXTS = (".yaml", ".md")  # the texts made from the spec: manifest, provider and model YAML, README, PRIVACY
URL_HOST_RE = re.compile(r"""["']https?://([A-Za-z0-9.-]+\.[A-Za-z]{2,})""")


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


def example_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS)


def check_placeholders(files: dict[str, bytes], found: Findings) -> None:
    """The scaffold's placeholder hosts in any file (config.py's BASE_URL, the provider YAML's help URL,
    the README…), one error per host, and a TODO left in the texts made from the spec."""
    hosts: dict[str, set[str]] = {}
    for path, data in files.items():
        content = data.decode("utf-8", errors="replace")
        for host in URL_HOST_ANYWHERE_RE.findall(content):
            if example_host(host):
                hosts.setdefault(host.lower(), set()).add(path)
        if path.endswith(SPEC_TEXTS) and (todo := TODO_RE.search(content)):
            line = content.count("\n", 0, todo.start()) + 1
            text = content.splitlines()[line - 1].strip()
            found.errors.append(f"{path}:{line}: a TODO is left in the text ({text[:80]!r}); finish it in the spec")
    for host, paths in sorted(hosts.items()):
        found.errors.append(
            f"https://{host} is a placeholder (a domain reserved for examples), in {', '.join(sorted(paths))}: "
            "put the provider's real URL in the spec"
        )


def check(files: dict[str, bytes]) -> Findings:
    """Every static rule over the files a package holds."""
    found = Findings()
    manifest = check_manifest(files, found)
    check_placeholders(files, found)
    check_privacy(files, manifest, found)
    check_readme(files, found)
    check_dependencies(files, found)
    check_contents(files, manifest, found)
    return found
