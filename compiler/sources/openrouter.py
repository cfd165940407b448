"""OpenRouter's GET /api/v1/models ({"data": [{id, name, context_length, pricing, architecture,
supported_parameters, top_provider, ...}]}) → catalogue entries. Prices there are USD per token, as strings."""

from __future__ import annotations

import json
from decimal import Decimal

from compiler.errors import UserError
from compiler.sources.catalogue import Catalogue, Entry, Provider, ShapeError, child, features_of, known, limit, price

DEFAULT_URL = "https://openrouter.ai/api/v1/models"
PER_MILLION = Decimal(1_000_000)
PROVIDER = Provider(
    "openrouter", "OpenRouter", "https://openrouter.ai/api/v1", ("OPENROUTER_API_KEY",), "", "openai_chat",
    "https://openrouter.ai/docs",
)  # fmt: skip


def load(raw: bytes, where: str) -> list:
    """The models list of the answer, else a ShapeError."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ShapeError(where, "", f"not JSON: {str(exc)[:80]}") from None
    return list(child(data, "data", where, "", list))  # type: ignore[arg-type]


def catalogue(models: list, vendor: str, where: str) -> Catalogue:
    """The entries of one vendor (the id's prefix before `/`), or of every model for `all`."""
    entries = tuple(entry(m, f"data[{i}]", where) for i, m in enumerate(models))
    chosen = tuple(e for e in entries if vendor == "all" or e.id.split("/", 1)[0] == vendor)
    if not chosen:
        raise UserError(f"{where}: no OpenRouter model of vendor {vendor!r} (ids are <vendor>/<model>)")
    most = {"context": max((e.context or 0) for e in entries), "output": max((e.output_limit or 0) for e in entries)}
    return Catalogue(where, chosen, PROVIDER, most)


def entry(node: object, path: str, where: str) -> Entry:
    model_id = str(child(node, "id", where, path, str))
    at = f"{path}({model_id})"
    pricing = child(node, "pricing", where, at, dict, need=False) or {}
    arch = child(node, "architecture", where, at, dict, need=False) or {}
    top = child(node, "top_provider", where, at, dict, need=False) or {}
    inputs = tuple(str(m) for m in child(arch, "input_modalities", where, f"{at}.architecture", list, need=False) or [])
    outputs = child(arch, "output_modalities", where, f"{at}.architecture", list, need=False) or ["text"]
    params = tuple(str(p) for p in child(node, "supported_parameters", where, at, list, need=False) or [])
    per = lambda key: price(stated(pricing.get(key)), where, f"{at}.pricing.{key}", PER_MILLION)  # noqa: E731
    tools, structured = "tools" in params, "structured_outputs" in params or "response_format" in params
    return Entry(
        id=model_id,
        name=str(child(node, "name", where, at, str, need=False) or model_id),
        kind="llm" if "text" in outputs else ("text-embedding" if "embeddings" in outputs else "other"),
        context=limit(
            child(node, "context_length", where, at, (int, float), need=False), where, f"{at}.context_length"
        ),
        output_limit=limit(top.get("max_completion_tokens"), where, f"{at}.top_provider.max_completion_tokens"),
        input_price=per("prompt"),
        output_price=per("completion"),
        cache_read=per("input_cache_read"),
        features=features_of(tools, "reasoning" in params, inputs, structured),
        knows=known(structured),
        modalities=inputs,
        outputs=tuple(str(m) for m in outputs),
        deprecated=bool(child(node, "expiration_date", where, at, str, need=False)),
        status="",
        source=f"{where}#{at}",
        parameters=params,
    )


def stated(value: object) -> object:
    """OpenRouter writes -1 for a router's price, which depends on the model it picks: no price stated."""
    return None if str(value).strip() == "-1" else value
