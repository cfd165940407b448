"""Dify side of the Anthropic stream benchmark; run by bench/run.py in its own process, with a
generated anthropic_messages plugin folder as working directory.

Two models stream the same Anthropic Messages answer through the SDK's public `invoke`, alternately:
- generated: the generated llm.py (runtime/anthropic_messages.py), loaded by PluginRegistration;
- sdk: a model built on the official `anthropic` SDK the way the official Dify anthropic plugin uses
  it: a client per call, `messages.create(stream=True)`, the SDK's typed events matched with
  isinstance, one LLMResultChunk per text delta, usage from message_start and message_delta. (The
  official plugin also serialises every event for a log line; that cost is left out here, so the
  ratio is a lower bound.)
One JSON object with the samples goes to stdout."""

from __future__ import annotations

import dify_plugin  # noqa: F401  (first: gevent's monkey patching, as in a running plugin)

import argparse
import gc
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from anthropic import Anthropic
from anthropic.types import ContentBlockDeltaEvent, MessageDeltaEvent, MessageStartEvent, MessageStopEvent
from dify_plugin.entities.model.llm import LLMResultChunk, LLMResultChunkDelta
from dify_plugin.entities.model.message import AssistantPromptMessage, UserPromptMessage

sys.path[:0] = [str(Path.cwd()), str(Path(__file__).resolve().parent)]
from dify_side import BenchModel, consume, load_generated  # noqa: E402
from stream_server import MODEL, expected_text  # noqa: E402

PROMPT = [UserPromptMessage(content="Say something long.")]


class AnthropicSDKModel(BenchModel):
    """The official plugin's stream path, on the `anthropic` SDK."""

    def _invoke(
        self, model, credentials, prompt_messages, model_parameters, tools=None, stop=None, stream=True, user=None
    ) -> Iterator[LLMResultChunk]:
        client = Anthropic(api_key=credentials["api_key"], base_url=credentials["base_url"], max_retries=0)
        messages = [{"role": "user", "content": m.content} for m in prompt_messages]
        response = client.messages.create(model=model, max_tokens=8192, messages=messages, stream=True)
        return self._stream(model, credentials, response, prompt_messages)

    def _stream(self, model, credentials, response, prompt_messages) -> Iterator[LLMResultChunk]:
        input_tokens = output_tokens = 0
        finish_reason, index = None, 0
        for chunk in response:
            if isinstance(chunk, MessageStartEvent):
                input_tokens = chunk.message.usage.input_tokens
            elif isinstance(chunk, ContentBlockDeltaEvent):
                if hasattr(chunk.delta, "text"):
                    index = chunk.index
                    yield LLMResultChunk(
                        model=model,
                        prompt_messages=prompt_messages,
                        delta=LLMResultChunkDelta(
                            index=chunk.index, message=AssistantPromptMessage(content=chunk.delta.text or "")
                        ),
                    )
            elif isinstance(chunk, MessageDeltaEvent):
                output_tokens = chunk.usage.output_tokens
                finish_reason = chunk.delta.stop_reason
            elif isinstance(chunk, MessageStopEvent):
                usage = self._calc_response_usage(model, credentials, input_tokens, output_tokens)
                yield LLMResultChunk(
                    model=model,
                    prompt_messages=prompt_messages,
                    delta=LLMResultChunkDelta(
                        index=index + 1,
                        message=AssistantPromptMessage(content=""),
                        finish_reason=finish_reason,
                        usage=usage,
                    ),
                )


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("server")
    cli.add_argument("--chunks", type=int, default=20000)
    cli.add_argument("--rounds", type=int, default=5)
    args = cli.parse_args()
    generated = load_generated()
    sdk = AnthropicSDKModel(generated.model_schemas)
    base = f"{args.server}/a{args.chunks}"
    calls = {
        "generated": lambda: generated.invoke(MODEL, {"api_key": "k", "base_url": base}, PROMPT, {}, stream=True),
        "sdk": lambda: sdk.invoke(MODEL, {"api_key": "k", "base_url": base}, PROMPT, {}, stream=True),
    }
    want = expected_text(args.chunks)
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for round_ in range(args.rounds + 1):  # round 0 warms up
        for name in calls if round_ % 2 else list(calls)[::-1]:
            gc.collect()
            started = time.perf_counter()
            _, text, tokens = consume(calls[name]())
            elapsed = time.perf_counter() - started
            if text != want or tokens != args.chunks:
                raise SystemExit(f"{name}: wrong answer ({len(text)} characters, {tokens} tokens)")
            if round_:
                samples[name].append(elapsed / args.chunks)  # per event sent: the generated side merges
    print(json.dumps(samples))


if __name__ == "__main__":
    main()
