"""The gemini adapter's answers (protocols/gemini.py), read by the official `google-genai` SDK as a
client: every shape of the catalogue (shapes.py), blocking and streamed, thoughts, a function call
with its thought signature, a blocked prompt, the errors the API reference lists and the mid-stream
error, the model list and batch embeddings; and the requests the SDK itself sends, read by the
adapter's neutral reader (its batchEmbedContents request is the one the runtime builds)."""

from __future__ import annotations

import base64

import pytest

from tests.conformance.expect import PNG
from tests.conformance.protocols import Text
from tests.conformance.protocols import gemini as api
from tests.conformance.shapes import IMAGES, SHAPES, STATUSES, Lazy, Shape, ids
from tests.integration.mock_server import Reply

genai, errors, types = Lazy("google.genai"), Lazy("google.genai.errors"), Lazy("google.genai.types")

CALL = {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "c2lnbmF0dXJl"}


@pytest.fixture
def client(mock) -> genai.Client:
    options = types.HttpOptions(
        base_url=mock.url, api_version="v1beta", retry_options=types.HttpRetryOptions(attempts=1)
    )
    return genai.Client(api_key="AIza-test", http_options=options)


def read(responses: list) -> dict:
    """The chunks of an answer (or its one response) as the catalogue's meanings say it."""
    parts = [part for r in responses if r.candidates for part in r.candidates[0].content.parts or ()]
    usage = responses[-1].usage_metadata
    if usage is not None and usage.prompt_token_count is not None:
        output = (usage.candidates_token_count or 0) + (usage.thoughts_token_count or 0)
        usage = (usage.prompt_token_count, output, usage.cached_content_token_count)
    return {
        "text": "".join(p.text for p in parts if p.text and not p.thought),
        "reasoning": "".join(p.text for p in parts if p.text and p.thought),
        "calls": [(p.function_call.id, p.function_call.name, p.function_call.args) for p in parts if p.function_call],
        "usage": usage or None,
    }


@pytest.mark.parametrize("shape", SHAPES, ids=ids(SHAPES))
def test_the_sdk_reads_every_answer(client, mock, shape: Shape) -> None:
    if shape.stream:
        mock.expect(Reply(sse=shape.body(api)))
        responses = list(client.models.generate_content_stream(model="gemini-test", contents="Hi"))
        assert responses[-1].candidates[0].finish_reason == "STOP"
    else:
        mock.expect(Reply(json=shape.body(api)))
        responses = [client.models.generate_content(model="gemini-test", contents="Hi")]
    assert read(responses) == shape.meaning(api)


@pytest.mark.parametrize("shape", IMAGES, ids=ids(IMAGES))
def test_the_sdk_reads_inline_images(client, mock, shape: Shape) -> None:
    """inlineData parts: the SDK decodes their base64 into bytes of their media type."""
    config = types.GenerateContentConfig(response_modalities=["TEXT", "IMAGE"])
    mock.expect(Reply(sse=shape.body(api)) if shape.stream else Reply(json=shape.body(api)))
    if shape.stream:
        responses = list(client.models.generate_content_stream(model="gemini-test", contents="Hi", config=config))
    else:
        responses = [client.models.generate_content(model="gemini-test", contents="Hi", config=config)]
    parts = [part for r in responses for part in r.candidates[0].content.parts or ()]
    drawn = [(p.inline_data.mime_type, base64.b64encode(p.inline_data.data).decode()) for p in parts if p.inline_data]
    assert drawn == shape.pictures() and read(responses)["text"] == shape.meaning(api)["text"]
    assert mock.last.body["generationConfig"]["responseModalities"] == ["TEXT", "IMAGE"]


def test_the_sdk_reads_a_blocking_answer(client, mock) -> None:
    usage = {"promptTokenCount": 30, "candidatesTokenCount": 10, "thoughtsTokenCount": 5, "cachedContentTokenCount": 20}
    mock.expect(
        Reply(json=api.response({"text": "Need it.", "thought": True}, {"text": "Checking."}, CALL, usage=usage))
    )
    result = client.models.generate_content(model="gemini-test", contents="Weather in Paris?")
    parts = result.candidates[0].content.parts
    assert parts[0].thought is True and parts[1].text == "Checking."
    assert (parts[2].function_call.name, parts[2].function_call.args) == ("get_weather", {"city": "Paris"})
    assert parts[2].thought_signature == b"signature"
    assert result.usage_metadata.cached_content_token_count == 20 and result.candidates[0].finish_reason == "STOP"
    recorded = mock.last
    assert recorded.path == "/v1beta/models/gemini-test:generateContent"
    assert recorded.headers["x-goog-api-key"] == "AIza-test"


def test_the_sdk_reads_a_stream(client, mock) -> None:
    mock.expect(
        api.streamed(
            api.chunk({"text": "Hmm", "thought": True}), api.chunk({"text": "Hel"}), api.response({"text": "lo."})
        )
    )
    pieces = list(client.models.generate_content_stream(model="gemini-test", contents="Hi"))
    assert [p.candidates[0].content.parts[0].text for p in pieces] == ["Hmm", "Hel", "lo."]
    assert pieces[-1].candidates[0].finish_reason == "STOP" and pieces[-1].usage_metadata.prompt_token_count == 12
    assert mock.last.path == "/v1beta/models/gemini-test:streamGenerateContent" and mock.last.query == {"alt": "sse"}


def test_the_sdk_reads_a_blocked_prompt(client, mock) -> None:
    mock.expect(Reply(json=api.blocked("SAFETY")))
    result = client.models.generate_content(model="gemini-test", contents="Hi")
    assert result.prompt_feedback.block_reason == "SAFETY" and not result.candidates


@pytest.mark.parametrize("status,code", api.ERRORS + [(status, None) for status in STATUSES])
def test_the_sdk_types_every_error(client, mock, status, code) -> None:
    body = api.error_body(status, f"{code} here", code)
    mock.expect(Reply(status, body))
    with pytest.raises(errors.APIError) as caught:
        client.models.generate_content(model="gemini-test", contents="Hi")
    assert caught.value.code == status and caught.value.status == body["error"]["status"]
    assert isinstance(caught.value, errors.ClientError if status < 500 else errors.ServerError)


def test_the_sdk_reads_an_error_mid_stream(client, mock) -> None:
    mock.expect(Reply(sse=api.stream(Text("Hel"), end=False) + [api.error_event("The model is overloaded.")]))
    with pytest.raises(errors.APIError, match="overloaded"):
        list(client.models.generate_content_stream(model="gemini-test", contents="Hi"))


def test_the_sdk_reads_the_model_list(client, mock) -> None:
    mock.expect(Reply(json=api.models(["gemini-a", "gemini-b"])))
    assert [m.name for m in client.models.list()] == ["models/gemini-a", "models/gemini-b"]


def test_the_sdk_reads_batch_embeddings_and_sends_what_the_plugins_send(client, mock) -> None:
    """The SDK's own batchEmbedContents request is the one gemini_embeddings.py builds."""
    from compiler.runtime.kinds import gemini_embeddings

    mock.expect(Reply(json=api.embeddings([[0.5, -1.0], [0.25, 2.0]])))
    config = types.EmbedContentConfig(task_type="RETRIEVAL_QUERY", output_dimensionality=2)
    contents = [types.Content(parts=[types.Part(text=text)]) for text in ("a", "b")]  # one request each
    result = client.models.embed_content(model="gemini-embedding-test", contents=contents, config=config)
    assert [e.values for e in result.embeddings] == [[0.5, -1.0], [0.25, 2.0]]
    sent = mock.last
    ours = gemini_embeddings.request(
        "gemini-embedding-test",
        ["a", "b"],
        input_type="query",
        settings={"dimensions": 2, "input_type": ("taskType", "RETRIEVAL_QUERY", "RETRIEVAL_DOCUMENT")},
    )
    assert sent.path == "/v1beta/models/gemini-embedding-test:batchEmbedContents"
    for request in sent.body["requests"]:
        request["content"].pop("role", None)  # the API reference's examples send none
    assert sent.body == ours.body
    assert api.embedded(sent) == ("gemini-embedding-test", ["a", "b"])


def test_the_adapter_reads_what_the_sdk_sends(client, mock) -> None:
    mock.expect(Reply(json=api.answer(Text("ok"))))
    weather = types.FunctionDeclaration(name="get_weather", description="Weather")
    contents = [
        types.Content(
            role="user",
            parts=[types.Part(text="Weather here?"), types.Part.from_bytes(data=b"\x89PNG", mime_type="image/png")],
        ),
        types.Content(role="model", parts=[types.Part.from_function_call(name="get_weather", args={"city": "Lyon"})]),
        types.Content(
            role="user", parts=[types.Part.from_function_response(name="get_weather", response={"result": "sunny"})]
        ),
    ]
    config = types.GenerateContentConfig(
        system_instruction="Be brief.",
        tools=[types.Tool(function_declarations=[weather])],
        tool_config=types.ToolConfig(function_calling_config=types.FunctionCallingConfig(mode="AUTO")),
    )
    client.models.generate_content(model="gemini-test", contents=contents, config=config)
    sent = api.read(mock.last)
    assert (sent.model, sent.stream, sent.tool_choice) == ("gemini-test", False, "auto")
    assert sent.tools == [{"name": "get_weather", "description": "Weather"}]
    assert sent.messages == [
        ("system", [("text", "Be brief.")]),
        ("user", [("text", "Weather here?"), ("image", "image/png", "iVBORw==")]),
        ("assistant", [("call", None, "get_weather", {"city": "Lyon"})]),
        ("tool", [("result", None, "get_weather", "sunny")]),
    ]
