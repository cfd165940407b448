"""`sync`: a recorded catalogue mutated (a price, a context size, a new model, a dropped model) changes exactly
those in the spec, keeps its comments, and `--check` says whether the spec lags; kept values and other
currencies are reported, never touched."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from compiler.build import compile_spec
from compiler.cli import main

ROOT = Path(__file__).resolve().parents[2]
MODELSDEV = ROOT / "catalogues" / "modelsdev-api-2026-07-02.json.gz"


@pytest.fixture(scope="module")
def deepseek() -> dict:
    return json.loads(gzip.decompress(MODELSDEV.read_bytes()))["deepseek"]


@pytest.fixture
def project(tmp_path: Path, deepseek: dict) -> tuple[Path, Path]:
    """A spec imported from the catalogue (so it starts current), with comments of its author added."""
    catalog = tmp_path / "api.json"
    catalog.write_text(json.dumps({"deepseek": deepseek}))
    spec = tmp_path / "deepseek.yaml"
    assert main(["import", "models.dev:deepseek", "--catalog", str(catalog), "--out", str(spec)]) == 0
    text = spec.read_text().replace("models:\n", "# the models, newest last\nmodels:\n", 1)
    text = text.replace("    context_size: 1000000\n", "    context_size: 1000000  # per the docs\n", 1)
    spec.write_text(text)
    return spec, catalog


def sync(spec: Path, catalog: Path, *more: str) -> int:
    return main(["sync", str(spec), "--from", "models.dev", "--catalog", str(catalog), *more])


def mutate(catalog: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(catalog.read_text())
    change(data["deepseek"]["models"])
    catalog.write_text(json.dumps(data))


def added_lines(before: str, after: str) -> list[str]:
    import difflib

    return [l for l in difflib.ndiff(before.splitlines(), after.splitlines()) if l[:2] in ("+ ", "- ")]


def test_sync_changes_exactly_what_the_catalogue_changed(project: tuple[Path, Path], capsys) -> None:
    spec, catalog = project
    assert sync(spec, catalog, "--check") == 0
    before = spec.read_text()

    def change(models: dict) -> None:
        models["deepseek-chat"]["cost"]["input"] = 0.2
        models["deepseek-reasoner"]["limit"]["context"] = 2000000
        models["deepseek-v5"] = dict(models["deepseek-chat"], id="deepseek-v5", name="DeepSeek V5")
        del models["deepseek-v4-pro"]

    mutate(catalog, change)
    capsys.readouterr()
    assert sync(spec, catalog, "--check") == 1
    out = capsys.readouterr()
    assert spec.read_text() == before  # --check writes nothing
    assert "deepseek-chat: pricing.input: 0.14 → 0.2 (" in out.out
    assert "lags its catalogue: 2 field(s) of 2 model(s) differ, 1 new model(s), 1 model(s) to deprecate" in out.err
    assert sync(spec, catalog) == 0
    after = spec.read_text()
    assert added_lines(before, after) == [
        "-       input: '0.14'",
        "+       input: '0.2'",
        "-     context_size: 1000000",
        "+     context_size: 2000000",
        "+     deprecated: true",
        "+   - name: deepseek-v5",
        "+     label: DeepSeek V5",
        "+     context_size: 1000000",
        "+     max_output_tokens: 384000",
        "+     features: [tool-call, multi-tool-call, stream-tool-call]",
        "+     pricing:",
        "+       input: '0.2'",
        "+       output: '0.28'",
        "+       cache_read: '0.0028'",
    ]
    assert "# the models, newest last\n" in after and "context_size: 1000000  # per the docs\n" in after
    assert sync(spec, catalog, "--check") == 0
    provider, _ = compile_spec(spec)
    assert [m.name for m in provider.models if m.deprecated] == ["deepseek-v4-pro"]


def test_kept_values_are_reported_not_overridden(project: tuple[Path, Path], capsys) -> None:
    spec, catalog = project
    text = spec.read_text().replace(
        "  - name: deepseek-chat\n",
        "  - name: deepseek-chat\n    sync: {keep: [pricing], why: our contract price}\n",
        1,
    )
    spec.write_text(text)
    mutate(catalog, lambda m: m["deepseek-chat"]["cost"].__setitem__("input", 0.5))
    report = spec.parent / "sync.md"
    assert sync(spec, catalog, "--check", "--report", str(report)) == 0
    assert spec.read_text() == text
    assert "deepseek-chat: pricing.input: 0.14 → 0.5 (" in capsys.readouterr().out
    markdown = report.read_text()
    assert "| deepseek-chat | pricing.input | 0.14 | 0.5 |" in markdown and "kept: our contract price |" in markdown


def test_spec_level_keep_and_leave_out(project: tuple[Path, Path], capsys) -> None:
    """`sync.keep` keeps fields of several models at once; `sync.leave_out` new catalogue models, each
    reported with its reason; both name what they must (a located error otherwise, nothing written)."""
    spec, catalog = project

    def change(models: dict) -> None:
        models["deepseek-v5"] = dict(models["deepseek-chat"], id="deepseek-v5", name="DeepSeek V5")
        del models["deepseek-chat"]
        models["deepseek-reasoner"]["cost"]["input"] = 0.5

    mutate(catalog, change)
    groups = (
        "  keep:\n  - models: [deepseek-chat, deepseek-reasoner]\n    keep: [deprecated, pricing]\n"
        "    why: newer than the snapshot\n  leave_out:\n  - models: [deepseek-v5]\n    why: not served yet\n"
    )
    text = spec.read_text().replace("sync:\n  models.dev: deepseek\n", f"sync:\n  models.dev: deepseek\n{groups}")
    assert groups in text
    spec.write_text(text)
    capsys.readouterr()
    assert sync(spec, catalog, "--check") == 0
    out = capsys.readouterr()
    assert "deepseek-v5: left out (" in out.out and "; not served yet)" in out.out
    assert "deepseek-chat: deprecated: false → true (" in out.out and "kept: newer than the snapshot" in out.out
    assert "2 value(s) kept (sync: keep), 1 model(s) left out (sync.leave_out)" in out.err
    spec.write_text(
        text.replace("[deepseek-v5]", "[deepseek-chat]").replace("deepseek-chat, deepseek-r", "ghost, deepseek-r")
    )
    assert sync(spec, catalog, "--check") == 2
    err = capsys.readouterr().err
    assert "sync.keep[0].models[0]: 'ghost' is no model of the spec" in err
    assert "sync.leave_out[0].models[0]: 'deepseek-chat' is a model of the spec" in err
    twice = "    why: newer than the snapshot\n  - models: [deepseek-reasoner]\n    keep: all\n    why: again\n"
    spec.write_text(text.replace("    why: newer than the snapshot\n", twice))
    assert sync(spec, catalog, "--check") == 2
    assert (
        "sync.keep[1].models[0]: 'deepseek-reasoner' is in sync.keep[0] too: one group each" in capsys.readouterr().err
    )


def test_keep_needs_a_reason(project: tuple[Path, Path], capsys) -> None:
    spec, catalog = project
    spec.write_text(
        spec.read_text().replace("  - name: deepseek-chat\n", "  - name: deepseek-chat\n    sync: {keep: all}\n")
    )
    assert sync(spec, catalog, "--check") == 2
    assert "sync.why: required key is missing" in capsys.readouterr().err


def test_prices_in_another_currency_or_unit(project: tuple[Path, Path], capsys) -> None:
    spec, catalog = project
    text = spec.read_text()
    spec.write_text(
        text.replace("      per: million\n      currency: USD\n", "      per: thousand\n      currency: USD\n")
    )
    mutate(catalog, lambda m: m["deepseek-chat"]["cost"].__setitem__("input", 0.2))
    sync(spec, catalog)
    assert "    pricing:\n      input: '0.0002'\n      output: '0.00028'\n" in spec.read_text()  # per 1K
    spec.write_text(text.replace("currency: USD", "currency: RMB"))
    capsys.readouterr()
    assert sync(spec, catalog, "--check") == 0  # nothing it may change
    assert "priced in RMB: not compared" in capsys.readouterr().out


@pytest.mark.parametrize(("written", "input_text"), [("per: 100k", "'0.02'"), ("unit: '0.00001'", "'0.02'")])
def test_prices_per_any_power_of_ten(project: tuple[Path, Path], written: str, input_text: str) -> None:
    """A spec priced per 100K tokens (SambaNova) or in Dify's own unit gets catalogue prices in that unit:
    0.2 USD per 1M is 0.02 per 100K."""
    spec, catalog = project
    spec.write_text(spec.read_text().replace("      per: million\n", f"      {written}\n"))
    mutate(catalog, lambda m: m["deepseek-chat"]["cost"].__setitem__("input", 0.2))
    sync(spec, catalog)
    assert f"    pricing:\n      input: {input_text}\n" in spec.read_text()


def test_a_spec_that_follows_nothing(project: tuple[Path, Path], capsys) -> None:
    spec, catalog = project
    spec.write_text(spec.read_text().replace("sync:\n  models.dev: deepseek\n", ""))
    assert sync(spec, catalog) == 2
    assert "sync.models.dev: missing; say which entry the spec follows" in capsys.readouterr().err


def test_sync_that_would_not_compile_writes_nothing(project: tuple[Path, Path], capsys) -> None:
    """A max_tokens default of 4096 written out looks, once lowered, like the template's own min(4096, max):
    the new, lower limit is applied, the trial compile refuses it, and nothing is written."""
    spec, catalog = project
    text = spec.read_text().replace(
        "    max_output_tokens: 384000\n",
        "    max_output_tokens: 384000\n    parameters: [{template: max_tokens, default: 4096}]\n",
        1,
    )
    spec.write_text(text)
    mutate(catalog, lambda m: m["deepseek-chat"]["limit"].__setitem__("output", 2048))
    assert sync(spec, catalog) == 2
    err = capsys.readouterr().err
    assert "error: models[0].parameters[0].default: default (4096) is above max (2048)" in err
    assert spec.read_text() == text


def test_completion_models_and_embeddings_take_no_llm_fields(project: tuple[Path, Path]) -> None:
    """Tools are not synced into a completion-mode model, nor an output limit or features into an embedding model."""
    spec, catalog = project
    text = spec.read_text().replace(
        "    features: [tool-call, multi-tool-call, stream-tool-call]\n", "    mode: completion\n    features: []\n", 1
    )
    text = text.replace("  - name: deepseek-reasoner\n", "  - name: deepseek-reasoner\n    type: text-embedding\n", 1)
    text = text.replace("    label: DeepSeek Reasoner\n", "", 1)
    lines = text.split("  - name: deepseek-reasoner\n")
    tail = lines[1].split("  - name:", 1)
    tail[0] = "    type: text-embedding\n    context_size: 1000000\n    pricing: {input: '0.14'}\n"
    spec.write_text(lines[0] + "  - name: deepseek-reasoner\n" + "  - name:".join(tail))
    assert sync(spec, catalog, "--check") == 0


@pytest.mark.parametrize(
    "name", ["deepseek", "x", pytest.param("siliconflow", marks=pytest.mark.slow), "acme", "deepseek-anthropic"]
)
def test_an_unchanged_round_trip_is_byte_identical(name: str) -> None:
    """merge(): a tree dumped before and after no edit gives the author's text back, whatever ruamel reformats."""
    from compiler.sources.merge import dump, merge, round_trip

    text = (ROOT / "specs" / f"{name}.yaml").read_text()
    yaml = round_trip()
    tree = yaml.load(text)
    before = dump(yaml, tree)
    tree["version"] = "9.9.9"
    assert merge(text, before, dump(yaml, tree)) == text.replace(
        f"\nversion: {tree_version(text)}\n", "\nversion: 9.9.9\n"
    )


def tree_version(text: str) -> str:
    return next(l.split(": ", 1)[1] for l in text.splitlines() if l.startswith("version: "))


def test_the_tool_features_are_one_fact(project: tuple[Path, Path]) -> None:
    """A spec that lists some of the three tool features keeps its choice while the catalogue says tools; when
    the catalogue says no tools, all three go."""
    spec, catalog = project
    full = "    features: [tool-call, multi-tool-call, stream-tool-call]\n"
    spec.write_text(spec.read_text().replace(full, "    features: [tool-call, stream-tool-call]\n", 1))
    assert sync(spec, catalog, "--check") == 0
    mutate(catalog, lambda m: m["deepseek-chat"].__setitem__("tool_call", False))
    assert sync(spec, catalog) == 0
    assert (
        "  - name: deepseek-chat\n    label: DeepSeek Chat\n    context_size: 1000000  # per the docs\n"
        in spec.read_text()
    )
    assert "    features: []\n" in spec.read_text()


def test_catalogue_text_cannot_break_out_of_the_synced_spec(project: tuple[Path, Path]) -> None:
    """A new model's id and name from a hostile catalogue are written as YAML strings that load back as they were."""
    from compiler.load import load_spec

    spec, catalog = project
    hostile = 'evil\'\n# injected: true\nname: x "q" : {a: b} # c'

    def add(models: dict) -> None:
        models["odd: {id} # x"] = dict(models["deepseek-chat"], id="odd: {id} # x", name=hostile)

    mutate(catalog, add)
    assert sync(spec, catalog) == 0
    data = load_spec(spec).data
    assert data["models"][-1]["name"] == "odd: {id} # x" and data["models"][-1]["label"] == hostile
    assert "injected" not in data and sync(spec, catalog, "--check") == 0


def test_a_free_model_the_catalogue_prices(project: tuple[Path, Path]) -> None:
    spec, catalog = project
    text = spec.read_text()
    start = text.index("  - name: deepseek-chat\n")
    block = text.index("    pricing:\n", start)
    end = text.index("  - name:", block)
    spec.write_text(text[:block] + "    pricing: null\n" + text[end:])
    assert sync(spec, catalog) == 0
    from compiler.build import compile_spec

    chat = compile_spec(spec)[0].models[0]
    assert (chat.pricing.input, chat.pricing.output) == ("0.14", "0.28")


@pytest.mark.parametrize("free", ["null", "~", "Null"])
def test_merge_never_writes_text_that_reads_otherwise(free: str) -> None:
    """Where the file and ruamel's dump differ at an edited line, the result still reads as the edited tree."""
    from ruamel.yaml import YAML

    from compiler.sources.merge import dump, merge, round_trip

    text = f"# head\nmodels:\n  - name: a  # first\n    pricing: {free}\n  - name: b\n"
    yaml = round_trip()
    tree = yaml.load(text)
    before = dump(yaml, tree)
    tree["models"][0]["pricing"] = {"input": "1"}
    merged = merge(text, before, dump(yaml, tree))
    safe = YAML(typ="safe", pure=True)
    assert safe.load(merged) == {"models": [{"name": "a", "pricing": {"input": "1"}}, {"name": "b"}]}
    assert merged.startswith("# head\n") and "# first" in merged
