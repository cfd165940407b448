"""Catalogue entries → spec data (for `import models.dev:X` and `import openrouter:…`): identity, api,
the key credential, and every chat model with its limits, USD prices per 1M tokens and features.

What the catalogue cannot say (who publishes the plugin, where from) is filled with placeholders the
pre-flight flags, and said in TODO findings."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from decimal import Decimal
from typing import Any

from compiler.lower.identity import MAIBOT_BUILTIN_CLIENT_TYPES
from compiler.sources.catalogue import Catalogue, Entry, Provider
from compiler.tables import PROTOCOLS
from compiler.sources.imported import Finding, Imported

FEATURE_ORDER = ("agent-thought", "tool-call", "multi-tool-call", "stream-tool-call", "vision", "document", "video")
FEATURE_ORDER += ("audio", "structured-output")
BASIC_RULES = ("temperature", "top_p", "max_tokens")
# OpenRouter's supported_parameters as rules: Dify templates where there is one, explicit otherwise.
TEMPLATES = ("temperature", "top_p", "top_k", "presence_penalty", "frequency_penalty", "max_tokens")
TEMPLATES += ("response_format",)
EXPLICIT: dict[str, dict[str, Any]] = {
    "seed": {"name": "seed", "type": "int", "label": "Seed", "help": "Same seed, same sampling (best effort)."},
    "repetition_penalty": {"name": "repetition_penalty", "type": "float", "label": "Repetition penalty", "min": 0.0,
                           "max": 2.0, "help": "Above 1 discourages repeating tokens of the prompt and answer."},
    "min_p": {"name": "min_p", "type": "float", "label": "Min P", "min": 0.0, "max": 1.0,
              "help": "Least probability, relative to the likeliest token, a token needs to be sampled."},
    "top_a": {"name": "top_a", "type": "float", "label": "Top A", "min": 0.0, "max": 1.0,
              "help": "Keeps tokens whose probability is above top_a times the square of the likeliest's."},
    "reasoning": {"name": "reasoning_effort", "type": "string", "label": "Reasoning effort",
                  "options": ["low", "medium", "high"], "send_as": "reasoning.effort",
                  "help": "How much the model reasons before answering."},
    "verbosity": {"name": "verbosity", "type": "string", "label": "Verbosity", "options": ["low", "medium", "high"],
                  "help": "How long and detailed the answer is."},
}  # fmt: skip
PLACEHOLDER_AUTHOR = "your-name"


def spec_name(text: str) -> str:
    """A spec name (lowercase, digits, _ and -) from a catalogue id."""
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")[:128] or "provider"


def import_catalogue(cat: Catalogue, name: str, follow: dict[str, str], command: str) -> Imported:
    """The spec of `cat`'s provider and chat models, named `name`; `follow` is the spec's `sync` field."""
    provider = cat.provider
    assert provider is not None  # both sources give one
    chat = [e for e in cat.entries if e.kind == "llm" and e.context]
    embeddings = [e for e in cat.entries if e.kind == "text-embedding" and e.context]
    served = "embeddings" in PROTOCOLS[provider.protocol].endpoints
    findings = skipped(cat.entries, [] if served else embeddings) + placeholders(name) + url_findings(provider)
    sets, default, rules = rule_sets(chat)
    data: dict[str, Any] = identity(provider, name) | {"sync": follow}
    if name in MAIBOT_BUILTIN_CLIENT_TYPES:  # MaiBot's own client types cannot be a plugin's
        data["maibot"] = {"client_type": f"{name}_compatible"}
    llm: dict[str, Any] = {"mode": "chat", "parameters": default, "pricing": {"per": "million", "currency": "USD"}}
    data["defaults"] = {"llm": llm}
    embeddings = embeddings if served else []
    if embeddings:
        data["defaults"]["text-embedding"] = {"pricing": {"per": "million", "currency": "USD"}}
    if sets:
        data["parameter_sets"] = sets
    images = PROTOCOLS[provider.protocol].image_output
    data["models"] = [model(e, rules[e.id], images) for e in chat] + [embedding(e) for e in embeddings]
    origin = [f"{provider.name}: imported from {cat.source} by `provider-compiler {command}`."]
    origin.append("Prices are USD per 1M tokens; limits, features and prices as the catalogue states them.")
    icon = {f"icons/{name}_s.svg": initials_svg(provider.name, name).encode("utf-8")}
    return Imported(data, origin, icon, findings)


def identity(p: Provider, name: str) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "label": p.name, "description": f"{p.name} models."}
    data |= {"author": PLACEHOLDER_AUTHOR, "version": "0.1.0", "icons": {"small": f"icons/{name}_s.svg"}}
    if p.doc.startswith("https://"):
        data["help"] = {"title": f"Get your {p.name} API key", "url": p.doc}
    api: dict[str, Any] = {"protocol": p.protocol} if p.protocol != "openai_chat" else {}
    data["api"] = api | {"base_url": re.sub(r"\$\{([A-Za-z0-9_]+)\}", r"\1", p.api)}
    key = key_env(p.env)
    if key:
        data["credentials"] = {"api_key": {"placeholder": f"Your {p.name} API key (${key})"}}
    data["repository"] = f"https://github.com/{PLACEHOLDER_AUTHOR}/{name}-plugins"
    return data


def key_env(env: tuple[str, ...]) -> str:
    """The environment variable that holds the key: one named *KEY or *TOKEN, else the first."""
    return next((e for e in env if e.endswith(("KEY", "TOKEN", "PAT"))), env[0] if env else "")


def model(e: Entry, rules: list[Any] | None, images: bool = False) -> dict[str, Any]:
    """A chat model's spec fields; `images`: the protocol can return the images the model draws."""
    data: dict[str, Any] = {"name": e.id}
    if e.name != e.id:
        data["label"] = e.name
    data |= {"context_size": e.context} if e.context else {}
    data |= (
        {"max_output_tokens": e.output_limit}
        if e.output_limit and (not e.context or e.output_limit <= e.context)
        else {}
    )
    data["features"] = [f for f in FEATURE_ORDER if f in e.features]
    if images and "image" in e.outputs:
        data["output_modalities"] = [m for m in e.outputs if m in ("text", "image")]
    if rules is not None:
        data["parameters"] = rules
    prices = {"input": e.input_price, "output": e.output_price, "cache_read": e.cache_read}
    if any(prices.values()):
        data["pricing"] = {k: v if v is not None else Decimal(0) for k, v in prices.items() if k != "cache_read"}
        data["pricing"] |= {"cache_read": e.cache_read} if e.cache_read is not None else {}
    if e.deprecated:
        data["deprecated"] = True
    return data


def embedding(e: Entry) -> dict[str, Any]:
    """A text-embedding model's spec fields: its context size and input price (Dify prices nothing else;
    the catalogue's output limit is the vector size, which the spec does not state)."""
    data: dict[str, Any] = {"name": e.id} | ({"label": e.name} if e.name != e.id else {})
    data |= {"type": "text-embedding", "context_size": e.context}
    data |= {"pricing": {"input": e.input_price}} if e.input_price else {}
    return data | ({"deprecated": True} if e.deprecated else {})


def rules_of(e: Entry) -> tuple[Any, ...]:
    """The model's parameter rules, from the parameters the catalogue says it takes (none: the basic three)."""
    if not e.parameters:
        return BASIC_RULES
    found: list[Any] = [p for p in TEMPLATES if p in e.parameters]
    found += ["json_schema"] if "structured_outputs" in e.parameters and "response_format" in e.parameters else []
    return tuple(found + [EXPLICIT[p] for p in EXPLICIT if p in e.parameters])


def rule_sets(chat: list[Entry]) -> tuple[dict[str, list[Any]], list[Any], dict[str, list[Any] | None]]:
    """The most common rule list as the llm default, lists several models share as named sets, and each
    model's `parameters` (None: the default)."""
    lists = {e.id: list(rules_of(e)) for e in chat}
    keys = {mid: json.dumps(rules, sort_keys=True) for mid, rules in lists.items()}
    counts = Counter(keys.values())
    default = counts.most_common(1)[0][0] if counts else json.dumps(list(BASIC_RULES))
    shared = [key for key, n in counts.most_common() if n > 1 and key != default]
    sets = {f"set-{i + 1}": json.loads(key) for i, key in enumerate(shared)}
    named = {key: [{"use": f"set-{i + 1}"}] for i, key in enumerate(shared)}
    own = {mid: (None if key == default else named.get(key, lists[mid])) for mid, key in keys.items()}
    return sets, json.loads(default), own


def skipped(entries: tuple[Entry, ...], unserved: list[Entry] | None = None) -> list[Finding]:
    """The models left out: those that answer no text (image, audio, video models), those with no
    context size (transcription and detection models the catalogue lists with a 0 context), and the
    embedding models of a protocol without embeddings (`unserved`)."""
    found = []
    for why, other in (
        ("answer no text", [e for e in entries if e.kind == "other"]),
        ("state no context size", [e for e in entries if e.kind != "other" and not e.context]),
        ("are embeddings, which the protocol does not serve", unserved or []),
    ):
        ids = ", ".join(e.id for e in other[:5]) + (", …" if len(other) > 5 else "")
        found += [Finding("models", f"{len(other)} model(s) that {why} left out: {ids}")] if other else []
    return found


def placeholders(name: str) -> list[Finding]:
    return [
        Finding("author", f"`{PLACEHOLDER_AUTHOR}` is a placeholder: your Marketplace author id"),
        Finding("repository", f"the GitHub repository you publish {name}'s plugins from (a placeholder now)"),
        Finding("contact", "add the maintainers' email address (the Marketplace requires one)"),
    ]


def url_findings(p: Provider) -> list[Finding]:
    variables = re.findall(r"\$\{([A-Za-z0-9_]+)\}", p.api)
    found = [Finding("api", f"the base URL holds {v}: users put their own in the base-URL field") for v in variables]
    others = [e for e in p.env if e != key_env(p.env) and e not in variables]
    return found + [Finding("env", f"the catalogue names {e}, which this spec does not ask for") for e in others]


def initials_svg(label: str, name: str) -> str:
    """A neutral square icon with the provider's initials (generated: no provider's artwork)."""
    words = re.findall(r"[A-Za-z0-9]+", label) or re.findall(r"[a-z0-9]+", name) or ["?"]
    letters = (words[0][0] + words[1][0]) if len(words) > 1 else words[0][:2]
    hue = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:4], 16) % 360
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="12" fill="hsl({hue},45%,40%)"/>'
        '<text x="32" y="41" font-family="Helvetica, Arial, sans-serif" font-size="24" font-weight="700" '
        f'text-anchor="middle" fill="#ffffff">{letters.upper()}</text></svg>\n'
    )
