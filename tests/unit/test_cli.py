"""The CLI: exit codes, located errors on stderr, and nothing written when anything fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compiler import build as build_module
from compiler.cli import main
from compiler.errors import CompileError
from compiler.targets import Job
from compiler.write import read_tree

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    return tmp_path / "specs"


def test_build_writes_then_leaves_unchanged(specs: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", str(specs / "acme.yaml"), "--out", str(out)]) == 0
    first = read_tree(out)
    assert "acme/dify/models/llm/llm.py" in first and "acme/dify/_assets/icon_s_en.svg" in first
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert main(["build", str(specs / "acme.yaml"), "--out", str(out)]) == 0
    assert read_tree(out) == first
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == mtimes
    assert "0 written" in capsys.readouterr().out


def test_stale_files_are_removed(specs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main(["build", str(specs / "acme.yaml"), "--out", str(out)])
    (out / "acme" / "dify" / "models" / "llm" / "gone.yaml").write_text("x")
    (out / "keep.txt").write_text("outside the provider folder")
    main(["build", str(specs / "acme.yaml"), "--out", str(out)])
    assert not (out / "acme" / "dify" / "models" / "llm" / "gone.yaml").exists()
    assert (out / "keep.txt").exists()


def test_bad_spec_exit_2_and_nothing_written(specs: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    main(["build", str(specs / "acme.yaml"), "--out", str(out)])
    before = read_tree(out)
    text = (specs / "acme.yaml").read_text().replace("\nversion: ", "\nbogus: 1\nversion: ", 1)
    (specs / "acme.yaml").write_text(text)
    assert main(["build", str(specs / "acme.yaml"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "acme.yaml:" in err and "error: bogus: unknown key" in err and "Traceback" not in err
    assert read_tree(out) == before


def test_invalid_yaml_is_located(tmp_path: Path, capsys) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("name: broken\nlabel: [unclosed\n")
    assert main(["build", str(spec), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "broken.yaml:" in err and "invalid YAML" in err
    assert not (tmp_path / "out").exists()


def test_template_rendering_invalid_python_names_the_template(specs: Path, tmp_path: Path, monkeypatch) -> None:
    real = build_module.plan_all

    def broken_plan(p):
        return real(p) + [Job("dify/provider/provider.py.jinja", "dify/broken.py", {"p": p, "header": "x\ndef ("})]

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(build_module, "plan_all", broken_plan)
    with pytest.raises(CompileError) as caught:
        build_module.compile_spec(specs / "acme.yaml")
    message = str(caught.value)
    assert "templates/dify/provider/provider.py.jinja" in message and "dify/broken.py is not valid" in message
    assert (tmp_path / ".compiler-failed" / "dify" / "broken.py").is_file()


def test_write_tree_never_leaves_its_folder(tmp_path: Path) -> None:
    from compiler.write import write_tree

    with pytest.raises(ValueError, match="outside"):
        write_tree(tmp_path / "out" / "acme", {"dify/ok.txt": b"x", "../../escaped.txt": b"x"})
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "out").exists()


def test_check_reports_a_debug_env_inside_the_tree(specs: Path, tmp_path: Path, capsys) -> None:
    """A .env in a generated tree is drift (its key could be committed); check says where it belongs."""
    out = tmp_path / "out"
    assert main(["build", str(specs / "acme.yaml"), "--out", str(out)]) == 0
    (out / "acme" / "dify" / ".env").write_text("REMOTE_INSTALL_KEY=secret\n")
    capsys.readouterr()
    assert main(["check", str(specs / "acme.yaml"), "--out", str(out)]) == 1
    printed = capsys.readouterr().out
    assert f"stray: {out / 'acme' / 'dify' / '.env'} (a debug key belongs in the repository root's .env" in printed
    assert "secret" not in printed
