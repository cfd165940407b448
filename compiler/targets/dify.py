"""The Dify model-plugin tree of one provider."""

from __future__ import annotations

from compiler.model import Provider
from compiler.render import TEMPLATES
from compiler.targets import Copy, Job
from compiler.targets.runtime import kind_module, runtime_jobs

ROOT_FILES = (
    "manifest.yaml",
    "pyproject.toml",
    "requirements.txt",
    "README.md",
    "PRIVACY.md",
    ".difyignore",
    ".env.example",
)
# The plugin's dependencies, written to both pyproject.toml and requirements.txt. The Marketplace
# wants every one bounded and dify-plugin at 0.9.0 or later; the runtime is tested with 0.10.2.
REQUIREMENTS = ("dify_plugin>=0.10.2,<0.11.0", "urllib3>=2.3,<3")
# What an auth scheme's runtime module needs beyond them (google.py signs its JWT with RSA).
SCHEME_REQUIREMENTS = {"google_service_account": ("cryptography>=42,<51",)}


def requirements(p: Provider) -> tuple[str, ...]:
    return REQUIREMENTS + tuple(r for scheme in sorted(p.api.schemes) for r in SCHEME_REQUIREMENTS.get(scheme, ()))


def runtime_entries(p: Provider) -> list[str]:
    """Every protocol the chat models speak (credentials are validated through the spec's), the
    user-added models' schema builder when the spec has them, and each kind's adapter and module."""
    entries = [f"protocols.{name}" for name in p.api.spoken] + (["dify.custom"] if p.customizable else [])
    entries += p.api.auth_modules
    for kind in p.kinds:
        entries.append(f"dify.{kind.dify.adapter}")
        if kind.runtime:
            entries.append(f"kinds.{kind_module(p, kind.runtime)}")
    return entries


def plan(p: Provider, header: str) -> list[Job | Copy]:
    """Every file of `dify/`, in a fixed order."""
    ctx = {"p": p, "header": header, "requirements": requirements(p)}
    jobs: list[Job | Copy] = [Job(f"dify/{name}.jinja", f"dify/{name}", ctx) for name in ROOT_FILES]
    jobs.append(Copy(TEMPLATES / "dify" / "main.py", "dify/main.py"))  # nothing in it depends on the spec
    jobs += [
        Job("dify/provider/provider.yaml.jinja", f"dify/provider/{p.name}.yaml", ctx),
        Job("dify/provider/provider.py.jinja", f"dify/provider/{p.name}.py", ctx),
    ]
    jobs += runtime_jobs("dify/models/runtime", runtime_entries(p), ctx)
    for kind in p.kinds:
        folder, models = kind.dify.folder, p.models_of(kind.name)
        here = ctx | {"kind": kind}
        jobs.append(
            Job("dify/models/_position.yaml.jinja", f"dify/models/{folder}/_position.yaml", here | {"models": models})
        )
        jobs.append(Job(f"dify/models/{folder}/{folder}.py.jinja", f"dify/models/{folder}/{folder}.py", here))
        jobs += [
            Job(f"dify/models/{folder}/model.yaml.jinja", f"dify/models/{folder}/{m.file}.yaml", here | {"m": m})
            for m in models
        ]
    jobs += [Copy(a.source, f"dify/_assets/{a.filename}") for a in p.assets]
    return jobs
