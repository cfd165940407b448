"""The facts read from a plugin's code and forms that the newer spec fields hold (api_id, prices per any
power of ten, credentials.check, shaped customizable-form fields), each emitted only when the language
has the field: tested here with the switch on and off."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compiler.sources import code_facts, forms, plugin_models
from compiler.sources.dify_plugin import import_plugin
from compiler.sources.plugin_models import per_of
from tests.unit.sources.plugins import PROVIDER, model_yaml, write_plugin

ALIASED = 'WIRE = {"acme-1": "Acme-One", "acme-2": "acme-2"}\nOTHER = {"a": "b"}\n'
CHECKED = 'class P:\n    def validate_provider_credentials(self, credentials):\n        model = "acme-3"\n'


@pytest.mark.parametrize(
    ("unit", "per"), [("0.00001", "100k"), ("0.0001", "10k"), ("0.0000001", "10m"), ("0.01", 100), ("0.0025", None)]
)
def test_per_of_a_unit(unit, per):
    assert per_of(Decimal(unit)) == per


def test_aliases_become_api_ids(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "p", {"models/llm/wire.py": ALIASED}))
    by_name = {m["name"]: m for m in imported.data["models"]}
    assert list(by_name["acme-1"])[:2] == ["name", "api_id"] and by_name["acme-1"]["api_id"] == "Acme-One"
    assert "api_id" not in by_name["acme-2"]
    assert any(f.where == "models/llm/wire.py:1" and "api_id" in f.text for f in imported.findings)


def test_check_model_from_the_provider_code(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "p", {"provider/acmeplug.py": CHECKED}))
    assert imported.data["credentials"]["check"] == {"model": "acme-3"}


def test_check_field_needs_a_model_default(tmp_path):
    field = "    - {variable: validate_model, label: {en_US: Check with}, type: text-input, default: %s}\n"
    at = PROVIDER.index("models:\n  llm:")
    for default, check in (("acme-2", {"field": "validate_model"}), ("nope", None)):
        provider = PROVIDER[:at] + field % default + PROVIDER[at:]
        imported = import_plugin(write_plugin(tmp_path / default, {"provider/acmeplug.yaml": provider}))
        assert imported.data["credentials"].get("check") == check


def test_prices_per_100k(tmp_path):
    files = {"models/llm/a1.yaml": model_yaml("acme-1", 8192, price="2", unit="0.00001")}
    imported = import_plugin(write_plugin(tmp_path / "p", files))
    model = next(m for m in imported.data["models"] if m["name"] == "acme-1")
    assert model["pricing"] == {"input": Decimal("2"), "output": Decimal("2"), "per": "100k"}
    assert not any("per million" in f.text for f in imported.findings)


FORM = {
    "variable": "function_calling_type",
    "label": {"en_US": "Function calling"},
    "type": "select",
    "default": "no_call",
    "options": [{"value": "no_call", "label": {"en_US": "No"}}, {"value": "function_call", "label": {"en_US": "Yes"}}],
}


def test_a_shaped_form_field():
    entry = forms.shaped("tool_call", FORM)
    assert entry["variable"] == "function_calling_type" and entry["on"] == ["function_call"]
    assert entry["default"] == "no_call" and entry["label"] == "Function calling"
    assert (
        forms.shaped(
            "context_size", {"variable": "context_size", "label": {"en_US": "Context size", "zh_Hans": "上下文长度"}}
        )
        == "context_size"
    )
    assert plugin_models.PER_BY_UNIT[Decimal("0.001")] == "thousand"
