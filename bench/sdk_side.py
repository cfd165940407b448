"""One side of a benchmark against an official plugin at the SDK level, in its own process: the
generated plugin under our venv's python, the official plugin (openai, bedrock) under its own venv's
(bench/official_env.py), each with its plugin folder as working directory. The two need different
versions of dify_plugin and the vendor's packages, so they cannot share a process; instead
bench/openai_bench.py keeps one process per side and alternates commands between them, so only one
side runs at a time. Both sides of a comparison are asked the same stream (the stream server's
Responses or Converse text deltas, the same text), with the model parameters the side names.

The plugin's LLM is loaded by the SDK's own PluginRegistration, as a daemon-started plugin's is, and
driven through the SDK's public `invoke`. Commands, one per stdin line, each answered with one JSON
line on stdout: `stream` (seconds for one stream, its answer checked whole), `blocking N` (seconds
per blocking call, each answer checked). EOF ends the process."""

from __future__ import annotations

import dify_plugin  # noqa: F401  (first: gevent's monkey patching, as in a running plugin)

import argparse
import gc
import json
import sys
import time
from pathlib import Path

from dify_plugin.config.config import DifyPluginEnv
from dify_plugin.core.plugin_registration import PluginRegistration
from dify_plugin.entities.model import ModelType
from dify_plugin.entities.model.message import UserPromptMessage

# The plugin folder (the working directory) is importable, as under `python -m main`.
sys.path[:0] = [str(Path.cwd()), str(Path(__file__).resolve().parent)]
from stream_server import responses_text  # noqa: E402  (stdlib only: runs under either venv)

PROMPT = [UserPromptMessage(content="Say something long.")]


def consume(result) -> tuple[str, int]:
    """(text, completion tokens) of one invocation, streamed or not."""
    if not hasattr(result, "__next__"):
        return result.message.content or "", result.usage.completion_tokens
    parts, tokens = [], 0
    for chunk in result:
        parts.append(chunk.delta.message.content or "")
        if chunk.delta.usage is not None:
            tokens = chunk.delta.usage.completion_tokens
    return "".join(parts), tokens


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("--credentials", required=True, help="JSON: the provider's credentials")
    cli.add_argument("--model", required=True)
    cli.add_argument("--chunks", type=int, required=True)
    cli.add_argument("--parameters", default="{}", help="JSON: the model parameters every call sends")
    args = cli.parse_args()
    registration = PluginRegistration(DifyPluginEnv())
    (provider,) = registration.models_mapping
    llm = registration.get_model_instance(provider, ModelType.LLM)
    credentials, want = json.loads(args.credentials), responses_text(args.chunks)
    parameters = json.loads(args.parameters)

    def call(stream: bool) -> tuple[str, int]:
        return consume(llm.invoke(args.model, credentials, PROMPT, dict(parameters), stream=stream))

    print(json.dumps({"ready": provider}), flush=True)
    for command in sys.stdin:
        name, *count = command.split()
        gc.collect()
        if name == "stream":
            started = time.perf_counter()
            text, tokens = call(True)
            elapsed = time.perf_counter() - started
            if text != want or tokens != args.chunks:
                raise SystemExit(f"{provider}: wrong stream ({len(text)} of {len(want)} chars, {tokens} tokens)")
            print(json.dumps({"seconds": elapsed}), flush=True)
            continue
        samples = []
        for _ in range(int(count[0])):
            started = time.perf_counter()
            text, tokens = call(False)
            samples.append(time.perf_counter() - started)
            if (text, tokens) != ("pong", 1):
                raise SystemExit(f"{provider}: wrong blocking answer {text!r}, {tokens} tokens")
        print(json.dumps({"samples": samples}), flush=True)


if __name__ == "__main__":
    main()
