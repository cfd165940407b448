"""What only the gemini protocol has, over its specs: thoughts counted as output, a function call's
thought signature kept for its turn, blocked prompts, a stream without a finish reason, inline data;
the key as the `key` query parameter with batched embeddings (a spec of its own); and specs/gemini.yaml's
own parameters (thinking level, mode and budget, media resolution, service tiers, structured output,
built-in tools beside function declarations), from both hosts."""

from __future__ import annotations

import json

import pytest

from tests.conformance.expect import IMAGE, WEATHER_TOOL, assert_auth
from tests.conformance.hosts import KEY, system, user
from tests.conformance.protocols import gemini as api
from tests.conformance.specs import only
from tests.integration.mock_server import Reply
from tests.integration.specs import hosts_of, spec_of

PROTOCOLS = ("gemini",)


def test_thoughts_count_as_output_of_a_stream(dify, provider, mock):
    chunks = [
        api.chunk({"text": "Think", "thought": True}),
        api.chunk({"text": "Hi "}),
        api.response(
            {"text": "there."}, usage={"promptTokenCount": 7, "candidatesTokenCount": 3, "thoughtsTokenCount": 2}
        ),
    ]
    mock.expect(api.streamed(*chunks))
    answer = dify.chat(user("Hi"), stream=True)
    assert answer.error is None, answer.message
    assert answer.content == "<think>\nThink\n</think>\n\nHi there."
    assert mock.last.path.endswith(":streamGenerateContent") and mock.last.query == {"alt": "sse"}
    assert (answer.usage["prompt_tokens"], answer.usage["completion_tokens"]) == (7, 5)


def test_a_function_call_keeps_its_thought_signature(dify, maibot, provider, mock):
    call = {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "c2ln"}
    mock.expect(Reply(json=api.response(call)))
    answer = dify.chat(user("Weather?"), tools=[WEATHER_TOOL])
    assert answer.error is None, answer.message
    (made,) = answer.raw.items[0]["delta"]["message"]["tool_calls"]
    assert (made["function"]["name"], json.loads(made["function"]["arguments"])) == ("get_weather", {"city": "Paris"})
    history = [
        {"role": "user", "content": "Weather?"},
        {"role": "assistant", "content": "", "tool_calls": [made]},
        {"role": "tool", "tool_call_id": made["id"], "content": "sunny"},
    ]
    mock.expect(Reply(json=api.response({"text": "Sunny."})))
    outcome = dify.invoke_llm(
        dify.provider.models_of("llm")[0].name,
        dify.credentials(),
        history,
        False,
        provider=dify.provider.name,
        tools=[WEATHER_TOOL],
    )
    assert outcome.error is None, outcome.message
    contents = mock.last.body["contents"]
    assert contents[1] == {"role": "model", "parts": [call]}
    assert contents[2]["parts"][0]["functionResponse"] == {"name": "get_weather", "response": {"result": "sunny"}}
    mock.expect(Reply(json=api.response({"text": "Sunny."})))
    answer = maibot.chat(user("Weather?"))
    assert answer.error is None and answer.text == "Sunny.", answer.shown
    assert_auth(provider, mock.last)  # x-goog-api-key, or Vertex's token
    assert mock.last.body["contents"][0]["parts"] == [{"text": "Weather?"}]


@pytest.mark.parametrize(
    "status,code,expected",
    [
        (400, "INVALID_ARGUMENT", "bad_request"),
        (403, "PERMISSION_DENIED", "authorization"),
        (429, "RESOURCE_EXHAUSTED", "rate_limit"),
        (503, "UNAVAILABLE", "server_unavailable"),
    ],
)
def test_errors_and_blocked_prompts_are_typed(dify, mock, status, code, expected):
    mock.expect(api.error(status, code, "No."))
    assert dify.chat().error == expected
    mock.expect(Reply(json=api.blocked("SAFETY")))
    answer = dify.chat()
    assert answer.error == "bad_request" and "blocked the prompt (SAFETY)" in answer.message


def test_a_stream_without_a_finish_reason_was_cut(dify, mock):
    mock.expect(api.streamed(api.chunk({"text": "Hel"}), api.chunk({"text": "lo"})))
    assert dify.chat(stream=True).error == "connection"


def test_images_go_inline(dify, mock):
    mock.expect(Reply(json=api.response({"text": "A pixel."})))
    answer = dify.chat(user("What is this?", IMAGE | {"detail": "high"}))
    assert answer.error is None, answer.message
    assert mock.last.body["contents"][0]["parts"] == [
        {"text": "What is this?"},
        {"inlineData": {"mimeType": "image/png", "data": IMAGE["data"]}},
    ]


def test_maibot_streams_thoughts_with_cached_usage(maibot, mock):
    usage = {"promptTokenCount": 40, "candidatesTokenCount": 3, "thoughtsTokenCount": 4, "cachedContentTokenCount": 32}
    mock.expect(api.streamed(api.chunk({"text": "Hmm", "thought": True}), api.response({"text": "Done."}, usage=usage)))
    answer = maibot.chat(user("Go"), stream=True)
    assert (answer.text, answer.reasoning) == ("Done.", "Hmm"), answer.shown
    assert (answer.usage["prompt_tokens"], answer.usage["completion_tokens"]) == (40, 7)
    assert answer.usage["cache_reported"] is True
    assert mock.last.path.endswith(":streamGenerateContent") and mock.last.query == {"alt": "sse"}


# ---- embeddings (batchEmbedContents), with the key as the `key` query parameter --------------------

MODEL = "gemini-test"
EMBEDDER = "gemini-embedding-test"
QUERY_SPEC = spec_of(
    "geminiquery",
    api={
        "base_url": "https://generativelanguage.example",
        "protocol": "gemini",
        "auth": {"scheme": "query", "name": "key"},
    },
    models=[
        {"name": MODEL, "context_size": 1048576, "parameters": ["temperature"]},
        {
            "name": EMBEDDER,
            "type": "text-embedding",
            "context_size": 2048,
            "max_chunks": 2,
            "dimensions": 3,
            "input_type": {"send_as": "taskType", "query": "RETRIEVAL_QUERY", "document": "RETRIEVAL_DOCUMENT"},
        },
    ],
)
ON_ITS_OWN = pytest.mark.xdist_group("geminiquery")


@pytest.fixture(scope="module")
def query_plugins(tmp_path_factory: pytest.TempPathFactory):
    yield from hosts_of(tmp_path_factory.mktemp("geminiquery"), QUERY_SPEC)


def embed(dify, mock, texts, input_type="document"):
    return dify.request(
        "invoke_text_embedding",
        user_id="u1",
        provider="geminiquery",
        model_type="text-embedding",
        model=EMBEDDER,
        credentials={"api_key": KEY, "base_url": mock.url},
        texts=texts,
        input_type=input_type,
    )


@ON_ITS_OWN
def test_embeddings_in_batches_with_the_key_in_the_query(query_plugins, mock):
    dify, _ = query_plugins
    mock.expect(Reply(json=api.embeddings([[0.5, -1.0, 2.0], [0.25, 0.0, 1.0]])))
    mock.expect(Reply(json=api.embeddings([[1.5, 1.0, -2.0]])))
    outcome = embed(dify, mock, ["a", "b", "c"], input_type="query")
    assert outcome.error is None, outcome.message
    result = outcome.items[0]
    assert result["embeddings"] == [[0.5, -1.0, 2.0], [0.25, 0.0, 1.0], [1.5, 1.0, -2.0]]
    assert result["usage"]["tokens"] > 0  # no usage in the answer: counted offline
    first, second = mock.requests[-2:]
    assert first.path == f"/v1beta/models/{EMBEDDER}:batchEmbedContents" and first.query == {"key": KEY}
    assert "x-goog-api-key" not in first.headers
    each = {"model": f"models/{EMBEDDER}", "outputDimensionality": 3, "taskType": "RETRIEVAL_QUERY"}
    assert first.body == {"requests": [each | {"content": {"parts": [{"text": t}]}} for t in ("a", "b")]}
    assert [r["content"]["parts"][0]["text"] for r in second.body["requests"]] == ["c"]


@ON_ITS_OWN
def test_embedding_errors_are_typed_and_never_show_the_key(query_plugins, mock):
    dify, _ = query_plugins
    mock.expect(api.error(400, "INVALID_ARGUMENT", f"API key not valid: {KEY}. Please pass a valid API key."))
    outcome = embed(dify, mock, ["a"])
    assert outcome.error_type == "InvokeBadRequestError" and KEY not in outcome.message
    mock.expect(Reply(json=api.embeddings([[1.0], [2.0]])))  # two vectors for one text
    outcome = embed(dify, mock, ["a"])
    assert outcome.error_type == "InvokeServerUnavailableError" and "expected 1 embeddings" in outcome.message


@ON_ITS_OWN
def test_maibot_embeds_and_checks_chat_with_the_query_key(query_plugins, mock):
    dify, maibot = query_plugins
    mock.expect(Reply(json=api.embeddings([[0.5, 1.0, 1.5]])))
    result = maibot.call(
        op="embedding",
        api_provider={"client_type": "geminiquery", "base_url": mock.url, "api_key": KEY},
        model_info={"model_identifier": EMBEDDER, "name": EMBEDDER, "model_type": "embedding"},
        input="hello",
    )
    assert result["embedding"] == [0.5, 1.0, 1.5], result
    assert mock.last.query == {"key": KEY}
    assert mock.last.body["requests"][0]["content"] == {"parts": [{"text": "hello"}]}
    mock.expect(Reply(json={"models": []}))
    outcome = dify.request(
        "validate_provider_credentials",
        user_id="u1",
        provider="geminiquery",
        credentials={"api_key": KEY, "base_url": mock.url},
    )
    assert outcome.error is None, outcome.message
    assert (mock.last.method, mock.last.path, mock.last.query) == ("GET", "/v1beta/models", {"key": KEY})


# ---- specs/gemini.yaml: the official plugin's models and parameters ------------------------------


def sent_for(host, mock, model: str, parameters: dict, **extra):
    """The request one blocking call with `parameters` makes (system "Rules.", user "Go.")."""
    mock.expect(Reply(json=api.response({"text": "Done."}, model=model)))
    answer = host.chat(system("Rules."), user("Go."), model=model, parameters=parameters, **extra)
    assert answer.error is None, answer.shown
    return mock.last


@only("gemini")
def test_the_gemini_spec_sends_its_defaults(dify, mock):
    sent = sent_for(dify, mock, "gemini-3.7-flash", {})
    assert sent.path == "/v1beta/models/gemini-3.7-flash:generateContent"
    assert sent.body["systemInstruction"] == {"parts": [{"text": "Rules."}]}
    # The SDK fills required rules with their defaults; Default resolution is not sent.
    assert sent.body["serviceTier"] == "standard"
    thinking = {"includeThoughts": False, "thinkingLevel": "MEDIUM"}
    assert sent.body["generationConfig"] == {"thinkingConfig": thinking, "maxOutputTokens": 65536}


@only("gemini")
def test_gemini_3_thinking_level_media_resolution_tier_and_structured_output(dify, mock):
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}, "additionalProperties": False}
    parameters = {
        "include_thoughts": True,
        "thinking_level": "Low",
        "media_resolution": "High",
        "service_tier": "priority",
        "max_tokens": 2048,
        "json_schema": json.dumps(schema),
    }
    sent = sent_for(dify, mock, "gemini-3.7-flash", parameters)
    assert sent.body["serviceTier"] == "priority"
    assert sent.body["generationConfig"] == {
        "thinkingConfig": {"includeThoughts": True, "thinkingLevel": "LOW"},
        "mediaResolution": "MEDIA_RESOLUTION_HIGH",
        "maxOutputTokens": 2048,
        "responseMimeType": "application/json",
        "responseSchema": {"type": "object", "properties": {"answer": {"type": "string"}}},
    }
    assert not {"include_thoughts", "thinking_level", "media_resolution", "service_tier", "json_schema"} & set(
        sent.body
    )
    # Default resolution is the model's choice: nothing sent; a model offering only Low and High.
    sent = sent_for(dify, mock, "gemini-3.1-pro-preview", {"media_resolution": "Default", "thinking_level": "High"})
    thinking = {"includeThoughts": False, "thinkingLevel": "HIGH"}
    assert sent.body["generationConfig"] == {"thinkingConfig": thinking, "temperature": 1, "maxOutputTokens": 65536}


@only("gemini")
def test_gemini_2_5_thinking_mode_budget_and_flex(dify, mock):
    sent = sent_for(dify, mock, "gemini-2.5-flash", {"thinking_mode": False, "thinking_budget": 4096})
    assert sent.body["generationConfig"] == {"thinkingConfig": {"thinkingBudget": 0}}
    sent = sent_for(dify, mock, "gemini-2.5-flash", {"thinking_mode": True, "include_thoughts": True})
    assert sent.body["generationConfig"] == {"thinkingConfig": {"thinkingBudget": -1, "includeThoughts": True}}
    parameters = {"thinking_mode": True, "thinking_budget": 4096, "flex_inference": True, "temperature": 0.2}
    sent = sent_for(dify, mock, "gemini-2.5-flash", parameters)
    assert sent.body["generationConfig"] == {"thinkingConfig": {"thinkingBudget": 4096}, "temperature": 0.2}
    assert sent.body["serviceTier"] == "flex"
    sent = sent_for(dify, mock, "gemini-2.5-flash", {"flex_inference": False})
    assert "serviceTier" not in sent.body
    sent = sent_for(dify, mock, "gemini-2.5-pro", {"thinking_budget": 128})
    assert sent.body["generationConfig"] == {"thinkingConfig": {"thinkingBudget": 128}}


@only("gemini")
def test_built_in_tools_go_beside_function_declarations(dify, mock):
    sent = sent_for(dify, mock, "gemini-2.5-flash", {"grounding": True, "code_execution": True, "url_context": False})
    assert sent.body["tools"] == [{"googleSearch": {}}, {"codeExecution": {}}]
    sent = sent_for(dify, mock, "gemini-3.7-flash", {"url_context": True}, tools=[WEATHER_TOOL])
    declarations, url_context = sent.body["tools"]
    assert [d["name"] for d in declarations["functionDeclarations"]] == [WEATHER_TOOL["name"]]
    assert url_context == {"urlContext": {}} and "url_context" not in sent.body
    sent = sent_for(dify, mock, "gemini-2.5-flash", {"grounding": False})
    assert "tools" not in sent.body


@only("gemini")
def test_the_gemini_spec_streams_thoughts_and_types_errors(dify, mock):
    mock.expect(api.streamed(api.chunk({"text": "Hmm.", "thought": True}), api.response({"text": "Yes."})))
    answer = dify.chat(user("Sure?"), model="gemini-2.5-pro", stream=True)
    assert answer.error is None and answer.content == "<think>\nHmm.\n</think>\n\nYes.", answer.message
    assert mock.last.path == "/v1beta/models/gemini-2.5-pro:streamGenerateContent"
    mock.expect(api.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for gemini-2.5-pro."))
    answer = dify.chat(model="gemini-2.5-pro", stream=True)
    assert answer.error == "rate_limit" and "Quota exceeded" in answer.message


@only("gemini")
def test_the_gemini_spec_embeds_with_task_types(dify, mock):
    mock.expect(Reply(json=api.embeddings([[0.5, 1.0], [1.5, 2.0]])))
    outcome = dify.request(
        "invoke_text_embedding",
        user_id="u1",
        provider="gemini",
        model_type="text-embedding",
        model="gemini-embedding-001",
        credentials=dify.credentials(),
        texts=["a", "b"],
        input_type="query",
    )
    assert outcome.error is None, outcome.message
    assert outcome.items[0]["embeddings"] == [[0.5, 1.0], [1.5, 2.0]]
    assert mock.last.path == "/v1beta/models/gemini-embedding-001:batchEmbedContents"
    assert [r["taskType"] for r in mock.last.body["requests"]] == ["RETRIEVAL_QUERY"] * 2


@only("gemini")
def test_maibot_sends_what_dify_sends_for_the_gemini_specs_parameters(dify, maibot, mock):
    parameters = {"thinking_mode": True, "thinking_budget": 2048, "grounding": True, "flex_inference": True}
    from_dify = sent_for(dify, mock, "gemini-2.5-flash", parameters)
    from_maibot = sent_for(maibot, mock, "gemini-2.5-flash", parameters)
    assert from_maibot.headers["x-goog-api-key"] == KEY
    assert (from_maibot.path, from_maibot.body) == (from_dify.path, from_dify.body)
    assert from_dify.body["tools"] == [{"googleSearch": {}}] and from_dify.body["serviceTier"] == "flex"
