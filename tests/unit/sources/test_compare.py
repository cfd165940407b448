"""compare_official's counting: Dify's defaults for keys a rule or a credential field leaves out count as
equal, and a rule or field the build lacks still differs."""

from __future__ import annotations

import yaml

from compiler.sources.compare import Tally, compare_models, compare_provider


def plugin(rules: list[dict], fields: list[dict]) -> dict[str, bytes]:
    provider = {"provider": "acme", "provider_credential_schema": {"credential_form_schemas": fields}}
    model = {"model": "m1", "model_type": "llm", "model_properties": {"mode": "chat"}, "parameter_rules": rules}
    return {
        "provider/acme.yaml": yaml.safe_dump(provider).encode(),
        "models/llm/m1.yaml": yaml.safe_dump(model).encode(),
    }


def tally_of(built: dict[str, bytes], official: dict[str, bytes]) -> Tally:
    tally = Tally()
    compare_models(built, official, tally)
    compare_provider(built, official, tally)
    return tally


def test_left_out_defaults_count_as_equal():
    official = plugin(
        [{"name": "seed", "type": "int", "required": False, "options": []}],
        [{"variable": "api_key", "type": "secret-input", "required": True, "max_length": 0, "show_on": []}],
    )
    built = plugin([{"name": "seed", "type": "int"}], [{"variable": "api_key", "type": "secret-input"}])
    tally = tally_of(built, official)
    assert tally.differing == []
    assert tally.equal["fields"] == tally.total["fields"] > 6


def test_a_missing_rule_or_field_and_a_non_default_value_still_differ():
    official = plugin(
        [{"name": "seed", "type": "int", "required": False}, {"name": "top_k", "type": "int", "required": True}],
        [
            {"variable": "api_key", "type": "secret-input", "required": False},
            {"variable": "base", "type": "text-input"},
        ],
    )
    built = plugin([{"name": "top_k", "type": "int"}], [{"variable": "api_key", "type": "secret-input"}])
    differing = tally_of(built, official).differing
    assert "m1.parameter_rules.seed.required: False -> None" in differing
    assert "m1.parameter_rules.top_k.required: True -> False" in differing
    assert "provider.provider_credential_schema.api_key.required: False -> True" in differing
    assert "provider.provider_credential_schema.base.type: 'text-input' -> None" in differing
