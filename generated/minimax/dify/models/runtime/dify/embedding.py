"""Text-embedding models for Dify: batched calls with usage, typed errors and offline counts."""

from __future__ import annotations

import time

from dify_plugin.entities.model import EmbeddingInputType, PriceType
from dify_plugin.entities.model.text_embedding import EmbeddingUsage, TextEmbeddingResult

from .. import estimate, kinds
from . import base, transport


class EmbeddingModel(base.ProviderModel):
    """Mixed into the plugin's TextEmbeddingModel class (models/text_embedding/text_embedding.py)."""

    def _invoke(
        self,
        model: str,
        credentials: dict,
        texts: list[str],
        user: str | None = None,
        input_type: EmbeddingInputType = EmbeddingInputType.DOCUMENT,
    ) -> TextEmbeddingResult:
        batch = max(1, self._get_max_chunks(model, credentials))
        vectors: list[list[float]] = []
        tokens = 0
        with base.failures(credentials):
            for start in range(0, len(texts), batch):
                chunk = texts[start : start + batch]
                call = kinds.embedding().request(model, chunk, user, input_type.value)
                found, used = kinds.embedding().parse(transport.call_json(credentials, call), len(chunk), model)
                vectors.extend(found)
                tokens += used if used is not None else sum(estimate.text(t) for t in chunk)
        return TextEmbeddingResult(model=model, embeddings=vectors, usage=self._usage(model, credentials, tokens))

    def _usage(self, model: str, credentials: dict, tokens: int) -> EmbeddingUsage:
        price = self.get_price(model=model, credentials=credentials, price_type=PriceType.INPUT, tokens=tokens)
        return EmbeddingUsage(
            tokens=tokens,
            total_tokens=tokens,
            unit_price=price.unit_price,
            price_unit=price.unit,
            total_price=price.total_amount,
            currency=price.currency,
            latency=time.perf_counter() - self.started_at,
        )

    def check(self, model: str, credentials: dict, call_model: bool = False) -> None:
        """One embedding of one word."""
        embeddings = kinds.embedding()
        embeddings.parse(transport.call_json(credentials, embeddings.request(model, ["ping"])), 1, model)

    def get_num_tokens(self, model: str, credentials: dict, texts: list[str]) -> list[int]:
        """Offline estimates, one per text."""
        return [estimate.text(text) for text in texts]
