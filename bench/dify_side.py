"""Dify side of the plugin benchmarks; run by bench/run.py in its own process (dify_plugin
monkey-patches the process with gevent), with the generated plugin folder as working directory.

The generated model is loaded by the SDK's own PluginRegistration, as the daemon-started plugin
does. Three models answer the same requests through the SDK's public `invoke`:
- generated: the generated llm.py, talking to the loopback stream server;
- oaicompat: a subclass of the SDK's OAICompatLargeLanguageModel (today's common way), same server;
- floor: an in-process model whose `_invoke` parses pre-made SSE lines and yields chunks.
They run alternately in one process; one JSON object with every sample goes to stdout."""

from __future__ import annotations

import dify_plugin  # noqa: F401  (first: gevent's monkey patching, as in a running plugin)

import argparse
import cProfile
import gc
import json
import pstats
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dify_plugin.config.config import DifyPluginEnv
from dify_plugin.core.plugin_registration import PluginRegistration
from dify_plugin.entities.model import ModelType
from dify_plugin.entities.model.llm import LLMResultChunk, LLMResultChunkDelta
from dify_plugin.entities.model.message import AssistantPromptMessage, UserPromptMessage
from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel
from dify_plugin.interfaces.model.openai_compatible.llm import OAICompatLargeLanguageModel

# The plugin folder (the working directory) is importable, as under `python -m main`.
sys.path[:0] = [str(Path.cwd()), str(Path(__file__).resolve().parent)]
from stream_server import MODEL, events, expected_text  # noqa: E402

PROMPT = [UserPromptMessage(content="Say something long.")]


class OAICompatModel(OAICompatLargeLanguageModel):
    """What a hand-written plugin usually is: the SDK's OpenAI-compatible class, unchanged."""


class BenchModel(LargeLanguageModel):
    """A benchmark's hand-written model: no token counting, credential check or error mapping."""

    def get_num_tokens(self, model, credentials, prompt_messages, tools=None) -> int:
        return 0

    def validate_credentials(self, model: str, credentials: dict) -> None:
        pass

    @property
    def _invoke_error_mapping(self) -> dict:
        return {}


class FloorModel(BenchModel):
    """No network and no protocol work beyond the minimum: split pre-made SSE lines, parse each
    data line's JSON and build the SDK's chunk object. The floor a plugin can approach."""

    lines: list[bytes] = []

    def _invoke(
        self, model, credentials, prompt_messages, model_parameters, tools=None, stop=None, stream=True, user=None
    ) -> Iterator[LLMResultChunk]:
        usage, index = None, 0
        for line in self.lines:
            if not line.startswith(b"data: ") or line == b"data: [DONE]":
                continue
            payload = json.loads(line[6:])
            usage = payload.get("usage") or usage
            for choice in payload["choices"]:
                content = choice["delta"].get("content")
                if content:
                    yield LLMResultChunk(
                        model=model,
                        delta=LLMResultChunkDelta(index=index, message=AssistantPromptMessage(content=content)),
                    )
                    index += 1
        yield LLMResultChunk(
            model=model,
            delta=LLMResultChunkDelta(
                index=index,
                message=AssistantPromptMessage(content=""),
                usage=self._calc_response_usage(model, credentials, usage["prompt_tokens"], usage["completion_tokens"]),
                finish_reason="stop",
            ),
        )


def load_generated() -> LargeLanguageModel:
    registration = PluginRegistration(DifyPluginEnv())
    (provider,) = registration.models_mapping
    return registration.get_model_instance(provider, ModelType.LLM)


def sides(server: str, chunks: int) -> dict[str, Callable[[bool], Any]]:
    """name → call(stream): each runs one request through the SDK's public invoke."""
    generated = load_generated()
    schemas = generated.model_schemas
    oaicompat, floor = OAICompatModel(schemas), FloorModel(schemas)
    floor.lines = b"".join(events(chunks)).split(b"\n")
    base = f"{server}/s{chunks}/v1"
    credentials = {
        "generated": {"api_key": "k", "base_url": base},
        "oaicompat": {"api_key": "k", "endpoint_url": base, "mode": "chat"},
        "floor": {},
    }
    models = {"generated": generated, "oaicompat": oaicompat, "floor": floor}
    return {
        name: (lambda stream, m=model, c=credentials[name]: m.invoke(MODEL, c, PROMPT, {}, stream=stream))
        for name, model in models.items()
    }


def consume(result: Iterator[LLMResultChunk]) -> tuple[int, str, int]:
    """(chunks, text, completion tokens) of one invocation."""
    count, parts, tokens = 0, [], 0
    for chunk in result:
        count += 1
        parts.append(chunk.delta.message.content or "")
        if chunk.delta.usage is not None:
            tokens = chunk.delta.usage.completion_tokens
    return count, "".join(parts), tokens


def stream_samples(
    calls: dict[str, Callable[[bool], Any]], names: list[str], chunks: int, rounds: int, out: dict[str, int]
) -> dict:
    """Seconds per full stream for each side, alternating the order every round; each answer is
    checked, so a side that drops chunks or usage cannot look fast. `out` gets the chunks each side
    handed the SDK for one stream (the generated plugin sends events that arrived together as one)."""
    samples: dict[str, list[float]] = {n: [] for n in names}
    want = expected_text(chunks)
    for r in range(rounds + 1):  # round 0 warms up
        order = names if r % 2 else names[::-1]
        for name in order:
            gc.collect()
            started = time.perf_counter()
            count, text, tokens = consume(calls[name](True))
            elapsed = time.perf_counter() - started
            if text != want or tokens != chunks:
                raise SystemExit(f"{name}: wrong stream ({count} chunks, {len(text)} chars, {tokens} tokens)")
            if r:
                samples[name].append(elapsed)
            out[name] = count
    return samples


def blocking_samples(calls: dict[str, Callable[[bool], Any]], names: list[str], total: int, batch: int) -> dict:
    """Seconds per blocking call, in alternating batches."""
    samples: dict[str, list[float]] = {n: [] for n in names}
    for name in names:  # warm-up: connections, imports, first-call caches
        consume(calls[name](False))
    for b in range(max(1, total // batch)):
        for name in names if b % 2 else names[::-1]:
            for _ in range(batch):
                started = time.perf_counter()
                count, text, tokens = consume(calls[name](False))
                samples[name].append(time.perf_counter() - started)
                if text != "pong" or tokens != 1:
                    raise SystemExit(f"{name}: wrong blocking answer {text!r}, {tokens} tokens")
    return samples


AREAS = [  # (where own time is spent, path fragment or builtin-name fragment), first match wins
    # cProfile charges json's C scanner to its caller, the runtime's http.loads (only it runs per chunk).
    ("json (parsing event data)", "/json/"),
    ("json (parsing event data)", str(Path.cwd() / "models" / "runtime" / "http.py")),
    ("generated plugin (its runtime: models/runtime/)", str(Path.cwd())),
    ("pydantic (the SDK's chunk objects)", "pydantic"),
    ("HTTP: urllib3, http.client, sockets", "urllib3"),
    ("HTTP: urllib3, http.client, sockets", "/http/"),
    ("HTTP: urllib3, http.client, sockets", "socket"),
    ("gevent", "gevent"),
    ("Dify SDK (invoke, timing)", "dify_plugin"),
]


def area(file: str, name: str) -> str:
    where = file if file != "~" else name
    return next((label for label, fragment in AREAS if fragment in where), "builtins (dict.get, bytes ops, …)")


def profile(call: Callable[[bool], Any], top: int) -> dict[str, list[tuple[str, float]]]:
    """Where one generated stream's time goes: own time by area, and the functions with the most
    (cProfile; its overhead inflates small Python functions, so read shares, not microseconds)."""
    profiler = cProfile.Profile()
    profiler.runcall(lambda: consume(call(True)))
    stats = pstats.Stats(profiler).stats
    total = sum(entry[2] for entry in stats.values())
    areas: dict[str, float] = {}
    for (file, _, name), (_, _, own, *_) in stats.items():
        areas[area(file, name)] = areas.get(area(file, name), 0) + own / total
    rows = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return {
        "areas": sorted(areas.items(), key=lambda item: item[1], reverse=True),
        "functions": [
            (f"{Path(file).name}:{line} {name}", own / total) for (file, line, name), (_, _, own, *_) in rows
        ],
    }


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("server")
    cli.add_argument("--chunks", type=int, default=20000)
    cli.add_argument("--rounds", type=int, default=5)
    cli.add_argument("--blocking", type=int, default=500)
    cli.add_argument("--batch", type=int, default=50)
    cli.add_argument("--profile", type=int, default=12, help="how many functions the profile lists")
    args = cli.parse_args()
    calls = sides(args.server, args.chunks)
    names = ["generated", "oaicompat", "floor"]
    chunks_out: dict[str, int] = {}
    result = {
        "stream": stream_samples(calls, names, args.chunks, args.rounds, chunks_out),
        "chunks_out": chunks_out,
        "blocking": blocking_samples(calls, ["generated", "oaicompat"], args.blocking, args.batch),
        "profile": profile(calls["generated"], args.profile),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
