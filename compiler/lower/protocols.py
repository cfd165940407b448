"""Protocols per model: which protocols a spec's models speak, where the calls of each further
protocol go (api.protocols over that protocol's defaults), and the credential fields that choose
between the protocols of the models that speak more than one."""

from __future__ import annotations

from compiler import spec as s
from compiler.lower.diagnostics import Lowering
from compiler.lower.identity import URL_RE
from compiler.model import Auth
from compiler.tables import PROTOCOLS, Protocol


def declared(fields: s.ModelFields, default: str) -> tuple[str, ...]:
    """The protocols a model (its merged fields) speaks, its first by default."""
    named = fields.protocol
    if named is None:
        return (default,)
    return (named,) if isinstance(named, str) else tuple(dict.fromkeys(named)) or (default,)


def spoken(spec: s.Spec) -> tuple[str, ...]:
    """Every protocol the plugin speaks: api.protocol first, then those its models (and the models
    users add, by defaults.llm or their base model) name, in order of appearance."""
    found = [spec.api.protocol, *declared(spec.defaults.llm, spec.api.protocol)]
    bases = (spec.customizable and spec.customizable.base_models) or []
    for model in [*spec.models, *bases]:
        if model.type == "llm":
            found += declared(model if model.protocol is not None else spec.defaults.llm, spec.api.protocol)
    return tuple(dict.fromkeys(found))


def auth_of(auth: s.Auth, protocol: Protocol) -> Auth:
    """The spec's auth, or the protocol's default (aws_sigv4 keeps its service where others name a
    header or query parameter)."""
    if auth.scheme is None:
        return Auth(*protocol.auth)
    if auth.scheme == "aws_sigv4":
        return Auth("aws_sigv4", auth.service or "bedrock", "")
    if auth.scheme == "google_service_account":
        return Auth("google_service_account", None, "")
    if auth.scheme == "entra_id":  # the API key's header otherwise, so a header (never a bearer) name
        return Auth("entra_id", auth.name, auth.prefix)
    return Auth(auth.scheme, auth.name, auth.prefix)


def of(names: tuple[str, ...]) -> tuple[Protocol, ...]:
    return tuple(PROTOCOLS[name] for name in names)


def check_declared(lw: Lowering, loc: tuple, fields: s.ModelFields) -> None:
    if isinstance(fields.protocol, list):
        lw.check(bool(fields.protocol), loc, "a list of protocols needs at least one")
        repeated = len(set(fields.protocol)) != len(fields.protocol)
        lw.check(not repeated, loc, "names a protocol twice")


# Body keys each request builder sets itself: a fixed field may not replace them.
BUILT_KEYS = frozenset(("model", "messages", "stream", "stream_options", "tools", "tool_choice", "input"))

CHAT_ENDPOINTS = ("chat", "stream", "models")


def lower_protocol_apis(lw: Lowering, spec: s.Spec) -> dict[str, dict[str, object]]:
    """For each protocol the models speak beside api.protocol, its endpoints, auth and static headers
    (its own, then api.headers, then its entry's): ApiInfo.protocols."""
    names = spoken(spec)
    for name in spec.api.protocols:
        loc = ("api", "protocols", name)
        if name == spec.api.protocol:
            lw.error(loc, "is api.protocol: its endpoints, auth and headers are api's own")
        elif name not in names:
            lw.warn(loc, "no model speaks this protocol (a model's or defaults.llm's `protocol`)")
    out = {}
    for name in names[1:]:
        protocol, entry = PROTOCOLS[name], spec.api.protocols.get(name, s.ProtocolApi())
        given = entry.endpoints.model_fields_set
        endpoints = {  # only chat models speak a further protocol
            key: getattr(entry.endpoints, key) if key in given else protocol.endpoints.get(key)
            for key in CHAT_ENDPOINTS
            if key != "stream" or key in given  # a stream path only where the spec names one
        }
        for key in sorted(given - set(CHAT_ENDPOINTS)):
            lw.error(("api", "protocols", name, "endpoints", key), "only chat models speak a further protocol")
        for key in sorted(given & set(CHAT_ENDPOINTS)):
            path = endpoints[key]
            ok = path is None or path.startswith("/")
            lw.check(ok, ("api", "protocols", name, "endpoints", key), f"must start with '/', got {path!r}")
        lw.check(endpoints["chat"] is not None, ("api", "protocols", name, "endpoints", "chat"), "cannot be null")
        auth = auth_of(entry.auth, protocol)
        headers = protocol.headers | dict(spec.api.headers) | dict(entry.headers)
        out[name] = {"endpoints": endpoints, "auth": auth, "headers": headers} | own_base(lw, name, entry)
    return out


def own_base(lw: Lowering, name: str, entry: s.ProtocolApi) -> dict[str, object]:
    """A further protocol's own base URL and fixed body fields, when the spec gives them."""
    out: dict[str, object] = {}
    if entry.base_url is not None:
        ok = bool(URL_RE.match(entry.base_url))
        lw.check(ok, ("api", "protocols", name, "base_url"), f"must be an http(s) URL, got {entry.base_url!r}")
        out["base_url"] = entry.base_url.rstrip("/")
    if entry.body:
        for key in sorted(set(entry.body) & BUILT_KEYS):
            lw.error(("api", "protocols", name, "body", key), f"the plugin sets `{key}` itself")
        out["body"] = dict(entry.body)
    return out


def lower_choices(lw: Lowering, spec: s.Spec) -> dict[str, dict[str, str]]:
    """config.PROTOCOL_CHOICES: credential field -> its value -> the protocol it picks; "" stands for
    the field left empty (its default's pick)."""
    lists = {name for m in [spec.defaults.llm, *spec.models] if isinstance(m.protocol, list) for name in m.protocol}
    out = {}
    for index, field in enumerate(spec.credentials.extra):
        if field.protocols is None:
            continue
        loc = ("credentials", "extra", index)
        ok = field.type in ("select", "radio")
        lw.check(ok, loc + ("type",), f"only a select or radio field can pick the protocol, not a {field.type} field")
        values = [o.value for o in field.options]
        for value, name in field.protocols.items():
            lw.check(value in values, loc + ("protocols", value), f"is not a value of this field: {values}")
            message = f"no model lists {name} among the protocols it speaks, so this choice changes nothing"
            if name not in lists:
                lw.warn(loc + ("protocols", value), message)
        table = dict(field.protocols)
        if field.default in table:
            table[""] = table[field.default]
        out[field.variable] = table
    lw.check(len(out) <= 1, ("credentials", "extra"), "one credential field at most picks the protocol")
    return out
