"""The Gemini protocol module against the shapes of the Gemini API reference (ai.google.dev/api:
generateContent, streamGenerateContent, function calling, errors)."""

from __future__ import annotations

import json

import pytest

from compiler.runtime import errors, messages
from compiler.runtime.protocols import gemini
from compiler.runtime.errors import ProviderError
from compiler.tables import PROTOCOLS

SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "additionalProperties": False,
    "properties": {"city": {"type": ["string", "null"], "default": "Paris"}, "days": {"type": "integer"}},
    "required": ["city"],
}
WEATHER = messages.tool("get_weather", "Weather of a city", SCHEMA)


@pytest.fixture(autouse=True)
def gemini_config(settings) -> None:
    settings(
        ENDPOINTS={"chat": "/v1beta/models/{model}:generateContent", "models": "/v1beta/models"},
        PARAMETERS={
            "temperature": {"key": "generationConfig.temperature"},
            "max_tokens": {"key": "generationConfig.maxOutputTokens"},
            "thinking_budget": {"key": "generationConfig.thinkingConfig.thinkingBudget"},
            "include_thoughts": {"key": "generationConfig.thinkingConfig.includeThoughts"},
            "response_format": {"format": "response_format"},
            "json_schema": {"format": "json_schema"},
        },
    )
    gemini.SIGNATURES.clear()


def test_request_contents_system_tools_and_generation_config() -> None:
    history = [
        messages.system("Be brief."),
        messages.user([messages.text_part("What is here?"), messages.image_part("data:image/png;base64,iVBOR")]),
        messages.assistant("", [messages.tool_call("call_1", "get_weather", '{"city": "Paris"}')]),
        messages.tool_result("call_1", "sunny"),
        messages.user("And tomorrow?"),
    ]
    parameters = {"temperature": 0.2, "max_tokens": 256, "thinking_budget": 1024, "include_thoughts": True}
    request = gemini.chat_request("gemini-x", history, parameters, [WEATHER], stop=["END"], stream=True, user="u1")
    assert request.path == "/v1beta/models/gemini-x:streamGenerateContent" and request.query == {"alt": "sse"}
    body = request.body
    assert body["systemInstruction"] == {"parts": [{"text": "Be brief."}]}
    assert body["contents"] == [
        {
            "role": "user",
            "parts": [{"text": "What is here?"}, {"inlineData": {"mimeType": "image/png", "data": "iVBOR"}}],
        },
        {"role": "model", "parts": [{"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}}]},
        {
            "role": "user",
            "parts": [
                {"functionResponse": {"name": "get_weather", "response": {"result": "sunny"}}},
                {"text": "And tomorrow?"},
            ],
        },
    ]
    assert body["generationConfig"] == {
        "thinkingConfig": {"thinkingBudget": 1024, "includeThoughts": True},
        "temperature": 0.2,
        "maxOutputTokens": 256,
        "stopSequences": ["END"],
    }
    (declaration,) = body["tools"][0]["functionDeclarations"]
    assert declaration["parameters"] == {
        "type": "object",
        "properties": {"city": {"nullable": True, "type": "string"}, "days": {"type": "integer"}},
        "required": ["city"],
    }
    assert body["toolConfig"] == {"functionCallingConfig": {"mode": "AUTO"}} and "user" not in body


def test_json_answers_and_a_blocking_path() -> None:
    request = gemini.chat_request("g", [messages.user("Hi")], {"json_schema": json.dumps(SCHEMA)})
    assert request.path == "/v1beta/models/g:generateContent" and request.query == {}
    generation = request.body["generationConfig"]
    assert generation["responseMimeType"] == "application/json" and "$schema" not in generation["responseSchema"]
    host = gemini.chat_request("g", [messages.user("Hi")], {}, response_format=("json_object", None)).body
    assert host["generationConfig"] == {"responseMimeType": "application/json"}


def test_a_blocking_answer_with_thoughts_a_call_and_its_signature() -> None:
    payload = {
        "candidates": [
            {
                "content": {
                    "role": "model",
                    "parts": [
                        {"text": "Need weather.", "thought": True},
                        {"text": "Checking."},
                        {"functionCall": {"name": "get_weather", "args": {"city": "Lyon"}}, "thoughtSignature": "c2ln"},
                    ],
                },
                "finishReason": "STOP",
            }
        ],
        "usageMetadata": {
            "promptTokenCount": 30,
            "candidatesTokenCount": 10,
            "thoughtsTokenCount": 5,
            "cachedContentTokenCount": 20,
        },
        "responseId": "resp-1",
    }
    answer = gemini.parse_completion(payload)
    assert (answer.reasoning, answer.content, answer.finish_reason) == ("Need weather.", "Checking.", "tool_calls")
    call = answer.tool_calls[0]
    assert (call.name, json.loads(call.arguments)) == ("get_weather", {"city": "Lyon"})
    assert (answer.usage.prompt_tokens, answer.usage.completion_tokens, answer.usage.cached_tokens) == (30, 15, 20)
    history = [
        messages.user("Weather?"),
        messages.assistant("Checking.", [messages.tool_call(call.id, "get_weather", call.arguments)]),
        messages.tool_result(call.id, "rain"),
    ]
    parts = gemini.chat_request("g", history, {}).body["contents"][1]["parts"]
    assert parts[1] == {"functionCall": {"name": "get_weather", "args": {"city": "Lyon"}}, "thoughtSignature": "c2ln"}


def test_blocked_prompts_and_answers_are_explained_errors() -> None:
    with pytest.raises(ProviderError, match="blocked the prompt \\(SAFETY\\)") as caught:
        gemini.parse_completion({"promptFeedback": {"blockReason": "SAFETY"}, "usageMetadata": {"promptTokenCount": 3}})
    assert caught.value.kind == "bad_request"
    with pytest.raises(ProviderError, match="stopped the answer \\(RECITATION\\)"):
        gemini.parse_completion({"candidates": [{"finishReason": "RECITATION", "content": {"parts": []}}]})
    cut = gemini.parse_completion(
        {"candidates": [{"content": {"parts": [{"text": "Part"}]}, "finishReason": "MAX_TOKENS"}]}
    )
    assert (cut.content, cut.finish_reason) == ("Part", "length")


def test_a_stream_of_chunks_and_a_cut_stream() -> None:
    chunks = [
        {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hmm", "thought": True}]}}]},
        {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hel"}]}}]},
        {
            "candidates": [{"content": {"role": "model", "parts": [{"text": "lo."}]}, "finishReason": "STOP"}],
            "usageMetadata": {"promptTokenCount": 4, "candidatesTokenCount": 2},
        },
    ]
    assembler = gemini.StreamAssembler()
    assert [assembler.feed(("", json.dumps(c))) for c in chunks] == [("Hmm", ""), ("", "Hel"), ("", "lo.")]
    answer = assembler.finish()
    assert (answer.content, answer.reasoning, answer.finish_reason, answer.usage.completion_tokens) == (
        "Hello.",
        "Hmm",
        "stop",
        2,
    )
    cut = gemini.StreamAssembler()
    cut.feed(("", json.dumps(chunks[1])))
    with pytest.raises(ProviderError, match="connection"):
        cut.finish()


@pytest.mark.parametrize(
    "status,code,kind",
    [
        (400, "INVALID_ARGUMENT", "bad_request"),
        (401, "UNAUTHENTICATED", "authorization"),
        (403, "PERMISSION_DENIED", "authorization"),
        (404, "NOT_FOUND", "bad_request"),
        (429, "RESOURCE_EXHAUSTED", "rate_limit"),
        (500, "INTERNAL", "server_unavailable"),
        (503, "UNAVAILABLE", "server_unavailable"),
        (504, "DEADLINE_EXCEEDED", "connection"),
    ],
)
def test_error_bodies(settings, status, code, kind) -> None:
    settings(
        CODE_KINDS={k: v for k, v in __import__("compiler.tables", fromlist=["x"]).PROTOCOLS["gemini"].codes.items()}
    )
    body = json.dumps({"error": {"code": status, "message": "No.", "status": code}}).encode()
    error = errors.from_response(status, body, gemini.error_fields)
    assert (error.kind, error.code, error.message) == (kind, code, "No.")
    in_stream = gemini.StreamAssembler()
    with pytest.raises(ProviderError) as caught:
        in_stream.feed(("", json.dumps([{"error": {"code": status, "message": "No.", "status": code}}])))
    assert caught.value.kind == kind


def test_validation_request() -> None:
    assert gemini.validation_request("g").path == "/v1beta/models"
    request = gemini.validation_request("g", call_model=True)
    assert request.path == "/v1beta/models/g:generateContent" and request.body["generationConfig"] == {
        "maxOutputTokens": 1
    }
