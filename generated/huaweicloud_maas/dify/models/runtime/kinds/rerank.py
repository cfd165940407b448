"""Reranking: a query and documents in, each document's relevance out, best first.

The body keys and the answer's shape come from config.RERANK, so Jina/Cohere
(`{query, documents, top_n}` -> `results[{index, relevance_score}]`), Voyage (`top_k` -> `data`),
Mixedbread (`input`) and TEI (`texts` -> a bare list of `{index, score}`) are all one module."""

from __future__ import annotations

from typing import Any

from .. import config, errors, http
from ..errors import ProviderError, describe
from ..types import Request
from . import ranked


def request(model: str, query: str, documents: list[str], top_n: int | None = None, region: str = "") -> Request:
    """`region` is not read: the call goes where the spec's base URL says."""
    shape, settings = config.RERANK, http.model_settings(model, "rerank")
    body: dict[str, Any] = {
        "model": http.wire_id(model, settings),
        shape["query"]: query,
        shape["documents"]: documents,
    }
    if top_n is not None and shape["top_n"]:
        body[shape["top_n"]] = top_n
    return Request("POST", http.model_path(config.ENDPOINTS["rerank"], body["model"]), http.fixed_body(body, settings))


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
    return ranked(results, count, shape["index"], shape["score"], shape["transform"])
