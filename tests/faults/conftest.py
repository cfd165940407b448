"""Fixtures of the fault suite: the hostile server, and one provider spec compiled three ways (bearer,
header and query auth, each with an extra secret credential), whose generated plugins run in the real
Dify SDK (`python -m main`) and MaiBot's real host and runner, one process each, for the session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.faults import hostile_server
from tests.faults.hostile_server import HostileServer
from tests.integration.dify_runner import DifyPlugin
from tests.integration.maibot_runner import MaiBotHost
from tests.integration.specs import compile_to

# Distinctive secrets: `+`, `/` and `=` so that their URL-encoded forms differ from them.
KEY = "sk-LEAKME+k3y/9f2c=Z"
TOKEN = "tok-SECRET/acct+77="
MODEL = "faulty-chat"
READ_TIMEOUT = 2  # seconds, for both hosts (Dify: MAX_REQUEST_TIMEOUT; MaiBot: api_provider.timeout 3)
AUTHS = {
    "bearer": {"scheme": "bearer"},
    "header": {"scheme": "header", "name": "X-Api-Key", "prefix": "Key "},
    "query": {"scheme": "query", "name": "key"},
}
THINK_OPEN, THINK_CLOSE = "<think>\n", "\n</think>\n\n"


def fault_spec(auth: dict[str, str]) -> dict[str, Any]:
    return {
        "name": "faulty",
        "label": {"en_US": "Faulty"},
        "description": "The fault suite's provider.",
        "author": "faults",
        "version": "1.0.0",
        "icons": {"small": "icons/s.svg"},
        "help": {"title": "Keys", "url": "https://faulty.example/keys"},
        "repository": "https://github.com/faulty/plugins",
        "api": {"base_url": "https://api.faulty.example/v1", "auth": auth},
        "credentials": {
            "extra": [{"variable": "account_token", "label": "Account token", "type": "secret", "header": "X-Token"}]
        },
        "errors": {"codes": {"invalid_api_key": "authorization", "insufficient_quota": "rate_limit"}},
        "models": [{"name": MODEL, "context_size": 8192, "features": ["tool-call", "stream-tool-call"]}],
    }


@dataclass
class Answer:
    """What a host made of one call: the text, reasoning and tool calls, or its error."""

    text: str = ""
    reasoning: str = ""
    calls: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None  # Dify: the Invoke* class; MaiBot: the host's exception class
    message: str = ""
    shown: str = ""  # everything the host showed of this call (error, traceback, result)
    host: str = ""  # "dify" or "maibot"


def split_think(text: str) -> tuple[str, str]:
    if text.startswith(THINK_OPEN) and THINK_CLOSE in text:
        reasoning, _, rest = text[len(THINK_OPEN) :].partition(THINK_CLOSE)
        return reasoning, rest
    return "", text


class DifySide:
    name = "dify"

    def __init__(self, plugin: DifyPlugin, server: HostileServer) -> None:
        self.plugin, self.server = plugin, server

    def credentials(self, base_url: str | None = None) -> dict[str, str]:
        return {"api_key": KEY, "base_url": base_url or self.server.url + "/v1", "account_token": TOKEN}

    def chat(self, stream: bool, tools: list[dict] | None = None, base_url: str | None = None) -> Answer:
        outcome = self.plugin.invoke_llm(
            MODEL,
            self.credentials(base_url),
            [{"role": "user", "content": "hi"}],
            stream,
            provider="faulty",
            tools=tools,
            timeout=120,
        )
        shown = json.dumps({"items": outcome.items, "error": outcome.error}, ensure_ascii=False)
        if outcome.error:
            return Answer(error=outcome.error_type, message=outcome.message, shown=shown, host="dify")
        text = "".join(item["delta"]["message"]["content"] or "" for item in outcome.items)
        calls = [
            {"id": c["id"], "name": c["function"]["name"], "arguments": json.loads(c["function"]["arguments"])}
            for item in outcome.items
            for c in item["delta"]["message"]["tool_calls"] or ()
        ]
        reasoning, text = split_think(text)
        return Answer(text=text, reasoning=reasoning, calls=calls, shown=shown, host="dify")

    def validate(self) -> Answer:
        outcome = self.plugin.request(
            "validate_provider_credentials", user_id="u", provider="faulty", credentials=self.credentials()
        )
        shown = json.dumps({"items": outcome.items, "error": outcome.error}, ensure_ascii=False)
        return Answer(error=outcome.error_type, message=outcome.message, shown=shown, host="dify")

    def logs(self) -> str:
        """Everything the plugin process wrote: its stdout (answers, log events) and stderr."""
        lines = self.plugin.child.stdout + self.plugin.child.stderr
        return b"".join(lines).decode("utf-8", "replace")


class MaiBotSide:
    name = "maibot"

    def __init__(self, host: MaiBotHost, server: HostileServer) -> None:
        self.host, self.server = host, server

    def chat(self, stream: bool, tools: list[dict] | None = None, base_url: str | None = None) -> Answer:
        result = self.host.call(
            timeout=120,
            op="response",
            api_provider={
                "client_type": "faulty",
                "base_url": base_url or self.server.url + "/v1",
                "api_key": KEY,
                "timeout": READ_TIMEOUT + 1,
                "max_retry": 1,
            },
            model_info={"model_identifier": MODEL, "name": MODEL, "force_stream_mode": stream},
            context_items=[{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "hi"}]}],
            tool_options=[{"type": "function", "function": t} for t in tools] if tools else None,
        )
        shown = json.dumps(result, ensure_ascii=False)
        if not result["ok"]:
            return Answer(error=result["type"], message=result["message"], shown=shown, host="maibot")
        calls = [{"id": c["id"], "name": c["name"], "arguments": c["args"]} for c in result["tool_calls"]]
        reasoning = result["reasoning"] or ""
        return Answer(text=result["content"] or "", reasoning=reasoning, calls=calls, shown=shown, host="maibot")

    def logs(self) -> str:
        """The host's stderr (its own log lines and the runner's) and its log files."""
        files = self.host.call(op="logs")["logs"]
        stderr = b"".join(self.host.child.stderr).decode("utf-8", "replace")
        return stderr + "\n".join(files.values())


class Plugins:
    """Generated plugins for each auth scheme, started on first use and kept for the session."""

    def __init__(self, folder: Path, server: HostileServer) -> None:
        self.folder, self.server = folder, server
        self.sides: dict[tuple[str, str], DifySide | MaiBotSide] = {}

    def tree(self, auth: str) -> Path:
        out = self.folder / auth / "out" / "faulty"
        return out if out.exists() else compile_to(self.folder / auth, fault_spec(AUTHS[auth]))[0]

    def side(self, target: str, auth: str = "bearer") -> DifySide | MaiBotSide:
        key = (target, auth)
        if key not in self.sides:
            tree = self.tree(auth)
            if target == "dify":
                work = self.folder / auth / "dify-run"
                work.mkdir()
                self.sides[key] = DifySide(DifyPlugin(tree / "dify", work, READ_TIMEOUT), self.server)
            else:
                self.sides[key] = MaiBotSide(MaiBotHost(tree / "maibot"), self.server)
        return self.sides[key]

    def close(self) -> None:
        for side in self.sides.values():
            (side.plugin if isinstance(side, DifySide) else side.host).close()


def group(target: str, auth: str = "bearer") -> str:
    """The pytest-xdist group of the tests that use one generated plugin (one process each)."""
    return f"faults-{target}-{auth}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test here joins the group of the plugin it talks to (`--dist loadgroup`: one worker runs
    them all, so each plugin process starts once per run)."""
    for item in items:
        params = getattr(item, "callspec", None) and item.callspec.params
        target = params and (params.get("side") or params.get("target"))
        if item.path.parent == Path(__file__).parent and target and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(group(target, params.get("auth", "bearer"))))


@pytest.fixture(scope="session")
def hostile() -> Iterator[HostileServer]:
    server = hostile_server.start()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _fresh_server(request: pytest.FixtureRequest) -> None:
    if "hostile" in request.fixturenames:
        request.getfixturevalue("hostile").reset()


@pytest.fixture(scope="session")
def plugins(hostile: HostileServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plugins]:
    made = Plugins(tmp_path_factory.mktemp("faulty"), hostile)
    yield made
    made.close()


@pytest.fixture(params=["dify", "maibot"])
def side(request: pytest.FixtureRequest, plugins: Plugins) -> DifySide | MaiBotSide:
    return plugins.side(request.param)


@pytest.fixture(params=[False, True], ids=["blocking", "stream"])
def stream(request: pytest.FixtureRequest) -> bool:
    return request.param
