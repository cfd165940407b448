"""Dify's I18n objects as spec text."""

from __future__ import annotations

from typing import Any

from compiler import spec as s

LOCALES = set(s.Locale.__args__)


def text(value: Any) -> Any:
    """A Dify I18n object as spec text: a plain string when it has English only; locales the spec has
    no place for are left out (import_plugin says which)."""
    if isinstance(value, dict):
        value = {str(k): str(v) for k, v in value.items() if v is not None and k in LOCALES}
        if value and "en_US" not in value:  # the spec needs English: the first text stands in
            value = {"en_US": next(iter(value.values()))} | value
        return value.get("en_US") if set(value) == {"en_US"} else (value or None)
    return None if value is None else str(value)
