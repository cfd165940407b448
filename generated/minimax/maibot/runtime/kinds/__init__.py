"""The kinds of model call other than chat: one module per kind (embeddings, rerank, speech,
transcription, moderation), and an embeddings or rerank module per protocol whose API does it its own
way (gemini_embeddings, bedrock_embeddings, bedrock_rerank). This package is the embedding and rerank
seam, and holds what those modules share; a kind module never imports another."""

from __future__ import annotations

import base64
import binascii
import math
import sys
from array import array
from functools import cache
from importlib import import_module
from typing import Any, Protocol

from .. import config, errors
from ..errors import ProviderError, describe
from ..types import Request


class EmbeddingProtocol(Protocol):
    """What an embeddings module offers (embeddings.py: OpenAI's; gemini_embeddings.py)."""

    def request(
        self,
        model: str,
        texts: list[str],
        user: str | None = None,
        input_type: str | None = None,
        settings: dict[str, Any] | None = None,
    ) -> Request:
        """One call embedding `texts`; `input_type` is "query" or "document" when the host says."""
        ...

    def parse(self, payload: Any, expected: int, model: str = "") -> tuple[list[list[float]], int | None]:
        """The vectors in input order and the prompt tokens reported (None: not reported), as `model`'s
        call answers."""
        ...


@cache
def embedding() -> EmbeddingProtocol:
    """The module this plugin's text-embedding models speak."""
    return import_module(f"{__package__}.{config.EMBEDDINGS}")  # type: ignore[return-value]


class RerankProtocol(Protocol):
    """What a rerank module offers (rerank.py: the Jina/Cohere family's; bedrock_rerank.py)."""

    def request(
        self, model: str, query: str, documents: list[str], top_n: int | None = None, region: str = ""
    ) -> Request:
        """One call ranking `documents` against `query`; `region` is where it goes (AWS's ARNs)."""
        ...

    def parse(self, payload: Any, count: int, model: str = "") -> list[tuple[int, float]]:
        """(document index, relevance) of every result, best first, as `model`'s call answers."""
        ...


@cache
def reranker() -> RerankProtocol:
    """The module this plugin's rerank models speak."""
    return import_module(f"{__package__}.{config.RERANKER}")  # type: ignore[return-value]


def listed(payload: Any, path: tuple[str, ...], what: str) -> list[Any]:
    """The list at `path` (keys) in an answer, the answer itself when `path` is empty; an error object
    inside a 2xx answer raises as the error it is."""
    if not path and isinstance(payload, dict):
        errors.json_object(payload)
    found = payload
    for key in path:
        found = errors.json_object(found).get(key)
    if not isinstance(found, list):
        where = ".".join(path) or "the answer"
        raise ProviderError("server_unavailable", f"{what} ({where}) are not a list: {describe(found)}")
    return found


def ranked(
    results: Any, count: int, index_key: str, score_key: str, transform: str = "none"
) -> list[tuple[int, float]]:
    """(document index, relevance) of every result of a list, best first; ties keep the documents'
    order. Each result must name a document and a number; `transform` sigmoid maps raw logits to 0-1."""
    if not isinstance(results, list):
        raise ProviderError("server_unavailable", f"rerank results are not a list: {describe(results)}")
    out = []
    for result in results:
        try:
            index, score = result[index_key], result[score_key]
        except (KeyError, TypeError):
            raise ProviderError("server_unavailable", f"malformed rerank result: {describe(result)}") from None
        valid = isinstance(index, int) and not isinstance(index, bool) and 0 <= index < count
        if not valid or not isinstance(score, (int, float)) or isinstance(score, bool):
            raise ProviderError("server_unavailable", f"malformed rerank result: {describe(result)}")
        out.append((index, relevance(float(score), transform)))
    out.sort(key=lambda pair: (-pair[1], pair[0]))
    return out


def relevance(score: float, transform: str) -> float:
    """A provider's score as Dify's 0-1 relevance."""
    if transform == "sigmoid":
        return 0.5 * (1 + math.tanh(score / 2))  # the logistic function, without overflow
    return score


def input_type_field(settings: dict[str, Any], input_type: str | None) -> dict[str, Any]:
    """The model's input-type field (`input_type`: key, query value, document value) for Dify's
    "query" or "document"; none when the model has no such field or the host gave no type."""
    if not settings.get("input_type") or input_type not in ("query", "document"):
        return {}
    key, query, document = settings["input_type"]
    return {key: query if input_type == "query" else document}


def vector(value: Any) -> list[float]:
    """One embedding: a list of numbers, or base64 of little-endian float32."""
    if isinstance(value, str):
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ProviderError("server_unavailable", f"embedding is not base64: {describe(value)}") from None
        if len(raw) % 4:
            raise ProviderError("server_unavailable", f"base64 embedding of {len(raw)} bytes is not float32")
        floats = array("f", raw)
        if sys.byteorder == "big":
            floats.byteswap()
        return floats.tolist()
    return [float(x) for x in value]
