"""The protocol adapters of the conformance suite: one module per wire protocol, named as the spec's
`api.protocol`, offering the names of `Adapter` below. An adapter is test code of two halves that
know nothing of the hosts: how the mock answers (text, reasoning, tool calls, usage, error bodies and
events, the stream's framing) and how a request the plugins sent reads (model, stream flag, the
conversation with its system text, tools, parameters). The checks in tests/conformance/ are written
against these names only, so a new protocol is one module here (and its official SDK reading every
answer it makes, in test_mocks.py) plus its own cases in test_<protocol>.py."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from compiler.lower.api import OPENAI_EMBEDDING
from compiler.model import Provider
from tests.integration.mock_server import Recorded

# Usage the mock reports unless a check says otherwise: (prompt tokens, completion tokens[, cached prompt tokens]).
USAGE = (11, 7)


@dataclass(frozen=True)
class Text:
    """Answer text (one piece of a stream, or the whole of a blocking answer's)."""

    text: str


@dataclass(frozen=True)
class Reasoning:
    text: str


@dataclass(frozen=True)
class Call:
    """A tool call in an answer: `args` a dict, or None for a call that brings no arguments; a call
    without `id` brings none (the plugin must make one up, where the protocol has ids)."""

    id: str | None
    name: str
    args: dict[str, Any] | None = None


@dataclass(frozen=True)
class Picture:
    """An image in the answer of a model that draws (output_modalities with image): its media type
    and base64 data, as the protocol carries generated images."""

    mime: str
    data: str


Piece = Text | Reasoning | Call | Picture


@dataclass
class Sent:
    """A chat request as the neutral checks read it. `messages`: (role, parts) with role system,
    user, assistant or tool (a turn that only answers calls) and parts ("text", s), ("image", mime,
    base64), ("document", mime, base64), ("reasoning", s), ("call", id, name, args) and ("result",
    id, name, text); ids and names only where the protocol carries them (Adapter.seen)."""

    model: str | None
    stream: bool
    messages: list[tuple[str, list[tuple]]]
    tools: list[dict[str, Any]]  # {"name", "description", "parameters"} of each function
    builtin_tools: list[dict[str, Any]]  # the protocol's own tools (web search…), as sent
    tool_choice: str | None  # auto, required or none
    body: Any

    def turns(self) -> list[tuple[str, str]]:
        """(role, text) of each message, its text parts joined."""
        return [(role, "".join(p[1] for p in parts if p[0] == "text")) for role, parts in self.messages]

    def parts(self, kind: str) -> list[tuple]:
        return [part for _, parts in self.messages for part in parts if part[0] == kind]


class Adapter(Protocol):
    """What a protocol module offers (a module satisfies it through its top-level names)."""

    NAME: str
    SENDS_USER: bool  # the protocol has an end-user field (config.USER)
    CALL_IDS: bool  # tool calls carry ids on the wire
    EMBEDDINGS: bool  # the mock can answer this protocol's text-embedding calls
    EMBEDDING_USAGE: bool  # a text-embedding answer reports its tokens
    STOP_KEY: str | None  # the dotted body key of stop sequences (None: the API takes none)
    REPORTS_CACHE: bool  # every usage says how many prompt tokens the cache served (0 too)
    STREAMS_WITHOUT_USAGE: bool  # a stream may come without usage (its SDK reads one)
    FRAMING: str  # how its streams are framed: "sse" (stream() gives text), "eventstream" (AWS frames, bytes)

    def answer(self, *pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None) -> dict:
        """A blocking answer's body."""
        ...

    def stream(
        self, *pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None, end: bool = True
    ) -> list[str]:
        """A streamed answer as SSE chunks (one per event); without `end` it stops before the
        protocol's end of answer (a cut stream)."""
        ...

    def usage_body(self, prompt: int, completion: int, cached: int | None = None) -> dict:
        """The protocol's usage object (`cached`: prompt tokens read from a cache)."""
        ...

    def error_body(self, status: int, message: str, code: str | None = None) -> dict:
        """An error answer's body for `status` (`code`: a provider code the spec may map)."""
        ...

    def error_event(self, message: str) -> str:
        """An error event in the middle of a stream (the provider's server failing)."""
        ...

    def error_headers(self, status: int, code: str | None = None) -> dict[str, str]:
        """The headers of an error answer, where the protocol puts its error type there (AWS)."""
        ...

    def error_codes(self, body: dict) -> list[str]:
        """The codes an error body carries, in the order the runtime reads them (errors.py)."""
        ...

    def models(self, names: list[str]) -> dict:
        """The model list answer (the credential check's)."""
        ...

    def chat_path(self, provider: Provider, model: str, stream: bool) -> tuple[str, dict[str, str]]:
        """(path after the base URL, query) of a chat call."""
        ...

    def read(self, recorded: Recorded) -> Sent:
        """A chat request, read."""
        ...

    def seen(self, part: tuple) -> tuple:
        """A neutral message part as this protocol carries it (fields it has no room for: None)."""
        ...

    def comparable(self, provider: Provider, body: Any) -> Any:
        """A request body without what only one host can express (Dify's end user, image detail…)
        or spell its own way (tool-call JSON), to compare the hosts' requests."""
        ...

    def tidied(self, messages: list[tuple[str, list[tuple]]]) -> list[tuple[str, list[tuple]]]:
        """Neutral messages as the protocol itself must send them (turns of one role in a row
        joined, empty ones left out, where it requires that)."""
        ...

    def parameter_key(self, provider: Provider, name: str) -> str:
        """The dotted body key a declared parameter is sent under."""
        ...

    def replays_reasoning(self, provider: Provider) -> bool:
        """Whether reasoning text in the history is sent back to the provider."""
        ...

    def draws(self, body: Any) -> bool:
        """Whether a chat request asks the model for images (always False where the protocol has none)."""
        ...

    def schema(self, body: Any) -> Any:
        """The JSON schema a chat request asks the answer to match, where the protocol has a field for
        one (None: none asked)."""
        ...

    def embeddings(self, vectors: list[list[float]], tokens: int | None = None) -> dict:
        """A text-embedding answer (EMBEDDINGS only)."""
        ...

    def embedded(self, recorded: Recorded) -> tuple[str, list[str]]:
        """(model, texts) of a text-embedding request (EMBEDDINGS only)."""
        ...


@cache
def adapter(protocol: str) -> Adapter:
    return import_module(f"{__package__}.{protocol}")  # type: ignore[return-value]


def sent_id(api: Any, provider: Provider, model: str) -> str:
    """The model id a request names for the spec's `model` when the host sends no parameters: its
    api_id or name, or what the protocol's adapter derives (bedrock_converse: a family's default pick,
    under its default inference profile)."""
    settings = next((m.settings for m in provider.models if m.name == model), {})
    derive = getattr(api, "wire_id", None)
    return derive(provider, model, settings) if derive else str(settings.get("api_id") or model)


def adapter_for(provider: Provider) -> Adapter:
    """The adapter of a spec's protocol; Vertex AI's Gemini (embeddings over :predict) has its own, and a
    spec with its own embeddings keys (api.embeddings) has its protocol's with those keys."""
    name = provider.api.protocol
    if name == "gemini" and str(provider.api.endpoints.get("embeddings") or "").endswith(":predict"):
        name = "vertex_gemini"
    if provider.api.embeddings_module == "embeddings" and provider.api.embedding != OPENAI_EMBEDDING:
        return KeyedEmbeddings(adapter(name), provider.api.embedding)  # type: ignore[return-value]
    return adapter(name)


class KeyedEmbeddings:
    """A protocol's adapter whose text-embedding answers and requests have the spec's keys
    (api.embeddings: config.EMBEDDING); everything else is the protocol's."""

    def __init__(self, base: Adapter, shape: dict[str, Any]) -> None:
        self.base, self.shape = base, shape
        self.EMBEDDING_USAGE = bool(shape["tokens"]) and bool(shape["results"])  # a bare list carries none

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    def embeddings(self, vectors: list[list[float]], tokens: int | None = None) -> Any:
        return embedding_answer(self.shape, vectors, tokens)

    def embedded(self, recorded: Recorded) -> tuple[str, list[str]]:
        return recorded.body["model"], recorded.body[self.shape["input"]]


def embedding_answer(shape: dict[str, Any], vectors: list[Any], tokens: int | None = None) -> Any:
    """An embeddings answer in a spec's shape (api.embeddings): rows (last first where they carry their
    index, which the plugins must put back in order) or bare vectors under its path, the tokens at its
    first tokens path."""
    rows: list[Any] = [
        {shape["vector"]: v} | ({shape["index"]: n} if shape["index"] else {}) if shape["vector"] else v
        for n, v in enumerate(vectors)
    ]
    if shape.get("nested"):  # each text a document of one chunk: its row holds that chunk's row
        rows = [{shape["nested"]: [row | {shape["index"]: 0} if shape["index"] else row]} for row in rows]
        rows = [row | ({shape["index"]: n} if shape["index"] else {}) for n, row in enumerate(rows)]
    answer: Any = rows[::-1] if shape["index"] else rows
    for key in reversed(shape["results"]):
        answer = {key: answer}
    if tokens is not None and shape["tokens"] and isinstance(answer, dict):
        *parents, last = shape["tokens"][0]
        where = answer
        for key in parents:
            where = where.setdefault(key, {})
        where[last] = tokens
    return answer


# What the plugins fill a path's `{variable}`s with when the conformance key (hosts.py) is a Google
# service account's: its project, and the location fields' defaults (the mock's host names none).
PATH_VALUES = {"vertex_project_id": "conformance-project"}


def filled_path(provider: Provider, template: str, model: str) -> str:
    """An endpoint path as the plugins send it: `{model}` encoded whole, each other `{a|b}` the first
    of its names the suite or the spec's defaults give a value."""
    values = PATH_VALUES | provider.api.url_defaults

    def value(match: re.Match[str]) -> str:
        names = match.group(1).split("|")
        return quote(model, safe="@") if names == ["model"] else next(values[n] for n in names if n in values)

    return re.sub(r"\{([^{}]*)\}", value, template)


def own_call(provider: Provider, model: Any, kind: str) -> str:
    """The path the mock sees for `model`'s call of `kind` (embeddings, rerank, ...): the model's own
    endpoint where it has one (a whole URL's path under the override less the base URL's path, as
    runtime/http.py: address), else the kind's."""
    endpoint = str(model.settings.get("endpoint") or provider.endpoints[kind]) if model else provider.endpoints[kind]
    if "://" in endpoint:
        endpoint, prefix = urlsplit(endpoint).path, base_path(provider)
        endpoint = endpoint[len(prefix) :] if prefix and endpoint.startswith(prefix + "/") else endpoint
    return base_path(provider) + endpoint


def embedding_of(provider: Provider, model: Any) -> dict[str, Any]:
    """The embeddings call's keys of `model`: its own, else the spec's."""
    return (model.settings.get("embedding") if model else None) or provider.api.embedding


def base_path(provider: Provider) -> str:
    """The path of the spec's base URL, which the mock's base URL keeps (/v1, /api/paas/v4, …)."""
    return urlsplit(provider.api.base_url).path.rstrip("/")


def dig(body: Any, key: str) -> Any:
    """The value at a dotted body key, or None."""
    for part in key.split("."):
        if not isinstance(body, dict) or part not in body:
            return None
        body = body[part]
    return body


def arguments(args: dict[str, Any] | None) -> str:
    return json.dumps(args) if args is not None else ""


def sse(*payloads: Any, event: str | None = None) -> list[str]:
    """`data:` events of JSON payloads (strings are sent verbatim)."""
    head = f"event: {event}\n" if event else ""
    return [p if isinstance(p, str) else f"{head}data: {json.dumps(p)}\n\n" for p in payloads]


def split(value: str, pieces: int) -> list[str]:
    """`value` in at most `pieces` parts (at least one)."""
    size = max(1, -(-len(value) // pieces))
    return [value[i : i + size] for i in range(0, len(value), size)] or [""]


def turns_of(role: str, parts: list[tuple]) -> list[tuple[str, list[tuple]]]:
    """The messages of one turn of a protocol that puts results in a user turn: the results as a tool
    message, then the rest (if any) in the turn's role."""
    results = [part for part in parts if part[0] == "result"]
    rest = [part for part in parts if part[0] != "result"]
    return ([("tool", results)] if results else []) + ([(role, rest)] if rest or not results else [])


def joined_turns(messages: list[tuple[str, list[tuple]]]) -> list[tuple[str, list[tuple]]]:
    """Empty texts and messages without parts left out, and those of one role in a row made one (their
    parts kept)."""
    out: list[tuple[str, list[tuple]]] = []
    for role, parts in messages:
        parts = [part for part in parts if part != ("text", "")]
        if not parts:
            continue
        if out and out[-1][0] == role:
            out[-1] = (role, out[-1][1] + parts)
        else:
            out.append((role, list(parts)))
    return out


def without(body: Any, key: str) -> Any:
    """A copy of `body` without the dotted `key` (and objects it leaves empty)."""
    body = json.loads(json.dumps(body))
    *parents, last = key.split(".")
    trail = [body]
    for part in parents:
        if not isinstance(trail[-1], dict) or part not in trail[-1]:
            return body
        trail.append(trail[-1][part])
    if isinstance(trail[-1], dict):
        trail[-1].pop(last, None)
    for holder, part in zip(reversed(trail[:-1]), reversed(parents)):
        if holder[part] == {}:
            del holder[part]
    return body


# Shared answers to Adapter's questions, for the adapters whose answer is the common one.


def results_by_id(part: tuple) -> tuple:
    """Adapter.seen of a protocol that pairs a result with its call by id, and names no function."""
    return ("result", part[1], None, part[3]) if part[0] == "result" else part


def without_user(provider: Provider, body: Any) -> Any:
    """Adapter.comparable of a protocol where only the end user differs (Dify's alone)."""
    return without(body, provider.api.user[0])


def no_error_headers(status: int, code: str | None = None) -> dict[str, str]:
    """Adapter.error_headers of a protocol whose error bodies say it all."""
    return {}


def declared_key(provider: Provider, name: str) -> str:
    """Adapter.parameter_key of a protocol that sends a parameter under its spec's send_as."""
    return str(provider.parameters.get(name, {}).get("key", name))
