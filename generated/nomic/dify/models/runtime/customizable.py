"""Models a Dify user adds by id (customizable-model): the model schema from the user's answers
to the form the spec offers (config.CUSTOMIZABLE), as the dict a model YAML would hold."""

from __future__ import annotations

import copy
from decimal import Decimal, InvalidOperation
from typing import Any

from . import config, http
from .errors import ProviderError

# Toggle field -> the Dify features it turns on (llm).
FEATURES = {
    "function_calling": ("tool-call", "multi-tool-call"),
    "stream_function_calling": ("stream-tool-call",),
    "vision_support": ("vision",),
    "reasoning_support": ("agent-thought",),
    "structured_output_support": ("structured-output",),
}
# Dify's languages: voices a user names are offered whatever the app's language.
LANGUAGES = ["en-US", "zh-Hans", "zh-Hant", "ja-JP", "ko-KR", "fr-FR", "de-DE", "es-ES", "it-IT", "pt-BR"]
LANGUAGES += ["ru-RU", "th-TH", "id-ID", "uk-UA", "vi-VN", "ro-RO", "pl-PL", "hi-IN", "tr-TR", "fa-IR", "sl-SI"]


def variable(field: str) -> str:
    """The form variable of `field` (the spec may give it its own: together.ai's max_tokens_to_sample)."""
    return config.CUSTOMIZABLE.get("variables", {}).get(field, field)


def answer(credentials: dict[str, Any], field: str) -> str:
    """The user's answer to an offered field ("" when the field is not offered or left empty)."""
    value = credentials.get(variable(field)) if field in config.CUSTOMIZABLE["fields"] else None
    return "" if value is None else str(value).strip()


def turned_on(credentials: dict[str, Any], toggle: str) -> bool:
    """Whether the user's answer to a feature toggle means on: "true", or one of the values the spec
    says mean on (StepFun's function_calling_type: function_call)."""
    return answer(credentials, toggle) in config.CUSTOMIZABLE.get("on", {}).get(toggle, ("true",))


def whole(credentials: dict[str, Any], field: str, default: int) -> int:
    text = answer(credentials, field)
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise ProviderError("bad_request", f"{variable(field)} must be a positive whole number, got {text!r}")
    return value


def price(credentials: dict[str, Any], field: str) -> str | None:
    text = answer(credentials, field)
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0:
        raise ProviderError("bad_request", f"{variable(field)} must be a price like 0.5, got {text!r}")
    return text


def schema(kind: str, model: str, credentials: dict[str, Any]) -> dict[str, Any] | None:
    """The model YAML of user-added `model` of `kind`; None when users cannot add that kind."""
    custom = config.CUSTOMIZABLE
    if kind not in custom["types"]:
        return None
    if custom.get("bases"):
        out = copy.deepcopy(base_model(credentials, kind)["schema"])
        return out | {"model": model, "label": {"en_US": answer(credentials, "display_name") or model}}
    properties = copy.deepcopy(custom["properties"][kind])
    if "context_size" in properties:
        properties["context_size"] = whole(credentials, "context_size", properties["context_size"])
    out: dict[str, Any] = {
        "model": model,
        "label": {"en_US": answer(credentials, "display_name") or model},
        "model_type": kind,
        "fetch_from": "customizable-model",
        "model_properties": properties,
    }
    if kind == "llm":
        properties["mode"] = mode(credentials) or properties["mode"]
        out["features"] = [f for field, found in FEATURES.items() if turned_on(credentials, field) for f in found]
        reasons = turned_on(credentials, "reasoning_support")
        out["parameter_rules"] = rules(whole(credentials, "max_tokens", custom["max_output_tokens"]), reasons)
    if kind == "tts":
        voices = [v.strip() for v in answer(credentials, "voices").split(",") if v.strip()]
        properties["voices"] = [{"mode": v, "name": v, "language": LANGUAGES} for v in dict.fromkeys(voices)]
        if voices:
            properties["default_voice"] = voices[0]
    prices = price(credentials, "input_price"), price(credentials, "output_price")
    if prices[0] is not None or (kind == "llm" and prices[1] is not None):
        currency, unit = custom["pricing"]
        out["pricing"] = {"input": prices[0] or "0", "unit": unit, "currency": currency}
        if kind == "llm":
            out["pricing"]["output"] = prices[1] or "0"
    return out


def base_model(credentials: dict[str, Any], kind: str) -> dict[str, Any]:
    """The base model the user picked for the model they added (its type, schema and settings), which
    must be of the added model's type."""
    custom = config.CUSTOMIZABLE
    variable = custom["base_variable"]
    name = str(credentials.get(variable) or "").strip()
    found = custom["bases"].get(name)
    if found is None or found["type"] != kind:
        names = ", ".join(n for n, entry in custom["bases"].items() if entry["type"] == kind)
        raise ProviderError("bad_request", f"{variable} must name a {kind} base model ({names}), got {name!r}")
    return found


def mode(credentials: dict[str, Any]) -> str:
    """The mode the user picked for the llm they added ("" when not asked or not answered)."""
    picked = answer(credentials, "mode")
    if picked not in ("", "chat", "completion"):
        raise ProviderError("bad_request", f"{variable('mode')} must be chat or completion, got {picked!r}")
    return picked


def settings(model: str, credentials: dict[str, Any]) -> dict[str, Any]:
    """A chat model's settings (a model the user added: the llm defaults', or its base model's), with
    the mode the user picked for a model they added, image output when they say it draws, and the
    region its requests go to where model ids take a region's inference profile."""
    if config.CUSTOMIZABLE.get("bases") and model not in config.MODEL_PARAMETERS:  # not a listed model
        return base_model(credentials, "llm")["settings"]
    found = http.regional(http.model_settings(model), credentials)
    picked = mode(credentials)
    found = {**found, "mode": picked} if picked else found
    return {**found, "output_modalities": ("text", "image")} if turned_on(credentials, "image_output") else found


def rules(max_tokens: int, reasons: bool = False) -> list[dict[str, Any]]:
    """The spec's llm rules, the max_tokens rule bounded by the user's value, and the reasoning rules
    for a model the user says reasons."""
    custom = config.CUSTOMIZABLE
    out = []
    for rule in copy.deepcopy(custom["parameters"] + (custom["reasoning_parameters"] if reasons else [])):
        if rule.get("use_template") == "max_tokens":
            rule["max"] = max_tokens
            rule["default"] = min(rule.get("default", max_tokens), max_tokens)
        out.append(rule)
    return out
