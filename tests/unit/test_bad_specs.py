"""The bad-spec corpus: every file in tests/bad_specs/ states the exact messages it must produce
(`# expect:` lines; `# args:` for extra flags). Each must exit 2, print exactly those lines and
leave the output folder as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from compiler.cli import main
from compiler.load import MAX_SPEC_BYTES
from tests.unit.trees import tree

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "bad_specs"
SPECS = sorted(CORPUS.glob("*.yaml"))


def test_the_corpus_is_big_enough() -> None:
    assert len(SPECS) >= 40


def expectations(spec: Path) -> tuple[list[str], list[str]]:
    lines = spec.read_text(encoding="utf-8").splitlines()
    expected = [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]
    args = next((line.removeprefix("# args: ").split() for line in lines if line.startswith("# args: ")), [])
    return expected, args


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus copied into a folder with an output tree from an earlier good build, once: a bad
    spec writes nothing (each test checks), so the tests share it."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, folder, dirs_exist_ok=True)
    out = folder / "out"
    for name in [p.stem for p in SPECS] + ["binary", "latin1", "oversized"]:
        (out / name / "dify").mkdir(parents=True)
        (out / name / "dify" / "manifest.yaml").write_text("# from an earlier build\n")
    return folder


@pytest.fixture
def workdir(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(corpus)
    return corpus


def run(workdir: Path, spec: str, args: list[str], capsys) -> list[str]:
    before = tree(workdir / "out")
    started = time.perf_counter()
    assert main([*args, "build", spec, "--out", "out"]) == 2
    assert time.perf_counter() - started < 10, "a bad spec must be refused in bounded time"
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err and "internal error" not in captured.err
    assert tree(workdir / "out") == before
    return captured.err.splitlines()


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_bad_spec(spec: Path, workdir: Path, capsys) -> None:
    expected, args = expectations(spec)
    assert expected, f"{spec.name} states no `# expect:` line"
    assert run(workdir, spec.name, args, capsys) == expected


@pytest.mark.parametrize(
    "name,content,expected",
    [
        (
            "binary",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary.yaml:3:1: error: spec is a binary file (NUL byte), not YAML text",
        ),
        (
            "latin1",
            "name: latin1\nlabel: Caf\xe9\n".encode("latin-1"),
            "latin1.yaml:2:1: error: spec is not UTF-8 text (byte 23: b'\\xe9')",
        ),
        (
            "oversized",
            b"name: oversized\n" + b"# padding\n" * (MAX_SPEC_BYTES // 10 + 1),
            f"oversized.yaml: error: spec is larger than {MAX_SPEC_BYTES} bytes",
        ),
    ],
)
def test_files_that_are_not_yaml_text(name: str, content: bytes, expected: str, workdir: Path, capsys) -> None:
    (workdir / f"{name}.yaml").write_bytes(content)
    assert run(workdir, f"{name}.yaml", [], capsys) == [expected]


def test_the_exit_code_is_2_from_the_command_line(workdir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "compiler", "build", "duplicate-model.yaml", "--out", "out"],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 2 and result.stdout == ""
    assert (
        result.stderr.startswith("duplicate-model.yaml:")
        and "error: models[1].name: duplicate model name" in result.stderr
    )
