"""models.dev embeddings: listed as answering text, told apart by an id or family that names an embedding
(with no tool calls and no reasoning); `import` and `sync` write them as text-embedding models with their
context size and input price, never as chat models, and never retire a spec's embedding models that
models.dev (which lists only some providers' embeddings) lacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiler.build import compile_spec
from compiler.cli import main
from compiler.sources import modelsdev

CHAT = {
    "id": "acme-chat",
    "name": "Acme Chat",
    "family": "acme",
    "tool_call": True,
    "reasoning": False,
    "modalities": {"input": ["text"], "output": ["text"]},
    "limit": {"context": 131072, "output": 8192},
    "cost": {"input": 0.5, "output": 1.5},
}
EMBED = {
    "id": "acme-text-embedding-2",
    "name": "Acme Text Embedding 2",
    "family": "text-embedding",
    "tool_call": False,
    "reasoning": False,
    "modalities": {"input": ["text"], "output": ["text"]},
    "limit": {"context": 8191, "output": 1536},
    "cost": {"input": 0.02, "output": 0},
}


def catalogue(tmp_path: Path, *models: dict, npm: str = "@ai-sdk/openai-compatible") -> Path:
    provider = {"id": "acme", "name": "Acme", "api": "https://api.acme.example/v1", "env": ["ACME_API_KEY"]}
    provider |= {"npm": npm, "models": {m["id"]: m for m in models}}
    path = tmp_path / "api.json"
    path.write_text(json.dumps({"acme": provider}))
    return path


def kinds(*models: dict) -> dict[str, str]:
    data = json.loads(catalogue_text(*models))
    return {e.id: e.kind for e in modelsdev.catalogue(data, "acme", "api.json").entries}


def catalogue_text(*models: dict) -> str:
    provider = {"id": "acme", "name": "Acme", "api": "https://api.acme.example/v1", "npm": "@ai-sdk/openai"}
    return json.dumps({"acme": provider | {"models": {m["id"]: m for m in models}}})


def test_embeddings_are_told_by_id_or_family():
    by_family = EMBED | {"id": "vectors-v4", "family": "cohere-embed"}
    by_id = EMBED | {"id": "mistral-embed", "family": "mistral"}
    tool = CHAT | {"id": "embedder-agent"}  # calls tools: a chat model, whatever its name
    drawing = EMBED | {"id": "embed-art", "modalities": {"input": ["text"], "output": ["image"]}}
    assert kinds(CHAT, EMBED, by_family, by_id, tool, drawing) == {
        "acme-chat": "llm",
        "acme-text-embedding-2": "text-embedding",
        "vectors-v4": "text-embedding",
        "mistral-embed": "text-embedding",
        "embedder-agent": "llm",
        "embed-art": "other",
    }


def test_import_writes_an_embedding_model(tmp_path):
    spec = tmp_path / "specs" / "acme.yaml"
    assert (
        main(["import", "models.dev:acme", "--catalog", str(catalogue(tmp_path, CHAT, EMBED)), "--out", str(spec)]) == 0
    )
    text = spec.read_text()
    assert (
        "  - name: acme-text-embedding-2\n    label: Acme Text Embedding 2\n    type: text-embedding\n"
        "    context_size: 8191\n    pricing:\n      input: '0.02'\n"
    ) in text
    assert "text-embedding:\n    pricing:\n      per: million\n      currency: USD\n" in text
    _, files = compile_spec(spec)
    assert b"model_type: text-embedding" in files["dify/models/text_embedding/acme-text-embedding-2.yaml"]


def test_a_protocol_without_embeddings_leaves_them_out(tmp_path, capsys):
    spec = tmp_path / "specs" / "acme.yaml"
    catalog = catalogue(tmp_path, CHAT, EMBED, npm="@ai-sdk/anthropic")
    assert main(["import", "models.dev:acme", "--catalog", str(catalog), "--out", str(spec)]) == 0
    text = spec.read_text()
    assert "acme-text-embedding-2" in text.split("\n\n")[0]  # named in the TODOs at the top
    assert "  - name: acme-text-embedding-2" not in text
    assert "are embeddings, which the protocol does not serve" in text


def sync(spec: Path, catalog: Path, *more: str) -> int:
    return main(["sync", str(spec), "--from", "models.dev", "--catalog", str(catalog), *more])


@pytest.fixture
def synced(tmp_path: Path) -> tuple[Path, Path]:
    """A spec of the chat model alone, pricing embeddings per thousand tokens; the catalogue adds one."""
    spec = tmp_path / "specs" / "acme.yaml"
    assert main(["import", "models.dev:acme", "--catalog", str(catalogue(tmp_path, CHAT)), "--out", str(spec)]) == 0
    text = spec.read_text().replace("defaults:\n", "defaults:\n  text-embedding:\n    pricing: {per: thousand}\n", 1)
    spec.write_text(text)
    return spec, catalogue(tmp_path, CHAT, EMBED)


def test_sync_appends_an_embedding_model(synced, capsys):
    spec, catalog = synced
    assert sync(spec, catalog) == 0
    tail = spec.read_text().split("  - name: acme-text-embedding-2\n")[1]
    assert (
        tail
        == "    label: Acme Text Embedding 2\n    type: text-embedding\n    context_size: 8191\n    pricing:\n      input: '0.00002'\n"
    )
    assert sync(spec, catalog, "--check") == 0
    compile_spec(spec)


def test_sync_skips_an_embedding_the_api_cannot_serve(synced, capsys):
    spec, catalog = synced
    spec.write_text(spec.read_text().replace("  base_url:", "  endpoints: {embeddings: null}\n  base_url:", 1))
    before = spec.read_text()
    assert sync(spec, catalog, "--check") == 0
    out = capsys.readouterr().out
    assert "acme-text-embedding-2: model: new embedding model (" in out and "not added: api.endpoints.embeddings" in out
    assert spec.read_text() == before


def test_sync_does_not_retire_an_embedding_models_dev_lacks(synced, capsys):
    spec, catalog = synced
    assert sync(spec, catalog) == 0
    text = spec.read_text().replace("name: acme-text-embedding-2", "name: acme-embed-legacy")
    spec.write_text(text)
    capsys.readouterr()
    assert sync(spec, catalog, "--check") == 1  # the catalogue's embedding is new again; the legacy one stays
    out = capsys.readouterr().out
    assert "acme-embed-legacy" not in out and "acme-text-embedding-2: new model (" in out
