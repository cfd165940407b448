"""Models Dify users add by id: their schema built from the form (customizable.py), their
credentials checked with a call to the model itself."""

from __future__ import annotations

from collections.abc import Mapping

from dify_plugin.entities.model import AIModelEntity

from .. import customizable
from . import base


class Customizable:
    """Mixed into a model class whose kind the spec lets users add (before its kind's adapter)."""

    def get_customizable_model_schema(self, model: str, credentials: Mapping) -> AIModelEntity | None:
        with base.failures(dict(credentials)):
            found = customizable.schema(self.model_type.value, model, dict(credentials))  # type: ignore[attr-defined]
        return AIModelEntity.model_validate(found) if found else None
