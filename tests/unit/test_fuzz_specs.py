"""Property test: valid specs whose free-text fields hold arbitrary Unicode (quotes, backslashes,
newlines, triple quotes, template syntax, shell syntax, control and bidi characters) build, every
output file parses, and every string arrives verbatim where it is data. FUZZ_EXAMPLES raises the
number of examples (the suite runs a few dozen; a few hundred were run when this was written)."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from compiler.build import compile_spec

ROOT = Path(__file__).resolve().parents[2]
NASTY = [
    '"',
    "'",
    "\\",
    "\n",
    '"""',
    "'''",
    "{{ p }}",
    "{% if x %}",
    "{#",
    "#",
    "$(id)",
    "`id`",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\u2066",
    "\u2028",
    "\ufeff",
    "\r\n",
    "-->",
    "<script>",
    "*/",
    "%s",
    "---",
    ": ",
    "- ",
]
TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from(NASTY), st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
        ),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


def spec_with(texts: dict[str, str]) -> dict:
    return {
        "name": "fuzz",
        "label": {"en_US": texts["label"], "zh_Hans": texts["label_zh"]},
        "description": texts["description"],
        "author": "fuzzer",
        "version": "1.0.0",
        "icons": {"small": "icons/s.svg"},
        "help": {"title": texts["help"], "url": "https://fuzz.example/keys"},
        "repository": "https://github.com/fuzz/plugins",
        "api": {"base_url": "https://api.fuzz.example/v1"},
        "credentials": {
            "api_key": {"placeholder": texts["placeholder"]},
            "extra": [{"variable": "org", "label": texts["cred_label"], "header": "X-Org"}],
        },
        "defaults": {
            "llm": {
                "context_size": 4096,
                "parameters": [
                    "temperature",
                    {
                        "name": "mode",
                        "type": "string",
                        "label": texts["param_label"],
                        "help": texts["param_help"],
                        "options": ["a", "b"],
                    },
                ],
            }
        },
        "models": [
            {"name": "fuzz-chat", "label": texts["model_label"]},
            {"name": "fuzz-embed", "type": "text-embedding", "label": texts["embed_label"], "context_size": 512},
        ],
        "dify": {"privacy": texts["privacy"]},
    }


FIELDS = [
    "label",
    "label_zh",
    "description",
    "help",
    "placeholder",
    "cred_label",
    "param_label",
    "param_help",
    "model_label",
    "embed_label",
    "privacy",
]


def write(tmp: Path, data: dict) -> Path:
    (tmp / "icons").mkdir(exist_ok=True)
    shutil.copy(ROOT / "specs" / "icons" / "acme_s.svg", tmp / "icons" / "s.svg")
    path = tmp / "fuzz.yaml"
    # JSON is YAML; characters YAML reads as line breaks (NEL, LS, PS) or refuses raw are escaped.
    # (ruamel's own emitter writes NEL raw inside quotes, and reading it back folds it to a space.)
    text = re.sub(
        "[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]",
        lambda m: f"\\u{ord(m.group()):04x}",
        json.dumps(data, ensure_ascii=False),
    )
    path.write_text(text, encoding="utf-8")
    return path


def parsed(files: dict[str, bytes]) -> dict[str, object]:
    """Every output file parsed by what reads it; raises if any is invalid."""
    yaml = YAML(typ="safe", pure=True)
    out: dict[str, object] = {}
    for name, data in files.items():
        if name.endswith(".py"):
            out[name] = ast.parse(data.decode("utf-8"))
        elif name.endswith(".yaml"):
            out[name] = yaml.load(data)
        elif name.endswith(".json"):
            out[name] = json.loads(data)
        elif name.endswith((".md", ".txt", ".example", ".difyignore")):
            out[name] = data.decode("utf-8")
    return out


def decorator_keywords(tree: ast.Module) -> dict[str, object]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "LLMProvider":
            return {k.arg: ast.literal_eval(k.value) for k in node.keywords}
    raise AssertionError("no @LLMProvider call")


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.fixed_dictionaries({field: TEXT for field in FIELDS}))
def test_any_text_builds_parses_and_survives(tmp_path_factory, texts: dict[str, str]) -> None:
    provider, files = compile_spec(write(tmp_path_factory.mktemp("fuzz"), spec_with(texts)))
    out = parsed(files)
    assert out["dify/provider/fuzz.yaml"]["label"] == {"en_US": texts["label"], "zh_Hans": texts["label_zh"]}
    assert out["dify/provider/fuzz.yaml"]["help"]["title"]["en_US"] == texts["help"]
    credentials = out["dify/provider/fuzz.yaml"]["provider_credential_schema"]["credential_form_schemas"]
    assert credentials[0]["placeholder"]["en_US"] == texts["placeholder"]
    assert credentials[2]["label"]["en_US"] == texts["cred_label"]
    assert out["dify/manifest.yaml"]["description"]["en_US"] == texts["description"]
    chat = out["dify/models/llm/fuzz-chat.yaml"]
    assert chat["label"]["en_US"] == texts["model_label"]
    assert chat["parameter_rules"][1]["label"]["en_US"] == texts["param_label"]
    assert chat["parameter_rules"][1]["help"]["en_US"] == texts["param_help"]
    assert out["dify/models/text_embedding/fuzz-embed.yaml"]["label"]["en_US"] == texts["embed_label"]
    manifest = out["maibot/_manifest.json"]
    assert manifest["name"] == texts["label"] and manifest["description"] == texts["description"]
    keywords = decorator_keywords(out["maibot/plugin.py"])
    assert keywords["name"] == texts["label"] and keywords["description"] == texts["description"]
    # Text that is not data (docstrings, Markdown) may be escaped, but never changes the code:
    for name, tree in out.items():
        if name.endswith(".py"):
            assert not any(
                isinstance(n, ast.Call) and getattr(n.func, "id", "") in ("eval", "exec", "system")
                for n in ast.walk(tree)
            ), name
    assert provider.label["en_US"] == texts["label"]
