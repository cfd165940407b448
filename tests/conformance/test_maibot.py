"""What only MaiBot's host asks of a plugin, for every spec: loading and registering it, extra_params
split into headers, query and body, an empty answer refused, audio transcription (or a clear refusal)."""

from __future__ import annotations

import base64

import pytest

from tests.conformance.expect import answered, assert_failed, called_at, keep_in, reply
from tests.conformance.protocols import Text, base_path, dig
from tests.integration.mock_server import Reply, form


def test_the_host_accepts_and_registers_the_plugin(maibot, provider):
    report = maibot.report
    assert report["manifest_errors"] == []
    assert report["client_types"] == [provider.maibot.client_type]
    assert report["conflicts"] == {}
    assert report["loaded"] == [provider.maibot.plugin_id] and report["failures"] == {}
    registered = report["registry"][provider.maibot.client_type]
    assert registered["owner"] == provider.maibot.plugin_id and registered["version"] == provider.version


# Runtime bugs these checks found and the runtime has not fixed yet (a strict xfail each), by protocol.
KNOWN_BUGS: dict[str, str] = {}


def test_extra_params_go_where_they_say(request, maibot, provider, api, mock):
    """headers, query and body as MaiBot's own client splits them, other keys as parameters; `stream`
    is reserved (MaiBot's client never lets extra_params set it)."""
    if api.NAME in KNOWN_BUGS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_BUGS[api.NAME], strict=True))
    mock.expect(answered(api, Text("ok")))
    extra = {"headers": {"X-Trace": "t1"}, "query": {"trace": "q1"}, "body": {"top_p": 0.5}, "seed": 7, "stream": True}
    answer = maibot.chat(extra_params=extra | keep_in(provider, "top_p"))
    assert answer.error is None, answer.message
    recorded = mock.last
    assert recorded.headers["x-trace"] == "t1" and recorded.query["trace"] == "q1"
    sent = api.read(recorded)
    assert sent.stream is False and dig(sent.body, "stream") in (None, False)
    assert dig(sent.body, api.parameter_key(provider, "seed")) == 7
    assert dig(sent.body, api.parameter_key(provider, "top_p")) == 0.5


def test_an_empty_answer_is_an_error(maibot, api, mock, stream):
    mock.expect(reply(api, stream, Text("")))
    assert_failed(maibot.chat(stream=stream), "server_unavailable", "empty answer")


@pytest.mark.parametrize("declared", [True, False], ids=["spec-model", "any-model"])
def test_audio_transcription(maibot, provider, mock, declared):
    """The spec's speech2text models with their settings, and any model id a user configures; a spec
    without a transcriptions endpoint says so."""
    if provider.api.protocol != provider.api.spoken[0]:
        pytest.skip("transcription is the spec's, not a chat protocol's: checked on the spec itself")
    models = provider.models_of("speech2text")
    if declared and not models:
        pytest.skip("the spec declares no speech2text models")
    model = models[0].name if declared else "user-added/whisper"
    wav = "UklGRgAAAABXQVZF"
    audio = {
        "op": "audio",
        "api_provider": maibot.api_provider(),
        "audio_base64": wav,
        "model_info": {"model_identifier": model, "name": model},
    }
    if not provider.endpoints.get("transcriptions"):
        result = maibot.call(**audio)
        assert result["ok"] is False and "not available" in result["message"], result
        return
    mock.expect(Reply(json={"text": "hello from audio"}))
    result = maibot.call(**audio)
    assert result["ok"] and result["content"] == "hello from audio"
    recorded = mock.last
    expected = called_at(provider, base_path(provider) + provider.endpoints["transcriptions"], {})
    assert called_at(provider, recorded.path, {}) == expected
    parts = form(recorded)
    assert parts["file"] == ("audio.wav", "audio/wav", base64.b64decode(wav))
    expected = {"model": model} | (
        {k: v for k, v in models[0].settings.items() if k in ("language", "prompt")} if declared else {}
    )
    assert {name: data.decode() for name, (_, _, data) in parts.items() if name != "file"} == expected
