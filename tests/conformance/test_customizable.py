"""Models a Dify user adds by id (customizable-model), through the real dify-plugin SDK: the schema
the SDK serves for them, their credential checks, and calls with the user's id, endpoint and key."""

from __future__ import annotations

from decimal import Decimal

import pytest
from ruamel.yaml import YAML

from compiler.model import Provider
from compiler.runtime.kinds import transcription
from tests.conformance.expect import a_value
from tests.conformance.hosts import dify_answer
from tests.conformance.protocols import openai_chat
from tests.conformance.specs import toggled
from tests.conformance.shapes import PICTURE
from tests.conformance.test_kinds import good, invocation
from tests.integration.dify_runner import DifyPlugin
from tests.integration.mock_server import MockServer, Reply, form
from tests.integration.payloads import completion
from tests.integration.specs import compile_to

# Checks of the spec as a whole, not repeated for each protocol its chat models speak (specs.py: VIEW).
WHOLE_SPEC = True

PROTOCOLS = ("openai_chat",)  # the answers here are OpenAI's

USER_KEY = "sk-user-added-model"
MODEL = "team/fine-tuned:v2@latest"


def customizable(provider: Provider, kind: str) -> None:
    if not provider.customizable or kind not in provider.customizable.types:
        pytest.skip(f"users cannot add {kind} models to this spec")
    if provider.customizable.base_models:
        pytest.skip("the form picks a base model, whose schema the added one takes (test_azure_openai.py)")
    spoken = provider.kind_settings.get(kind, {}).get("protocol") or provider.api.protocol
    if not set(PROTOCOLS) & set((spoken,) if isinstance(spoken, str) else spoken):
        pytest.skip(f"a user-added {kind} model speaks {spoken}, and these answers are OpenAI's")


def model_credentials(provider: Provider, mock: MockServer, **answers: str) -> dict:
    """The model form's answers: the credentials (the user's own key and endpoint, and the protocol
    choice that gives chat completions, whose answers these are) and the fields offered, each under
    the form variable the spec gives it, a toggle's "true"/"false" as its own on and off values."""
    custom = provider.customizable
    credentials = {provider.api.api_key_variable: USER_KEY, provider.api.base_url_variable: mock.url + "/user/v1"}
    for variable, table in provider.api.protocol_choices.items():
        credentials |= {variable: value for value, picked in table.items() if value and picked in PROTOCOLS}
    for name, value in answers.items():
        if name in custom.variables:
            variable = custom.renamed.get(name, name)
            credentials[variable] = toggled(custom, name, value)
    return credentials


def offered_or(provider: Provider, name: str, answered: object, default: object) -> object:
    """What the schema holds for a field: the user's answer when the form asks for it."""
    return answered if name in provider.customizable.variables else default


def call(dify, provider: Provider, action: str, kind: str, credentials: dict, **data):
    return dify.request(
        action, user_id="u1", provider=provider.name, model_type=kind, model=MODEL, credentials=credentials, **data
    )


def user_prefix(provider: Provider) -> str:
    """The path the user's endpoint (…/user/v1) keeps after the spec's base_url rewrite."""
    how, value = provider.api.base_url_rewrite or ("", "")
    if how == "keep":  # origin: scheme, host and port only
        return ""
    return "/user/v1" + (value if how == "append" and not "/user/v1".endswith(value) else "")


def assert_user_call(provider: Provider, mock: MockServer, path_key: str) -> None:
    """The call went to the user's endpoint, as the spec's rewrite normalises it, with the user's key."""
    recorded = mock.last
    assert recorded.path == user_prefix(provider) + provider.endpoints[path_key]
    auth = provider.api.auth
    if auth.scheme == "bearer":
        assert recorded.headers["authorization"] == f"Bearer {USER_KEY}"
    elif auth.scheme == "header":
        assert recorded.headers[auth.name.lower()] == auth.prefix + USER_KEY


def test_llm_schema_from_the_users_answers(dify, provider, mock):
    customizable(provider, "llm")
    answers = dict(
        display_name="My tuned model",
        context_size="32000",
        max_tokens="2048",
        function_calling="true",
        stream_function_calling="true",
        vision_support="true",
        reasoning_support="false",
        input_price="1.5",
        output_price="6",
    )
    outcome = call(dify, provider, "get_ai_model_schemas", "llm", model_credentials(provider, mock, **answers))
    assert outcome.error is None, outcome.message
    schema = outcome.items[0]["model_schema"]
    assert schema["model"] == MODEL and schema["fetch_from"] == "customizable-model"
    named = "display_name" in provider.customizable.variables
    assert schema["label"]["en_US"] == ("My tuned model" if named else MODEL)
    context = offered_or(provider, "context_size", 32000, provider.customizable.properties["llm"]["context_size"])
    assert schema["model_properties"] == {"mode": "chat", "context_size": context}
    offered = set(provider.customizable.variables)
    toggles = [
        ("function_calling", ["tool-call", "multi-tool-call"]),
        ("stream_function_calling", ["stream-tool-call"]),
        ("vision_support", ["vision"]),
    ]
    assert schema["features"] == [f for variable, found in toggles if variable in offered for f in found]
    rules = {rule["name"]: rule for rule in schema["parameter_rules"]}
    assert [r.name for r in provider.customizable.parameters] == list(rules)
    top = offered_or(provider, "max_tokens", 2048, provider.customizable.max_output_tokens)
    assert rules["max_tokens"]["max"] == top and rules["max_tokens"]["default"] <= top
    currency, unit = provider.customizable.pricing
    priced = "input_price" in offered
    assert schema["pricing"] == (
        {"input": "1.5", "output": "6", "unit": unit, "currency": currency} if priced else None
    )
    assert mock.requests == []


def test_llm_schema_defaults_when_the_user_says_nothing(dify, provider, mock):
    customizable(provider, "llm")
    outcome = call(dify, provider, "get_ai_model_schemas", "llm", model_credentials(provider, mock))
    schema = outcome.items[0]["model_schema"]
    assert schema["label"]["en_US"] == MODEL and schema["features"] == [] and schema["pricing"] is None
    assert schema["model_properties"] == provider.customizable.properties["llm"]
    rules = {rule["name"]: rule for rule in schema["parameter_rules"]}
    assert rules["max_tokens"]["max"] == provider.customizable.max_output_tokens


def test_a_user_added_model_that_draws_is_asked_for_images(dify, provider, mock):
    """The form's image_output toggle: on, the model is asked for images and they reach Dify; off,
    it is not asked."""
    customizable(provider, "llm")
    if "image_output" not in provider.customizable.variables:
        pytest.skip("the model form has no image_output field")
    drawn = {"role": "assistant", "content": "A cat:", "images": [openai_chat.image_of(PICTURE)]}
    for draws, message in (("true", drawn), ("false", {"role": "assistant", "content": "x"})):
        mock.expect(Reply(json=completion(message)))
        credentials = model_credentials(provider, mock, image_output=draws)
        prompt = [{"role": "user", "content": "Draw a cat"}]
        answer = dify_answer(dify.invoke_llm(MODEL, credentials, prompt, False, provider=provider.name))
        assert answer.error is None, answer.message
        assert mock.last.body.get("modalities") == (["text", "image"] if draws == "true" else None)
        assert answer.images == ([(PICTURE.mime, PICTURE.data)] if draws == "true" else [])


def test_a_bad_answer_is_a_clear_error(dify, provider, mock):
    customizable(provider, "llm")
    if "context_size" not in provider.customizable.variables:
        pytest.skip("this spec does not ask users for a context size")
    credentials = model_credentials(provider, mock, context_size="lots")
    outcome = call(dify, provider, "get_ai_model_schemas", "llm", credentials)
    assert outcome.error is not None and "context_size must be a positive whole number, got 'lots'" in outcome.message


def test_user_added_llm_is_called_with_its_id_endpoint_key_and_prices(dify, provider, mock):
    customizable(provider, "llm")
    credentials = model_credentials(provider, mock, input_price="2", output_price="8", max_tokens="1000")
    reply = completion({"role": "assistant", "content": "hi"}) | {
        "usage": {"prompt_tokens": 1000, "completion_tokens": 500}
    }
    mock.expect(Reply(json=reply))
    outcome = dify.invoke_llm(
        MODEL,
        credentials,
        [{"role": "user", "content": "Hello"}],
        False,
        provider=provider.name,
        parameters={"max_tokens": 900},
    )
    assert outcome.error is None, outcome.message
    body_key = provider.parameters["max_tokens"]["key"]
    assert mock.last.body["model"] == MODEL and mock.last.body[body_key] == 900
    assert_user_call(provider, mock, "chat")
    usage = outcome.items[-1]["delta"]["usage"]
    unit = Decimal(provider.customizable.pricing[1])
    priced = "input_price" in provider.customizable.variables
    assert Decimal(str(usage["total_price"])) == ((1000 * 2 + 500 * 8) * unit if priced else 0)
    if "max_tokens" not in provider.customizable.variables:
        return  # no bound of the user's to go over
    too_many = dify.invoke_llm(
        MODEL,
        credentials,
        [{"role": "user", "content": "Hi"}],
        False,
        provider=provider.name,
        parameters={"max_tokens": 1001},
    )
    assert too_many.error is not None and "max_tokens" in too_many.message


def test_user_added_llm_credentials_are_checked_by_calling_the_model(dify, provider, mock):
    customizable(provider, "llm")
    mock.expect(Reply(json=completion({"role": "assistant", "content": "p"})))
    outcome = call(dify, provider, "validate_model_credentials", "llm", model_credentials(provider, mock))
    assert outcome.error is None, outcome.message
    assert mock.last.method == "POST" and mock.last.body["model"] == MODEL
    assert_user_call(provider, mock, "chat")
    mock.expect(Reply(404, {"error": {"message": f"model {MODEL} does not exist", "code": "model_not_found"}}))
    outcome = call(dify, provider, "validate_model_credentials", "llm", model_credentials(provider, mock))
    assert outcome.error_type == "CredentialsValidateFailedError" and "does not exist" in outcome.message


def test_user_added_completion_model(dify, provider, mock):
    """A user who picks completion gets a completion-mode schema, and the model is checked and called
    over the completions endpoint with one prompt."""
    customizable(provider, "llm")
    if "mode" not in provider.customizable.variables:
        pytest.skip("this spec does not ask users for a mode")
    credentials = model_credentials(provider, mock, mode="completion")
    outcome = call(dify, provider, "get_ai_model_schemas", "llm", credentials)
    assert outcome.items[0]["model_schema"]["model_properties"]["mode"] == "completion"
    answer = {"id": "cmpl-1", "object": "text_completion", "model": MODEL}
    answer["choices"] = [{"index": 0, "text": " Paris.", "finish_reason": "stop", "logprobs": None}]
    answer["usage"] = {"prompt_tokens": 4, "completion_tokens": 2}
    mock.expect(Reply(json=answer))
    outcome = call(dify, provider, "validate_model_credentials", "llm", credentials)
    assert outcome.error is None, outcome.message
    assert_user_call(provider, mock, "completions")
    assert mock.last.body == {"model": MODEL, "prompt": "ping", "max_tokens": 1}
    mock.expect(Reply(json=answer))
    outcome = dify.invoke_llm(
        MODEL, credentials, [{"role": "user", "content": "Capital?"}], False, provider=provider.name
    )
    assert outcome.error is None, outcome.message
    assert outcome.items[0]["delta"]["message"]["content"] == " Paris."
    assert_user_call(provider, mock, "completions")
    assert mock.last.body["prompt"] == "Capital?" and "messages" not in mock.last.body
    chat = model_credentials(provider, mock, mode="chat")
    mock.expect(Reply(json=completion({"role": "assistant", "content": "hi"})))
    outcome = dify.invoke_llm(MODEL, chat, [{"role": "user", "content": "Capital?"}], False, provider=provider.name)
    assert outcome.error is None, outcome.message
    assert_user_call(provider, mock, "chat")
    bad = call(dify, provider, "get_ai_model_schemas", "llm", model_credentials(provider, mock, mode="poetry"))
    field = provider.customizable.renamed.get("mode", "mode")  # the form's own variable (localai: completion_type)
    assert bad.error is not None and f"{field} must be chat or completion, got 'poetry'" in bad.message


def test_reasoning_parameters_come_with_the_reasoning_answer(dify, provider, mock):
    customizable(provider, "llm")
    extra = provider.customizable.reasoning_parameters
    if not extra:
        pytest.skip("this spec adds no rules to reasoning models")
    names = {}
    for reasons in ("true", "false"):
        credentials = model_credentials(provider, mock, reasoning_support=reasons)
        outcome = call(dify, provider, "get_ai_model_schemas", "llm", credentials)
        names[reasons] = [rule["name"] for rule in outcome.items[0]["model_schema"]["parameter_rules"]]
    assert names["false"] == [rule.name for rule in provider.customizable.parameters]
    assert names["true"] == names["false"] + [rule.name for rule in extra]
    rule = extra[0]
    value = a_value(rule)
    mock.expect(Reply(json=completion({"role": "assistant", "content": "hm"})))
    credentials = model_credentials(provider, mock, reasoning_support="true")
    outcome = dify.invoke_llm(
        MODEL,
        credentials,
        [{"role": "user", "content": "Hi"}],
        False,
        provider=provider.name,
        parameters={rule.name: value},
    )
    assert outcome.error is None, outcome.message
    body = mock.last.body
    for part in provider.parameters[rule.name]["key"].split("."):
        body = body[part]
    assert body == value


OTHER_KINDS = ["text-embedding", "rerank", "speech2text", "tts", "moderation"]


@pytest.mark.parametrize("kind", OTHER_KINDS)
def test_user_added_model_of_every_kind(dify, provider, mock, kind):
    """Schema, credential check (good and bad) and one call, each at the user's endpoint."""
    customizable(provider, kind)
    answers = dict(display_name=f"My {kind}", context_size="1234", voices="nova, shimmer", input_price="0.1")
    credentials = model_credentials(provider, mock, **answers)
    outcome = call(dify, provider, "get_ai_model_schemas", kind, credentials)
    assert outcome.error is None, outcome.message
    schema = outcome.items[0]["model_schema"]
    label = f"My {kind}" if "display_name" in provider.customizable.variables else MODEL
    assert (schema["model"], schema["model_type"], schema["label"]["en_US"]) == (MODEL, kind, label)
    properties = schema["model_properties"]
    if "context_size" in properties:
        assert properties["context_size"] == 1234
    if kind == "tts":
        assert [v["mode"] for v in properties["voices"]] == ["nova", "shimmer"] and properties[
            "default_voice"
        ] == "nova"
    if kind == "text-embedding" and "input_price" in provider.customizable.variables:
        assert schema["pricing"]["input"] == "0.1"

    endpoint = next(k for k in provider.kinds if k.name == kind).endpoint
    mock.expect(good(provider, kind))
    outcome = call(dify, provider, "validate_model_credentials", kind, credentials)
    assert outcome.error is None, outcome.message
    assert_user_call(provider, mock, endpoint)
    mock.expect(Reply(401, {"error": {"message": "bad key"}}))
    outcome = call(dify, provider, "validate_model_credentials", kind, credentials)
    assert outcome.error_type == "CredentialsValidateFailedError"

    action, data = invocation(kind)
    mock.expect(good(provider, kind))
    outcome = call(dify, provider, action, kind, credentials, **data)
    assert outcome.error is None, outcome.message
    assert_user_call(provider, mock, endpoint)
    if kind == "speech2text":
        assert form(mock.last)["model"][2].decode() == MODEL
        assert form(mock.last)["file"][2] == transcription.silence(0.05)
    else:
        assert mock.last.body["model"] == MODEL
    if kind == "tts":
        assert mock.last.body["voice"] == "nova"  # the user's first voice: Dify asked for none


# ---- a provider with no predefined models ------------------------------------------------


@pytest.fixture(scope="module")
def only_custom(tmp_path_factory: pytest.TempPathFactory):
    spec = {
        "name": "gateway",
        "label": "Gateway",
        "description": "Any model, by id.",
        "author": "tester",
        "version": "1.0.0",
        "icons": {"small": "icons/s.svg"},
        "repository": "https://github.com/tester/plugins",
        "api": {"base_url": "https://api.gateway.example/v1"},
        "customizable": {"types": ["llm", "rerank"], "fields": ["display_name", "context_size", "tool_call"]},
    }
    folder = tmp_path_factory.mktemp("gateway")
    out, files = compile_to(folder, spec)
    plugin = DifyPlugin(out / "dify", folder / "run", read_timeout=2)
    yield plugin, files
    plugin.close()


def test_a_provider_of_user_added_models_only(only_custom, mock):
    plugin, files = only_custom
    declaration = YAML(typ="safe").load(files["dify/provider/gateway.yaml"])
    assert declaration["configurate_methods"] == ["customizable-model"]
    assert "provider_credential_schema" not in declaration
    form = [f["variable"] for f in declaration["model_credential_schema"]["credential_form_schemas"]]
    assert form == ["api_key", "base_url", "display_name", "context_size", "function_calling"]
    assert YAML(typ="safe").load(files["dify/models/llm/_position.yaml"]) == []
    credentials = {"api_key": USER_KEY, "base_url": mock.url + "/user/v1", "function_calling": "true"}
    schema = plugin.request(
        "get_ai_model_schemas", user_id="u", provider="gateway", model_type="llm", model=MODEL, credentials=credentials
    )
    assert schema.items[0]["model_schema"]["features"] == ["tool-call", "multi-tool-call"]
    mock.expect(Reply(json=completion({"role": "assistant", "content": "routed"})))
    outcome = plugin.invoke_llm(MODEL, credentials, [{"role": "user", "content": "hi"}], False, provider="gateway")
    assert outcome.error is None, outcome.message
    assert outcome.items[0]["delta"]["message"]["content"] == "routed"
    assert mock.last.path == "/user/v1/chat/completions" and mock.last.body["model"] == MODEL
