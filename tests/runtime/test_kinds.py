"""The non-chat kinds: embeddings, rerank, transcription, speech and moderation requests and answers."""

from __future__ import annotations

import base64
import math
import struct

import pytest

from compiler.runtime.kinds import embeddings, moderation, rerank, speech, transcription
from compiler.runtime.errors import ProviderError


def test_embeddings_request(settings) -> None:
    request = embeddings.request("e", ["a", "b"], user="u")
    assert (request.method, request.path) == ("POST", "/embeddings")
    assert request.body == {"model": "e", "input": ["a", "b"], "encoding_format": "float", "user": "u"}
    settings(SEND_USER=False)
    assert "user" not in embeddings.request("e", ["a"], user="u").body


def test_embeddings_come_back_in_input_order_with_usage() -> None:
    payload = {
        "data": [{"index": 1, "embedding": [2]}, {"index": 0, "embedding": [1, 0.5]}],
        "usage": {"total_tokens": 4},
    }
    assert embeddings.parse(payload, 2) == ([[1.0, 0.5], [2.0]], 4)
    assert embeddings.parse({"data": [{"embedding": [1]}]}, 1) == ([[1.0]], None)


@pytest.mark.parametrize(
    "payload,message",
    [
        ({"data": []}, r"expected 1 embeddings \(data\), got 0"),
        ({"data": None}, r"embeddings \(data\) are not a list: null"),
        ({"data": [{"index": 0}]}, "malformed embeddings"),
        ({"data": [{"embedding": ["x"]}]}, "malformed embeddings"),
        ({"error": {"message": "no such model"}}, "no such model"),
    ],
)
def test_embeddings_that_are_wrong(payload, message) -> None:
    with pytest.raises(ProviderError, match=message):
        embeddings.parse(payload, 1)


def test_transcription_upload() -> None:
    wav = transcription.silence(0.01)
    request = transcription.request("whisper-1", wav, {"language": "en", "temperature": 0})
    assert (request.method, request.path, request.body) == ("POST", "/audio/transcriptions", None)
    assert request.form == {"model": "whisper-1", "language": "en", "temperature": "0"}
    assert request.files == {"file": ("audio.wav", wav, "audio/wav")}
    assert transcription.parse({"text": "hi"}) == "hi"
    with pytest.raises(ProviderError, match="transcription has no text"):
        transcription.parse({"words": []})


# ---- embedding settings ------------------------------------------------------------------


def test_embedding_settings_add_dimensions_input_type_and_base64(settings) -> None:
    settings(MODEL_SETTINGS={"v": {"dimensions": 256, "input_type": ("task", "q", "d"), "encoding": "base64"}})
    body = embeddings.request("v", ["a"], input_type="query").body
    assert body == {"model": "v", "input": ["a"], "encoding_format": "base64", "dimensions": 256, "task": "q"}
    assert embeddings.request("v", ["a"], input_type="document").body["task"] == "d"
    assert "task" not in embeddings.request("other", ["a"], input_type="query").body


def test_base64_vectors_are_little_endian_float32() -> None:
    packed = base64.b64encode(struct.pack("<3f", 0.5, -2.0, 1e-3)).decode()
    [vector], _ = embeddings.parse({"data": [{"index": 0, "embedding": packed}]}, 1)
    assert vector == list(struct.unpack("<3f", struct.pack("<3f", 0.5, -2.0, 1e-3)))
    with pytest.raises(ProviderError, match="not float32"):
        embeddings.parse({"data": [{"embedding": base64.b64encode(b"abc").decode()}]}, 1)
    with pytest.raises(ProviderError, match="not base64"):
        embeddings.parse({"data": [{"embedding": "***"}]}, 1)


# ---- embeddings keys from the spec (api.embeddings) ---------------------------------------

OPENAI = dict(input="input", encoding_format="encoding_format", results=("data",), vector="embedding", index="index")
USAGE = (("usage", "prompt_tokens"), ("usage", "total_tokens"))
NOMIC = dict(
    input="texts", encoding_format=None, results=("embeddings",), vector="", index=None, tokens=USAGE, nested=None
)


def test_embeddings_with_openais_keys_are_the_default_call(settings) -> None:
    settings(EMBEDDING=OPENAI | dict(tokens=USAGE, nested=None))
    request = embeddings.request("e", ["a"], "u", "query")
    assert (request.path, request.body) == (
        "/embeddings",
        {"model": "e", "input": ["a"], "encoding_format": "float", "user": "u"},
    )
    answer = {"data": [{"index": 1, "embedding": [2]}, {"index": 0, "embedding": [1]}], "usage": {"total_tokens": 3}}
    assert embeddings.parse(answer, 2) == ([[1.0], [2.0]], 3)


def test_shaped_embeddings_nomic_shape(settings) -> None:
    settings(EMBEDDING=NOMIC, MODEL_SETTINGS={"n": {"input_type": ("task_type", "search_query", "search_document")}})
    request = embeddings.request("n", ["a", "b"], input_type="query")
    assert (request.path, request.body) == (
        "/embeddings",
        {"model": "n", "texts": ["a", "b"], "task_type": "search_query"},
    )
    assert embeddings.request("n", ["a"], input_type="document").body["task_type"] == "search_document"
    answer = {"embeddings": [[0.5, 1], [2, 3]], "usage": {"prompt_tokens": 7, "total_tokens": 7}, "model": "n"}
    assert embeddings.parse(answer, 2) == ([[0.5, 1.0], [2.0, 3.0]], 7)
    assert embeddings.parse({"embeddings": [[1]]}, 1) == ([[1.0]], None)


def test_shaped_embeddings_bare_list_nested_rows_and_token_paths(settings) -> None:
    settings(EMBEDDING=NOMIC | dict(results=(), tokens=()))
    assert embeddings.parse([[1, 2]], 1) == ([[1.0, 2.0]], None)
    rows = dict(results=("output", "vectors"), vector="values", index="n", tokens=(("meta", "billed"), ("usage", "x")))
    settings(EMBEDDING=NOMIC | rows)
    answer = {"output": {"vectors": [{"n": 1, "values": [2]}, {"n": 0, "values": [1]}]}, "meta": {"billed": 9}}
    assert embeddings.parse(answer, 2) == ([[1.0], [2.0]], 9)
    answer["meta"] = {"billed": True}  # a boolean is no count: the next path, then none
    assert embeddings.parse(answer | {"usage": {"x": 4}}, 2)[1] == 4
    assert embeddings.parse(answer, 2)[1] is None


@pytest.mark.parametrize(
    "shape,payload,message",
    [
        ({}, {"embeddings": [[1], [2]]}, r"expected 1 embeddings \(embeddings\), got 2"),
        ({}, {"embeddings": {"0": [1]}}, r"embeddings \(embeddings\) are not a list: \{"),
        ({}, {"vectors": [[1]]}, r"embeddings \(embeddings\) are not a list: null"),
        ({}, {"embeddings": ["***"]}, "not base64"),
        ({}, {"embeddings": [[1, "x"]]}, "malformed embeddings"),
        ({}, {"error": {"message": "no such model"}}, "no such model"),
        ({"results": ()}, {"error": {"message": "quota", "code": "429"}}, "rate_limit.*quota"),
        ({"results": ()}, "text", r"embeddings \(the answer\) are not a list"),
        ({"results": ("out", "rows")}, {"out": [1]}, "expected a JSON object"),
        ({"vector": "v"}, {"embeddings": [{"w": [1]}]}, "malformed embeddings.*'v'"),
        ({"vector": "v", "index": "i"}, {"embeddings": [{"v": [1], "i": 1}]}, "do not number the 1 texts"),
        ({"vector": "v", "index": "i"}, {"embeddings": [{"v": [1], "i": True}]}, "do not number the 1 texts"),
        ({"vector": "v", "index": "i"}, {"embeddings": [{"v": [1], "i": "0"}]}, "do not number the 1 texts"),
    ],
)
def test_shaped_embeddings_that_are_wrong(settings, shape, payload, message) -> None:
    settings(EMBEDDING=NOMIC | shape)
    with pytest.raises(ProviderError, match=message):
        embeddings.parse(payload, 1)


def test_rows_without_their_index_keep_input_order_unless_some_have_one(settings) -> None:
    settings(EMBEDDING=NOMIC | dict(vector="v", index="i"))
    assert embeddings.parse({"embeddings": [{"v": [1]}, {"v": [2]}]}, 2) == ([[1.0], [2.0]], None)
    with pytest.raises(ProviderError, match="malformed embeddings.*'i'"):
        embeddings.parse({"embeddings": [{"v": [1]}, {"v": [2], "i": 0}]}, 2)


VOYAGE_CONTEXT = OPENAI | dict(input="inputs", tokens=(("usage", "total_tokens"),), nested="data")


def test_a_models_own_endpoint_and_keys_send_each_text_as_a_document_and_read_nested_rows(settings) -> None:
    own = {"endpoint": "/contextualizedembeddings", "embedding": VOYAGE_CONTEXT, "encoding": "base64"}
    settings(EMBEDDING=OPENAI | dict(tokens=USAGE, nested=None), MODEL_SETTINGS={"ctx": own})
    request = embeddings.request("ctx", ["a", "b"], input_type="query")
    assert (request.path, request.body) == (
        "/contextualizedembeddings",
        {"model": "ctx", "inputs": [["a"], ["b"]], "encoding_format": "base64"},
    )
    assert embeddings.request("plain", ["a"]).path == "/embeddings"  # the spec's call for the others
    groups = [
        {"index": 1, "data": [{"index": 0, "embedding": [2]}]},
        {"index": 0, "data": [{"index": 0, "embedding": [1]}]},
    ]
    assert embeddings.parse({"data": groups, "usage": {"total_tokens": 6}}, 2, "ctx") == ([[1.0], [2.0]], 6)
    with pytest.raises(ProviderError, match="malformed embeddings.*one row"):
        embeddings.parse({"data": [{"index": 0, "data": []}]}, 1, "ctx")
    with pytest.raises(ProviderError, match="malformed embeddings"):
        embeddings.parse({"data": [{"index": 0, "embedding": [1]}]}, 1, "ctx")  # flat rows: not this call's
    assert embeddings.parse({"data": [{"index": 0, "embedding": [1]}]}, 1, "plain") == ([[1.0]], None)


def test_shaped_embeddings_indices_must_number_every_text_once(settings) -> None:
    settings(EMBEDDING=NOMIC | dict(vector="v", index="i"))
    with pytest.raises(ProviderError, match="do not number the 2 texts"):
        embeddings.parse({"embeddings": [{"v": [1], "i": 0}, {"v": [2], "i": 0}]}, 2)


# ---- rerank shapes -----------------------------------------------------------------------

JINA = dict(query="query", documents="documents", top_n="top_n", results=("results",), index="index", text=None)


def test_rerank_default_shape_is_jina_and_cohere() -> None:
    request = rerank.request("r", "q", ["a", "b"], top_n=1)
    assert (request.path, request.body) == (
        "/rerank",
        {"model": "r", "query": "q", "documents": ["a", "b"], "top_n": 1},
    )
    assert "top_n" not in rerank.request("r", "q", ["a"]).body
    answer = {"results": [{"index": 1, "relevance_score": 0.2}, {"index": 0, "relevance_score": 0.9}]}
    assert rerank.parse(answer, 2) == [(0, 0.9), (1, 0.2)]


def test_rerank_voyage_shape(settings) -> None:
    shape = JINA | dict(top_n="top_k", results=("data",), score="relevance_score", transform="none")
    settings(RERANK=shape)
    assert rerank.request("rerank-2", "q", ["a"], top_n=3).body == {
        "model": "rerank-2",
        "query": "q",
        "documents": ["a"],
        "top_k": 3,
    }
    assert rerank.parse({"object": "list", "data": [{"index": 0, "relevance_score": 0.4}]}, 1) == [(0, 0.4)]


def test_rerank_tei_shape_bare_list_of_logits(settings) -> None:
    settings(RERANK=JINA | dict(documents="texts", top_n=None, results=(), score="score", transform="sigmoid"))
    assert rerank.request("tei", "q", ["a", "b"], top_n=1).body == {"model": "tei", "query": "q", "texts": ["a", "b"]}
    ranked = rerank.parse([{"index": 0, "score": -2.0}, {"index": 1, "score": 3.0}], 2)
    assert [i for i, _ in ranked] == [1, 0]
    assert [score for _, score in ranked] == pytest.approx([1 / (1 + math.exp(-3.0)), 1 / (1 + math.exp(2.0))])
    assert rerank.parse([{"index": 0, "score": -1000.0}], 1) == [(0, 0.0)]  # no overflow


def test_rerank_nested_results_and_errors(settings) -> None:
    settings(RERANK=JINA | dict(results=("output", "results"), score="relevance_score", transform="none"))
    assert rerank.parse({"output": {"results": [{"index": 0, "relevance_score": 1}]}}, 1) == [(0, 1.0)]
    with pytest.raises(ProviderError, match=r"rerank results \(output.results\) are not a list"):
        rerank.parse({"output": {}}, 1)
    with pytest.raises(ProviderError, match="expected a JSON object"):
        rerank.parse({"output": [1]}, 1)
    with pytest.raises(ProviderError, match="rate_limit.*slow"):
        rerank.parse({"error": {"message": "slow", "code": "429"}}, 1)
    for bad in ({"index": True, "relevance_score": 1}, {"index": 0, "relevance_score": "1"}, {"index": 0}):
        with pytest.raises(ProviderError, match="malformed rerank result"):
            rerank.parse({"output": {"results": [bad]}}, 1)


NVIDIA = JINA | dict(documents="passages", top_n=None, results=("rankings",), score="logit", transform="sigmoid")


def test_a_rerank_models_own_url_and_keys_wrap_each_text(settings) -> None:
    url = "https://ai.api.nvidia.com/v1/retrieval/nvidia/reranking"
    own = {"endpoint": url, "rerank": NVIDIA | dict(text="text")}
    settings(
        MODEL_SETTINGS={"nv-rerank-qa-mistral-4b:1": own}, RERANK=JINA | dict(score="relevance_score", transform="none")
    )
    request = rerank.request("nv-rerank-qa-mistral-4b:1", "q", ["a", "b"], top_n=1)
    assert (request.path, request.body) == (
        url,
        {"model": "nv-rerank-qa-mistral-4b:1", "query": {"text": "q"}, "passages": [{"text": "a"}, {"text": "b"}]},
    )
    ranked = rerank.parse(
        {"rankings": [{"index": 1, "logit": 2.0}, {"index": 0, "logit": -1.0}]}, 2, "nv-rerank-qa-mistral-4b:1"
    )
    assert ranked == [(1, pytest.approx(1 / (1 + math.exp(-2.0)))), (0, pytest.approx(1 / (1 + math.exp(1.0))))]
    assert rerank.request("other", "q", ["a"], top_n=1).body == {
        "model": "other",
        "query": "q",
        "documents": ["a"],
        "top_n": 1,
    }
    with pytest.raises(ProviderError, match=r"rerank results \(results\) are not a list"):
        rerank.parse({"rankings": []}, 1, "other")  # the spec's shape for a model without its own


# ---- speech, moderation, audio sniffing --------------------------------------------------


def test_speech_splits_at_sentence_ends_under_the_limit() -> None:
    text = "One two three. Four five six! Seven eight? 九十。Eleven"
    parts = speech.split(text, 20)
    assert all(len(p) <= 20 for p in parts) and parts[0] == "One two three."
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")
    assert speech.split("word " * 10, 12) == ["word word", "word word", "word word", "word word", "word word"]
    assert speech.split("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert speech.split("  ", 10) == []


def test_speech_default_call_is_openais_and_the_answer_is_the_audio() -> None:
    request = speech.request("tts-1", "Hi.", "alloy", "mp3")
    assert (request.path, request.body) == (
        "/audio/speech",
        {"model": "tts-1", "input": "Hi.", "voice": "alloy", "response_format": "mp3"},
    )
    assert request.headers == {"Accept": "audio/*, application/json"} and not speech.in_json()


MINIMAX_SPEECH = {
    "input": "text",
    "voice": "voice_setting.voice_id",
    "format": "audio_setting.format",
    "audio": ("data", "audio"),
    "encoding": "hex",
}


def test_speech_under_the_specs_keys_with_the_audio_in_json(settings) -> None:
    fixed = {
        "stream": False,
        "voice_setting": {"speed": 1, "vol": 1, "pitch": 0},
        "audio_setting": {"sample_rate": 32000},
    }
    settings(SPEECH=MINIMAX_SPEECH, MODEL_SETTINGS={"speech-02-hd": {"body": fixed}})
    request = speech.request("speech-02-hd", "你好。", "male-qn-qingse", "mp3")
    assert request.body == {
        "model": "speech-02-hd",
        "text": "你好。",
        "stream": False,
        "voice_setting": {"voice_id": "male-qn-qingse", "speed": 1, "vol": 1, "pitch": 0},
        "audio_setting": {"format": "mp3", "sample_rate": 32000},
    }
    assert request.headers == {"Accept": "application/json"} and speech.in_json()
    answer = {"data": {"audio": b"\xff\xfb\x00ID3".hex(), "status": 2}, "base_resp": {"status_code": 0}}
    assert speech.parse(answer) == b"\xff\xfb\x00ID3"
    for bad, message in (({"data": {}}, "no audio at data.audio"), ({"data": {"audio": "xyz"}}, "not hex")):
        with pytest.raises(ProviderError, match=message):
            speech.parse(bad)
    settings(SPEECH=MINIMAX_SPEECH | {"encoding": "base64"})
    assert speech.parse({"data": {"audio": "//s="}}) == b"\xff\xfb"


def test_moderation_flags_any_category() -> None:
    assert moderation.chunks("abcdefg", 3) == ["abc", "def", "g"] and moderation.chunks("", 3) == [""]
    assert moderation.request("m", ["a"]).body == {"model": "m", "input": ["a"]}
    assert moderation.parse({"results": [{"flagged": False, "categories": {"hate": True}}]}, 1) is True
    assert moderation.parse({"results": [{"flagged": True}]}, 1) is True
    assert moderation.parse({"results": [{"flagged": False, "categories": {"hate": False}}]}, 1) is False
    # Mistral's results carry no `flagged`: the categories decide.
    mistral = {"categories": {"hate_and_discrimination": True, "pii": False}, "category_scores": {"pii": 0.01}}
    assert moderation.parse({"results": [mistral]}, 1) is True
    assert moderation.parse({"results": [mistral | {"categories": {"pii": False}}]}, 1) is False
    for malformed in ({"category_scores": {"pii": 0.9}}, {"flagged": "yes", "categories": {}}, "flagged"):
        with pytest.raises(ProviderError, match="malformed moderation result"):
            moderation.parse({"results": [malformed]}, 1)
    with pytest.raises(ProviderError, match="expected 2 moderation results"):
        moderation.parse({"results": [{"flagged": False}]}, 2)
    with pytest.raises(ProviderError, match="malformed moderation result"):
        moderation.parse({"results": [{"flagged": "no"}]}, 1)


@pytest.mark.parametrize(
    "head,name",
    [
        (transcription.silence(0.01)[:16], "wav"),
        (b"ID3\x03", "mp3"),
        (b"\xff\xfb\x90", "mp3"),
        (b"OggS\x00", "ogg"),
        (b"fLaC", "flac"),
        (b"\x1aE\xdf\xa3", "webm"),
        (b"\x00\x00\x00\x20ftypM4A ", "m4a"),
        (b"RIFF\x00\x00\x00\x00AVI ", "mp3"),
        (b"", "mp3"),
    ],
)
def test_audio_is_named_by_its_bytes(head: bytes, name: str) -> None:
    assert transcription.sniff(head)[0] == name
