"""Issue 30's daemon shape against the official deepseek plugin, which streams through the SDK's
`OAICompatLargeLanguageModel` helpers (as most official plugins do): each plugin started as the daemon
starts it (`python -m main` over stdio, bench/daemon_shape.py), N concurrent streams of chat-completions
deltas paced by the stream server, alternating sides. Rows for 100 and 300 concurrent streams; a
curve over concurrency (ms/op and plugin CPU per chunk against N, both plugins and the floor) drawn
as an SVG beside RESULTS.md, where a table cannot show where each plugin saturates."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import official_env
import openai_bench
from daemon_shape import Shape
from openai_bench import Side

from compiler.build import compile_spec
from compiler.write import write_tree

ROOT = Path(__file__).resolve().parents[1]
OFFICIAL = Path("/work/official/models/deepseek")  # an extracted snapshot of langgenius/dify-official-plugins
MODEL = "deepseek-v4-flash"  # a model both plugins list
CURVE_FILE = "daemon_curve.svg"


@dataclass(frozen=True)
class Sizes:
    rows: tuple[int, ...]  # concurrencies with rows in the table
    curve: tuple[int, ...]  # concurrencies on the curve (the rows' among them)
    chunks: int
    pacing_ms: int
    rounds: int  # runs per side and concurrency, alternating, after a warm-up
    maibot: tuple[int, ...]  # concurrencies of the MaiBot rows (its host queues at most 128 requests)


FULL = Sizes(rows=(100, 300), curve=(50, 100, 200, 300, 400), chunks=400, pacing_ms=10, rounds=3, maibot=(50, 100))
QUICK = Sizes(rows=(8,), curve=(4, 8), chunks=20, pacing_ms=10, rounds=1, maibot=(8,))
# MaiBot's host refuses a plugin request while 128 are queued to the runner (E_BACK_PRESSURE,
# src/plugin_runtime/host/rpc_server.py: send_queue_size=128), so its rows stop below that.


def default_spec() -> Path:
    return ROOT / "specs" / "deepseek.yaml"


def generated(spec: Path, work: Path) -> Side:
    provider, files = compile_spec(spec)
    write_tree(work / "generated", files)
    api = provider.api
    credentials = lambda prefix: {api.api_key_variable: "k", api.base_url_variable: prefix}  # noqa: E731
    return Side("generated", Path(sys.executable), work / "generated" / "dify", provider.name, MODEL, credentials)


def official(source: Path, work: Path, install: bool) -> tuple[Side | None, str]:
    if not (source / "pyproject.toml").exists():
        return None, f"{source}/pyproject.toml not found"
    python, why = official_env.build(source, "official-deepseek", install)
    if python is None:
        return None, why
    shutil.copytree(source, work / "official-deepseek")
    credentials = lambda prefix: {"api_key": "k", "endpoint_url": prefix}  # noqa: E731
    return Side("official", python, work / "official-deepseek", "deepseek", MODEL, credentials), ""


def measure(url: str, sizes: Sizes, work: Path, spec: Path, source: Path, install: bool = True) -> dict:
    """Runs of every concurrency for each side (ours alone when the official side is skipped)."""
    ours = generated(spec, work)
    theirs, skipped = official(source, work, install)
    shapes = tuple(Shape(n, sizes.chunks, sizes.pacing_ms, "c") for n in sorted(set(sizes.rows + sizes.curve)))
    plan = replace(openai_bench.QUICK, shapes=shapes, shape_rounds=sizes.rounds)
    runs = openai_bench.shape_samples([ours] + ([theirs] if theirs else []), url, plan)
    return {"spec": spec, "skipped": skipped, "sizes": sizes, "runs": runs, "maibot": maibot(url, sizes, work)}


def maibot(url: str, sizes: Sizes, work: Path) -> dict:
    """The MaiBot rows: bench/maibot_daemon.py in its own process (MaiBot's host and runner)."""
    plugin = work / "generated" / "maibot"  # generated() wrote the whole tree
    shapes = ",".join(f"{n}x{sizes.chunks}x{sizes.pacing_ms}" for n in sizes.maibot)
    argv = [sys.executable, str(Path(__file__).parent / "maibot_daemon.py"), url, str(plugin)]
    result = subprocess.run(argv + ["--shapes", shapes, "--rounds", str(sizes.rounds)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"maibot_daemon.py failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.splitlines()[-1])["medians"]


def maibot_rows(result: dict) -> list[list[str]]:
    sizes, out = result["sizes"], []
    for n in sizes.maibot:
        key = f"/c{sizes.chunks}x{sizes.pacing_ms}@{n}"
        ours, theirs = result["maibot"]["generated"][key], result["maibot"]["builtin"][key]
        where = f"MaiBot daemon shape (host + runner), deepseek plugin vs the host's built-in OpenaiClient, {n} concurrent × {sizes.chunks} chunks {sizes.pacing_ms} ms apart"
        for field, what, unit in (("ms_per_op", "ms/op", "ms/op"), ("cpu_us_per_chunk", "MaiBot CPU per chunk", "µs")):
            ratio = ours[field] / theirs[field]
            out.append(
                [
                    f"{where}: {what}",
                    f"{ours[field]:.1f} {unit}",
                    f"{theirs[field]:.1f} {unit}",
                    f"{ratio:.2f}× the built-in's",
                    "(reported)",
                    "",
                ]
            )
    return out


def medians(result: dict) -> dict[int, dict[str, list[float]]]:
    """Concurrency → side → the median of each Run field."""
    return {
        shape.concurrency: {
            name: [statistics.median(getattr(r, f) for r in samples) for f in ("ms_per_op", "cpu_us_per_chunk")]
            + [
                statistics.median(r.first_token_ms for r in samples),
                statistics.median(r.chunks_per_stream for r in samples),
            ]
            for name, samples in runs.items()
        }
        for shape, runs in result["runs"].items()
    }


def rows(result: dict) -> list[list[str]]:
    sizes, figures = result["sizes"], medians(result)
    out = []
    for n in sizes.rows:
        floor = sizes.chunks * sizes.pacing_ms / n
        ours = figures[n]["generated"]
        theirs = figures[n].get("official")
        where = f"Daemon shape, deepseek vs the official deepseek plugin (OAICompat), {n} concurrent × {sizes.chunks} chunks {sizes.pacing_ms} ms apart"
        saturated, near = n >= 300, n <= 100
        for i, (what, unit, digits) in enumerate(
            [("ms/op", "ms/op", 1), ("plugin CPU per chunk", "µs", 1), ("first-token latency, median", "ms", 2)]
        ):
            ratio = ours[i] / theirs[i] if theirs else None
            target, verdict = "(reported)", ""
            if i == 0 and saturated:
                target, verdict = "≤ 0.5× the official's", mark(ratio is not None and ratio <= 0.5)
            elif i == 0 and near:
                target, verdict = f"within 5% of the floor ({floor:.1f})", mark(ours[0] <= floor * 1.05)
            elif i == 1 and saturated:
                target, verdict = "≤ 0.5× the official's", mark(ratio is not None and ratio <= 0.5)
            shown = f"{theirs[i]:.{digits}f} {unit}" if theirs else f"skipped: {result['skipped']}"
            ratio_text = f"{ratio:.2f}× the official's" if ratio is not None else ""
            out.append([f"{where}: {what}", f"{ours[i]:.{digits}f} {unit}", shown, ratio_text, target, verdict])
        chunks = f"{ours[3]:.0f} chunks per answer (of {sizes.chunks} events)"
        other = f"{theirs[3]:.0f}" if theirs else ""
        out.append([f"{where}: text chunks the host gets", chunks, other, "", "(reported)", ""])
    return out + maibot_rows(result)


def mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def svg(result: dict) -> str:
    """Two panels, ms/op and plugin CPU per chunk against concurrency, one line per plugin (and the
    floor on the first): plain SVG, no plotting library."""
    sizes, figures = result["sizes"], medians(result)
    xs = sorted(n for n in figures if n in sizes.curve)
    panels = [("ms/op (wall / N)", 0), ("plugin CPU per chunk (µs)", 1)]
    colours = {"generated": "#1f77b4", "official": "#d62728", "floor": "#7f7f7f"}
    width, height, pad = 360, 240, 44
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width}" height="{height + 30}" font-size="11">']
    for p, (title, index) in enumerate(panels):
        lines = {
            name: [figures[n][name][index] for n in xs] for name in ("generated", "official") if name in figures[xs[0]]
        }
        if index == 0:
            lines["floor"] = [sizes.chunks * sizes.pacing_ms / n for n in xs]
        top = max(max(v) for v in lines.values()) * 1.1
        x0 = p * width
        sx = lambda n: x0 + pad + (n - xs[0]) / max(1, xs[-1] - xs[0]) * (width - 2 * pad)  # noqa: E731
        sy = lambda v: height - pad + 10 - v / top * (height - 2 * pad)  # noqa: E731
        parts.append(f'<text x="{x0 + width / 2}" y="14" text-anchor="middle">{title}</text>')
        parts.append(f'<line x1="{sx(xs[0])}" y1="{sy(0)}" x2="{sx(xs[-1])}" y2="{sy(0)}" stroke="black"/>')
        parts.append(f'<line x1="{sx(xs[0])}" y1="{sy(0)}" x2="{sx(xs[0])}" y2="{sy(top)}" stroke="black"/>')
        for n in xs:
            parts.append(f'<text x="{sx(n):.1f}" y="{sy(0) + 14:.1f}" text-anchor="middle">{n}</text>')
        for v in (top / 2, top / 1.1):
            parts.append(f'<text x="{sx(xs[0]) - 4:.1f}" y="{sy(v):.1f}" text-anchor="end">{v:.0f}</text>')
        for name, values in lines.items():
            points = " ".join(f"{sx(n):.1f},{sy(v):.1f}" for n, v in zip(xs, values))
            dash = ' stroke-dasharray="4 3"' if name == "floor" else ""
            parts.append(f'<polyline points="{points}" fill="none" stroke="{colours[name]}" stroke-width="2"{dash}/>')
        parts.append(f'<text x="{x0 + width / 2}" y="{height + 8}" text-anchor="middle">concurrent streams</text>')
    for i, (name, colour) in enumerate(colours.items()):
        parts.append(f'<text x="{10 + i * 110}" y="{height + 26}" fill="{colour}">— {name}</text>')
    return "\n".join(parts + ["</svg>"]) + "\n"


def notes(result: dict) -> str:
    sizes = result["sizes"]
    return f"""- Daemon shape against the official deepseek plugin (bench/daemon_bench.py, issue 30): the plugin
  generated from `specs/deepseek.yaml` and the official deepseek plugin (on the SDK's
  `OAICompatLargeLanguageModel`, in its own venv bench/.venvs/official-deepseek from its uv.lock),
  each as `python -m main` over stdio as above, model {MODEL}; the stream server paces
  chat-completions deltas ({sizes.chunks} per answer, {sizes.pacing_ms} ms apart). Concurrency
  {", ".join(map(str, sorted(set(sizes.rows + sizes.curve))))}; {sizes.rounds} runs per side each, alternating, after
  a warm-up; medians. The curve is {CURVE_FILE} beside this file. "Text chunks the host gets" counts
  the chunks with text per answer: the generated plugin sends the text of events that had already
  arrived together as one chunk (never waiting for more), so under load it writes fewer, larger
  chunks; the official plugin writes one per event.
- MaiBot daemon shape (bench/maibot_daemon.py): MaiBot's real host starts its runner (a subprocess
  that loads the generated deepseek plugin's plugin.py), and N `get_response` calls go at once
  through the host's client registry: to the plugin over the runner's IPC (one request and one
  answer per call, however long the stream: the host gets the final answer, so there is no chunk
  to merge and no first token to time), or to MaiBot's built-in `OpenaiClient` (openai SDK) in the
  host with `force_stream_mode`. Same paced stream; concurrency {", ".join(map(str, sizes.maibot))} (the host refuses a
  plugin request while 128 are queued to the runner: E_BACK_PRESSURE, rpc_server.py's
  send_queue_size); {sizes.rounds} runs per side, alternating, after a warm-up; medians. CPU per chunk is the
  host's and the runner's user + system time over the run / (N × chunks), for both sides.
"""
