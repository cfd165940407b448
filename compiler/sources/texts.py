"""Dify's I18n objects as spec text."""

from __future__ import annotations

import re
from typing import Any

from compiler import spec as s

LOCALES = set(s.Locale.__args__)
# Control characters (line and paragraph separators included) have no business in a label: dropped
# here, so the data is exactly what the written spec says.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029]")


def text(value: Any) -> Any:
    """A Dify I18n object as spec text: a plain string when it has English only; locales the spec has
    no place for are left out (import_plugin says which)."""
    if isinstance(value, dict):
        value = {str(k): CONTROL.sub("", str(v)) for k, v in value.items() if v is not None and k in LOCALES}
        if value and "en_US" not in value:  # the spec needs English: the first text stands in
            value = {"en_US": next(iter(value.values()))} | value
        return value.get("en_US") if set(value) == {"en_US"} else (value or None)
    return None if value is None else CONTROL.sub("", str(value))
