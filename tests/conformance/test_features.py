"""The catalogue page's vision and structured-output columns, on both hosts over every protocol, each
with the spec's first model that has the feature (backing.py): an image in the question reaches the
API as the protocol carries images, and a JSON schema asked for reaches it as the protocol asks for
one (Dify's as its structured-output node sends it, MaiBot's from its response_format)."""

from __future__ import annotations

import json

from compiler.model import Provider
from tests.conformance.expect import IMAGE, answered
from tests.conformance.hosts import user
from tests.conformance.protocols import Text

SCHEMA = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
# Protocols whose runtime carries a host's own JSON request (MaiBot's response_format) as an instruction
# in the system text: Converse has no field for it; Anthropic's output_config.format is sent for Dify's
# json_schema parameter only (runtime/protocols/anthropic_messages.py).
NOTED = frozenset({"anthropic_messages", "bedrock_converse"})


def test_an_image_reaches_a_vision_model(host, api, mock, feature_model):
    mock.expect(answered(api, Text("A pixel.")))
    answer = host.chat(user("What is this?", IMAGE), model=feature_model)
    assert answer.error is None and answer.text == "A pixel.", answer.message
    sent = api.read(mock.last)
    assert sent.parts("image") == [("image", IMAGE["mime"], IMAGE["data"])]
    assert sent.turns()[-1] == ("user", "What is this?")


def test_a_json_schema_reaches_a_structured_output_model(host, provider, api, mock, feature_model):
    mock.expect(answered(api, Text('{"city": "Paris"}')))
    answer = host.chat(user("Where?"), model=feature_model, **asked(host.name, provider, feature_model))
    assert answer.error is None and answer.text == '{"city": "Paris"}', answer.message
    body = api.read(mock.last).body
    if host.name == "maibot" and api.NAME in NOTED:
        assert json.dumps(SCHEMA) in json.dumps(body, ensure_ascii=False).replace('\\"', '"'), body
    else:
        assert api.schema(body) == SCHEMA, body


def asked(host: str, provider: Provider, model: str) -> dict:
    """How each host asks for an answer matching SCHEMA. Dify's structured-output node sends the schema
    as the json_schema parameter (named llm_response, bare for Gemini) and picks response_format
    json_schema where the model's rule offers it; MaiBot sends its response_format."""
    if host == "maibot":
        return {"response_format": {"format_type": "json_schema", "schema": {"name": "answer", "schema": SCHEMA}}}
    schema = SCHEMA if provider.api.protocol == "gemini" else {"name": "llm_response", "schema": SCHEMA}
    parameters = {"json_schema": json.dumps(schema)}
    chosen = next(m for m in provider.models_of("llm") if m.name == model)
    formats = next((r.overrides.get("options", ()) for r in chosen.parameters if r.name == "response_format"), ())
    return {"parameters": parameters | ({"response_format": "json_schema"} if "json_schema" in formats else {})}
