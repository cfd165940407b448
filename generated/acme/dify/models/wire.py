# Generated from specs/acme.yaml by the provider compiler. Do not edit by hand.
"""The acme wire protocol: request bodies, SSE decoding, stream assembly and error
classification. Shared by the Dify and MaiBot plugins; it does no I/O."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

PROVIDER = "acme"
BASE_URL = "https://api.acme.example/v1"
CHAT_PATH = "/chat/completions"
MODELS_PATH = "/models"
EMBEDDINGS_PATH = "/embeddings"
TRANSCRIPTIONS_PATH = "/audio/transcriptions"
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 120.0
API_KEY_VARIABLE = "api_key"
BASE_URL_VARIABLE = "base_url"
STATIC_HEADERS = {"X-Acme-Client": "provider-compiler"}
# Credential fields forwarded as request headers / query parameters when filled in.
CREDENTIAL_HEADERS = {"organization": "X-Acme-Organization"}
CREDENTIAL_QUERY = {"region": "region"}
# HTTP status and provider error code/type -> error kind (the spec's map over the defaults).
STATUS_KINDS = {
    400: "bad_request",
    401: "authorization",
    402: "rate_limit",
    403: "authorization",
    404: "bad_request",
    408: "connection",
    409: "server_unavailable",
    413: "bad_request",
    422: "bad_request",
    429: "rate_limit",
    500: "server_unavailable",
    502: "server_unavailable",
    503: "server_unavailable",
    504: "server_unavailable",
}
CODE_KINDS = {
    "insufficient_quota": "rate_limit",
    "context_length_exceeded": "bad_request",
    "invalid_api_key": "authorization",
    "model_overloaded": "server_unavailable",
}
# Declared parameter -> (body key, encoding); anything else is never sent.
PARAMETERS = {
    "frequency_penalty": ("frequency_penalty", "plain"),
    "json_schema": ("json_schema", "json_schema"),
    "max_tokens": ("max_completion_tokens", "plain"),
    "presence_penalty": ("presence_penalty", "plain"),
    "reasoning_effort": ("reasoning.effort", "plain"),
    "response_format": ("response_format", "response_format"),
    "seed": ("seed", "plain"),
    "temperature": ("temperature", "plain"),
    "top_k": ("top_k", "plain"),
    "top_p": ("top_p", "plain"),
}
ERROR_KINDS = ("authorization", "rate_limit", "bad_request", "server_unavailable", "connection")
THINK_BLOCK = re.compile(r"<think>(.*?)(?:</think>|$)\s*", re.S)


class ProviderError(Exception):
    """A failed call, classified by the spec's error map; the message says it all."""

    def __init__(self, kind: str, message: str, status: int | None = None, code: str | None = None):
        super().__init__(kind, message, status, code)
        self.kind, self.message, self.status, self.code = kind, message, status, code

    def __str__(self) -> str:
        head = f"HTTP {self.status} " if self.status else ""
        code = f" [{self.code}]" if self.code else ""
        return f"{PROVIDER}: {head}{self.kind}{code}: {self.message}"


@dataclass
class ToolCall:
    id: str
    name: str
    arguments: str

    def as_openai(self) -> dict[str, Any]:
        return {"id": self.id, "type": "function", "function": {"name": self.name, "arguments": self.arguments}}


@dataclass
class Usage:
    prompt_tokens: int
    completion_tokens: int
    cached_tokens: int | None = None


@dataclass
class Completion:
    """One assembled answer, from a blocking response or a finished stream."""

    content: str = ""
    reasoning: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    usage: Usage | None = None
    finish_reason: str | None = None
    response_id: str | None = None
    counted: TextTally | None = None  # a stream's text, counted instead of kept (StreamAssembler)

    def estimated_output_tokens(self) -> int:
        """Offline estimate of the reasoning and content tokens, for providers that report no usage."""
        return self.counted.tokens if self.counted else estimate_tokens(self.reasoning + self.content)


def base_url(credentials: dict[str, Any]) -> str:
    override = str(credentials.get(BASE_URL_VARIABLE) or "").strip()
    return (override or BASE_URL).rstrip("/")


def request_headers(credentials: dict[str, Any]) -> dict[str, str]:
    """Static headers, the API key as the spec says, and credential-backed headers."""
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    headers.update(STATIC_HEADERS)
    headers["X-Acme-Key"] = "Key " + str(credentials.get(API_KEY_VARIABLE) or "")
    for variable, header in CREDENTIAL_HEADERS.items():
        if credentials.get(variable):
            headers[header] = str(credentials[variable])
    return headers


def request_query(credentials: dict[str, Any]) -> dict[str, str]:
    query = {}
    for variable, name in CREDENTIAL_QUERY.items():
        if credentials.get(variable):
            query[name] = str(credentials[variable])
    return query


def chat_body(
    model: str,
    messages: list[dict[str, Any]],
    parameters: dict[str, Any],
    tools: list[dict[str, Any]] | None = None,
    stop: list[str] | None = None,
    stream: bool = False,
    user: str | None = None,
    tool_choice: str = "auto",
) -> dict[str, Any]:
    """The chat-completions body: only declared parameters, encoded as the spec says."""
    body: dict[str, Any] = {"model": model, "messages": messages, "stream": stream}
    if stream:
        body["stream_options"] = {"include_usage": True}
    encode_parameters(body, parameters)
    if tools:
        body["tools"] = tools
        body["tool_choice"] = tool_choice
    if stop:
        body["stop"] = list(stop)
    if user:
        body["user"] = user
    return body


def encode_parameters(body: dict[str, Any], parameters: dict[str, Any]) -> None:
    response_format, schema = None, None
    for name, value in parameters.items():
        if name not in PARAMETERS or value is None:
            continue
        key, encoding = PARAMETERS[name]
        if encoding == "response_format":
            response_format = value
        elif encoding == "json_schema":
            schema = json_schema(value)
        else:
            put(body, key, value)
    if schema is not None and response_format in (None, "json_schema"):
        body["response_format"] = {"type": "json_schema", "json_schema": schema}
    elif response_format not in (None, "JSON", "XML"):
        # JSON and XML are Dify's code-block modes, done in the prompt, never sent.
        body["response_format"] = {"type": response_format}


def put(body: dict[str, Any], key: str, value: Any) -> None:
    """Set `a.b.c` in a nested body."""
    *parents, last = key.split(".")
    for part in parents:
        body = body.setdefault(part, {})
    body[last] = value


def json_schema(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise ProviderError("bad_request", f"json_schema is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise ProviderError("bad_request", "json_schema must be a JSON object")
    if isinstance(value.get("schema"), dict):
        return value
    return {"name": "response", "schema": value}


def tool_definition(name: str, description: str, parameters: dict[str, Any]) -> dict[str, Any]:
    return {"type": "function", "function": {"name": name, "description": description, "parameters": parameters}}


def split_think(text: str) -> tuple[str, str]:
    """(answer without <think> blocks, the reasoning they held)."""
    if "<think>" not in text:
        return text, ""
    reasoning = "\n".join(m.strip() for m in THINK_BLOCK.findall(text))
    return THINK_BLOCK.sub("", text).strip(), reasoning


def assistant_message(text: str, tool_calls: list[dict[str, Any]], reasoning: str = "") -> dict[str, Any]:
    """An assistant turn for the history; earlier reasoning is sent back as reasoning_content."""
    answer, inline = split_think(text)
    message: dict[str, Any] = {"role": "assistant", "content": answer or (None if tool_calls else "")}
    if tool_calls:
        message["tool_calls"] = tool_calls
    if reasoning or inline:
        message["reasoning_content"] = reasoning or inline
    return message


def validation_request(model: str) -> tuple[str, str, dict[str, Any] | None]:
    """(method, path, body) of the cheapest call that proves the credentials work."""
    return "GET", MODELS_PATH, None


def embeddings_body(model: str, texts: list[str], user: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"model": model, "input": texts, "encoding_format": "float"}
    if user:
        body["user"] = user
    return body


def parse_embeddings(payload: Any, expected: int) -> tuple[list[list[float]], int | None]:
    """Vectors in input order and the prompt tokens the provider reported."""
    payload = json_object(payload)
    data = payload.get("data")
    if not isinstance(data, list) or len(data) != expected:
        raise ProviderError("server_unavailable", f"expected {expected} embeddings, got {describe(data)}")
    try:
        rows = sorted(data, key=lambda row: row.get("index", 0))
        vectors = [[float(x) for x in row["embedding"]] for row in rows]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ProviderError("server_unavailable", f"malformed embeddings: {exc!r}") from None
    usage = payload.get("usage") if isinstance(payload.get("usage"), dict) else {}
    tokens = usage.get("prompt_tokens", usage.get("total_tokens"))
    return vectors, int(tokens) if isinstance(tokens, (int, float)) else None


# ---- errors -----------------------------------------------------------------------------


def kind_of(status: int | None, codes: list[str]) -> str:
    for code in codes:
        if code in CODE_KINDS:
            return CODE_KINDS[code]
    if status in STATUS_KINDS:
        return STATUS_KINDS[status]
    if status is not None and 400 <= status < 500:
        return "bad_request"
    return "server_unavailable"


def error_from_payload(payload: Any, status: int | None = None) -> ProviderError:
    """Classify an error body (or a mid-stream error event)."""
    error = payload.get("error", payload) if isinstance(payload, dict) else payload
    if isinstance(error, dict):
        codes = [str(error[k]) for k in ("code", "type") if error.get(k) not in (None, "")]
        message = error.get("message") or error.get("msg") or error.get("detail") or json.dumps(error)
    else:
        codes, message = [], str(error)
    kind = kind_of(status, codes)
    code = next((c for c in codes if c in CODE_KINDS), codes[0] if codes else None)
    return ProviderError(kind, str(message), status, code)


def error_from_response(status: int, body: bytes) -> ProviderError:
    """Classify a non-2xx response; a body that is not JSON is quoted, shortened."""
    try:
        payload = json.loads(body)
    except ValueError:
        payload = None
    if isinstance(payload, dict):
        return error_from_payload(payload, status)
    text = " ".join(body.decode("utf-8", "replace").split())[:300] or "empty response body"
    return ProviderError(kind_of(status, []), text, status)


def connection_error(url: str, exc: Exception, timed_out: bool) -> ProviderError:
    """A failure to get an answer at all (the transport says whether it was a timeout)."""
    if timed_out:
        return ProviderError("connection", f"no response from {url} in time ({type(exc).__name__})")
    return ProviderError("connection", f"could not talk to {url}: {exc or type(exc).__name__}")


def describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
    return text if len(text) <= 200 else text[:200] + "…"


def json_object(payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise ProviderError("server_unavailable", f"expected a JSON object, got {describe(payload)}")
    if "error" in payload and not payload.get("choices") and payload.get("error"):
        raise error_from_payload(payload)
    return payload


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        raise ProviderError(
            "server_unavailable", f"response is not JSON: {describe(body.decode('utf-8', 'replace'))}"
        ) from None


# ---- responses --------------------------------------------------------------------------


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


def finished_call(call_id: str | None, name: str, arguments: str) -> ToolCall:
    """A complete tool call: an id, and arguments that are valid JSON ("{}" when empty)."""
    arguments = arguments.strip() or "{}"
    try:
        json.loads(arguments)
    except ValueError:
        raise ProviderError(
            "server_unavailable", f"the provider sent malformed arguments for tool {name!r}: {describe(arguments)}"
        ) from None
    return ToolCall(call_id or f"call_{uuid.uuid4().hex[:24]}", name, arguments)


def arguments_text(arguments: Any) -> str:
    """Tool arguments as JSON text (a few providers send an object instead of a string)."""
    if isinstance(arguments, (dict, list)):
        return json.dumps(arguments, ensure_ascii=False)
    return arguments if isinstance(arguments, str) else ""


def text_of(content: Any) -> str:
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


def parse_completion(payload: Any) -> Completion:
    """A blocking chat-completions response; tool-call-only messages have no content."""
    payload = json_object(payload)
    choices = payload.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise ProviderError("server_unavailable", f"response has no choices: {describe(payload)}")
    choice = choices[0]
    message = choice.get("message") if isinstance(choice.get("message"), dict) else {}
    calls = []
    for raw in message.get("tool_calls") or []:
        function = raw.get("function") or {}
        calls.append(
            finished_call(raw.get("id"), function.get("name") or "", arguments_text(function.get("arguments")))
        )
    return Completion(
        content=text_of(message.get("content")),
        reasoning=text_of(message.get("reasoning_content") or message.get("reasoning")),
        tool_calls=calls,
        usage=usage_of(payload.get("usage") or choice.get("usage")),
        finish_reason=choice.get("finish_reason"),
        response_id=payload.get("id"),
    )


class SSEDecoder:
    """Bytes in, complete `data:` payloads out; comments and keep-alives are skipped.

    Runs once per streamed token, so the common event (one `data:` line holding a whole JSON
    object, then a blank line) takes the shortest path."""

    def __init__(self) -> None:
        self.buffer = b""
        self.event = ""
        self.data: list[bytes] = []
        self.done = False

    def feed(self, chunk: bytes) -> list[Any]:
        lines = (self.buffer + chunk if self.buffer else chunk).split(b"\n")
        self.buffer = lines.pop()
        out = []
        for line in lines:
            if line[-1:] == b"\r":
                line = line[:-1]
            if not line:
                if self.data:
                    payload = self.dispatch(final=True)
                    if payload is not None:
                        out.append(payload)
                continue
            payload = self.line(line)
            if payload is not None:
                out.append(payload)
        return out

    def close(self) -> list[Any]:
        """Flush what a stream without a final blank line left behind: end its last line and event."""
        return self.feed(b"\n\n")

    def line(self, line: bytes) -> Any:
        """One non-blank line (feed ends events on blank lines itself)."""
        if line.startswith(b"data:"):
            self.data.append(line[6:] if line[5:6] == b" " else line[5:])
            if line[-1:] in (b"}", b"]"):
                return self.dispatch(final=False)
            return None
        if line.startswith(b"event:"):
            self.event = line[6:].strip().decode("utf-8", "replace")
        elif line.startswith(b"{"):
            # Some gateways answer a stream request with bare JSON (often an error).
            self.data.append(line)
            return self.dispatch(final=True)
        elif not line.startswith(b":") and b":" not in line:
            raise ProviderError(
                "server_unavailable", f"malformed stream line: {describe(line.decode('utf-8', 'replace'))}"
            )
        return None

    def dispatch(self, final: bool) -> Any:
        raw = self.data[0] if len(self.data) == 1 else b"\n".join(self.data)
        if raw[-1:] == b"]" and raw.strip() == b"[DONE]":
            self.data, self.event, self.done = [], "", True
            return None
        try:
            # SSE is UTF-8 by definition; decoding first skips json's encoding detection.
            payload = json.loads(raw.decode("utf-8"))
        except ValueError:
            if final:
                raise ProviderError(
                    "server_unavailable", f"malformed stream data: {describe(raw.decode('utf-8', 'replace'))}"
                ) from None
            return None  # a JSON object split over several data lines: wait for the rest
        event, self.data, self.event = self.event, [], ""
        if event == "error" or (type(payload) is dict and payload.get("error") and not payload.get("choices")):
            raise error_from_payload(payload)
        return payload


class StreamAssembler:
    """Folds stream payloads into deltas; tool-call fragments are merged by index.

    With keep_text=False the text is only counted (for the token estimate), not kept: a caller
    that forwards every delta (Dify) then streams in constant memory however long the answer."""

    def __init__(self, keep_text: bool = True) -> None:
        self.calls: dict[int, list[Any]] = {}
        self.usage: Usage | None = None
        self.finish_reason: str | None = None
        self.response_id: str | None = None
        self.content_parts: list[str] = []
        self.reasoning_parts: list[str] = []
        self.counted = None if keep_text else TextTally()

    def feed(self, payload: Any) -> tuple[str, str]:
        """(reasoning delta, content delta) of one payload; called once per streamed token."""
        if type(payload) is not dict:
            raise ProviderError("server_unavailable", f"unexpected stream payload: {describe(payload)}")
        if self.response_id is None:
            self.response_id = payload.get("id")
        usage = payload.get("usage")
        if usage:
            self.usage = usage_of(usage) or self.usage
        reasoning = content = ""
        for choice in payload.get("choices") or ():
            delta = choice.get("delta")
            if delta:
                piece = delta.get("content")
                if piece:
                    content += piece if type(piece) is str else text_of(piece)
                piece = delta.get("reasoning_content") or delta.get("reasoning")
                if piece:
                    reasoning += piece if type(piece) is str else text_of(piece)
                for call in delta.get("tool_calls") or ():
                    self.merge(call)
            if choice.get("usage"):
                self.usage = usage_of(choice["usage"]) or self.usage
            if choice.get("finish_reason"):
                self.finish_reason = choice["finish_reason"]
        if self.counted is not None:
            self.counted.add(reasoning)
            self.counted.add(content)
        else:
            if reasoning:
                self.reasoning_parts.append(reasoning)
            if content:
                self.content_parts.append(content)
        return reasoning, content

    def merge(self, call: dict[str, Any]) -> None:
        index = call.get("index")
        if not isinstance(index, int):
            known = [i for i, c in self.calls.items() if call.get("id") and c[0] == call.get("id")]
            index = known[0] if known else (len(self.calls) if call.get("id") or not self.calls else max(self.calls))
        slot = self.calls.setdefault(index, [None, "", []])
        function = call.get("function") or {}
        if call.get("id") and not slot[0]:
            slot[0] = call["id"]
        if function.get("name") and not slot[1]:
            slot[1] = function["name"]
        if function.get("arguments"):
            slot[2].append(function["arguments"])

    def finish(self, complete: bool) -> Completion:
        """The assembled answer; a stream cut before its end is a connection error."""
        if not complete and self.finish_reason is None:
            raise ProviderError("connection", "the stream ended before the response was complete")
        calls = [finished_call(c[0], c[1], "".join(c[2])) for _, c in sorted(self.calls.items())]
        return Completion(
            content="".join(self.content_parts),
            reasoning="".join(self.reasoning_parts),
            tool_calls=calls,
            usage=self.usage,
            finish_reason=self.finish_reason or ("tool_calls" if calls else "stop"),
            response_id=self.response_id,
            counted=self.counted,
        )


class TextTally:
    """What the offline token estimate needs to know about a text, counted piece by piece."""

    __slots__ = ("ascii", "other")

    def __init__(self) -> None:
        self.ascii = self.other = 0

    def add(self, text: str) -> None:
        if text.isascii():
            self.ascii += len(text)
        else:
            ascii_chars = len(text.encode("ascii", "ignore"))
            self.ascii += ascii_chars
            self.other += len(text) - ascii_chars

    @property
    def tokens(self) -> int:
        """~4 ASCII characters or 1 other character per token (never downloads a tokenizer)."""
        return (self.ascii + 3) // 4 + self.other


def estimate_tokens(text: str) -> int:
    tally = TextTally()
    tally.add(text)
    return tally.tokens


def estimate_messages(messages: list[dict[str, Any]], tools: list[dict[str, Any]] | None = None) -> int:
    text = json.dumps(messages, ensure_ascii=False) + (json.dumps(tools, ensure_ascii=False) if tools else "")
    return estimate_tokens(text) + 3 * len(messages)
