"""import and build are inverses on the YAML side: importing a generated plugin gives a spec whose
build reproduces that plugin's manifest, provider YAML, model YAMLs and _position.yaml byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.build import compile_spec, subtree
from compiler.sources.compare import build_dify, write_spec
from compiler.sources.dify_plugin import import_plugin
from compiler.sources.generated import embeddings_of
from tests.sample import SAMPLE

ROOT = Path(__file__).resolve().parents[3]
SPECS = sorted(path.stem for path in (ROOT / "specs").glob("*.yaml"))
QUICK = {"acme", "deepseek-anthropic"}  # one of each shape in make quick
CATALOGUE = {"openrouter", "siliconflow", "zhipuai"}  # the three largest (half the time) in make catalogue-test


def tier(name: str) -> object:
    """make quick, make test (`slow`: the sample of tests/sample.py) or CI's make catalogue-test (`catalogue`)."""
    if name in QUICK:
        return name
    late = name in CATALOGUE or name not in SAMPLE
    return pytest.param(name, marks=pytest.mark.catalogue if late else pytest.mark.slow)


def yaml_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*.yaml")
        if "runtime" not in path.relative_to(root).parts
    }


@pytest.mark.parametrize("name", [tier(n) for n in SPECS])
def test_generated_plugin_round_trips(tmp_path, name):
    plugin = ROOT / "generated" / name / "dify"
    imported = import_plugin(plugin)
    assert not [f for f in imported.findings], "a generated plugin leaves nothing to do"
    built = build_dify(write_spec(imported, tmp_path / "specs"))
    expected = yaml_files(plugin)
    assert {path: built.get(path) for path in expected} == expected
    assert sorted(path for path in built if path.endswith(".yaml")) == sorted(expected)


GOLDEN = sorted((ROOT / "tests" / "golden").glob("*/*.yaml"))  # golden specs of their own (tests/golden/<name>/)


@pytest.mark.parametrize("spec", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_golden_spec_round_trips(tmp_path, spec):
    """A golden spec exercising the newer fields: built here, imported, rebuilt, the same YAML."""
    files = subtree(compile_spec(spec)[1], "dify")
    for relative, data in files.items():
        (tmp_path / "plugin" / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "plugin" / relative).write_bytes(data)
    imported = import_plugin(tmp_path / "plugin")
    built = build_dify(write_spec(imported, tmp_path / spec.parent.name))
    expected = {path: data for path, data in files.items() if path.endswith(".yaml") and "runtime" not in path}
    assert {path: built.get(path) for path in expected} == expected


# the rest still lose a body key a protocol maps, a credential's protocol choice, or header comments
CONFIG_WHOLE = ("bedrock", "gemini", "vertex_ai", "x", "zhipuai")


@pytest.mark.slow
@pytest.mark.parametrize("name", CONFIG_WHOLE)
def test_runtime_config_round_trips(tmp_path, name):
    """What a generated config records beyond the YAML (protocol tables, per-model settings, each
    parameter's record: body key, tool, control, values, omissions) comes back: the same config.py."""
    plugin = ROOT / "generated" / name / "dify"
    built = build_dify(write_spec(import_plugin(plugin), tmp_path / "specs"))
    config = "models/runtime/config.py"
    assert built[config].decode() == (plugin / config).read_text()


def test_a_generated_plugins_embeddings_keys_come_back() -> None:
    """config.EMBEDDING gives api.embeddings back as the spec writes it: only what is not OpenAI's."""
    imported = import_plugin(ROOT / "generated" / "nomic" / "dify")
    assert imported.data["api"]["embeddings"] == {
        "input": "texts",
        "encoding_format": None,
        "results": "embeddings",
        "vector": "",
        "index": None,
    }
    shape = {"input": "input", "encoding_format": "encoding_format", "results": ("out", "data"), "vector": "v"}
    assert embeddings_of(shape | {"index": "index", "tokens": (("meta", "tokens"),)}) == {
        "results": "out.data",
        "vector": "v",
        "tokens": ["meta.tokens"],
    }
    assert embeddings_of(shape | {"index": "index", "tokens": ()})["tokens"] is None


def test_a_generated_plugins_speech_keys_come_back() -> None:
    """config.SPEECH gives api.speech back as the spec writes it: only what is not OpenAI's."""
    imported = import_plugin(ROOT / "generated" / "minimax" / "dify")
    assert imported.data["api"]["speech"] == {
        "input": "text",
        "voice": "voice_setting.voice_id",
        "format": "audio_setting.format",
        "audio": "data.audio",
        "encoding": "hex",
    }
    assert "speech" not in import_plugin(ROOT / "generated" / "acme" / "dify").data["api"]
