"""Reranking: a query and documents in, each document's relevance out, best first.

The body keys and the answer's shape come from config.RERANK, so Jina/Cohere
(`{query, documents, top_n}` -> `results[{index, relevance_score}]`), Voyage (`top_k` -> `data`),
Mixedbread (`input`) and TEI (`texts` -> a bare list of `{index, score}`) are all one module."""

from __future__ import annotations

import math
from typing import Any

from .. import config, errors, http
from ..errors import ProviderError, describe
from ..types import Request


def request(model: str, query: str, documents: list[str], top_n: int | None = None) -> Request:
    shape, settings = config.RERANK, http.model_settings(model, "rerank")
    body: dict[str, Any] = {
        "model": http.wire_id(model, settings),
        shape["query"]: query,
        shape["documents"]: documents,
    }
    if top_n is not None and shape["top_n"]:
        body[shape["top_n"]] = top_n
    return Request("POST", http.model_path(config.ENDPOINTS["rerank"], body["model"]), http.fixed_body(body, settings))


def relevance(score: float) -> float:
    """The provider's score as Dify's 0-1 relevance (config.RERANK["transform"])."""
    if config.RERANK["transform"] == "sigmoid":
        return 0.5 * (1 + math.tanh(score / 2))  # the logistic function, without overflow
    return score


def parse(payload: Any, count: int) -> list[tuple[int, float]]:
    """(document index, relevance) of every result, best first; ties keep the documents' order."""
    shape = config.RERANK
    if not shape["results"] and isinstance(payload, dict):
        errors.json_object(payload)  # an error object inside a 2xx answer raises (the path checks its own)
    results = payload
    for key in shape["results"]:
        results = errors.json_object(results).get(key)
    if not isinstance(results, list):
        where = ".".join(shape["results"]) or "the answer"
        raise ProviderError("server_unavailable", f"rerank results ({where}) are not a list: {describe(results)}")
    ranked = []
    for result in results:
        try:
            index, score = result[shape["index"]], result[shape["score"]]
        except (KeyError, TypeError):
            raise ProviderError("server_unavailable", f"malformed rerank result: {describe(result)}") from None
        valid = isinstance(index, int) and not isinstance(index, bool) and 0 <= index < count
        if not valid or not isinstance(score, (int, float)) or isinstance(score, bool):
            raise ProviderError("server_unavailable", f"malformed rerank result: {describe(result)}")
        ranked.append((index, relevance(float(score))))
    ranked.sort(key=lambda pair: (-pair[1], pair[0]))
    return ranked
