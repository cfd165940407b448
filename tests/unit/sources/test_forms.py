"""The credential and model forms read back: an optional API key as api_key.required, model-form fields
shown for one model type kept out of the provider credentials, renamed fields and radio toggles of a
generated plugin's form, which round trip."""

from __future__ import annotations

from compiler.build import compile_spec, subtree
from compiler.sources.compare import build_dify, write_spec
from compiler.sources.dify_plugin import import_plugin
from tests.unit.sources.plugins import PROVIDER, spec_in, write_plugin

CUSTOM = """\
provider: acmeplug
label: {en_US: Acme Plug}
icon_small: {en_US: icon_s.svg}
supported_model_types: [llm, text-embedding]
configurate_methods: [customizable-model]
model_credential_schema:
  model: {label: {en_US: Model}}
  credential_form_schemas:
    - {variable: api_key, label: {en_US: Key}, type: secret-input, required: false}
    - {variable: server_url, label: {en_US: Server}, type: text-input, required: true}
    - variable: completion_type
      label: {en_US: Completion type}
      type: select
      default: chat
      options: [{value: %s, label: {en_US: Chat}}, {value: completion, label: {en_US: Completion}}]
      show_on: [{variable: __model_type, value: llm}]
    - variable: function_call_support
      label: {en_US: Function calls}
      type: radio
      default: "false"
      options: [{value: "true", label: {en_US: "Yes"}}, {value: "false", label: {en_US: "No"}}]
      show_on: [{variable: __model_type, value: llm}]
    - variable: max_chunks
      label: {en_US: Max chunks}
      type: text-input
      show_on: [{variable: __model_type, value: text-embedding}]
"""
GENERATED = """\
name: acmegen
label: Acme Gen
description: A generated test plugin.
author: tester
version: 0.1.0
icons: {small: icons/acmegen_s.svg}
repository: https://github.com/tester/acmegen
api: {base_url: "https://api.acme.example/v1"}
credentials:
  api_key: {required: false}
  base_url: {variable: server_url, required: true, rewrite: {append: /v1}}
customizable:
  types: [llm, text-embedding]
  fields:
    - {field: context_size, default: 2048, required: true}
    - {field: mode, variable: completion_type, default: chat}
    - {field: tool_call, type: radio, default: 'true'}
    - field: vision
      variable: vision_support
      type: radio
      options: [{value: 'true', label: 'Yes'}, {value: 'false', label: 'No'}]
      on: ['true']
"""


def imported_custom(tmp_path, chat: str = "chat"):
    return import_plugin(write_plugin(tmp_path / "plugin", {"provider/acmeplug.yaml": CUSTOM % chat}))


def test_an_optional_key_is_optional_in_the_spec(tmp_path):
    provider = PROVIDER.replace("type: secret-input\n      required: true", "type: secret-input\n      required: false")
    imported = import_plugin(write_plugin(tmp_path / "plugin", {"provider/acmeplug.yaml": provider}))
    assert imported.data["credentials"]["api_key"] == {"variable": "acme_key", "required": False}
    assert not [f for f in imported.findings if "optional" in f.text]
    _, files = compile_spec(spec_in(imported, tmp_path))
    assert b"variable: acme_key\n      label: {en_US: API Key}\n      type: secret-input\n      required: false" in (
        files["dify/provider/acmeplug.yaml"]
    )


def test_a_required_key_says_nothing(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "plugin"))
    assert "required" not in imported.data["credentials"]["api_key"]


def test_fields_shown_for_one_model_type_are_model_settings(tmp_path):
    imported = imported_custom(tmp_path)
    credentials = imported.data["credentials"]
    assert credentials["api_key"] == {"label": "Key", "required": False}
    assert "extra" not in credentials
    mode, tool_call = imported.data["customizable"]["fields"]
    assert mode == {"field": "mode", "variable": "completion_type", "label": "Completion type", "default": "chat"}
    assert tool_call["variable"] == "function_call_support" and tool_call["type"] == "radio"
    assert tool_call["options"] == [{"value": "true", "label": "Yes"}, {"value": "false", "label": "No"}]
    assert tool_call["on"] == ["true"]
    said = [f.text for f in imported.findings]
    assert "the model form's 'max_chunks' (text-embedding models) has no spec field; left out" in said
    compile_spec(spec_in(imported, tmp_path))  # builds


def test_a_mode_select_of_other_values_is_left_out(tmp_path):
    imported = imported_custom(tmp_path, chat="chat_completion")
    assert [f["field"] for f in imported.data["customizable"]["fields"]] == ["tool_call"]
    assert "extra" not in imported.data["credentials"]
    assert any("'completion_type' offers chat_completion, completion" in f.text for f in imported.findings)
    compile_spec(spec_in(imported, tmp_path))


def test_renamed_fields_and_radio_toggles_round_trip(tmp_path):
    spec = tmp_path / "specs" / "acmegen.yaml"
    (tmp_path / "specs" / "icons").mkdir(parents=True)
    (tmp_path / "specs" / "icons" / "acmegen_s.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    spec.write_text(GENERATED)
    files = subtree(compile_spec(spec)[1], "dify")
    for relative, data in files.items():
        (tmp_path / "plugin" / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "plugin" / relative).write_bytes(data)
    imported = import_plugin(tmp_path / "plugin")
    assert not imported.findings
    assert imported.data["credentials"]["api_key"] == {"required": False}
    assert [f["field"] for f in imported.data["customizable"]["fields"]] == [
        "context_size",
        "mode",
        "tool_call",
        "vision",
    ]
    built = build_dify(write_spec(imported, tmp_path / "again" / "specs"))
    assert built["provider/acmegen.yaml"] == files["provider/acmegen.yaml"]
