"""customizable: the form Dify shows a user adding a model, and what the runtime needs to turn the
user's answers into a model schema (runtime/customizable.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from compiler import spec as s
from compiler.lower.api import LIMITS, VARIABLE_RE
from compiler.lower.bases import base_model_field, lower_base_models
from compiler.lower.diagnostics import Lowering, check_unique
from compiler.lower.identity import i18n
from compiler.lower.models import _decimal, check_per_unit, per_exponent, per_unit, properties
from compiler.lower.parameters import DEFAULT_MAX_TOKENS, expand_sets, lower_parameter, with_omissions
from compiler.model import ApiInfo, CredentialInfo, CustomInfo, Option, ParameterRule, unit_label
from compiler.lower.protocols import declared, of, spoken
from compiler.tables import KINDS

EVERY_KIND = tuple(kind.name for kind in KINDS if kind.dify)
YES_NO = (
    Option("true", {"en_US": "Supported", "zh_Hans": "支持"}),
    Option("false", {"en_US": "Not supported", "zh_Hans": "不支持"}),
)
MODES = (
    Option("chat", {"en_US": "Chat", "zh_Hans": "对话"}),
    Option("completion", {"en_US": "Completion", "zh_Hans": "补全"}),
)
DEFAULT_PARAMETERS = ("temperature", "top_p", "max_tokens")


@dataclass(frozen=True)
class Control:
    """One control of the model form: its variable, the kinds that read it, and how it looks. `name`
    is what the runtime calls it (config.CUSTOMIZABLE["fields"]); `variable` the form's, unless the
    spec renames it."""

    variable: str
    kinds: tuple[str, ...]
    label: dict[str, str]
    type: str = "text-input"
    placeholder: dict[str, str] | None = None
    options: tuple[Option, ...] = ()  # a select's
    default: str | None = None
    required: bool = False
    on: tuple[str, ...] = ()  # a toggle's values that mean on (empty: "true")
    name: str = ""

    @property
    def runtime_name(self) -> str:
        return self.name or self.variable


def toggle(variable: str, en: str, zh: str) -> tuple[Control, ...]:
    return (Control(variable, ("llm",), {"en_US": en, "zh_Hans": zh}, "select", options=YES_NO, default="false"),)


# Each field a spec may offer -> its controls (pricing has two).
FIELDS: dict[str, tuple[Control, ...]] = {
    "display_name": (
        Control(
            "display_name",
            EVERY_KIND,
            {"en_US": "Display name", "zh_Hans": "显示名称"},
            placeholder={"en_US": "Defaults to the model id", "zh_Hans": "默认为模型 ID"},
        ),
    ),
    "mode": (Control("mode", ("llm",), {"en_US": "Mode", "zh_Hans": "模式"}, "select", options=MODES),),
    "context_size": (
        Control(
            "context_size", ("llm", "text-embedding", "rerank"), {"en_US": "Context size", "zh_Hans": "上下文长度"}
        ),
    ),
    "max_output_tokens": (
        Control("max_tokens", ("llm",), {"en_US": "Most output tokens", "zh_Hans": "最大输出 token 数"}),
    ),
    "vision": toggle("vision_support", "Vision", "视觉"),
    "tool_call": toggle("function_calling", "Tool calls", "工具调用"),
    "stream_tool_call": toggle("stream_function_calling", "Tool calls in streams", "流式工具调用"),
    "reasoning": toggle("reasoning_support", "Reasoning", "推理"),
    "structured_output": toggle("structured_output_support", "Structured output", "结构化输出"),
    "image_output": toggle("image_output", "Answers with images", "输出图片"),
    "pricing": (
        Control("input_price", ("llm", "text-embedding"), {"en_US": "Input price", "zh_Hans": "输入价格"}),
        Control("output_price", ("llm",), {"en_US": "Output price", "zh_Hans": "输出价格"}),
    ),
    "voices": (
        Control(
            "voices",
            ("tts",),
            {"en_US": "Voices (ids, comma-separated)", "zh_Hans": "音色（ID，逗号分隔）"},
            placeholder={"en_US": "alloy, echo", "zh_Hans": "alloy, echo"},
        ),
    ),
}


def readers(field: str) -> set[str]:
    return {kind for control in FIELDS[field] for kind in control.kinds}


def lower_customizable(
    lw: Lowering, spec: s.Spec, api: ApiInfo, credentials: tuple[CredentialInfo, ...]
) -> CustomInfo | None:
    """The customizable section; None when the spec has none."""
    custom = spec.customizable
    message = "must have at least 1 item(s), or set `customizable`"
    lw.check(bool(spec.models) or custom is not None, ("models",), message)
    if custom is None:
        return None
    types = tuple(kind for kind in EVERY_KIND if kind in custom.types)
    bases = lower_base_models(lw, spec, api, types)
    offered = offered_fields(lw, custom, types, bool(bases))
    properties = {kind: kind_properties(lw, spec, kind) for kind in types}
    controls = form_controls(lw, offered, types, properties, api, credentials)
    check_drawing(lw, spec, offered, controls)
    parameters, extra = custom_rules(lw, spec, "reasoning" in [entry.field for entry in offered])
    check_per_unit(lw, ("customizable",), custom.per, None)
    unit = _decimal(per_unit(custom.per) if per_exponent(custom.per) is not None else per_unit("million"))
    return CustomInfo(
        types=types,
        form=credentials
        + ((base_model_field(spec, bases, types),) if bases else ())
        + tuple(form_field(c, types, custom.currency, unit) for c in controls),
        variables=tuple(c.runtime_name for c in controls),
        properties=with_defaults(properties, controls),
        parameters=parameters,
        reasoning_parameters=extra,
        max_output_tokens=int(answer_default(controls, "max_tokens") or max_output(spec)),
        pricing=(custom.currency, unit),
        renamed={c.runtime_name: c.variable for c in controls if c.variable != c.runtime_name},
        on={c.runtime_name: c.on for c in controls if c.on},
        base_models=bases,
        base_variable=base_model_field(spec, bases, types).variable if bases else "",
    )


def check_drawing(lw: Lowering, spec: s.Spec, offered: list[s.CustomFieldForm], controls: list[Control]) -> None:
    """Users may say an added model draws only where every protocol it may speak (defaults.llm's) can
    return images."""
    if "image_output" not in [c.runtime_name for c in controls]:
        return
    at = ("customizable", "fields", [e.field for e in offered].index("image_output"))
    for protocol in of(declared(spec.defaults.llm, spec.api.protocol)):
        lw.check(protocol.image_output, at, f"protocol {protocol.name} cannot answer with images")


def max_output(spec: s.Spec) -> int:
    return spec.defaults.llm.max_output_tokens or DEFAULT_MAX_TOKENS


def answer_default(controls: list[Control], name: str) -> str | None:
    """The form default the spec gives a control (None: the field's own, or not offered)."""
    return next((c.default for c in controls if c.runtime_name == name and c.name), None)


def with_defaults(properties: dict[str, dict[str, object]], controls: list[Control]) -> dict[str, dict[str, object]]:
    """Each kind's properties with the context size the spec's form default gives (what a model gets
    when the answer is left empty)."""
    context = answer_default(controls, "context_size")
    if context is None:
        return properties
    return {kind: v | {"context_size": int(context)} if "context_size" in v else v for kind, v in properties.items()}


def offered_fields(
    lw: Lowering, custom: s.Customizable, types: tuple[str, ...], based: bool = False
) -> list[s.CustomFieldForm]:
    """The fields the model form offers: the spec's, else every one a customizable type reads
    (but those offered only when listed, OPT_IN); with base models (`based`), which set the rest,
    display_name at most."""
    if custom.fields is not None:
        offered = list(custom.fields)
    elif based:
        offered = []
    else:
        offered = [s.CustomFieldForm(field=f) for f in FIELDS if readers(f) & set(types) and f not in OPT_IN]
    for index, entry in enumerate(offered):
        message = f"the base model sets {entry.field}: with base_models the form offers display_name only"
        lw.check(not based or entry.field == "display_name", ("customizable", "fields", index), message)
        kinds = "/".join(k for k in EVERY_KIND if k in readers(entry.field))
        ok = bool(readers(entry.field) & set(types))
        lw.check(
            ok,
            ("customizable", "fields", index),
            f"only {kinds} models read {entry.field}, and none is customizable here",
        )
    check_unique(lw, [(("customizable", "fields", i), e.field) for i, e in enumerate(offered)], "field")
    return offered


def form_controls(
    lw: Lowering,
    offered: list[s.CustomFieldForm],
    types: tuple[str, ...],
    properties: dict[str, dict[str, object]],
    api: ApiInfo,
    credentials: tuple[CredentialInfo, ...],
) -> list[Control]:
    """The form's controls for the offered fields, as the spec shapes them; each variable free, the
    form within Dify's size."""
    first = {entry.field: i for i, entry in reversed(list(enumerate(offered)))}  # a field named twice: reported
    controls = [
        shaped(lw, ("customizable", "fields", i), control, offered[i])
        for i in sorted(first.values())
        for control in FIELDS[offered[i].field]
        if set(control.kinds) & set(types)
    ]
    if "mode" in [c.runtime_name for c in controls]:
        at = ("customizable", "fields", [e.field for e in offered].index("mode"))
        message = "users may pick completion, but api.endpoints.completions is null"
        lw.check(api.endpoints["completions"] is not None, at, message)
        mode = str(properties["llm"]["mode"])
        controls = [replace(c, default=c.default or mode) if c.runtime_name == "mode" else c for c in controls]
    taken = {c.variable for c in credentials}
    for control in controls:
        message = f"the form variable {control.variable!r} is also a credential's; rename the credential"
        lw.check(control.variable not in taken, ("customizable", "fields"), message)
    check_unique(lw, [(("customizable", "fields"), c.variable) for c in controls], "form variable")
    limit, size = LIMITS["credentials"], len(credentials) + len(controls)
    message = f"Dify allows at most {limit} fields in a form; the model form has {size}"
    lw.check(size <= limit, ("customizable", "fields"), message)
    return controls


TOGGLES = ("vision", "tool_call", "stream_tool_call", "reasoning", "structured_output", "image_output")
# Fields offered only when the spec lists them: not every API has completions, or draws.
OPT_IN = ("mode", "image_output")
NUMBERS = ("context_size", "max_output_tokens")  # whole numbers: their defaults are what an empty answer gets


def shaped(lw: Lowering, loc: tuple, control: Control, entry: s.CustomFieldForm) -> Control:
    """A control as the spec's mapping shapes it: its own variable, label, placeholder, default,
    `required`, and for a feature toggle its own options and the values that mean on."""
    given = entry.model_fields_set - {"field"}
    if not given:
        return control
    if entry.field == "pricing":  # two controls: only `required` can apply to both
        for key in sorted(given - {"required"}):
            lw.error(loc + (key,), "pricing is two fields (input and output price): only `required` applies")
        return replace(control, required=bool(entry.required))
    toggle = entry.field in TOGGLES
    for key in sorted(given & {"type", "options", "on"}):
        lw.check(toggle, loc + (key,), f"only a feature toggle ({', '.join(TOGGLES)}) takes {key}")
    options = control.options
    if toggle and entry.options is not None:
        options = tuple(Option(o.value, i18n(o.label or o.value)) for o in entry.options)
        lw.check(bool(entry.on), loc + ("on",), "say which of the options turn the feature on")
    values = [o.value for o in options]
    for index, value in enumerate(entry.on or () if toggle else ()):
        lw.check(value in values, loc + ("on", index), f"{value!r} is not one of the options: {values}")
    variable = entry.variable or control.variable
    lw.check(bool(VARIABLE_RE.match(variable)), loc + ("variable",), f"must be an identifier, got {variable!r}")
    on = tuple(entry.on or ()) if toggle else ()
    return replace(
        control,
        name=control.variable,
        variable=variable,
        label=i18n(entry.label) if entry.label else control.label,
        placeholder=i18n(entry.placeholder) if entry.placeholder else control.placeholder,
        default=form_default(lw, loc, entry, values) or control.default,
        required=bool(entry.required),
        type=entry.type or control.type,
        options=options,
        on=() if on == ("true",) else on,
    )


def form_default(lw: Lowering, loc: tuple, entry: s.CustomFieldForm, values: list[str]) -> str | None:
    """The spec's default as the form holds it (a string): a positive whole number for the numbers,
    one of the options for a select."""
    if entry.default is None:
        return None
    text = str(entry.default).strip()
    if entry.field in NUMBERS:
        ok = text.isdigit() and int(text) > 0
        lw.check(ok, loc + ("default",), f"must be a positive whole number, got {entry.default!r}")
        return str(int(text)) if ok else None
    if values:
        lw.check(text in values, loc + ("default",), f"{text!r} is not one of the options: {values}")
    return text


def custom_rules(
    lw: Lowering, spec: s.Spec, reasoning_offered: bool
) -> tuple[tuple[ParameterRule, ...], tuple[ParameterRule, ...]]:
    """A user-added llm's rules (the llm defaults', or temperature, top_p and max_tokens), and those
    it gets when the user says it reasons."""
    max_output = spec.defaults.llm.max_output_tokens or DEFAULT_MAX_TOKENS
    written = spec.defaults.llm.parameters or [s.Parameter(template=name) for name in DEFAULT_PARAMETERS]
    rules = expand_sets(lw, spec, ("defaults", "llm", "parameters"), written)
    where = ("customizable", "reasoning_parameters")
    reasoning = expand_sets(lw, spec, where, (spec.customizable and spec.customizable.reasoning_parameters) or [])
    message = "reasoning parameters need the reasoning field, which says when a user-added model gets them"
    lw.check(not reasoning or reasoning_offered, where, message)
    speaks = (of(declared(spec.defaults.llm, spec.api.protocol)), of(spoken(spec)))
    lowered = with_omissions([lower_parameter(lw, at, rule, max_output, speaks) for at, rule in rules + reasoning])
    parameters, extra = lowered[: len(rules)], lowered[len(rules) :]
    for (at, _), rule in zip(reasoning, extra):
        lw.check(rule.name not in {r.name for r in parameters}, at, f"the llm defaults already have {rule.name!r}")
    return parameters, extra


def form_field(control: Control, types: tuple[str, ...], currency: str, unit: str) -> CredentialInfo:
    """One control as a credential form field, shown only for the one customizable kind that reads
    it (Dify's show_on names one model type; a control read by several is always shown)."""
    kinds = [kind for kind in control.kinds if kind in types]
    label = control.label
    if control.runtime_name.endswith("_price") and not control.name:
        label = {key: f"{text} ({currency} / {unit_label(unit)})" for key, text in label.items()}
    return CredentialInfo(
        variable=control.variable,
        label=label,
        type=control.type,
        required=control.required,
        default=control.default,
        placeholder=control.placeholder,
        options=control.options,
        show_on=(("__model_type", kinds[0]),) if len(kinds) == 1 and len(types) > 1 else (),
    )


def kind_properties(lw: Lowering, spec: s.Spec, kind: str) -> dict[str, object]:
    """A user-added model's model_properties before the user's values: the type's defaults."""
    fields = spec.defaults.of(kind)
    context = fields.context_size or 4096
    if kind == "llm":
        return {"mode": fields.mode or "chat", "context_size": context}
    if kind == "text-embedding":
        return {"context_size": context, "max_chunks": fields.max_chunks or 1}
    if kind == "rerank":
        return {"context_size": context}
    return properties(lw, ("defaults", kind), kind, fields)
