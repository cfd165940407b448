"""Models that answer with images: the checks every image passes (images.py), and each protocol's
request for images and its answers, blocking and streamed, against the providers' documented shapes
(Gemini inlineData parts, OpenRouter's message.images and delta.images, the Responses
image_generation_call item and its stream events)."""

from __future__ import annotations

import base64
import json

import pytest

from compiler.runtime import images, messages
from compiler.runtime.errors import ProviderError
from compiler.runtime.protocols import gemini, openai_chat, openai_responses
from compiler.runtime.types import Image

# The smallest real files of each type (a 1x1 PNG; the others' signatures and a few bytes).
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005"
        "0002ff5e9c1ebb0000000049454e44ae426082"
    )
).decode()
JPEG = base64.b64encode(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(16)).decode()
WEBP = base64.b64encode(b"RIFF\x1a\x00\x00\x00WEBPVP8L" + bytes(14)).decode()
GIF = base64.b64encode(b"GIF89a" + bytes(20)).decode()
IMAGE_MODEL = {"output_modalities": ("text", "image")}
HELLO = [messages.user("Draw a cat")]


def test_the_bytes_decide_the_type_of_each_image() -> None:
    gallery = images.Gallery()
    for label, data in (
        ("image/png", PNG),
        ("image/jpg", JPEG),
        ("image/webp", WEBP),
        (None, GIF),
        ("image/png", JPEG),
    ):
        gallery.add(label, data)
    assert [i.mime_type for i in gallery.images] == ["image/png", "image/jpeg", "image/webp", "image/gif", "image/jpeg"]
    assert gallery.images[0] == Image("image/png", PNG) and gallery.images[0].format == "png"
    gallery.add_uri(f"data:image/webp;base64,{WEBP}")
    assert gallery.images[-1].format == "webp"


@pytest.mark.parametrize(
    "label,data,message",
    [
        ("image/png", "not base64!", "not base64"),
        ("image/svg+xml", base64.b64encode(b"<svg/>").decode(), "image/svg\\+xml part, not an image"),
        ("audio/wav", PNG, "audio/wav part"),
        ("image/png", base64.b64encode(b"plain text, not pixels").decode(), "not a PNG, JPEG, WebP or GIF"),
        ("image/png", "", "no data"),
        ("image/png", None, "no data"),
    ],
)
def test_a_bad_image_is_a_typed_server_error(label, data, message) -> None:
    with pytest.raises(ProviderError, match=message) as caught:
        images.Gallery().add(label, data)
    assert caught.value.kind == "server_unavailable"


def test_a_link_instead_of_data_is_refused() -> None:
    with pytest.raises(ProviderError, match="not a data URI") as caught:
        images.Gallery().add_uri("https://cdn.example/cat.png")
    assert caught.value.kind == "server_unavailable"


def test_images_are_bounded_one_by_one_and_per_answer(monkeypatch) -> None:
    size = len(base64.b64decode(PNG))
    monkeypatch.setattr(images, "MAX_IMAGE_BYTES", size)
    monkeypatch.setattr(images, "MAX_ANSWER_BYTES", 2 * size)
    gallery = images.Gallery()
    gallery.add("image/png", PNG)
    gallery.add("image/png", PNG)
    with pytest.raises(ProviderError, match="answer's images is .* MiB, more than") as caught:
        gallery.add("image/png", PNG)
    assert caught.value.kind == "server_unavailable"
    monkeypatch.setattr(images, "MAX_IMAGE_BYTES", size - 1)
    with pytest.raises(ProviderError, match="the image is"):
        images.Gallery().add("image/png", PNG)
    huge = "A" * (8 * size)  # refused by its length, before it is decoded
    with pytest.raises(ProviderError, match="the image is"):
        images.Gallery().add("image/png", huge)


# ---- Gemini -----------------------------------------------------------------------------


@pytest.fixture
def gemini_config(settings) -> None:
    settings(ENDPOINTS={"chat": "/v1beta/models/{model}:generateContent"}, PARAMETERS={}, MODEL_SETTINGS={})


def gemini_chunk(*parts: dict, finish: str | None = None) -> dict:
    candidate: dict = {"content": {"role": "model", "parts": list(parts)}}
    return {"candidates": [candidate | ({"finishReason": finish} if finish else {})]}


def test_gemini_asks_for_images_only_for_a_model_that_answers_with_them(gemini_config, settings) -> None:
    assert "generationConfig" not in gemini.chat_request("plain", HELLO, {}).body
    settings(MODEL_SETTINGS={"painter": IMAGE_MODEL})
    body = gemini.chat_request("painter", HELLO, {}, stream=True).body
    assert body["generationConfig"] == {"responseModalities": ["TEXT", "IMAGE"]}


def test_gemini_answers_with_inline_images_blocking_and_streamed(gemini_config) -> None:
    draft = {"inlineData": {"mimeType": "image/png", "data": JPEG}, "thought": True}
    image = {"inlineData": {"mimeType": "image/png", "data": PNG}}
    answer = gemini.parse_completion(gemini_chunk({"text": "A cat:"}, draft, image, finish="STOP"))
    assert answer.content == "A cat:" and answer.images == [Image("image/png", PNG)]  # the thought's draft is not
    only = gemini.parse_completion(gemini_chunk(image, finish="STOP"))
    assert only.images == [Image("image/png", PNG)] and only.content == ""
    assembler = gemini.StreamAssembler(keep_text=False)
    chunks = [gemini_chunk({"text": "A cat:"}), gemini_chunk(image), gemini_chunk(image, finish="STOP")]
    assert [assembler.feed(("", json.dumps(c))) for c in chunks] == [("", "A cat:"), ("", ""), ("", "")]
    assert assembler.finish().images == [Image("image/png", PNG)] * 2
    bad = gemini.StreamAssembler()
    with pytest.raises(ProviderError, match="not an image") as caught:
        bad.feed(("", json.dumps(gemini_chunk({"inlineData": {"mimeType": "text/html", "data": PNG}}))))
    assert caught.value.kind == "server_unavailable"


# ---- OpenAI chat completions (OpenRouter) -------------------------------------------------


@pytest.fixture
def chat_config(settings) -> None:
    settings(PARAMETERS={}, MODEL_SETTINGS={"painter": {"output_modalities": ("image", "text")}})


def picture(data: str, mime: str = "image/png") -> dict:
    return {"type": "image_url", "image_url": {"url": f"data:{mime};base64,{data}"}, "index": 0}


def test_openai_chat_asks_for_the_modalities_in_the_spec_order(chat_config) -> None:
    assert "modalities" not in openai_chat.chat_request("plain", HELLO, {}).body
    assert openai_chat.chat_request("painter", HELLO, {}).body["modalities"] == ["image", "text"]


def test_openai_chat_reads_message_images_and_delta_images(chat_config) -> None:
    message = {"role": "assistant", "content": "Here it is.", "images": [picture(PNG), picture(JPEG, "image/jpeg")]}
    answer = openai_chat.parse_completion({"id": "gen-1", "choices": [{"message": message, "finish_reason": "stop"}]})
    assert answer.content == "Here it is." and [i.format for i in answer.images] == ["png", "jpeg"]
    assembler = openai_chat.StreamAssembler(keep_text=False)
    deltas = [
        {"choices": [{"delta": {"role": "assistant", "content": "Here"}}]},
        {"choices": [{"delta": {"role": "assistant", "content": "", "images": [picture(PNG)]}}]},
        {"choices": [{"delta": {}, "finish_reason": "stop"}]},
    ]
    assert [assembler.feed(("", json.dumps(d))) for d in deltas] == [("", "Here"), ("", ""), ("", "")]
    assembler.feed(("", "[DONE]"))
    assert assembler.finish().images == [Image("image/png", PNG)]
    broken = {"choices": [{"message": message | {"images": [picture("@@@")]}, "finish_reason": "stop"}]}
    with pytest.raises(ProviderError, match="not base64") as caught:
        openai_chat.parse_completion(broken)
    assert caught.value.kind == "server_unavailable"


# ---- OpenAI Responses ---------------------------------------------------------------------


@pytest.fixture
def responses_config(settings) -> None:
    settings(
        ENDPOINTS={"chat": "/responses"},
        PARAMETERS={"image_tool": {"tool": {"type": "image_generation"}}},
        MODEL_SETTINGS={"painter": IMAGE_MODEL},
    )


def generated(data: str | None, status: str = "completed", **more) -> dict:
    return {"type": "image_generation_call", "id": "ig_1", "status": status, "result": data} | more


def test_responses_adds_the_image_generation_tool_once(responses_config) -> None:
    assert "tools" not in openai_responses.chat_request("plain", HELLO, {}).body
    weather = messages.tool("get_weather", "Weather", {"type": "object"})
    body = openai_responses.chat_request("painter", HELLO, {"image_tool": True}, [weather]).body
    assert [tool["type"] for tool in body["tools"]] == ["function", "image_generation"]
    assert openai_responses.chat_request("painter", HELLO, {}).body["tools"] == [{"type": "image_generation"}]


def test_responses_reads_image_generation_calls_blocking_and_streamed(responses_config) -> None:
    text = {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Done."}]}
    payload = {"id": "resp_1", "status": "completed", "output": [generated(PNG, output_format="png"), text]}
    answer = openai_responses.parse_completion(payload)
    assert answer.content == "Done." and answer.images == [Image("image/png", PNG)]
    events = [
        {"type": "response.created", "response": {"id": "resp_1"}},
        {"type": "response.output_item.added", "output_index": 0, "item": generated(None, "in_progress")},
        {"type": "response.image_generation_call.partial_image", "output_index": 0, "partial_image_b64": JPEG},
        {"type": "response.output_item.done", "output_index": 0, "item": generated(WEBP, output_format="webp")},
        {"type": "response.completed", "response": payload},
    ]
    assembler = openai_responses.StreamAssembler(keep_text=False)
    for event in events:
        assert assembler.feed((event["type"], json.dumps(event))) == ("", "")
    assert assembler.finish().images == [Image("image/webp", WEBP)]


def test_responses_image_failures_are_typed(responses_config) -> None:
    refused = generated(None, "failed", error={"code": "moderation_blocked", "message": "not allowed", "type": "x"})
    with pytest.raises(ProviderError, match="image generation failed: not allowed") as caught:
        openai_responses.parse_completion({"status": "completed", "output": [refused]})
    assert (caught.value.kind, caught.value.code) == ("bad_request", "moderation_blocked")
    svg = generated(base64.b64encode(b"<svg/>").decode(), output_format="svg")
    with pytest.raises(ProviderError, match="not an image") as caught:
        openai_responses.parse_completion({"status": "completed", "output": [svg]})
    assert caught.value.kind == "server_unavailable"
