"""The MaiBot plugin folder of one provider: _manifest.json, plugin.py and the runtime it imports."""

from __future__ import annotations

from compiler.model import Provider
from compiler.render import TEMPLATES
from compiler.targets import Copy, Job
from compiler.targets.runtime import kind_module, runtime_jobs

# The hosts the plugins declare: the 1.3 line from 1.3.15, the host they are tested with (pyproject's
# test extra). The host's validator loads a newer patch of a declared minor anyway (with a warning),
# so naming the whole minor keeps a tagged release loading, warning-free, across patches; 1.4 may change
# the LLMProvider contract and is refused until tested. Older 1.3 hosts are untested.
HOST_VERSIONS = {"min_version": "1.3.15", "max_version": "1.3.99"}
SDK_VERSIONS = {"min_version": "2.16.0", "max_version": "2.16.99"}
# aiohttp comes with the host (maibot 1.3.15 requires >=3.14.3); declaring it lets the host check
# the range.
DEPENDENCIES = [{"type": "python_package", "name": "aiohttp", "version_spec": ">=3.10,<4"}]
# What an auth scheme's runtime module needs beyond them (google.py signs its JWT with RSA).
SCHEME_DEPENDENCIES = {
    "google_service_account": [{"type": "python_package", "name": "cryptography", "version_spec": ">=42,<51"}]
}


def manifest(p: Provider) -> dict[str, object]:
    """_manifest.json: only keys the host's strict validator defines."""
    m = p.maibot
    icon = p.asset("small")
    data: dict[str, object] = {
        "manifest_version": 2,
        "id": m.plugin_id,
        "version": p.version,
        "name": p.label["en_US"],
        "description": p.description["en_US"],
        "author": {"name": p.author, "url": m.author_url},
        "license": m.license,
        "urls": {"repository": m.repository},
        "host_application": HOST_VERSIONS,
        "sdk": SDK_VERSIONS,
        "dependencies": DEPENDENCIES + [d for s in sorted(p.api.schemes) for d in SCHEME_DEPENDENCIES.get(s, [])],
        "capabilities": [],
        "i18n": {"default_locale": m.locale},
        "llm_providers": [
            {
                "client_type": m.client_type,
                "name": p.label["en_US"],
                "description": p.description["en_US"],
                "version": p.version,
            }
        ],
    }
    if icon:
        data["display"] = {"icon": {"type": "local", "value": f"_assets/{icon}"}}
        if p.background:
            data["display"]["icon"]["background"] = p.background  # type: ignore[index]
    return data


def license_job(p: Provider) -> Job | Copy:
    """LICENSE, whose text is the manifest's `license`: the spec's own file, else the bundled text."""
    if p.maibot.license_file is not None:
        return Copy(p.maibot.license_file, "maibot/LICENSE")
    if p.maibot.license == "MIT":
        holder = {"year": p.created_at[:4], "holder": p.author}
        return Job("maibot/licenses/MIT.jinja", "maibot/LICENSE", holder)
    return Copy(TEMPLATES / "maibot" / "licenses" / f"{p.maibot.license}.txt", "maibot/LICENSE")


def runtime_entries(p: Provider) -> list[str]:
    """The provider adapter, the chat protocol, and the module of each other operation served."""
    return ["maibot.provider", *(f"protocols.{name}" for name in p.api.spoken), *p.api.auth_modules] + [
        f"kinds.{kind_module(p, kind.runtime)}" for kind in p.maibot_kinds if kind.runtime
    ]


def plan(p: Provider, header: str) -> list[Job | Copy]:
    """Every file of `maibot/`, in a fixed order."""
    ctx = {"p": p, "header": header}
    jobs: list[Job | Copy] = [
        Job("maibot/_manifest.json.jinja", "maibot/_manifest.json", ctx | {"manifest": manifest(p)}),
        Job("maibot/plugin.py.jinja", "maibot/plugin.py", ctx),
        Job("maibot/README.md.jinja", "maibot/README.md", ctx),
        Job("maibot/.gitignore.jinja", "maibot/.gitignore", ctx),
        license_job(p),
    ]
    jobs += runtime_jobs("maibot/runtime", runtime_entries(p), ctx)
    small = p.icon("small")
    if small:
        jobs.append(Copy(small.source, f"maibot/_assets/{small.filename}"))
    return jobs
