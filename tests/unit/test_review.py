"""The review workflow: byte-stable output, `check` catching drift, atomic builds, the schema,
`new` and the model-level summary."""

from __future__ import annotations

import re

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import black
import pytest

from compiler import format as format_module
from compiler.catalogue import PAGE
from compiler.cli import main
from compiler.schema import MODELINE, SCHEMA_FILE, schema_text
from compiler.write import read_tree
from tests.unit.trees import tree

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.yaml"))
# The specs a project copy holds: every protocol and kind, and the ones tests edit. Whole-catalogue
# drift is `make check`'s (CI), each spec's bytes tests/golden's; these tests keep their cost flat as
# the catalogue grows.
REVIEWED = ("acme", "anthropic", "deepseek", "gemini", "moonshot")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working copy of REVIEWED's specs and generated trees (and the schema and icons), made the
    current directory."""
    ignored = shutil.ignore_patterns(*(p.name for p in SPECS if p.stem not in REVIEWED))
    shutil.copytree(ROOT / "specs", tmp_path / "specs", ignore=ignored)
    (tmp_path / "specs" / PAGE).unlink()  # the whole catalogue's page; test_the_catalogue_page makes this copy's
    for name in REVIEWED:
        shutil.copytree(ROOT / "generated" / name, tmp_path / "generated" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def committed(names: tuple[str, ...] = REVIEWED) -> dict[str, bytes]:
    """The committed output of the named specs, by path below generated/."""
    return {f"{name}/{path}": data for name in names for path, data in read_tree(ROOT / "generated" / name).items()}


# ---- determinism --------------------------------------------------------------------------


@pytest.mark.slow
def test_two_builds_of_every_spec_give_identical_bytes_and_mtimes(project: Path, capsys) -> None:
    assert main(["build"]) == 0
    first = tree(project / "generated")
    assert main(["build"]) == 0
    assert tree(project / "generated") == first
    assert capsys.readouterr().out.count(" 0 written") == 2 * len(REVIEWED)
    assert read_tree(project / "generated") == committed()


@pytest.mark.slow
def test_output_is_the_same_under_other_hash_seeds_and_locales(tmp_path: Path) -> None:
    outputs = []
    for seed, locale in (("0", "C"), ("4242", "C.UTF-8")):
        out = tmp_path / f"out-{seed}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
        env |= {
            "PYTHONHASHSEED": seed,
            "LC_ALL": locale,
            "LANG": locale,
            "TZ": "Pacific/Kiritimati" if seed == "0" else "UTC",
        }
        env["XDG_CACHE_HOME"] = str(tmp_path / f"cache-{seed}")  # format from scratch: no shared black cache
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "compiler",
                "build",
                *(f"specs/{name}.yaml" for name in REVIEWED),
                "--out",
                str(out),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr
        outputs.append(read_tree(out))
    assert outputs[0] == outputs[1] == committed()


def test_black_cache_returns_what_black_returns(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(format_module, "_formatted", {})
    source = "x = {'a':1}\n"
    first = format_module.format_python(source)
    (entry,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    format_module._formatted.clear()
    assert format_module.format_python(source) == first == black.format_str(source, mode=format_module.black_mode())
    assert entry.read_text() == first and black.__version__ in entry.as_posix()


def test_parallel_prefetch_stores_what_black_returns(tmp_path: Path) -> None:
    """A first build runs black in forked workers (a single-threaded process: a subprocess here);
    what they store is black's output, and a text black refuses still fails where it is used."""
    texts = ["x = {'a':1}\n", "def f( a ):\n  return a\n", "y = [1,\n2]\n", "def broken(:\n"]
    script = (
        "import json, sys, black\n"
        "from compiler import format as f\n"
        "texts = json.loads(sys.argv[1])\n"
        "f.prefetch_python(texts)\n"
        "print(json.dumps(sorted(f._formatted)))\n"
        "try:\n    f.format_python(texts[-1])\nexcept black.InvalidInput:\n    print('refused')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, json.dumps(texts)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path)),
    )
    assert run.returncode == 0, run.stderr
    prefetched, verdict = run.stdout.splitlines()
    valid = texts[:3] if (os.cpu_count() or 1) > 1 else []  # one core: nothing to prefetch
    assert json.loads(prefetched) == sorted(valid) and verdict == "refused"
    stored = sorted(p.read_text() for p in tmp_path.rglob("*") if p.is_file())
    assert stored == sorted(black.format_str(t, mode=format_module.black_mode()) for t in valid)


def test_prefetch_without_a_process_pool_leaves_the_work_to_format_python(tmp_path: Path, monkeypatch) -> None:
    def no_pool(*args, **kwargs):
        raise OSError(38, "Function not implemented")  # what a missing sem_open looks like

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(format_module, "_formatted", {})
    monkeypatch.setattr(format_module.threading, "active_count", lambda: 1)
    monkeypatch.setattr(format_module, "ProcessPoolExecutor", no_pool)
    texts = ["a = ( 1 )\n", "b = [ 2 ]\n"]
    format_module.prefetch_python(texts)
    assert format_module._formatted == {}
    assert [format_module.format_python(t) for t in texts] == ["a = 1\n", "b = [2]\n"]


@pytest.mark.catalogue  # every generated tree (the golden and check tests compare them with the build)
def test_generated_python_is_black_clean() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "black", "--check", "generated"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


# ---- check ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_check_passes_on_the_committed_tree(project: Path, capsys) -> None:
    assert main(["check"]) == 0
    assert "output up to date" in capsys.readouterr().out


@pytest.mark.slow
def test_check_names_a_hand_edited_file_with_a_diff(project: Path, capsys) -> None:
    edited = project / "generated" / "acme" / "maibot" / "runtime" / "maibot" / "provider.py"
    edited.write_text(edited.read_text().replace("def usage(", "def usage_edited("))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "--- generated/acme/maibot/runtime/maibot/provider.py (on disk)" in out
    assert "+++ generated/acme/maibot/runtime/maibot/provider.py (from specs/acme.yaml)" in out
    assert "-def usage_edited(" in out and "+def usage(" in out


@pytest.mark.slow
def test_check_reports_stray_and_orphan_files(project: Path, capsys) -> None:
    (project / "generated" / "deepseek" / "dify" / "notes.txt").write_text("hand-made")
    (project / "generated" / "ghost" / "dify").mkdir(parents=True)
    (project / "generated" / "ghost" / "dify" / "manifest.yaml").write_text("version: 0.0.1\n")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "stray: generated/deepseek/dify/notes.txt (no spec produces it" in out
    assert "stray: generated/ghost/dify/manifest.yaml (no spec in specs/" in out


@pytest.mark.slow
def test_check_reports_a_missing_file_and_an_outdated_schema(project: Path, capsys) -> None:
    (project / "generated" / "moonshot" / "maibot" / "runtime" / "protocols" / "openai_chat.py").unlink()
    (project / "specs" / SCHEMA_FILE).write_text("{}\n")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert (
        "missing: generated/moonshot/maibot/runtime/protocols/openai_chat.py" in out
        and f"specs/{SCHEMA_FILE} is out of date" in out
    )


@pytest.mark.slow
def test_the_catalogue_page_is_written_kept_and_checked(project: Path, capsys) -> None:
    """`catalogue` writes the page, `check` fails when a spec change makes it stale, `build` of every
    spec brings it back; a build of one spec leaves it alone (it would hold one row)."""
    page = project / "specs" / PAGE
    assert main(["catalogue"]) == 0 and main(["check"]) == 0
    rows = [line for line in page.read_text().splitlines() if line.startswith("| [")]
    assert [row.split("]")[0][3:] for row in rows] == sorted(REVIEWED)
    assert "| [deepseek](deepseek.yaml) | openai_chat | llm | 2 | yes | – | yes |" in page.read_text()
    spec = project / "specs" / "deepseek.yaml"
    spec.write_text(re.sub(r"(?m)^version: .*$", "version: 0.9.9", spec.read_text()))
    capsys.readouterr()
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "specs/README.md (on disk)" in out and "+| [deepseek](deepseek.yaml)" in out and "| 0.9.9 |" in out
    assert main(["build", "specs/deepseek.yaml"]) == 0 and "0.9.9" not in page.read_text()
    assert main(["build"]) == 0 and main(["check"]) == 0 and "| 0.9.9 |" in page.read_text()


def edit_every_copy(project: Path, module: str, old: str, new: str) -> list[str]:
    """The same hand edit in every plugin's copy of a runtime module; the edited paths."""
    paths = sorted(p for p in (project / "generated").glob(f"*/*/**/runtime/{module}") if p.is_file())
    for path in paths:
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))
    return [p.relative_to(project).as_posix() for p in paths]


@pytest.mark.slow
def test_one_runtime_change_is_stated_once(project: Path, capsys) -> None:
    """The runtime is copied into every plugin: an edit made in every copy is one change with one diff,
    while a spec's own files (config.py here) keep their diffs."""
    edited = edit_every_copy(
        project, "protocols/openai_chat.py", "def parse_completion(", "def parse_completion_edited("
    )
    providers = {path.split("/")[1] for path in edited}
    assert len(edited) >= 4 and len(providers) >= 2
    config = project / "generated" / "acme" / "dify" / "models" / "runtime" / "config.py"
    config.write_text(config.read_text() + "# by hand\n")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    head = f"runtime: protocols/openai_chat.py changed identically in {len(edited)} files of {len(providers)} providers ({edited[0]}, "
    assert out.count("runtime: ") == 1 and head in out
    assert (
        out.count("--- runtime/protocols/openai_chat.py (on disk)") == 1
        and out.count("-def parse_completion_edited(") == 1
    )
    assert not any(f"--- {path}" in out for path in edited)
    assert "--- generated/acme/dify/models/runtime/config.py (on disk)" in out and "-# by hand" in out
    assert main(["diff"]) == 0
    out = capsys.readouterr().out
    assert (
        out.count(
            f"runtime: {len(edited)} files changed identically in {len(providers)} providers (protocols/openai_chat.py)"
        )
        == 1
    )
    assert main(["check", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    (runtime,) = document["runtime"]
    assert runtime["module"] == "protocols/openai_chat.py" and runtime["kind"] == "changed"
    assert runtime["files"] == edited and runtime["providers"] == len(providers)
    assert [d["path"] for d in document["drift"]] == ["generated/acme/dify/models/runtime/config.py"]
    assert document["summary"]["files"] == len(edited) + 1


def test_different_edits_of_one_module_are_different_changes(project: Path, capsys) -> None:
    edit_every_copy(project, "protocols/openai_chat.py", "def parse_completion(", "def parse_completion_edited(")
    deepseek = project / "generated" / "deepseek" / "dify" / "models" / "runtime" / "protocols" / "openai_chat.py"
    deepseek.write_text(deepseek.read_text() + "# only here\n")
    assert main(["check", "specs/acme.yaml", "specs/deepseek.yaml", "specs/moonshot.yaml"]) == 1
    out = capsys.readouterr().out
    assert out.count("runtime: protocols/openai_chat.py changed identically in ") == 1
    assert "--- generated/deepseek/dify/models/runtime/protocols/openai_chat.py (on disk)" in out
    assert "+++ generated/deepseek/dify/models/runtime/protocols/openai_chat.py (from specs/deepseek.yaml)" in out


@pytest.mark.slow
def test_a_formatter_failure_leaves_generated_untouched(project: Path, monkeypatch, capsys) -> None:
    before = tree(project / "generated")
    text = re.sub(r"(?m)^version: .*$", "version: 9.9.9", (project / "specs" / "acme.yaml").read_text())
    (project / "specs" / "acme.yaml").write_text(text)  # a real change, so the build would write files

    real = format_module.format_python

    def broken(source: str) -> str:
        if "class AcmeProvider" in source:
            raise black.InvalidInput("Cannot parse: 1:1: injected failure")
        return real(source)

    monkeypatch.setattr(format_module, "format_python", broken)
    assert main(["build"]) == 2
    assert "injected failure" in capsys.readouterr().err
    assert tree(project / "generated") == before


# ---- review summary --------------------------------------------------------------------------


def test_diff_summarises_model_changes_and_warns_about_the_version(project: Path, capsys) -> None:
    spec = project / "specs" / "acme.yaml"
    text = spec.read_text()
    text = text.replace("  - name: acme-legacy\n", "  - name: acme-next\n    label: Acme Next\n  - name: acme-legacy\n")
    text = text.replace('      input: "0.15"\n', '      input: "0.10"\n').replace(
        "    context_size: 32768\n", "    context_size: 65536\n"
    )
    spec.write_text(text)
    version = re.search(r"(?m)^version: (.*)$", text).group(1)
    assert main(["diff", "specs/acme.yaml"]) == 0
    out = capsys.readouterr().out
    assert f"acme: version {version}" in out and "  + acme-next (llm): context 131072" in out
    assert "  ~ acme-mini: context_size 32768 → 65536; price 0.15 in / 0.6 out USD per 1M tokens → 0.1 in" in out
    assert f"warning: generated output changes but version stays {version}" in out
    spec.write_text(text.replace(f"version: {version}", "version: 9.9.9"))
    assert main(["diff", "specs/acme.yaml"]) == 0
    out = capsys.readouterr().out
    assert f"acme: version {version} → 9.9.9" in out and "warning" not in out


# ---- editor support and scaffolding ------------------------------------------------------------


def test_schema_is_committed_and_documents_every_field() -> None:
    assert (ROOT / "specs" / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    schema = json.loads(schema_text())
    for name, definition in [("Spec", schema), *schema["$defs"].items()]:
        for field, prop in definition.get("properties", {}).items():
            assert prop.get("description") and prop.get("examples"), f"{name}.{field}"


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_spec_starts_with_the_schema_modeline(spec: Path) -> None:
    assert spec.read_text(encoding="utf-8").splitlines()[0] == MODELINE


def test_new_scaffolds_a_spec_that_builds(project: Path, capsys) -> None:
    assert main(["new", "nova-ai"]) == 0
    spec = project / "specs" / "nova-ai.yaml"
    assert spec.read_text().splitlines()[0] == MODELINE
    assert (project / "specs" / "icons" / "nova-ai.svg").is_file()
    for section in ("api:", "# credentials:", "# errors:", "defaults:", "models:", "# dify:", "# maibot:"):
        assert f"\n{section}" in spec.read_text()
    assert main(["build", "specs/nova-ai.yaml"]) == 0
    assert (project / "generated" / "nova-ai" / "maibot" / "plugin.py").is_file()
    assert main(["new", "nova-ai"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "Bad Name"]) == 2


def test_new_elsewhere_points_at_the_schema_and_the_spec_it_wrote(project: Path, capsys) -> None:
    """--specs-dir: the modeline and the build hint name the real paths, and the generated files
    name the spec's own folder; an existing schema is named, not rewritten."""
    schema = project / "specs" / SCHEMA_FILE
    before = schema.stat().st_mtime_ns
    assert main(["new", "orbit", "--specs-dir", "providers/eu"]) == 0
    lines = (project / "providers" / "eu" / "orbit.yaml").read_text().splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../specs/spec.schema.json"
    assert "`provider-compiler build providers/eu/orbit.yaml`" in lines[1]  # no Makefile here
    assert schema.stat().st_mtime_ns == before and SCHEMA_FILE not in capsys.readouterr().out
    assert main(["build", "providers/eu/orbit.yaml"]) == 0
    readme = (project / "generated" / "orbit" / "dify" / "README.md").read_text()
    assert readme.startswith("<!-- Generated from eu/orbit.yaml by the provider compiler.")


def test_new_writes_the_schema_its_modeline_names_when_the_project_has_none(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "nova-ai"]) == 0
    schema = tmp_path / "specs" / SCHEMA_FILE
    assert (tmp_path / "specs" / "nova-ai.yaml").read_text().splitlines()[0] == MODELINE
    assert schema.read_text(encoding="utf-8") == schema_text()
    assert f"specs/{SCHEMA_FILE}: written" in capsys.readouterr().out


def test_hints_name_make_only_where_the_project_has_a_build_target(project: Path, monkeypatch, capsys) -> None:
    """An installed tool in another repository has no Makefile: its hints name the tool itself."""
    (project / ".git").mkdir()
    (project / "docs").mkdir()
    (project / "generated" / "acme" / "dify" / "README.md").write_text("edited by hand\n")
    for makefile, hint in (
        (None, "provider-compiler build"),
        ("test:\n\ttrue\n", "provider-compiler build"),
        ("build:\n\ttrue\n", "make build"),
    ):
        if makefile:
            (project / "Makefile").write_text(makefile)
        assert main(["check", "specs/acme.yaml"]) == 1
        assert f"; run `{hint}` and commit the result" in capsys.readouterr().err
    monkeypatch.chdir(project / "docs")  # the project root is the git root above the working folder
    assert main(["new", "orbit", "--specs-dir", "../specs"]) == 0
    assert "edit it, then `make build SPEC=../specs/orbit.yaml`" in capsys.readouterr().out
