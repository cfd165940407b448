"""MaiBot's real host, driven over stdin/stdout: run as a script, never imported by pytest.

`python maibot_host.py PLUGIN_DIR` copies one generated plugin into a fresh instance directory,
validates its manifest with the host's validator, starts the host's runner supervisor (the
runner is a subprocess that loads plugin.py), prints one JSON "ready" report, then answers one
JSON command per line by calling the host's PluginLLMClient — the object MaiBot's own model
orchestration calls. The host prints logs freely; the protocol uses a private copy of stdout.

MaiBot writes its default configuration on its first start in an instance; the first host of a
machine keeps it (SEED) for the next ones, with its example API provider's client type changed to
one MaiBot has no module for: every call here names its own api_provider, and MaiBot then imports no
client SDK it would not use (a host starts in a third less time).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import sys
import tempfile
import traceback
from importlib.metadata import version
from pathlib import Path
from typing import Any

SEED = Path(tempfile.gettempdir()) / f"maibot-{version('maibot')}-test-config"


def main() -> None:
    source = Path(sys.argv[1]).resolve()
    protocol = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)  # anything the host prints goes to stderr
    instance = Path(tempfile.mkdtemp(prefix="maibot-instance-"))
    os.environ["MAIBOT_INSTANCE_DIR"] = str(instance)  # before the first `src` import
    os.chdir(instance)  # the host's logger writes ./logs
    seeded = SEED.is_dir()
    if seeded:
        shutil.copytree(SEED, instance / "config")
    plugins = instance / "plugins"
    shutil.copytree(source, plugins / source.parent.name)
    try:
        asyncio.run(serve(plugins, protocol))
    finally:
        if not seeded and (instance / "config" / "model_config.toml").is_file():
            keep_seed(instance / "config")
        shutil.rmtree(instance, ignore_errors=True)


def keep_seed(config: Path) -> None:
    """The configuration MaiBot wrote, for the next hosts (SEED; another host may have kept one first)."""
    staging = Path(tempfile.mkdtemp(prefix=SEED.name + "-", dir=SEED.parent))
    shutil.copytree(config, staging, dirs_exist_ok=True)
    model = staging / "model_config.toml"
    text = model.read_text(encoding="utf-8")
    model.write_text(re.sub(r'(?m)^client_type = "[^"]*"', 'client_type = "none"', text), encoding="utf-8")
    try:
        staging.rename(SEED)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)


async def serve(plugins: Path, protocol: Any) -> None:
    from src.llm_models.model_client.base_client import client_registry
    from src.plugin_runtime.host.supervisor import PluginRunnerSupervisor
    from src.plugin_runtime.integration import PluginRuntimeManager
    from src.plugin_runtime.runner.manifest_validator import ManifestValidator

    def send(message: dict[str, Any]) -> None:
        protocol.write(json.dumps(message, ensure_ascii=False) + "\n")

    validator = ManifestValidator(validate_python_package_dependencies=False)
    plugin_dir = next(plugins.iterdir())
    manifest = validator.load_from_plugin_path(plugin_dir)
    report: dict[str, Any] = {
        "event": "ready",
        "manifest_errors": [str(e) for e in validator.errors],
        "manifest_warnings": [str(w) for w in getattr(validator, "warnings", [])],
        "client_types": sorted(manifest.llm_provider_client_types) if manifest else [],
        "plugin_id": manifest.id if manifest else None,
        "conflicts": PluginRuntimeManager._discover_llm_provider_conflicts([plugins]),
    }
    supervisor = PluginRunnerSupervisor(plugin_dirs=[plugins], group_name="third_party", runner_spawn_timeout_sec=60)
    await supervisor.start()
    try:
        report["loaded"] = sorted(supervisor.get_loaded_plugin_ids())
        report["failures"] = {k: str(v) for k, v in supervisor.get_plugin_load_failure_reasons().items()}
        report["registry"] = {
            name: {"owner": reg.owner_plugin_id, "version": reg.version, "description": reg.description}
            for name, reg in client_registry.client_registry.items()
            if getattr(reg, "owner_plugin_id", None)
        }
        send(report)
        reader = asyncio.StreamReader()
        loop = asyncio.get_running_loop()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        count = 0
        while line := await reader.readline():
            count += 1
            command = json.loads(line)
            try:
                send({"ok": True, **await run(command, f"provider-{count}")})
            except Exception as exc:  # the host's own exception types are what the test inspects
                send({"ok": False, "type": type(exc).__name__, "message": str(exc), "trace": traceback.format_exc()})
    finally:
        await supervisor.stop()


async def run(command: dict[str, Any], name: str) -> dict[str, Any]:
    from src.config.model_configs import APIProvider, ModelInfo
    from src.llm_models.model_client.base_client import (
        AudioTranscriptionRequest,
        EmbeddingRequest,
        ResponseRequest,
        client_registry,
    )
    from src.llm_models.payload_content.context_snapshot import deserialize_context_items_snapshot
    from src.llm_models.payload_content.resp_format import RespFormat, RespFormatType
    from src.llm_models.payload_content.tool_option import normalize_tool_options

    if command["op"] == "logs":  # the host's log files, for tests that search them
        files = sorted(p for p in Path("logs").rglob("*") if p.is_file())
        return {"logs": {str(p): p.read_text("utf-8", "replace") for p in files}}
    provider = APIProvider(name=name, **command["api_provider"])
    model = ModelInfo(api_provider=name, **{"model_type": "llm", **command["model_info"]})
    client = await client_registry.get_client_class_instance_async(provider)
    extra = command.get("extra_params") or {}
    op = command["op"]
    if op == "embedding":
        response = await client.get_embedding(
            EmbeddingRequest(model_info=model, embedding_input=command["input"], extra_params=extra)
        )
        return {"embedding": response.embedding, "usage": usage(response)}
    if op == "audio":
        request = AudioTranscriptionRequest(model_info=model, audio_base64=command["audio_base64"], extra_params=extra)
        response = await client.get_audio_transcriptions(request)
        return {"content": response.content}
    fmt = command.get("response_format")
    response = await client.get_response(
        ResponseRequest(
            model_info=model,
            context_items=deserialize_context_items_snapshot(
                [with_meta(i, n) for n, i in enumerate(command["context_items"])]
            ),
            tool_options=normalize_tool_options(command.get("tool_options") or None),
            max_tokens=command.get("max_tokens"),
            temperature=command.get("temperature"),
            response_format=RespFormat(RespFormatType(fmt["format_type"]), schema=fmt.get("schema")) if fmt else None,
            extra_params=extra,
            tool_choice=command.get("tool_choice"),
        )
    )
    return {
        "content": response.content,
        "reasoning": response.reasoning_content,
        "tool_calls": [{"id": c.call_id, "name": c.func_name, "args": c.args} for c in response.tool_calls or ()],
        "items": [type(item).__name__ for item in response.output_items],
        "images": [
            [part.image_format, part.image_base64]
            for item in response.output_items
            for part in getattr(item, "parts", ())
            if hasattr(part, "image_base64")
        ],
        "usage": usage(response),
    }


def with_meta(item: dict[str, Any], n: int) -> dict[str, Any]:
    meta = {"item_id": f"item-{n}", "logical_turn_id": item.pop("turn", "turn-1"), "timestamp": "2026-01-01T00:00:00"}
    return {"meta": meta, **item}


def usage(response: Any) -> dict[str, Any] | None:
    u = response.usage
    if u is None:
        return None
    keys = ("prompt_tokens", "completion_tokens", "total_tokens", "prompt_cache_hit_tokens", "prompt_cache_miss_tokens")
    return {k: getattr(u, k) for k in keys} | {"cache_reported": u.prompt_cache_reported}


if __name__ == "__main__":
    main()
