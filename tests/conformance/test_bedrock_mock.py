"""The bedrock_converse adapter's answers (protocols/bedrock_converse.py), read by botocore's own
bedrock-runtime client (its service model, parsers and event-stream decoder) pointed at the mock:
every shape of the catalogue, blocking and streamed, signed reasoning, every error the API reference
lists (typed by the x-amzn-ErrorType header), an exception frame mid-stream; and the requests
botocore itself sends, read by the adapter's neutral reader. If botocore stops parsing them, the
adapter has drifted from the API. Then InvokeModel embeddings of each family, and bedrock-agent-runtime's
Rerank: botocore validates the body the runtime builds against the API model before sending it."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from compiler.runtime.kinds import bedrock_embeddings, bedrock_rerank

from tests.conformance.protocols import Call, Reasoning, Text
from tests.conformance.protocols import bedrock_converse as api
from tests.conformance.shapes import SHAPES, STATUSES, Lazy, Shape, ids
from tests.integration.mock_server import Reply
from tests.integration.payloads import assert_signed

botocore_session = Lazy("botocore.session")
botocore_exceptions = Lazy("botocore.exceptions")
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0"
ASK = {"modelId": MODEL, "messages": [{"role": "user", "content": [{"text": "Weather in Paris?"}]}]}


@pytest.fixture
def client(mock):
    session = botocore_session.get_session()
    return session.create_client(
        "bedrock-runtime",
        region_name="us-west-2",
        endpoint_url=mock.url,
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key=SECRET,
        config=Lazy("botocore.config").Config(retries={"total_max_attempts": 1}),
    )


def read(output: dict) -> dict:
    """A Converse answer as the catalogue's meanings say it."""
    blocks = output["output"]["message"]["content"]
    usage = output.get("usage")
    if usage is not None:
        cached = usage.get("cacheReadInputTokens")
        usage = (usage["inputTokens"] + (cached or 0), usage["outputTokens"], cached)
    return {
        "text": "".join(b["text"] for b in blocks if "text" in b),
        "reasoning": "".join(b["reasoningContent"]["reasoningText"]["text"] for b in blocks if "reasoningContent" in b),
        "calls": [
            (b["toolUse"]["toolUseId"], b["toolUse"]["name"], b["toolUse"]["input"]) for b in blocks if "toolUse" in b
        ],
        "usage": usage,
    }


def assembled(events) -> dict:
    """A ConverseStream's events folded the way a client of the API folds them."""
    blocks: dict[int, dict] = {}
    out: dict = {"usage": None}
    for event in events:
        if "contentBlockStart" in event:
            start = event["contentBlockStart"]
            use = start["start"]["toolUse"]
            blocks[start["contentBlockIndex"]] = {"toolUse": {**use, "input": ""}}
        elif "contentBlockDelta" in event:
            delta = event["contentBlockDelta"]
            fold(blocks.setdefault(delta["contentBlockIndex"], {}), delta["delta"])
        elif "messageStop" in event:
            out["stop"] = event["messageStop"]["stopReason"]
        elif "metadata" in event:
            out["usage"] = event["metadata"].get("usage")
    content = [finished(blocks[i]) for i in sorted(blocks)]
    return {"output": {"message": {"content": content}}, **({"usage": out["usage"]} if out["usage"] else {})}


def fold(block: dict, delta: dict) -> None:
    if "text" in delta:
        block["text"] = block.get("text", "") + delta["text"]
    elif "toolUse" in delta:
        block["toolUse"]["input"] += delta["toolUse"]["input"]
    elif "reasoningContent" in delta:
        said = block.setdefault("reasoningContent", {"reasoningText": {"text": ""}})["reasoningText"]
        reasoning = delta["reasoningContent"]
        said["text"] += reasoning.get("text", "")
        if "signature" in reasoning:
            said["signature"] = reasoning["signature"]


def finished(block: dict) -> dict:
    if "toolUse" in block:
        return {"toolUse": {**block["toolUse"], "input": json.loads(block["toolUse"]["input"] or "{}")}}
    return block


@pytest.mark.parametrize("shape", SHAPES, ids=ids(SHAPES))
def test_botocore_reads_every_answer(client, mock, shape: Shape) -> None:
    if shape.stream:
        mock.expect(Reply(sse=shape.body(api)))
        output = assembled(client.converse_stream(**ASK)["stream"])
    else:
        mock.expect(Reply(json=shape.body(api)))
        output = client.converse(**ASK)
    assert read(output) == shape.meaning(api)


def test_botocore_reads_signed_reasoning_and_a_tool_call(client, mock) -> None:
    pieces = (
        Reasoning("The user wants weather."),
        Text("Checking."),
        Call("tooluse_1", "get_weather", {"city": "Paris"}),
    )
    mock.expect(Reply(sse=api.stream(*pieces)))
    events = list(client.converse_stream(**ASK)["stream"])
    signatures = [
        e["contentBlockDelta"]["delta"]["reasoningContent"]["signature"] for e in events if "signature" in str(e)
    ]
    assert signatures == ["sig-mock-0"] and events[-2]["messageStop"]["stopReason"] == "tool_use"
    mock.expect(Reply(json=api.answer(*pieces)))
    answer = client.converse(**ASK)
    assert answer["output"]["message"]["content"][0]["reasoningContent"]["reasoningText"]["signature"] == "sig-mock-0"
    assert answer["stopReason"] == "tool_use"


@pytest.mark.parametrize("status,kind", api.ERRORS + [(status, None) for status in STATUSES])
def test_botocore_types_every_error(client, mock, status, kind) -> None:
    mock.expect(Reply(status, api.error_body(status, f"{kind} happened"), headers=api.error_headers(status, kind)))
    with pytest.raises(botocore_exceptions.ClientError) as caught:
        client.converse(**ASK)
    error = caught.value.response["Error"]
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert error["Code"] == (kind or dict(api.ERRORS).get(status) or str(status))
    assert error["Message"] == f"{kind} happened"


def test_botocore_reads_an_exception_frame_mid_stream(client, mock) -> None:
    mock.expect(Reply(sse=api.stream(Text("par"), end=False) + [api.exception("throttlingException", "Slow down")]))
    with pytest.raises(botocore_exceptions.EventStreamError) as caught:
        list(client.converse_stream(**ASK)["stream"])
    assert caught.value.response["Error"] == {"Code": "throttlingException", "Message": "Slow down"}


def test_the_adapter_reads_what_botocore_sends(client, mock) -> None:
    mock.expect(Reply(json=api.answer(Text("ok"))))
    client.converse(
        **ASK,
        system=[{"text": "Be brief."}],
        inferenceConfig={"maxTokens": 64, "temperature": 0.5, "stopSequences": ["END"]},
        toolConfig={
            "tools": [{"toolSpec": {"name": "get_weather", "inputSchema": {"json": {"type": "object"}}}}],
            "toolChoice": {"any": {}},
        },
    )
    sent = api.read(mock.last)
    assert sent.model == MODEL and sent.stream is False
    assert sent.turns() == [("system", "Be brief."), ("user", "Weather in Paris?")]
    assert sent.tools == [{"name": "get_weather", "parameters": {"type": "object"}}] and sent.tool_choice == "required"
    assert mock.last.path == "/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse"
    assert_signed(mock.last, SECRET, "bedrock")  # botocore's own signature, checked the way the suite checks ours


# ---- InvokeModel embeddings and bedrock-agent-runtime's Rerank ----------------------------------


@pytest.fixture
def agent(mock):
    """botocore's bedrock-agent-runtime client (Rerank), pointed at the mock."""
    return botocore_session.get_session().create_client(
        "bedrock-agent-runtime",
        region_name="eu-central-1",
        endpoint_url=mock.url,
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key=SECRET,
        config=Lazy("botocore.config").Config(retries={"total_max_attempts": 1}),
    )


@pytest.mark.parametrize(
    "model, body, answer, vectors",
    [
        ("amazon.titan-embed-text-v2:0", {"inputText": "hi"}, api.titan([0.5, 1.5], 2), [[0.5, 1.5]]),
        (
            "cohere.embed-english-v3",
            {"texts": ["hi", "yo"], "input_type": "search_query"},
            api.embeddings([[1.0], [2.0]]),
            [[1.0], [2.0]],
        ),
        (
            "amazon.nova-2-multimodal-embeddings-v1:0",
            {
                "taskType": "SINGLE_EMBEDDING",
                "singleEmbeddingParams": {"text": {"truncationMode": "END", "value": "hi"}},
            },
            api.nova([0.25], 1),
            [[0.25]],
        ),
    ],
)
def test_botocore_invokes_an_embedding_model_and_reads_the_answer(client, mock, model, body, answer, vectors) -> None:
    mock.expect(Reply(json=answer))
    response = client.invoke_model(modelId=model, body=json.dumps(body), contentType="application/json")
    read_back = json.loads(response["body"].read())
    assert read_back == answer and bedrock_embeddings.parse(read_back, len(vectors))[0] == vectors
    assert mock.last.path == f"/model/{quote(model, safe='')}/invoke" and mock.last.body == body
    assert api.embedded(mock.last)[0] == model
    assert_signed(mock.last, SECRET, "bedrock")


def test_botocore_reranks_with_the_request_the_runtime_builds_and_reads_the_answer(agent, mock) -> None:
    ours = bedrock_rerank.request("cohere.rerank-v3-5:0", "French cities", ["Paris", "Bananas"], 1, "eu-central-1")
    mock.expect(Reply(json=api.ranked((0, 0.97))))
    response = agent.rerank(**ours.body)  # botocore validates the body against the API model
    assert response["results"] == [{"index": 0, "relevanceScore": 0.97}]
    assert mock.last.path == "/rerank" and mock.last.body == ours.body
    assert bedrock_rerank.parse({"results": response["results"]}, 2) == [(0, 0.97)]
    assert_signed(mock.last, SECRET, "bedrock")  # bedrock-agent-runtime signs as service bedrock
