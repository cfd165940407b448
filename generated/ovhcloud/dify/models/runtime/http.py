"""The parts of an HTTP call that come from the spec and the credentials: base URL, headers (the
API key as the spec says) and query, and JSON bodies both ways. No I/O: each host sends."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from . import apis, config
from .errors import ProviderError, describe
from .parameters import merged, put


def base_url(credentials: dict[str, Any], protocol: str = "") -> str:
    """The credentials' base-URL override when the spec offers one and it is filled in; else the
    base URL a field's value picks (a region select); else the spec's (`protocol`'s own, when it has
    one), its `{variable}`s filled in and its host as config.HOSTS renames it."""
    override = overridden(credentials)
    if override:
        return rewritten(override)
    for variable, urls in config.BASE_URL_CHOICES.items():
        value = credentials.get(variable)
        chosen = urls.get(str(value).lower() if isinstance(value, bool) else str(value or "").strip())
        if chosen:
            return chosen
    return aliased(filled(apis.base_url(protocol), credentials))


def overridden(credentials: dict[str, Any]) -> str:
    """The user's base-URL override, as typed ("" when the spec offers none or it is empty)."""
    if config.BASE_URL_VARIABLE is None:
        return ""
    return str(credentials.get(config.BASE_URL_VARIABLE) or "").strip()


def address(base: str, path: str, credentials: dict[str, Any], protocol: str = "") -> str:
    """The URL a call goes to: `path` (its `{variable}`s filled in: Vertex's project and location)
    under `base` (route: under a native path, the protocol's own path), where the auth scheme routes
    it (google.routed: an express-mode key's calls). A path that is a whole URL of its own (a call
    served on another host of the same service: Bedrock's rerank on bedrock-agent-runtime) is that
    URL, filled in as a base URL is; a user's override (a gateway) takes that call's path too, less the
    spec's base-URL path where it starts with it (NVIDIA's reranker: /v1/retrieval/... under an
    override ending /v1 is /retrieval/... there)."""
    if "://" in path:
        override = overridden(credentials)
        return rewritten(override) + under_base(urlsplit(path).path) if override else filled(path, credentials)
    if apis.auth(protocol)[0] == "google_service_account":
        from . import google  # shipped only with the google_service_account scheme

        base, path, credentials = google.routed(base, path, credentials)
    return route(base, filled(path, credentials))


def under_base(path: str) -> str:
    """A whole URL's path as a path under the base URL: less the spec's base-URL path when it starts
    with it."""
    prefix = urlsplit(config.BASE_URL).path.rstrip("/")
    return path[len(prefix) :] if prefix and path.startswith(prefix + "/") else path


def aliased(url: str) -> str:
    """`url` with its host renamed as config.HOSTS says (Vertex's location `global`:
    global-aiplatform.googleapis.com is aiplatform.googleapis.com). Every call's base URL passes here:
    a spec without host renames parses nothing."""
    if not config.HOSTS:
        return url
    parts = urlsplit(url)
    host = config.HOSTS.get(parts.hostname or "")
    if host is None:
        return url
    return urlunsplit(parts._replace(netloc=host + (f":{parts.port}" if parts.port else "")))


PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*(?:\|[A-Za-z_][A-Za-z0-9_]*)*)\}")
HOST_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def filled(url: str, credentials: dict[str, Any]) -> str:
    """A URL's `{variable}`s (a region in the host name) as the credentials give them (config.
    URL_DEFAULTS when empty; `{a|b}`: a's value, else b's): each a host-name label, never anything
    that could move the request."""
    if "{" not in url:
        return url

    def value(match: re.Match[str]) -> str:
        names = match.group(1).split("|")
        given = [str(credentials.get(n) or "").strip() for n in names] + [config.URL_DEFAULTS.get(n, "") for n in names]
        name, given = names[0], next((v for v in given if v), "")
        if not HOST_LABEL.match(given):
            raise ProviderError("bad_request", f"the {name} credential must be a name like us-east-1, got {given!r}")
        return given

    return PLACEHOLDER.sub(value, url)


def rewritten(override: str) -> str:
    """A user's base-URL override as the spec normalises it (config.BASE_URL_REWRITE), without a
    trailing slash: a path appended unless the URL's path already ends with it, or the origin only."""
    url = override.rstrip("/")
    if config.BASE_URL_REWRITE is None:
        return url
    how, value = config.BASE_URL_REWRITE
    parts = urlsplit(url)
    if how == "keep":
        return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url
    path = parts.path.rstrip("/")
    return url if path.endswith(value) else urlunsplit(parts._replace(path=path + value))


def native(base: str) -> bool:
    """Whether a base URL is under the spec's native path (config.NATIVE: Azure's /openai/v1), where each
    protocol's own API is served."""
    return config.NATIVE is not None and urlsplit(base).path.rstrip("/").endswith(config.NATIVE[0])


def route(base: str, path: str) -> str:
    """The URL of a call to `path` under `base`: under the native path, the protocol's own path in place
    of the spec's (the model id, which the spec's path held, is in the body there too)."""
    if native(base):
        for template, own in config.NATIVE[1]:
            if fills(path, template):
                return base + own
    return base + path


def fills(path: str, template: str) -> bool:
    """Whether `path` is `template` with its `{model}` (if any) one encoded path segment."""
    head, marker, tail = template.partition("{model}")
    if not marker:
        return path == template
    middle = path[len(head) : len(path) - len(tail)] if len(path) > len(head) + len(tail) else ""
    return path.startswith(head) and path.endswith(tail) and bool(middle) and "/" not in middle


def model_path(template: str, model: str) -> str:
    """An endpoint path with the model id in it where it says `{model}` (Azure's deployments, Bedrock),
    encoded whole: an id's slashes and colons stay inside its one segment; `@` stays as it is, as
    Google's clients send Vertex's versioned ids (claude-3-haiku@20240307)."""
    return template.replace("{model}", quote(model, safe="@")) if "{model}" in template else template


def wire_id(model: str, settings: dict[str, Any]) -> str:
    """The id the API gets for `model` (its settings' api_id, when the spec gives one)."""
    return settings.get("api_id") or model


def region(url: str, credentials: dict[str, Any]) -> str:
    """The AWS region a request to `url` goes to (the host's, else the credentials'), for a spec
    whose requests are signed the AWS way; empty for any other."""
    if config.AUTH[0] != "aws_sigv4":
        return ""
    from . import aws  # shipped only with an AWS auth scheme

    return aws.region(url, credentials)


def regional(settings: dict[str, Any], credentials: dict[str, Any], url: str | None = None) -> dict[str, Any]:
    """A chat model's settings with the region its requests go to (those to `url`, default the
    credentials' base URL), for a spec whose model ids take a region's inference profile (PROFILES)."""
    if not config.PROFILES:
        return settings
    return {**settings, "region": region(base_url(credentials) if url is None else url, credentials)}


def listed_name(identifier: str) -> str:
    """The spec's name of the model a host calls `identifier`: itself when the spec lists a model of
    that name with settings of its own, else the first model whose api_id it is, else itself (a
    MaiBot user may write the Dify id or the id the API takes)."""
    if identifier in config.MODEL_SETTINGS:
        return identifier
    return next((name for name, s in config.MODEL_SETTINGS.items() if s.get("api_id") == identifier), identifier)


def headers(credentials: dict[str, Any], protocol: str = "") -> dict[str, str]:
    """Static headers, the API key as the spec says, and credential-backed headers (of `protocol`'s
    calls; empty: the spec's protocol)."""
    out = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    out.update(apis.static_headers(protocol))
    scheme, name, prefix = apis.auth(protocol)
    if scheme == "header":
        out[name] = prefix + str(credentials.get(config.API_KEY_VARIABLE) or "")
    elif scheme == "entra_id":
        from . import entra  # shipped only with the entra_id auth scheme

        out.update(entra.headers(credentials, str(name), prefix))
    for variable, header in config.CREDENTIAL_HEADERS.items():
        if credentials.get(variable):
            out[header] = str(credentials[variable])
    return out


def signed(
    method: str,
    url: str,
    query: list[tuple[str, str]],
    headers: dict[str, str],
    body: bytes | None,
    credentials: dict[str, Any],
    protocol: str = "",
) -> dict[str, str]:
    """Headers that authenticate a request only once all of it is known (aws_sigv4: a signature over
    the method, URL, query, headers and body; google_service_account: a cached access token, or an
    express-mode key); none for the other schemes."""
    scheme, service, _ = apis.auth(protocol)
    if scheme == "google_service_account":
        from . import google  # shipped only with the google_service_account scheme

        return google.signed(credentials)
    if scheme != "aws_sigv4":
        return {}
    from . import aws  # shipped only with an AWS auth scheme

    return aws.signed(method, url, query, headers, body or b"", credentials, str(service))


def query(credentials: dict[str, Any], protocol: str = "", native_api: bool = False) -> dict[str, str]:
    """The API key when the spec sends it as a query parameter, and credential-backed parameters but
    under the native path (`native_api`), which takes none."""
    out = {}
    scheme, name, _ = apis.auth(protocol)
    if scheme == "query":
        out[name] = str(credentials.get(config.API_KEY_VARIABLE) or "")
    for variable, parameter in () if native_api else config.CREDENTIAL_QUERY.items():
        if credentials.get(variable):
            out[parameter] = str(credentials[variable])
    return out


def put_user(body: dict[str, Any], user: str | None) -> None:
    """The end user's id, as the spec says (config.USER: dots nest, as Anthropic's metadata.user_id),
    when it sends one."""
    if not user or not config.SEND_USER:
        return
    key, length, hashed = config.USER
    value = hashlib.sha256(user.encode()).hexdigest() if hashed else user
    put(body, key, value[:length] if length else value)


def model_settings(model: str, kind: str = "llm") -> dict[str, Any]:
    """What the spec sends for `model` beyond the usual (config.MODEL_SETTINGS). A model the spec
    does not list (one a Dify user adds, any id a MaiBot user sets) gets its kind's defaults, speaking
    the protocol its id's prefix names (config.MODEL_PREFIXES: Vertex's claude ids)."""
    found = config.MODEL_SETTINGS.get(model)
    if found is not None:
        return found
    defaults = config.KIND_SETTINGS.get(kind, {})
    spoken = next(
        (p for prefix, p in config.MODEL_PREFIXES.items() if kind == "llm" and model.startswith(prefix)), None
    )
    return defaults | {"protocol": spoken} if spoken else defaults


def fixed_body(
    body: dict[str, Any], settings: dict[str, Any], chat: bool = False, protocol: str = ""
) -> dict[str, Any]:
    """`body` over the spec's fixed fields (for chat api.body, then `protocol`'s own, then the model's,
    in its `settings`): the request's own values win, and objects on both sides merge."""
    fixed = merged(merged(config.BODY, apis.body(protocol)) if chat else {}, settings.get("body") or {})
    return merged(fixed, body) if fixed else body


_scan = json.JSONDecoder().scan_once


def loads(text: str) -> Any:
    """json.loads, by json's C scanner directly: json.loads's Python layers were a tenth of a
    streamed token's time. Text the scanner does not take whole (surrounding whitespace, errors)
    goes to json.loads, so results and errors are json.loads's."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def event_object(data: str) -> dict[str, Any]:
    """A stream event's data as the one JSON object it must be; anything else is the server's fault."""
    try:
        payload = loads(data)
    except ValueError:
        raise ProviderError("server_unavailable", f"malformed stream data: {describe(data)}") from None
    if type(payload) is not dict:
        raise ProviderError("server_unavailable", f"unexpected stream payload: {describe(payload)}")
    return payload


def encode(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


def decode(raw: bytes) -> Any:
    """A JSON response body. Bytes that are not UTF-8 become U+FFFD (the text around them still
    parses); a body that is not JSON at all is the server's fault, quoted."""
    body = raw.decode("utf-8", "replace")
    try:
        return json.loads(body[1:] if body[:1] == "\ufeff" else body)
    except ValueError:
        raise ProviderError("server_unavailable", f"response is not JSON: {describe(body)}") from None


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_json(content_type: str | None) -> bool:
    media = media_type(content_type)
    return media == "application/json" or media.endswith("+json")


def is_event_stream(content_type: str | None, stream_requested: bool, stream_type: str = "text/event-stream") -> bool:
    """Whether an answer is a stream (server-sent events, or the protocol's `stream_type`). Gateways
    do not always answer in the mode asked for, so the media type decides; without a known one, what
    was asked for."""
    if media_type(content_type) == stream_type:
        return True
    return False if is_json(content_type) else stream_requested
