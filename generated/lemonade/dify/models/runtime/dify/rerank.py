"""Rerank models for Dify: documents in rank order with their text, Dify's threshold and top_n."""

from __future__ import annotations

from dify_plugin.entities.model.rerank import RerankDocument, RerankResult

from .. import config, http, kinds
from . import base, transport


class Reranker(base.ProviderModel):
    """Mixed into the plugin's RerankModel class (models/rerank/rerank.py)."""

    def _invoke(
        self,
        model: str,
        credentials: dict,
        query: str,
        docs: list[str],
        score_threshold: float | None = None,
        top_n: int | None = None,
        user: str | None = None,
    ) -> RerankResult:
        """The documents scoring at least `score_threshold`, best first, at most `top_n` of them
        (whether or not the provider honours top_n itself)."""
        if not docs:
            return RerankResult(model=model, docs=[])
        rerank = kinds.reranker()
        with base.failures(credentials):
            payload = transport.call_json(credentials, rerank.request(model, query, docs, top_n, where(credentials)))
            ranked = rerank.parse(payload, len(docs), model)
        kept = [
            RerankDocument(index=index, text=docs[index], score=score)
            for index, score in ranked
            if score_threshold is None or score >= score_threshold
        ]
        return RerankResult(model=model, docs=kept[:top_n] if top_n is not None and top_n >= 0 else kept)

    def check(self, model: str, credentials: dict, call_model: bool = False) -> None:
        """One query against one document."""
        rerank = kinds.reranker()
        call = rerank.request(model, "ping", ["ping"], 1, where(credentials))
        rerank.parse(transport.call_json(credentials, call), 1, model)


def where(credentials: dict) -> str:
    """The region rerank calls go to (AWS: the rerank host's), empty where it means nothing."""
    return http.region(http.address(http.base_url(credentials), config.ENDPOINTS["rerank"], credentials), credentials)
