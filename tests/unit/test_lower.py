"""Lowering: defaults, units, names and wire encodings resolved before any template runs."""

from __future__ import annotations

import json

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from compiler.build import compile_spec
from compiler.errors import CompileError
from compiler.load import load_spec
from compiler.lower import lower

ROOT = Path(__file__).resolve().parents[2]


def write_spec(tmp_path: Path, data: dict, name: str = "demo") -> Path:
    (tmp_path / "icons").mkdir(exist_ok=True)
    shutil.copy(ROOT / "specs" / "icons" / "acme_s.svg", tmp_path / "icons" / "s.svg")
    path = tmp_path / f"{name}.yaml"
    YAML().dump(data, path)
    return path


def minimal(**extra) -> dict:
    spec = {
        "name": "demo",
        "label": "Demo",
        "description": "Demo provider",
        "author": "demo",
        "version": "1.2.3",
        "icons": {"small": "icons/s.svg"},
        "api": {"base_url": "https://api.demo.example/v1/"},
        "models": [{"name": "demo-chat", "context_size": 8192}],
        "repository": "https://github.com/demo/demo-plugins",
    }
    spec.update(extra)
    return spec


def test_minimal_spec_gets_sensible_defaults(tmp_path: Path) -> None:
    p = lower(load_spec(write_spec(tmp_path, minimal())))
    assert p.label == {"en_US": "Demo"}
    assert p.api.base_url == "https://api.demo.example/v1"
    assert p.api.auth.scheme == "bearer" and p.api.endpoints["models"] == "/models"
    assert [c.variable for c in p.credentials] == ["api_key", "base_url"]
    assert p.errors.status[401] == "authorization" and p.errors.status[429] == "rate_limit"
    assert p.errors.status[503] == "server_unavailable"
    model = p.models[0]
    assert (model.type, model.mode, model.parameters, model.pricing) == ("llm", "chat", (), None)
    assert p.class_prefix == "Demo" and [k.dify.folder for k in p.kinds] == ["llm"]
    assert (p.maibot.client_type, p.maibot.plugin_id, p.maibot.license) == ("demo", "demo.demo", "MIT")
    assert p.maibot.repository == p.maibot.author_url == "https://github.com/demo/demo-plugins"


def test_a_path_variable_without_values_keeps_the_base_url_host_in_the_manifest(tmp_path: Path) -> None:
    credentials = {"extra": [{"variable": "account_id", "label": "Account", "required": True}]}
    api = {"base_url": "https://api.demo.example/accounts/{account_id}/ai/v1"}
    p = lower(load_spec(write_spec(tmp_path, minimal(api=api, credentials=credentials))))
    assert p.domains == ("api.demo.example",)


@pytest.mark.parametrize(
    ("auth", "required", "expected"),
    [("bearer", None, True), ("bearer", False, False), ("none", None, False), ("none", False, False)],
)
def test_the_api_key_is_optional_where_the_spec_says(tmp_path: Path, auth: str, required, expected: bool) -> None:
    """A keyless server (a local Ollama) takes an empty key: `api_key.required: false` makes the field optional."""
    key = {"required": required} if required is not None else {}
    spec = minimal(
        api={"base_url": "https://api.demo.example/v1", "auth": {"scheme": auth}}, credentials={"api_key": key}
    )
    p = lower(load_spec(write_spec(tmp_path, spec)))
    assert [c.required for c in p.credentials if c.variable == "api_key"] == [expected]


@pytest.mark.parametrize("builtin", ["openai", "openai_responses", "gemini"])
def test_maibot_builtin_client_types_are_refused(tmp_path: Path, builtin: str) -> None:
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(maibot={"client_type": builtin}))))
    (d,) = caught.value.diagnostics
    assert d.path == "maibot.client_type" and "MaiBot built-in" in d.message and d.line is not None


def test_maibot_needs_a_repository_url(tmp_path: Path) -> None:
    spec = minimal()
    del spec["repository"]
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, spec)))
    (d,) = caught.value.diagnostics
    assert d.path == "repository" and "urls.repository" in d.message
    spec["help"] = {"title": "Keys", "url": "https://demo.example/keys"}  # no longer stands in for it
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, spec)))
    assert [d.path for d in caught.value.diagnostics] == ["repository"]


@pytest.mark.parametrize(
    "features, dark, given, expected",
    [
        ((), False, None, "1.0.0"),
        (("structured-output",), False, None, "1.5.1"),
        (("structured-output",), True, None, "1.6.0"),
        ((), False, "1.9.0", "1.9.0"),
    ],
)
def test_minimum_dify_version_is_what_the_plugin_uses(tmp_path, features, dark, given, expected) -> None:
    spec = minimal()
    spec["models"][0]["features"] = list(features)
    if dark:
        spec["icons"]["small_dark"] = spec["icons"]["small"]
    if given:
        spec["dify"] = {"minimum_dify_version": given}
    assert lower(load_spec(write_spec(tmp_path, spec))).dify_minimum_version == expected


def test_maibot_plugin_id_follows_the_host_regex(tmp_path: Path) -> None:
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(maibot={"plugin_id": "nodot"}))))
    (d,) = caught.value.diagnostics
    assert d.path == "maibot.plugin_id" and "nodot" in d.message


def test_defaults_merge_and_price_units(tmp_path: Path) -> None:
    spec = minimal(
        defaults={
            "llm": {
                "context_size": 1000,
                "max_output_tokens": 9000,
                "parameters": ["temperature", "max_tokens"],
                "pricing": {"input": "0.27", "output": "1.10", "per": "million", "currency": "RMB"},
            }
        },
        models=[{"name": "a"}, {"name": "b", "pricing": {"output": "2"}, "parameters": ["top_p"]}],
    )
    p = lower(load_spec(write_spec(tmp_path, spec)))
    a, b = p.models
    assert a.context_size == 1000
    assert a.pricing.input == "0.27" and a.pricing.output == "1.1" and a.pricing.unit == "0.000001"
    assert b.pricing.output == "2" and b.pricing.currency == "RMB"
    max_tokens = a.parameters[1]
    assert max_tokens.declaration() == {
        "name": "max_tokens",
        "use_template": "max_tokens",
        "default": 4096,
        "min": 1,
        "max": 9000,
    }
    assert [r.name for r in b.parameters] == ["top_p"]


def test_wire_encodings(tmp_path: Path) -> None:
    spec = minimal(
        models=[
            {
                "name": "a",
                "context_size": 10,
                "parameters": [
                    {"template": "max_tokens", "send_as": "max_completion_tokens"},
                    "response_format",
                    "json_schema",
                    {"name": "effort", "type": "string", "options": ["low", "high"], "send_as": "reasoning.effort"},
                ],
            }
        ]
    )
    p = lower(load_spec(write_spec(tmp_path, spec)))
    assert p.parameters == {
        "effort": {"key": "reasoning.effort"},
        "json_schema": {"format": "json_schema"},
        "max_tokens": {"key": "max_completion_tokens"},
        "response_format": {"format": "response_format"},
    }


def test_class_prefix_of_odd_names(tmp_path: Path) -> None:
    p = lower(load_spec(write_spec(tmp_path, minimal(name="01-ai_hub"), name="01-ai_hub")))
    assert p.class_prefix == "Provider01AiHub"


@pytest.mark.parametrize(
    "change,expected",
    [
        ({"name": "other"}, "demo.yaml:1:1: error: name: must equal the spec file name 'demo', got 'other'"),
        ({"version": "1.0"}, "error: version: must be x.y.z, got '1.0'"),
        ({"author": "AcmeAI"}, "error: author: must match"),
        ({"colour": "red"}, "error: colour: unknown key"),
        ({"icons": {"small": "icons/missing.svg"}}, "error: icons.small: icon file not found"),
        ({"api": {"base_url": "ftp://x"}}, "error: api.base_url: must be an http(s) URL"),
        (
            {"models": [{"name": "a", "context_size": 5}, {"name": "a", "context_size": 5}]},
            "error: models[1].name: duplicate model name 'a'",
        ),
        (
            {
                "models": [
                    {"name": "a", "context_size": 5, "parameters": [{"template": "temperature", "min": 2, "max": 1}]}
                ]
            },
            "error: models[0].parameters[0].min: min (2) is greater than max (1)",
        ),
        (
            {"models": [{"name": "a", "context_size": 5, "features": ["tool_call"]}]},
            "error: models[0].features[0]: must be one of tool-call, multi-tool-call, stream-tool-call, agent-thought, vision, document, video, audio, structured-output, got \"tool_call\"; did you mean 'tool-call'?",
        ),
        (
            {"errors": {"status": {200: "rate_limit"}}},
            "error: errors.status[200]: must be an HTTP error status, got 200",
        ),
        (
            {"credentials": {"api_key": {"variable": "key-1"}}},
            "error: credentials.api_key.variable: must be an identifier, got 'key-1'",
        ),
        (
            {"credentials": {"extra": [{"variable": "base_url", "label": "Again"}]}},
            "error: credentials.extra[0].variable: duplicate credential variable 'base_url'",
        ),
        (
            {"models": [{"name": "a", "context_size": 5, "parameters": ["top_p", "top_p"]}]},
            "error: models[0].parameters[1]: duplicate parameter 'top_p'",
        ),
    ],
)
def test_located_errors(tmp_path: Path, change: dict, expected: str) -> None:
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(**change))))
    messages = [str(d) for d in caught.value.diagnostics]
    assert any(expected in m for m in messages), messages
    assert all(m.startswith(str(tmp_path / "demo.yaml") + ":") for m in messages)


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            {"credentials": {"extra": [{"variable": f"v{i}", "label": "V"} for i in range(31)]}},
            "error: credentials: Dify allows at most 32 credential fields, got 33",
        ),
        (
            {
                "credentials": {
                    "extra": [
                        {
                            "variable": "v",
                            "label": "V",
                            "type": "select",
                            "options": [{"value": f"o{i}"} for i in range(129)],
                        }
                    ]
                }
            },
            "error: credentials.extra[0].options: Dify allows at most 128 options",
        ),
        (
            {
                "models": [
                    {
                        "name": "a",
                        "context_size": 5,
                        "parameters": [{"name": f"p{i}", "type": "int", "label": "P"} for i in range(129)],
                    }
                ]
            },
            "error: models[0].parameters: Dify allows at most 128 parameter rules",
        ),
    ],
    ids=["credentials", "options", "parameters"],
)
def test_daemon_limits_are_reported_once(tmp_path: Path, change: dict, expected: str) -> None:
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(**change))))
    messages = [str(d) for d in caught.value.diagnostics]
    assert [m for m in messages if "Dify allows at most" in m] == [m for m in messages if expected in m], messages
    assert sum(expected in m for m in messages) == 1, messages


def test_customizable_lowers_to_a_form_and_the_runtime_defaults(tmp_path: Path) -> None:
    custom = {"types": ["tts", "llm"], "fields": ["display_name", "max_output_tokens", "voices", "pricing"]}
    defaults = {"llm": {"max_output_tokens": 16384, "parameters": ["temperature", "max_tokens"]}}
    p = lower(load_spec(write_spec(tmp_path, minimal(customizable=custom, defaults=defaults, models=[]))))
    c = p.customizable
    assert c.types == ("llm", "tts") and [k.name for k in p.kinds] == ["llm", "tts"]
    assert p.validation_model is None and p.models == ()
    assert [(f.variable, f.show_on) for f in c.form] == [
        ("api_key", ()),
        ("base_url", ()),
        ("display_name", ()),
        ("max_tokens", (("__model_type", "llm"),)),
        ("voices", (("__model_type", "tts"),)),
        ("input_price", (("__model_type", "llm"),)),
        ("output_price", (("__model_type", "llm"),)),
    ]
    runtime = c.runtime()
    assert runtime["fields"] == ("display_name", "max_tokens", "voices", "input_price", "output_price")
    assert runtime["max_output_tokens"] == 16384
    assert runtime["parameters"][1] == {
        "name": "max_tokens",
        "use_template": "max_tokens",
        "default": 4096,
        "min": 1,
        "max": 16384,
    }
    assert runtime["properties"] == {
        "llm": {"mode": "chat", "context_size": 4096},
        "tts": {"voices": [], "word_limit": 4096, "audio_type": "mp3"},
    }
    assert p.parameters == {"max_tokens": {"key": "max_tokens"}, "temperature": {"key": "temperature"}}


def test_customizable_mode_and_reasoning_parameters(tmp_path: Path) -> None:
    """OpenRouter's form: users pick chat or completion, and reasoning models get more rules."""
    effort = {"name": "reasoning_effort", "type": "string", "options": ["low", "high"], "send_as": "reasoning.effort"}
    custom = {"types": ["llm"], "fields": ["mode", "reasoning"], "reasoning_parameters": [effort]}
    defaults = {"llm": {"mode": "completion"}}
    p = lower(load_spec(write_spec(tmp_path, minimal(customizable=custom, defaults=defaults))))
    mode = p.customizable.form[2]
    assert (mode.variable, mode.type, mode.default) == ("mode", "select", "completion")
    assert [o.value for o in mode.options] == ["chat", "completion"]
    runtime = p.customizable.runtime()
    assert runtime["fields"] == ("mode", "reasoning_support")
    assert runtime["reasoning_parameters"] == [
        {"name": "reasoning_effort", "type": "string", "options": ["low", "high"]}
    ]
    assert p.parameters["reasoning_effort"] == {"key": "reasoning.effort"}
    assert "completions" in p.endpoints
    unasked = lower(load_spec(write_spec(tmp_path, minimal(customizable={"types": ["llm"]}))))
    assert "mode" not in unasked.customizable.variables and "completions" not in unasked.endpoints


def test_rules_of_one_name_share_a_value_map_and_a_model_that_differs_keeps_its_own(tmp_path: Path) -> None:
    """OpenRouter: enable_thinking is a boolean on some models and a dynamic/manual select on others;
    both go to reasoning.enabled, the select's values mapped to true."""
    switch = {"name": "enable_thinking", "type": "boolean", "send_as": "reasoning.enabled"}
    select = switch | {"type": "string", "options": ["dynamic", "manual"], "values": {"dynamic": True, "manual": True}}
    models = [
        {"name": "a", "context_size": 8, "parameters": [switch]},
        {"name": "b", "context_size": 8, "parameters": [select]},
    ]
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    assert p.parameters["enable_thinking"] == {
        "key": "reasoning.enabled",
        "values": (("dynamic", True), ("manual", True)),
    }
    mapped = switch | {"values": {True: {"type": "enabled"}}}
    models = [
        {"name": "a", "context_size": 8, "parameters": [switch]},
        {"name": "b", "context_size": 8, "parameters": [mapped]},
    ]
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    # The first rule to list a value decides the provider's map; a model that sends it otherwise keeps its own.
    assert p.parameters["enable_thinking"]["values"] == ((True, {"type": "enabled"}),)
    assert p.models[0].settings == {"parameters": {"enable_thinking": {"values": ()}}}
    assert "parameters" not in p.models[1].settings


def test_the_anthropic_protocol_brings_its_defaults(tmp_path: Path) -> None:
    api = {"base_url": "https://api.anthropic.com", "protocol": "anthropic_messages", "prompt_cache": True}
    errors = {"codes": {"overloaded_error": "rate_limit"}}
    p = lower(load_spec(write_spec(tmp_path, minimal(api=api, errors=errors))))
    assert (p.api.auth.scheme, p.api.auth.name, p.api.auth.prefix) == ("header", "x-api-key", "")
    assert p.api.headers == {"anthropic-version": "2023-06-01"} and p.api.prompt_cache is True
    assert p.endpoints["chat"] == "/v1/messages" and p.endpoints["models"] == "/v1/models"
    assert p.api.user == ("metadata.user_id", None, False) and p.api.reasoning_history == "strip"
    assert p.errors.codes["rate_limit_error"] == "rate_limit" and p.errors.codes["overloaded_error"] == "rate_limit"
    embedding = {"name": "e", "type": "text-embedding", "context_size": 512}
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(api=api, models=[embedding]))))
    assert "models[0].type: protocol anthropic_messages has no text-embedding models" in str(caught.value)
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(api={"base_url": "https://x.example", "prompt_cache": True}))))
    assert "api.prompt_cache: protocol openai_chat does not use this setting" in str(caught.value)


def test_headers_fixed_fields_and_protocol_settings_lower_into_the_record(tmp_path: Path) -> None:
    api = {"base_url": "https://api.anthropic.com", "protocol": "anthropic_messages"}
    budget = {
        "name": "task_budget",
        "type": "int",
        "min": 20000,
        "send_as": "output_config.task_budget.total",
        "body": {"output_config": {"task_budget": {"type": "tokens"}}},
        "headers": {"anthropic-beta": "task-budgets-2026-03-13"},
    }
    ttl = {"name": "ttl", "type": "string", "options": ["5m", "1h"], "controls": "cache.ttl"}
    models = [{"name": "a", "context_size": 8, "parameters": [budget, ttl]}]
    p = lower(load_spec(write_spec(tmp_path, minimal(api=api, models=models))))
    assert p.parameters["task_budget"] == {
        "key": "output_config.task_budget.total",
        "headers": (("anthropic-beta", "task-budgets-2026-03-13"),),
        "body": {"output_config": {"task_budget": {"type": "tokens"}}},
    }
    assert p.parameters["ttl"] == {"control": "cache.ttl"}
    assert p.models[0].parameters[0].declaration() == {"name": "task_budget", "type": "int", "min": 20000}
    other = json.loads(json.dumps(budget)) | {"headers": {"anthropic-beta": "x"}}  # no YAML aliases
    models.append({"name": "b", "context_size": 8, "parameters": [other]})
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(api=api, models=models))))
    assert [d.message for d in caught.value.diagnostics] == [
        "parameter 'task_budget' is sent differently by two models"
    ]
    steered = ttl | {"send_as": "cache_ttl"}
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(api=api, models=[models[0] | {"parameters": [steered]}]))))
    assert [d.message for d in caught.value.diagnostics] == [
        "a parameter that steers a protocol setting is not sent itself"
    ]


def test_a_rule_named_like_a_template_is_sent_the_templates_way(tmp_path: Path) -> None:
    """The official plugins' `name: response_format, type: string` must not send a bare string."""
    rule = {"name": "response_format", "type": "string", "options": ["text", "json_object"]}
    models = [{"name": "m", "context_size": 8192, "parameters": [rule, {"name": "json_schema", "type": "text"}]}]
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    assert p.parameters == {"json_schema": {"format": "json_schema"}, "response_format": {"format": "response_format"}}
    assert p.models[0].parameters[0].declaration() == {
        "name": "response_format",
        "type": "string",
        "options": ["text", "json_object"],
    }


def test_a_model_without_prices_is_free_whatever_the_defaults_units(tmp_path: Path) -> None:
    defaults = {"llm": {"context_size": 8192, "pricing": {"per": "million", "currency": "RMB"}}}
    priced = {"name": "paid", "pricing": {"input": "1", "output": "2"}}
    models = [priced, {"name": "free"}, {"name": "free-too", "pricing": None}]
    p = lower(load_spec(write_spec(tmp_path, minimal(defaults=defaults, models=models))))
    assert [m.pricing and (m.pricing.input, m.pricing.currency) for m in p.models] == [("1", "RMB"), None, None]


def test_readmes_say_only_what_holds(tmp_path: Path) -> None:
    """PRIVACY.md mentions a base URL the user sets only when the form has one; the MaiBot snippet
    leaves deprecated models out."""
    from compiler.build import compile_spec

    models = [{"name": "new", "context_size": 8192}, {"name": "old", "context_size": 8192, "deprecated": True}]
    spec = minimal(models=models, credentials={"base_url": {"enabled": False}})
    _, files = compile_spec(write_spec(tmp_path, spec))
    privacy, readme = files["dify/PRIVACY.md"].decode(), files["maibot/README.md"].decode()
    assert "https://api.demo.example/v1`." in privacy and "base URL you set" not in privacy
    assert 'model_identifier = "new"' in readme and '"old"' not in readme


def test_value_maps_lower_into_the_parameters_record(tmp_path: Path) -> None:
    thinking = {"name": "thinking", "type": "boolean", "values": {True: {"type": "enabled"}, False: None}}
    models = [{"name": "a", "context_size": 8192, "parameters": [thinking]}]
    models += [{"name": "b", "context_size": 8192, "parameters": [thinking | {"values": {True: 1}}]}]
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    assert p.models[1].settings == {"parameters": {"thinking": {"values": ((True, 1),)}}}
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models[:1]))))
    assert p.parameters == {"thinking": {"key": "thinking", "values": ((True, {"type": "enabled"}), (False, None))}}
    assert p.models[0].parameters[0].declaration() == {"name": "thinking", "type": "boolean"}


def test_parameter_sets_expand_where_they_are_used(tmp_path: Path) -> None:
    sets = {"sampling": ["temperature", {"template": "top_p", "default": 0.9}]}
    models = [
        {"name": "a", "context_size": 8192, "parameters": [{"use": "sampling"}, "max_tokens"]},
        {"name": "b", "context_size": 8192},
    ]
    defaults = {"llm": {"parameters": ["max_tokens", {"use": "sampling"}]}}
    p = lower(load_spec(write_spec(tmp_path, minimal(parameter_sets=sets, models=models, defaults=defaults))))
    assert [r.name for r in p.models[0].parameters] == ["temperature", "top_p", "max_tokens"]
    assert [r.name for r in p.models[1].parameters] == ["max_tokens", "temperature", "top_p"]
    assert p.models[0].parameters[1].overrides == {"default": 0.9}
    twice = [{"name": "c", "context_size": 8192, "parameters": [{"use": "sampling"}, "temperature"]}]
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(parameter_sets=sets, models=twice))))
    assert [(d.path, d.message) for d in caught.value.diagnostics] == [
        ("models[0].parameters[1]", "duplicate parameter 'temperature' (the first is at line 19, column 5)")
    ]


def test_response_format_help_matches_its_options(tmp_path: Path) -> None:
    rules = [{"template": "response_format", "options": ["text", "json_object"]}]
    models = [{"name": "m", "context_size": 8192, "parameters": rules}]
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    assert p.models[0].parameters[0].overrides["help"]["en_US"].startswith("The form of the answer")
    rules = [{"template": "response_format"}]  # Dify's own JSON/XML code-block modes: its help holds
    p = lower(load_spec(write_spec(tmp_path, minimal(models=[models[0] | {"parameters": rules}]))))
    assert "help" not in p.models[0].parameters[0].overrides


def test_omissions_join_the_record_and_a_model_that_differs_keeps_its_own(tmp_path: Path) -> None:
    """DeepSeek: temperature is left out while thinking is on; a host that sends no thinking means its
    default, which differs between models."""

    def rules(omitted: bool, default: bool) -> list[dict]:
        temperature = {"template": "temperature"} | ({"omit_when": {"thinking": True}} if omitted else {})
        return [temperature, {"name": "thinking", "type": "boolean", "default": default}]

    models = [
        {"name": "a", "context_size": 8, "parameters": rules(True, True)},
        {"name": "b", "context_size": 8, "parameters": rules(False, True)},
        {"name": "c", "context_size": 8, "parameters": rules(True, False)},
    ]
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    assert p.parameters["temperature"] == {"key": "temperature", "omit_when": (("thinking", True, True),)}
    assert [m.settings.get("parameters") for m in p.models] == [
        None,
        {"temperature": {"omit_when": ()}},
        {"temperature": {"omit_when": (("thinking", True, False),)}},
    ]


def test_gemini_takes_sampling_parameters_under_generation_config(tmp_path: Path) -> None:
    """The record holds the key the API takes: no protocol module renames a parameter's key."""
    api = {"base_url": "https://generativelanguage.googleapis.com", "protocol": "gemini"}
    rules = ["temperature", "max_tokens", {"name": "seed", "type": "int"}, {"name": "n", "type": "int"}]
    models = [{"name": "g", "context_size": 8, "parameters": rules}]
    p = lower(load_spec(write_spec(tmp_path, minimal(api=api, models=models))))
    assert p.parameters == {
        "max_tokens": {"key": "generationConfig.maxOutputTokens"},
        "n": {"key": "n"},
        "seed": {"key": "generationConfig.seed"},
        "temperature": {"key": "generationConfig.temperature"},
    }


def test_every_independent_error_in_one_run_and_none_a_repair_made(tmp_path: Path) -> None:
    """A spec that fails validation still gets its cross-field checks where nothing invalid feeds
    them; a misspelled protocol (which every model is checked against) silences the model checks
    rather than report errors of a protocol the author did not choose."""
    models = [
        {"name": "a", "context_size": 8},
        {"name": "b", "context_size": "big"},
        {"name": "a", "context_size": 8},
    ]
    spec = minimal(models=models, api={"base_url": "ftp://x.example"}, colour="red")
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, spec)))
    assert {(d.path, d.message.split(" (")[0].split(",")[0]) for d in caught.value.diagnostics} == {
        ("colour", "unknown key"),
        ("api.base_url", "must be an http(s) URL"),
        ("models[1].context_size", "must be a whole number"),
        ("models[2].name", "duplicate model name 'a'"),
    }
    steered = {"name": "ttl", "type": "string", "options": ["5m"], "controls": "cache.ttl"}
    spec = minimal(api={"base_url": "https://x.example", "protocol": "anthropic"}, models=models[:1])
    spec["models"][0]["parameters"] = [steered]
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, spec)))
    assert [d.path for d in caught.value.diagnostics] == ["api.protocol"]


def test_models_that_say_what_their_defaults_say_are_left_to_them(tmp_path: Path) -> None:
    """config.KIND_SETTINGS carries the defaults' wire settings (what an unlisted model gets);
    MODEL_SETTINGS lists only the models that differ, even those that differ by saying nothing."""
    defaults = {"llm": {"context_size": 8, "send_stop": False}, "text-embedding": {"encoding": "base64"}}
    models = [
        {"name": "a"},
        {"name": "b", "send_stop": True},
        {"name": "c", "stream": False},
        {"name": "e", "type": "text-embedding", "context_size": 8},
    ]
    p = lower(load_spec(write_spec(tmp_path, minimal(defaults=defaults, models=models))))
    assert p.kind_settings == {"llm": {"send_stop": False}, "text-embedding": {"encoding": "base64"}}
    assert p.model_settings == {"b": {}, "c": {"send_stop": False, "stream": False}}


def test_a_retired_chat_model_may_lack_a_context_size(tmp_path: Path) -> None:
    """Dify lists retired chat models without one (zhipuai's chatglm_*); a live one, or a retired
    embedding model, still needs it."""
    models = [{"name": "demo-chat", "context_size": 8192}, {"name": "old-chat", "deprecated": True}]
    spec = write_spec(tmp_path, minimal(models=models))
    p = lower(load_spec(spec))
    assert [(m.name, m.context_size) for m in p.models] == [("demo-chat", 8192), ("old-chat", 0)]
    _, files = compile_spec(spec)
    assert b"context_size" not in files["dify/models/llm/old-chat.yaml"]
    for retired in ({"name": "old-chat"}, {"name": "old-embed", "type": "text-embedding", "deprecated": True}):
        spec = write_spec(tmp_path, minimal(models=[models[0], retired]))
        with pytest.raises(CompileError, match=r"models\[1\]: context_size is required"):
            lower(load_spec(spec))


def test_a_stream_switch_is_a_setting_of_every_protocol(tmp_path: Path) -> None:
    """`controls: stream` lowers to a record that steers the request, not a body key, whatever the
    protocol; it must be a boolean that sends nothing, and a model that never streams is warned of."""
    switch = {"name": "enable_stream", "type": "boolean", "default": True, "controls": "stream"}
    for protocol in ("openai_chat", "anthropic_messages", "openai_responses", "gemini"):
        models = [{"name": "a", "context_size": 8, "parameters": [switch]}]
        spec = minimal(api={"base_url": "https://x.example", "protocol": protocol}, models=models)
        p = lower(load_spec(write_spec(tmp_path, spec)))
        assert p.parameters["enable_stream"] == {"control": "stream"} and not p.warnings, protocol
        assert p.models[0].parameters[0].declaration() == {"name": "enable_stream", "type": "boolean", "default": True}
    models = [{"name": "a", "context_size": 8, "stream": False, "parameters": [switch]}]
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    assert [(w.path, w.message) for w in p.warnings] == [
        ("models[0].parameters[0].controls", "the model never streams (stream: false), so this switch changes nothing")
    ]
    sent = switch | {"values": {True: "yes", False: "no"}}
    with pytest.raises(CompileError) as caught:
        lower(load_spec(write_spec(tmp_path, minimal(models=[{"name": "a", "context_size": 8, "parameters": [sent]}]))))
    assert [(d.path, d.message) for d in caught.value.diagnostics] == [
        ("models[0].parameters[0].values", "a parameter that steers a protocol setting is not sent itself")
    ]


def test_image_output_is_a_model_setting_where_the_protocol_can_return_images(tmp_path: Path) -> None:
    """output_modalities with image reaches MODEL_SETTINGS (and KIND_SETTINGS from the defaults) in
    the spec's order; a text-only list is the default and says nothing; anthropic_messages refuses it."""
    defaults = {"llm": {"context_size": 8, "output_modalities": ["image", "text"]}}
    models = [{"name": "a"}, {"name": "b", "output_modalities": ["text"]}]
    p = lower(load_spec(write_spec(tmp_path, minimal(defaults=defaults, models=models))))
    assert p.kind_settings == {"llm": {"output_modalities": ("image", "text")}}
    assert p.model_settings == {"b": {}}
    for protocol in ("gemini", "openai_responses"):
        spec = minimal(
            api={"base_url": "https://x.example", "protocol": protocol}, models=models[:1], defaults=defaults
        )
        assert lower(load_spec(write_spec(tmp_path, spec))).kind_settings["llm"]["output_modalities"][0] == "image"
    spec = minimal(api={"base_url": "https://x.example", "protocol": "anthropic_messages"}, defaults=defaults)
    with pytest.raises(CompileError, match="cannot answer with images") as caught:
        lower(load_spec(write_spec(tmp_path, spec)))
    assert [d.path for d in caught.value.diagnostics] == ["defaults.llm.output_modalities"]


def test_users_may_say_an_added_model_draws_when_the_spec_offers_it(tmp_path: Path) -> None:
    """image_output is offered only when listed (like mode), and only where the protocol can return images."""
    offered = minimal(customizable={"types": ["llm"]})
    variables = lower(load_spec(write_spec(tmp_path, offered))).customizable.variables
    assert "image_output" not in variables and "vision_support" in variables
    listed = minimal(customizable={"types": ["llm"], "fields": ["vision", "image_output"]})
    assert "image_output" in lower(load_spec(write_spec(tmp_path, listed))).customizable.variables
    listed["api"] = {"base_url": "https://x.example", "protocol": "anthropic_messages"}
    with pytest.raises(CompileError, match="cannot answer with images") as caught:
        lower(load_spec(write_spec(tmp_path, listed)))
    assert [d.path for d in caught.value.diagnostics] == ["customizable.fields[1]"]


def test_a_model_that_draws_may_speak_only_protocols_that_return_images(tmp_path: Path) -> None:
    """With a protocol per model, every protocol a drawing model may speak must return images."""
    models = [{"name": "a", "context_size": 8, "protocol": ["gemini", "openai_chat"], "output_modalities": ["image"]}]
    assert lower(load_spec(write_spec(tmp_path, minimal(models=models)))).models[0].settings["output_modalities"]
    models[0]["protocol"] = ["openai_chat", "anthropic_messages"]
    with pytest.raises(CompileError, match="protocol anthropic_messages cannot answer with images") as caught:
        lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    assert [d.path for d in caught.value.diagnostics] == ["models[0].output_modalities"]


def test_a_structured_output_model_gets_the_json_schema_rule_dify_sends(tmp_path: Path) -> None:
    """Dify's structured-output node sends the schema as the json_schema parameter: a model declaring
    the feature without the rule gets Dify's template rule (a model that has one keeps its own)."""
    models = [
        {"name": "plain", "context_size": 8192, "features": ["structured-output"]},
        {"name": "own", "context_size": 8192, "features": ["structured-output"], "parameters": ["json_schema"]},
        {"name": "none", "context_size": 8192},
    ]
    p = lower(load_spec(write_spec(tmp_path, minimal(models=models))))
    rules = {m.name: [(r.name, r.template) for r in m.parameters] for m in p.models}
    assert rules == {"plain": [("json_schema", "json_schema")], "own": [("json_schema", "json_schema")], "none": []}
    assert p.chat_parameters["plain"] == ("json_schema",)
