"""Suspicious but legal: warnings, which --strict turns into errors."""

from __future__ import annotations

from decimal import Decimal

from compiler import spec as s
from compiler.lower.diagnostics import Lowering
from compiler.model import ModelInfo, unit_label


def warn_suspicious(lw: Lowering, spec: s.Spec, models: tuple[ModelInfo, ...]) -> None:
    units: dict[str, list[tuple[int, str]]] = {}
    for index, model in enumerate(models):
        loc = ("models", index)
        if "stream-tool-call" in model.features and not {"tool-call", "multi-tool-call"} & set(model.features):
            # Dify picks function calling by either feature (api/core/app/apps/agent_chat/app_runner.py)
            lw.warn(
                loc + ("features",),
                "stream-tool-call without tool-call or multi-tool-call: Dify will not offer tools to this model",
            )
        for i, rule in enumerate(model.parameters):
            default = rule.overrides.get("default")
            if rule.template == "max_tokens" and model.max_output_tokens and isinstance(default, int):
                if default > model.max_output_tokens:
                    lw.warn(
                        loc + ("parameters", i),
                        f"default max_tokens {default} is above the model's max_output_tokens {model.max_output_tokens}",
                    )
        if model.pricing:
            units.setdefault(model.type, []).append((index, model.pricing.unit))
            per_million = model.pricing.unit == "0.000001"
            prices = [Decimal(p) for p in (model.pricing.input, model.pricing.output) if p is not None]
            if per_million and any(Decimal(0) < p < Decimal("0.001") for p in prices):
                lw.warn(
                    loc + ("pricing",),
                    "prices below 0.001 per million tokens look like per-token prices (set `per: token`)",
                )
    for model_type, seen in units.items():
        common = max({u for _, u in seen}, key=[u for _, u in seen].count)
        for index, unit in seen:
            if unit != common:
                lw.warn(
                    ("models", index, "pricing"),
                    f"priced per {unit_label(unit)} while other {model_type} models are priced per {unit_label(common)}",
                )
