"""The pipeline: spec file → rendered, formatted files in memory (nothing touches disk)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compiler.errors import CompileError, Diagnostic
from compiler.format import format_file, prefetch_python
from compiler.load import load_spec
from compiler.lower import lower
from compiler.model import Provider
from compiler.render import render
from compiler.targets import Copy, Job, dify, maibot


def header_for(p: Provider) -> str:
    return f"Generated from {p.spec_file} by the provider compiler. Do not edit by hand."


def plan_all(p: Provider) -> list[Job | Copy]:
    """Every file of the provider's output: the two plugins, and the .gitattributes beside them."""
    header = header_for(p)
    return (
        dify.plan(p, header)
        + maibot.plan(p, header)
        + [Job(".gitattributes.jinja", ".gitattributes", {"header": header})]
    )


def produce(job: Job | Copy, rendered: dict[str, str]) -> bytes:
    if isinstance(job, Copy):
        try:
            return job.source.read_bytes()
        except OSError as exc:
            raise CompileError([Diagnostic("error", str(job.source), f"cannot read: {exc.strerror}")]) from exc
    return format_file(job.output, job.template, rendered[job.output]).encode("utf-8")


def subtree(files: dict[str, bytes], folder: str) -> dict[str, bytes]:
    """The files of one target (`dify` or `maibot`), relative to its folder."""
    prefix = folder + "/"
    return {path[len(prefix) :]: data for path, data in files.items() if path.startswith(prefix)}


def compile_spec(path: Path) -> tuple[Provider, dict[str, bytes]]:
    """The provider and its whole output tree (relative path → bytes)."""
    provider = lower(load_spec(path))
    jobs = plan_all(provider)
    rendered = {job.output: render(job.template, job.context) for job in jobs if isinstance(job, Job)}
    prefetch_python([text for output, text in rendered.items() if output.endswith(".py")])
    files = {job.output: produce(job, rendered) for job in jobs}
    return provider, dict(sorted(files.items()))


@dataclass(frozen=True)
class Compiled:
    """One spec compiled: the file it came from, its provider and its output tree (relative path → bytes)."""

    spec: Path
    provider: Provider
    files: dict[str, bytes]


def compile_all(specs: list[Path]) -> tuple[list[Compiled], list[Diagnostic]]:
    """Every spec that compiles, and the diagnostics of all of them (errors of those that did not,
    warnings of those that did), so that one run reports every problem."""
    compiled, diagnostics = [], []
    for spec in specs:
        try:
            provider, files = compile_spec(spec)
        except CompileError as exc:
            diagnostics += exc.diagnostics
            continue
        compiled.append(Compiled(spec, provider, files))
        diagnostics += provider.warnings
    return compiled, diagnostics
