"""Numbers that look wrong: a price far from the spec's other prices (a unit slip: per 1K written as
per 1M, a price off by 100). Warnings only. Real catalogues spread over 1000× (a nano model and a
flagship), so the median alone flags honest prices: a model is flagged when both its prices are ≥ FACTOR
away from the median of the others, the same way, and no other model is within FACTOR of both, as a
slipped price stands alone while honest ones have neighbours."""

from __future__ import annotations

from decimal import Decimal
from statistics import median

from compiler.lower.diagnostics import Lowering
from compiler.model import ModelInfo

FACTOR = 10
LEAST_OTHERS = 3  # fewer priced models than this say nothing about what is usual


def per_token(model: ModelInfo) -> tuple[Decimal, Decimal] | None:
    """The model's input and output prices per token, when it has both and neither is free."""
    price = model.pricing
    if price is None or price.output is None:
        return None
    unit = Decimal(price.unit)
    found = (Decimal(price.input) * unit, Decimal(price.output) * unit)
    return found if all(found) else None


def off_by(value: Decimal, usual: Decimal) -> Decimal:
    """How many times `value` is above (positive) or below (negative) `usual`."""
    return value / usual if value >= usual else -usual / value


def alone(prices: tuple[Decimal, Decimal], others: list[tuple[Decimal, Decimal]]) -> bool:
    """No other model has both prices within FACTOR of these."""
    near = lambda a, b: abs(off_by(a, b)) < FACTOR  # noqa: E731
    return not any(near(prices[0], p[0]) and near(prices[1], p[1]) for p in others)


def warn_price_outliers(lw: Lowering, models: tuple[ModelInfo, ...], meant: frozenset[int] = frozenset()) -> None:
    """`meant`: the indexes of models whose pricing says why it is unusual (`pricing.unusual`)."""
    groups: dict[tuple[str, str], list[tuple[int, tuple[Decimal, Decimal]]]] = {}
    for index, model in enumerate(models):
        prices = per_token(model)
        if prices and model.pricing:
            groups.setdefault((model.type, model.pricing.currency), []).append((index, prices))
    for (kind, currency), priced in groups.items():
        for index, prices in priced:
            others = [p for i, p in priced if i != index]
            if len(others) < LEAST_OTHERS or index in meant:
                continue
            usual = [Decimal(median(p[k] for p in others)) for k in (0, 1)]
            ratios = [off_by(prices[k], usual[k]) for k in (0, 1)]
            far = all(r >= FACTOR for r in ratios) or all(r <= -FACTOR for r in ratios)
            if far and alone(prices, others):
                way = "above" if ratios[0] > 0 else "below"
                lw.warn(
                    ("models", index, "pricing"),
                    f"prices {abs(ratios[0]):.0f}× and {abs(ratios[1]):.0f}× {way} the median of the spec's other "
                    f"{kind} models in {currency} (a unit slip? check `per`)",
                )
