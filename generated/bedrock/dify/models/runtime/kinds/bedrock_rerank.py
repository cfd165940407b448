"""Reranking on Amazon Bedrock: bedrock-agent-runtime's Rerank (POST /rerank on
bedrock-agent-runtime.<region>.amazonaws.com, docs.aws.amazon.com/bedrock/latest/APIReference/
API_agent-runtime_Rerank.html), signed as Converse is (service bedrock). The model is named by its
foundation-model ARN in the region the call goes to; the answer is results[{index, relevanceScore}].

The same names as rerank.py (config.RERANKER picks the module)."""

from __future__ import annotations

from typing import Any

from .. import config, errors, http
from ..types import Request
from . import ranked

# The ARN partition of a region: GovCloud's and China's are their own.
PARTITIONS = (("us-gov-", "aws-us-gov"), ("cn-", "aws-cn"))


def request(model: str, query: str, documents: list[str], top_n: int | None = None, region: str = "") -> Request:
    """One query against inline text documents; numberOfResults is `top_n` (at most the documents),
    else every document."""
    settings = http.model_settings(model, "rerank")
    count = len(documents) if top_n is None else max(1, min(top_n, len(documents)))
    body: dict[str, Any] = {
        "queries": [{"type": "TEXT", "textQuery": {"text": query}}],
        "sources": [
            {"type": "INLINE", "inlineDocumentSource": {"type": "TEXT", "textDocument": {"text": text}}}
            for text in documents
        ],
        "rerankingConfiguration": {
            "type": "BEDROCK_RERANKING_MODEL",
            "bedrockRerankingConfiguration": {
                "numberOfResults": count,
                "modelConfiguration": {"modelArn": model_arn(http.wire_id(model, settings), region)},
            },
        },
    }
    return Request("POST", config.ENDPOINTS["rerank"], http.fixed_body(body, settings))


def model_arn(model: str, region: str) -> str:
    """A foundation model's ARN in `region` (an ARN given as the model id is kept)."""
    if model.startswith("arn:"):
        return model
    partition = next((name for prefix, name in PARTITIONS if region.startswith(prefix)), "aws")
    return f"arn:{partition}:bedrock:{region}::foundation-model/{model}"


def parse(payload: Any, count: int, model: str = "") -> list[tuple[int, float]]:
    """(document index, relevance) of every result, best first (Bedrock's scores are 0-1 already)."""
    return ranked(errors.json_object(payload).get("results"), count, "index", "relevanceScore")
