"""Every model kind beyond chat through the real dify-plugin SDK (`python -m main`, the SDK's own
dispatch of each action): exact results, the request the provider received, typed errors, model
schemas and credential checks, against the loopback mock."""

from __future__ import annotations

import base64
import binascii
import struct

import pytest

from compiler.model import ModelInfo, Provider
from compiler.runtime.kinds import transcription
from compiler.runtime.parameters import merged, put
from tests.conformance.expect import assert_auth, closed_port
from tests.conformance.hosts import KEY
from tests.conformance.protocols import embedding_answer, embedding_of, own_call
from tests.integration.mock_server import MockServer, Reply, form

# Checks of the spec as a whole, not repeated for each protocol its chat models speak (specs.py: VIEW).
WHOLE_SPEC = True

PROTOCOLS = ("openai_chat",)  # the other kinds' wire is OpenAI's; gemini's embeddings: test_embeddings.py


def model_of(provider: Provider, kind: str, last: bool = False) -> ModelInfo:
    models = provider.models_of(kind)
    if not models:
        pytest.skip(f"spec has no {kind} models")
    return models[-1] if last else models[0]


def call(dify, provider: Provider, mock: MockServer, action: str, model: ModelInfo, **data):
    credentials = data.pop("credentials", None) or dify.credentials()
    return dify.request(
        action,
        user_id="u1",
        provider=provider.name,
        model_type=model.type,
        model=model.name,
        credentials=credentials,
        **data,
    )


def path(provider: Provider, kind: str, model: ModelInfo | None = None) -> str:
    return own_call(provider, model, kind)


# ---- rerank ------------------------------------------------------------------------------

DOCS = ["Paris is the capital of France.", "Bananas are yellow.", "Lyon is in France.", "The sky is blue."]


def rerank_of(provider: Provider, model: ModelInfo) -> dict:
    """The rerank call's keys of `model`: its own, else the spec's (api.rerank)."""
    return model.settings.get("rerank") or provider.api.rerank


def ranking(provider: Provider, model: ModelInfo, scores: list[tuple[int, float]]) -> Reply:
    """A rerank answer in the model's shape: (index, score) rows under its keys and path."""
    shape = rerank_of(provider, model)
    answer: object = [{shape["index"]: index, shape["score"]: score} for index, score in scores]
    for key in reversed(shape["results"]):
        answer = {key: answer}
    return Reply(json=answer)


def ranking_body(provider: Provider, model: ModelInfo, query: str, top_n: int | None) -> dict:
    """The body the model's rerank call sends: its keys, the model's wire id and fixed fields."""
    shape = rerank_of(provider, model)
    wrap = (lambda text: {shape["text"]: text}) if shape["text"] else (lambda text: text)
    body = {
        "model": model.settings.get("api_id", model.name),
        shape["query"]: wrap(query),
        shape["documents"]: [wrap(doc) for doc in DOCS],
    }
    if top_n is not None and shape["top_n"]:
        body[shape["top_n"]] = top_n
    return body | dict(model.settings.get("body") or {})


def test_rerank_in_rank_order_with_threshold_and_top_n(dify, provider, mock):
    model = model_of(provider, "rerank")
    if rerank_of(provider, model)["transform"] != "none":
        pytest.skip("the provider's scores are transformed; the scores below are relevances")
    mock.expect(ranking(provider, model, [(2, 0.61), (0, 0.93), (3, 0.05), (1, 0.12)]))
    outcome = call(
        dify, provider, mock, "invoke_rerank", model, query="French cities", docs=DOCS, score_threshold=0.1, top_n=3
    )
    assert outcome.error is None, outcome.message
    assert outcome.items == [
        {
            "model": model.name,
            "docs": [
                {"index": 0, "text": DOCS[0], "score": 0.93},
                {"index": 2, "text": DOCS[2], "score": 0.61},
                {"index": 1, "text": DOCS[1], "score": 0.12},
            ],
        }
    ]
    assert mock.last.path == path(provider, "rerank", model)
    assert mock.last.body == ranking_body(provider, model, "French cities", 3)
    assert_auth(provider, mock.last)


def test_rerank_top_n_is_honoured_when_the_provider_ignores_it(dify, provider, mock):
    model = model_of(provider, "rerank")
    mock.expect(ranking(provider, model, [(i, 1 - i / 10) for i in range(len(DOCS))]))
    outcome = call(dify, provider, mock, "invoke_rerank", model, query="q", docs=DOCS, score_threshold=None, top_n=1)
    assert [d["index"] for d in outcome.items[0]["docs"]] == [0]


def test_rerank_without_documents_calls_nothing(dify, provider, mock):
    model = model_of(provider, "rerank")
    outcome = call(dify, provider, mock, "invoke_rerank", model, query="q", docs=[], score_threshold=None, top_n=None)
    assert outcome.items == [{"model": model.name, "docs": []}] and mock.requests == []


def test_rerank_result_out_of_range_is_the_servers_fault(dify, provider, mock):
    model = model_of(provider, "rerank")
    mock.expect(ranking(provider, model, [(9, 0.5)]))
    outcome = call(dify, provider, mock, "invoke_rerank", model, query="q", docs=DOCS, score_threshold=None, top_n=None)
    assert outcome.error_type == "InvokeServerUnavailableError"
    assert "malformed rerank result" in outcome.message


# ---- speech2text -------------------------------------------------------------------------


def test_speech2text_uploads_the_audio_as_it_is(dify, provider, mock):
    model = model_of(provider, "speech2text")
    audio = transcription.silence(0.25)
    mock.expect(Reply(json={"text": "Hello from the mock."}))
    outcome = call(dify, provider, mock, "invoke_speech2text", model, file=binascii.hexlify(audio).decode())
    assert outcome.error is None, outcome.message
    assert outcome.items == [{"result": "Hello from the mock."}]
    assert mock.last.path == path(provider, "transcriptions")
    parts = form(mock.last)
    assert parts["file"] == ("audio.wav", "audio/wav", audio)
    assert parts["model"][2].decode() == model.name
    for key in ("language", "prompt"):
        if model.settings.get(key):
            assert parts[key][2].decode() == model.settings[key]
    assert_auth(provider, mock.last)


def test_speech2text_names_mp3_audio_by_its_bytes(dify, provider, mock):
    model = model_of(provider, "speech2text")
    audio = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(64)
    mock.expect(Reply(json={"text": ""}))
    outcome = call(dify, provider, mock, "invoke_speech2text", model, file=audio.hex())
    assert outcome.items == [{"result": ""}]
    assert form(mock.last)["file"] == ("audio.mp3", "audio/mpeg", audio)


# ---- tts ---------------------------------------------------------------------------------

SENTENCES = " ".join(f"Sentence number {i} is here to be spoken aloud." for i in range(30))


def speech_answer(provider: Provider, audio: bytes, gap: float = 0.0) -> Reply:
    """An answer of the spec's speech call: the audio itself in pieces of at most 700 bytes, or a JSON
    answer holding it where api.speech says (MiniMax's hex under data.audio)."""
    shape = provider.api.speech
    if not shape["audio"]:
        return Reply(audio=[audio[i : i + 700] for i in range(0, len(audio), 700)], gap=gap)
    answer: object = audio.hex() if shape["encoding"] == "hex" else base64.b64encode(audio).decode()
    for key in reversed(shape["audio"]):
        answer = {key: answer}
    return Reply(json=answer)


def said(body: dict, key: str | None) -> object:
    """The value at a dotted body key (None: the key is not sent)."""
    for part in (key or "").split("."):
        body = body.get(part) if isinstance(body, dict) else None
    return body


def test_tts_streams_audio_as_it_arrives_in_parts_under_the_word_limit(dify, provider, mock):
    model = model_of(provider, "tts")
    shape, limit = provider.api.speech, model.properties["word_limit"]
    text = " ".join([SENTENCES] * (1 + 2 * limit // len(SENTENCES)))  # at least three parts
    expected_parts = -(-len(text) // limit)  # at least this many requests
    pieces = [bytes([n]) * 700 + bytes([n + 100]) * 300 for n in range(expected_parts + 3)]
    mock.expect(*(speech_answer(provider, p, gap=0.05) for p in pieces))
    outcome = call(dify, provider, mock, "invoke_tts", model, content_text=text, voice="no-such-voice", tenant_id="t1")
    assert outcome.error is None, outcome.message
    sent = [said(r.body, shape["input"]) for r in mock.requests]
    assert len(sent) >= expected_parts and all(len(part) <= limit for part in sent)
    assert all(part.endswith(".") for part in sent)
    assert " ".join(sent) == text
    assert {said(r.body, shape["voice"]) for r in mock.requests} == {model.properties["default_voice"]}
    assert {said(r.body, shape["format"]) for r in mock.requests} == {
        model.properties["audio_type"] if shape["format"] else None
    }
    assert {r.body["model"] for r in mock.requests} == {model.name}
    audio = b"".join(binascii.unhexlify(item["result"]) for item in outcome.items)
    assert audio == b"".join(pieces[: len(sent)])
    # each piece passed on as it comes, never the whole text's audio at once (a JSON answer: each part's)
    assert len(outcome.items) >= (1 if shape["audio"] else 2) * len(sent)
    assert {item["mime_type"] for item in outcome.items} == {"audio/mpeg"}
    assert mock.last.path == path(provider, "speech")
    assert_auth(provider, mock.last)


def test_tts_uses_the_voice_asked_for(dify, provider, mock):
    model = model_of(provider, "tts")
    shape, voice = provider.api.speech, model.properties["voices"][-1]["mode"]
    mock.expect(speech_answer(provider, b"\xff\xfb" + bytes(100)))
    outcome = call(dify, provider, mock, "invoke_tts", model, content_text="Hi.", voice=voice, tenant_id="t1")
    assert outcome.error is None, outcome.message
    assert binascii.unhexlify(outcome.items[0]["result"]) == b"\xff\xfb" + bytes(100)
    expected: dict = {"model": model.name}
    for key, value in ((shape["input"], "Hi."), (shape["voice"], voice), (shape["format"], "mp3")):
        if key:
            put(expected, key, value)
    assert mock.last.body == merged(model.settings.get("body") or {}, expected)


def test_tts_json_instead_of_audio_is_an_error(dify, provider, mock):
    model = model_of(provider, "tts")
    mock.expect(Reply(json={"error": {"message": "voice not found", "code": "invalid_voice"}}))
    outcome = call(dify, provider, mock, "invoke_tts", model, content_text="Hi.", voice="", tenant_id="t1")
    assert outcome.error is not None and "voice not found" in outcome.message


def test_tts_voices_by_language(dify, provider, mock):
    model = model_of(provider, "tts")
    voices = model.properties["voices"]
    language = voices[-1]["language"][0]
    outcome = call(dify, provider, mock, "get_tts_model_voices", model, language=language)
    expected = [{"name": v["name"], "value": v["mode"]} for v in voices if language in v["language"]]
    assert outcome.items == [{"voices": expected}]
    assert call(dify, provider, mock, "get_tts_model_voices", model, language="xx-XX").items == [{"voices": []}]


# ---- moderation --------------------------------------------------------------------------


def test_moderation_chunks_long_text_and_flags_any_category(dify, provider, mock):
    model = model_of(provider, "moderation")
    size, per_request = model.properties["max_characters_per_chunk"], model.properties["max_chunks"]
    text = "".join(chr(ord("a") + n % 26) for n in range(size * (per_request + 2) + 5))
    count = -(-len(text) // size)
    safe = {"flagged": False, "categories": {"violence": False}, "category_scores": {"violence": 0.01}}
    unsafe = {"flagged": False, "categories": {"violence": True}, "category_scores": {"violence": 0.9}}
    # per_request chunks a request, the rest in the last one; only the very last chunk is unsafe
    batches = [min(per_request, count - start) for start in range(0, count, per_request)]
    results = [[safe] * n for n in batches]
    results[-1][-1] = unsafe
    mock.expect(*(Reply(json={"id": f"m{n}", "model": model.name, "results": r}) for n, r in enumerate(results)))
    outcome = call(dify, provider, mock, "invoke_moderation", model, text=text)
    assert outcome.items == [{"result": True}]
    inputs = [r.body["input"] for r in mock.requests]
    assert len(batches) >= 2 and [len(i) for i in inputs] == batches
    assert "".join(sum(inputs, [])) == text and max(len(c) for c in sum(inputs, [])) == size
    assert mock.last.path == path(provider, "moderations")


def test_moderation_safe_text(dify, provider, mock):
    model = model_of(provider, "moderation")
    mock.expect(Reply(json={"results": [{"flagged": False, "categories": {"hate": False}}]}))
    outcome = call(dify, provider, mock, "invoke_moderation", model, text="Hello there.")
    assert outcome.items == [{"result": False}]
    assert mock.last.body == {"model": model.name, "input": ["Hello there."]}


def test_moderation_answers_without_flagged_as_mistral_sends_them(dify, provider, mock):
    """Mistral's results carry only categories and category_scores: a category set is unsafe."""
    model = model_of(provider, "moderation")
    scores = {"sexual": 0.001, "hate_and_discrimination": 0.97}
    safe = {"categories": {"sexual": False, "hate_and_discrimination": False}, "category_scores": scores}
    unsafe = {"categories": {"sexual": False, "hate_and_discrimination": True}, "category_scores": scores}
    for result, verdict in ((safe, False), (unsafe, True)):
        mock.expect(Reply(json={"id": "mod-1", "model": model.name, "results": [result]}))
        outcome = call(dify, provider, mock, "invoke_moderation", model, text="Hello there.")
        assert outcome.error is None, outcome.message
        assert outcome.items == [{"result": verdict}]


# ---- text-embedding extras ---------------------------------------------------------------


def embedding_with(provider: Provider, setting: str) -> ModelInfo:
    found = [m for m in provider.models_of("text-embedding") if m.settings.get(setting)]
    if not found:
        pytest.skip(f"spec has no embedding model with {setting}")
    return found[0]


def test_base64_embeddings_dimensions_and_input_type(dify, provider, mock):
    model = embedding_with(provider, "encoding")
    vectors = [[0.25, -1.5, 3.0], [1e-3, 2.5, -0.75]]
    shape, packed = embedding_of(provider, model), [base64.b64encode(struct.pack("<3f", *v)).decode() for v in vectors]
    mock.expect(Reply(json=embedding_answer(shape, packed, 4)))
    outcome = call(dify, provider, mock, "invoke_text_embedding", model, texts=["a", "b"], input_type="query")
    assert outcome.error is None, outcome.message
    assert outcome.items[0]["embeddings"] == [list(struct.unpack("<3f", struct.pack("<3f", *v))) for v in vectors]
    body = mock.last.body
    assert body[shape["encoding_format"]] == "base64"
    assert body.get("dimensions") == model.settings.get("dimensions")
    key, query, document = model.settings.get("input_type") or (None, None, None)
    if key:
        assert body[key] == query
        mock.expect(Reply(json=embedding_answer(shape, packed[:1], 1)))
        call(dify, provider, mock, "invoke_text_embedding", model, texts=["a"], input_type="document")
        assert mock.last.body[key] == document


def test_dify_input_type_goes_as_the_models_field(dify, provider, mock):
    """Dify's query or document, as the value the model's input_type names, under its key."""
    model = embedding_with(provider, "input_type")
    key, *values = model.settings["input_type"]
    for input_type, value in zip(("query", "document"), values):
        shape = embedding_of(provider, model)
        mock.expect(Reply(json=embedding_answer(shape, [[0.5, 1.0]], 2)))
        outcome = call(dify, provider, mock, "invoke_text_embedding", model, texts=["a"], input_type=input_type)
        assert outcome.error is None, outcome.message
        assert outcome.items[0]["embeddings"] == [[0.5, 1.0]]
        assert mock.last.body[key] == value and mock.last.body[shape["input"]] == sent(shape, ["a"])


def test_a_models_fixed_body_fields(dify, provider, mock):
    model = embedding_with(provider, "body")
    shape = embedding_of(provider, model)
    mock.expect(Reply(json=embedding_answer(shape, [[1.0]])))
    outcome = call(dify, provider, mock, "invoke_text_embedding", model, texts=["a"], input_type="document")
    assert outcome.error is None, outcome.message
    assert mock.last.body | model.settings["body"] == mock.last.body
    assert mock.last.body[shape["input"]] == sent(shape, ["a"]) and mock.last.body["model"] == model.name


def sent(shape: dict, texts: list[str]) -> list:
    """The texts as the call sends them: each a document of its own where the rows nest."""
    return [[text] for text in texts] if shape["nested"] else texts


# ---- models with a call of their own (endpoint, embeddings or rerank keys) ----------------------


def own_calls(provider: Provider) -> list[ModelInfo]:
    own = [m for m in provider.models if {"endpoint", "embedding", "rerank"} & m.settings.keys()]
    if not own:
        pytest.skip("no model has a call of its own")
    return own


def test_every_model_with_a_call_of_its_own_is_called_there_and_read_so(dify, provider, mock):
    """Each such model through Dify: the request at its endpoint with its keys, its answer read in
    its shape (NVIDIA's hosted reranker, Voyage's contextualized embeddings)."""
    for model in own_calls(provider):
        if model.type == "rerank":
            shape = rerank_of(provider, model)
            scores = [(1, 2.0), (0, -1.0)] if shape["transform"] == "sigmoid" else [(1, 0.9), (0, 0.1)]
            mock.expect(ranking(provider, model, scores))
            outcome = call(
                dify, provider, mock, "invoke_rerank", model, query="q", docs=DOCS, score_threshold=None, top_n=2
            )
            assert outcome.error is None, (model.name, outcome.message)
            assert [d["index"] for d in outcome.items[0]["docs"]] == [1, 0]
            assert 0 < outcome.items[0]["docs"][1]["score"] < outcome.items[0]["docs"][0]["score"] <= 1
            assert mock.last.body == ranking_body(provider, model, "q", 2)
        else:
            shape = embedding_of(provider, model)
            mock.expect(Reply(json=embedding_answer(shape, [[1.0, 0.5], [2.0, -0.5]], 6)))
            outcome = call(
                dify, provider, mock, "invoke_text_embedding", model, texts=["a", "b"], input_type="document"
            )
            assert outcome.error is None, (model.name, outcome.message)
            assert outcome.items[0]["embeddings"] == [[1.0, 0.5], [2.0, -0.5]]
            assert mock.last.body[shape["input"]] == sent(shape, ["a", "b"])
        assert mock.last.path == path(provider, model.kind.endpoint, model), model.name
        assert_auth(provider, mock.last)


# ---- every kind: schemas, credentials, typed errors ---------------------------------------

KINDS = ["text-embedding", "rerank", "speech2text", "tts", "moderation"]


def invocation(kind: str) -> tuple[str, dict]:
    return {
        "text-embedding": ("invoke_text_embedding", {"texts": ["a"], "input_type": "document"}),
        "rerank": ("invoke_rerank", {"query": "q", "docs": DOCS, "score_threshold": None, "top_n": None}),
        "speech2text": ("invoke_speech2text", {"file": transcription.silence(0.05).hex()}),
        "tts": ("invoke_tts", {"content_text": "Hello.", "voice": "", "tenant_id": "t1"}),
        "moderation": ("invoke_moderation", {"text": "hello"}),
    }[kind]


GOOD = {
    "speech2text": Reply(json={"text": ""}),
    "tts": Reply(audio=[b"\xff\xfb" + bytes(32)]),
    "moderation": Reply(json={"results": [{"flagged": False, "categories": {}}]}),
}


def good(provider: Provider, kind: str, model: ModelInfo | None = None) -> Reply:
    """A good answer of the kind's call (rerank's, text-embedding's and tts's in the model's shape)."""
    if kind == "tts":
        return speech_answer(provider, b"\xff\xfb" + bytes(32))
    if kind == "text-embedding":
        return Reply(json=embedding_answer(embedding_of(provider, model), ["AACAPw=="]))
    return ranking(provider, model or model_of(provider, kind), [(0, 0.5)]) if kind == "rerank" else GOOD[kind]


FAILURES = {
    "401": (Reply(401, {"error": {"message": "bad key", "code": "invalid_api_key"}}), "InvokeAuthorizationError"),
    "429": (Reply(429, {"error": {"message": "slow down"}}), "InvokeRateLimitError"),
    "503": (Reply(503, {"error": {"message": "overloaded"}}), "InvokeServerUnavailableError"),
    "non-json": (Reply(200, raw=b"<html>gateway</html>", content_type="text/html"), "InvokeServerUnavailableError"),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("failure", [*FAILURES, "refused"])
def test_every_kind_types_its_errors(dify, provider, mock, kind, failure):
    model = model_of(provider, kind)
    action, data = invocation(kind)
    credentials = dify.credentials()
    if failure == "refused":
        credentials[provider.api.base_url_variable] = f"http://127.0.0.1:{closed_port()}/v1"
        expected = "InvokeConnectionError"
    else:
        reply, expected = FAILURES[failure]
        if failure == "non-json" and kind == "tts":
            pytest.skip("a tts answer is any bytes")
        mock.expect(reply)
    outcome = call(dify, provider, mock, action, model, credentials=credentials, **data)
    assert outcome.error_type == expected, outcome.error
    assert KEY not in outcome.message


@pytest.mark.concurrent
def test_every_kind_times_out_as_a_connection_error(dify, provider, mock):
    """All at once, as the daemon would send them: each waits out the read timeout."""
    kinds = [kind for kind in KINDS if provider.models_of(kind)]
    if not kinds:
        pytest.skip("spec has only llm models")
    requests = []
    for kind in kinds:
        action, data = invocation(kind)
        model = provider.models_of(kind)[0]
        requests.append((action, dict(user_id="u1", provider=provider.name, model_type=kind, model=model.name) | data))
        requests[-1][1]["credentials"] = dify.credentials()
        mock.expect(Reply(delay=3.5, json={}))
    outcomes = dify.burst(requests)
    assert [o.error_type for o in outcomes] == ["InvokeConnectionError"] * len(kinds), [o.error for o in outcomes]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_checks_credentials_with_a_call_of_its_own(dify, provider, mock, kind):
    model = model_of(provider, kind)
    mock.expect(good(provider, kind, model))
    outcome = call(dify, provider, mock, "validate_model_credentials", model)
    assert outcome.error is None, outcome.message
    assert outcome.items == [{"result": True, "credentials": dify.credentials()}]
    assert mock.last.path == path(provider, model.kind.endpoint, model)
    mock.expect(Reply(401, {"error": {"message": "bad key"}}))
    outcome = call(dify, provider, mock, "validate_model_credentials", model)
    assert outcome.error_type == "CredentialsValidateFailedError" and "bad key" in outcome.message


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_its_schema(dify, provider, mock, kind):
    model = model_of(provider, kind, last=True)
    outcome = call(dify, provider, mock, "get_ai_model_schemas", model)
    assert outcome.error is None, outcome.message
    schema = outcome.items[0]["model_schema"]
    assert schema["model"] == model.name and schema["model_type"] == kind
    expected = model.properties or {"context_size": model.context_size, "max_chunks": model.max_chunks}
    assert schema["model_properties"] == expected


# ---- failures a 2xx answer reports in its body (errors.in_body) ----------------------------------

DIFY_ERRORS = {
    "authorization": "InvokeAuthorizationError",
    "rate_limit": "InvokeRateLimitError",
    "bad_request": "InvokeBadRequestError",
    "server_unavailable": "InvokeServerUnavailableError",
}


@pytest.mark.parametrize("kind", ["text-embedding", "rerank", "tts"])
def test_a_failure_a_2xx_answer_reports_in_its_body_is_typed_by_its_code(dify, provider, mock, kind):
    """MiniMax answers 200 with base_resp.status_code 1004 for a bad key: each such code, as its kind."""
    if provider.errors.in_body is None:
        pytest.skip("the spec's answers report no failure in their body")
    model = model_of(provider, kind)
    code_at, _, message_at = provider.errors.in_body
    action, data = invocation(kind)
    for code, error_kind in provider.errors.codes.items():
        if not code.isdigit():
            continue
        answer: dict = {}
        put(answer, ".".join(code_at), int(code))
        if message_at:
            put(answer, ".".join(message_at), f"failure {code}")
        mock.expect(Reply(json=answer))
        outcome = call(dify, provider, mock, action, model, **data)
        assert outcome.error_type == DIFY_ERRORS[error_kind], (code, outcome.error)
        if message_at and error_kind != "authorization":  # Dify words an authorization failure itself
            assert f"failure {code}" in outcome.message, outcome.message
