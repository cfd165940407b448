"""Lowering a protocol per model: the protocols a plugin speaks, where each further one's calls go,
the body key each takes for a parameter, the error codes of all, the settings each api field needs,
and the credential field that chooses; each mistake one located diagnostic."""

from __future__ import annotations

from pathlib import Path

from compiler.load import load_spec
from compiler.lower import lower
from tests.unit.test_gaps import lowered, problems

ROOT = Path(__file__).resolve().parents[2]
MIXED = ROOT / "tests" / "conformance" / "specs" / "mixed.yaml"
CHAT = {"name": "demo-chat", "context_size": 8192}


def test_the_mixed_spec_lowers_each_protocol() -> None:
    p = lower(load_spec(MIXED))
    assert p.api.spoken == ("openai_chat", "anthropic_messages", "gemini", "openai_responses")
    gemini = p.api.protocols["gemini"]
    assert gemini["endpoints"] == {
        "chat": "/gemini/v1beta/models/{model}:generateContent",
        "models": "/gemini/v1beta/models",
    }
    assert gemini["auth"].wire == ("header", "x-goog-api-key", "") and gemini["headers"] == {
        "X-App": "provider-compiler"
    }
    claude = p.api.protocols["anthropic_messages"]
    assert claude["endpoints"] == {"chat": "/v1/messages", "models": "/v1/models"}  # the protocol's defaults
    assert claude["headers"] == {"anthropic-version": "2023-06-01", "X-App": "provider-compiler"}
    assert p.api.protocol_choices == {
        "api_protocol": {"responses": "openai_responses", "chat": "openai_chat", "": "openai_responses"}
    }
    assert p.parameters["max_tokens"]["key"] == "max_tokens"
    assert p.parameters["max_tokens"]["keys"] == {
        "gemini": "generationConfig.maxOutputTokens",
        "openai_responses": "max_output_tokens",
    }
    assert p.parameters["temperature"]["keys"] == {"gemini": "generationConfig.temperature"}
    settings = p.model_settings
    assert "protocol" not in settings.get("mixed-chat", {})
    assert settings["mixed-claude"] == {"max_output_tokens": 32000, "protocol": "anthropic_messages"}
    assert settings["mixed-flex"]["protocol"] == ("openai_responses", "openai_chat")
    # Error codes of every protocol spoken: Anthropic's types and Gemini's statuses.
    assert (
        p.errors.codes["overloaded_error"] == "server_unavailable"
        and p.errors.codes["UNAVAILABLE"] == "server_unavailable"
    )


def test_a_single_protocol_spec_lowers_as_before(tmp_path: Path) -> None:
    p = lowered(tmp_path)
    assert p.api.spoken == ("openai_chat",) and p.api.protocols == {} and p.api.protocol_choices == {}
    assert p.model_settings == {}


def test_defaults_give_user_added_models_their_protocol(tmp_path: Path) -> None:
    defaults = {"llm": {"protocol": ["openai_responses", "openai_chat"]}}
    p = lowered(tmp_path, defaults=defaults, customizable={"types": ["llm"]})
    assert p.kind_settings["llm"] == {"protocol": ("openai_responses", "openai_chat")}
    assert p.api.spoken == ("openai_chat", "openai_responses")


def test_an_api_field_of_any_protocol_spoken_is_allowed(tmp_path: Path) -> None:
    models = [CHAT | {"protocol": "anthropic_messages"}]
    assert lowered(
        tmp_path, api={"base_url": "https://a.example", "prompt_cache": True}, models=models
    ).api.prompt_cache
    found = problems(tmp_path, api={"base_url": "https://a.example", "prompt_cache": True})
    assert found == ["api.prompt_cache: protocol openai_chat does not use this setting"]


def test_what_changes_nothing_is_a_warning(tmp_path: Path) -> None:
    api = {"base_url": "https://a.example", "protocols": {"gemini": {}}}
    pick = {
        "variable": "api_protocol",
        "label": "Protocol",
        "type": "select",
        "options": [{"value": "a"}, {"value": "b"}],
        "protocols": {"a": "openai_responses", "b": "openai_chat"},
    }
    found = [f"{d.path}: {d.message}" for d in lowered(tmp_path, api=api, credentials={"extra": [pick]}).warnings]
    assert found == [
        "api.protocols.gemini: no model speaks this protocol (a model's or defaults.llm's `protocol`)",
        "credentials.extra[0].protocols.a: no model lists openai_responses among the protocols it speaks, so this "
        "choice changes nothing",
        "credentials.extra[0].protocols.b: no model lists openai_chat among the protocols it speaks, so this choice "
        "changes nothing",
    ]


def test_two_choosing_fields_and_a_text_field_are_errors(tmp_path: Path) -> None:
    def pick(variable: str, kind: str = "select") -> dict:
        return {
            "variable": variable,
            "label": "Protocol",
            "type": kind,
            "options": [{"value": "r"}],
            "protocols": {"r": "openai_responses"},
        }

    models = [CHAT | {"protocol": ["openai_responses", "openai_chat"]}]
    found = problems(tmp_path, credentials={"extra": [pick("one"), pick("two", "text")]}, models=models)
    assert "credentials.extra: one credential field at most picks the protocol" in found
    assert "credentials.extra[1].type: only a select or radio field can pick the protocol, not a text field" in found
