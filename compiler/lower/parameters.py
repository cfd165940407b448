"""Parameter rules: each spec rule lowered once into a ParameterRule (Dify's declaration and how its
value is sent), checked alone and with the other rules of its model (records.py joins the rules of
one name across models)."""

from __future__ import annotations

import dataclasses
import re

from compiler import spec as s
from compiler.lower.api import check_fixed_body, check_header
from compiler.lower.diagnostics import Lowering, check_unique
from compiler.lower.identity import i18n
from compiler.model import ParameterRule
from compiler.tables import Protocol

SEND_AS_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$")
ENCODINGS = {"response_format": "response_format", "json_schema": "json_schema"}
RESPONSE_FORMAT_HELP = {
    "en_US": "The form of the answer: text, or JSON the model must produce (json_schema: as the JSON Schema "
    "parameter describes).",
    "zh_Hans": "回答的形式：文本，或模型必须输出的 JSON（json_schema：按 JSON Schema 参数的描述）。",
}
# Each Dify template's value type: a rule named like a template means that template's value, so it
# gets that template's wire encoding, and a different type is an error (never a silent change).
TEMPLATE_TYPES = {
    "temperature": "float",
    "top_p": "float",
    "top_k": "int",
    "presence_penalty": "float",
    "frequency_penalty": "float",
    "max_tokens": "int",
    "response_format": "string",
    "json_schema": "text",
}
DEFAULT_MAX_TOKENS = 4096
RULE_KEY_ORDER = ["label", "type", "help", "required", "default", "min", "max", "precision", "options"]
# The spec fields that say how a value is sent; the rest are Dify's declaration.
WIRE_FIELDS = {"use", "template", "name", "send_as", "values", "omit_when", "parse", "adds_tool", "headers", "body"}
WIRE_FIELDS |= {"controls"}
NO_FORMAT = "only Dify's JSON and XML options, which are asked for in the prompt, and a json_schema rule"
# Settings of the host's request, not of a wire protocol, that a parameter may steer in every protocol
# (`controls`) -> the parameter type it takes. stream: false asks for one answer this request.
HOST_CONTROLS = {"stream": "boolean"}
# Controls whose options each stand for a value (`values`): the wire model id a family's select picks,
# and the rule choosing an inference-profile prefix from the region (bedrock_converse).
VALUED_CONTROLS = frozenset(("model", "profile"))
# (the protocols a model speaks, its first by default; every protocol the plugin speaks, api.protocol first)
Speaking = tuple[tuple[Protocol, ...], tuple[Protocol, ...]]
VALUE_KEY_TYPES = {"boolean": (bool,), "int": (int,), "float": (int, float), "string": (str,), "text": (str,)}


def lower_parameter(
    lw: Lowering, loc: tuple, p: s.Parameter, max_output: int | None, speaks: Speaking
) -> ParameterRule:
    """One spec rule: its Dify declaration checked and ordered, and how its value is sent (the body
    key api.protocol takes, and those of the plugin's other protocols where they differ)."""
    name = rule_name(lw, loc, p)
    meant = p.template or (name if name in TEMPLATE_TYPES else None)
    overrides = declaration(lw, loc, p, max_output)
    for protocol in speaks[0]:
        check_sending(lw, loc, p, protocol, meant)
    check_template_type(lw, loc, p, name, meant)
    send_as = p.controls or p.send_as or name
    default, *others = speaks[1]
    key = send_as if p.controls else default.parameter_keys.get(send_as, send_as)
    keys = {} if p.controls else {o.name: o.parameter_keys.get(send_as, send_as) for o in others}
    return ParameterRule(
        name=name,
        template=p.template,
        send_as=key,
        keys=tuple((protocol, sent) for protocol, sent in keys.items() if sent != key),
        encoding=encoding_of(p, meant),
        overrides=overrides,
        values=lower_values(lw, loc + ("values",), p, TEMPLATE_TYPES.get(meant or "") or p.type),
        omit_when=tuple((p.omit_when or {}).items()),
        adds_tool=dict(p.adds_tool) if p.adds_tool else None,
        headers=tuple((p.headers or {}).items()),
        body=dict(p.body) if p.body else None,
    )


def rule_name(lw: Lowering, loc: tuple, p: s.Parameter) -> str:
    name = p.name or p.template
    if name is None:
        lw.error(loc, "a parameter needs a template or a name")
        name = "?"
    if p.template is None and p.type is None:
        lw.error(loc + ("type",), "a custom parameter (no template) needs a type")
    if p.type == "string" and p.template is None:
        lw.check(bool(p.options), loc + ("options",), "a string parameter needs options (Dify shows it as a select)")
    return name


def declaration(lw: Lowering, loc: tuple, p: s.Parameter, max_output: int | None) -> dict[str, object]:
    """The rule as Dify declares it beyond its name and template, in Dify's key order."""
    overrides = p.model_dump(exclude=WIRE_FIELDS, exclude_none=True)
    for key in ("label", "help"):
        if key in overrides:
            overrides[key] = i18n(overrides[key])
    options = set(p.options or ())
    if p.template == "response_format" and options and not options & {"JSON", "XML"} and "help" not in overrides:
        # The template's help speaks of Dify's code-block modes, which these options are not.
        overrides["help"] = RESPONSE_FORMAT_HELP
    if p.template == "max_tokens":
        top = overrides.get("max", max_output)
        overrides.setdefault("min", 1)
        if top is not None:
            overrides["max"] = top
            overrides.setdefault("default", min(DEFAULT_MAX_TOKENS, top))
    check_parameter_bounds(lw, loc, overrides)
    return dict(sorted(overrides.items(), key=lambda kv: RULE_KEY_ORDER.index(kv[0])))


def check_sending(lw: Lowering, loc: tuple, p: s.Parameter, protocol: Protocol, meant: str | None) -> None:
    """The fields that say how the value is sent: each well formed, and none that contradict."""
    if p.send_as is not None:
        message = f"must be a body key like `max_completion_tokens` or `thinking.type`, got {p.send_as!r}"
        lw.check(bool(SEND_AS_RE.match(p.send_as)), loc + ("send_as",), message)
    if p.adds_tool is not None:
        check_adds_tool(lw, loc, p, protocol, meant)
    for header, value in (p.headers or {}).items():
        check_header(lw, loc + ("headers", header), header, value)
    check_fixed_body(lw, loc + ("body",), p.body)
    if p.controls is not None:
        check_control(lw, loc, p, protocol, meant)
    if p.parse is not None:
        ok = p.type == "text" and meant is None
        what = "JSON" if p.parse == "json" else "a list"
        lw.check(ok, loc + ("parse",), f"only a text parameter that is not a Dify template holds {what}")


def check_template_type(lw: Lowering, loc: tuple, p: s.Parameter, name: str, meant: str | None) -> None:
    """A custom rule named like a Dify template has that template's type."""
    if meant and p.template is None and p.type is not None and p.type != TEMPLATE_TYPES[meant]:
        lw.error(
            loc + ("type",),
            f"{name} is a Dify template name, whose values are {TEMPLATE_TYPES[meant]}: use `template: {name}`"
            f" with that type, or another name for a different parameter",
        )


def check_adds_tool(lw: Lowering, loc: tuple, p: s.Parameter, protocol: Protocol, meant: str | None) -> None:
    lw.check(p.type == "boolean" and meant is None, loc + ("adds_tool",), "only a boolean parameter adds a tool")
    check_builtin_tool(lw, loc + ("adds_tool",), p.adds_tool or {}, protocol)
    message = "a parameter that adds a tool is not sent itself"
    lw.check(not p.values and not p.send_as, loc + ("adds_tool",), message)


def check_builtin_tool(lw: Lowering, loc: tuple, tool: dict[str, object], protocol: Protocol) -> None:
    """A built-in tool names itself the protocol's way, and not as the host's function tools."""
    reserved = protocol.function_tools
    if protocol.tool_name_key is None:
        ok = len(tool) == 1 and next(iter(tool)) != reserved
        lw.check(ok, loc, f"a {protocol.name} built-in tool is an object of one key, its name (not {reserved})")
        return
    key = protocol.tool_name_key
    ok = isinstance(tool.get(key), str) and tool.get(key) != reserved
    lw.check(ok, loc + (key,), f"a built-in tool needs a `{key}` of its own (not {reserved})")


def encoding_of(p: s.Parameter, meant: str | None) -> str:
    if p.controls:
        return "control"
    if p.adds_tool:
        return "tool"
    return p.parse or ENCODINGS.get(meant or "", "plain")


def check_control(lw: Lowering, loc: tuple, p: s.Parameter, protocol: Protocol, meant: str | None) -> None:
    """A parameter that steers a protocol setting: one the protocol has, of its type, and nothing else."""
    settings = HOST_CONTROLS | protocol.controls
    kind = settings.get(p.controls or "")
    if kind is None:
        offered = ", ".join(settings)
        lw.error(loc + ("controls",), f"protocol {protocol.name} has no setting {p.controls!r} (it has: {offered})")
        return
    lw.check(p.type == kind and meant is None, loc + ("type",), f"{p.controls} takes a {kind} parameter")
    valued = p.controls in VALUED_CONTROLS
    for key in ("send_as", "adds_tool", "parse", "body") + (() if valued else ("values",)):
        lw.check(getattr(p, key) is None, loc + (key,), "a parameter that steers a protocol setting is not sent itself")
    if valued:
        check_control_values(lw, loc, p)


def check_control_values(lw: Lowering, loc: tuple, p: s.Parameter) -> None:
    """`model` and `profile` need a value for every option: a wire id, or a region rule (null: none)."""
    values = p.values or {}
    for option in p.options or ():
        lw.check(option in values, loc + ("values",), f"{p.controls}: no value for the option {option!r}")
    for option, value in values.items():
        at = loc + ("values", str(option))
        if p.controls == "model":
            lw.check(isinstance(value, str) and bool(value), at, "a model option picks a wire model id (a string)")
        elif value is not None:
            ok = isinstance(value, dict) and all(
                isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
                for k, v in value.items()
            )
            message = "a profile option is a rule {region prefix: [profile prefixes to try]}, or null for the bare id"
            lw.check(ok, at, message)


def of_type(kind: object, value: object) -> bool:
    """Whether `value` is a value of a rule of type `kind`: true and false only for booleans (bool is
    an int to isinstance)."""
    types = VALUE_KEY_TYPES.get(str(kind), ())
    return isinstance(value, types) and isinstance(value, bool) == (bool in types)


def lower_values(lw: Lowering, loc: tuple, p: s.Parameter, kind: str | None) -> tuple[tuple[object, object], ...]:
    """`values`: each key a value the user can pick (of the rule's type, one of its options)."""
    if not p.values:
        return ()
    lw.check(
        kind not in ("response_format", "json_schema") and p.template not in ENCODINGS,
        loc,
        "a response_format or json_schema rule is sent its own way; it takes no values",
    )
    for key in p.values:
        ok = of_type(kind, key)
        lw.check(ok, loc + (str(key),), f"{key!r} is not a {kind} value, so the user can never pick it")
        if ok and p.options is not None:
            lw.check(key in p.options, loc + (str(key),), f"{key!r} is not one of the options {p.options}")
    return tuple(p.values.items())


def check_parameter_bounds(lw: Lowering, loc: tuple, rule: dict) -> None:
    low, high, default = rule.get("min"), rule.get("max"), rule.get("default")
    if low is not None and high is not None:
        lw.check(low <= high, loc + ("min",), f"min ({low}) is greater than max ({high})")
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        lw.check(low is None or default >= low, loc + ("default",), f"default ({default}) is below min ({low})")
        lw.check(high is None or default <= high, loc + ("default",), f"default ({default}) is above max ({high})")
    options = rule.get("options")
    if options and default is not None:
        lw.check(default in options, loc + ("default",), f"default {default!r} is not one of the options")


def expand_sets(lw: Lowering, spec: s.Spec, loc: tuple, rules: list[s.Parameter]) -> list[tuple[tuple, s.Parameter]]:
    """The rules with each `{use: name}` replaced by that set's rules, each with where it was written."""
    out = []
    for index, rule in enumerate(rules):
        if rule.use is None:
            out.append((loc + (index,), rule))
            continue
        others = rule.model_dump(exclude={"use"}, exclude_defaults=True)
        message = f"`use` inserts a set's rules; it takes no fields of its own: {sorted(others)}"
        lw.check(not others, loc + (index,), message)
        out += set_members(lw, spec, loc + (index, "use"), rule.use)
    return out


def set_members(lw: Lowering, spec: s.Spec, loc: tuple, name: str) -> list[tuple[tuple, s.Parameter]]:
    found = spec.parameter_sets.get(name)
    if found is None:
        known = ", ".join(spec.parameter_sets) or "none are defined"
        lw.error(loc, f"no parameter set {name!r} (parameter_sets: {known})")
        return []
    out = []
    for inner, member in enumerate(found):
        at = ("parameter_sets", name, inner)
        if member.use is not None:
            lw.error(at + ("use",), "a parameter set cannot use another; list its rules")
            continue
        out.append((at, member))
    return out


def lower_rules(
    lw: Lowering, locs: list[tuple], rules: list[ParameterRule], protocols: tuple[Protocol, ...]
) -> tuple[ParameterRule, ...]:
    """One model's rules (or the user-added models'), checked together: names unique, omit_when
    naming another rule, formats each of its protocols can ask for; each with its omissions."""
    check_unique(lw, list(zip(locs, (rule.name for rule in rules))), "parameter")
    check_omissions(lw, locs, rules)
    for loc, rule in zip(locs, rules):
        for protocol in protocols:
            lw.check(api_format(rule, protocol), loc, f"protocol {protocol.name} has no response_format: {NO_FORMAT}")
    return with_omissions(rules)


def api_format(rule: ParameterRule, protocol: Protocol) -> bool:
    """Whether the protocol can ask its API for the format a rule asks for (json_object: only with a
    response_format field; a json_schema rule: Anthropic's structured outputs too)."""
    if rule.encoding == "json_schema":
        return protocol.json_schema
    options = set(rule.overrides.get("options") or ("JSON", "XML"))  # type: ignore[arg-type]
    return protocol.response_format or rule.encoding != "response_format" or options <= {"JSON", "XML"}


def check_omissions(lw: Lowering, locs: list[tuple], rules: list[ParameterRule]) -> None:
    """omit_when names another parameter of the same model, with a value of its type."""
    types = {rule.name: TEMPLATE_TYPES.get(rule.template or rule.name) or rule.overrides.get("type") for rule in rules}
    for loc, rule in zip(locs, rules):
        for other, value in rule.omit_when:
            at = loc + ("omit_when", other)
            if other not in types or other == rule.name:
                lw.error(at, f"{other!r} is not another parameter of this model: {', '.join(types)}")
                continue
            message = f"{value!r} is not a {types[other]} value, so {other} can never have it"
            lw.check(of_type(types[other], value), at, message)


def with_omissions(rules: list[ParameterRule]) -> tuple[ParameterRule, ...]:
    """Each rule with its omit_when as (other parameter, value, the other's default here): a host
    that leaves the other parameter out means its default."""
    defaults = {rule.name: rule.overrides.get("default") for rule in rules}
    return tuple(
        dataclasses.replace(
            rule, omissions=tuple((other, value, defaults.get(other)) for other, value in rule.omit_when)
        )
        for rule in rules
    )
