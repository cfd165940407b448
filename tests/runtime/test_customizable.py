"""User-added models' schemas from the form's answers (runtime/customizable.py)."""

from __future__ import annotations

import pytest

from compiler.runtime import customizable
from compiler.runtime.errors import ProviderError

CUSTOM = {
    "types": ("llm", "tts"),
    "fields": ("display_name", "mode", "context_size", "max_tokens", "function_calling", "reasoning_support", "voices")
    + ("input_price",),
    "properties": {"llm": {"mode": "chat", "context_size": 4096}, "tts": {"voices": [], "word_limit": 4096}},
    "parameters": [{"name": "max_tokens", "use_template": "max_tokens", "default": 4096, "min": 1, "max": 8192}],
    "reasoning_parameters": [{"name": "reasoning_effort", "type": "string", "options": ["low", "high"]}],
    "max_output_tokens": 8192,
    "pricing": ("RMB", "0.000001"),
}


@pytest.fixture(autouse=True)
def custom(settings) -> None:
    settings(CUSTOMIZABLE=CUSTOM)


def test_answers_become_the_schema() -> None:
    answers = {"context_size": " 9000 ", "max_tokens": "1024", "function_calling": "true", "input_price": "0.5"}
    schema = customizable.schema("llm", "m/x", answers | {"display_name": ""})
    assert schema["label"] == {"en_US": "m/x"} and schema["model_properties"]["context_size"] == 9000
    assert schema["features"] == ["tool-call", "multi-tool-call"]
    assert schema["parameter_rules"] == [
        {"name": "max_tokens", "use_template": "max_tokens", "default": 1024, "min": 1, "max": 1024}
    ]
    assert schema["pricing"] == {"input": "0.5", "unit": "0.000001", "currency": "RMB", "output": "0"}
    assert CUSTOM["properties"]["llm"]["context_size"] == 4096  # the config is never changed


def test_fields_the_spec_does_not_offer_are_ignored() -> None:
    schema = customizable.schema("llm", "m", {"vision_support": "true", "output_price": "9"})
    assert schema["features"] == [] and "pricing" not in schema


def test_voices_and_kinds_users_cannot_add() -> None:
    schema = customizable.schema("tts", "t", {"voices": "b, a, b,,"})
    assert [v["mode"] for v in schema["model_properties"]["voices"]] == ["b", "a"]
    assert schema["model_properties"]["default_voice"] == "b"
    assert customizable.schema("rerank", "r", {}) is None


def test_mode_and_reasoning_answers(settings) -> None:
    settings(MODEL_SETTINGS={"m": {"never_send": ("top_p",)}})
    schema = customizable.schema("llm", "m", {"mode": "completion", "reasoning_support": "true"})
    assert schema["model_properties"]["mode"] == "completion" and schema["features"] == ["agent-thought"]
    assert [rule["name"] for rule in schema["parameter_rules"]] == ["max_tokens", "reasoning_effort"]
    assert customizable.settings("m", {"mode": "completion"}) == {"never_send": ("top_p",), "mode": "completion"}
    assert customizable.settings("m", {"mode": ""}) == {"never_send": ("top_p",)}
    plain = customizable.schema("llm", "m", {})
    assert plain["model_properties"]["mode"] == "chat" and len(plain["parameter_rules"]) == 1


def test_a_model_the_user_says_draws_is_asked_for_images(settings) -> None:
    settings(CUSTOMIZABLE=CUSTOM | {"fields": CUSTOM["fields"] + ("image_output",)})
    drawing = customizable.settings("m", {"image_output": "true"})
    assert drawing == {"output_modalities": ("text", "image")}
    assert customizable.settings("m", {"image_output": "false"}) == {}
    assert customizable.schema("llm", "m", {"image_output": "true"})["features"] == []  # Dify has no such feature
    settings(CUSTOMIZABLE=CUSTOM)  # not offered: the answer is ignored
    assert customizable.settings("m", {"image_output": "true"}) == {}


@pytest.mark.parametrize(
    "answers,message",
    [
        ({"context_size": "0"}, "context_size must be a positive whole number, got '0'"),
        ({"max_tokens": "1.5"}, "max_tokens must be a positive whole number, got '1.5'"),
        ({"input_price": "-1"}, "input_price must be a price like 0.5, got '-1'"),
        ({"input_price": "NaN"}, "input_price must be a price like 0.5, got 'NaN'"),
        ({"mode": "poetry"}, "mode must be chat or completion, got 'poetry'"),
    ],
)
def test_bad_answers_are_bad_requests(answers: dict, message: str) -> None:
    with pytest.raises(ProviderError, match="bad_request") as caught:
        customizable.schema("llm", "m", answers)
    assert message in str(caught.value)
