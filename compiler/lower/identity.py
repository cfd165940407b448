"""The provider's identity: names, versions, URLs, icons and the MaiBot manifest fields."""

from __future__ import annotations

import re
from pathlib import Path

from compiler import spec as s
from compiler.lower.diagnostics import Lowering
from compiler.model import Asset, I18n, MaiBotInfo
from compiler.tables import DIFY_VERSION_FOR, PLUGINS_SINCE

NAME_RE = re.compile(r"^[a-z0-9_-]{1,128}$")

AUTHOR_RE = re.compile(r"^[a-z0-9_-]{1,64}$")

VERSION_RE = re.compile(r"^\d{1,4}(\.\d{1,4}){2}$")

URL_RE = re.compile(r"^https?://[^\s/]+\S*$")

# MaiBot's plugin center and market take https://github.com/owner/repo only (plugin-repo's
# validate-issue.yml; plugin_market/releases.py); Dify's toolkit takes it too.
GITHUB_REPO_RE = re.compile(r"^https://github\.com/[\w-]+/[\w.-]+$")

# The Marketplace toolkit's contact rule (checks/manifest.py EMAIL_RE).
EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


# MaiBot's manifest validator (src/plugin_runtime/runner/manifest_validator.py).
PLUGIN_ID_RE = re.compile(r"^[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)+$")

CLIENT_TYPE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")

LOCALE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

MAIBOT_BUILTIN_CLIENT_TYPES = ("openai", "openai_responses", "gemini")

BUNDLED_LICENSES = ("MIT", "Apache-2.0")  # templates/maibot/licenses/

ICON_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".webp"}


ICON_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}


def i18n(text: str | dict[str, str]) -> I18n:
    return {"en_US": text} if isinstance(text, str) else dict(text)


def check_identity(lw: Lowering, spec: s.Spec) -> None:
    stem = lw.loaded.path.stem
    lw.check(bool(NAME_RE.match(spec.name)), ("name",), f"must match {NAME_RE.pattern}, got {spec.name!r}")
    lw.check(spec.name == stem, ("name",), f"must equal the spec file name {stem!r}, got {spec.name!r}")
    lw.check(bool(AUTHOR_RE.match(spec.author)), ("author",), f"must match {AUTHOR_RE.pattern}, got {spec.author!r}")
    lw.check(bool(VERSION_RE.match(spec.version)), ("version",), f"must be x.y.z, got {spec.version!r}")
    if spec.background is not None:
        ok = bool(re.match(r"^#[0-9A-Fa-f]{6}$", spec.background))
        lw.check(ok, ("background",), f"must be a colour like '#EFF1FE', got {spec.background!r}")
    if spec.help:
        lw.check(bool(URL_RE.match(spec.help.url)), ("help", "url"), f"must be an http(s) URL, got {spec.help.url!r}")
    if spec.repository is None:
        lw.error(
            ("repository",),
            "required key is missing: the GitHub repository the plugins are published from, "
            "https://github.com/OWNER/REPO (Dify's manifest repo, MaiBot's urls.repository)",
        )
    elif not GITHUB_REPO_RE.match(spec.repository) or spec.repository.endswith(".git"):
        lw.error(
            ("repository",),
            f"must be https://github.com/OWNER/REPO (MaiBot installs from GitHub only; no .git), "
            f"got {spec.repository!r}",
        )
    if spec.contact is not None:
        ok = bool(EMAIL_RE.match(spec.contact))
        lw.check(ok, ("contact",), f"must be an email address, got {spec.contact!r}")


def minimum_dify_version(lw: Lowering, spec: s.Spec, features: set[str], assets: tuple[Asset, ...]) -> str:
    """The newest Dify version among the things the plugin uses; a spec's own value may only be newer."""
    used = set(features) | ({"icon_dark"} if any(a.role.endswith("_dark") for a in assets) else set())
    needs = sorted((version_key(v), v, why) for name, (v, why) in DIFY_VERSION_FOR.items() if name in used)
    _, derived, reason = needs[-1] if needs else (None, PLUGINS_SINCE, "plugins")
    given = spec.dify.minimum_dify_version
    if given is None:
        return derived
    where = ("dify", "minimum_dify_version")
    if not VERSION_RE.match(given):
        lw.error(where, f"must be x.y.z, got {given!r}")
    elif version_key(given) < version_key(derived):
        lw.error(
            where, f"{given} is older than {derived}, which the plugin needs for {reason}; leave it out or raise it"
        )
    return given


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def lower_maibot(lw: Lowering, spec: s.Spec) -> MaiBotInfo:
    """The MaiBot manifest fields, defaulted from the shared ones and checked like the host does."""
    options = spec.maibot
    client_type = options.client_type if options.client_type is not None else spec.name
    where = ("maibot", "client_type") if options.client_type is not None else ("name",)
    if client_type in MAIBOT_BUILTIN_CLIENT_TYPES:
        lw.error(where, f"client_type {client_type!r} is a MaiBot built-in; set maibot.client_type to another name")
    else:
        ok = bool(CLIENT_TYPE_RE.match(client_type))
        lw.check(ok, where, f"client_type must match {CLIENT_TYPE_RE.pattern}, got {client_type!r}")
    plugin_id = options.plugin_id or f"{spec.author}.{spec.name}"
    if options.plugin_id or (AUTHOR_RE.match(spec.author) and NAME_RE.match(spec.name)):  # else already reported
        where = ("maibot", "plugin_id") if options.plugin_id else ("name",)
        ok = bool(PLUGIN_ID_RE.match(plugin_id))
        lw.check(ok, where, f"MaiBot plugin id must match {PLUGIN_ID_RE.pattern}, got {plugin_id!r}")
    license_file = None
    if options.license_file is not None:
        license_file = (lw.loaded.path.parent / options.license_file).resolve()
        if not license_file.is_relative_to(lw.loaded.path.parent.resolve()) or not license_file.is_file():
            lw.error(("maibot", "license_file"), f"no such file beside the spec: {options.license_file!r}")
    elif options.license.strip() not in BUNDLED_LICENSES:
        lw.error(
            ("maibot", "license"),
            f"no LICENSE text comes with {options.license!r} (only {', '.join(BUNDLED_LICENSES)}); "
            "set maibot.license_file to your LICENSE (MaiBot's plugin center requires one matching `license`)",
        )
    lw.check(
        bool(LOCALE_RE.match(options.locale)), ("maibot", "locale"), f"must be like 'en-US', got {options.locale!r}"
    )
    repository = spec.repository or ""  # required; reported by check_identity
    author_url = options.author_url or repository
    if options.author_url:
        ok = bool(URL_RE.match(author_url))
        lw.check(ok, ("maibot", "author_url"), f"must be an http(s) URL, got {author_url!r}")
    return MaiBotInfo(
        client_type, plugin_id, options.license.strip(), license_file, author_url, repository, options.locale
    )


def lower_assets(lw: Lowering, spec: s.Spec) -> tuple[Asset, ...]:
    icons = {"small": spec.icons.small, "large": spec.icons.large or spec.icons.small}
    icons |= {k: v for k, v in (("small_dark", spec.icons.small_dark), ("large_dark", spec.icons.large_dark)) if v}
    names = {"small": "icon_s_en", "large": "icon_l_en", "small_dark": "icon_s_dark", "large_dark": "icon_l_dark"}
    assets = []
    for role, relative in icons.items():
        source = (lw.loaded.path.parent / relative).resolve()
        loc = ("icons", role if getattr(spec.icons, role) else "small")
        if source.suffix.lower() not in ICON_SUFFIXES:
            lw.error(loc, f"icon must be one of {', '.join(sorted(ICON_SUFFIXES))}, got {relative!r}")
        elif not source.is_relative_to(lw.loaded.path.parent.resolve()):
            lw.error(loc, f"icon must be inside the spec's folder, got {relative!r}")
        elif not source.is_file():
            lw.error(loc, f"icon file not found: {relative!r} (paths are relative to the spec file)")
        elif not looks_like_image(source):
            lw.error(loc, f"icon is not a {source.suffix.lower()[1:].upper()} image: {relative!r}")
        assets.append(Asset(role, source, names[role] + source.suffix.lower()))
    return tuple(assets)


def looks_like_image(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(512)  # the magic bytes are at the start; icons may be large
    if path.suffix.lower() == ".svg":
        return b"<svg" in head or head.lstrip().startswith(b"<?xml")
    return head.startswith(ICON_MAGIC[path.suffix.lower()])
