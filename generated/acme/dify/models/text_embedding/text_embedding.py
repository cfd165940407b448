# Generated from specs/acme.yaml by the provider compiler. Do not edit by hand.
"""Acme AI embedding models for Dify: batched /embeddings calls with usage."""

from __future__ import annotations

import time

from dify_plugin.entities.model import EmbeddingInputType, PriceType
from dify_plugin.entities.model.text_embedding import EmbeddingUsage, TextEmbeddingResult
from dify_plugin.interfaces.model.text_embedding_model import TextEmbeddingModel

from models import transport, wire


class AcmeTextEmbeddingModel(transport.ProviderModel, TextEmbeddingModel):
    """Embeddings against https://api.acme.example/v1/embeddings."""

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
        try:
            for start in range(0, len(texts), batch):
                chunk = texts[start : start + batch]
                body = wire.embeddings_body(model, chunk, user)
                response = transport.send(credentials, "POST", wire.EMBEDDINGS_PATH, body)
                found, used = wire.parse_embeddings(transport.read_json(response), len(chunk))
                vectors.extend(found)
                tokens += used if used is not None else sum(wire.estimate_tokens(t) for t in chunk)
        except wire.ProviderError as exc:
            raise transport.typed(exc) from None
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

    def get_num_tokens(self, model: str, credentials: dict, texts: list[str]) -> list[int]:
        """Offline estimates, one per text."""
        return [wire.estimate_tokens(text) for text in texts]
