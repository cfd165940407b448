"""The plugin runtime a plugin ships: modules of compiler/runtime/ copied byte for byte, and the
config module rendered from the spec, into one folder of the plugin."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from compiler.targets import Copy, Job

RUNTIME = Path(__file__).resolve().parent.parent / "runtime"


@cache
def imports(module: str) -> frozenset[str]:
    """The runtime modules `module` imports at module level (`from . import x`, `from .x import y`).
    An import inside a function marks a module that ships only with the kind that needs it."""
    tree = ast.parse((RUNTIME / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.update([node.module] if node.module else [alias.name for alias in node.names])
    return frozenset(found)


def closure(entries: list[str]) -> list[str]:
    """`entries`, the package itself and every module they import, transitively, sorted."""
    seen: set[str] = set()
    todo = ["__init__", *entries]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(imports(module))
    return sorted(seen)


def runtime_jobs(folder: str, entries: list[str], ctx: dict[str, object]) -> list[Job | Copy]:
    """`folder`/config.py from the spec, and the modules `entries` need, unchanged."""
    jobs: list[Job | Copy] = [Job("shared/config.py.jinja", f"{folder}/config.py", ctx)]
    jobs += [Copy(RUNTIME / f"{m}.py", f"{folder}/{m}.py") for m in closure(entries) if m != "config"]
    return jobs
