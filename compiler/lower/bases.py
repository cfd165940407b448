"""customizable.base_models: the models a user-added model may be an instance of (Azure OpenAI's base
models behind a deployment). Each is lowered as a `models` entry is, and the runtime hands the chosen
one's schema and settings to the model the user adds (runtime/customizable.py)."""

from __future__ import annotations

from compiler import spec as s
from compiler.lower.diagnostics import Lowering, check_unique
from compiler.lower.identity import i18n
from compiler.lower.models import lower_model
from compiler.model import ApiInfo, CredentialInfo, ModelInfo, Option

PREFIX = ("customizable", "base_models")


class Relocated(Lowering):
    """A Lowering that reports `models[i]` as `customizable.base_models[i]`: base models are lowered by
    the models' code over a copy of the spec whose `models` are the base models."""

    def __init__(self, outer: Lowering) -> None:
        super().__init__(outer.loaded, outer.doubtful)
        self.diagnostics, self.warnings = outer.diagnostics, outer.warnings

    def error(self, loc: tuple[str | int, ...], message: str, level: str = "error") -> None:
        super().error(PREFIX + loc[1:] if loc[:1] == ("models",) else loc, message, level)


def lower_base_models(lw: Lowering, spec: s.Spec, api: ApiInfo, types: tuple[str, ...]) -> tuple[ModelInfo, ...]:
    """The base models, each of a customizable type, their names unique."""
    custom = spec.customizable
    written = (custom.base_models or []) if custom else []
    if not written:
        return ()
    inner, copy = Relocated(lw), spec.model_copy(update={"models": written})
    models = tuple(lower_model(inner, copy, api, i) for i in range(len(written)))
    for index, model in enumerate(models):
        lw.check(model.type in types, PREFIX + (index, "type"), f"{model.type} is not one of customizable.types")
    check_unique(lw, [(PREFIX + (i, "name"), m.name) for i, m in enumerate(models)], "base model")
    return models


def base_model_field(spec: s.Spec, models: tuple[ModelInfo, ...], types: tuple[str, ...]) -> CredentialInfo:
    """The form's select of a base model: each option shown for its own model type (when the form
    serves several)."""
    shape = (spec.customizable and spec.customizable.base_model) or s.BaseModelField()
    several = len(types) > 1
    options = tuple(Option(m.name, i18n(m.name), (("__model_type", m.type),) if several else ()) for m in models)
    return CredentialInfo(
        variable=shape.variable,
        label=i18n(shape.label),
        type="select",
        required=True,
        placeholder=i18n(shape.placeholder) if shape.placeholder else None,
        options=options,
    )
