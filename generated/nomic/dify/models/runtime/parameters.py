"""The spec's declared parameters as the parts of a request, as each one's record says
(config.PARAMETERS, with the model's overrides in its settings): body fields (dotted keys nest), value
maps, built-in tools, JSON text, headers and fixed fields while a parameter is on, protocol settings a
parameter steers (and `stream`, which every protocol reads), the answer's format, and the model's never_send and omissions. Protocol-neutral:
each protocol module places the parts its own way."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from . import apis, config
from .errors import ProviderError


@dataclass
class Encoded:
    """What the parameters of one request ask for, for the protocol to place."""

    fixed: dict[str, Any] = field(default_factory=dict)  # fixed fields of the parameters that are on
    values: list[tuple[str, Any]] = field(default_factory=list)  # (body key, value), shallower keys first
    headers: dict[str, str] = field(default_factory=dict)
    controls: dict[str, Any] = field(default_factory=dict)  # protocol settings the parameters steer
    tools: list[dict[str, Any]] = field(default_factory=list)  # built-in tools the parameters add
    output: tuple[str, Any] | None = None  # the answer's format (output_of)
    protocol: str = ""  # the protocol the request speaks (empty: the spec's)

    def key(self, rule: dict[str, Any]) -> str:
        """The body key a parameter's value takes in this request's protocol."""
        keys = rule.get("keys")
        return (keys and keys.get(self.protocol)) or rule.get("key", "")

    def place(self, body: dict[str, Any]) -> None:
        """The fixed fields under what `body` holds, then the values over it: a value's
        `thinking.budget_tokens` wins over `thinking: {budget_tokens: ...}`, whatever order the host
        sent them in."""
        if self.fixed:
            body.update(merged(self.fixed, body))
        for key, value in self.values:
            put(body, key, value)


def encode_parameters(parameters: dict[str, Any], settings: dict[str, Any], protocol: str = "") -> Encoded:
    """The declared parameters the host set (None: not set), as their records say; `settings` are
    the model's, `protocol` the one its request speaks (empty: the spec's)."""
    encoded = Encoded(protocol=protocol)
    sent = [
        (name, record(name, settings), value)
        for name, value in parameters.items()
        if name in config.PARAMETERS and value is not None and not omitted(settings, name, parameters)
    ]
    for _, rule, value in sent:
        if value is not False:
            switched_on(encoded, rule)
    formats: dict[str, Any] = {}
    for name, rule, value in sorted(sent, key=lambda item: encoded.key(item[1]).count(".")):
        if rule.get("values"):
            value = mapped(rule["values"], value)
            if value is None and "control" not in rule:  # a control's null is a setting too
                continue
        encode_value(encoded, name, rule, value, formats)
    encoded.output = output_of(formats.get("response_format"), formats.get("json_schema"))
    return encoded


def streamed(stream: bool, parameters: dict[str, Any], settings: dict[str, Any]) -> bool:
    """Whether a request the host asked to stream is streamed: not for a model the spec does not
    stream, nor when a parameter that controls `stream` is false for this request (the hosts take a
    JSON answer to a stream request, and hand it on as a stream of one)."""
    if not (stream and settings.get("stream", True)):
        return False
    return not any(
        value is False and record(name, settings).get("control") == "stream" and not omitted(settings, name, parameters)
        for name, value in parameters.items()
        if name in config.PARAMETERS
    )


def record(name: str, settings: dict[str, Any]) -> dict[str, Any]:
    """A parameter's record, with the model's own values and omissions over it."""
    own = settings.get("parameters", {}).get(name)
    return {**config.PARAMETERS[name], **own} if own else config.PARAMETERS[name]


def switched_on(encoded: Encoded, rule: dict[str, Any]) -> None:
    """What a parameter brings while it is on: its headers, and its fixed body fields."""
    for header, text in rule.get("headers", ()):
        add_header(encoded.headers, header, text, apis.static_headers(encoded.protocol))
    if rule.get("body"):
        encoded.fixed = merged(rule["body"], encoded.fixed)  # an earlier parameter's fields win


def encode_value(encoded: Encoded, name: str, rule: dict[str, Any], value: Any, formats: dict[str, Any]) -> None:
    if "tool" in rule:
        if value is True:
            encoded.tools.append(rule["tool"])
    elif "control" in rule:
        encoded.controls[rule["control"]] = value
    elif "format" in rule:
        formats[rule["format"]] = value
    else:
        encoded.values.append((encoded.key(rule), parsed(name, rule.get("parse"), value)))


def output_of(picked: Any, schema: Any) -> tuple[str, Any] | None:
    """The answer's format the parameters ask for: ("json_schema", the schema object as written, bare
    or {name, schema}) when a schema is given and the format allows it, else (the format picked,
    None); None for none, and for Dify's JSON and XML code-block modes (asked for in the prompt)."""
    if schema is not None and picked in (None, "json_schema"):
        return "json_schema", json_object("json_schema", schema)
    if picked not in (None, "JSON", "XML"):
        return picked, None
    return None


def host_output(response_format: tuple[str, Any]) -> tuple[str, Any]:
    """A host's own request for a format, (kind, schema), in output_of's form: a json_schema request
    must carry a schema object."""
    kind, schema = response_format
    return (kind, json_object("json_schema", schema)) if kind == "json_schema" else (kind, None)


def add_header(headers: dict[str, str], name: str, value: str, static: dict[str, str]) -> None:
    """A parameter's header; a header already set (here or in the request's `static` headers, the
    spec's) gets both values, comma-separated (RFC 9110 5.3)."""
    present = next((key for key in headers if key.lower() == name.lower()), None)
    if present is None:
        known = next((key for key in static if key.lower() == name.lower()), None)
        if known is None:
            headers[name] = value
            return
        present, headers[known] = known, static[known]
    values = [v.strip() for v in headers[present].split(",")]
    if value not in values:
        headers[present] = f"{headers[present]},{value}"


def omitted(settings: dict[str, Any], name: str, parameters: dict[str, Any]) -> bool:
    """Whether the model never sends `name` (its never_send), or another parameter's value (its
    default when the host sent none) leaves it out (the record's omit_when)."""
    if name in settings.get("never_send", ()):
        return True
    rules = record(name, settings).get("omit_when", ())
    return any(same(parameters.get(other, default), value) for other, value, default in rules)


def same(a: Any, b: Any) -> bool:
    """Equal, and the boolean true is not the number 1 (Python's == says it is)."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def mapped(table: tuple[tuple[Any, Any], ...], value: Any) -> Any:
    """What the spec sends for `value` (None: nothing); a value it does not list goes as it is."""
    for picked, sent in table:
        if same(picked, value):
            return sent
    return value


def put(body: dict[str, Any], key: str, value: Any) -> None:
    """Set `a.b.c` in a nested body; an object set where one is already merges into it (Anthropic's
    thinking {type: enabled} beside a budget_tokens parameter sent as thinking.budget_tokens)."""
    *parents, last = key.split(".")
    for part in parents:
        body = body.setdefault(part, {})
    old = body.get(last)
    if isinstance(value, dict):
        value = merged(old if isinstance(old, dict) else {}, value)
    body[last] = value


def merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` on `base`: objects on both sides merge, anything else in `over` wins. Every object in
    the result is a new one, so keys nested into it later never change config's maps and bodies."""
    out = {key: merged({}, value) if isinstance(value, dict) else value for key, value in base.items()}
    for key, value in over.items():
        old = out.get(key)
        if isinstance(value, dict):
            value = merged(old if isinstance(old, dict) else {}, value)
        out[key] = value
    return out


def parsed(name: str, how: str | None, value: Any) -> Any:
    """A value as the rule reads the text the user typed: JSON, a comma-separated list, or as it is."""
    if how == "json":
        return json_value(name, value)
    if how == "list" and isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


def json_value(name: str, value: Any) -> Any:
    """A JSON parameter's value: text is parsed (a host may also hand over the value itself)."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError as exc:
        raise ProviderError("bad_request", f"{name} is not valid JSON: {exc}") from None


def json_object(name: str, value: Any) -> dict[str, Any]:
    """A JSON object given as text or as the object itself (a JSON schema)."""
    value = json_value(name, value)
    if not isinstance(value, dict):
        raise ProviderError("bad_request", f"{name} must be a JSON object")
    return value


def bare_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON schema itself, from an output's schema object (bare, or {name, schema})."""
    return schema["schema"] if isinstance(schema.get("schema"), dict) else schema
