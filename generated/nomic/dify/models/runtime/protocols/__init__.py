"""The seam between the hosts and the wire protocols (one module per protocol in this folder).

The hosts (the Dify chat model, the MaiBot provider) build requests in the neutral form
(messages.py) and call the module of the protocol a model speaks (config.PROTOCOL, or its own:
apis.py) through the interface below, and nothing else: no body key, path, header or stream marker
of any protocol appears in host code. A new
protocol is one module beside openai_chat offering the same names (tests/runtime checks each); a
protocol never imports another protocol: what two share lives in the core (messages, parameters, http)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module
from typing import Any, Protocol

from .. import apis, config
from ..types import Completion, Event, Request


class Assembler(Protocol):
    """Folds a stream's events into one answer."""

    def feed(self, event: Event) -> tuple[str, str]:
        """(reasoning delta, content delta) of one event; error events raise ProviderError."""
        ...

    def finish(self) -> Completion:
        """The assembled answer; a stream that ended before its end raises a connection error."""
        ...


class ChatProtocol(Protocol):
    """What a protocol module offers (a module satisfies it through its top-level names)."""

    # Body keys the request builder sets itself: a host's free-form extra body never replaces them.
    OWNED_BODY_KEYS: frozenset[str]
    # Parameter -> the body keys that carry it: a host's extra body setting any of them replaces it.
    PARAMETER_KEYS: dict[str, tuple[str, ...]]
    # A host's free-form body key -> the dotted key this API takes it under (Gemini: seed under
    # generationConfig); any other goes into the body as it is.
    EXTRA_KEYS: dict[str, str]
    # Framer() -> a framer of its streams (sse.Framer, eventstream.Framer): feed(bytes) and close()
    # return the events completed; STREAM_MEDIA_TYPE is the media type such a stream comes as.
    Framer: Callable[[], Any]
    STREAM_MEDIA_TYPE: str
    # StreamAssembler(keep_text=True) -> an Assembler; keep_text=False counts the text for the token
    # estimate instead of keeping it, for a host that forwards every delta (constant memory).
    StreamAssembler: Callable[..., Assembler]

    def chat_request(
        self,
        model: str,
        messages: list[dict[str, Any]],
        parameters: dict[str, Any],
        tools: list[dict[str, Any]] | None = None,
        stop: list[str] | None = None,
        stream: bool = False,
        user: str | None = None,
        tool_choice: str = "auto",
        response_format: tuple[str, Any] | None = None,
        settings: dict[str, Any] | None = None,
    ) -> Request:
        """A chat call from neutral messages and tools; `parameters` are the spec's declared
        parameters by name (config.PARAMETERS says how each is sent); `response_format` is
        ("json_object", None) or ("json_schema", schema) when the host asks for one itself;
        `settings` replace the model's config.MODEL_SETTINGS (a user-added model's mode)."""
        ...

    def parse_completion(self, payload: Any) -> Completion:
        """A blocking answer's JSON body."""
        ...

    def error_fields(self, payload: Any) -> tuple[list[str], str]:
        """(codes, message) of an error body, for the spec's error map (errors.py)."""
        ...

    def validation_request(
        self, model: str, call_model: bool = False, settings: dict[str, Any] | None = None
    ) -> Request:
        """The cheapest call that proves credentials work; with `call_model`, one that the model
        itself answers (a user-added model's id and endpoint are checked too); `settings` as for
        chat_request."""
        ...

    def account_headers(self, organization: str, project: str) -> dict[str, str]:
        """Headers for an account's organization and project, when the host is given them."""
        ...


@cache
def chat(name: str = "") -> ChatProtocol:
    """The module of protocol `name` (empty: the spec's, config.PROTOCOL)."""
    return import_module(f"{__package__}.{name or config.PROTOCOL}")  # type: ignore[return-value]


def spoken(settings: dict[str, Any], credentials: dict[str, Any]) -> ChatProtocol:
    """The module of the protocol a chat model (its settings) speaks with these credentials."""
    return chat(apis.spoken(settings, credentials))
