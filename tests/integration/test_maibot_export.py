"""`export-maibot`: a spec's MaiBot plugin as a repository of its own, checked as MaiBot checks an
install from a repository root: the real host's ManifestValidator, then its runner loading plugin.py
and answering a call through the host's PluginLLMClient."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
from pathlib import Path

import pytest

from compiler.cli import main
from compiler.load import load_spec
from compiler.lower import lower
from tests.integration.maibot_runner import MaiBotHost
from tests.integration.mock_server import MockServer, Reply
from tests.integration.payloads import KEY, completion, llm

ROOT = Path(__file__).resolve().parents[2]
APACHE_2_MD5 = "3b83ef96387f14655fc854ddc3c6bd57"  # apache.org's LICENSE-2.0.txt
ROOT_FILES = {".gitignore", "LICENSE", "README.md", "_manifest.json", "plugin.py"}
# The plugin center's issue check (Mai-with-u/plugin-repo .github/workflows/validate-issue.yml).
REPOSITORY_RE = re.compile(r"^https://github\.com/[\w-]+/[\w.-]+$")
CENTER_KEYS = "manifest_version id name version description author license urls host_application sdk capabilities i18n"


@pytest.fixture(scope="module", params=["acme", "deepseek"])  # Apache-2.0 and MIT
def exported(request, tmp_path_factory) -> tuple[str, Path]:
    name = request.param
    folder = tmp_path_factory.mktemp("clone") / name  # the host copies it to plugins/<its parent's name>
    assert main(["export-maibot", str(ROOT / "specs" / f"{name}.yaml"), str(folder / "repo")]) == 0
    return name, folder / "repo"


def license_text(distribution: str) -> str:
    path = next(f for f in importlib.metadata.files(distribution) if f.name.startswith("LICENSE"))
    return Path(path.locate()).read_text()


def test_the_repository_root_is_what_the_plugin_center_takes(exported):
    name, repo = exported
    assert ROOT_FILES <= {p.name for p in repo.iterdir()} and (repo / "runtime").is_dir()
    manifest = json.loads((repo / "_manifest.json").read_text())
    assert set(CENTER_KEYS.split()) <= set(manifest) and manifest["manifest_version"] == 2
    assert REPOSITORY_RE.match(manifest["urls"]["repository"])
    assert manifest["host_application"] == {"min_version": "1.3.15", "max_version": "1.3.99"}
    text = (repo / "LICENSE").read_text()
    if manifest["license"] == "Apache-2.0":
        assert hashlib.md5(text.encode()).hexdigest() == APACHE_2_MD5
    else:
        assert manifest["license"] == "MIT"
        reference = license_text("attrs")  # another MIT-licensed project's file, as a reference
        grant = "Permission is hereby granted"
        assert text.startswith("MIT License\n\nCopyright (c) 2025 provider-compiler\n\n")
        assert text[text.index(grant) :] == reference[reference.index(grant) :]
    readme = (repo / "README.md").read_text()
    assert f"git clone --depth 1 --branch {manifest['version']} {manifest['urls']['repository']} plugins/" in readme


def test_maibot_validates_and_loads_the_root_and_it_answers(exported, mock: MockServer):
    name, repo = exported
    provider = lower(load_spec(ROOT / "specs" / f"{name}.yaml"))
    host = MaiBotHost(repo)
    try:
        report = host.report
        assert report["manifest_errors"] == [] and report["manifest_warnings"] == []
        assert report["loaded"] == [provider.maibot.plugin_id] and report["failures"] == {}
        mock.expect(Reply(json=completion({"role": "assistant", "content": "Hi from the export"})))
        model = llm(provider)
        result = host.call(
            op="response",
            api_provider={"client_type": provider.maibot.client_type, "base_url": mock.url + "/v1", "api_key": KEY},
            model_info={"model_identifier": model, "name": model, "force_stream_mode": False},
            context_items=[{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "Hello"}]}],
        )
        assert result["ok"] and result["content"] == "Hi from the export", result
        assert mock.last.path == "/v1" + provider.api.endpoints["chat"]
    finally:
        host.close()


def test_exporting_again_keeps_what_is_not_the_plugins(tmp_path: Path, capsys):
    repo = tmp_path / "repo"
    spec = str(ROOT / "specs" / "deepseek.yaml")
    assert main(["export-maibot", spec, str(repo)]) == 0
    (repo / ".git").mkdir()
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / "CHANGELOG.md").write_text("# Changes\n")
    (repo / "runtime" / "retired.py").write_text("# from an older export\n")
    capsys.readouterr()
    assert main(["export-maibot", spec, str(repo)]) == 0
    out = capsys.readouterr().out
    files = sum(1 for path in (ROOT / "generated" / "deepseek" / "maibot").rglob("*") if path.is_file())
    assert out.startswith(f"{repo}: 0 written, {files} unchanged, 1 deleted\n")
    version = json.loads((ROOT / "generated" / "deepseek" / "maibot" / "_manifest.json").read_text())["version"]
    assert f"{repo / 'CHANGELOG.md'}: left alone" in out and f"git tag {version} && git push origin {version}" in out
    assert (repo / "CHANGELOG.md").is_file() and (repo / ".git" / "HEAD").is_file()
    assert not (repo / "runtime" / "retired.py").exists()
