"""What only the bedrock_converse protocol has, over its specs: the model id in the path, SigV4 on
every request (with a session token too, and the region of the credentials or the endpoint), a
Bedrock API key instead, signed reasoning replayed on each tool turn, exception frames and
x-amzn-ErrorType typed, on both hosts where each can say it."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from tests.conformance.expect import WEATHER_TOOL, assert_auth, assert_failed, failing
from tests.conformance.hosts import ACCESS_KEY_ID, KEY, assistant, dify_answer, tool, user
from tests.conformance.protocols import Call, Reasoning, Text, base_path
from tests.conformance.protocols import bedrock_converse as api
from tests.integration.mock_server import Reply
from tests.integration.payloads import assert_signed

PROTOCOLS = ("bedrock_converse",)
PARIS = Call("tooluse_paris", "get_weather", {"city": "Paris"})
LYON = Call("tooluse_lyon", "get_weather", {"city": "Lyon"})


def test_the_model_id_goes_in_the_path_and_the_call_is_signed(dify, provider, mock, stream):
    mock.expect(Reply(sse=api.stream(Text("Hi"))) if stream else Reply(json=api.answer(Text("Hi"))))
    answer = dify.chat(stream=stream, parameters={"temperature": 0.2, "max_tokens": 300})
    assert answer.error is None and answer.text == "Hi", answer.message
    model = provider.models_of("llm")[0].name
    assert mock.last.path == base_path(provider) + api.chat_path(provider, model, stream)[0]
    assert "%3A" in mock.last.path and mock.last.body["inferenceConfig"] == {"temperature": 0.2, "maxTokens": 300}
    assert_auth(provider, mock.last)
    assert mock.last.headers["authorization"].startswith(f"AWS4-HMAC-SHA256 Credential={ACCESS_KEY_ID}/")


def test_a_session_token_is_sent_and_signed(dify, provider, mock):
    mock.expect(Reply(json=api.answer(Text("ok"))))
    credentials = dify.credentials() | {"aws_session_token": "FwoGZXIvYXdzEXAMPLE//session=="}
    action, data = dify.invoke_request(dify.call_of()[0], credentials=credentials)
    assert dify.request(action, **data).error is None
    assert mock.last.headers["x-amz-security-token"] == "FwoGZXIvYXdzEXAMPLE//session=="
    assert "x-amz-security-token" in mock.last.headers["authorization"].split("SignedHeaders=")[1]
    assert_signed(mock.last, KEY, "bedrock")


def test_the_region_is_the_credentials_when_the_endpoint_names_none(dify, provider, mock):
    mock.expect(Reply(json=api.answer(Text("ok"))))
    action, data = dify.invoke_request(
        dify.call_of()[0], credentials=dify.credentials() | {"aws_region": "eu-central-1"}
    )
    assert dify.request(action, **data).error is None
    assert "/eu-central-1/bedrock/aws4_request" in mock.last.headers["authorization"]


def test_a_bedrock_api_key_goes_as_a_bearer_token(dify, provider, mock):
    mock.expect(Reply(json=api.answer(Text("ok"))))
    credentials = {
        "auth_method": "API_Key",
        "bedrock_api_key": "ABSKQmVkcm9ja0FQSUtleQ==",
        "bedrock_endpoint_url": dify.base_url,
    }
    action, data = dify.invoke_request(dify.call_of()[0], credentials=credentials)
    assert dify.request(action, **data).error is None
    assert mock.last.headers["authorization"] == "Bearer ABSKQmVkcm9ja0FQSUtleQ=="
    assert "x-amz-date" not in mock.last.headers


def test_missing_keys_are_a_credentials_error_before_any_request(dify, provider, mock):
    credentials = {
        "auth_method": "Access_Secret_Key",
        "aws_access_key_id": ACCESS_KEY_ID,
        "bedrock_endpoint_url": dify.base_url,
    }
    outcome = dify.request(
        "validate_provider_credentials", user_id="u1", provider=provider.name, credentials=credentials
    )
    answer = dify_answer(outcome)
    assert answer.error == "credentials" and "secret access key" in answer.message
    assert not mock.requests


def test_signed_reasoning_is_replayed_on_each_tool_turn(dify, provider, mock, stream):
    """Two tool turns: each answer's signed reasoning goes back unchanged, before its toolUse."""
    turns = [user("Weather in Paris, then Lyon?")]
    for n, call in enumerate((PARIS, LYON)):
        pieces = (Reasoning(f"Step {n}: "), Reasoning("ask the tool."), Text("Checking."), call)
        mock.expect(Reply(sse=api.stream(*pieces)) if stream else Reply(json=api.answer(*pieces)))
        answer = dify.chat(*turns, tools=[WEATHER_TOOL], stream=stream)
        assert answer.error is None and answer.calls == [(call.id, call.name, call.args)], answer.message
        turns += [assistant_turn(answer), tool_turn(call)]
    mock.expect(Reply(json=api.answer(Text("Sunny, then rain."))))
    assert dify.chat(*turns, tools=[WEATHER_TOOL]).error is None
    sent = mock.last.body["messages"]
    for n, index in enumerate((1, 3)):
        reasoning = sent[index]["content"][0]["reasoningContent"]["reasoningText"]
        assert reasoning == {"text": f"Step {n}: ask the tool.", "signature": "sig-mock-0"}
        assert [next(iter(block)) for block in sent[index]["content"]] == ["reasoningContent", "text", "toolUse"]
    assert sent[2]["content"] == [{"toolResult": {"toolUseId": PARIS.id, "content": [{"text": "sunny"}]}}]


def assistant_turn(answer):
    call_id, name, args = answer.calls[0]
    return assistant(answer.text, Call(call_id, name, args), reasoning=answer.reasoning)


def tool_turn(call: Call):
    return tool(call.id, call.name, "sunny")


@pytest.mark.parametrize(
    ("exception", "kind"),
    [
        ("throttlingException", "rate_limit"),
        ("validationException", "bad_request"),
        ("modelStreamErrorException", "server_unavailable"),
        ("serviceUnavailableException", "server_unavailable"),
        ("internalServerException", "server_unavailable"),
    ],
)
def test_an_exception_frame_mid_stream_is_typed(host, mock, exception, kind):
    mock.expect(Reply(sse=api.stream(Text("par"), end=False) + [api.exception(exception, f"{exception} said so")]))
    answer = host.chat(stream=True)
    assert_failed(answer, kind, f"{exception} said so")


@pytest.mark.parametrize(
    ("status", "kind_name", "kind"),
    [
        (403, "UnrecognizedClientException", "authorization"),
        (403, "InvalidSignatureException", "authorization"),
        (400, "ThrottlingException", "rate_limit"),  # the header's type wins over the status
        (404, "ResourceNotFoundException", "bad_request"),
        (408, "ModelTimeoutException", "server_unavailable"),
        (424, "ModelErrorException", "server_unavailable"),
    ],
)
def test_the_error_type_header_decides(host, mock, status, kind_name, kind):
    mock.expect(failing(api, status, f"{kind_name} happened", kind_name))
    answer = host.chat()
    assert_failed(answer, kind, f"{kind_name} happened", status=status)


def test_a_stream_without_its_metadata_still_ends(host, mock):
    frames = api.stream(Text("ok"))
    assert json.loads(frames[-1][frames[-1].index(b"{") : -4])["usage"]
    mock.expect(Reply(sse=frames[:-1]))  # messageStop, and no metadata
    answer = host.chat(stream=True)
    assert answer.error is None and answer.text == "ok", answer.message


# ---- a family's picks, InvokeModel embeddings, Rerank (specs with such models: bedrock) ------


def family(provider, *controls: str):
    """The first chat model with selects that steer these protocol settings (a Bedrock family)."""
    for model in provider.models_of("llm"):
        steered = {rule.send_as: rule for rule in model.parameters if rule.encoding == "control"}
        if set(controls) <= set(steered):
            return model, steered
    pytest.skip(f"no chat model has selects for {', '.join(controls)}")


def test_a_familys_selects_pick_the_id_and_its_profile_on_both_hosts(dify, maibot, provider, mock):
    model, steered = family(provider, "model", "profile")
    picked = dict(steered["model"].values)
    name = next(option for option, wire in picked.items() if provider.api.profiles.get(wire) is None)
    rules = {"disabled": "", "geographic": "eu."}
    for host in (dify, maibot):
        for rule, prefix in rules.items():
            parameters = {steered["model"].name: name, steered["profile"].name: rule}
            mock.expect(Reply(json=api.answer(Text("ok"))))
            if host is dify:
                credentials = dify.credentials() | {"aws_region": "eu-west-3"}
                action, data = dify.invoke_request(
                    dify.call_of(model=model.name, parameters=parameters)[0], credentials
                )
                answer = dify_answer(dify.request(action, **data))
            else:  # MaiBot's region is its endpoint's: the suite's has none, so the default, us-east-1
                prefix = prefix.replace("eu.", "us.")
                answer = maibot.chat(model=model.name, parameters=parameters)
            assert answer.error is None, (host.name, rule, answer.message)
            assert api.read(mock.last).model == prefix + picked[name], (host.name, rule)
            assert steered["model"].name not in json.dumps(mock.last.body)


def embedding_model(provider, family_name: str):
    found = [m for m in provider.models_of("text-embedding") if m.settings.get("invoke_body") == family_name]
    if not found:
        pytest.skip(f"no {family_name} embedding model")
    return found[0]


def test_titan_embeds_one_text_a_call_with_the_tokens_it_reports(dify, provider, mock):
    model = embedding_model(provider, "titan")
    mock.expect(Reply(json=api.titan([0.5, -1.0], 4)), Reply(json=api.titan([0.25, 2.0], 3)))
    outcome = dify.request(
        "invoke_text_embedding",
        user_id="u1",
        provider=provider.name,
        model_type="text-embedding",
        model=model.name,
        credentials=dify.credentials(),
        texts=["first text", "second"],
        input_type="query",
    )
    assert outcome.error is None, outcome.message
    result = outcome.items[0]
    assert result["embeddings"] == [[0.5, -1.0], [0.25, 2.0]] and result["usage"]["tokens"] == 7
    assert [r.body for r in mock.requests] == [{"inputText": "first text"}, {"inputText": "second"}]
    assert mock.last.path == base_path(provider) + f"/model/{quote(model.name, safe='')}/invoke"
    assert_signed(mock.last, KEY, "bedrock")


def test_nova_embeds_on_maibot_with_its_purpose(maibot, provider, mock):
    model = embedding_model(provider, "nova")
    mock.expect(Reply(json=api.nova([0.1, 0.2, 0.3], 2)))
    result = maibot.call(
        op="embedding",
        api_provider=maibot.api_provider(),
        input="hello",
        model_info={"model_identifier": model.name, "name": model.name, "model_type": "embedding"},
    )
    assert result["ok"] and result["embedding"] == [0.1, 0.2, 0.3], result
    params = mock.last.body["singleEmbeddingParams"]
    assert params["embeddingPurpose"] == "GENERIC_INDEX" and params["text"] == {
        "truncationMode": "END",
        "value": "hello",
    }
    assert_signed(mock.last, KEY, "bedrock")


def test_rerank_names_the_models_arn_in_the_region_and_keeps_difys_threshold_and_top_n(dify, provider, mock):
    models = provider.models_of("rerank")
    if not models:
        pytest.skip("no rerank models")
    docs = ["Paris is in France.", "Bananas are yellow.", "Lyon is in France."]
    mock.expect(Reply(json=api.ranked((2, 0.61), (0, 0.93), (1, 0.05))))
    outcome = dify.request(
        "invoke_rerank",
        user_id="u1",
        provider=provider.name,
        model_type="rerank",
        model=models[0].name,
        credentials=dify.credentials() | {"aws_region": "eu-central-1"},
        query="French cities",
        docs=docs,
        score_threshold=0.1,
        top_n=2,
    )
    assert outcome.error is None, outcome.message
    assert outcome.items[0]["docs"] == [
        {"index": 0, "text": docs[0], "score": 0.93},
        {"index": 2, "text": docs[2], "score": 0.61},
    ]
    assert mock.last.path == base_path(provider) + "/rerank"  # the override takes the call, as a gateway would
    configuration = mock.last.body["rerankingConfiguration"]["bedrockRerankingConfiguration"]
    arn = f"arn:aws:bedrock:eu-central-1::foundation-model/{models[0].name}"
    assert configuration == {"numberOfResults": 2, "modelConfiguration": {"modelArn": arn}}
    assert [s["inlineDocumentSource"]["textDocument"]["text"] for s in mock.last.body["sources"]] == docs
    assert "/eu-central-1/bedrock/aws4_request" in mock.last.headers["authorization"]
    assert_signed(mock.last, KEY, "bedrock")
