"""The plugin runtime a plugin ships: modules of compiler/runtime/ copied byte for byte, and the
config module rendered from the spec, into one folder of the plugin.

Modules are named by dotted paths below the runtime ("protocols.openai_chat"); a package is named by
its folder ("protocols", "" for the runtime itself) and ships as its __init__.py."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from compiler.model import Provider
from compiler.tables import PROTOCOLS
from compiler.targets import Copy, Job

RUNTIME = Path(__file__).resolve().parent.parent / "runtime"


def source(module: str) -> Path:
    """The file of a runtime module or package."""
    path = RUNTIME.joinpath(*module.split(".")) if module else RUNTIME
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def package_of(module: str) -> str:
    """The package a module's relative imports start from (a package's own, for an __init__)."""
    return module if source(module).name == "__init__.py" else module.rpartition(".")[0]


def resolve(package: str, level: int, name: str) -> str:
    """A relative import's target: `level` dots from `package`, then `name`."""
    parts = package.split(".") if package else []
    base = parts[: len(parts) - (level - 1)]
    return ".".join(base + name.split(".")) if name else ".".join(base)


def is_module(module: str) -> bool:
    return source(module).is_file()


@cache
def imports(module: str) -> frozenset[str]:
    """The runtime modules `module` imports at module level (`from . import x`, `from ..x import y`).
    An import inside a function marks a module that ships only with the kind that needs it."""
    tree = ast.parse(source(module).read_text(encoding="utf-8"))
    package, found = package_of(module), set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            target = resolve(package, node.level, node.module or "")
            found.add(target)
            found.update(f"{target}.{a.name}".lstrip(".") for a in node.names if is_module(f"{target}.{a.name}"))
    return frozenset(m for m in found if is_module(m))


def closure(entries: list[str]) -> list[str]:
    """`entries`, every module they import, transitively, and the packages holding them, sorted."""
    seen: set[str] = set()
    todo = ["", *entries]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(imports(module))
            todo.append(module.rpartition(".")[0])  # its package
    return sorted(seen)


def relative(module: str) -> str:
    """A module's file below the runtime folder."""
    return source(module).relative_to(RUNTIME).as_posix()


def kind_module(p: Provider, runtime: str) -> str:
    """The module of runtime/kinds/ a kind's calls use: its protocol's module of that name (Gemini's
    and Bedrock's embeddings, Bedrock's rerank), or the kind's own (config.EMBEDDINGS, RERANKER)."""
    return PROTOCOLS[p.api.protocol].runtimes.get(runtime, runtime)


def runtime_jobs(folder: str, entries: list[str], ctx: dict[str, object]) -> list[Job | Copy]:
    """`folder`/config.py from the spec, and the modules `entries` need, unchanged."""
    jobs: list[Job | Copy] = [Job("shared/config.py.jinja", f"{folder}/config.py", ctx)]
    jobs += [Copy(source(m), f"{folder}/{relative(m)}") for m in closure(entries) if m != "config"]
    return jobs
