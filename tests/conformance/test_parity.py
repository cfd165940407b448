"""The same conversations through a spec's Dify plugin (real SDK) and MaiBot plugin (real host): the
provider must receive the same request from both, but for what only one host can express
(Adapter.comparable)."""

from __future__ import annotations

import json

import pytest

from compiler.lower.records import can_pick
from tests.conformance.expect import HOSTED_TOOL, IMAGE, a_value, answered, both, comparable, read, streamed
from tests.conformance.hosts import ACCESS_KEY_ID, KEY, assistant, first_llm, system, tool, user
from tests.conformance.protocols import Call, Text, dig, sent_id
from tests.conformance.specs import chat_models

QUESTION = "What is in this picture, and what is the weather there?"


def test_text_with_parameters(dify, maibot, provider, api, mock):
    parameters = {"temperature": 0.3, "max_tokens": 100}
    from_dify, from_maibot = both(
        dify, maibot, api, mock, answered(api, Text("Hi")), system("Be brief."), user("Hello"), parameters=parameters
    )
    assert from_dify == from_maibot
    assert read(api, from_dify).turns()[-1] == ("user", "Hello")
    sent = from_dify["auth"].values()
    if provider.api.auth.scheme == "none":  # a keyless server (a ChatGLM deployment): no credential at all
        assert not sent and not from_dify["query"], from_dify
        return
    assert any(KEY in v or ACCESS_KEY_ID in v or v == "Bearer <an issued token>" for v in sent) or from_dify["query"]


def test_a_streamed_image_question_with_tools(dify, maibot, api, mock):
    reply = streamed(api, Text("A cat; "), Text("sunny."))
    turn = user(QUESTION, IMAGE | {"detail": "low"})
    from_dify, from_maibot = both(dify, maibot, api, mock, reply, turn, stream=True, tools=[HOSTED_TOOL])
    assert from_dify == from_maibot
    sent = read(api, from_dify)
    assert sent.stream is True and [t["name"] for t in sent.tools] == ["get_weather"]


def test_tool_turns(dify, maibot, api, mock):
    lyon = Call("call_1", "get_weather", {"city": "Lyon"})
    turns = (user("Weather in Lyon?"), assistant("", lyon), tool("call_1", "get_weather", "sunny"))
    from_dify, from_maibot = both(dify, maibot, api, mock, answered(api, Text("Sunny.")), *turns, tools=[HOSTED_TOOL])
    assert from_dify == from_maibot
    assert [role for role, _ in read(api, from_dify).messages] == ["user", "assistant", "tool"]


def test_value_mapped_parameters(dify, maibot, provider, api, mock):
    """A value the user picks is sent as the spec maps it (or not at all), from both hosts: Dify's
    parameter, MaiBot's extra_params key of the same name; each table a model maps by once."""
    tables = {}
    for model in chat_models(provider):
        for rule in model.parameters:
            if rule.name in model.settings.get("never_send", ()) or rule.encoding == "control":
                continue  # shown, never sent; or a protocol setting (Bedrock's model pick), not a body value
            table = provider.parameter(model, rule.name).get("values")
            for picked, value in table or ():
                if can_pick(rule, picked):  # one name may be a switch here, a select there
                    tables.setdefault((rule.name, picked, json.dumps(value)), (model, value))
    if not tables:
        pytest.skip("no model declares a value-mapped parameter")
    for (name, picked, _), (model, value) in tables.items():
        *parents, key = api.parameter_key(provider, name).split(".")
        reply = answered(api, Text("ok"))
        # what keeps the parameter in (Ant Ling's forced_search is sent only with enable_search on)
        keep = {other: not omitted for other, omitted, _ in provider.parameter(model, name).get("omit_when", ())}
        from_dify, from_maibot = both(
            dify, maibot, api, mock, reply, user("Hi"), parameters={name: picked, **keep}, model=model.name
        )
        assert from_dify == from_maibot, (name, picked)
        body = from_dify["body"]
        for part in parents:
            body = body.get(part, {})
        if value is None:
            assert key not in body, (name, picked)
        elif isinstance(value, dict):  # other parameters may add to the object (thinking.display)
            assert body[key] | value == body[key], (name, picked)
        else:
            assert body[key] == value, (name, picked)


def test_fixed_body_fields(dify, maibot, provider, api, mock):
    """api.body in every chat request and a model's own body fields in its requests, from both hosts;
    the request's own values win."""
    chat = [m for m in chat_models(provider) if m.settings.get("body")] or chat_models(provider)[:1]
    if not provider.api.body and not chat[0].settings.get("body"):
        pytest.skip("the spec has no fixed body fields")
    model = chat[0].name
    for host in (dify, maibot):
        mock.expect(answered(api, Text("ok")))
        answer = host.chat(user("Hi"), model=model)
        assert answer.error is None, answer.shown
        sent = api.read(mock.last)
        for key, value in (provider.api.body | (chat[0].settings.get("body") or {})).items():
            assert sent.body[key] == value, key
        assert sent.model == sent_id(api, provider, model) and sent.turns()[-1] == ("user", "Hi")


def test_the_conversation_is_tidied_as_the_spec_says(dify, maibot, provider, api, mock):
    """Two user turns in a row, from both hosts, joined as api.messages says (and as the protocol
    must); and (Dify only: MaiBot refuses an empty message itself) an empty assistant turn left out."""
    turns = (system("Be brief."), user("A"), user("B"))
    from_dify, from_maibot = both(dify, maibot, api, mock, answered(api, Text("ok")), *turns)
    assert from_dify == from_maibot
    rules = provider.api.messages
    text = lambda *words: [("text", word) for word in words]  # noqa: E731
    users = [("user", text("A\nB"))] if rules["merge_same_role"] else [("user", text("A")), ("user", text("B"))]
    assert read(api, from_dify).messages == api.tidied([("system", text("Be brief."))] + users)

    mock.expect(answered(api, Text("ok")))
    answer = dify.chat(user("A"), assistant(""), user("C"))
    assert answer.error is None, answer.message
    sent = api.read(mock.last).messages
    if rules["drop_empty"]:
        kept = [("user", text("A\nC"))] if rules["merge_same_role"] else [("user", text("A")), ("user", text("C"))]
    else:
        kept = [("user", text("A")), ("assistant", text("")), ("user", text("C"))]
    assert sent == api.tidied(kept)


def test_parameters_sent_under_nested_keys(dify, maibot, provider, api, mock):
    """A parameter whose send_as has dots (OpenRouter's reasoning.effort) lands in that nested object,
    from both hosts, beside the others of the same object (but for one another parameter leaves out at
    its default: Bedrock's thinking budget without thinking)."""
    records = provider.parameters
    nested = {n for n, record in records.items() if "." in str(record.get("key", "")) and "parse" not in record}
    for model in chat_models(provider):
        mine = [rule for rule in model.parameters if rule.name in nested and "values" not in records[rule.name]]
        mine = [rule for rule in mine if not any(value == default for _, value, default in rule.omissions)]
        if mine:
            break
    else:
        pytest.skip("no model sends a parameter under a nested key")
    parameters = {rule.name: a_value(rule) for rule in mine}
    reply = answered(api, Text("ok"))
    from_dify, from_maibot = both(dify, maibot, api, mock, reply, user("Hi"), parameters=parameters, model=model.name)
    assert from_dify == from_maibot
    for name, value in parameters.items():
        assert dig(from_dify["body"], api.parameter_key(provider, name)) == value, name


def test_a_parameter_left_out_while_another_has_a_value(dify, maibot, provider, api, mock):
    model = provider.models_of("llm")[0]
    omit_when = {rule.name: provider.parameter(model, rule.name).get("omit_when", ()) for rule in model.parameters}
    rules = [(name, *rule) for name, pairs in omit_when.items() for rule in pairs if isinstance(rule[1], bool)]
    if not rules:
        pytest.skip("the model has no parameter left out by another's value")
    name, other, value, _ = rules[0]
    key = api.parameter_key(provider, name)
    given = next(a_value(rule) for rule in provider.models_of("llm")[0].parameters if rule.name == name)
    for other_value, kept in ((value, False), (not value, True)):
        parameters = {name: given, other: other_value}
        from_dify, from_maibot = both(dify, maibot, api, mock, answered(api, Text("ok")), parameters=parameters)
        assert from_dify == from_maibot
        assert (dig(from_dify["body"], key) is not None) is kept, (parameters, from_dify["body"])


def test_a_json_parameter_is_sent_as_the_object_it_spells(dify, maibot, provider, api, mock):
    names = [n for n in provider.chat_parameters[first_llm(provider)] if provider.parameters[n].get("parse") == "json"]
    if not names:
        pytest.skip("the model has no JSON parameter")
    name, value = names[0], {"mode": "auto", "sources": [{"type": "web"}], "max_search_results": 5}
    sent = []
    for host, given in ((dify, json.dumps(value)), (maibot, value)):
        mock.expect(answered(api, Text("ok")))
        answer = host.chat(user("Hi"), parameters={name: given})
        assert answer.error is None, answer.shown
        sent.append(comparable(api, provider, mock.last))
    assert sent[0] == sent[1] and dig(sent[0]["body"], api.parameter_key(provider, name)) == value
    answer = dify.chat(parameters={name: "{mode: auto"})
    assert answer.error == "bad_request" and f"{name} is not valid JSON" in answer.message
    assert len(mock.requests) == 2


def test_a_parameter_adds_a_built_in_tool(dify, maibot, provider, api, mock):
    names = [n for n in provider.chat_parameters[first_llm(provider)] if "tool" in provider.parameters[n]]
    if not names:
        pytest.skip("the model has no parameter that adds a built-in tool")
    name, builtin = names[0], provider.parameters[names[0]]["tool"]
    for on in (True, False):
        reply = answered(api, Text("ok"))
        parameters = {name: on}
        from_dify, from_maibot = both(
            dify, maibot, api, mock, reply, user("Weather?"), parameters=parameters, tools=[HOSTED_TOOL]
        )
        assert from_dify == from_maibot
        sent = read(api, from_dify)
        assert [t["name"] for t in sent.tools] == ["get_weather"]
        assert sent.builtin_tools == ([builtin] if on else []) and name not in sent.body
