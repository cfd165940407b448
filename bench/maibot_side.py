"""MaiBot side of the plugin benchmarks; run by bench/run.py in its own process.

`python maibot_side.py SERVER PLUGIN_DIR` imports the generated MaiBot plugin the way the host's
runner does (as a package) and calls its `@LLMProvider` handler with the request dict the host
sends, alternately with MaiBot's built-in OpenAI client (`OpenaiClient`, the openai SDK) given
the same model and provider settings. Both answer from the same loopback stream server:
streams (force_stream_mode) and small blocking calls. One JSON object goes to stdout."""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stream_server import MODEL, expected_text  # noqa: E402

PROMPT = "Say something long."


def import_plugin(source: Path, work: Path) -> ModuleType:
    folder = work / "plugins" / "generated"
    shutil.copytree(source, folder)
    spec = importlib.util.spec_from_file_location(
        "bench_plugin", folder / "plugin.py", submodule_search_locations=[str(folder)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_plugin"] = module
    spec.loader.exec_module(module)
    return module


class Sides:
    """The generated handler and the built-in client, each answering (stream?) → (text, tokens)."""

    def __init__(self, plugin: ModuleType, server: str, chunks: int) -> None:
        from src.config.model_configs import APIProvider, ModelInfo
        from src.llm_models.model_client.openai_client import OpenaiClient

        self.server, self.chunks = server, chunks
        self.plugin = plugin.create_plugin()
        manifest = json.loads((Path(plugin.__file__).parent / "_manifest.json").read_text())
        self.client_type = manifest["llm_providers"][0]["client_type"]
        self.builtin = {}
        for stream in (False, True):
            provider = APIProvider(
                name="bench", base_url=self.base(stream), api_key="k", client_type="openai", timeout=60, max_retry=0
            )
            model = ModelInfo(
                model_type="llm", model_identifier=MODEL, name=MODEL, api_provider="bench", force_stream_mode=stream
            )
            self.builtin[stream] = (OpenaiClient(provider), model)

    def base(self, stream: bool) -> str:
        return f"{self.server}/s{self.chunks}/v1" if stream else f"{self.server}/v1"

    async def generated(self, stream: bool) -> tuple[str, int]:
        request = {
            "model_info": {"model_identifier": MODEL, "name": MODEL, "force_stream_mode": stream},
            "api_provider": {
                "client_type": self.client_type,
                "base_url": self.base(stream),
                "api_key": "k",
                "timeout": 60,
                "max_retry": 0,
            },
            "context_items": [{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": PROMPT}]}],
            "extra_params": {},
        }
        result = await self.plugin.handle(operation="response", request=request)
        (item,) = result["output_items"]
        return item["parts"][0]["text"], result["usage"]["completion_tokens"]

    async def openai(self, stream: bool) -> tuple[str, int]:
        from src.llm_models.model_client.base_client import ResponseRequest
        from src.llm_models.payload_content.context_snapshot import deserialize_context_items_snapshot

        client, model = self.builtin[stream]
        item = {
            "item_type": "UserMessageItem",
            "parts": [{"type": "text", "text": PROMPT}],
            "meta": {"item_id": "i1", "logical_turn_id": "t1", "timestamp": "2026-01-01T00:00:00"},
        }
        request = ResponseRequest(model_info=model, context_items=deserialize_context_items_snapshot([item]))
        response = await client.get_response(request)
        return response.content, response.usage.completion_tokens


async def measure(sides: Sides, chunks: int, rounds: int, blocking: int, batch: int) -> dict[str, Any]:
    names = ["generated", "openai"]
    calls = {"generated": sides.generated, "openai": sides.openai}
    stream: dict[str, list[float]] = {n: [] for n in names}
    want = expected_text(chunks)
    for r in range(rounds + 1):  # round 0 warms up
        for name in names if r % 2 else names[::-1]:
            gc.collect()
            started = time.perf_counter()
            text, tokens = await calls[name](True)
            elapsed = time.perf_counter() - started
            if text != want or tokens != chunks:
                raise SystemExit(f"{name}: wrong stream ({len(text)} chars, {tokens} tokens)")
            if r:
                stream[name].append(elapsed)
    block: dict[str, list[float]] = {n: [] for n in names}
    for name in names:
        await calls[name](False)
    for b in range(max(1, blocking // batch)):
        for name in names if b % 2 else names[::-1]:
            for _ in range(batch):
                started = time.perf_counter()
                text, tokens = await calls[name](False)
                block[name].append(time.perf_counter() - started)
                if text != "pong" or tokens != 1:
                    raise SystemExit(f"{name}: wrong blocking answer {text!r}")
    return {"stream": stream, "blocking": block}


async def run(sides: Sides, args: argparse.Namespace) -> dict[str, Any]:
    try:
        return await measure(sides, args.chunks, args.rounds, args.blocking, args.batch)
    finally:
        await sides.plugin.on_unload()  # closes the plugin's HTTP session, as the host does


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("server")
    cli.add_argument("plugin", type=Path)
    cli.add_argument("--chunks", type=int, default=20000)
    cli.add_argument("--rounds", type=int, default=5)
    cli.add_argument("--blocking", type=int, default=500)
    cli.add_argument("--batch", type=int, default=50)
    args = cli.parse_args()
    work = Path(tempfile.mkdtemp(prefix="maibot-bench-"))
    os.environ["MAIBOT_INSTANCE_DIR"] = str(work)  # before the first `src` import
    os.chdir(work)  # the host's logger writes ./logs
    protocol = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # the host logs to stdout; keep it off the result
    try:
        plugin = import_plugin(args.plugin.resolve(), work)
        result = asyncio.run(run(Sides(plugin, args.server, args.chunks), args))
        protocol.write(json.dumps(result) + "\n")
        protocol.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
