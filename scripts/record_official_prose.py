"""Record digests of the official Dify plugins' prose, for tests/unit/test_own_words.py.

Usage: .venv/bin/python scripts/record_official_prose.py [PLUGIN ...] [--official DIR]
(default: every plugin under DIR, /work/official/models, that a spec in specs/ is named after).
Writes tests/unit/data/official_prose.txt: the first 16 hex digits of the SHA-256 of each help,
description, placeholder and tooltip text over 25 characters in the plugins' YAML files, Dify's own
parameter-template texts left out (a spec may show those through `template:`). No official text is
stored. Run by hand when a spec follows a new official plugin or a newer release; tests never read
the official plugins."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.unit.test_own_words import DIGESTS, digest, normal, prose  # noqa: E402


def template_texts() -> set[str]:
    """Dify's parameter-template labels and help texts, which Dify itself shows for `template:` rules."""
    from dify_plugin.entities.model import PARAMETER_RULE_TEMPLATE

    rules = PARAMETER_RULE_TEMPLATE.values()
    return {normal(text) for rule in rules for key in ("label", "help") for text in (rule.get(key) or {}).values()}


def plugin_texts(plugin: Path) -> tuple[str, set[str]]:
    """The plugin's version and the prose texts of its YAML files (a file YAML cannot read is skipped)."""
    yaml, texts, version = YAML(typ="safe"), set(), "?"
    for path in sorted(plugin.rglob("*.yaml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"))
        except (YAMLError, UnicodeDecodeError):
            continue
        if path.relative_to(plugin).as_posix() == "manifest.yaml" and isinstance(data, dict):
            version = str(data.get("version", "?"))
        texts |= {normal(text) for _, text in prose(data)}
    return version, texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plugins", nargs="*")
    parser.add_argument("--official", type=Path, default=Path("/work/official/models"))
    args = parser.parse_args()
    names = args.plugins or [
        p.stem for p in sorted((ROOT / "specs").glob("*.yaml")) if (args.official / p.stem).is_dir()
    ]
    missing = [name for name in names if not (args.official / name).is_dir()]
    if missing or not names:
        print(f"no official plugin under {args.official}: {', '.join(missing) or 'none named'}", file=sys.stderr)
        return 2
    texts, versions, skip = set(), [], template_texts()
    for name in names:
        version, found = plugin_texts(args.official / name)
        versions.append(f"{name} {version}")
        texts |= found - skip
    header = [
        "# SHA-256 (first 16 hex digits) of the official Dify plugins' help, description, placeholder and",
        "# tooltip texts over 25 characters, Dify's template texts left out; scripts/record_official_prose.py.",
        "# Plugins: " + ", ".join(versions),
    ]
    DIGESTS.parent.mkdir(parents=True, exist_ok=True)
    DIGESTS.write_text("\n".join(header + sorted({digest(text) for text in texts})) + "\n")
    print(f"{DIGESTS.relative_to(ROOT)}: {len(texts)} texts of {len(names)} plugins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
