"""`import models.dev:X` and `import openrouter:…` on the recorded catalogues (catalogues/), and catalogues
that are not what they claim: one located error, nothing written."""

from __future__ import annotations

import gzip
import json
import socket
from pathlib import Path

import pytest

from compiler.build import compile_spec
from compiler.cli import main
from compiler.errors import UserError
from compiler.load import load_spec
from compiler.sources import fetch, from_catalogue, modelsdev, openrouter
from compiler.sources.emit import emit_spec
from compiler.write import read_tree

ROOT = Path(__file__).resolve().parents[2]
MODELSDEV = ROOT / "catalogues" / "modelsdev-api-2026-07-02.json.gz"
OPENROUTER = ROOT / "catalogues" / "openrouter-models-2026-05-15.json.gz"


@pytest.fixture(scope="module")
def snapshot() -> dict:
    return json.loads(gzip.decompress(MODELSDEV.read_bytes()))


def write_json(path: Path, data: object) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def imported_builds(folder: Path, name: str, imported) -> object:  # type: ignore[no-untyped-def]
    """The spec and files an importer made, written to `folder` and compiled: the provider."""
    (folder / f"{name}.yaml").write_text(emit_spec(imported.data, imported.header()), encoding="utf-8")
    for relative, data in imported.files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    return compile_spec(folder / f"{name}.yaml")[0]


def test_import_models_dev_writes_a_spec_that_builds(tmp_path: Path, capsys) -> None:
    out = tmp_path / "specs" / "deepseek.yaml"
    assert main(["import", "models.dev:deepseek", "--catalog", str(MODELSDEV), "--out", str(out)]) == 0
    assert "deepseek.yaml: written, 4 model(s), 3 TODO(s) at its top; builds" in capsys.readouterr().out
    text = out.read_text()
    assert "# TODO contact: add the maintainers' email address" in text and "sync:\n  models.dev: deepseek\n" in text
    assert (tmp_path / "specs" / "icons" / "deepseek_s.svg").read_text().startswith("<svg")
    provider, _ = compile_spec(out)
    chat = provider.models[0]
    assert (chat.name, chat.context_size, chat.max_output_tokens) == ("deepseek-chat", 1000000, 384000)
    assert (chat.pricing.input, chat.pricing.output, chat.pricing.unit) == ("0.14", "0.28", "0.000001")
    assert chat.features == ("tool-call", "multi-tool-call", "stream-tool-call")
    assert load_spec(out).data["models"][0]["pricing"]["cache_read"] == "0.0028"


def test_import_refuses_to_overwrite_without_force(tmp_path: Path, capsys) -> None:
    out = tmp_path / "deepseek.yaml"
    out.write_text("mine")
    args = ["import", "models.dev:deepseek", "--catalog", str(MODELSDEV), "--out", str(out)]
    assert main(args) == 2
    assert "deepseek.yaml: exists; nothing written (--force overwrites)" in capsys.readouterr().err
    assert out.read_text() == "mine" and not (tmp_path / "icons").exists()
    assert main(args + ["--force"]) == 0 and out.read_text().startswith("# yaml-language-server")


def test_a_wire_the_language_does_not_speak_is_one_error(tmp_path: Path, capsys) -> None:
    args = ["import", "models.dev:amazon-bedrock", "--catalog", str(MODELSDEV), "--out", str(tmp_path / "b.yaml")]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "amazon-bedrock.npm: @ai-sdk/amazon-bedrock" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "pid, check",
    [
        ("anthropic", lambda p: p.api.protocol == "anthropic_messages"),
        ("google", lambda p: p.api.protocol == "gemini"),
        ("openai", lambda p: p.maibot.client_type == "openai_compatible"),  # MaiBot's built-in name is refused
        ("cloudflare-workers-ai", lambda p: "CLOUDFLARE_ACCOUNT_ID" in p.api.base_url),
        ("groq", lambda p: "whisper-large-v3" not in {m.name for m in p.models}),  # no context size: left out
    ],
)
def test_import_shapes(snapshot: dict, tmp_path: Path, pid: str, check) -> None:  # type: ignore[no-untyped-def]
    name = from_catalogue.spec_name(pid)
    cat = modelsdev.catalogue(snapshot, pid, "api.json")
    assert check(imported_builds(tmp_path, name, from_catalogue.import_catalogue(cat, name, {}, "import")))


def spoken(snapshot: dict) -> tuple[list, list[str]]:
    """The snapshot's providers whose wire the language speaks (make test builds the first of each
    protocol; the rest are marked `catalogue`, which .ci/run builds), and the refused ones."""
    built, refused, protocols = [], [], set()
    for pid in modelsdev.provider_ids(snapshot):
        try:
            protocol = modelsdev.provider(snapshot[pid], pid, "api.json").protocol  # the record: collection stays fast
        except UserError:
            refused.append(pid)
            continue
        built.append(pytest.param(pid, marks=[pytest.mark.catalogue] if protocol in protocols else []))
        protocols.add(protocol)
    return built, refused


SPOKEN, REFUSED = spoken(json.loads(gzip.decompress(MODELSDEV.read_bytes())))


def test_the_snapshot_has_131_providers_we_speak_and_16_we_refuse() -> None:
    assert (len(SPOKEN), len(REFUSED)) == (131, 16)


@pytest.mark.slow
@pytest.mark.parametrize("pid", SPOKEN)
def test_every_provider_whose_wire_we_speak_builds(snapshot: dict, tmp_path: Path, pid: str) -> None:
    cat = modelsdev.catalogue(snapshot, pid, "api.json")
    name = from_catalogue.spec_name(pid)
    provider = imported_builds(tmp_path, name, from_catalogue.import_catalogue(cat, name, {}, "import"))
    assert not [w for w in provider.warnings if "median" not in w.message]


def test_openrouter_vendor_import_has_parameter_rules(tmp_path: Path) -> None:
    models = openrouter.load(fetch.fetch(str(OPENROUTER)), "models.json")
    imported = from_catalogue.import_catalogue(openrouter.catalogue(models, "x-ai", "m"), "openrouter-x-ai", {}, "i")
    provider = imported_builds(tmp_path, "openrouter-x-ai", imported)
    assert provider.models and all(m.name.startswith("x-ai/") for m in provider.models)
    names = {r.name for m in provider.models for r in m.parameters}
    assert {"seed", "reasoning_effort", "max_tokens"} <= names
    effort = next(r for m in provider.models for r in m.parameters if r.name == "reasoning_effort")
    assert effort.send_as == "reasoning.effort"


def test_image_output_comes_from_the_catalogues_output_modalities(tmp_path: Path, snapshot: dict) -> None:
    """OpenRouter's architecture.output_modalities and models.dev's modalities.output: a model that
    draws gets output_modalities in the catalogue's order, and the spec builds with it as a setting."""
    models = openrouter.load(fetch.fetch(str(OPENROUTER)), "models.json")
    cat = openrouter.catalogue(models, "google", "m")
    imported = from_catalogue.import_catalogue(cat, "openrouter-google", {}, "i")
    drawn = {m["name"]: m["output_modalities"] for m in imported.data["models"] if "output_modalities" in m}
    assert drawn["google/gemini-2.5-flash-image"] == ["image", "text"] and "google/gemini-2.5-flash" not in drawn
    provider = imported_builds(tmp_path, "openrouter-google", imported)
    settings = {m.name: m.settings for m in provider.models}
    assert settings["google/gemini-2.5-flash-image"]["output_modalities"] == ("image", "text")
    google = from_catalogue.import_catalogue(modelsdev.catalogue(snapshot, "google", "m"), "google", {}, "i")
    outputs = {m["name"]: m.get("output_modalities") for m in google.data["models"]}
    assert outputs["gemini-2.5-flash-image"] == ["text", "image"] and outputs["gemini-2.5-flash"] is None


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.__setitem__("deepseek", []), "deepseek: expected an object, got list"),
        (lambda d: d["deepseek"].__setitem__("models", [1]), "deepseek.models: expected an object, got list"),
        (lambda d: d["deepseek"]["models"]["deepseek-chat"]["cost"].__setitem__("input", "cheap"),
         "deepseek.models.deepseek-chat.cost.input: expected a price (a number, 0 or more), got 'cheap'"),
        (lambda d: d["deepseek"]["models"]["deepseek-chat"]["limit"].__setitem__("context", -5),
         "deepseek.models.deepseek-chat.limit.context: expected a token count, got '-5'"),
        (lambda d: d["deepseek"]["models"]["deepseek-chat"].__setitem__("tool_call", "yes"),
         "deepseek.models.deepseek-chat.tool_call: expected true or false, got str 'yes'"),
    ],
)  # fmt: skip
def test_a_catalogue_not_the_shape_it_claims(snapshot: dict, tmp_path: Path, capsys, mutate, message) -> None:  # type: ignore[no-untyped-def]
    data = {"deepseek": json.loads(json.dumps(snapshot["deepseek"]))}
    mutate(data)
    catalog = write_json(tmp_path / "api.json", data)
    assert main(["import", "models.dev:deepseek", "--catalog", catalog, "--out", str(tmp_path / "o" / "d.yaml")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err
    assert not (tmp_path / "o").exists()


def test_not_json_and_not_a_list(tmp_path: Path, capsys) -> None:
    (tmp_path / "bad.json").write_text("{nope")
    assert (
        main(["import", "openrouter:", "--catalog", str(tmp_path / "bad.json"), "--out", str(tmp_path / "o.yaml")]) == 2
    )
    assert "bad.json: error: not JSON" in capsys.readouterr().err
    catalog = write_json(tmp_path / "m.json", {"data": {"id": "x"}})
    assert main(["import", "openrouter:", "--catalog", catalog, "--out", str(tmp_path / "o.yaml")]) == 2
    assert "data: expected a list, got dict" in capsys.readouterr().err
    assert not (tmp_path / "o.yaml").exists()


def test_a_catalogue_over_the_size_cap(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    assert main(["import", "models.dev:deepseek", "--catalog", str(MODELSDEV), "--out", str(tmp_path / "d.yaml")]) == 2
    assert "larger than the 1,000-byte cap for a catalogue" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_text_that_would_break_out_stays_inert(snapshot: dict, tmp_path: Path) -> None:
    """A catalogue's names and ids cannot end a scalar or a comment in the written spec: they load back as written."""
    provider = json.loads(json.dumps(snapshot["deepseek"]))
    hostile = 'x\'\n# injected: true\nname: evil "quoted" : {a: b} # not a comment'
    provider["name"] = hostile
    provider["models"]["deepseek-chat"]["name"] = hostile
    provider["models"]["deepseek-chat"]["id"] = "chat: {x: 1} # no"
    cat = modelsdev.catalogue({"deepseek": provider}, "deepseek", "api.json")
    imported = from_catalogue.import_catalogue(cat, "deepseek", {"models.dev": "deepseek"}, "import")
    imported_builds(tmp_path, "deepseek", imported)
    data = load_spec(tmp_path / "deepseek.yaml").data
    assert data["label"] == hostile and data["models"][0]["label"] == hostile
    assert data["models"][0]["name"] == "chat: {x: 1} # no" and "injected" not in data


def test_fetch_refuses_other_schemes_and_says_when_offline() -> None:
    for url in ("http://models.dev/api.json", "ftp://example.com/x", "file:///etc/passwd"):
        with pytest.raises(fetch.FetchError, match=r"only https:// URLs or file paths are fetched"):
            fetch.fetch(url)
    with socket.socket() as probe:  # a port nothing listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        with pytest.raises(fetch.FetchError) as caught:
            fetch.fetch(f"https://127.0.0.1:{port}/api.json", timeout=2)
    message = str(caught.value)
    assert "cannot fetch" in message and "offline? pass --catalog FILE" in message and "\n" not in message


def test_offline_import_is_one_line_and_writes_nothing(tmp_path: Path, capsys) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"https://127.0.0.1:{probe.getsockname()[1]}/api.json"
        assert main(["import", "models.dev:deepseek", "--catalog", url, "--out", str(tmp_path / "d.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot fetch" in err
    assert read_tree(tmp_path) == {}


def test_an_unknown_source_is_one_error(tmp_path: Path, capsys) -> None:
    assert main(["import", "modelsdev:deepseek", "--out", str(tmp_path / "d.yaml")]) == 2
    err = capsys.readouterr().err
    assert "modelsdev:deepseek: no such file or folder (a SOURCE is a Dify plugin folder or .difypkg" in err
    assert list(tmp_path.iterdir()) == []
