"""The spec's declared parameters into a request, as config.PARAMETERS, VALUE_MAPS, BUILTIN_TOOLS,
PARAMETER_HEADERS and PARAMETER_BODIES say, for every wire protocol: body keys (nested by dots), value
maps, built-in tools, JSON text, headers and fixed fields while a parameter is on, protocol settings a
parameter steers, and the model's never_send and omit_when settings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from . import config
from .errors import ProviderError


@dataclass
class Steering:
    """What parameters set besides body keys: request headers, and protocol settings (`controls`)."""

    headers: dict[str, str] = field(default_factory=dict)
    controls: dict[str, Any] = field(default_factory=dict)


def encode_parameters(body: dict[str, Any], parameters: dict[str, Any], settings: dict[str, Any]) -> Steering:
    """The declared parameters into `body`, as config.PARAMETERS says; `settings` are the model's.
    Fixed fields of the parameters that are on go in first, then the values, shallower keys before
    deeper ones: a value's `thinking.budget_tokens` wins over `thinking: {budget_tokens: ...}`,
    whatever order the host sent them in."""
    steering = Steering()
    response_format, schema = None, None
    sent = [
        (name, value)
        for name, value in parameters.items()
        if name in config.PARAMETERS and value is not None and not omitted(settings, name, parameters)
    ]
    for name, value in sent:
        if value is not False:
            for header, text in config.PARAMETER_HEADERS.get(name, ()):
                add_header(steering.headers, header, text)
            if name in config.PARAMETER_BODIES:
                body.update(merged(config.PARAMETER_BODIES[name], body))  # under the values
    for name, value in sorted(sent, key=lambda item: config.PARAMETERS[item[0]][0].count(".")):
        key, encoding = config.PARAMETERS[name]
        table = settings.get("values", {}).get(name, config.VALUE_MAPS.get(name))  # the model's own first
        if table:
            value = mapped(table, value)
            if value is None:
                continue
        if encoding == "tool":
            if value is True:
                body.setdefault("tools", []).append(config.BUILTIN_TOOLS[name])
        elif encoding == "control":
            steering.controls[key] = value
        elif encoding == "json":
            put(body, key, json_value(name, value))
        elif encoding == "response_format":
            response_format = value
        elif encoding == "json_schema":
            schema = value
        else:
            put(body, key, value)
    if schema is not None and response_format in (None, "json_schema"):
        body["response_format"] = json_schema_format(schema)
    elif response_format not in (None, "JSON", "XML"):
        # JSON and XML are Dify's code-block modes, done in the prompt, never sent.
        body["response_format"] = {"type": response_format}
    return steering


def add_header(headers: dict[str, str], name: str, value: str) -> None:
    """A parameter's header; a header already set (here or in the spec's api.headers) gets both
    values, comma-separated (RFC 9110 5.3)."""
    present = next((key for key in headers if key.lower() == name.lower()), None)
    if present is None:
        static = next((key for key in config.STATIC_HEADERS if key.lower() == name.lower()), None)
        if static is None:
            headers[name] = value
            return
        present, headers[static] = static, config.STATIC_HEADERS[static]
    values = [v.strip() for v in headers[present].split(",")]
    if value not in values:
        headers[present] = f"{headers[present]},{value}"


def omitted(settings: dict[str, Any], name: str, parameters: dict[str, Any]) -> bool:
    """Whether the model never sends `name`, or another parameter's value (its default when the host
    sent none) leaves it out (the model's never_send and omit_when settings)."""
    if name in settings.get("never_send", ()):
        return True
    rules = settings.get("omit_when", {}).get(name, ())
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


def json_value(name: str, value: Any) -> Any:
    """A JSON parameter's value: text is parsed (a host may also hand over the value itself)."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError as exc:
        raise ProviderError("bad_request", f"{name} is not valid JSON: {exc}") from None


def json_schema_format(value: Any) -> dict[str, Any]:
    """A JSON schema (text or object, bare or already {name, schema}) as a response_format."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise ProviderError("bad_request", f"json_schema is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise ProviderError("bad_request", "json_schema must be a JSON object")
    schema = value if isinstance(value.get("schema"), dict) else {"name": "response", "schema": value}
    return {"type": "json_schema", "json_schema": schema}
