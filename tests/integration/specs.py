"""Specs written by tests as data, compiled into a folder the plugin runners can start."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from compiler.build import compile_spec
from compiler.write import write_tree
from tests.integration.dify_runner import DifyPlugin
from tests.integration.maibot_runner import MaiBotHost

ROOT = Path(__file__).resolve().parents[2]


def spec_of(name: str, **fields: Any) -> dict[str, Any]:
    """A test spec: `fields` over the identity every spec needs (its icon: `icons/s.svg`)."""
    identity = {
        "name": name,
        "label": name.capitalize(),
        "description": f"The {name} test provider.",
        "author": "tester",
        "version": "1.0.0",
        "icons": {"small": "icons/s.svg"},
        "repository": f"https://github.com/tester/{name}",
    }
    return identity | fields


def compile_to(folder: Path, spec: dict[str, Any]) -> tuple[Path, dict[str, bytes]]:
    """`spec` (its icon is `icons/s.svg`) written into `folder`, compiled, and its output tree written
    to `folder/out/<name>`: that tree's path, and its files (relative path → bytes)."""
    (folder / "icons").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "specs" / "icons" / "acme_s.svg", folder / "icons" / "s.svg")
    path = folder / f"{spec['name']}.yaml"
    text = io.StringIO()
    YAML(typ="safe").dump(spec, text)  # YAML, not JSON: value maps have boolean keys
    path.write_text(text.getvalue())
    _, files = compile_spec(path)
    write_tree(folder / "out" / spec["name"], files)
    return folder / "out" / spec["name"], files


def hosts_of(folder: Path, spec: dict[str, Any]) -> Iterator[tuple[DifyPlugin, MaiBotHost]]:
    """`spec` compiled into `folder`, its Dify plugin started over stdio (2 s read timeout) and its
    MaiBot plugin loaded in the host; both closed after the one yield (a module fixture's body)."""
    out, _ = compile_to(folder, spec)
    dify = DifyPlugin(out / "dify", folder / "run", read_timeout=2)
    maibot = MaiBotHost(out / "maibot")
    yield dify, maibot
    dify.close()
    maibot.close()


def committed_hosts(name: str, folder: Path) -> Iterator[tuple[DifyPlugin, MaiBotHost]]:
    """The committed generated/<name> plugins, as the daemon and MaiBot's host load them; both closed
    after the one yield (a module fixture's body)."""
    dify = DifyPlugin(ROOT / "generated" / name / "dify", folder, read_timeout=2)
    maibot = MaiBotHost(ROOT / "generated" / name / "maibot")
    yield dify, maibot
    dify.close()
    maibot.close()


RULES_THEN_GO = [{"role": "system", "content": "Rules."}, {"role": "user", "content": "Go."}]


def sent_for(dify: DifyPlugin, mock, reply, provider: str, model: str, credentials: dict, parameters: dict, **extra):
    """The request a blocking Dify call with `parameters` makes (answered with `reply`)."""
    mock.expect(reply)
    outcome = dify.invoke_llm(
        model, credentials, RULES_THEN_GO, False, provider=provider, parameters=parameters, **extra
    )
    assert outcome.error is None, outcome.message
    return mock.last


def maibot_sent_for(maibot: MaiBotHost, mock, reply, client_type: str, model: str, parameters: dict):
    """The request MaiBot's host makes for the same conversation as sent_for's, with `parameters` as
    the model's extra_params (answered with `reply`)."""
    mock.expect(reply)
    result = maibot.call(
        op="response",
        api_provider={"client_type": client_type, "base_url": mock.url, "api_key": "test-key"},
        model_info={"model_identifier": model, "name": model, "force_stream_mode": False},
        context_items=[
            {"item_type": "SystemMessageItem", "parts": [{"type": "text", "text": "Rules."}]},
            {"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "Go."}]},
        ],
        extra_params=parameters,
    )
    assert result["ok"], result
    return mock.last
