"""OpenAI chat completions, the wire protocol most providers speak: requests from the neutral form
(messages.py), blocking and streamed answers folded into Completions, error bodies read.

Every OpenAI-specific key, path and stream marker lives here (runtime/protocols.py: the seam)."""

from __future__ import annotations

from typing import Any

from .. import apis, config, errors, estimate, http, images, sse, text
from .. import messages as conversation
from ..errors import ProviderError, describe
from ..messages import arguments_text, finished_call, label, text_of
from ..parameters import bare_schema, encode_parameters, host_output, streamed
from ..types import Completion, Event, Request, Usage

OWNED_BODY_KEYS = frozenset(("max_tokens", "messages", "model", "response_format", "stream", "temperature", "tools"))
PARAMETER_KEYS = {"max_tokens": ("max_tokens", "max_completion_tokens")}
EXTRA_KEYS: dict[str, str] = {}  # a host's free-form body keys go where they say
error_fields = errors.error_fields

NAME = __name__.rsplit(".", 1)[-1]  # this protocol, as config and apis name it
# How its streams are framed: server-sent events.
Framer = sse.Framer
STREAM_MEDIA_TYPE = sse.MEDIA_TYPE


def chat_request(
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
    """POST /chat/completions (a completion-mode model: /completions with the conversation as one
    prompt): only declared parameters, encoded as the spec says. A model the spec does not stream is
    asked for one answer (the hosts take a JSON answer to a stream request)."""
    settings = http.model_settings(model) if settings is None else settings
    stream = streamed(stream, parameters, settings)
    completion = settings.get("mode") == "completion"
    body: dict[str, Any] = {"model": http.wire_id(model, settings)}
    if completion:
        body["prompt"] = prompt_of(conversation.normalise(messages, settings))
    else:
        body["messages"] = conversation.normalise(messages, settings)
    body["stream"] = stream
    if stream and config.STREAM_USAGE:
        body["stream_options"] = {"include_usage": True}
    encoded = encode_parameters(parameters, settings, NAME)
    encoded.place(body)
    if encoded.tools:
        body["tools"] = list(encoded.tools)
    output = host_output(response_format) if response_format is not None else encoded.output  # the host's wins
    if output is not None:
        body["response_format"] = response_format_of(*output)
    if tools:
        body["tools"] = tools + encoded.tools  # the host's functions, then built-in tools
        body["tool_choice"] = tool_choice
    if stop and settings.get("send_stop", True):
        body["stop"] = list(stop)
    if "image" in settings.get("output_modalities", ()):
        body["modalities"] = list(settings["output_modalities"])  # OpenRouter's image output
    http.put_user(body, user)
    endpoints = apis.endpoints(NAME)
    path = (
        endpoints["completions"]
        if completion
        else (body.get("stream") and endpoints.get("stream")) or endpoints["chat"]
    )
    path = http.model_path(path, body["model"])  # Azure's /openai/deployments/{model}/…, Vertex's Mistral
    fixed = http.fixed_body(body, settings, True, NAME)
    return Request("POST", path, fixed, headers=encoded.headers, protocol=NAME)


def response_format_of(kind: str, schema: dict[str, Any] | None) -> dict[str, Any]:
    """An answer format as OpenAI's response_format: json_schema with its schema named."""
    if schema is None:
        return {"type": kind}
    named = schema if schema is not bare_schema(schema) else {"name": "response", "schema": schema}
    return {"type": "json_schema", "json_schema": named}


def prompt_of(messages: list[dict[str, Any]]) -> str:
    """A conversation as one completion prompt: its texts in order, a blank line between turns."""
    return "\n\n".join(text for text in (text_of(m.get("content")) for m in messages) if text)


def validation_request(model: str, call_model: bool = False, settings: dict[str, Any] | None = None) -> Request:
    """GET the model list, or (when the spec has none, or the model itself must answer) a one-token
    chat call (a completion-mode model's: a one-token completion)."""
    if apis.endpoints(NAME).get("models") and not call_model:
        return Request("GET", apis.endpoints(NAME)["models"], protocol=NAME)
    settings = http.model_settings(model) if settings is None else settings
    wire = http.wire_id(model, settings)
    if settings.get("mode") == "completion":
        return Request(
            "POST",
            http.model_path(apis.endpoints(NAME)["completions"], wire),
            {"model": wire, "prompt": "ping", "max_tokens": 1},
            protocol=NAME,
        )
    body = {"model": wire, "messages": [{"role": "user", "content": "ping"}], "max_tokens": 1}
    return Request("POST", http.model_path(apis.endpoints(NAME)["chat"], wire), body, protocol=NAME)


account_headers = conversation.openai_account_headers


# ---- answers ----------------------------------------------------------------------------


def parse_completion(payload: Any) -> Completion:
    """A blocking answer; tool-call-only messages have no content."""
    choices = payload.get("choices") if isinstance(payload, dict) else None
    if not choices:
        payload = errors.json_object(payload)  # an error body raises here
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise ProviderError("server_unavailable", f"response has no choices: {describe(payload)}")
    choice = choices[0]
    if choice.get("finish_reason") == "content_filter":
        raise errors.content_filtered(choice.get("content_filter_results"), "answer")
    message = choice.get("message") if isinstance(choice.get("message"), dict) else {}
    if not message and isinstance(choice.get("text"), str):  # completion mode
        message = {"content": choice["text"]}
    calls = []
    for raw in message.get("tool_calls") or []:
        function = raw.get("function") or {}
        calls.append(
            finished_call(raw.get("id"), function.get("name") or "", arguments_text(function.get("arguments")))
        )
    gallery = images.Gallery()
    for image in message.get("images") or ():
        gallery.add_uri(image_url(image))
    return Completion(
        content=text.valid(text_of(message.get("content"))),
        reasoning=text.valid(text_of(message.get("reasoning_content") or message.get("reasoning"))),
        tool_calls=calls,
        images=gallery.images,
        usage=usage_of(payload.get("usage") or choice.get("usage")),
        finish_reason=label(choice.get("finish_reason")),
        response_id=label(payload.get("id")),
    )


def image_url(image: Any) -> Any:
    """The data URI of an answer's image, {"type": "image_url", "image_url": {"url": …}} (OpenRouter)."""
    inner = image.get("image_url") if isinstance(image, dict) else None
    return inner.get("url") if isinstance(inner, dict) else None


class StreamAssembler:
    """Folds `data:` chunks into deltas and one answer; tool-call fragments merge by index.

    Runs once per streamed token. With keep_text=False the text is only counted (for the token
    estimate), not kept: a host that forwards every delta then streams in constant memory, and the
    finished Completion's content and reasoning hold only what `feed` has not returned yet."""

    def __init__(self, keep_text: bool = True) -> None:
        self.calls: dict[int, PartialCall] = {}
        self.usage: Usage | None = None
        self.finish_reason: str | None = None
        self.response_id: str | None = None
        self.done = False
        self.answered = False
        self.content_parts: list[str] = []
        self.reasoning_parts: list[str] = []
        self.counted = None if keep_text else estimate.TextTally()
        self.gallery = images.Gallery()
        # (reasoning, content) joiners, from the first surrogate escape on (text.py)
        self.joiners: tuple[text.Joiner, text.Joiner] | None = None

    def feed(self, event: Event) -> tuple[str, str]:
        """(reasoning delta, content delta) of one event."""
        name, data = event
        if data[:1] != "{" and data.strip() == "[DONE]":
            self.done = True
            return "", ""
        try:
            payload = http.loads(data)
        except ValueError:
            return self.feed_lines(name, data)
        if name == "error" or (type(payload) is dict and payload.get("error") and not payload.get("choices")):
            raise errors.from_payload(payload)
        reasoning, content = self.fold(payload)
        # Most events have no escape at all: one substring search, not a regex, per token.
        if self.joiners is not None or ("\\u" in data and text.escapes_surrogates(data)):
            reasoning, content = self.join(reasoning, content)
        if reasoning or content:
            self.keep(reasoning, content)
        return reasoning, content

    def feed_lines(self, name: str, data: str) -> tuple[str, str]:
        """Data that is not one JSON value: chunks a gateway sent as one event, one per line."""
        if "\n" not in data:
            raise ProviderError("server_unavailable", f"malformed stream data: {describe(data)}")
        reasoning = content = ""
        for line in data.split("\n"):
            more_reasoning, more_content = self.feed((name, line))
            reasoning, content = reasoning + more_reasoning, content + more_content
        return reasoning, content

    def fold(self, payload: Any) -> tuple[str, str]:
        if type(payload) is not dict:
            raise ProviderError("server_unavailable", f"unexpected stream payload: {describe(payload)}")
        if self.response_id is None:
            self.response_id = label(payload.get("id"))
        usage = payload.get("usage")
        if usage:
            self.usage = usage_of(usage) or self.usage
        reasoning = content = ""
        choices = payload.get("choices")
        if choices:
            self.answered = True
            for choice in choices:
                # `message`: a gateway that sent a whole completion as one event
                delta = choice.get("delta") or choice.get("message")
                if delta is None and type(choice.get("text")) is str:  # completion mode
                    content += choice["text"]
                elif delta:
                    piece = delta.get("content")
                    if piece:
                        content += piece if type(piece) is str else text_of(piece)
                    if piece is None or len(delta) > 1:  # more than a plain token: reasoning, tool calls
                        reasoning += self.fold_delta(delta)
                if choice.get("usage"):
                    self.usage = usage_of(choice["usage"]) or self.usage
                if choice.get("finish_reason"):
                    if choice["finish_reason"] == "content_filter":  # mid-stream: what came is not the answer
                        raise errors.content_filtered(choice.get("content_filter_results"), "answer")
                    self.finish_reason = label(choice["finish_reason"])
        return reasoning, content

    def join(self, reasoning: str, content: str) -> tuple[str, str]:
        """Both deltas with surrogate pairs split across events joined (text.py)."""
        if self.joiners is None:
            self.joiners = (text.Joiner(), text.Joiner())
        return self.joiners[0].push(reasoning), self.joiners[1].push(content)

    def keep(self, reasoning: str, content: str) -> None:
        if self.counted is not None:
            if reasoning:
                self.counted.add(reasoning)
            if content:
                self.counted.add(content)
        else:
            if reasoning:
                self.reasoning_parts.append(reasoning)
            if content:
                self.content_parts.append(content)

    def fold_delta(self, delta: dict[str, Any]) -> str:
        """The reasoning of a delta, and its tool-call fragments merged."""
        for call in delta.get("tool_calls") or ():
            self.merge(call)
        for image in delta.get("images") or ():
            self.gallery.add_uri(image_url(image))
        piece = delta.get("reasoning_content") or delta.get("reasoning")
        if not piece:
            return ""
        return piece if type(piece) is str else text_of(piece)

    def merge(self, fragment: dict[str, Any]) -> None:
        """One tool-call fragment into its call: by index, else by id, else a new call when it
        brings an id (or is the first), else the latest call."""
        index = fragment.get("index")
        call_id = fragment.get("id")
        if not isinstance(index, int):
            known = [i for i, call in self.calls.items() if call_id and call.id == call_id]
            if known:
                index = known[0]
            elif call_id or not self.calls:
                index = len(self.calls)
            else:
                index = max(self.calls)
        call = self.calls.get(index)
        if call is None:
            call = self.calls[index] = PartialCall()
        function = fragment.get("function") or {}
        if call_id and not call.id:
            call.id = call_id
        if function.get("name") and not call.name:
            call.name = function["name"]
        if function.get("arguments"):
            call.arguments.append(arguments_text(function["arguments"]))

    def finish(self) -> Completion:
        """The assembled answer. A stream cut before [DONE] and before any finish reason is a
        connection error; one that ended without a single choice is the server's."""
        if not self.done and self.finish_reason is None:
            raise ProviderError("connection", "the stream ended before the response was complete")
        if not self.answered:
            raise ProviderError("server_unavailable", "the stream ended without an answer (no choices in any event)")
        if self.joiners is not None:
            tail = self.joiners[0].flush(), self.joiners[1].flush()
            if self.counted is not None:
                self.reasoning_parts, self.content_parts = [tail[0]], [tail[1]]
            else:
                self.keep(*tail)
        calls = [finished_call(c.id, c.name, "".join(c.arguments)) for _, c in sorted(self.calls.items())]
        return Completion(
            content="".join(self.content_parts),
            reasoning="".join(self.reasoning_parts),
            tool_calls=calls,
            images=self.gallery.images,
            usage=self.usage,
            finish_reason=self.finish_reason or ("tool_calls" if calls else "stop"),
            response_id=self.response_id,
            counted=self.counted,
        )


class PartialCall:
    """A streamed tool call being assembled from its fragments."""

    __slots__ = ("id", "name", "arguments")

    def __init__(self) -> None:
        self.id: str | None = None
        self.name = ""
        self.arguments: list[str] = []


def usage_of(raw: Any) -> Usage | None:
    if not isinstance(raw, dict):
        return None
    prompt = raw.get("prompt_tokens", raw.get("input_tokens"))
    completion = raw.get("completion_tokens", raw.get("output_tokens"))
    if not isinstance(prompt, int) or not isinstance(completion, int):
        return None
    details = raw.get("prompt_tokens_details") if isinstance(raw.get("prompt_tokens_details"), dict) else {}
    cached = details.get("cached_tokens", raw.get("prompt_cache_hit_tokens", raw.get("cached_tokens")))
    return Usage(prompt, completion, cached if isinstance(cached, int) else None)
