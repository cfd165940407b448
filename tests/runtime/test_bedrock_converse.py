"""The bedrock_converse module on its own: a ConverseStream split at every byte boundary assembles to
exactly the answer it carries, a corrupted frame is a typed error, and the request's shape (the model
id encoded whole in the path, blocks, inferenceConfig, toolConfig)."""

from __future__ import annotations

import pytest

from compiler.runtime import eventstream, messages
from compiler.runtime.errors import ProviderError
from compiler.runtime.protocols import bedrock_converse
from tests.conformance.protocols import Call, Reasoning, Text
from tests.conformance.protocols import bedrock_converse as frames

STREAM = b"".join(
    frames.stream(
        Reasoning("Think "),
        Reasoning("first."),
        Text("Héllo, "),
        Text("wörld"),
        Call("tooluse_1", "get_weather", {"city": "Zürich"}),
        usage=(30, 12, 10),
    )
)


def assembled(pieces: list[bytes]):
    framer, assembler = eventstream.Framer(), bedrock_converse.StreamAssembler()
    deltas = [assembler.feed(event) for piece in pieces for event in framer.feed(piece)]
    deltas += [assembler.feed(event) for event in framer.close()]
    return deltas, assembler.finish()


def test_a_stream_split_at_every_byte_boundary_assembles_exactly() -> None:
    _, whole = assembled([STREAM])
    assert (whole.reasoning, whole.content) == ("Think first.", "Héllo, wörld")
    assert [(c.id, c.name, c.arguments) for c in whole.tool_calls] == [
        ("tooluse_1", "get_weather", '{"city": "Z\\u00fcrich"}')
    ]
    assert (whole.usage.prompt_tokens, whole.usage.completion_tokens, whole.usage.cached_tokens) == (30, 12, 10)
    assert whole.finish_reason == "tool_calls"
    for cut in range(1, len(STREAM)):
        deltas, split = assembled([STREAM[:cut], STREAM[cut:]])
        assert split == whole, cut
        assert "".join(content for _, content in deltas) == "Héllo, wörld"


@pytest.mark.parametrize("at", [3, 10, 40, len(STREAM) // 2, len(STREAM) - 1])
def test_a_corrupted_byte_is_a_typed_error(at: int) -> None:
    broken = bytearray(STREAM)
    broken[at] ^= 0x20
    with pytest.raises(ProviderError) as caught:
        assembled([bytes(broken)])
    assert caught.value.kind == "server_unavailable"


def test_a_stream_cut_before_message_stop_is_a_connection_error() -> None:
    cut = b"".join(frames.stream(Text("par"), end=False))
    with pytest.raises(ProviderError) as caught:
        assembled([cut])
    assert caught.value.kind == "connection"


def test_the_request(settings) -> None:
    settings(
        ENDPOINTS={"chat": "/model/{model}/converse"}, PARAMETERS={"max_tokens": {"key": "inferenceConfig.maxTokens"}}
    )
    arn = "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0"
    conversation = [
        messages.system("Be brief."),
        messages.user([messages.text_part("What is this?"), messages.image_part("data:image/png;base64,iVBORw0KGgo=")]),
    ]
    tools = [messages.tool("get_weather", "Weather", {"type": "object"})]
    request = bedrock_converse.chat_request(
        arn, conversation, {"max_tokens": 99}, tools, stop=["END"], stream=True, tool_choice="required", settings={}
    )
    assert request.path == "/model/arn%3Aaws%3Abedrock%3Aeu-west-1%3A123456789012%3Ainference-profile%2F" + (
        "eu.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse-stream"
    )
    body = request.body
    assert body["system"] == [{"text": "Be brief."}]
    assert body["messages"] == [
        {
            "role": "user",
            "content": [{"text": "What is this?"}, {"image": {"format": "png", "source": {"bytes": "iVBORw0KGgo="}}}],
        }
    ]
    assert body["inferenceConfig"] == {"maxTokens": 99, "stopSequences": ["END"]}
    assert body["toolConfig"]["toolChoice"] == {"any": {}} and "stream" not in body and "model" not in body
    with pytest.raises(ProviderError, match="as data, not a link"):
        bedrock_converse.chat_request(
            "m", [messages.user([messages.image_part("https://example.com/cat.png")])], {}, settings={}
        )
