"""The CLI: exit codes, located errors on stderr, and nothing written when anything fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
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


# ---- options every subcommand takes, exit codes, colour, completion, JSON ----------------------

WARNED = ROOT / "tests" / "bad_specs" / "strict-stream-tool-call.yaml"  # builds, with one warning


@pytest.mark.parametrize("place", ["before", "after"])
def test_quiet_and_strict_are_taken_before_and_after_the_subcommand(place: str, tmp_path: Path, capsys) -> None:
    def run(*flags: str) -> int:
        args = ["build", str(WARNED), "--out", str(tmp_path / "out")]
        return main([*flags, *args] if place == "before" else [*args, *flags])

    assert run() == 0
    captured = capsys.readouterr()
    assert "written" in captured.out and "warning: models[0].features" in captured.err
    assert run("-q") == 0
    assert capsys.readouterr() == ("", "")  # no "unchanged" line, no warning
    assert run("-q", "--strict") == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "error: models[0].features: stream-tool-call" in captured.err
    assert captured.err.rstrip().endswith("(--strict)")


@pytest.mark.parametrize("place", ["before", "after"])
def test_verbose_shows_the_traceback_of_an_internal_error(place: str, monkeypatch, capsys) -> None:
    def broken(path: Path):
        raise RuntimeError("boom")

    monkeypatch.setattr("compiler.build.compile_spec", broken)
    assert main(["check", str(ROOT / "specs" / "acme.yaml")]) == 2
    assert capsys.readouterr().err == "internal error: RuntimeError: boom (run with -v for the traceback)\n"
    with pytest.raises(RuntimeError, match="boom"):
        main(["-v", "check", "specs/acme.yaml"] if place == "before" else ["check", "specs/acme.yaml", "-v"])


def test_usage_errors_exit_2(capsys) -> None:
    assert main(["build", "--no-such-option"]) == 2
    assert "No such option" in capsys.readouterr().err
    assert main(["debug"]) == 2  # a missing argument
    assert "Missing argument 'SPEC'" in capsys.readouterr().err
    assert main(["check", "--format", "yaml"]) == 2
    assert main([]) == 2 and "Usage: provider-compiler" in capsys.readouterr().err


def test_level_words_are_coloured_on_a_terminal_only(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from compiler.cli import cli

    args = ["build", str(ROOT / "tests" / "bad_specs" / "author-invalid.yaml"), "--out", str(tmp_path)]
    coloured = CliRunner().invoke(cli, ["--strict", *args[:2]], color=True)  # as on a terminal
    assert coloured.exit_code == 2 and "\x1b[31m\x1b[1merror\x1b[0m: " in coloured.stderr
    warned = CliRunner().invoke(cli, ["build", str(WARNED), "--out", str(tmp_path)], color=True)
    assert "\x1b[33m\x1b[1mwarning\x1b[0m: " in warned.stderr
    for env in ({"NO_COLOR": "1"}, {"NO_COLOR": "yes please"}):
        plain = CliRunner().invoke(cli, ["--strict", *args[:2]], color=True, env=env)
        assert plain.exit_code == 2 and "error: " in plain.stderr and "\x1b[" not in plain.stderr
    piped = subprocess.run(
        [sys.executable, "-m", "compiler", *args], capture_output=True, text=True, env=os.environ | {"NO_COLOR": ""}
    )
    assert piped.returncode == 2 and "error: " in piped.stderr and "\x1b[" not in piped.stderr


def completion(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "compiler"], cwd=cwd, capture_output=True, text=True, env=os.environ | env | PYTHONPATH
    )


PYTHONPATH = {"PYTHONPATH": str(ROOT)}


@pytest.mark.slow
def test_the_shell_completion_script_is_clicks(tmp_path: Path) -> None:
    for shell, marker in (
        ("bash", "complete -o nosort -F"),
        ("zsh", "#compdef provider-compiler"),
        ("fish", "complete"),
    ):
        script = completion({"_PROVIDER_COMPILER_COMPLETE": f"{shell}_source"}, tmp_path)
        assert script.returncode == 0 and marker in script.stdout and "_PROVIDER_COMPILER_COMPLETE" in script.stdout


@pytest.mark.slow
def test_a_spec_argument_completes_to_the_specs_folders_yaml_files(specs: Path) -> None:
    (specs / "notes.txt").write_text("not a spec")

    def complete(words: str) -> list[str]:
        env = {
            "_PROVIDER_COMPILER_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split(" ")) - 1),
        }
        return completion(env, specs.parent).stdout.splitlines()

    every = [f"plain,specs/{p.name}" for p in sorted(specs.glob("*.yaml"))]
    assert complete("provider-compiler check ") == every and len(every) >= 10
    assert complete("provider-compiler debug specs/ac") == ["plain,specs/acme.yaml"]
    assert complete("provider-compiler -q package specs/acme.yaml deeps") == [
        "plain,specs/deepseek-anthropic.yaml",
        "plain,specs/deepseek.yaml",
    ]
    assert complete("provider-compiler build elsewhere/x") == ["file,elsewhere/x"]  # the shell completes paths


def test_spec_errors_come_out_in_the_json_document(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("name: broken\nlabel: [unclosed\n")
    for command in ("check", "diff", "preflight"):
        assert main([command, str(bad), "--format", "json"]) == 2
        captured = capsys.readouterr()
        document = json.loads(captured.out)
        assert captured.err == "" and document["command"] == command
        (diagnostic,) = document["diagnostics"]
        assert set(diagnostic) == {"level", "file", "line", "col", "path", "message"}
        assert diagnostic["level"] == "error" and diagnostic["file"].endswith("broken.yaml") and diagnostic["line"] > 0
        assert "invalid YAML" in diagnostic["message"]


def test_a_bad_tool_table_is_a_located_error_even_in_json(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / ".git").mkdir()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.provider-compiler]\nspecs = 3\n")
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    message = "[tool.provider-compiler]: specs must be a folder path (a string)"
    assert capsys.readouterr().err == f"{pyproject}: error: {message}\n"
    assert main(["check", "--format", "json"]) == 2
    (diagnostic,) = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (diagnostic["file"], diagnostic["message"]) == (str(pyproject), message)


def test_help_is_h_as_well(capsys) -> None:
    assert main(["-h"]) == 0 and capsys.readouterr().out.startswith("Usage: provider-compiler [OPTIONS] COMMAND")
    assert main(["check", "-h"]) == 0 and "--format [text|json]" in capsys.readouterr().out
