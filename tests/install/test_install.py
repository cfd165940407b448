"""The compiler as users install it: a non-editable `pip install` into a fresh virtual environment,
used from another repository with its own folders, and the pre-commit hook run by `pre-commit
try-repo`. Slow (it installs from the package index), so `make install-test` runs it, not `make test`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from tests import package_stem

ACME = package_stem("acme")
ACME_VERSION = ACME.removeprefix("acme-")

pytestmark = pytest.mark.install
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, cwd: Path, env: dict[str, str], ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    if ok:
        assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh environment with the project installed from a copy of the source (not editable), and
    an environment whose PATH starts with its bin/ (pre-commit finds python3.12 there)."""
    home = tmp_path_factory.mktemp("install")
    source = home / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", "generated", "dist", "build", "*.egg-info"))
    venv.create(home / "env", with_pip=True)
    bin_dir = home / "env" / "bin"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PRE_COMMIT_HOME": str(home / "pc")}
    env.pop("VIRTUAL_ENV", None)
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", str(source), "pre-commit==4.5.1", cwd=home, env=env)
    shutil.rmtree(source)  # the installed tool must not need its source
    return bin_dir, env


def project(tmp: Path) -> Path:
    """Another repository, keeping its specs in providers/ and its plugins in plugins/."""
    repo = tmp / "elsewhere"
    (repo / "providers" / "icons").mkdir(parents=True)
    shutil.copy(ROOT / "specs" / "acme.yaml", repo / "providers")
    for icon in (ROOT / "specs" / "icons").glob("acme_*"):
        shutil.copy(icon, repo / "providers" / "icons")
    (repo / "pyproject.toml").write_text('[tool.provider-compiler]\nspecs = "providers"\nout = "plugins"\n')
    (repo / "docs").mkdir()
    return repo


def test_a_non_editable_install_compiles_and_checks_from_another_folder(installed, tmp_path: Path):
    bin_dir, env = installed
    tool = bin_dir / "provider-compiler"
    assert run(tool, "--version", cwd=tmp_path, env=env).stdout.strip() == "provider-compiler 0.1.0"
    repo = project(tmp_path)
    run("git", "init", "-q", cwd=repo, env=env)
    built = run(tool, "build", cwd=repo / "docs", env=env)  # from a subfolder: the nearest pyproject.toml
    assert (repo / "plugins" / "acme" / "dify" / "manifest.yaml").is_file(), built.stdout
    assert (repo / "plugins" / "acme" / "maibot" / "plugin.py").is_file()
    assert run(tool, "check", cwd=repo, env=env).stdout.startswith("check: 1 spec(s), output up to date")
    # With the Marketplace pre-flight, which starts the plugin in a venv made from its requirements.txt.
    package = run(tool, "package", cwd=repo, env=env | {"XDG_CACHE_HOME": str(tmp_path / "cache")}).stdout
    assert f"acme-labs/acme:{ACME_VERSION}@" in package and "pre-flight clean" in package, package
    assert (repo / "dist" / f"{ACME}.difypkg").is_file()
    assert "served /health (200 OK)" in (repo / "dist" / f"{ACME}.submission.md").read_text()
    (repo / "plugins" / "acme" / "dify" / "README.md").write_text("edited by hand\n")
    assert run(tool, "check", cwd=repo, env=env, ok=False).returncode == 1
    usage = run(tool, "--help", cwd=repo, env=env).stdout
    assert usage.startswith("Usage: provider-compiler")


def test_the_pre_commit_hook_runs_from_another_repository(installed, tmp_path: Path):
    bin_dir, env = installed
    repo = project(tmp_path)
    run("git", "init", "-q", cwd=repo, env=env)
    run(bin_dir / "provider-compiler", "build", cwd=repo, env=env)
    run("git", "add", "-A", cwd=repo, env=env)
    hook = (bin_dir / "pre-commit", "try-repo", ROOT, "provider-compiler-check", "--all-files")
    passed = run(*hook, cwd=repo, env=env)
    assert "Passed" in passed.stdout
    (repo / "providers" / "acme.yaml").write_text(
        (repo / "providers" / "acme.yaml").read_text().replace(f"version: {ACME_VERSION}", "version: 9.9.9")
    )
    failed = run(*hook, cwd=repo, env=env, ok=False)
    assert failed.returncode == 1 and "Failed" in failed.stdout and "manifest.yaml" in failed.stdout
