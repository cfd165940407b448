"""The MaiBot plugin folder of one provider: _manifest.json, plugin.py and the runtime it imports."""

from __future__ import annotations

from compiler.model import Provider
from compiler.targets import Copy, Job
from compiler.tables import PROTOCOLS
from compiler.targets.runtime import runtime_jobs

# The host and SDK the generated plugins are tested with (pyproject's test extra). A newer 1.3.x
# host only warns; anything outside fails to load, which is what an untested host deserves.
HOST_VERSIONS = {"min_version": "1.3.15", "max_version": "1.3.15"}
SDK_VERSIONS = {"min_version": "2.16.0", "max_version": "2.16.99"}
# aiohttp comes with the host (maibot 1.3.15 requires >=3.14.3); declaring it lets the host check
# the range.
DEPENDENCIES = [{"type": "python_package", "name": "aiohttp", "version_spec": ">=3.10,<4"}]


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
        "dependencies": DEPENDENCIES,
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


def runtime_entries(p: Provider) -> list[str]:
    """The provider adapter, the chat protocol, and the module of each other operation served."""
    return ["maibot_provider", p.api.protocol] + [
        PROTOCOLS[p.api.protocol].runtimes.get(kind.runtime, kind.runtime) for kind in p.maibot_kinds if kind.runtime
    ]


def plan(p: Provider, header: str) -> list[Job | Copy]:
    """Every file of `maibot/`, in a fixed order."""
    ctx = {"p": p, "header": header}
    jobs: list[Job | Copy] = [
        Job("maibot/_manifest.json.jinja", "maibot/_manifest.json", ctx | {"manifest": manifest(p)}),
        Job("maibot/plugin.py.jinja", "maibot/plugin.py", ctx),
        Job("maibot/README.md.jinja", "maibot/README.md", ctx),
    ]
    jobs += runtime_jobs("maibot/runtime", runtime_entries(p), ctx)
    small = p.icon("small")
    if small:
        jobs.append(Copy(small.source, f"maibot/_assets/{small.filename}"))
    return jobs
