"""Reranking: a query and documents in, each document's relevance out, best first.

The body keys and the answer's shape come from config.RERANK (or a model's own), so Jina/Cohere
(`{query, documents, top_n}` -> `results[{index, relevance_score}]`), Voyage (`top_k` -> `data`),
Mixedbread (`input`), TEI (`texts` -> a bare list of `{index, score}`) and NVIDIA's hosted reranker
(`{query: {text}, passages: [{text}]}` -> `rankings[{index, logit}]`) are all one module."""

from __future__ import annotations

from typing import Any

from .. import config, http
from ..types import Request
from . import listed, ranked


def request(model: str, query: str, documents: list[str], top_n: int | None = None, region: str = "") -> Request:
    """`region` is not read: the call goes where the spec's base URL (or the model's endpoint) says."""
    settings = http.model_settings(model, "rerank")
    shape = settings.get("rerank") or config.RERANK
    wrap = shape["text"]
    body: dict[str, Any] = {
        "model": http.wire_id(model, settings),
        shape["query"]: {wrap: query} if wrap else query,
        shape["documents"]: [{wrap: document} for document in documents] if wrap else documents,
    }
    if top_n is not None and shape["top_n"]:
        body[shape["top_n"]] = top_n
    path = http.model_path(settings.get("endpoint") or config.ENDPOINTS["rerank"], body["model"])
    return Request("POST", path, http.fixed_body(body, settings))


def parse(payload: Any, count: int, model: str = "") -> list[tuple[int, float]]:
    """(document index, relevance) of every result, best first; ties keep the documents' order."""
    shape = http.model_settings(model, "rerank").get("rerank") or config.RERANK
    results = listed(payload, shape["results"], "rerank results")
    return ranked(results, count, shape["index"], shape["score"], shape["transform"])
