"""The generated openai plugin against the official openai plugin (issue 27), both over OpenAI's
Responses API against the loopback stream server, both driven through the Dify SDK:
- SDK level: a stream's cost per chunk and a blocking call's latency through the SDK's public
  `invoke`. The two plugins need different versions of dify_plugin and openai, so each runs in its
  own process under its own venv's python (bench/sdk_side.py); commands alternate between the
  two processes, so one side runs while the other waits;
- the daemon's shape (bench/daemon_shape.py): each plugin as `python -m main` over stdio, N
  concurrent paced streams.
"Generated" is the plugin built from a spec given as a parameter: specs/openai.yaml when it exists,
otherwise the conformance suite's Responses spec (tests/conformance/specs/relay.yaml). The official
plugin is run from a scratch copy under its own venv (bench/official_env.py); when that cannot be
built (offline) or the plugin is absent, its side is skipped with the reason and ours still runs."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from argparse import ArgumentTypeError
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import official_env
from daemon_shape import Run, Shape, StdioPlugin

from compiler.build import compile_spec
from compiler.write import write_tree

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OFFICIAL = Path("/work/official/models/openai")  # an extracted snapshot of langgenius/dify-official-plugins
OFFICIAL_MODEL = "gpt-4.1"  # a predefined model of the official plugin that streams over Responses
TARGET_STREAM = 3  # issue 27: ≥ 3× the official plugin's stream throughput


def default_spec() -> Path:
    shipped = ROOT / "specs" / "openai.yaml"
    return shipped if shipped.exists() else ROOT / "tests" / "conformance" / "specs" / "relay.yaml"


@dataclass(frozen=True)
class Sizes:
    chunks: int  # per SDK-level stream
    rounds: int  # SDK-level streams per side, after a warm-up
    blocking: int  # blocking calls per side
    batch: int  # blocking calls per side before switching sides
    shapes: tuple[Shape, ...]  # daemon shapes
    shape_rounds: int  # runs of each daemon shape per side, after a warm-up


FULL = Sizes(chunks=20000, rounds=5, blocking=100, batch=20, shapes=(Shape(100, 400, 10),), shape_rounds=3)
QUICK = Sizes(chunks=300, rounds=1, blocking=20, batch=10, shapes=(Shape(8, 20, 10),), shape_rounds=1)


def shapes_of(text: str) -> tuple[Shape, ...]:
    """Daemon shapes from the command line: CONCURRENCYxCHUNKSxPACING_MS, comma-separated."""
    try:
        shapes = tuple(Shape(*(int(n) for n in part.split("x", 2))) for part in text.split(","))
    except (TypeError, ValueError):
        raise ArgumentTypeError(f"{text!r}: expected CONCURRENCYxCHUNKSxPACING_MS[,…], e.g. 100x400x10") from None
    if any(min(s.concurrency, s.chunks) < 1 or s.pacing_ms < 0 for s in shapes):
        raise ArgumentTypeError(f"{text!r}: concurrency and chunks must be ≥ 1, pacing ≥ 0")
    return shapes


@dataclass(frozen=True)
class Side:
    name: str  # generated | official
    python: Path  # the interpreter of its environment
    folder: Path  # its plugin tree (a scratch copy)
    provider: str  # the provider name requests carry
    model: str
    credentials: Callable[[str], dict]  # the stream server's base URL and path prefix → credentials
    route: str = "r"  # the stream server's first path segment, before the chunk count (r: Responses)
    parameters: dict = field(default_factory=dict)  # model parameters every call sends


def generated(spec: Path, work: Path) -> Side:
    """The spec compiled into `work`; credentials as its provider names them, a protocol choice
    (a credential select offering `responses`) set to Responses."""
    provider, files = compile_spec(spec)
    write_tree(work / "generated", files)
    api, base_path = provider.api, urlsplit(provider.api.base_url).path.rstrip("/")
    choice = {c.variable: "responses" for c in provider.credentials if "responses" in [o.value for o in c.options]}
    names = [m.name for m in provider.models if m.type == "llm"]

    def credentials(prefix: str) -> dict:
        return {api.api_key_variable: "k", api.base_url_variable: prefix + base_path} | choice

    model = OFFICIAL_MODEL if OFFICIAL_MODEL in names else names[0]
    return Side("generated", Path(sys.executable), work / "generated" / "dify", provider.name, model, credentials)


def official(source: Path, work: Path, install: bool) -> tuple[Side | None, str]:
    """The official plugin copied into `work`, with its environment's python; or (None, why not)."""
    if not (source / "pyproject.toml").exists():
        return None, f"{source}/pyproject.toml not found"
    python, why = official_env.build(source, "official-openai", install)
    if python is None:
        return None, why
    shutil.copytree(source, work / "official-openai")

    def credentials(prefix: str) -> dict:  # the plugin adds /v1 to a base URL without it
        return {"openai_api_key": "k", "openai_api_base": prefix, "api_protocol": "responses"}

    return Side("official", python, work / "official-openai", "openai", OFFICIAL_MODEL, credentials), ""


class SideProcess:
    """bench/sdk_side.py for one side, spoken to a command at a time."""

    def __init__(self, side: Side, server: str, chunks: int) -> None:
        self.side, self.errors = side, tempfile.TemporaryFile()
        argv = [str(side.python), str(BENCH / "sdk_side.py"), "--model", side.model, "--chunks", str(chunks)]
        argv += ["--credentials", json.dumps(side.credentials(f"{server}/{side.route}{chunks}"))]
        argv += ["--parameters", json.dumps(side.parameters)]
        env = dict(os.environ, INSTALL_METHOD="local", PYTHONDONTWRITEBYTECODE="1", NO_PROXY="*", no_proxy="*")
        self.process = subprocess.Popen(
            argv, cwd=side.folder, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, text=True
        )
        self.answer()

    def answer(self) -> dict:
        """The next JSON line (other output, such as logs, is skipped)."""
        for line in self.process.stdout:
            if line.startswith("{"):
                return json.loads(line)
        self.errors.seek(0)
        tail = self.errors.read()[-3000:].decode("utf-8", "replace")
        raise SystemExit(f"{self.side.provider} bench, {self.side.name} side failed:\n{tail}")

    def ask(self, command: str) -> dict:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.answer()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.errors.close()


def alternating(names: list[str], rounds: int) -> list[list[str]]:
    """Each round's order of the sides, reversed every other round."""
    return [names if r % 2 else names[::-1] for r in range(rounds)]


def sdk_samples(sides: list[Side], server: str, sizes: Sizes) -> dict:
    """Seconds per stream and per blocking call for each side, alternating between their processes."""
    procs = {side.name: SideProcess(side, server, sizes.chunks) for side in sides}
    stream: dict[str, list[float]] = {name: [] for name in procs}
    blocking: dict[str, list[float]] = {name: [] for name in procs}
    try:
        for r, order in enumerate(alternating(list(procs), sizes.rounds + 1)):  # round 0 warms up
            for name in order:
                seconds = procs[name].ask("stream")["seconds"]
                if r:
                    stream[name].append(seconds)
        for name in procs:
            procs[name].ask("blocking 5")  # warm-up: connections, first-call caches
        for order in alternating(list(procs), max(1, sizes.blocking // sizes.batch)):
            for name in order:
                blocking[name] += procs[name].ask(f"blocking {sizes.batch}")["samples"]
    finally:
        for proc in procs.values():
            proc.close()
    return {"stream": stream, "blocking": blocking}


def shape_samples(sides: list[Side], server: str, sizes: Sizes) -> dict[Shape, dict[str, list[Run]]]:
    """Runs of every daemon shape for each side, one plugin process per side, alternating."""
    plugins = {side.name: StdioPlugin(side.python, side.folder, side.provider) for side in sides}
    by_name = {side.name: side for side in sides}
    out: dict[Shape, dict[str, list[Run]]] = {}
    try:
        # Warm-up: imports, first-call caches, as many kept-alive connections and worker threads as the
        # widest shape uses, then one uncounted run of the first shape, as a plugin that has been
        # serving would be.
        widest = max(shape.concurrency for shape in sizes.shapes)
        for name, plugin in plugins.items():
            for warm in (Shape(widest, 5, 1, sizes.shapes[0].route), sizes.shapes[0]):
                plugin.run(by_name[name].model, by_name[name].credentials(server + warm.path), warm)
        for shape in sizes.shapes:
            out[shape] = {name: [] for name in plugins}
            for order in alternating(list(plugins), sizes.shape_rounds):
                for name in order:
                    side = by_name[name]
                    out[shape][name].append(plugins[name].run(side.model, side.credentials(server + shape.path), shape))
    finally:
        for plugin in plugins.values():
            plugin.close()
    return out


def measure(server: str, sizes: Sizes, work: Path, spec: Path, source: Path, install: bool = True) -> dict:
    """Every sample of both sides (only ours when the official side is skipped, with the reason);
    `install`: whether the official plugin's environment may be built when absent."""
    ours = generated(spec, work)
    theirs, skipped = official(source, work, install)
    sides = [ours] + ([theirs] if theirs else [])
    return {
        "spec": spec,
        "skipped": skipped,
        "official_requirements": official_env.requirements(source) if theirs else [],
        "sdk": sdk_samples(sides, server, sizes),
        "shapes": shape_samples(sides, server, sizes),
    }


def compared(figure: Callable[[str], str], ratio: Callable[[], str], result: dict) -> tuple[str, str]:
    """The official side's figure and the ratio, or the reason it was skipped."""
    if result["skipped"]:
        return f"skipped: {result['skipped']}", ""
    return figure("official"), ratio()


def sdk_rows(result: dict, sizes: Sizes) -> list[list[str]]:
    us = {k: statistics.median(v) / sizes.chunks * 1e6 for k, v in result["sdk"]["stream"].items()}
    ms = {k: statistics.median(v) * 1e3 for k, v in result["sdk"]["blocking"].items()}
    speedup = us.get("official", 0) / us["generated"]
    theirs, ratio = compared(
        lambda k: f"{us[k]:.1f} µs/chunk ({1e6 / us[k]:,.0f}/s)", lambda: f"{speedup:.2f}× throughput", result
    )
    rows = [
        [
            f"Dify stream, {sizes.chunks:,} chunks, OpenAI Responses: generated vs the official openai plugin",
            f"{us['generated']:.1f} µs/chunk ({1e6 / us['generated']:,.0f}/s)",
            theirs,
            ratio,
            f"≥ {TARGET_STREAM:g}×",
            ("met" if speedup >= TARGET_STREAM else "**not met**") if ratio else "",
        ]
    ]
    calls = len(result["sdk"]["blocking"]["generated"])
    theirs, ratio = compared(
        lambda k: f"{ms[k]:.2f} ms", lambda: f"{ms['generated'] / ms['official']:.2f}× the time", result
    )
    what = f"Dify blocking, {calls} calls, OpenAI Responses: generated vs the official openai plugin, median"
    return rows + [[what, f"{ms['generated']:.2f} ms", theirs, ratio, "(reported)", ""]]


def shape_rows(result: dict) -> list[list[str]]:
    rows = []
    for shape, runs in result["shapes"].items():
        figures = {
            name: [statistics.median(getattr(r, field) for r in samples) for field in Run.__dataclass_fields__]
            for name, samples in runs.items()
        }
        where = (
            f"Daemon shape, openai (`python -m main` over stdio), {shape.concurrency} concurrent streams × "
            f"{shape.chunks} chunks {shape.pacing_ms} ms apart"
        )
        measures = [("ms/op", "ms/op", 1, f"floor {shape.floor_ms:.1f} ms/op")]
        measures += [
            ("plugin CPU per chunk", "µs", 1, "(reported)"),
            ("first-token latency, median", "ms", 2, "(reported)"),
        ]
        for n, (what, unit, digits, target) in enumerate(measures):
            ours = figures["generated"][n]
            theirs, ratio = compared(
                lambda k: f"{figures[k][n]:.{digits}f} {unit}",
                lambda: f"{ours / figures['official'][n]:.2f}× the official's",
                result,
            )
            rows.append([f"{where}: {what}", f"{ours:.{digits}f} {unit}", theirs, ratio, target, ""])
    return rows
