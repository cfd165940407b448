"""Rerank and embedding throughput: the generated acme models against the SDK's own helper classes
(OAICompatRerankModel, OAICompatEmbeddingModel), through the SDK's public `invoke`, alternately in
one process, against the loopback bench server. Run by bench/run.py inside a copy of the generated
Dify plugin (dify_plugin monkey-patches the process with gevent); prints one JSON object."""

from __future__ import annotations

import dify_plugin  # noqa: F401  (first: gevent's monkey patching, as in a running plugin)

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dify_plugin.config.config import DifyPluginEnv
from dify_plugin.core.plugin_registration import PluginRegistration
from dify_plugin.entities.model import EmbeddingInputType, ModelType
from dify_plugin.interfaces.model.openai_compatible.rerank import OAICompatRerankModel
from dify_plugin.interfaces.model.openai_compatible.text_embedding import OAICompatEmbeddingModel

sys.path[:0] = [str(Path.cwd())]

RERANK_MODEL, EMBEDDING_MODEL = "acme-rerank", "acme-embed-large"


class HelperReranker(OAICompatRerankModel):
    """A hand-written plugin's usual rerank class: the SDK's helper, unchanged."""


class HelperEmbedding(OAICompatEmbeddingModel):
    """A hand-written plugin's usual embedding class: the SDK's helper, but for its token counter.
    The helper counts every text with a GPT-2 tokenizer it downloads on first use, so offline (as
    here, and in many self-hosted Difys) it cannot embed at all; a 4-characters-a-token estimate
    stands in, which only makes the helper faster than it really is."""

    def _get_num_tokens_by_gpt2(self, text: str) -> int:
        return len(text) // 4 + 1


def instance(registration: PluginRegistration, model_type: ModelType) -> Any:
    (provider,) = registration.models_mapping
    return registration.get_model_instance(provider, model_type)


def calls(server: str, documents: int, texts: int) -> dict[str, dict[str, Callable[[], int]]]:
    """kind -> side -> one invocation, returning how many results it got."""
    registration = PluginRegistration(DifyPluginEnv())
    reranker, embedder = instance(registration, ModelType.RERANK), instance(registration, ModelType.TEXT_EMBEDDING)
    helper_reranker, helper_embedder = HelperReranker(reranker.model_schemas), HelperEmbedding(embedder.model_schemas)
    base = f"{server}/v1"
    ours = {"api_key": "k", "base_url": base}
    helper = {"api_key": "k", "endpoint_url": base + "/"}
    docs = [f"document {i} " + "text " * 40 for i in range(documents)]
    inputs = [f"text {i} " + "words " * 40 for i in range(texts)]

    def rerank(model: Any, credentials: dict) -> Callable[[], int]:
        return lambda: len(model.invoke(RERANK_MODEL, credentials, "query", docs, None, None, "u").docs)

    def embed(model: Any, credentials: dict) -> Callable[[], int]:
        kind = EmbeddingInputType.DOCUMENT
        return lambda: len(model.invoke(EMBEDDING_MODEL, credentials, inputs, "u", kind).embeddings)

    return {
        "rerank": {"generated": rerank(reranker, ours), "helper": rerank(helper_reranker, helper)},
        "embedding": {"generated": embed(embedder, ours), "helper": embed(helper_embedder, helper)},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--texts", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    out: dict[str, dict[str, list[float]]] = {}
    expected = {"rerank": args.documents, "embedding": args.texts}
    for kind, sides in calls(args.server, args.documents, args.texts).items():
        samples: dict[str, list[float]] = {name: [] for name in sides}
        for name, call in sides.items():  # warm-up: connections, imports, schema caches
            assert call() == expected[kind], (kind, name)
        for _ in range(args.rounds):
            for name, call in sides.items():
                start = time.perf_counter()
                call()
                samples[name].append(time.perf_counter() - start)
        out[kind] = samples
    print(json.dumps(out))


if __name__ == "__main__":
    main()
