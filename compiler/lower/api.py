"""How the provider is reached: endpoints and auth (over the protocol's defaults), headers,
credentials, and the error map."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from compiler import spec as s
from compiler.lower.diagnostics import Lowering, check_unique
from compiler.lower.identity import URL_RE, i18n
from compiler.model import ApiInfo, Auth, CredentialInfo, ErrorMap, Option
from compiler.lower.protocols import BUILT_KEYS, auth_of, lower_choices, lower_protocol_apis, spoken
from compiler.tables import PROTOCOLS, Protocol

VARIABLE_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")

HEADER_NAME_RE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$")


# The daemon's limits (dify-contract.md: credential forms and parameter rules).
LIMITS = {"parameters": 128, "credentials": 32, "options": 128}

CREDENTIAL_TYPES = {
    "text": "text-input",
    "secret": "secret-input",
    "select": "select",
    "radio": "radio",
    "switch": "switch",
}


DEFAULT_STATUS_KINDS = {
    400: "bad_request",
    401: "authorization",
    403: "authorization",
    404: "bad_request",
    408: "connection",
    413: "bad_request",
    422: "bad_request",
    429: "rate_limit",
    500: "server_unavailable",
    502: "server_unavailable",
    503: "server_unavailable",
    504: "server_unavailable",
}

ENDPOINT_KEYS = tuple(s.Endpoints.model_fields)  # chat, models, and one per kind of model call

REQUIRED_ENDPOINTS = ("chat",)  # MaiBot's `response` and credential checks use it whatever the models


# Optional api fields a protocol may read (compiler/tables.py: Protocol.quirks).
QUIRKS = frozenset().union(*(protocol.quirks for protocol in PROTOCOLS.values()))


def check_fixed_body(lw: Lowering, loc: tuple, body: dict | None) -> None:
    for key in sorted(set(body or {}) & BUILT_KEYS):
        lw.error(loc + (key,), f"the plugin sets `{key}` itself; a fixed body field cannot replace it")


def check_header(lw: Lowering, loc: tuple, name: str, value: str | None = None) -> None:
    """Header names are HTTP tokens and values have no control characters: nothing a spec says can
    split a request or add a header of its own."""
    lw.check(bool(HEADER_NAME_RE.match(name)), loc, f"not a valid HTTP header name: {name!r}")
    if value is not None:
        ok = not any(ord(c) < 32 or ord(c) == 127 for c in value)
        lw.check(ok, loc, f"header value has control characters: {value!r}")


def lower_api(lw: Lowering, spec: s.Spec) -> ApiInfo:
    api = spec.api
    protocol = PROTOCOLS[api.protocol]
    lw.check(bool(URL_RE.match(api.base_url)), ("api", "base_url"), f"must be an http(s) URL, got {api.base_url!r}")
    given = api.endpoints.model_fields_set
    endpoints = {
        key: getattr(api.endpoints, key) if key in given else protocol.endpoints.get(key) for key in ENDPOINT_KEYS
    }
    for key in sorted(given):
        path = endpoints[key]
        if path is not None:
            lw.check(path.startswith("/"), ("api", "endpoints", key), f"must start with '/', got {path!r}")
    for key in REQUIRED_ENDPOINTS:
        lw.check(endpoints[key] is not None, ("api", "endpoints", key), f"the {key} endpoint cannot be null")
    names = spoken(spec)
    read = frozenset().union(*(PROTOCOLS[name].quirks for name in names))
    for quirk in sorted(QUIRKS & api.model_fields_set - read):
        lw.error(("api", quirk), f"protocol {' and '.join(names)} does not use this setting")
    check_fixed_body(lw, ("api", "body"), api.body)
    for name, value in api.headers.items():
        check_header(lw, ("api", "headers", name), name, value)
    if api.auth.scheme == "header" and api.auth.name:
        check_header(lw, ("api", "auth", "name"), api.auth.name, api.auth.prefix)
    extra = spec.credentials.extra
    for index, field in enumerate(extra):
        if field.header:
            check_header(lw, ("credentials", "extra", index, "header"), field.header)
    return ApiInfo(
        protocol=protocol.name,
        embeddings_module=embeddings_module(lw, api, protocol),
        embedding=lower_embeddings(lw, api.embeddings),
        rerank_module=protocol.runtimes.get("rerank", "rerank"),
        base_url=api.base_url.rstrip("/"),
        endpoints=endpoints,
        declared=frozenset(key for key in given if endpoints[key]),
        auth=auth_of(api.auth, protocol),
        headers=protocol.headers | dict(api.headers),
        connect_timeout=api.timeouts.connect,
        read_timeout=api.timeouts.read,
        send_user=api.send_user,
        user=lower_user(lw, api, protocol.user_key),
        stream_usage=api.stream_usage,
        reasoning_history=api.reasoning_history,
        prompt_cache=api.prompt_cache,
        profiles=lower_profiles(lw, api.profiles),
        rerank=lower_rerank(lw, api.rerank),
        speech=lower_speech(lw, api.speech),
        body=dict(api.body),
        messages=api.messages.model_dump(),
        api_key_variable=spec.credentials.api_key.variable,
        base_url_variable=spec.credentials.base_url.variable if spec.credentials.base_url.enabled else None,
        credential_headers={f.variable: f.header for f in extra if f.header},
        credential_query={f.variable: f.query for f in extra if f.query},
        base_url_choices={f.variable: {k: v.rstrip("/") for k, v in f.base_urls.items()} for f in extra if f.base_urls},
        base_url_rewrite=lower_rewrite(lw, spec.credentials.base_url),
        spoken=names,
        url_values=lower_url_values(lw, spec),
        host_aliases=lower_hosts(lw, api.hosts),
        prefixes=lower_prefixes(lw, api.prefixes, names),
        protocols=lower_protocol_apis(lw, spec),
        protocol_choices=lower_choices(lw, spec),
        native_path=lower_native_path(lw, api.native_path),
    )


PROFILE_RE = re.compile(r"^[a-z]{0,16}$")


def lower_profiles(lw: Lowering, profiles: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """api.profiles: each model id's inference-profile prefixes, lowercase labels ('' the bare id)."""
    for model, prefixes in profiles.items():
        for index, prefix in enumerate(prefixes):
            message = (
                f"an inference-profile prefix is a lowercase word like us or global ('' the bare id), got {prefix!r}"
            )
            lw.check(bool(PROFILE_RE.match(prefix)), ("api", "profiles", model, index), message)
    if profiles:
        lw.check("*" in profiles, ("api", "profiles"), "needs a '*' entry: the prefixes of the ids not listed")
    return {model: tuple(prefixes) for model, prefixes in profiles.items()}


def lower_native_path(lw: Lowering, path: str | None) -> str | None:
    """api.native_path: a path like /openai/v1 (no query, fragment, dot segment or trailing slash)."""
    if path is None:
        return None
    dots = any(part in (".", "..") for part in path.split("/"))
    message = f"must be a path like /openai/v1 (no query, fragment, dot segments or trailing slash), got {path!r}"
    lw.check(bool(PATH_RE.match(path)) and not dots, ("api", "native_path"), message)
    return path


PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
HOST_LABEL_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def url_templates(spec: s.Spec) -> list[tuple[tuple, str]]:
    """Every URL and path a `{variable}` may fill, by location: the base URLs (api's and each further
    protocol's) and the endpoint paths (Vertex AI's project and location)."""
    found = [(("api", "base_url"), spec.api.base_url)]
    found += [(("api", "endpoints", k), v) for k, v in spec.api.endpoints.model_dump().items() if v]
    for name, entry in spec.api.protocols.items():
        loc = ("api", "protocols", name)
        found += [(loc + ("base_url",), entry.base_url)] if entry.base_url else []
        found += [(loc + ("endpoints", k), v) for k, v in entry.endpoints.model_dump().items() if v]
    return found


def lower_url_values(lw: Lowering, spec: s.Spec) -> dict[str, tuple[str, ...]]:
    """Each `{variable}` of a base URL or endpoint path (a region in the host name: Bedrock's; `{a|b}`:
    a's value, else b's) -> its credential field's default, then its other options: a
    credentials.extra field, whose values are host-name labels (the runtime checks what users type
    the same way)."""
    fields = {f.variable: (i, f) for i, f in enumerate(spec.credentials.extra)}
    out = {}
    for loc, url in url_templates(spec):
        for name in (n for found in PLACEHOLDER_RE.findall(url) for n in found.split("|") if found != "model"):
            if name not in fields:
                lw.error(loc, f"{{{name}}} is not a credentials.extra variable, which would fill it")
                continue
            index, field = fields[name]
            values = [field.default or ""] + [o.value for o in field.options if o.value != field.default]
            values = [v for v in values if v]  # none: a required field (Vertex's project), or a fallback
            bad = [v for v in values if not HOST_LABEL_RE.match(v)]
            message = f"fills {{{name}}} of a URL, so its default and options are host-name labels: {bad}"
            lw.check(not bad, ("credentials", "extra", index), message)
            out[name] = tuple(values)
    return {name: values for name, values in out.items() if values}


def lower_prefixes(lw: Lowering, prefixes: dict[str, str], spoken: tuple[str, ...]) -> dict[str, str]:
    """api.prefixes: each a protocol the spec's models speak (its calls' endpoints are known)."""
    for prefix, protocol in prefixes.items():
        lw.check(bool(prefix), ("api", "prefixes"), "a prefix cannot be empty: it would match every model id")
        lw.check(protocol in spoken, ("api", "prefixes", prefix), f"no model speaks {protocol}: {list(spoken)}")
    return dict(prefixes)


def lower_hosts(lw: Lowering, hosts: dict[str, str]) -> dict[str, str]:
    """api.hosts: host names both sides (no scheme, port or path)."""
    for given, host in hosts.items():
        for value in (given, host):
            ok = all(HOST_LABEL_RE.match(label) for label in value.split("."))
            lw.check(ok, ("api", "hosts", given), f"must map a host name to a host name, got {value!r}")
    return dict(hosts)


AWS_FIELDS = {"aws_access_key_id": True, "aws_secret_access_key": True, "aws_session_token": False}
# entra_id: the official Azure OpenAI plugin's fields -> (type, required); the authority host is ours.
ENTRA_FIELDS = {
    "auth_method": ("select", True),
    "azure_tenant_id": ("text", True),
    "azure_client_id": ("text", True),
    "azure_client_secret": ("secret", True),
    "azure_authority_host": ("text", False),
}
ENTRA_METHOD = "entra_id_service_principal"


def check_entra_fields(lw: Lowering, spec: s.Spec, auth: Auth) -> None:
    """entra_id reads the official Azure OpenAI plugin's credential fields: an auth_method select
    offering entra_id_service_principal, the tenant and client ids, the client secret a secret field."""
    if auth.scheme != "entra_id":
        return
    fields = {f.variable: (i, f) for i, f in enumerate(spec.credentials.extra)}
    for variable, (kind, required) in ENTRA_FIELDS.items():
        if variable not in fields:
            lw.check(not required, ("credentials", "extra"), f"auth entra_id reads a credential field {variable!r}")
            continue
        index, field = fields[variable]
        lw.check(field.type == kind, ("credentials", "extra", index, "type"), f"{variable} is a {kind} field")
    if "auth_method" in fields:
        index, field = fields["auth_method"]
        offered = [o.value for o in field.options]
        message = f"auth entra_id needs the option {ENTRA_METHOD!r} (the API key otherwise), got {offered}"
        lw.check(ENTRA_METHOD in offered, ("credentials", "extra", index, "options"), message)


def check_aws_fields(lw: Lowering, spec: s.Spec, auth: Auth) -> None:
    """aws_sigv4 signs with the official Bedrock plugin's credential fields: the key pair a secret
    field each (the session token, when offered, too)."""
    if auth.scheme != "aws_sigv4":
        return
    fields = {f.variable: f for f in spec.credentials.extra}
    for variable, required in AWS_FIELDS.items():
        field = fields.get(variable)
        if field is None:
            if required:
                lw.error(("credentials", "extra"), f"auth aws_sigv4 signs with a credential field {variable!r}")
        elif field.type != "secret":
            index = spec.credentials.extra.index(field)
            lw.error(("credentials", "extra", index, "type"), f"{variable} is a secret: type secret")


RESULT_PATH_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*)?$")
BODY_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def lower_rerank(lw: Lowering, shape: s.Rerank, loc: tuple = ("api", "rerank")) -> dict[str, object]:
    """The rerank shape, checked so that an answer can match it: a results path of keys, and
    distinct index and score keys."""
    lw.check(
        bool(RESULT_PATH_RE.match(shape.results)),
        loc + ("results",),
        f"must be keys joined by dots (output.results), or empty when the answer is the list, got {shape.results!r}",
    )
    for key in ("query", "documents", "top_n", "index", "score", "text"):
        value = getattr(shape, key)
        ok = value is None or bool(BODY_KEY_RE.match(value))
        lw.check(ok, loc + (key,), f"must be one JSON key (letters, digits, _ and -), got {value!r}")
    lw.check(shape.index != shape.score, loc + ("score",), f"is the index key {shape.index!r} too: no result can match")
    sent = [shape.query, shape.documents] + ([shape.top_n] if shape.top_n else [])
    lw.check(
        len(set(sent) | {"model"}) == len(sent) + 1, loc, f"body keys must differ from each other and 'model': {sent}"
    )
    return {
        "query": shape.query,
        "documents": shape.documents,
        "top_n": shape.top_n,
        "results": tuple(shape.results.split(".")) if shape.results else (),
        "index": shape.index,
        "score": shape.score,
        "transform": shape.transform,
        "text": shape.text,
    }


def speech_shape(shape: s.Speech) -> dict[str, object]:
    """The speech shape as config.SPEECH holds it: the answer's audio path as a tuple of keys."""
    return {
        "input": shape.input,
        "voice": shape.voice,
        "format": shape.format,
        "audio": tuple(shape.audio.split(".")) if shape.audio else None,
        "encoding": shape.encoding,
    }


# The speech call as OpenAI's API makes it (spec.Speech's defaults).
OPENAI_SPEECH = speech_shape(s.Speech())


def check_keys(lw: Lowering, at: tuple, value: str | None, example: str) -> None:
    """A dotted key path the spec gives (None: not given) is keys joined by dots."""
    ok = value is None or (bool(value) and bool(RESULT_PATH_RE.match(value)))
    lw.check(ok, at, f"must be keys joined by dots ({example}), got {value!r}")


def lower_speech(lw: Lowering, shape: s.Speech) -> dict[str, object]:
    """The speech call's shape (config.SPEECH): body keys as dotted keys, none inside another, and
    where a JSON answer holds the audio."""
    loc = ("api", "speech")
    for key in ("input", "voice", "format", "audio"):
        check_keys(lw, loc + (key,), getattr(shape, key), "voice_setting.voice_id")
    sent = [shape.input, shape.voice] + ([shape.format] if shape.format else [])
    clash = [(a, b) for a in sent for b in sent + ["model"] if a != b and (a + ".").startswith(b + ".")]
    lw.check(
        len(set(sent) | {"model"}) == len(sent) + 1 and not clash,
        loc,
        f"body keys must differ and not nest in each other or 'model': {sent}",
    )
    lw.check(
        shape.audio is not None or "encoding" not in shape.model_fields_set,
        loc + ("encoding",),
        "the answer is the audio itself (no `audio` key): it has no encoding",
    )
    return speech_shape(shape)


def embeddings_module(lw: Lowering, api: s.Api, protocol: Protocol) -> str:
    """The runtime module text-embedding models use: the protocol's own (Gemini's, Bedrock's), which
    takes no api.embeddings, or OpenAI's call with the spec's keys (config.EMBEDDING)."""
    own = protocol.runtimes.get("embeddings")
    if own:
        lw.check(
            "embeddings" not in api.model_fields_set,
            ("api", "embeddings"),
            f"protocol {protocol.name} makes its embeddings call its own way: drop api.embeddings",
        )
        return own
    return "embeddings"


def embedding_shape(shape: s.Embeddings) -> dict[str, object]:
    """The embeddings shape as config.EMBEDDING holds it: paths as tuples of keys."""
    tokens = [shape.tokens] if isinstance(shape.tokens, str) else shape.tokens or []
    return {
        "input": shape.input,
        "encoding_format": shape.encoding_format,
        "results": tuple(shape.results.split(".")) if shape.results else (),
        "vector": shape.vector,
        "index": shape.index,
        "tokens": tuple(tuple(path.split(".")) for path in tokens),
        "nested": shape.nested,
    }


# The embeddings call as OpenAI's API makes it (spec.Embeddings' defaults).
OPENAI_EMBEDDING = embedding_shape(s.Embeddings())


def lower_embeddings(lw: Lowering, shape: s.Embeddings, loc: tuple = ("api", "embeddings")) -> dict[str, object]:
    """The embeddings shape, checked so that a request and an answer can match it: body keys distinct
    from each other and from the keys the call sets itself, paths of keys, distinct row keys."""
    for key in ("input", "encoding_format", "vector", "index", "nested"):
        value = getattr(shape, key)
        ok = value is None or (key == "vector" and value == "") or bool(BODY_KEY_RE.match(value))
        lw.check(ok, loc + (key,), f"must be one JSON key (letters, digits, _ and -), got {value!r}")
    lw.check(
        bool(RESULT_PATH_RE.match(shape.results)),
        loc + ("results",),
        f"must be keys joined by dots (output.data), or empty when the answer is the list, got {shape.results!r}",
    )
    tokens = [shape.tokens] if isinstance(shape.tokens, str) else shape.tokens or []
    for n, path in enumerate(tokens):
        where = loc + ("tokens",) + ((n,) if isinstance(shape.tokens, list) else ())
        check_keys(lw, where, path, "usage.total_tokens")
    lw.check(
        shape.index is None or shape.index != shape.vector,
        loc + ("index",),
        f"is the vector key {shape.vector!r} too: no row can match",
    )
    lw.check(
        not (shape.index and not shape.vector),
        loc + ("index",),
        "the items are bare vectors (vector: ''), so they have no index key: set it to null",
    )
    lw.check(
        not (shape.nested and not shape.vector),
        loc + ("nested",),
        "a document's rows hold their vectors under a key: set `vector` (embedding)",
    )
    sent = [shape.input] + ([shape.encoding_format] if shape.encoding_format else [])
    taken = {"model", "dimensions"}
    lw.check(
        len(set(sent) | taken) == len(sent) + len(taken),
        loc,
        f"body keys must differ from each other and from 'model' and 'dimensions': {sent}",
    )
    return embedding_shape(shape)


def check_base_urls(lw: Lowering, loc: tuple, field: s.CredentialField) -> None:
    """A field that picks the base URL: one URL for each of its values, each an http(s) URL."""
    values = {"switch": ["true", "false"]}.get(field.type, [o.value for o in field.options])
    lw.check(
        field.type in ("select", "radio", "switch"),
        loc + ("type",),
        f"only a select, radio or switch field can pick the base URL, not a {field.type} field",
    )
    missing = [v for v in values if v not in (field.base_urls or {})]
    extra = [v for v in (field.base_urls or {}) if v not in values]
    lw.check(not missing, loc + ("base_urls",), f"no base URL for {', '.join(map(repr, missing))}")
    lw.check(not extra, loc + ("base_urls",), f"{', '.join(map(repr, extra))} is not a value of this field: {values}")
    for value, url in (field.base_urls or {}).items():
        lw.check(bool(URL_RE.match(url)), loc + ("base_urls", value), f"must be an http(s) URL, got {url!r}")


def lower_user(lw: Lowering, api: s.Api, default_key: str) -> tuple[str, int | None, bool]:
    user = api.user or s.UserField(send_as=default_key)
    if api.user is not None:
        lw.check(
            api.send_user, ("api", "user"), "send_user is false, so no user id is sent: drop `user` or set send_user"
        )
        ok = bool(RESULT_PATH_RE.match(user.send_as)) and bool(user.send_as)
        lw.check(
            ok,
            ("api", "user", "send_as"),
            f"must be a body key (letters, digits, _ and -; dots nest), got {user.send_as!r}",
        )
        lw.check(user.send_as not in BUILT_KEYS, ("api", "user", "send_as"), f"the plugin sets `{user.send_as}` itself")
    return (user.send_as, user.max_length, user.hash)


def lower_credentials(lw: Lowering, spec: s.Spec, api: ApiInfo) -> tuple[CredentialInfo, ...]:
    """The provider's credential form: the API key, the base-URL override when offered, the extras."""
    creds = spec.credentials
    key = creds.api_key
    fields = [
        CredentialInfo(
            variable=key.variable,
            label=i18n(key.label),
            type="secret-input",
            required=key_required(lw, key, api.auth.scheme),
            placeholder=i18n(key.placeholder) if key.placeholder else None,
            show_on=tuple((key.show_on or {}).items()),
        )
    ]
    if creds.base_url.enabled:
        url = creds.base_url
        placeholder = i18n(url.placeholder) if url.placeholder else {"en_US": spec.api.base_url}
        field = CredentialInfo(url.variable, i18n(url.label), "text-input", url.required, url.default, placeholder)
        fields.append(field)
    check_base_url_default(lw, spec, api)
    check_aws_fields(lw, spec, api.auth)
    check_entra_fields(lw, spec, api.auth)
    fields += [extra_credential(lw, ("credentials", "extra", i), extra) for i, extra in enumerate(creds.extra)]
    check_variables(lw, creds, fields)
    return tuple(fields)


def key_required(lw: Lowering, key: s.ApiKeyField, scheme: str) -> bool:
    """Whether the form requires the API key: the spec's word, else by the auth scheme."""
    loc = ("credentials", "api_key", "required")
    lw.check(
        not (key.required and scheme == "none"), loc, "auth scheme 'none' never sends the key; it cannot be required"
    )
    if key.required is not None:
        return key.required
    # aws: the key pair instead, unless the field shows for the API-key method alone; google: the official
    # form's key is optional (an empty one is a clear error at run time); entra_id: or a token
    return scheme not in ("none", "aws_sigv4", "google_service_account", "entra_id") or bool(key.show_on)


def extra_credential(lw: Lowering, loc: tuple, extra: s.CredentialField) -> CredentialInfo:
    choice = extra.type in ("select", "radio")
    lw.check(not choice or bool(extra.options), loc + ("options",), f"a {extra.type} field needs options")
    if extra.base_urls is not None:
        check_base_urls(lw, loc, extra)
    ok = len(extra.options) <= LIMITS["options"]
    lw.check(ok, loc + ("options",), f"Dify allows at most {LIMITS['options']} options")
    return CredentialInfo(
        variable=extra.variable,
        label=i18n(extra.label),
        type=CREDENTIAL_TYPES[extra.type],
        required=extra.required,
        default=extra.default,
        placeholder=i18n(extra.placeholder) if extra.placeholder else None,
        options=tuple(Option(o.value, i18n(o.label or o.value)) for o in extra.options),
        header=extra.header,
        query=extra.query,
        show_on=tuple((extra.show_on or {}).items()),
    )


def check_variables(lw: Lowering, creds: s.Credentials, fields: list[CredentialInfo]) -> None:
    """Each form variable an identifier, used once; at most Dify's number of fields."""
    locs = [("credentials", "api_key", "variable")]
    locs += [("credentials", "base_url", "variable")] if creds.base_url.enabled else []
    locs += [("credentials", "extra", i, "variable") for i in range(len(creds.extra))]
    named = list(zip(locs, (f.variable for f in fields)))
    for loc, variable in named:
        lw.check(bool(VARIABLE_RE.match(variable)), loc, f"must be an identifier, got {variable!r}")
    check_unique(lw, named, "credential variable")
    check_show_on(lw, locs, fields)
    limit = LIMITS["credentials"]
    message = f"Dify allows at most {limit} credential fields, got {len(fields)}"
    lw.check(len(fields) <= limit, ("credentials",), message)


def check_show_on(lw: Lowering, locs: list[tuple], fields: list[CredentialInfo]) -> None:
    """A field shown on another's value names another select or radio field of the form, and one of
    its options."""
    by_variable = {f.variable: f for f in fields}
    for loc, field in zip(locs, fields):
        for variable, value in field.show_on:
            at = loc[:-1] + ("show_on", variable)
            other = by_variable.get(variable)
            if other is None or other is field:
                lw.error(at, f"{variable!r} is not another credential field of this form")
            elif other.type not in ("select", "radio"):
                lw.error(at, "show_on names a select or radio credential field")
            elif value not in [o.value for o in other.options]:
                lw.error(at, f"{value!r} is not one of {variable}'s options: {[o.value for o in other.options]}")


def lower_errors(lw: Lowering, spec: s.Spec) -> ErrorMap:
    for status in spec.errors.status:
        lw.check(400 <= status <= 599, ("errors", "status", status), f"must be an HTTP error status, got {status}")
    status = DEFAULT_STATUS_KINDS | dict(spec.errors.status)
    codes = {code: kind for name in spoken(spec) for code, kind in PROTOCOLS[name].codes.items()}
    codes |= PROTOCOLS[spec.api.protocol].codes | dict(spec.errors.codes)
    return ErrorMap(status=dict(sorted(status.items())), codes=codes, in_body=lower_in_body(lw, spec.errors.in_body))


def lower_in_body(lw: Lowering, found: s.BodyStatus | None) -> tuple | None:
    """config.BODY_STATUS: (keys of the code, the codes that mean success as text, keys of the message)."""
    if found is None:
        return None
    loc = ("errors", "in_body")
    for key in ("code", "message"):
        check_keys(lw, loc + (key,), getattr(found, key), "base_resp.status_code")
    lw.check(bool(found.ok), loc + ("ok",), "must name at least one code that means success")
    message = tuple(found.message.split(".")) if found.message else ()
    return tuple(found.code.split(".")), tuple(str(code) for code in found.ok), message


PATH_RE = re.compile(r"^(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$")


def lower_rewrite(lw: Lowering, field: s.BaseUrlField) -> tuple[str, str] | None:
    """config.BASE_URL_REWRITE: ("append", path) or ("keep", "origin"); a path is segments after a
    slash, without a query, a fragment, `.` or `..` segments or a trailing slash."""
    rule = field.rewrite
    if rule is None:
        return None
    lw.check(field.enabled, ("credentials", "base_url", "rewrite"), "the base-URL override is off: nothing to rewrite")
    if rule.keep is not None:
        return ("keep", rule.keep)
    path = rule.append or ""
    dots = any(part in (".", "..") for part in path.split("/"))
    message = f"must be a path like /anthropic (no query, fragment, dot segments or trailing slash), got {path!r}"
    lw.check(bool(PATH_RE.match(path)) and not dots, ("credentials", "base_url", "rewrite", "append"), message)
    return ("append", path)


def rewritten(url: str, rule: tuple[str, str] | None) -> str:
    """What the runtime makes of an override (runtime/http.py: rewritten, the same rule)."""
    parts = urlsplit(url.rstrip("/"))
    if rule is None:
        return url.rstrip("/")
    if rule[0] == "keep":
        return f"{parts.scheme}://{parts.netloc}"
    path = parts.path.rstrip("/")
    return urlunsplit(parts) if path.endswith(rule[1]) else urlunsplit(parts._replace(path=path + rule[1]))


def check_base_url_default(lw: Lowering, spec: s.Spec, api: ApiInfo) -> None:
    """The override's default: an http(s) URL that, rewritten, is api.base_url (an untouched form and
    an emptied one reach the same place), and no region field it would always outvote."""
    field = spec.credentials.base_url
    loc = ("credentials", "base_url", "default")
    if field.default is None:
        return
    lw.check(field.enabled, loc, "the base-URL override is off: a default would never be shown")
    if not URL_RE.match(field.default):
        lw.error(loc, f"must be an http(s) URL, got {field.default!r}")
        return
    lands = rewritten(field.default, api.base_url_rewrite)
    lw.check(
        lands == api.base_url,
        loc,
        f"leads to {lands}, not api.base_url {api.base_url}: an untouched form and an emptied one would differ",
    )
    for variable in api.base_url_choices:
        lw.error(loc, f"would always outvote the base URL that credential {variable!r} picks")


def lower_check(lw: Lowering, spec: s.Spec) -> tuple[str | None, str | None]:
    """credentials.check: (the model credentials are checked with, the credential field naming it
    instead). The model is one of the spec's (its kind decides the call); a field's default is."""
    check = spec.credentials.check
    if check is None:
        return None, None
    kinds = {m.name: m.type for m in spec.models}
    loc = ("credentials", "check")
    if not spec.models:
        lw.warn(loc, "no predefined models, so no provider credentials to check: each added model checks its own")
        return None, None
    if check.model is not None:
        lw.check(check.model in kinds, loc + ("model",), f"{check.model!r} is not a model of this spec")
        return check.model, None
    extra = {f.variable: (i, f) for i, f in enumerate(spec.credentials.extra)}
    if check.field not in extra:
        lw.error(loc + ("field",), f"{check.field!r} is not a credentials.extra variable: {', '.join(extra) or 'none'}")
        return None, None
    index, field = extra[check.field]
    at = ("credentials", "extra", index)
    default = field.default or ""
    lw.check(
        default in kinds,
        at + ("default",),
        f"the check's field needs a default naming a model of the spec, got {field.default!r}",
    )
    for i, option in enumerate(field.options):
        same = kinds.get(option.value) == kinds.get(default)
        lw.check(
            same,
            at + ("options", i),
            f"{option.value!r} is not a model of this spec of kind {kinds.get(default, 'llm')}",
        )
    return default if default in kinds else None, check.field
