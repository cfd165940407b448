"""The two hosts the conformance checks talk to, each through one interface: a neutral conversation
(Turns) in, a neutral Answer out. DifySide drives a generated Dify plugin run by the real SDK over
stdio (`python -m main`, as the daemon runs it); MaiBotSide drives MaiBot's real host and runner with
the generated MaiBot plugin (pool.py starts them)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from compiler.model import Provider
from tests.conformance.specs import added_credentials
from tests.conformance.protocols import Call, base_path
from tests.integration.dify_runner import DifyPlugin, Outcome
from tests.integration.google_token import shared_key
from tests.integration.maibot_runner import MaiBotHost
from tests.integration.mock_server import MockServer

# `+`, `/` and `=` so that the key's URL-encoded and JSON-escaped forms differ from it.
KEY = "sk-conf+LEAKME/k3y=9"
ACCESS_KEY_ID = "AKIACONFORMANCE00001"  # beside KEY for AWS's key pair
THINK_OPEN, THINK_CLOSE = "<think>\n", "\n</think>\n\n"
KINDS = {
    "InvokeAuthorizationError": "authorization",
    "InvokeRateLimitError": "rate_limit",
    "InvokeBadRequestError": "bad_request",
    "InvokeServerUnavailableError": "server_unavailable",
    "InvokeConnectionError": "connection",
    "CredentialsValidateFailedError": "credentials",
}
DIFY_CLASSES = {kind: name for name, kind in KINDS.items()}
MAIBOT_KIND = re.compile(r": (?:HTTP (\d+) )?(authorization|rate_limit|bad_request|server_unavailable|connection)\b")


@dataclass(frozen=True)
class Turn:
    """One turn of a conversation, as either host takes it."""

    role: str  # system, user, assistant, tool
    text: str = ""
    media: tuple[dict[str, str], ...] = ()  # {"kind", "format", "mime", "data"} (+ "detail", "filename")
    calls: tuple[Call, ...] = ()
    reasoning: str = ""
    call_id: str | None = None  # a tool turn's call
    name: str | None = None  # a tool turn's function


def system(text: str) -> Turn:
    return Turn("system", text)


def user(text: str, *media: dict[str, str]) -> Turn:
    return Turn("user", text, media)


def assistant(text: str = "", *calls: Call, reasoning: str = "") -> Turn:
    return Turn("assistant", text, calls=calls, reasoning=reasoning)


def tool(call_id: str, name: str, text: str) -> Turn:
    return Turn("tool", text, call_id=call_id, name=name)


@dataclass
class Answer:
    """What a host made of one call: the answer (text and reasoning apart, tool calls as (id, name,
    arguments), usage, finish reason) and its error, if any, as a neutral kind."""

    host: str
    content: str = ""  # the text as the host shows it (Dify: reasoning wrapped in <think> tags)
    text: str = ""
    reasoning: str = ""
    calls: list[tuple[Any, str, Any]] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)  # (media type, base64) of each image
    usage: dict[str, Any] | None = None
    finish: str | None = None
    error: str | None = None  # authorization, rate_limit, bad_request, server_unavailable, connection, credentials
    error_class: str | None = None  # Dify's error class, MaiBot's host exception
    status: int | None = None  # the HTTP status MaiBot's message names
    message: str = ""
    shown: str = ""  # everything the host showed of the call
    raw: Any = None


def split_think(content: str) -> tuple[str, str]:
    if content.startswith(THINK_OPEN) and THINK_CLOSE in content:
        reasoning, _, rest = content[len(THINK_OPEN) :].partition(THINK_CLOSE)
        return reasoning, rest
    return "", content


@dataclass(frozen=True)
class Chat:
    """One chat call, as the checks ask either host for it."""

    turns: tuple[Turn, ...]
    stream: bool
    tools: list[dict] | None
    parameters: dict[str, Any]  # as Dify's; MaiBot takes temperature and max_tokens as its own fields
    model: str
    base_url: str


class Side:
    """What both hosts share: the spec, the mock, one chat call, and labelling the requests it makes."""

    name = ""

    def __init__(self, provider: Provider, mock: MockServer) -> None:
        self.provider, self.mock = provider, mock

    def chat(self, *turns: Turn, **options: Any) -> Answer:
        """One chat call (options as call_of takes them), its outcome as an Answer."""
        return self.send(*self.call_of(*turns, **options))

    def call_of(
        self,
        *turns: Turn,
        stream: bool = False,
        tools: list[dict] | None = None,
        parameters: dict | None = None,
        model: str | None = None,
        base_url: str | None = None,
        **extra: Any,
    ) -> tuple[Chat, dict[str, Any]]:
        """A chat call to the spec's first model, of "Hello" unless `turns` say; `extra` is the host's own."""
        model = model or first_llm(self.provider)
        call = Chat(turns or (user("Hello"),), stream, tools, dict(parameters or {}), model, base_url or self.base_url)
        return call, extra

    def send(self, call: Chat, extra: dict[str, Any]) -> Answer:
        raise NotImplementedError

    @property
    def base_url(self) -> str:
        return self.mock.url + base_path(self.provider)

    @contextmanager
    def calling(self) -> Iterator[None]:
        start = len(self.mock.requests)
        try:
            yield
        finally:
            for recorded in self.mock.requests[start:]:
                recorded.source = recorded.source or self.name


class DifySide(Side):
    name = "dify"

    def __init__(self, plugin: DifyPlugin, provider: Provider, mock: MockServer) -> None:
        super().__init__(provider, mock)
        self.plugin = plugin

    def credentials(self, base_url: str | None = None, key: str = KEY) -> dict[str, str]:
        api = self.provider.api
        if api.auth.scheme == "aws_sigv4":  # the key pair signs; KEY is its secret half
            pair = {
                "auth_method": "Access_Secret_Key",
                "aws_access_key_id": ACCESS_KEY_ID,
                "aws_secret_access_key": key,
            }
            return pair | {api.base_url_variable: base_url or self.base_url}
        if api.auth.scheme == "google_service_account" and key == KEY:  # a service-account key (google.py)
            key = shared_key()
        given = {api.api_key_variable: key, api.base_url_variable: base_url or self.base_url}
        return added_credentials(self.provider) | given  # a model the suite added: its model form's answers

    def request(self, action: str, timeout: float = 60, **data: Any) -> Outcome:
        with self.calling():
            return self.plugin.request(action, timeout, **data)

    def burst(self, requests: list[tuple[str, dict[str, Any]]], timeout: float = 60) -> list[Outcome]:
        with self.calling():
            return self.plugin.burst(requests, timeout)

    def invoke_llm(self, model: str, credentials: dict, messages: list, stream: bool, **extra: Any) -> Outcome:
        with self.calling():
            return self.plugin.invoke_llm(model, credentials, messages, stream, **extra)

    def send(self, call: Chat, extra: dict[str, Any]) -> Answer:
        action, data = self.invoke_request(call, **extra)
        return dify_answer(self.request(action, **data))

    def llm_call(self, *turns: Turn, **options: Any) -> tuple[str, dict[str, Any]]:
        """The invoke_llm request of a chat call (options as call_of takes them), to send in a burst."""
        call, extra = self.call_of(*turns, **options)
        return self.invoke_request(call, **extra)

    def invoke_request(self, call: Chat, credentials: dict | None = None, **extra: Any) -> tuple[str, dict[str, Any]]:
        data = self.plugin.llm_request(
            call.model,
            credentials or self.credentials(call.base_url),
            [prompt_message(t) for t in call.turns],
            call.stream,
            provider=self.provider.name,
            tools=call.tools,
            parameters=call.parameters,
            **extra,
        )
        return "invoke_llm", data

    def validate(self, base_url: str | None = None) -> Answer:
        outcome = self.request(
            "validate_provider_credentials",
            user_id="u1",
            provider=self.provider.name,
            credentials=self.credentials(base_url),
        )
        return dify_answer(outcome)

    def logs(self) -> str:
        """Everything the plugin process wrote but its answers to requests (each its caller's to check:
        a credential check's answer carries the credentials back): its log events and stderr."""
        lines = [line for line in self.plugin.child.stdout if b'"event":"session"' not in line.replace(b" ", b"")]
        return b"".join(lines + self.plugin.child.stderr).decode("utf-8", "replace")


def first_llm(provider: Provider) -> str:
    """The spec's first chat model, which the checks talk to (a spec of other kinds only skips them)."""
    models = provider.models_of("llm")
    if not models:
        pytest.skip("the spec has no chat models")
    return models[0].name


def prompt_message(turn: Turn) -> dict[str, Any]:
    """A turn as Dify's prompt messages spell it."""
    if turn.role == "tool":
        return {"role": "tool", "tool_call_id": turn.call_id, "content": turn.text}
    if turn.role == "assistant":
        content = f"{THINK_OPEN}{turn.reasoning}{THINK_CLOSE}{turn.text}" if turn.reasoning else turn.text
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if turn.calls:
            message["tool_calls"] = [
                {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": compact(c.args)}}
                for c in turn.calls
            ]
        return message
    if not turn.media:
        return {"role": turn.role, "content": turn.text}
    parts = [{"type": "text", "data": turn.text}] if turn.text else []
    for media in turn.media:
        part = {
            "type": media["kind"],
            "format": media["format"],
            "mime_type": media["mime"],
            "base64_data": media["data"],
        }
        parts.append(part | {k: media[k] for k in ("detail", "filename") if k in media})
    return {"role": turn.role, "content": parts}


def compact(args: dict | None) -> str:
    return json.dumps(args or {}, separators=(",", ":"))


def dify_answer(outcome: Outcome) -> Answer:
    shown = json.dumps({"items": outcome.items, "error": outcome.error}, ensure_ascii=False)
    answer = Answer("dify", shown=shown, raw=outcome)
    deltas = [item["delta"] for item in outcome.items if "delta" in item]
    contents = [delta["message"]["content"] or "" for delta in deltas]
    parts = [part for content in contents if isinstance(content, list) for part in content]
    answer.content = "".join(
        c if isinstance(c, str) else "".join(p["data"] for p in c if p["type"] == "text") for c in contents
    )
    answer.images = [(part["mime_type"], part["base64_data"]) for part in parts if part["type"] == "image"]
    answer.reasoning, answer.text = split_think(answer.content)
    answer.calls = [
        (c["id"], c["function"]["name"], json.loads(c["function"]["arguments"]))
        for delta in deltas
        for c in delta["message"]["tool_calls"] or ()
    ]
    if deltas:
        answer.usage, answer.finish = deltas[-1]["usage"], deltas[-1]["finish_reason"]
    if outcome.error:
        answer.error, answer.error_class = KINDS.get(outcome.error_type, "untyped"), outcome.error_type
        answer.message = outcome.message
    return answer


class MaiBotSide(Side):
    name = "maibot"

    def __init__(self, host: MaiBotHost, provider: Provider, mock: MockServer) -> None:
        super().__init__(provider, mock)
        self.host = host

    @property
    def report(self) -> dict[str, Any]:
        return self.host.report

    def api_provider(self, **overrides: Any) -> dict[str, Any]:
        scheme = self.provider.api.auth.scheme
        key = {"aws_sigv4": f"{ACCESS_KEY_ID}:{KEY}", "google_service_account": shared_key()}.get(scheme, KEY)
        settings = {"base_url": self.base_url, "api_key": key, "timeout": 10, "max_retry": 1}
        return {"client_type": self.provider.maibot.client_type} | settings | overrides

    def call(self, timeout: float = 60, **command: Any) -> dict[str, Any]:
        with self.calling():
            return self.host.call(timeout, **command)

    def send(self, call: Chat, extra: dict[str, Any]) -> Answer:
        """`extra`: `api` overrides of the api_provider, and the host's request fields."""
        parameters = dict(call.parameters)
        own = {k: parameters.pop(k) for k in ("temperature", "max_tokens") if k in parameters}
        if parameters:
            extra["extra_params"] = parameters | extra.get("extra_params", {})
        if call.tools:
            extra.setdefault("tool_options", [{"type": "function", "function": t} for t in call.tools])
        result = self.call(
            op="response",
            api_provider=self.api_provider(base_url=call.base_url, **extra.pop("api", None) or {}),
            model_info={"model_identifier": call.model, "name": call.model, "force_stream_mode": call.stream},
            context_items=[item for t in call.turns for item in context_items(t)],
            **own | extra,
        )
        return maibot_answer(result)

    def logs(self) -> str:
        """The host's stderr (its own log lines and the runner's) and its log files."""
        files = self.call(op="logs")["logs"]
        return b"".join(self.host.child.stderr).decode("utf-8", "replace") + "\n".join(files.values())


def context_items(turn: Turn) -> list[dict[str, Any]]:
    """A turn as MaiBot's context items spell it."""
    if turn.role == "tool":
        output = {"call_id": turn.call_id, "output": turn.text, "success": True, "tool_name": turn.name}
        return [{"item_type": "FunctionCallOutputItem"} | output]
    if turn.role == "assistant":
        items = []
        if turn.reasoning:
            reasoning = {"representation": "raw_text", "summary_parts": [], "text_parts": [turn.reasoning]}
            items.append({"item_type": "ReasoningItem"} | reasoning)
        if turn.text:
            items.append({"item_type": "AssistantMessageItem", "parts": [{"type": "text", "text": turn.text}]})
        for c in turn.calls:
            call = {"call_id": c.id, "func_name": c.name, "args": c.args or {}, "extra_content": None}
            items.append({"item_type": "FunctionCallItem", "tool_call": call})
        return items
    parts = [{"type": "text", "text": turn.text}] if turn.text else []
    parts += [{"type": "image", "image_base64": m["data"], "image_format": m["format"]} for m in turn.media]
    kind = "SystemMessageItem" if turn.role == "system" else "UserMessageItem"
    return [{"item_type": kind, "parts": parts}]


def maibot_answer(result: dict[str, Any]) -> Answer:
    answer = Answer("maibot", shown=json.dumps(result, ensure_ascii=False), raw=result)
    if not result["ok"]:
        answer.error_class, answer.message = result["type"], result["message"]
        found = MAIBOT_KIND.search(result["message"])
        answer.error = found.group(2) if found else "untyped"
        answer.status = int(found.group(1)) if found and found.group(1) else None
        return answer
    answer.content = answer.text = result["content"] or ""
    answer.reasoning = result["reasoning"] or ""
    answer.calls = [(c["id"], c["name"], c["args"]) for c in result["tool_calls"]]
    answer.images = [(f"image/{image_format}", data) for image_format, data in result["images"]]
    answer.usage = result["usage"]
    return answer
