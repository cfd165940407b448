"""The Marketplace pre-flight: every shipped spec's package passes it; each rule the toolkit blocks on
(or warns about) is reported for an input that breaks it; the serverless start serves, and says why
when it does not."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import types
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from compiler.ship import preflight, runner
from compiler.build import compile_spec, subtree
from compiler.cli import main
from tests.sample import per_spec
from tests import package_stem

ACME = package_stem("acme")

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.yaml"))


def dify_files(spec: Path) -> dict[str, bytes]:
    _, files = compile_spec(spec)
    return subtree(files, "dify")


@pytest.fixture(scope="module")
def acme() -> dict[str, bytes]:
    return dify_files(ROOT / "specs" / "acme.yaml")


@pytest.mark.slow
@pytest.mark.parametrize("spec", per_spec(SPECS))
def test_every_shipped_spec_passes_the_static_rules(spec: Path):
    found = preflight.check(dify_files(spec))
    assert found.errors == []
    # OpenRouter's attribution header names https://dify.ai, which the plugin never calls; CometAPI's and
    # DeerAPI's plugins (OpenRouter's code) send the same header, as GMI Cloud's does.
    expected = 1 if spec.stem in ("openrouter", "cometapi", "deerapi", "gmicloud") else 0
    assert len(found.warnings) == expected and all("names https://dify.ai" in w for w in found.warnings)


@pytest.mark.parametrize("tree", sorted((ROOT / "generated").glob("*/dify")), ids=lambda p: p.parent.name)
def test_pyproject_and_requirements_never_disagree(tree: Path):
    """The daemon installs from pyproject.toml when it is there, older daemons from requirements.txt."""
    listed = [line for line in (tree / "requirements.txt").read_text().splitlines() if not line.startswith("#")]
    project = tomllib.loads((tree / "pyproject.toml").read_text())["project"]
    assert sorted(map(str, map(Requirement, listed))) == sorted(map(str, map(Requirement, project["dependencies"])))
    manifest = (tree / "manifest.yaml").read_text()
    assert f'version = "{project["version"]}"' in (tree / "pyproject.toml").read_text()
    assert f'version: "{project["version"]}"' in manifest and project["requires-python"] == ">=3.12"


def edited(files: dict[str, bytes], path: str, old: str, new: str) -> dict[str, bytes]:
    text = files[path].decode()
    assert old in text, f"{old!r} not in {path}"
    return files | {path: text.replace(old, new).encode()}


BROKEN = {
    "author": (
        ("manifest.yaml", "author: acme-labs", "author: dify-fans"),
        "manifest.yaml: author 'dify-fans' must not contain 'dify'",
    ),
    "langgenius": (
        ("manifest.yaml", "author: acme-labs", "author: langgenius-community"),
        "manifest.yaml: author 'langgenius-community' must not contain 'langgenius'",
    ),
    "no contact": (("manifest.yaml", "contact: plugins@acme.example\n", ""), "manifest.yaml: contact is required"),
    "bad contact": (
        ("manifest.yaml", "contact: plugins@acme.example", "contact: acme"),
        "manifest.yaml: contact 'acme' is not an email address",
    ),
    "placeholder": (
        ("manifest.yaml", "contact: plugins@acme.example", "contact: you@example.com"),
        "manifest.yaml: contact is still the placeholder `provider-compiler new` wrote",
    ),
    # What `provider-compiler new` writes for the author to replace (templates/spec/new.yaml.jinja), left in.
    "scaffold author": (
        ("manifest.yaml", "author: acme-labs", "author: your-name"),
        "manifest.yaml: author is still the placeholder `provider-compiler new` wrote",
    ),
    "scaffold repository": (
        ("manifest.yaml", "https://github.com/acme-labs/acme-plugins", "https://github.com/you/acme-plugins"),
        "manifest.yaml: repo is still the placeholder `provider-compiler new` wrote",
    ),
    "example.com host": (
        (
            "models/runtime/config.py",
            'BASE_URL = "https://api.acme.example/v1"',
            'BASE_URL = "https://api.example.com/v1"',
        ),
        "https://api.example.com is a placeholder (a domain reserved for examples), in models/runtime/config.py",
    ),
    "example.org host": (
        ("provider/acme.yaml", "https://console.acme.example/keys", "https://example.org/api-keys"),
        "https://example.org is a placeholder (a domain reserved for examples), in provider/acme.yaml",
    ),
    "todo": (
        ("README.md", "## Setup", "## Setup\n\nTODO: say where the key is"),
        "README.md:11: a TODO is left in the text ('TODO: say where the key is')",
    ),
    "repo host": (
        ("manifest.yaml", "https://github.com/acme-labs/acme-plugins", "https://git.acme.example/plugins"),
        "manifest.yaml: repo 'https://git.acme.example/plugins' is not on a forge the Marketplace takes",
    ),
    "readme link": (
        ("README.md", "https://github.com/acme-labs/acme-plugins", "(see our site)"),
        "README.md has no link to the source repository",
    ),
    "readme cjk": (
        ("README.md", "## Setup", "## 安装"),
        "README.md has 2 CJK character(s) outside code blocks (安装)",
    ),
    "privacy": (("PRIVACY.md", None, ""), "PRIVACY.md is empty"),
    "unbounded": (
        ("requirements.txt", "urllib3>=2.3,<3", "urllib3"),
        "requirements.txt: urllib3 has no version constraint",
    ),
    "old sdk": (
        ("pyproject.toml", '"dify_plugin>=0.10.2,<0.11.0"', '"dify_plugin>=0.5.0,<0.6.0"'),
        "pyproject.toml: dify-plugin must be at least 0.9.0",
    ),
    "url install": (
        ("requirements.txt", "urllib3>=2.3,<3", "urllib3 @ https://files.example/urllib3.whl"),
        "requirements.txt: urllib3 is installed from a URL",
    ),
    "syntax": (("main.py", None, "def broken(:\n"), "main.py:1: does not compile"),
    "env": ((".env", None, "API_KEY=x\n"), ".env: an environment file may hold secrets"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_each_blocking_rule_is_reported(acme: dict[str, bytes], case: str):
    (path, old, new), message = BROKEN[case]
    files = acme | {path: new.encode()} if old is None else edited(acme, path, old, new)
    found = preflight.check(files)
    assert len(found.errors) == 1 and found.errors[0].startswith(message), found.errors


def test_cjk_inside_a_code_block_is_fine_and_warnings_do_not_block(acme: dict[str, bytes]):
    files = edited(acme, "README.md", "## Usage", "```\n你好\n```\n\n## Usage")
    files = edited(files, "manifest.yaml", '  minimum_dify_version: "1.6.0"\n', "")
    files = edited(files, "requirements.txt", "urllib3>=2.3,<3", "urllib3>=2.3")
    files |= {"README_zh.md": b"# Acme\n", "models/extra.py": b'URL = "https://telemetry.acme.example/x"\n'}
    found = preflight.check(files)
    assert found.errors == []
    assert found.warnings == [
        "manifest.yaml: meta.minimum_dify_version is recommended",
        "README_zh.md: the Marketplace reads localized READMEs as README.<locale>.md",
        "requirements.txt: urllib3 has a lower bound only",
        "models/extra.py names https://telemetry.acme.example, which manifest.yaml network.domains does not list "
        "(the Marketplace's scan shows every such host as one the plugin reaches)",
    ]


@pytest.mark.slow
def test_the_plugin_serves_as_the_serverless_runtime(acme: dict[str, bytes]):
    assert runner.serve(acme, Path(sys.executable)) == "served /health (200 OK) on 127.0.0.1"


@pytest.mark.slow
def test_a_plugin_that_cannot_start_is_reported_with_its_output(acme: dict[str, bytes]):
    broken = acme | {"main.py": b"raise SystemExit('no such provider module')\n"}
    with pytest.raises(RuntimeError, match=r"exited without serving within 20 s: no such provider module"):
        runner.serve(broken, Path(sys.executable))
    slow = acme | {"main.py": b"import time\nprint('warming up', flush=True)\ntime.sleep(60)\n"}
    with pytest.raises(RuntimeError, match=r"is still starting without serving within 1 s: warming up"):
        runner.serve(slow, Path(sys.executable), seconds=1)


@pytest.fixture
def uncontactable(tmp_path: Path) -> Path:
    """acme's spec without its contact, which the pre-flight blocks on."""
    spec = tmp_path / "specs" / "acme.yaml"
    spec.parent.mkdir()
    shutil.copytree(ROOT / "specs" / "icons", spec.parent / "icons")
    spec.write_text((ROOT / "specs" / "acme.yaml").read_text().replace("contact: plugins@acme.example\n", ""))
    return spec


@pytest.mark.slow
def test_package_refuses_what_the_pre_flight_blocks_and_writes_nothing(uncontactable: Path, tmp_path: Path, capsys):
    """The same pre-flight failure is exit 1 (findings) from `package` and from `preflight`."""
    spec = uncontactable
    dist = tmp_path / "dist"
    assert main(["package", str(spec), "--dist", str(dist), "--no-serve"]) == 1
    err = capsys.readouterr().err
    assert "acme.yaml: error: preflight: manifest.yaml: contact is required" in err and not dist.exists()
    assert "error: nothing written: the pre-flight found errors (above)" in err
    assert main(["preflight", str(spec), "--no-serve"]) == 1
    assert "acme.yaml: error: preflight: manifest.yaml: contact is required" in capsys.readouterr().err
    assert main(["package", str(spec), "--dist", str(dist), "--no-preflight"]) == 0  # for your own Dify
    assert sorted(p.name for p in dist.iterdir()) == [f"{ACME}.difypkg"]


def test_the_pre_flight_as_json(uncontactable: Path, capsys):
    spec = uncontactable
    deepseek = str(ROOT / "specs" / "deepseek.yaml")
    assert main(["preflight", str(spec), deepseek, "--no-serve", "--format", "json"]) == 1
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert document["command"] == "preflight" and captured.err == ""
    assert document["specs"] == [
        {"spec": "specs/acme.yaml", "errors": ["manifest.yaml: contact is required"], "warnings": [], "served": None},
        {"spec": "specs/deepseek.yaml", "errors": [], "warnings": [], "served": None},
    ]
    message = "preflight: manifest.yaml: contact is required"
    assert document["diagnostics"] == [
        {"level": "error", "file": "specs/acme.yaml", "line": None, "col": None, "path": "", "message": message}
    ]


def test_preflight_refuses_every_placeholder_new_leaves(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "nova"]) == 0
    capsys.readouterr()
    assert main(["preflight", "specs/nova.yaml", "--no-serve"]) == 1
    err = capsys.readouterr().err
    placeholder = "is still the placeholder `provider-compiler new` wrote"
    for message in (f"author {placeholder}", f"contact {placeholder}", f"repo {placeholder}"):
        assert f"specs/nova.yaml: error: preflight: manifest.yaml: {message}" in err
    for host in ("https://example.com", "https://api.example.com"):  # the key page and the base URL
        assert f"specs/nova.yaml: error: preflight: {host} is a placeholder (a domain reserved for examples)" in err


def fake_venvs(monkeypatch, made: list[list[str]]) -> None:
    """Runner venvs made at once: `python -m venv` makes a bin/python that runs this interpreter (which
    has the plugin's requirements), pip is not run; `made` records the commands."""

    def run(command: list[str], **kwargs):
        if command[1:3] == ["-m", "venv"]:
            python = Path(command[-1]) / "bin" / "python"
            python.parent.mkdir(parents=True)
            python.write_text(f'#!/bin/sh\nexec {sys.executable} "$@"\n')
            python.chmod(0o755)
        made.append(command)
        return subprocess.CompletedProcess(command, 0, "", "")

    fake = types.SimpleNamespace(
        **{name: getattr(subprocess, name) for name in ("Popen", "PIPE", "STDOUT", "CalledProcessError")}
    )
    monkeypatch.setattr(runner, "subprocess", types.SimpleNamespace(**vars(fake), run=run))


@pytest.mark.slow
def test_a_cold_runner_environment_says_what_it_is_doing(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    made: list[list[str]] = []
    fake_venvs(monkeypatch, made)
    spec = str(ROOT / "specs" / "deepseek.yaml")
    assert main(["preflight", spec]) == 0
    captured = capsys.readouterr()
    assert "creating the runner environment from requirements.txt, once, ~15 s…" in captured.err
    assert "starting deepseek as the Marketplace's check does, serverless (up to 20 s)…" in captured.err
    assert "served /health (200 OK)" in captured.out and len(made) == 2  # venv, pip install
    assert main(["preflight", spec, "-q"]) == 0  # warm now; and -q leaves progress out
    assert capsys.readouterr() == ("", "") and len(made) == 2


@pytest.mark.slow
def test_the_submission_note_states_the_risk_and_the_user_set_destination(tmp_path: Path, capsys):
    assert (
        main(["package", str(ROOT / "specs" / "acme.yaml"), "--dist", str(tmp_path), "--python", sys.executable]) == 0
    )
    note = (tmp_path / f"{ACME}.submission.md").read_text()
    assert "- [x] Medium risk" in note and "- [ ] Low risk" in note and "- [ ] High risk" in note
    assert "**User-controlled network destination.** The `base_url` credential" in note
    assert "- **Contact**: plugins@acme.example" in note
    assert "serverless start: served /health (200 OK) on 127.0.0.1" in note
    capsys.readouterr()
    assert main(["preflight", str(ROOT / "specs" / "deepseek.yaml"), "--no-serve"]) == 0
    assert capsys.readouterr().out == "specs/deepseek.yaml: preflight clean, 0 warning(s)\n"
