"""The same conversations through a spec's generated Dify plugin (real SDK) and MaiBot plugin (real
host): the provider must receive equivalent requests from both."""

from __future__ import annotations

import json

import pytest

from compiler.lower.records import can_pick
from compiler.model import Provider
from tests.integration.mock_server import MockServer, Recorded, Reply, sse
from tests.integration.payloads import KEY, PNG, WEATHER_TOOL, a_value, chunk, completion, finish, llm
from tests.integration.test_dify_plugin import creds, invoke
from tests.integration.test_maibot_plugin import api_provider, system, user

TOOL = WEATHER_TOOL | {"parameters": {**WEATHER_TOOL["parameters"], "required": []}}
QUESTION = "What is in this picture, and what is the weather there?"


def declared(provider: Provider, values: dict) -> dict:
    """Only the parameters the model's rules declare: all a Dify user can set."""
    names = provider.chat_parameters[llm(provider)]
    return {k: v for k, v in values.items() if k in names}


def normalised(recorded: Recorded, provider: Provider) -> dict:
    """What the provider sees, minus what only one host can express (Dify's per-image `detail` and
    end-user id) and the spelling of tool-call JSON."""
    body = json.loads(json.dumps(recorded.body))
    body.pop(provider.api.user[0], None)
    for message in body.get("messages", []):
        if isinstance(message.get("content"), list):
            for part in message["content"]:
                part.get("image_url", {}).pop("detail", None)
        for call in message.get("tool_calls") or ():
            call["function"]["arguments"] = json.loads(call["function"]["arguments"])
    auth = {k: v for k, v in recorded.headers.items() if k in ("authorization", (provider.api.auth.name or "").lower())}
    static = {k.lower(): recorded.headers.get(k.lower()) for k in provider.api.headers}
    return {
        "method": recorded.method,
        "path": recorded.path,
        "query": recorded.query,
        "auth": auth,
        "static": static,
        "content_type": recorded.headers.get("content-type"),
        "body": body,
    }


def both(
    dify,
    maibot,
    provider: Provider,
    mock: MockServer,
    reply: Reply,
    dify_call: dict,
    maibot_call: dict,
    model: str | None = None,
) -> tuple:
    """The provider's requests for one call from each host (to `model`, default the first llm)."""
    model = model or llm(provider)
    mock.expect(reply)
    outcome = dify.invoke_llm(model, creds(provider, mock), provider=provider.name, **dify_call)
    assert outcome.error is None, outcome.error
    from_dify = normalised(mock.last, provider)
    mock.expect(reply)
    result = maibot.call(
        op="response",
        api_provider=api_provider(provider, mock),
        model_info={"model_identifier": model, "name": model, "force_stream_mode": dify_call["stream"]},
        **maibot_call,
    )
    assert result["ok"], result
    return from_dify, normalised(mock.last, provider)


def test_text_with_parameters(dify, maibot, provider, mock):
    parameters = declared(provider, {"temperature": 0.3, "max_tokens": 100})
    from_dify, from_maibot = both(
        dify,
        maibot,
        provider,
        mock,
        Reply(json=completion({"role": "assistant", "content": "Hi"})),
        {
            "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}],
            "stream": False,
            "parameters": parameters,
        },
        {"context_items": [system("Be brief."), user("Hello")], "temperature": 0.3, "max_tokens": 100},
    )
    assert from_dify == from_maibot
    assert from_dify["body"]["messages"][1] == {"role": "user", "content": "Hello"}
    assert any(KEY in value for value in from_dify["auth"].values()) or from_dify["query"]


def test_streamed_image_question_with_tools(dify, maibot, provider, mock):
    reply = Reply(sse=sse(chunk(role="assistant", content="A cat; "), chunk(content="sunny."), *finish()))
    from_dify, from_maibot = both(
        dify,
        maibot,
        provider,
        mock,
        reply,
        {
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "data": QUESTION},
                        {
                            "type": "image",
                            "format": "png",
                            "mime_type": "image/png",
                            "base64_data": PNG,
                            "detail": "low",
                        },
                    ],
                }
            ],
            "stream": True,
            "tools": [TOOL],
        },
        {
            "context_items": [user(QUESTION, {"type": "image", "image_base64": PNG, "image_format": "png"})],
            "tool_options": [{"type": "function", "function": TOOL}],
        },
    )
    assert from_dify == from_maibot
    assert from_dify["body"]["stream"] is True and from_dify["body"]["tools"][0]["function"]["name"] == "get_weather"


def test_tool_turns(dify, maibot, provider, mock):
    from_dify, from_maibot = both(
        dify,
        maibot,
        provider,
        mock,
        Reply(json=completion({"role": "assistant", "content": "Sunny."})),
        {
            "messages": [
                {"role": "user", "content": "Weather in Lyon?"},
                {
                    "role": "assistant",
                    "content": "",
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": '{"city":"Lyon"}'},
                        }
                    ],
                },
                {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
            ],
            "stream": False,
            "tools": [TOOL],
        },
        {
            "context_items": [
                user("Weather in Lyon?"),
                {
                    "item_type": "FunctionCallItem",
                    "tool_call": {
                        "call_id": "call_1",
                        "func_name": "get_weather",
                        "args": {"city": "Lyon"},
                        "extra_content": None,
                    },
                },
                {
                    "item_type": "FunctionCallOutputItem",
                    "call_id": "call_1",
                    "output": "sunny",
                    "success": True,
                    "tool_name": "get_weather",
                },
            ],
            "tool_options": [{"type": "function", "function": TOOL}],
        },
    )
    assert from_dify == from_maibot
    assert [m["role"] for m in from_dify["body"]["messages"]] == ["user", "assistant", "tool"]


def test_json_output(dify, maibot, provider, mock):
    if "response_format" not in provider.chat_parameters[llm(provider)]:
        pytest.skip("the model declares no response_format parameter")
    rule = next(r for r in provider.models_of("llm")[0].parameters if r.name == "response_format")
    if "json_object" not in rule.overrides.get("options", ()):
        pytest.skip("the model's response_format is Dify's own JSON/XML code-block mode")
    from_dify, from_maibot = both(
        dify,
        maibot,
        provider,
        mock,
        Reply(json=completion({"role": "assistant", "content": '{"ok": true}'})),
        {
            "messages": [{"role": "user", "content": "JSON please"}],
            "stream": False,
            "parameters": {"response_format": "json_object"},
        },
        {"context_items": [user("JSON please")], "response_format": {"format_type": "json_object"}},
    )
    assert from_dify == from_maibot
    assert from_dify["body"]["response_format"] == {"type": "json_object"}


def test_value_mapped_parameters(dify, maibot, provider, mock):
    """A value the user picks is sent as the spec maps it (or not at all), from both hosts: Dify's
    parameter, MaiBot's extra_params key of the same name."""
    rules = [(model.name, rule) for model in provider.models_of("llm") for rule in model.parameters]
    value_maps = {name: record["values"] for name, record in provider.parameters.items() if "values" in record}
    if not any(rule.name in value_maps for _, rule in rules):
        pytest.skip("no model declares a value-mapped parameter")
    for name, table in value_maps.items():
        *parents, key = provider.parameters[name]["key"].split(".")
        for picked, sent in table:
            # a model whose rule can take the value (one name may be a switch here, a select there)
            model = next(m for m, rule in rules if rule.name == name and can_pick(rule, picked))
            from_dify, from_maibot = both(
                dify,
                maibot,
                provider,
                mock,
                Reply(json=completion({"role": "assistant", "content": "ok"})),
                {"messages": [{"role": "user", "content": "Hi"}], "stream": False, "parameters": {name: picked}},
                {"context_items": [user("Hi")], "extra_params": {name: picked}},
                model,
            )
            assert from_dify == from_maibot, (name, picked)
            body = from_dify["body"]
            for part in parents:
                body = body.get(part, {})
            if sent is None:
                assert key not in body, (name, picked)
            else:
                assert body[key] == sent, (name, picked)


def test_fixed_body_fields(dify, maibot, provider, mock):
    """api.body in every chat request and a model's own body fields in its requests, from both hosts;
    the request's own values win."""
    chat = [m for m in provider.models_of("llm") if m.settings.get("body")] or list(provider.models_of("llm")[:1])
    if not provider.api.body and not chat[0].settings.get("body"):
        pytest.skip("the spec has no fixed body fields")
    model = chat[0].name
    bodies = []
    for host in ("dify", "maibot"):
        mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
        if host == "dify":
            messages = [{"role": "user", "content": "Hi"}]
            outcome = dify.invoke_llm(model, creds(provider, mock), messages, False, provider=provider.name)
            assert outcome.error is None, outcome.error
        else:
            info = {"model_identifier": model, "name": model, "force_stream_mode": False}
            result = maibot.call(
                op="response", api_provider=api_provider(provider, mock), model_info=info, context_items=[user("Hi")]
            )
            assert result["ok"], result
        bodies.append(mock.last.body)
    for body in bodies:
        for key, value in (provider.api.body | (chat[0].settings.get("body") or {})).items():
            assert body[key] == value, key
        assert body["model"] == model and body["messages"][-1]["content"] == "Hi"


def test_the_conversation_is_tidied_as_the_spec_says(dify, maibot, provider, mock):
    """Two user turns in a row, from both hosts, joined as api.messages says; and (Dify only: MaiBot
    refuses an empty message itself) an empty assistant turn left out."""
    from_dify, from_maibot = both(
        dify,
        maibot,
        provider,
        mock,
        Reply(json=completion({"role": "assistant", "content": "ok"})),
        {
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "A"},
                {"role": "user", "content": "B"},
            ],
            "stream": False,
        },
        {"context_items": [system("Be brief."), user("A"), user("B")]},
    )
    assert from_dify == from_maibot
    sent = [(m["role"], m["content"]) for m in from_dify["body"]["messages"]]
    rules = provider.api.messages
    joined = [("system", "Be brief."), ("user", "A\nB")]
    assert sent == joined if rules["merge_same_role"] else sent == joined[:1] + [("user", "A"), ("user", "B")]

    mock.expect(Reply(json=completion({"role": "assistant", "content": "ok"})))
    history = [{"role": "user", "content": "A"}, {"role": "assistant", "content": ""}, {"role": "user", "content": "C"}]
    outcome = invoke(dify, provider, mock, stream=False, messages=history)
    assert outcome.error is None, outcome.message
    sent = [(m["role"], m["content"]) for m in mock.last.body["messages"]]
    if rules["drop_empty"]:
        assert sent == ([("user", "A\nC")] if rules["merge_same_role"] else [("user", "A"), ("user", "C")])
    else:
        assert [role for role, _ in sent] == ["user", "assistant", "user"]


def both_with(dify, maibot, provider: Provider, mock: MockServer, parameters: dict, model: str | None = None) -> tuple:
    """`both` for one blocking "Hi" with Dify's `parameters` (MaiBot: the same, its way)."""
    dify_call = {"messages": [{"role": "user", "content": "Hi"}], "stream": False, "parameters": parameters}
    reply = Reply(json=completion({"role": "assistant", "content": "ok"}))
    return both(dify, maibot, provider, mock, reply, dify_call, maibot_request(parameters), model)


def maibot_request(parameters: dict) -> dict:
    """MaiBot's request for Dify's `parameters`: temperature and max_tokens are the host's own
    fields (it keeps them out of extra_params), the rest go in extra_params."""
    own = {k: v for k, v in parameters.items() if k in ("temperature", "max_tokens")}
    extra = {k: v for k, v in parameters.items() if k not in own}
    return {"context_items": [user("Hi")], "extra_params": extra} | own


def test_parameters_sent_under_nested_keys(dify, maibot, provider, mock):
    """A parameter whose send_as has dots (OpenRouter's reasoning.effort) lands in that nested object,
    from both hosts, beside the others of the same object."""
    records = provider.parameters
    nested = {n for n, record in records.items() if "." in record.get("key", "") and "parse" not in record}
    for model in provider.models_of("llm"):
        mine = [rule for rule in model.parameters if rule.name in nested and "values" not in records[rule.name]]
        if mine:
            break
    else:
        pytest.skip("no model sends a parameter under a nested key")
    parameters = {rule.name: a_value(rule) for rule in mine}
    from_dify, from_maibot = both_with(dify, maibot, provider, mock, parameters, model.name)
    assert from_dify == from_maibot
    for name, value in parameters.items():
        body = from_dify["body"]
        *parents, key = provider.parameters[name]["key"].split(".")
        for part in parents:
            body = body[part]
        assert body[key] == value, name


def test_a_parameter_left_out_while_another_has_a_value(dify, maibot, provider, mock):
    model = provider.models_of("llm")[0]
    omit_when = {rule.name: provider.parameter(model, rule.name).get("omit_when", ()) for rule in model.parameters}
    rules = [(name, *rule) for name, pairs in omit_when.items() for rule in pairs if isinstance(rule[1], bool)]
    if not rules:
        pytest.skip("the model has no parameter left out by another's value")
    name, other, value, _ = rules[0]
    key = provider.parameters[name]["key"]
    for other_value, sent in ((value, False), (not value, True)):
        parameters = {name: 0.5, other: other_value}
        from_dify, from_maibot = both_with(dify, maibot, provider, mock, parameters)
        assert from_dify == from_maibot
        assert (key in from_dify["body"]) is sent, (parameters, from_dify["body"])


def test_a_json_parameter_is_sent_as_the_object_it_spells(dify, maibot, provider, mock):
    names = [n for n in provider.chat_parameters[llm(provider)] if provider.parameters[n].get("parse") == "json"]
    if not names:
        pytest.skip("the model has no JSON parameter")
    name, value = names[0], {"mode": "auto", "sources": [{"type": "web"}], "max_search_results": 5}
    key = provider.parameters[name]["key"]
    from_dify, from_maibot = both(
        dify,
        maibot,
        provider,
        mock,
        Reply(json=completion({"role": "assistant", "content": "ok"})),
        {"messages": [{"role": "user", "content": "Hi"}], "stream": False, "parameters": {name: json.dumps(value)}},
        maibot_request({name: value}),
    )
    assert from_dify == from_maibot and from_dify["body"][key] == value
    outcome = invoke(dify, provider, mock, stream=False, parameters={name: "{mode: auto"})
    assert outcome.error_type == "InvokeBadRequestError" and f"{name} is not valid JSON" in outcome.message


def test_a_parameter_adds_a_built_in_tool(dify, maibot, provider, mock):
    names = [n for n in provider.chat_parameters[llm(provider)] if "tool" in provider.parameters[n]]
    if not names:
        pytest.skip("the model has no parameter that adds a built-in tool")
    name, builtin = names[0], provider.parameters[names[0]]["tool"]
    for on in (True, False):
        from_dify, from_maibot = both(
            dify,
            maibot,
            provider,
            mock,
            Reply(json=completion({"role": "assistant", "content": "ok"})),
            {
                "messages": [{"role": "user", "content": "Weather?"}],
                "stream": False,
                "parameters": {name: on},
                "tools": [TOOL],
            },
            maibot_request({name: on})
            | {
                "context_items": [user("Weather?")],
                "tool_options": [
                    {"name": TOOL["name"], "description": TOOL["description"], "parameters": TOOL["parameters"]}
                ],
            },
        )
        assert from_dify == from_maibot
        tools = from_dify["body"]["tools"]
        assert [t["type"] for t in tools] == ["function"] + ([builtin["type"]] if on else [])
        assert (tools[-1] == builtin) is on and name not in from_dify["body"]


def test_a_completion_mode_model(dify, maibot, provider, mock):
    """One prompt to /completions, choices[].text back: blocking from both hosts, and streamed to Dify."""
    models = [m for m in provider.models_of("llm") if m.mode == "completion"]
    if not models:
        pytest.skip("the spec has no completion-mode model")
    model = models[0].name
    answer = {
        "id": "cmpl-1",
        "object": "text_completion",
        "model": model,
        "usage": {"prompt_tokens": 9, "completion_tokens": 3},
    }
    answer["choices"] = [{"index": 0, "text": " Paris.", "finish_reason": "stop", "logprobs": None}]
    history = [{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": "Capital of France?"}]
    bodies = []
    for host in ("dify", "maibot"):
        mock.expect(Reply(json=answer))
        if host == "dify":
            outcome = dify.invoke_llm(model, creds(provider, mock), history, False, provider=provider.name)
            assert outcome.error is None, outcome.message
            assert outcome.items[0]["delta"]["message"]["content"] == " Paris."
        else:
            info = {"model_identifier": model, "name": model, "force_stream_mode": False}
            items = [system("Answer briefly."), user("Capital of France?")]
            result = maibot.call(
                op="response", api_provider=api_provider(provider, mock), model_info=info, context_items=items
            )
            assert result["ok"] and result["content"] == " Paris.", result
        bodies.append(normalised(mock.last, provider))
    assert bodies[0] == bodies[1]
    assert bodies[0]["path"] == "/v1" + provider.endpoints["completions"]
    assert (
        bodies[0]["body"]["prompt"] == "Answer briefly.\n\nCapital of France?" and "messages" not in bodies[0]["body"]
    )

    head = {"id": "cmpl-2", "object": "text_completion", "model": model}
    events = [head | {"choices": [{"index": 0, "text": piece, "finish_reason": None}]} for piece in (" Pa", "ris", ".")]
    events.append(head | {"choices": [{"index": 0, "text": "", "finish_reason": "stop"}], "usage": answer["usage"]})
    mock.expect(Reply(sse=sse(*events)))
    outcome = dify.invoke_llm(model, creds(provider, mock), history, True, provider=provider.name)
    assert outcome.error is None, outcome.message
    assert "".join(i["delta"]["message"]["content"] for i in outcome.items) == " Paris."
    assert outcome.items[-1]["delta"]["usage"]["completion_tokens"] == 3
