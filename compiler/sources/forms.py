"""The plugin's credential forms as the spec's credentials (api_key, base_url, extra) and its
customizable-model form as `customizable`; what has no place in the spec is a finding."""

from __future__ import annotations

import json
import re
from typing import Any

from compiler import spec as s
from compiler.lower.custom import EVERY_KIND, FIELDS, OPT_IN, TOGGLES, readers
from compiler.sources.imported import Finding
from compiler.sources.texts import text

TYPES = {"secret-input": "secret", "text-input": "text", "select": "select", "radio": "radio", "switch": "switch"}
URL_VARIABLE = re.compile(r"(url|endpoint|api_base|base|host|server)", re.I)
# Variables hand-written plugins use for the fields the spec's form offers (besides the spec's own).
CUSTOM_VARIABLES = {control.variable: field for field, controls in FIELDS.items() for control in controls}
CUSTOM_VARIABLES |= {"max_tokens_to_sample": "max_output_tokens", "max_token": "max_output_tokens"}
CUSTOM_VARIABLES |= {
    "function_calling_type": "tool_call",
    "function_call_support": "tool_call",
    "completion_type": "mode",
    "agent_thought_support": "reasoning",
    "context_length": "context_size",
}
SHAPED = hasattr(s, "CustomFieldForm")  # the language takes form fields with their own shape
OFF = re.compile(r"^(no|not|none|false|disabled?|unsupported|off)(_|$)", re.I)
KEYLESS = ("none", "aws_sigv4", "entra_id", "google_service_account")  # auth schemes whose key is optional
PRICE_LABEL = re.compile(r"\((\S+) / (token|1K tokens|1M tokens)\)")
PER_LABELS = {"token": "token", "thousand": "1K tokens", "million": "1M tokens"}  # as the form's price labels say


def form_fields(form: Any) -> list[dict]:
    fields = (form or {}).get("credential_form_schemas") if isinstance(form, dict) else None
    return [f for f in fields or [] if isinstance(f, dict) and isinstance(f.get("variable"), str)]


def pick_key(fields: list[dict], variable: str | None) -> dict | None:
    secrets = [f for f in fields if f.get("type") == "secret-input"]
    named = [f for f in fields if f["variable"] == variable]
    return (named or [f for f in secrets if "key" in f["variable"].lower()] or secrets or [None])[0]


def pick_url(fields: list[dict], variable: str | None) -> dict | None:
    if variable is not None:
        return next((f for f in fields if f["variable"] == variable), None)
    texts = [f for f in fields if f.get("type") == "text-input" and URL_VARIABLE.search(f["variable"])]
    return texts[0] if texts else None


def credentials(fields: list[dict], known: dict, where: str, notes: list[Finding]) -> dict:
    """The spec's credentials for a credential form; `known` is what a generated plugin's config says
    (the key's and URL's variables, the fields that pick a URL or travel as headers or query)."""
    key = pick_key(fields, known.get("API_KEY_VARIABLE"))
    url = pick_url(fields, known.get("BASE_URL_VARIABLE"))
    out: dict[str, Any] = {}
    if key is not None:
        out["api_key"] = labelled(key, {"variable": "api_key", "label": "API Key"})
        out["api_key"] |= key_required(key, known)
    if url is not None:
        out["base_url"] = labelled(url, {"variable": "base_url", "label": "API Base URL"})
        if url.get("required"):
            out["base_url"]["required"] = True
        if url.get("default") is not None:
            out["base_url"]["default"] = str(url["default"])
    else:
        out["base_url"] = {"enabled": False}
    extra = [extra_field(f, known, where, notes) for f in fields if f is not key and f is not url]
    if extra:
        out["extra"] = extra
    return {k: v for k, v in out.items() if v}


def key_required(key: dict, known: dict) -> dict:
    """api_key.required where the form's word differs from what the spec's auth scheme implies (a key
    is required unless the scheme needs none or another credential stands in, or show_on hides it)."""
    scheme = (known.get("AUTH") or ("",))[0]
    required = key.get("required") is not False
    implied = scheme not in KEYLESS or bool(key.get("show_on"))
    return {} if required == implied or scheme == "none" else {"required": required}


def labelled(field: dict, ours: dict) -> dict:
    """api_key / base_url: only what differs from the spec's defaults."""
    out = {}
    if field["variable"] != ours["variable"]:
        out["variable"] = field["variable"]
    label = text(field.get("label"))
    if label not in (None, ours["label"]):
        out["label"] = label
    if field.get("placeholder"):
        out["placeholder"] = text(field["placeholder"])
    return out | shown_on(field)


def shown_on(field: dict) -> dict:
    """A field's show_on as the spec's `show_on` (another field's variable -> its value)."""
    conditions = field.get("show_on") or []
    pairs = [(c.get("variable"), c.get("value")) for c in conditions if isinstance(c, dict)]
    return {"show_on": {str(v): str(value) for v, value in pairs}} if pairs else {}


def extra_field(field: dict, known: dict, where: str, notes: list[Finding]) -> dict:
    variable = field["variable"]
    kind = TYPES.get(str(field.get("type")))
    if kind is None:
        notes.append(Finding(where, f"credential {variable!r} is a {field.get('type')!r} field; a text field here"))
    out: dict[str, Any] = {"variable": variable, "label": text(field.get("label")) or variable}
    if kind not in (None, "text"):
        out["type"] = kind
    if field.get("required"):
        out["required"] = True
    if field.get("default") is not None:
        out["default"] = str(field["default"]).lower() if isinstance(field["default"], bool) else str(field["default"])
    if field.get("placeholder"):
        out["placeholder"] = text(field["placeholder"])
    options = [option(o) for o in field.get("options") or [] if isinstance(o, dict)]
    if options:
        out["options"] = options
    out |= shown_on(field)
    for setting, table in (("header", "CREDENTIAL_HEADERS"), ("query", "CREDENTIAL_QUERY")):
        if variable in (known.get(table) or {}):
            out[setting] = known[table][variable]
    if variable in (known.get("BASE_URL_CHOICES") or {}):
        out["base_urls"] = dict(known["BASE_URL_CHOICES"][variable])
    return out


def option(item: dict) -> dict:
    value = str(item.get("value")).lower() if isinstance(item.get("value"), bool) else str(item.get("value"))
    label = text(item.get("label"))
    return {"value": value} | ({"label": label} if label not in (None, value) else {})


def shaped(name: str, field: dict) -> str | dict:
    """A model-form field as a customizable.fields entry: its name alone, or a mapping of what differs
    from the spec's own control (variable, label, placeholder, default, required, a toggle's values)."""
    control = FIELDS[name][0]
    entry: dict[str, Any] = {"field": name}
    if field["variable"] != control.variable:
        entry["variable"] = field["variable"]
    for key in ("label", "placeholder"):
        if field.get(key) and text(field[key]) != text(getattr(control, key)):
            entry[key] = text(field[key])
    if field.get("default") is not None and str(field["default"]) != control.default:
        entry["default"] = str(field["default"])
    if field.get("required"):
        entry["required"] = True
    if name in TOGGLES:
        entry |= toggle_shape(control, field)
    return entry if len(entry) > 1 else name


def toggle_shape(control: Any, field: dict) -> dict:
    """A feature toggle's control type (radio, where the spec's is a select) and, where they are not
    the spec's own, its options and the values that mean on."""
    out: dict[str, Any] = {"type": "radio"} if field.get("type") == "radio" else {}
    options = [option(o) for o in field.get("options") or [] if isinstance(o, dict)]
    own = [option({"value": o.value, "label": o.label}) for o in control.options]
    if options and options != own:
        out["options"] = options
        out["on"] = [o["value"] for o in options if not OFF.search(o["value"])]
    return out


def custom_variables(config: dict) -> dict[str, str]:
    """The model form's variables -> their spec fields: those hand-written plugins use, or, in a plugin
    this compiler generated, exactly those its config says the form offers (renamed ones included)."""
    table = config.get("CUSTOMIZABLE") or {}
    if "fields" not in table:
        return CUSTOM_VARIABLES
    field_of = {control.runtime_name: field for field, controls in FIELDS.items() for control in controls}
    renamed = table.get("variables") or {}
    return {renamed.get(name, name): field_of[name] for name in table["fields"] if name in field_of}


def spec_field(field: dict, variables: dict[str, str], where: str, notes: list[Finding]) -> str | None:
    """The spec field a model-form field sets, or None (a finding: left out)."""
    variable, kinds = field["variable"], model_types(field)
    shown = f" ({'/'.join(kinds)} models)" if kinds else ""
    name = variables.get(variable)
    values = {str(o.get("value")) for o in field.get("options") or [] if isinstance(o, dict)}
    if name == "mode" and not values <= {"chat", "completion"}:
        offers = ", ".join(sorted(values))
        notes.append(
            Finding(where, f"the model form's {variable!r} offers {offers}, not chat and completion; left out")
        )
        return None
    if name is None:
        notes.append(Finding(where, f"the model form's {variable!r}{shown} has no spec field; left out"))
    return name


def model_types(field: dict) -> list[str]:
    """The model types a form field is shown for alone (its show_on on Dify's `__model_type`)."""
    conditions = [c for c in field.get("show_on") or [] if isinstance(c, dict)]
    return [str(c.get("value")) for c in conditions if c.get("variable") == "__model_type"]


def customizable(
    provider: dict, credential_vars: set[str], where: str, notes: list[Finding], variables: dict[str, str]
) -> dict | None:
    """The customizable section: the kinds users may add and the fields the model form offers
    (`variables`: the form's variables -> spec fields, custom_variables)."""
    if "customizable-model" not in (provider.get("configurate_methods") or []):
        return None
    types = [
        t for t in EVERY_KIND if t in [str(k).replace("_", "-") for k in provider.get("supported_model_types") or []]
    ]
    fields, currency, per, taken = [], None, None, set()
    for field in form_fields(provider.get("model_credential_schema")):
        variable = field["variable"]
        if variable in credential_vars:
            continue
        name = spec_field(field, variables, where, notes)
        if name is None:
            continue
        if name in taken and name != "pricing":
            notes.append(Finding(where, f"the model form's {variable!r} is a second {name} field; left out"))
            continue
        taken.add(name)
        if SHAPED and name != "pricing":
            fields.append(shaped(name, field))
            continue
        if variable not in (c.variable for c in FIELDS[name]):
            notes.append(Finding(where, f"the model form's {variable!r} is offered as the spec's {name} field"))
        fields.append(name)
        found = PRICE_LABEL.search(str(text(field.get("label")) or ""))
        if found and name == "pricing":
            currency, per = found.group(1), {v: k for k, v in PER_LABELS.items()}[found.group(2)]
    out: dict[str, Any] = {"types": types}
    fields = list({json.dumps(f, sort_keys=True): f for f in fields}.values())
    default = [f for f in FIELDS if f not in OPT_IN and readers(f) & set(types)]
    if fields != default:
        out["fields"] = fields
    if currency and currency != "USD":
        out["currency"] = currency
    if per and per != "million":
        out["per"] = per
    return out
