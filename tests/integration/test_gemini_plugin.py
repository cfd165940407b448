"""A generated plugin of the gemini protocol, through the real Dify SDK over stdio and MaiBot's real
host, against answers in the shapes of the Gemini API reference (ai.google.dev/api/generate-content).
gemini_api.py builds those answers, and test_gemini_mock.py has the official google-genai SDK read them."""

from __future__ import annotations

import json

import pytest

from tests.integration import gemini_api as api
from tests.integration.mock_server import Reply
from tests.integration.payloads import PNG, WEATHER_TOOL
from tests.integration.specs import committed_hosts, hosts_of, maibot_sent_for, sent_for, spec_of
from tests.integration.test_maibot_plugin import system, user

KEY = "AIza-test-key"
MODEL = "gemini-test"
SPEC = spec_of(
    "geminilike",
    api={"base_url": "https://generativelanguage.example", "protocol": "gemini"},
    models=[
        {
            "name": MODEL,
            "context_size": 1048576,
            "features": ["tool-call", "multi-tool-call", "stream-tool-call", "agent-thought", "vision"],
            "parameters": [
                "temperature",
                "max_tokens",
                {
                    "name": "thinking_budget",
                    "type": "int",
                    "min": 0,
                    "max": 24576,
                    "send_as": "generationConfig.thinkingConfig.thinkingBudget",
                },
            ],
        }
    ],
)


@pytest.fixture(scope="module")
def plugins(tmp_path_factory: pytest.TempPathFactory):
    yield from hosts_of(tmp_path_factory.mktemp("geminilike"), SPEC)


def invoke(dify, mock, messages, stream, **extra):
    credentials = {"api_key": KEY, "base_url": mock.url}
    return dify.invoke_llm(MODEL, credentials, messages, stream, provider="geminilike", **extra)


def text(outcome) -> str:
    return "".join(item["delta"]["message"]["content"] or "" for item in outcome.items)


def test_blocking_and_streamed_text_with_thoughts(plugins, mock):
    dify, _ = plugins
    mock.expect(Reply(json=api.answer({"text": "Bonjour."})))
    history = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}]
    outcome = invoke(dify, mock, history, False, parameters={"temperature": 0.3, "thinking_budget": 512})
    assert outcome.error is None, outcome.message
    assert text(outcome) == "Bonjour."
    sent = mock.last
    assert sent.path == f"/v1beta/models/{MODEL}:generateContent" and sent.headers["x-goog-api-key"] == KEY
    assert sent.body["systemInstruction"] == {"parts": [{"text": "Be brief."}]}
    assert sent.body["generationConfig"] == {"temperature": 0.3, "thinkingConfig": {"thinkingBudget": 512}}
    chunks = [
        api.chunk({"text": "Think", "thought": True}),
        api.chunk({"text": "Hi "}),
        api.answer(
            {"text": "there."}, usage={"promptTokenCount": 7, "candidatesTokenCount": 3, "thoughtsTokenCount": 2}
        ),
    ]
    mock.expect(api.streamed(*chunks))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], True)
    assert outcome.error is None, outcome.message
    assert text(outcome) == "<think>\nThink\n</think>\n\nHi there."
    assert mock.last.path == f"/v1beta/models/{MODEL}:streamGenerateContent" and mock.last.query == {"alt": "sse"}
    usage = outcome.items[-1]["delta"]["usage"]
    assert (usage["prompt_tokens"], usage["completion_tokens"]) == (7, 5)


def test_a_function_call_and_its_response(plugins, mock):
    dify, maibot = plugins
    call = {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "c2ln"}
    mock.expect(Reply(json=api.answer(call)))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Weather?"}], False, tools=[WEATHER_TOOL])
    assert outcome.error is None, outcome.message
    (made,) = outcome.items[0]["delta"]["message"]["tool_calls"]
    assert (made["function"]["name"], json.loads(made["function"]["arguments"])) == ("get_weather", {"city": "Paris"})
    history = [
        {"role": "user", "content": "Weather?"},
        {"role": "assistant", "content": "", "tool_calls": [made]},
        {"role": "tool", "tool_call_id": made["id"], "content": "sunny"},
    ]
    mock.expect(Reply(json=api.answer({"text": "Sunny."})))
    outcome = invoke(dify, mock, history, False, tools=[WEATHER_TOOL])
    assert outcome.error is None, outcome.message
    contents = mock.last.body["contents"]
    assert contents[1] == {"role": "model", "parts": [call]}
    assert contents[2]["parts"][0]["functionResponse"] == {"name": "get_weather", "response": {"result": "sunny"}}
    mock.expect(Reply(json=api.answer({"text": "Sunny."})))
    result = maibot.call(
        op="response",
        api_provider={"client_type": "geminilike", "base_url": mock.url, "api_key": KEY},
        model_info={"model_identifier": MODEL, "name": MODEL, "force_stream_mode": False},
        context_items=[user("Weather?")],
    )
    assert result["ok"] and result["content"] == "Sunny.", result
    assert mock.last.headers["x-goog-api-key"] == KEY and mock.last.body["contents"][0]["parts"] == [
        {"text": "Weather?"}
    ]


@pytest.mark.parametrize(
    "status,code,expected",
    [
        (400, "INVALID_ARGUMENT", "InvokeBadRequestError"),
        (403, "PERMISSION_DENIED", "InvokeAuthorizationError"),
        (429, "RESOURCE_EXHAUSTED", "InvokeRateLimitError"),
        (503, "UNAVAILABLE", "InvokeServerUnavailableError"),
    ],
)
def test_errors_and_blocked_prompts_are_typed(plugins, mock, status, code, expected):
    dify, _ = plugins
    mock.expect(api.error(status, code, "No."))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], False)
    assert outcome.error_type == expected, outcome.error
    mock.expect(Reply(json=api.blocked("SAFETY")))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], False)
    assert outcome.error_type == "InvokeBadRequestError" and "blocked the prompt (SAFETY)" in outcome.message


def test_streamed_errors_and_a_cut_stream(plugins, mock):
    dify, _ = plugins
    mock.expect(api.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded."))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], True)
    assert outcome.error_type == "InvokeRateLimitError" and "Quota exceeded." in outcome.message
    error = {"error": {"code": 503, "message": "The model is overloaded.", "status": "UNAVAILABLE"}}
    mock.expect(api.streamed(api.chunk({"text": "Hel"}), error))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], True)
    assert outcome.error_type == "InvokeServerUnavailableError" and "overloaded" in outcome.message
    mock.expect(api.streamed(api.chunk({"text": "Hel"}), api.chunk({"text": "lo"})))  # no finishReason
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], True)
    assert outcome.error_type == "InvokeConnectionError"


def test_images_go_inline_and_maibot_streams_with_cached_usage(plugins, mock):
    dify, maibot = plugins
    message = {
        "role": "user",
        "content": [
            {"type": "text", "data": "What is this?"},
            {"type": "image", "format": "png", "mime_type": "image/png", "base64_data": PNG, "detail": "high"},
        ],
    }
    mock.expect(Reply(json=api.answer({"text": "A pixel."})))
    outcome = invoke(dify, mock, [message], False)
    assert outcome.error is None, outcome.message
    assert mock.last.body["contents"][0]["parts"] == [
        {"text": "What is this?"},
        {"inlineData": {"mimeType": "image/png", "data": PNG}},
    ]
    usage = {"promptTokenCount": 40, "candidatesTokenCount": 3, "thoughtsTokenCount": 4, "cachedContentTokenCount": 32}
    mock.expect(api.streamed(api.chunk({"text": "Hmm", "thought": True}), api.answer({"text": "Done."}, usage=usage)))
    result = maibot.call(
        op="response",
        api_provider={"client_type": "geminilike", "base_url": mock.url, "api_key": KEY},
        model_info={"model_identifier": MODEL, "name": MODEL, "force_stream_mode": True},
        context_items=[user("Go")],
    )
    assert result["ok"] and result["content"] == "Done." and result["reasoning"] == "Hmm", result
    assert (result["usage"]["prompt_tokens"], result["usage"]["completion_tokens"]) == (40, 7)
    assert result["usage"]["cache_reported"] is True
    assert mock.last.path.endswith(":streamGenerateContent") and mock.last.query == {"alt": "sse"}


def test_the_timeout_and_the_same_request_from_both_hosts(plugins, mock):
    dify, maibot = plugins
    mock.expect(Reply(json=api.answer({"text": "late"}), delay=3))
    outcome = invoke(dify, mock, [{"role": "user", "content": "Hi"}], False)
    assert outcome.error_type == "InvokeConnectionError" and "timed out after 2 s" in outcome.message
    mock.expect(Reply(json=api.answer({"text": "Paris."})))
    history = [{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": "Capital of France?"}]
    assert invoke(dify, mock, history, False, parameters={"temperature": 0.3}).error is None
    from_dify = mock.last
    mock.expect(Reply(json=api.answer({"text": "Paris."})))
    result = maibot.call(
        op="response",
        api_provider={"client_type": "geminilike", "base_url": mock.url, "api_key": KEY},
        model_info={"model_identifier": MODEL, "name": MODEL, "force_stream_mode": False},
        context_items=[system("Answer briefly."), user("Capital of France?")],
        temperature=0.3,
    )
    assert result["ok"], result
    assert (mock.last.path, mock.last.body) == (from_dify.path, from_dify.body)


# ---- embeddings (batchEmbedContents), with the key as the `key` query parameter --------------------

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


def test_embeddings_in_batches_with_the_key_in_the_query(query_plugins, mock):
    dify, _ = query_plugins
    mock.expect(Reply(json=api.embeddings([0.5, -1.0, 2.0], [0.25, 0.0, 1.0])))
    mock.expect(Reply(json=api.embeddings([1.5, 1.0, -2.0])))
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


def test_embedding_errors_are_typed_and_never_show_the_key(query_plugins, mock):
    dify, _ = query_plugins
    mock.expect(api.error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key."))
    outcome = embed(dify, mock, ["a"])
    assert outcome.error_type == "InvokeBadRequestError" and KEY not in outcome.message
    mock.expect(Reply(json=api.embeddings([1.0], [2.0])))  # two vectors for one text
    outcome = embed(dify, mock, ["a"])
    assert outcome.error_type == "InvokeServerUnavailableError" and "expected 1 embeddings" in outcome.message


def test_maibot_embeds_and_checks_chat_with_the_query_key(query_plugins, mock):
    dify, maibot = query_plugins
    mock.expect(Reply(json=api.embeddings([0.5, 1.0, 1.5])))
    result = maibot.call(
        op="embedding",
        api_provider={"client_type": "geminiquery", "base_url": mock.url, "api_key": KEY},
        model_info={"model_identifier": EMBEDDER, "name": EMBEDDER, "model_type": "embedding"},
        input="hello",
    )
    assert result["embedding"] == [0.5, 1.0, 1.5], result
    assert mock.last.query == {"key": KEY} and mock.last.body["requests"][0]["content"] == {
        "parts": [{"text": "hello"}]
    }
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


@pytest.fixture(scope="module")
def gemini(tmp_path_factory: pytest.TempPathFactory):
    yield from committed_hosts("gemini", tmp_path_factory.mktemp("gemini"))


def gemini_call(dify, mock, model: str, parameters: dict, **extra):
    credentials = {"google_api_key": KEY, "google_base_url": mock.url}
    reply = Reply(json=api.answer({"text": "Done."}, model=model))
    return sent_for(dify, mock, reply, "gemini", model, credentials, parameters, **extra)


def test_the_gemini_spec_checks_credentials_and_answers(gemini, mock):
    dify, _ = gemini
    mock.expect(Reply(json={"models": []}))
    credentials = {"google_api_key": KEY, "google_base_url": mock.url}
    outcome = dify.request("validate_provider_credentials", user_id="u1", provider="gemini", credentials=credentials)
    assert outcome.error is None, outcome.message
    assert (mock.last.method, mock.last.path) == ("GET", "/v1beta/models")
    assert mock.last.headers["x-goog-api-key"] == KEY
    sent = gemini_call(dify, mock, "gemini-3.7-flash", {})
    assert sent.path == "/v1beta/models/gemini-3.7-flash:generateContent"
    assert sent.body["systemInstruction"] == {"parts": [{"text": "Rules."}]}
    # The SDK fills required rules with their defaults; Default resolution is not sent.
    assert sent.body["serviceTier"] == "standard"
    thinking = {"includeThoughts": False, "thinkingLevel": "MEDIUM"}
    assert sent.body["generationConfig"] == {"thinkingConfig": thinking, "maxOutputTokens": 65536}


def test_gemini_3_thinking_level_media_resolution_tier_and_structured_output(gemini, mock):
    dify, _ = gemini
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}, "additionalProperties": False}
    parameters = {
        "include_thoughts": True,
        "thinking_level": "Low",
        "media_resolution": "High",
        "service_tier": "priority",
        "max_tokens": 2048,
        "json_schema": json.dumps(schema),
    }
    sent = gemini_call(dify, mock, "gemini-3.7-flash", parameters)
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
    sent = gemini_call(dify, mock, "gemini-3.1-pro-preview", {"media_resolution": "Default", "thinking_level": "High"})
    thinking = {"includeThoughts": False, "thinkingLevel": "HIGH"}
    assert sent.body["generationConfig"] == {"thinkingConfig": thinking, "temperature": 1, "maxOutputTokens": 65536}


def test_gemini_2_5_thinking_mode_budget_and_flex(gemini, mock):
    dify, _ = gemini
    sent = gemini_call(dify, mock, "gemini-2.5-flash", {"thinking_mode": False, "thinking_budget": 4096})
    assert sent.body["generationConfig"] == {"thinkingConfig": {"thinkingBudget": 0}}
    sent = gemini_call(dify, mock, "gemini-2.5-flash", {"thinking_mode": True, "include_thoughts": True})
    assert sent.body["generationConfig"] == {"thinkingConfig": {"thinkingBudget": -1, "includeThoughts": True}}
    parameters = {"thinking_mode": True, "thinking_budget": 4096, "flex_inference": True, "temperature": 0.2}
    sent = gemini_call(dify, mock, "gemini-2.5-flash", parameters)
    assert sent.body["generationConfig"] == {"thinkingConfig": {"thinkingBudget": 4096}, "temperature": 0.2}
    assert sent.body["serviceTier"] == "flex"
    sent = gemini_call(dify, mock, "gemini-2.5-flash", {"flex_inference": False})
    assert "serviceTier" not in sent.body
    sent = gemini_call(dify, mock, "gemini-2.5-pro", {"thinking_budget": 128})
    assert sent.body["generationConfig"] == {"thinkingConfig": {"thinkingBudget": 128}}


def test_built_in_tools_go_beside_function_declarations(gemini, mock):
    dify, _ = gemini
    sent = gemini_call(
        dify, mock, "gemini-2.5-flash", {"grounding": True, "code_execution": True, "url_context": False}
    )
    assert sent.body["tools"] == [{"googleSearch": {}}, {"codeExecution": {}}]
    sent = gemini_call(dify, mock, "gemini-3.7-flash", {"url_context": True}, tools=[WEATHER_TOOL])
    declarations, url_context = sent.body["tools"]
    assert [d["name"] for d in declarations["functionDeclarations"]] == [WEATHER_TOOL["name"]]
    assert url_context == {"urlContext": {}} and "url_context" not in sent.body
    sent = gemini_call(dify, mock, "gemini-2.5-flash", {"grounding": False})
    assert "tools" not in sent.body


def test_the_gemini_spec_streams_thoughts_and_types_errors(gemini, mock):
    dify, _ = gemini
    credentials = {"google_api_key": KEY, "google_base_url": mock.url}
    mock.expect(api.streamed(api.chunk({"text": "Hmm.", "thought": True}), api.answer({"text": "Yes."})))
    outcome = dify.invoke_llm(
        "gemini-2.5-pro", credentials, [{"role": "user", "content": "Sure?"}], True, provider="gemini"
    )
    assert outcome.error is None, outcome.message
    assert text(outcome) == "<think>\nHmm.\n</think>\n\nYes."
    assert mock.last.path == "/v1beta/models/gemini-2.5-pro:streamGenerateContent"
    mock.expect(api.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for gemini-2.5-pro."))
    outcome = dify.invoke_llm(
        "gemini-2.5-pro", credentials, [{"role": "user", "content": "Hi"}], True, provider="gemini"
    )
    assert outcome.error_type == "InvokeRateLimitError" and "Quota exceeded" in outcome.message


def test_the_gemini_spec_embeds_with_task_types(gemini, mock):
    dify, maibot = gemini
    mock.expect(Reply(json=api.embeddings([0.5, 1.0], [1.5, 2.0])))
    outcome = dify.request(
        "invoke_text_embedding",
        user_id="u1",
        provider="gemini",
        model_type="text-embedding",
        model="gemini-embedding-001",
        credentials={"google_api_key": KEY, "google_base_url": mock.url},
        texts=["a", "b"],
        input_type="query",
    )
    assert outcome.error is None, outcome.message
    assert outcome.items[0]["embeddings"] == [[0.5, 1.0], [1.5, 2.0]]
    assert mock.last.path == "/v1beta/models/gemini-embedding-001:batchEmbedContents"
    assert [r["taskType"] for r in mock.last.body["requests"]] == ["RETRIEVAL_QUERY"] * 2
    mock.expect(Reply(json=api.embeddings([0.25])))
    result = maibot.call(
        op="embedding",
        api_provider={"client_type": "google_gemini", "base_url": mock.url, "api_key": KEY},
        model_info={"model_identifier": "gemini-embedding-001", "name": "gemini-embedding-001"},
        input="hello",
    )
    assert result["embedding"] == [0.25], result
    assert mock.last.headers["x-goog-api-key"] == KEY


def test_maibot_sends_what_dify_sends_for_the_gemini_specs_parameters(gemini, mock):
    dify, maibot = gemini
    parameters = {"thinking_mode": True, "thinking_budget": 2048, "grounding": True, "flex_inference": True}
    from_dify = gemini_call(dify, mock, "gemini-2.5-flash", parameters)
    reply = Reply(json=api.answer({"text": "Done."}))
    from_maibot = maibot_sent_for(maibot, mock, reply, "google_gemini", "gemini-2.5-flash", parameters)
    assert from_maibot.headers["x-goog-api-key"] == "test-key"
    assert (from_maibot.path, from_maibot.body) == (from_dify.path, from_dify.body)
    assert from_dify.body["tools"] == [{"googleSearch": {}}] and from_dify.body["serviceTier"] == "flex"
