"""Numbers that look wrong: a price far from the spec's others (build), and prices and limits far from the
catalogue's (sync --check, build --catalog). Warnings, located at the model."""

from __future__ import annotations

import json
import gzip
from pathlib import Path

import pytest

from compiler.cli import main
from compiler.load import load_spec
from compiler.lower import lower
from compiler.sources.emit import emit_spec
from compiler.sources.from_catalogue import initials_svg
from tests.sample import per_spec

ROOT = Path(__file__).resolve().parents[2]
MODELSDEV = ROOT / "catalogues" / "modelsdev-api-2026-07-02.json.gz"
# A SambaNova-like price list (USD per 1M), one model's prices slipped by 100 as a converter once did.
PRICES = [("Meta-Llama-3.1-8B-Instruct", "0.10", "0.20"), ("Meta-Llama-3.3-70B-Instruct", "60", "120"),
          ("DeepSeek-R1", "5.00", "7.00"), ("DeepSeek-V3-0324", "3.00", "4.50"), ("Qwen3-32B", "0.40", "0.80"),
          ("Llama-4-Maverick-17B-128E-Instruct", "0.63", "1.80")]  # fmt: skip


def write_spec(folder: Path, name: str, prices: list[tuple[str, str, str]], **extra: object) -> Path:
    data = {"name": name, "label": "SambaNova-like", "description": "d", "author": "t", "version": "0.1.0",
            "icons": {"small": "icon.svg"}, "api": {"base_url": "https://api.example.com/v1"},
            "repository": "https://github.com/t/p", **extra, "defaults": {"llm": {"context_size": 131072}},
            "models": [{"name": n, "pricing": {"input": i, "output": o}} for n, i, o in prices]}  # fmt: skip
    (folder / "icon.svg").write_text(initials_svg("Samba Nova", name))
    (folder / f"{name}.yaml").write_text(emit_spec(data))
    return folder / f"{name}.yaml"


def test_a_price_slipped_by_100_is_a_warning(tmp_path: Path, capsys) -> None:
    spec = write_spec(tmp_path, "samba", PRICES)
    [warning] = [w for w in lower(load_spec(spec)).warnings if "median" in w.message]
    assert (warning.path, warning.line) == ("models[1].pricing", 21)
    assert warning.message.startswith("prices 95× and 67× above the median of the spec's other llm models in USD")
    assert main(["build", str(spec), "--out", str(tmp_path / "out")]) == 0
    assert "samba.yaml:21:5: warning: models[1].pricing: prices 95×" in capsys.readouterr().err
    assert main(["--strict", "build", str(spec), "--out", str(tmp_path / "out2")]) == 2


def test_a_price_said_to_be_unusual_is_not_flagged(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, "samba", PRICES)
    text = spec.read_text().replace("input: '60'", "input: '60'\n      unusual: a flagship on purpose", 1)
    assert "unusual: a flagship on purpose" in text
    spec.write_text(text)
    assert not [w for w in lower(load_spec(spec)).warnings if "median" in w.message]


def test_honest_spreads_are_not_flagged(tmp_path: Path) -> None:
    fixed = [(n, "0.60", "1.20") if n == "Meta-Llama-3.3-70B-Instruct" else (n, i, o) for n, i, o in PRICES]
    assert not [w for w in lower(load_spec(write_spec(tmp_path, "samba", fixed))).warnings if "median" in w.message]


@pytest.mark.slow  # the whole catalogue lowered
@pytest.mark.parametrize("spec", per_spec(sorted(p.name for p in (ROOT / "specs").glob("*.yaml"))))
def test_no_shipped_spec_is_flagged(spec: str) -> None:
    assert not [str(w) for w in lower(load_spec(ROOT / "specs" / spec)).warnings if "median" in w.message]


@pytest.fixture
def followed(tmp_path: Path) -> tuple[Path, Path]:
    """A spec following models.dev's deepseek: one price 10× the catalogue's, a context beyond any model's."""
    deepseek = json.loads(gzip.decompress(MODELSDEV.read_bytes()))["deepseek"]
    catalog = tmp_path / "api.json"
    catalog.write_text(json.dumps({"deepseek": deepseek}))
    prices = [("deepseek-chat", "1.40", "0.28"), ("deepseek-reasoner", "0.14", "0.28")]
    spec = write_spec(tmp_path, "deepseek", prices, sync={"models.dev": "deepseek"})
    spec.write_text(spec.read_text().replace("context_size: 131072", "context_size: 99000000"))
    return spec, catalog


def test_sync_check_warns_about_numbers_far_from_the_catalogue(followed: tuple[Path, Path], capsys) -> None:
    spec, catalog = followed
    assert main(["sync", str(spec), "--from", "models.dev", "--catalog", str(catalog), "--check"]) == 1
    err = capsys.readouterr().err
    assert "warning: models[0].pricing.input: input price 10× above the catalogue's (0.14 USD per 1M" in err
    assert "warning: models[0].context_size: context_size 99000000 is beyond any model the catalogue knows" in err
    assert "models[1].pricing" not in err


def test_build_catalog_warns_too(followed: tuple[Path, Path], capsys) -> None:
    spec, catalog = followed
    assert main(["build", str(spec), "--catalog", str(catalog), "--out", str(spec.parent / "out")]) == 0
    assert "warning: models[0].pricing.input: input price 10× above" in capsys.readouterr().err
    assert main(["--strict", "build", str(spec), "--catalog", str(catalog), "--out", str(spec.parent / "o")]) == 2
    assert not (spec.parent / "o").exists()
