"""Lowering the language gaps of issue 26: api_id, pricing per any power of ten or by unit, shaped
customizable-form fields, the credential-check model, and the base-URL credential's default and
rewrite; each mistake one located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.errors import CompileError
from compiler.load import load_spec
from compiler.lower import lower
from compiler.lower.api import rewritten
from compiler.model import Provider
from tests.unit.test_lower import minimal, write_spec

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "gaps" / "gaps.yaml"


def lowered(tmp_path: Path, **extra) -> Provider:
    return lower(load_spec(write_spec(tmp_path, minimal(**extra))))


def problems(tmp_path: Path, **extra) -> list[str]:
    """Every diagnostic of a spec that does not compile, as `path: message` (warnings `warning: …`)."""
    with pytest.raises(CompileError) as caught:
        lowered(tmp_path, **extra)
    return [("warning: " if d.level == "warning" else "") + f"{d.path}: {d.message}" for d in caught.value.diagnostics]


def test_the_golden_spec_lowers_every_gap() -> None:
    p = lower(load_spec(GOLDEN))
    assert p.model_settings == {
        "gaps-m2": {"api_id": "Gaps-M2"},
        "gaps-m2-fast": {"body": {"speed": "fast"}, "api_id": "Gaps-M2"},
        "Gaps-Lite": {},  # another model's api_id: listed, so a MaiBot identifier Gaps-Lite is this model
        "gaps-lite-latest": {"api_id": "Gaps-Lite"},
        "gaps-embed-v3": {"api_id": "Gaps-Embed-3"},
        "gaps-voice": {"api_id": "Gaps-Speech-1"},
    }
    units = {m.name: m.pricing.unit for m in p.models if m.pricing}
    assert units == {
        "gaps-m2": "0.00001",
        "gaps-m2-fast": "0.00001",
        "Gaps-Lite": "0.00001",
        "gaps-embed-v3": "0.0000001",
        "gaps-voice": "0.0001",
    }
    assert (p.validation_model.name, p.validation_model.type, p.check_field) == (
        "gaps-embed-v3",
        "text-embedding",
        "validate_model",
    )
    assert p.api.base_url_rewrite == ("append", "/compat")
    assert p.credentials[1].default == "https://api.gaps.example"


def test_the_golden_form_has_its_own_variables_defaults_and_values() -> None:
    custom = lower(load_spec(GOLDEN)).customizable
    runtime = custom.runtime()
    assert runtime["variables"] == {"max_tokens": "max_tokens_to_sample", "function_calling": "function_calling_type"}
    assert runtime["on"] == {"function_calling": ("function_call",)}
    assert runtime["max_output_tokens"] == 4096 and runtime["properties"]["llm"]["context_size"] == 8192
    assert runtime["pricing"] == ("USD", "0.00001")
    form = {f.variable: f for f in custom.form}
    assert form["context_size"].required and form["context_size"].default == "8192"
    assert form["context_size"].label == {"en_US": "Model context size", "zh_Hans": "模型上下文长度"}
    calling = form["function_calling_type"]
    assert (calling.type, calling.default, [o.value for o in calling.options]) == (
        "select",
        "no_call",
        ["function_call", "no_call"],
    )
    assert form["input_price"].label["en_US"] == "Input price (USD / 100K tokens)"


def test_plain_field_names_keep_todays_runtime(tmp_path: Path) -> None:
    runtime = lowered(tmp_path, customizable={"types": ["llm"], "fields": ["tool_call"]}).custom_runtime
    assert "variables" not in runtime and "on" not in runtime and runtime["fields"] == ("function_calling",)


@pytest.mark.parametrize(
    "per,unit",
    [
        ("token", "1"),
        ("thousand", "0.001"),
        ("million", "0.000001"),
        ("1k", "0.001"),
        ("10k", "0.0001"),
        ("100k", "0.00001"),
        ("10m", "0.0000001"),
        (100000, "0.00001"),
        (1, "1"),
        ("1000", "0.001"),
    ],
)
def test_per_any_power_of_ten(tmp_path: Path, per, unit: str) -> None:
    models = [{"name": "m", "context_size": 8, "pricing": {"input": "1", "output": "2", "per": per}}]
    assert lowered(tmp_path, models=models).models[0].pricing.unit == unit


def test_a_models_unit_replaces_the_defaults_per(tmp_path: Path) -> None:
    defaults = {"llm": {"pricing": {"per": "thousand", "currency": "RMB"}}}
    models = [
        {"name": "a", "context_size": 8, "pricing": {"input": "1", "output": "2", "unit": "0.0001"}},
        {"name": "b", "context_size": 8, "pricing": {"input": "1", "output": "2", "per": "100k", "unit": "0.00001"}},
        {"name": "c", "context_size": 8, "pricing": {"input": "1", "output": "2"}},
    ]
    prices = lowered(tmp_path, defaults=defaults, models=models).models
    assert [(m.pricing.unit, m.pricing.currency) for m in prices] == [
        ("0.0001", "RMB"),
        ("0.00001", "RMB"),
        ("0.001", "RMB"),
    ]


@pytest.mark.parametrize(
    "pricing,expected",
    [
        ({"per": "200k"}, "models[0].pricing.per: must be token, thousand, million, or a power of ten"),
        ({"per": 0}, "models[0].pricing.per: must be token, thousand, million, or a power of ten"),
        ({"per": "1g"}, "models[0].pricing.per: must be token, thousand, million, or a power of ten"),
        ({"per": "million", "unit": "0.001"}, "models[0].pricing.unit: per million is unit 0.000001, not 0.001"),
    ],
)
def test_bad_per_is_located(tmp_path: Path, pricing: dict, expected: str) -> None:
    models = [{"name": "m", "context_size": 8, "pricing": {"input": "1", "output": "2"} | pricing}]
    (found,) = problems(tmp_path, models=models)
    assert found.startswith(expected)


def test_customizable_per(tmp_path: Path) -> None:
    custom = lowered(tmp_path, customizable={"types": ["llm"], "per": 10000}).customizable
    assert custom.pricing == ("USD", "0.0001")
    (found,) = problems(tmp_path, customizable={"types": ["llm"], "per": "3k"})
    assert found.startswith("customizable.per: must be token, thousand")


def chat(name: str, **fields) -> dict:
    return {"name": name, "context_size": 8} | fields


def test_api_id_rules(tmp_path: Path) -> None:
    clash = [chat("a", api_id="b"), chat("b", api_id="c")]
    assert problems(tmp_path, models=clash) == [
        "models[0].api_id: 'b' is the name of another llm model, which the API gets as 'c'"
    ]
    kinds = [chat("a", api_id="w"), {"name": "e", "type": "text-embedding", "context_size": 8, "api_id": "w"}]
    assert problems(tmp_path, models=kinds) == ["models[1].api_id: 'w' is also the api_id of a model of kind llm"]
    same = lowered(tmp_path, models=[chat("a", api_id="a")])
    assert same.model_settings == {} and [d.message for d in same.warnings] == [
        "is the model's name, which is sent anyway: drop it"
    ]
    (found,) = problems(tmp_path, models=[chat("a", api_id=" b")])
    assert found == "models[0].api_id: has white space at an end: ' b'"


def test_check_model(tmp_path: Path) -> None:
    models = [chat("a"), {"name": "e", "type": "rerank", "context_size": 8}]
    p = lowered(tmp_path, models=models, credentials={"check": {"model": "e"}})
    assert (p.validation_model.name, p.validation_model.type, p.check_field) == ("e", "rerank", None)
    assert lowered(tmp_path, models=models).validation_model.name == "a"  # today's choice without `check`
    found = problems(tmp_path, models=models, credentials={"check": {"model": "z"}})
    assert found == ["credentials.check.model: 'z' is not a model of this spec"]
    found = problems(tmp_path, models=models, credentials={"check": {"model": "a", "field": "f"}})
    assert found == ["credentials.check: a check names either a `model` or a credential `field`"]


def test_check_field(tmp_path: Path) -> None:
    models = [chat("a"), chat("b"), {"name": "e", "type": "rerank", "context_size": 8}]
    pick = {"variable": "validate_model", "label": "Check with", "type": "select", "default": "a"}
    pick["options"] = [{"value": "a"}, {"value": "b"}]
    p = lowered(tmp_path, models=models, credentials={"extra": [pick], "check": {"field": "validate_model"}})
    assert (p.validation_model.name, p.check_field) == ("a", "validate_model")
    wrong = pick | {"options": [{"value": "a"}, {"value": "e"}]}
    found = problems(tmp_path, models=models, credentials={"extra": [wrong], "check": {"field": "validate_model"}})
    assert found == ["credentials.extra[0].options[1]: 'e' is not a model of this spec of kind llm"]
    found = problems(tmp_path, models=models, credentials={"extra": [pick], "check": {"field": "nope"}})
    assert found == ["credentials.check.field: 'nope' is not a credentials.extra variable: validate_model"]
    bare = {"variable": "validate_model", "label": "Check with"}
    found = problems(tmp_path, models=models, credentials={"extra": [bare], "check": {"field": "validate_model"}})
    assert found == [
        "credentials.extra[0].default: the check's field needs a default naming a model of the spec, got None"
    ]


def test_check_without_predefined_models_is_a_warning(tmp_path: Path) -> None:
    p = lowered(tmp_path, models=[], customizable={"types": ["llm"]}, credentials={"check": {"model": "x"}})
    assert p.validation_model is None and [d.path for d in p.warnings] == ["credentials.check"]


@pytest.mark.parametrize(
    "rule,url,expected",
    [
        (None, "https://a.example/v1/", "https://a.example/v1"),
        (("append", "/anthropic"), "https://a.example", "https://a.example/anthropic"),
        (("append", "/anthropic"), "https://a.example/anthropic/", "https://a.example/anthropic"),
        (("keep", "origin"), "https://a.example:8443/v1", "https://a.example:8443"),
    ],
)
def test_the_compilers_rewrite_is_the_runtimes(monkeypatch: pytest.MonkeyPatch, rule, url: str, expected: str) -> None:
    from compiler.runtime import config, http

    monkeypatch.setattr(config, "BASE_URL_REWRITE", rule)
    assert rewritten(url, rule) == http.rewritten(url) == expected


def test_base_url_default_and_rewrite(tmp_path: Path) -> None:
    api = {"base_url": "https://api.minimaxi.com/anthropic"}
    field = {"default": "https://api.minimaxi.com", "rewrite": {"append": "/anthropic"}}
    p = lowered(tmp_path, api=api, credentials={"base_url": field})
    assert p.api.base_url_rewrite == ("append", "/anthropic") and p.credentials[1].default == field["default"]
    origin = lowered(
        tmp_path, api={"base_url": "https://cloud.example"}, credentials={"base_url": {"rewrite": {"keep": "origin"}}}
    )
    assert origin.api.base_url_rewrite == ("keep", "origin")


@pytest.mark.parametrize(
    "field,expected",
    [
        (
            {"default": "ftp://api.demo.example"},
            "credentials.base_url.default: must be an http(s) URL, got 'ftp://api.demo.example'",
        ),
        (
            {"default": "https://other.example/v1"},
            "credentials.base_url.default: leads to https://other.example/v1, not api.base_url "
            "https://api.demo.example/v1: an untouched form and an emptied one would differ",
        ),
        ({"rewrite": {"append": "v1"}}, "credentials.base_url.rewrite.append: must be a path like /anthropic"),
        ({"rewrite": {"append": "/v1?x=1"}}, "credentials.base_url.rewrite.append: must be a path like /anthropic"),
        ({"rewrite": {"append": "/v1/../x"}}, "credentials.base_url.rewrite.append: must be a path like /anthropic"),
        ({"rewrite": {"append": "/v1/"}}, "credentials.base_url.rewrite.append: must be a path like /anthropic"),
        ({"rewrite": {}}, "credentials.base_url.rewrite: a rewrite is either `append` (a path) or `keep: origin`"),
        (
            {"enabled": False, "rewrite": {"keep": "origin"}},
            "credentials.base_url.rewrite: the base-URL override is off",
        ),
    ],
)
def test_bad_base_url_fields_are_located(tmp_path: Path, field: dict, expected: str) -> None:
    (found,) = problems(tmp_path, credentials={"base_url": field})
    assert found.startswith(expected)


def test_a_default_would_outvote_a_region(tmp_path: Path) -> None:
    region = {
        "variable": "region",
        "label": "Region",
        "type": "switch",
        "base_urls": {"true": "https://a.example", "false": "https://b.example"},
    }
    credentials = {"base_url": {"default": "https://api.demo.example/v1"}, "extra": [region]}
    assert problems(tmp_path, credentials=credentials) == [
        "credentials.base_url.default: would always outvote the base URL that credential 'region' picks"
    ]


TOGGLE = {"field": "tool_call", "variable": "function_calling_type", "options": [{"value": "fc"}, {"value": "no"}]}


@pytest.mark.parametrize(
    "entry,expected",
    [
        (TOGGLE, "customizable.fields[0].on: say which of the options turn the feature on"),
        (TOGGLE | {"on": ["yes"]}, "customizable.fields[0].on[0]: 'yes' is not one of the options: ['fc', 'no']"),
        (
            TOGGLE | {"on": ["fc"], "default": "maybe"},
            "customizable.fields[0].default: 'maybe' is not one of the options",
        ),
        (
            {"field": "context_size", "options": [{"value": "1"}]},
            "customizable.fields[0].options: only a feature toggle",
        ),
        (
            {"field": "context_size", "default": "lots"},
            "customizable.fields[0].default: must be a positive whole number",
        ),
        (
            {"field": "context_size", "variable": "context size"},
            "customizable.fields[0].variable: must be an identifier",
        ),
        ({"field": "pricing", "variable": "price"}, "customizable.fields[0].variable: pricing is two fields"),
        ({"field": "mode", "default": "edit"}, "customizable.fields[0].default: 'edit' is not one of the options"),
    ],
)
def test_bad_form_fields_are_located(tmp_path: Path, entry: dict, expected: str) -> None:
    api = {"base_url": "https://api.demo.example/v1"}
    (found,) = problems(tmp_path, api=api, customizable={"types": ["llm"], "fields": [entry]})
    assert found.startswith(expected)


def test_form_variables_stay_distinct(tmp_path: Path) -> None:
    fields = [{"field": "context_size", "variable": "vision_support"}, "vision"]
    found = problems(tmp_path, customizable={"types": ["llm"], "fields": fields})
    assert len(found) == 1 and found[0].startswith("customizable.fields: duplicate form variable 'vision_support'")
    found = problems(tmp_path, customizable={"types": ["llm"], "fields": ["vision", {"field": "vision"}]})
    assert len(found) == 1 and found[0].startswith("customizable.fields[1]: duplicate field 'vision'")
