"""The provider compiler's tests; shared helpers too small for a module of their own."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def package_stem(spec: str) -> str:
    """`name-version` of a shipped spec, as the packages built from it are named (versions move on
    whenever the generated output changes, so tests do not spell them out)."""
    text = (ROOT / "specs" / f"{spec}.yaml").read_text(encoding="utf-8")
    return f"{spec}-{re.search(r'(?m)^version: (\S+)', text).group(1)}"
