"""Models that answer with images (output_modalities with image), through both hosts, blocking and
streamed: the request asks for images in the protocol's way; Dify gets them as image parts of the
assistant message (ImagePromptMessageContent, base64, as Dify's own Gemini plugin hands them over),
MaiBot as image parts of its assistant item; a bad image is a typed error on both, never a crash.
The checks run for the specs with such a model, and talk to the first (backing.py)."""

from __future__ import annotations

import base64

import pytest

from tests.conformance.backing import featured
from tests.conformance.expect import reply
from tests.conformance.hosts import user
from tests.conformance.protocols import Picture, Text
from tests.conformance.shapes import PICTURE
from tests.conformance.specs import chat_models


def test_images_reach_the_host(host, api, mock, stream, feature_model):
    mock.expect(reply(api, stream, Text("A cat:"), PICTURE))
    answer = host.chat(user("Draw a cat"), stream=stream, model=feature_model)
    assert answer.error is None, answer.message
    assert answer.text == "A cat:" and answer.images == [(PICTURE.mime, PICTURE.data)]
    assert api.draws(api.read(mock.last).body)


def test_an_answer_of_images_alone_is_not_empty(host, api, mock, stream, feature_model):
    mock.expect(reply(api, stream, PICTURE, PICTURE))
    answer = host.chat(user("Draw two cats"), stream=stream, model=feature_model)
    assert answer.error is None, answer.message
    assert answer.text == "" and answer.images == [(PICTURE.mime, PICTURE.data)] * 2


def test_a_model_that_does_not_draw_is_not_asked_to(dify, provider, api, mock):
    if not featured(provider, "image output"):
        pytest.skip("the spec has no model that answers with images")
    plain = next((m.name for m in chat_models(provider) if "output_modalities" not in m.settings), None)
    if plain is None:
        pytest.skip("every model of the spec draws")
    mock.expect(reply(api, False, Text("ok")))
    assert dify.chat(model=plain).error is None
    assert not api.draws(api.read(mock.last).body)


@pytest.mark.parametrize(
    "bad",
    [Picture("image/png", base64.b64encode(b"plain text").decode()), Picture("text/html", PICTURE.data)],
    ids=["not-an-image", "not-an-image-type"],
)
def test_a_bad_image_is_a_typed_error(host, api, mock, stream, feature_model, bad):
    mock.expect(reply(api, stream, Text("A cat:"), bad))
    answer = host.chat(user("Draw a cat"), stream=stream, model=feature_model)
    assert answer.error == "server_unavailable", answer.shown
