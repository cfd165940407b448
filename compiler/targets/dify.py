"""The Dify model-plugin tree of one provider."""

from __future__ import annotations

from compiler.model import Provider
from compiler.targets import Copy, Job

ROOT_FILES = ("manifest.yaml", "main.py", "requirements.txt", "README.md", "PRIVACY.md", ".difyignore", ".env.example")


def plan(p: Provider, header: str) -> list[Job | Copy]:
    """Every file of `dify/`, in a fixed order."""
    ctx = {"p": p, "header": header}
    jobs: list[Job | Copy] = [Job(f"dify/{name}.jinja", f"dify/{name}", ctx) for name in ROOT_FILES]
    jobs += [
        Job("dify/provider/provider.yaml.jinja", f"dify/provider/{p.name}.yaml", ctx),
        Job("dify/provider/provider.py.jinja", f"dify/provider/{p.name}.py", ctx),
        Job("shared/wire.py.jinja", "dify/models/wire.py", ctx),
        Job("dify/models/transport.py.jinja", "dify/models/transport.py", ctx),
    ]
    for model_type, folder in zip(p.model_types, p.model_folders):
        models = p.models_of(model_type)
        jobs.append(
            Job("dify/models/_position.yaml.jinja", f"dify/models/{folder}/_position.yaml", ctx | {"models": models})
        )
        jobs.append(Job(f"dify/models/{folder}/{folder}.py.jinja", f"dify/models/{folder}/{folder}.py", ctx))
        jobs += [
            Job(f"dify/models/{folder}/model.yaml.jinja", f"dify/models/{folder}/{m.name}.yaml", ctx | {"m": m})
            for m in models
        ]
    jobs += [Copy(a.source, f"dify/_assets/{a.filename}") for a in p.assets]
    return jobs
