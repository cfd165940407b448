"""Issue 30's daemon shape for MaiBot: the generated plugin through MaiBot's real host and runner
against the host's built-in OpenAI client, N concurrent streamed answers of paced deltas.

`python maibot_daemon.py SERVER PLUGIN_DIR --shapes 100x400x10,300x400x10 --rounds 3` starts the
host's runner supervisor over a fresh instance (the runner is a subprocess that loads plugin.py, as
in a running MaiBot), then, alternating sides, sends N `get_response` calls at once through the
host's client registry: for the plugin, the registry's PluginLLMClient (one IPC request and one
answer per call, however long the stream); for the built-in side, MaiBot's own `OpenaiClient` (the
openai SDK) in the host with `force_stream_mode`. Both read the stream server's paced chat stream.
Figures per run: ms/op (wall / N), and MaiBot's CPU per chunk: the host's and the runner's user +
system time over the run, divided by N × chunks (the built-in side's runner idles, and is counted
too). The host sees no chunk of either side, only the final answer, so there is no first-token
latency to report. Every answer is checked whole (text and completion tokens). One JSON object
goes to stdout: {side: {shape: [runs]}}."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]
from daemon_shape import TICK, Shape  # noqa: E402
from openai_bench import shapes_of  # noqa: E402
from stream_server import MODEL, expected_text  # noqa: E402

from tests.integration import maibot_host  # noqa: E402  (the host driver the conformance suite uses)

PROMPT = "Say something long."


def children_cpu() -> float:
    """User + system seconds of this process's child processes still running (the runner)."""
    total = 0.0
    for task in Path("/proc/self/task").iterdir():
        for pid in (task / "children").read_text().split():
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
    return total


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def command(client_type: str, base_url: str) -> dict[str, Any]:
    return {
        "op": "response",
        "api_provider": {"client_type": client_type, "base_url": base_url, "api_key": "k", "timeout": 600},
        "model_info": {"model_identifier": MODEL, "name": MODEL, "force_stream_mode": True},
        "context_items": [{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": PROMPT}]}],
    }


async def one_run(client_type: str, server: str, shape: Shape, side: str) -> dict[str, float]:
    base = f"{server}{shape.path}/v1"
    name = f"bench-{side}-{shape.concurrency}{shape.path}"  # a client per side and shape (its base URL), reused
    want = expected_text(shape.chunks)
    cpu = own_cpu() + children_cpu()
    started = time.perf_counter()
    answers = await asyncio.gather(
        *(maibot_host.run(command(client_type, base), name) for _ in range(shape.concurrency))
    )
    wall = time.perf_counter() - started
    cpu = own_cpu() + children_cpu() - cpu
    wrong = [a for a in answers if a["content"] != want or (a["usage"] or {}).get("completion_tokens") != shape.chunks]
    if wrong:
        raise SystemExit(
            f"{side}: {len(wrong)} wrong answers, e.g. {len(wrong[0]['content'] or '')} of {len(want)} chars"
        )
    return {
        "ms_per_op": wall * 1000 / shape.concurrency,
        "cpu_us_per_chunk": cpu * 1e6 / (shape.concurrency * shape.chunks),
    }


async def measure(plugins: Path, server: str, shapes: tuple[Shape, ...], rounds: int) -> dict[str, Any]:
    from src.plugin_runtime.host.supervisor import PluginRunnerSupervisor

    client_type = json.loads((next(plugins.iterdir()) / "_manifest.json").read_text())["llm_providers"][0][
        "client_type"
    ]
    sides = {"generated": client_type, "builtin": "openai"}
    supervisor = PluginRunnerSupervisor(plugin_dirs=[plugins], group_name="third_party", runner_spawn_timeout_sec=60)
    await supervisor.start()
    out: dict[str, Any] = {side: {} for side in sides}
    try:
        for side, kind in sides.items():  # warm-up: connections and clients for the widest shape
            await one_run(kind, server, replace_chunks(max(shapes, key=lambda s: s.concurrency), 5), side)
        for shape in shapes:
            for side in sides:
                out[side][shape.path + f"@{shape.concurrency}"] = []
            for r in range(rounds):
                for side in list(sides) if r % 2 == 0 else list(sides)[::-1]:
                    run = await one_run(sides[side], server, shape, side)
                    out[side][shape.path + f"@{shape.concurrency}"].append(run)
    finally:
        await supervisor.stop()
    return out


def replace_chunks(shape: Shape, chunks: int) -> Shape:
    return Shape(shape.concurrency, chunks, 1, shape.route)


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("server")
    cli.add_argument("plugin", type=Path)
    cli.add_argument("--shapes", type=shapes_of, required=True)
    cli.add_argument("--rounds", type=int, default=3)
    args = cli.parse_args()
    shapes = tuple(Shape(s.concurrency, s.chunks, s.pacing_ms, "c") for s in args.shapes)
    protocol = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # the host logs to stdout; keep it off the result
    instance = Path(tempfile.mkdtemp(prefix="maibot-bench-"))
    os.environ["MAIBOT_INSTANCE_DIR"] = str(instance)  # before the first `src` import
    os.chdir(instance)  # the host's logger writes ./logs
    if maibot_host.SEED.is_dir():
        shutil.copytree(maibot_host.SEED, instance / "config")
    plugins = instance / "plugins"
    shutil.copytree(args.plugin.resolve(), plugins / "generated")
    try:
        result = asyncio.run(measure(plugins, args.server, shapes, args.rounds))
        medians = {
            side: {k: {f: statistics.median(r[f] for r in runs) for f in runs[0]} for k, runs in by.items()}
            for side, by in result.items()
        }
        protocol.write(json.dumps({"runs": result, "medians": medians}) + "\n")
        protocol.flush()
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
