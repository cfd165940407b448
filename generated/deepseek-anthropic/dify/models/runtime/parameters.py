"""The spec's declared parameters into a request body, as config.PARAMETERS, VALUE_MAPS and
BUILTIN_TOOLS say, for every wire protocol: body keys (nested by dots), value maps, built-in tools,
JSON text, and the model's never_send and omit_when settings."""

from __future__ import annotations

import json
from typing import Any

from . import config
from .errors import ProviderError


def encode_parameters(body: dict[str, Any], parameters: dict[str, Any], settings: dict[str, Any]) -> None:
    """The declared parameters into `body`, as config.PARAMETERS says; `settings` are the model's."""
    response_format, schema = None, None
    for name, value in parameters.items():
        if name not in config.PARAMETERS or value is None or omitted(settings, name, parameters):
            continue
        key, encoding = config.PARAMETERS[name]
        if name in config.VALUE_MAPS:
            value = mapped(config.VALUE_MAPS[name], value)
            if value is None:
                continue
        if encoding == "tool":
            if value is True:
                body.setdefault("tools", []).append(config.BUILTIN_TOOLS[name])
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
    body[last] = {**old, **value} if isinstance(old, dict) and isinstance(value, dict) else value


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
