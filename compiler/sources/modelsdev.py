"""models.dev's api.json ({provider_id: {id, name, api, env, npm, doc, models: {id: {...}}}}) → catalogue entries.

The npm package a provider is served with says which wire it speaks: only packages whose provider
answers OpenAI chat completions (or Anthropic Messages, or Gemini) at its base URL map to a protocol."""

from __future__ import annotations

import json
import re

from compiler.errors import UserError
from compiler.sources.catalogue import Catalogue, Entry, Provider, ShapeError, child, features_of, known, limit, price

DEFAULT_URL = "https://models.dev/api.json"
OPENAI_CHAT = (
    "@ai-sdk/openai-compatible",
    "@ai-sdk/openai",
    "@ai-sdk/deepinfra",
    "@ai-sdk/groq",
    "@ai-sdk/togetherai",
    "@ai-sdk/xai",
    "@ai-sdk/cerebras",
    "@ai-sdk/mistral",
    "@ai-sdk/perplexity",
    "@openrouter/ai-sdk-provider",
)
PROTOCOL_OF_NPM = {npm: "openai_chat" for npm in OPENAI_CHAT} | {
    "@ai-sdk/anthropic": "anthropic_messages",
    "@ai-sdk/google": "gemini",
}
# The base URL the first-party packages use when models.dev gives no `api`.
BASE_URL_OF_NPM = {
    "@ai-sdk/openai": "https://api.openai.com/v1",
    "@ai-sdk/deepinfra": "https://api.deepinfra.com/v1/openai",
    "@ai-sdk/groq": "https://api.groq.com/openai/v1",
    "@ai-sdk/togetherai": "https://api.together.xyz/v1",
    "@ai-sdk/xai": "https://api.x.ai/v1",
    "@ai-sdk/cerebras": "https://api.cerebras.ai/v1",
    "@ai-sdk/mistral": "https://api.mistral.ai/v1",
    "@ai-sdk/perplexity": "https://api.perplexity.ai",
    "@ai-sdk/anthropic": "https://api.anthropic.com/v1",
    "@ai-sdk/google": "https://generativelanguage.googleapis.com/v1beta",
}
SAMPLING = ("temperature", "top_p", "max_tokens")
EMBEDDING = re.compile(r"embed", re.I)  # in an id or family: text-embedding-3-small, mistral-embed, cohere-embed
# Providers whose package is OpenAI-shaped but whose `api` serves another wire.
NOT_CHAT = {"perplexity-agent": "its API is OpenAI Responses only (/v1/responses), not chat completions"}


def load(raw: bytes, where: str) -> dict:
    """The whole api.json as data: an object of provider objects, else a ShapeError."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ShapeError(where, "", f"not JSON: {str(exc)[:80]}") from None
    if not isinstance(data, dict):
        raise ShapeError(where, "", f"expected an object of providers (models.dev api.json), got {type(data).__name__}")
    return data


def provider_ids(data: dict) -> list[str]:
    return sorted(key for key, value in data.items() if isinstance(value, dict))


def catalogue(data: dict, provider_id: str, where: str) -> Catalogue:
    """One provider's entries and record; every other provider only counts for the largest limits."""
    if provider_id not in data:
        raise UserError(f"{where}: no provider {provider_id!r} in the catalogue ({len(data)} providers)")
    record = provider(data[provider_id], provider_id, where)
    models = child(data[provider_id], "models", where, provider_id, dict)
    entries = tuple(entry(m, f"{provider_id}.models.{key}", where) for key, m in models.items())  # type: ignore
    return Catalogue(where, entries, record, largest(data), listed=frozenset({"llm"}))


def provider(node: object, pid: str, where: str) -> Provider:
    """The provider record; an npm package whose wire the language does not speak is a located error."""
    npm = str(child(node, "npm", where, pid, str))
    if npm not in PROTOCOL_OF_NPM or pid in NOT_CHAT:
        reason = NOT_CHAT.get(
            pid, "which the language does not speak (it speaks openai_chat, anthropic_messages, gemini)"
        )
        raise UserError(f"{where}: {pid}.npm: {npm}: provider {pid!r} is served by {npm}, {reason}")
    env = child(node, "env", where, pid, list, need=False) or []
    api = child(node, "api", where, pid, str, need=False) or BASE_URL_OF_NPM.get(npm)
    if not api:
        raise ShapeError(where, f"{pid}.api", f"missing, and {npm} has no known default base URL")
    if api.startswith("${"):
        raise UserError(f"{where}: {pid}.api: {api}: the whole base URL is the user's own, and a spec needs a default")
    name = child(node, "name", where, pid, str, need=False) or pid
    doc = child(node, "doc", where, pid, str, need=False) or ""
    return Provider(pid, str(name), str(api), tuple(str(e) for e in env), npm, PROTOCOL_OF_NPM[npm], str(doc))


def entry(node: object, path: str, where: str) -> Entry:
    model_id = str(child(node, "id", where, path, str))
    cost = child(node, "cost", where, path, dict, need=False) or {}
    limits = child(node, "limit", where, path, dict, need=False) or {}
    modalities = child(node, "modalities", where, path, dict, need=False) or {}
    inputs = tuple(str(m) for m in (child(modalities, "input", where, f"{path}.modalities", list, need=False) or []))
    outputs = child(modalities, "output", where, f"{path}.modalities", list, need=False) or ["text"]
    structured = child(node, "structured_output", where, path, bool, need=False)
    status = str(child(node, "status", where, path, str, need=False) or "")
    flag = lambda key: bool(child(node, key, where, path, bool, need=False))  # noqa: E731
    return Entry(
        id=model_id,
        name=str(child(node, "name", where, path, str, need=False) or model_id),
        kind=kind_of(model_id, node, path, where, outputs),
        context=limit(limits.get("context"), where, f"{path}.limit.context"),
        output_limit=limit(limits.get("output"), where, f"{path}.limit.output"),
        input_price=price(cost.get("input"), where, f"{path}.cost.input"),
        output_price=price(cost.get("output"), where, f"{path}.cost.output"),
        cache_read=price(cost.get("cache_read"), where, f"{path}.cost.cache_read"),
        features=features_of(flag("tool_call"), flag("reasoning"), inputs, structured),
        knows=known(structured),
        modalities=inputs,
        outputs=tuple(str(m) for m in outputs),
        deprecated=status == "deprecated",
        status=status,
        source=f"{where}#{path}",
        parameters=(
            SAMPLING if child(node, "temperature", where, path, bool, need=False) is not False else ("max_tokens",)
        ),
    )


def kind_of(model_id: str, node: object, path: str, where: str, outputs: list) -> str:
    """llm for a model that answers text; text-embedding for one whose id or family names an embedding
    (models.dev lists embeddings as answering text, with no tool calls and no reasoning, and their vector
    size as the output limit); other for the rest (images, audio, video)."""
    if "text" not in outputs:
        return "other"
    family = str(child(node, "family", where, path, str, need=False) or "")
    tools, reasoning = (child(node, key, where, path, bool, need=False) for key in ("tool_call", "reasoning"))
    named = EMBEDDING.search(model_id) or EMBEDDING.search(family)
    return "text-embedding" if named and list(outputs) == ["text"] and not tools and not reasoning else "llm"


def largest(data: dict) -> dict[str, int]:
    """The largest context and output limit of any model of the whole catalogue (malformed ones skipped)."""
    found = {"context": 0, "output": 0}
    models = [
        m
        for p in data.values()
        if isinstance(p, dict) and isinstance(p.get("models"), dict)
        for m in p["models"].values()
    ]
    for limits in (m.get("limit") for m in models if isinstance(m, dict)):
        for key in found:
            value = limits.get(key) if isinstance(limits, dict) else None
            if isinstance(value, int) and not isinstance(value, bool):
                found[key] = max(found[key], value)
    return found
