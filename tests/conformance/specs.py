"""The committed specs the suite runs over, by protocol, and their lowered models (cached).

CONFORMANCE_SPECS chooses them: `all` (the default), `cover` (the fewest specs and protocol views
that between them have every protocol, kind, auth scheme and quirk the checks look for: QUIRKS; a
view is picked only for what its spec's other views do not bring), or names separated by
commas. A catalogue of dozens of specs keeps `make test` in minutes with `cover` while CI runs `all`."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from compiler.catalogue import FEATURES
from compiler.load import load_spec
from compiler.lower import lower
from compiler.lower.api import OPENAI_EMBEDDING, OPENAI_SPEECH
from compiler.model import CustomInfo, ModelInfo, Provider

ROOT = Path(__file__).resolve().parents[2]


def protocols_of(path: Path) -> list[str]:
    """The protocols a spec's chat models speak by default (api.protocol first), read from its YAML:
    each model's `protocol`, else defaults.llm's, else api.protocol; of a list, the first."""
    data = YAML(typ="safe").load(path)
    default = (data.get("api") or {}).get("protocol", "openai_chat")
    first = lambda named: named[0] if isinstance(named, list) and named else named  # noqa: E731
    llm = first(((data.get("defaults") or {}).get("llm") or {}).get("protocol")) or default
    spoken = [first(m.get("protocol")) or llm for m in data.get("models") or () if m.get("type", "llm") == "llm"]
    return list(dict.fromkeys([default, *spoken]))


# A spec whose models speak several protocols runs the chat checks once per protocol: as itself (its
# api.protocol's models first), and as `<spec>@<protocol>` for each other (only that protocol's chat
# models; a module whose checks are of the spec as a whole sets WHOLE_SPEC and runs on the spec only).
VIEW = "@"


# Test-only specs (tests/conformance/specs/): a protocol or quirk no shipped spec has yet, run over both
# hosts from a tree the suite builds each run (pool.py), shipping nowhere. Their names are not the
# shipped specs'.
TEST_SPECS = Path(__file__).resolve().parent / "specs"
SPEC_PATHS = {path.stem: path for path in sorted((ROOT / "specs").glob("*.yaml"))}
BUILT = {path.stem: path for path in sorted(TEST_SPECS.glob("*.yaml")) if path.stem not in SPEC_PATHS}
SPEC_PATHS |= BUILT
PROTOCOL_OF = {
    (name if index == 0 else f"{name}{VIEW}{protocol}"): protocol
    for name, path in SPEC_PATHS.items()
    for index, protocol in enumerate(protocols_of(path))
}


def spec_of_view(name: str) -> str:
    """The spec a suite entry (a spec, or one protocol's view of it) tests."""
    return name.split(VIEW, 1)[0]


def chatless(data: dict) -> bool:
    """A spec of user-added models only whose users cannot add a chat model either."""
    added = ((data.get("customizable") or {}).get("types")) or ()
    return not data.get("models") and "llm" not in added


# Specs whose every model is one a user adds (Azure OpenAI's deployments, a self-hosted server's models):
# the chat checks talk to a chat model the suite adds through the spec's model form (added_chat).
ADDED_ONLY = frozenset(name for name, path in SPEC_PATHS.items() if not YAML(typ="safe").load(path).get("models"))
# Of those, the ones with no chat model to add: the checks of chat models leave them out.
CHATLESS = frozenset(name for name in ADDED_ONLY if chatless(YAML(typ="safe").load(SPEC_PATHS[name])))
# The generic checks that do not fit a spec of user-added models only, each with why (conftest.py skips
# them there): "<module file>::<check>", and the parameters of the cases meant, if not all.
APART_FOR_ADDED: dict[str, tuple[dict[str, object], str]] = {
    "test_credentials.py": (
        {},
        "the provider's form holds no model's credentials: a model's are checked as it is added",
    ),
    "test_secrets.py::test_no_key_is_shown_or_logged": (
        {"path": "validation"},
        "the provider's form holds no key to check: a model's credentials are checked as it is added",
    ),
}
ADDED_MODEL = "conformance-chat"  # the id of the chat model the suite adds to a spec of ADDED_ONLY
# A model form's feature toggles the suite switches on for the chat model it adds (its tools and vision).
ADDED_TOGGLES = {"function_calling": ("tool-call", "multi-tool-call"), "vision_support": ("vision",)}


def specs_of(*protocols: str, views: bool = True, among: tuple[str, ...] | None = None) -> list[str]:
    """The chosen specs (CONFORMANCE_SPECS; or those `among`) of these protocols, with their protocol
    views or not (never a spec of user-added models only whose users cannot add a chat model)."""
    return [
        name
        for name in (chosen() if among is None else among)
        if PROTOCOL_OF[name] in protocols and (views or VIEW not in name) and spec_of_view(name) not in CHATLESS
    ]


def grouped(names: list[str]) -> list:
    """`spec_name` values, each in its spec's pytest-xdist group."""
    return [pytest.param(name, marks=pytest.mark.xdist_group(name), id=name) for name in names]


# Specs with checks of their own (only()): a cover keeps them.
OWN_CHECKS = ("anthropic", "gemini", "vertex_ai", "azure_openai")


def only(*names: str) -> pytest.MarkDecorator:
    """A check of these specs alone (a shipped spec's own parameters), when they are chosen."""
    assert set(names) <= set(OWN_CHECKS), names
    return pytest.mark.parametrize("spec_name", grouped([n for n in names if n in chosen()]), scope="session")


@cache
def chosen() -> tuple[str, ...]:
    choice = os.environ.get("CONFORMANCE_SPECS", "all")
    if choice == "all":
        return tuple(PROTOCOL_OF)
    if choice == "cover":
        return recorded_cover()
    return with_views(tuple(name.strip() for name in choice.split(",") if name.strip()))


# The cover, worked out once (lowering ~80 specs takes ~20 s, in every pytest worker) and kept here;
# tests/unit/test_cover.py (CI's catalogue tier) fails when the specs' quirks ask for another one.
COVER_FILE = Path(__file__).resolve().parent / "cover.txt"


def recorded_cover() -> tuple[str, ...]:
    names = tuple(line.strip() for line in COVER_FILE.read_text().splitlines() if line.strip()[:1] not in ("", "#"))
    unknown = [name for name in names if name not in PROTOCOL_OF]
    assert not unknown, f"{COVER_FILE.name} names {unknown}, which no spec is: `python -m tests.conformance.specs`"
    return names


def cover_text() -> str:
    """What cover.txt should hold: the cover of every spec and protocol view (a view counts for what it adds)."""
    head = "# CONFORMANCE_SPECS=cover: the fewest specs and views with every quirk the checks look for.\n"
    head += "# Written by `python -m tests.conformance.specs`; tests/unit/test_cover.py keeps it current.\n"
    return head + "".join(f"{name}\n" for name in cover(list(PROTOCOL_OF)))


def with_views(names: tuple[str, ...]) -> tuple[str, ...]:
    """The specs named and their protocol views."""
    return tuple(entry for entry in PROTOCOL_OF if spec_of_view(entry) in names or entry in names)


def llm_settings(key: str) -> Callable[[Provider], bool]:
    return lambda p: any(key in m.settings for m in p.models_of("llm"))


# What a spec may have that some check looks for (and skips without).
QUIRKS: dict[str, Callable[[Provider], bool]] = {
    "error codes": lambda p: bool(p.errors.codes),
    "reasoning history": lambda p: p.api.reasoning_history != "strip",
    "merged turns": lambda p: p.api.messages["merge_same_role"],
    "dropped turns": lambda p: p.api.messages["drop_empty"],
    "no end user": lambda p: not p.api.send_user,
    "cut end user": lambda p: p.api.user[1] is not None or p.api.user[2],
    "extra credentials": lambda p: bool(p.api.credential_headers or p.api.credential_query),
    "fixed body": lambda p: bool(p.api.body) or llm_settings("body")(p),
    "value maps": lambda p: any("values" in record for record in p.parameters.values()),
    "built-in tools": lambda p: any("tool" in record for record in p.parameters.values()),
    "json parameters": lambda p: any(record.get("parse") == "json" for record in p.parameters.values()),
    "nested parameters": lambda p: any("." in str(record.get("key", "")) for record in p.parameters.values()),
    "omitted parameters": lambda p: any(
        p.parameter(m, rule.name).get("omit_when") for m in p.models_of("llm") for rule in m.parameters
    ),
    "completion mode": lambda p: any(m.mode == "completion" for m in p.models_of("llm")),
    "no stream": llm_settings("stream"),
    "no stop": llm_settings("send_stop"),
    "system messages": llm_settings("system_messages"),
    "documents": lambda p: any("document" in m.features for m in p.models_of("llm")),
    "json schema": lambda p: "json_schema" in p.parameters,
    "no usage events": lambda p: not p.api.stream_usage,
    "no model list": lambda p: not p.endpoints.get("models"),
    "protocol per model": lambda p: len(p.api.spoken) > 1,
    "protocol choice": lambda p: bool(p.api.protocol_choices),
    "model families": lambda p: any(
        rule.encoding == "control" and rule.send_as == "model" for m in p.models_of("llm") for rule in m.parameters
    ),
    "embeddings keys": lambda p: p.api.embeddings_module == "embeddings" and p.api.embedding != OPENAI_EMBEDDING,
    "embedding model's own call": lambda p: any(
        m.settings.keys() & {"endpoint", "embedding"} for m in p.models_of("text-embedding")
    ),
    "rerank model's own call": lambda p: any(m.settings.keys() & {"endpoint", "rerank"} for m in p.models_of("rerank")),
    "speech keys": lambda p: bool(p.models_of("tts")) and p.api.speech != OPENAI_SPEECH,
    "failures in 2xx bodies": lambda p: p.errors.in_body is not None,
    "chat in a further protocol only": lambda p: bool(p.models_of("llm")) and not chat_models(p),
}


def quirks(name: str) -> set[str]:
    """The protocol, auth scheme, kinds, user-added kinds, the catalogue's features its protocol's chat
    models have (their checks run only where a model has them: backing.py), a chat model the suite adds,
    and QUIRKS of a spec."""
    p = lowered(name)
    found = {f"protocol {p.api.protocol}", f"auth {p.api.auth.scheme}"} | {f"kind {m.type}" for m in p.models}
    found |= {f"user-added {kind}" for kind in (p.customizable.types if p.customizable else ())}
    found |= {f"{kind} settings" for kind in {m.type for m in p.models if m.settings and m.type != "llm"}}
    found |= {f"checks of its own: {name}"} if name in OWN_CHECKS else set()
    found |= {f"{feature} over {p.api.protocol}" for feature, has in FEATURES.items() if any(map(has, chat_models(p)))}
    if spec_of_view(name) in ADDED_ONLY and first_chat(p) == ADDED_MODEL:
        found.add("user-added chat from " + ("base models" if p.customizable.base_models else "toggles"))
    return found | {quirk for quirk, has in QUIRKS.items() if has(p)}


def cover(names: list[str]) -> tuple[str, ...]:
    """The fewest specs (greedily) that between them have every quirk one of `names` has."""
    left, picked = {name: quirks(name) for name in names}, []
    wanted = set().union(*left.values())
    while wanted:
        best = max(left, key=lambda name: (len(left[name] & wanted), -names.index(name)))
        picked.append(best)
        wanted -= left.pop(best)
    return tuple(sorted(picked))


@cache
def lowered(name: str) -> Provider:
    """A spec lowered, or its view of one protocol (VIEW)."""
    provider = lower(load_spec(SPEC_PATHS[spec_of_view(name)]))
    if spec_of_view(name) in ADDED_ONLY and spec_of_view(name) not in CHATLESS:
        provider = dataclasses.replace(provider, models=(added_chat(provider)[0], *provider.models))
    return view(provider, PROTOCOL_OF[name], whole=VIEW not in name)


def added_chat(provider: Provider) -> tuple[ModelInfo, dict[str, str]]:
    """The chat model the suite adds to a spec of user-added models only, and the answers to its model
    form that add it (form variable -> value): of a form with base models, the first chat base model of
    the spec's protocol that streams, best by added_rank; else a chat model with the form's toggles of
    tools and vision switched on. Dify's calls send the answers with the credentials (hosts.py),
    MaiBot's name the model's id."""
    custom = provider.customizable
    assert custom and "llm" in custom.types, f"{provider.name}: users cannot add a chat model"
    if custom.base_models:
        bases = [
            m
            for m in custom.base_models
            if m.type == "llm" and m.mode == "chat" and speaks(provider, m) == provider.api.protocol
        ]
        base = max((m for m in bases if m.settings.get("stream", True)), key=added_rank, default=None)
        assert (
            base
        ), f"{provider.name}: no base model of the form is a chat model of {provider.api.protocol} that streams"
        return dataclasses.replace(base, name=ADDED_MODEL), {custom.base_variable: base.name}
    toggles = [name for name in ADDED_TOGGLES if name in custom.variables]
    answers = {"mode": "chat"} | {name: "true" for name in toggles}
    properties = custom.properties["llm"]
    model = ModelInfo(
        name=ADDED_MODEL,
        label=provider.label,
        type="llm",
        mode="chat",
        context_size=int(properties["context_size"]),
        max_output_tokens=custom.max_output_tokens,
        max_chunks=1,
        features=tuple(feature for name in toggles for feature in ADDED_TOGGLES[name]),
        parameters=custom.parameters,
        pricing=None,
        deprecated=False,
        settings=dict(provider.kind_settings.get("llm", {})),
    )
    return model, {custom.renamed.get(k, k): toggled(custom, k, v) for k, v in answers.items() if k in custom.variables}


def added_rank(base: ModelInfo) -> tuple[int, bool]:
    """How well a base model serves the checks: how many of tools and vision it has, then whether it
    takes temperature (MaiBot names a deployment by id, not knowing its base model, and sends the
    host's temperature as to any chat model)."""
    features = sum(bool(set(base.features) & set(found)) for found in ADDED_TOGGLES.values())
    return features, any(rule.name == "temperature" for rule in base.parameters)


def toggled(custom: CustomInfo, name: str, value: str) -> str:
    """A field's answer as the model form spells it: a toggle's "true"/"false" as its own on and off
    values (StepFun's function_call / no_call)."""
    on = custom.on.get(name)
    if not on or value not in ("true", "false"):
        return value
    variable = custom.renamed.get(name, name)
    options = next(field.options for field in custom.form if field.variable == variable)
    return on[0] if value == "true" else next(o.value for o in options if o.value not in on)


def added_credentials(provider: Provider) -> dict[str, str]:
    """The model form's answers that add the suite's chat model (none when the spec lists its models),
    over the defaults of the form's fields."""
    if not provider.customizable or first_chat(provider) != ADDED_MODEL:
        return {}
    defaults = {field.variable: field.default for field in provider.customizable.form if field.default is not None}
    return defaults | added_chat(provider)[1]


def first_chat(provider: Provider) -> str | None:
    chat = provider.models_of("llm")
    return chat[0].name if chat else None


def speaks(provider: Provider, model: ModelInfo) -> str:
    """The protocol a model speaks with the credentials' defaults (runtime/apis.py: spoken)."""
    named = model.settings.get("protocol")
    if named is None or isinstance(named, str):
        return named or provider.api.protocol
    picked = next((table[""] for table in provider.api.protocol_choices.values() if table.get("") in named), None)
    return picked or named[0]


def chat_models(provider: Provider) -> list[ModelInfo]:
    """The chat models of the view's protocol (a whole spec's view lists the others after them)."""
    return [m for m in provider.models_of("llm") if speaks(provider, m) == provider.api.protocol]


def view(provider: Provider, protocol: str, whole: bool) -> Provider:
    """The provider as the checks of one protocol see it: its chat models that speak it first (the
    checks talk to the first), and, for a view of a further protocol, only those, reached at that
    protocol's endpoints, with its auth and headers."""
    chat = [m for m in provider.models_of("llm") if speaks(provider, m) == protocol]
    if whole:  # every chat model may speak another protocol (MiniMax's): checked in that protocol's view
        return dataclasses.replace(provider, models=tuple(chat) + tuple(m for m in provider.models if m not in chat))
    other = provider.api.protocols[protocol]
    api = dataclasses.replace(
        provider.api,
        protocol=protocol,
        endpoints=other["endpoints"],
        auth=other["auth"],
        headers=other["headers"],
    )
    parameters = {name: keyed(record, protocol) for name, record in provider.parameters.items()}
    return dataclasses.replace(provider, api=api, models=tuple(chat), parameters=parameters, customizable=None)


def keyed(record: dict[str, object], protocol: str) -> dict[str, object]:
    """A parameter's record with the key `protocol` takes (records.py: keys) as its key."""
    keys = record.get("keys") or {}
    return record | {"key": keys[protocol]} if protocol in keys else record  # type: ignore[operator]


if __name__ == "__main__":
    COVER_FILE.write_text(cover_text())
    print(f"{COVER_FILE}: {', '.join(recorded_cover())}")
