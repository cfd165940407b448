"""Bursts of concurrent requests: connections opened per burst of 64, with every answer checked.

Dify: one daemon-style plugin process (`python -m main`) gets 64 requests at once on stdin, three
bursts in a row, streams and blocking calls mixed; the generated plugin as it is, and a copy whose
pool is sized as before issue 12 (16 connections). MaiBot: the generated plugin's handler, imported
as the runner imports it, given 64 concurrent calls per burst (the runner runs each in its own task).
Each answer names its request ("echo:" and the request's text), so a crossed or corrupted stream
fails the benchmark. Run by bench/run.py; `python burst.py maibot SERVER PLUGIN_DIR SIZE BURSTS` is
the MaiBot side, in its own process."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]
from stream_server import MODEL  # noqa: E402

HOLD_MS = 300  # how long the server holds each answer, so that a burst's requests overlap
POOL_BEFORE = ("maxsize=max(1, settings().MAX_WORKER)", "maxsize=16")  # dify/transport.pool, before/after


def opened(server: str) -> int:
    """Connections that carried their first request since the last call (stream_server.py)."""
    with urllib.request.urlopen(urllib.request.Request(server + "/connections", method="POST")) as answer:
        return json.loads(answer.read())["opened"]


def marker(burst: int, n: int) -> str:
    return f"b{burst}-r{n}"


def check(burst: int, texts: list[str]) -> None:
    wrong = [n for n, text in enumerate(texts) if text != "echo:" + marker(burst, n)]
    if wrong:
        raise SystemExit(f"burst {burst}: {len(wrong)} answers crossed or corrupted, e.g. {texts[wrong[0]]!r}")


def dify(server: str, plugin_source: Path, work: Path, before: bool, size: int, bursts: int) -> dict[str, Any]:
    """Connections opened by each burst through one Dify plugin process, and pool-full warnings."""
    from tests.integration.dify_runner import DifyPlugin

    source = plugin_source
    if before:
        source = work / "before" / "dify"
        shutil.copytree(plugin_source, source)
        transport = source / "models" / "runtime" / "dify" / "transport.py"
        text = transport.read_text()
        if POOL_BEFORE[0] not in text:
            raise SystemExit("burst: dify/transport.pool() changed; update POOL_BEFORE")
        transport.write_text(text.replace(*POOL_BEFORE))
    plugin = DifyPlugin(source, work / ("run-before" if before else "run-after"), read_timeout=60)
    try:
        credentials = {"api_key": "k", "base_url": f"{server}/echo{HOLD_MS}/v1"}
        counts = []
        opened(server)
        for burst in range(bursts):
            requests = [
                (
                    "invoke_llm",
                    plugin.llm_request(
                        MODEL, credentials, [{"role": "user", "content": marker(burst, n)}], n % 2 == 0, provider="acme"
                    ),
                )
                for n in range(size)
            ]
            outcomes = plugin.burst(requests, timeout=120)
            failed = [o.error for o in outcomes if o.error]
            if failed:
                raise SystemExit(f"dify burst {burst}: {len(failed)} failed, e.g. {failed[0]}")
            check(burst, ["".join(i["delta"]["message"]["content"] or "" for i in o.items) for o in outcomes])
            counts.append(opened(server))
        warnings = sum(b"Connection pool is full" in line for line in plugin.child.stdout)
        return {"opened": counts, "pool_full_warnings": warnings}
    finally:
        plugin.close()


async def maibot_bursts(plugin: Any, client_type: str, server: str, size: int, bursts: int) -> list[int]:
    def request(burst: int, n: int) -> dict[str, Any]:
        text = marker(burst, n)
        return {
            "model_info": {"model_identifier": MODEL, "name": MODEL, "force_stream_mode": n % 2 == 0},
            "api_provider": {"client_type": client_type, "base_url": f"{server}/echo{HOLD_MS}/v1", "api_key": "k"},
            "context_items": [{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": text}]}],
        }

    counts = []
    opened(server)
    try:
        for burst in range(bursts):
            calls = [plugin.handle(operation="response", request=request(burst, n)) for n in range(size)]
            results = await asyncio.gather(*calls)
            check(burst, ["".join(p["text"] for p in r["output_items"][0]["parts"]) for r in results])
            counts.append(opened(server))
    finally:
        await plugin.on_unload()
    return counts


def maibot_main(server: str, plugin_dir: Path, size: int, bursts: int) -> None:
    from maibot_side import import_plugin

    plugin_dir = plugin_dir.resolve()  # before the chdir below
    work = Path(tempfile.mkdtemp(prefix="maibot-burst-"))
    os.environ["MAIBOT_INSTANCE_DIR"] = str(work)
    os.chdir(work)
    protocol = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    try:
        module = import_plugin(plugin_dir, work)
        client_type = next(iter(json.loads((plugin_dir / "_manifest.json").read_text())["llm_providers"]))
        counts = asyncio.run(maibot_bursts(module.create_plugin(), client_type, server, size, bursts))
        protocol.write(json.dumps({"opened": counts}) + "\n")
        protocol.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    maibot_main(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
