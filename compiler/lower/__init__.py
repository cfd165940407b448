"""Spec → intermediate model: apply defaults, resolve names and units, cross-check. One module per
section of the spec; each rule is a small function that reports located diagnostics."""

from __future__ import annotations

import dataclasses

from compiler import spec as s
from compiler.errors import CompileError, Diagnostic
from compiler.load import LoadedSpec
from compiler.lower.api import lower_api, lower_check, lower_credentials, lower_errors
from compiler.lower.custom import lower_customizable
from compiler.lower.diagnostics import Lowering, validate_spec
from compiler.lower.identity import NAME_RE, check_identity, i18n, lower_assets, lower_maibot, minimum_dify_version
from compiler.lower.models import (
    assign_files,
    check_api_ids,
    check_pricing_units,
    check_sync_lists,
    check_unique_models,
    kind_settings,
    lower_model,
)
from compiler.lower.numbers import warn_price_outliers
from compiler.lower.records import parameter_records
from compiler.lower.repair import repaired
from compiler.lower.warnings import warn_suspicious
from compiler.model import Provider

__all__ = ["NAME_RE", "lower"]


def lower(loaded: LoadedSpec) -> Provider:
    """Validate and lower a loaded spec; raises CompileError with every problem found, in one run:
    when the spec fails validation, the checks of its other parts run on a repaired copy."""
    try:
        spec = validate_spec(loaded)
    except CompileError as invalid:
        raise CompileError(sorted(invalid.diagnostics + after_repair(loaded), key=Diagnostic.sort_key)) from None
    lw = Lowering(loaded)
    provider = lower_valid(lw, spec)
    if lw.diagnostics:
        raise CompileError(sorted(lw.diagnostics + lw.warnings, key=Diagnostic.sort_key))
    return provider


def after_repair(loaded: LoadedSpec) -> list[Diagnostic]:
    """The findings of the checks a spec that failed validation did not reach: lowered once its
    invalid values are dropped or stood in for, keeping only what no repair can have caused."""
    found = repaired(loaded.data)
    if found is None:
        return []
    spec, doubtful = found
    lw = Lowering(loaded, doubtful)
    try:
        lower_valid(lw, spec)
    except Exception:  # a stand-in the lowering cannot take: the validation errors stand alone
        return []
    return lw.diagnostics + lw.warnings


def lower_valid(lw: Lowering, spec: s.Spec) -> Provider:
    """A valid spec into the intermediate model, every problem found reported on `lw`."""
    check_identity(lw, spec)
    assets = lower_assets(lw, spec)
    api = lower_api(lw, spec)
    credentials = lower_credentials(lw, spec, api)
    models = tuple(lower_model(lw, spec, api, i) for i in range(len(spec.models)))
    check_unique_models(lw, spec)
    check_sync_lists(lw, spec)
    check_api_ids(lw, spec)
    check_pricing_units(lw, spec)
    check_model, check_field = lower_check(lw, spec)
    models = assign_files(lw, models)
    customizable = lower_customizable(lw, spec, api, credentials)
    custom_rules = customizable.parameters + customizable.reasoning_parameters if customizable else ()
    bases = customizable.base_models if customizable else ()
    parameters, every = parameter_records(lw, models + bases, custom_rules)
    models = every[: len(models)]
    if customizable and bases:
        customizable = dataclasses.replace(customizable, base_models=every[len(models) :])
    features = {feature for m in models for feature in m.features}
    dify_minimum = minimum_dify_version(lw, spec, features, assets)
    warn_suspicious(lw, spec, models)
    warn_price_outliers(lw, models, frozenset(i for i, m in enumerate(spec.models) if m.pricing and m.pricing.unusual))
    return Provider(
        name=spec.name,
        spec_file=f"{lw.loaded.path.parent.name}/{lw.loaded.path.name}",
        label=i18n(spec.label),
        description=i18n(spec.description),
        author=spec.author,
        version=spec.version,
        assets=assets,
        background=spec.background,
        help_title=i18n(spec.help.title) if spec.help else None,
        help_url=spec.help.url if spec.help else None,
        api=api,
        credentials=credentials,
        errors=lower_errors(lw, spec),
        models=models,
        parameters=parameters,
        kind_settings=kind_settings(lw, spec, api),
        maibot=lower_maibot(lw, spec),
        dify_memory=spec.dify.memory,
        dify_minimum_version=dify_minimum,
        created_at=spec.dify.created_at,
        repo=spec.repository or "",
        contact=spec.contact,
        privacy=spec.dify.privacy,
        customizable=customizable,
        warnings=tuple(sorted(lw.warnings, key=Diagnostic.sort_key)),
        check_model=check_model,
        check_field=check_field,
    )
