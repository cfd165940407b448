"""specs/bedrock.yaml's model families on the runtime: `model_name` (controls: model) picks the
Bedrock id, `cross-region` (controls: profile) its inference-profile prefix from the region, among the
profiles api.profiles gives the id; a host that sends neither gets the family's defaults. Then the
cache checkpoint of the latest two user turns, and the InvokeModel embedding and Rerank calls of each
family, with their answers read."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from compiler.load import load_spec
from compiler.lower import lower
from compiler.runtime import http
from compiler.runtime.errors import ProviderError
from compiler.runtime.kinds import bedrock_embeddings, bedrock_rerank
from compiler.runtime.protocols import bedrock_converse
from tests.conformance.specs import ROOT

PROVIDER = lower(load_spec(ROOT / "specs" / "bedrock.yaml"))
HI = [{"role": "user", "content": "Hi"}]


@pytest.fixture(autouse=True)
def bedrock(settings) -> None:
    """The runtime configured as the bedrock plugin's config.py is."""
    settings(
        PARAMETERS=PROVIDER.parameters,
        MODEL_SETTINGS={m.name: m.settings for m in PROVIDER.models},
        PROFILES=PROVIDER.api.profiles,
        PROTOCOL="bedrock_converse",
        ENDPOINTS=PROVIDER.api.endpoints,
        AUTH=("aws_sigv4", "bedrock", ""),
    )


def sent_id(family: str, region: str = "us-east-1", **parameters: object) -> str:
    """The model id a chat request of `family` names in its path, from `region`."""
    settings = {**http.model_settings(family), "region": region}
    request = bedrock_converse.chat_request(family, HI, parameters, settings=settings)
    return unquote(request.path.split("/model/", 1)[1].rsplit("/", 1)[0])


SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0"
HAIKU_3 = "anthropic.claude-3-haiku-20240307-v1:0"


@pytest.mark.parametrize(
    "rule, region, expected",
    [
        ("disabled", "us-east-1", HAIKU_3),
        ("geographic", "us-west-2", "us." + HAIKU_3),
        ("geographic", "eu-central-1", "eu." + HAIKU_3),
        ("geographic", "ap-northeast-1", "apac." + HAIKU_3),  # Tokyo's geography is apac, not jp
        ("global", "us-east-1", "global." + HAIKU_3),
        ("global", "eu-central-1", "eu." + HAIKU_3),  # global only from the regions the plugin lists
    ],
)
def test_each_rule_prefixes_the_picked_id_by_the_region(rule: str, region: str, expected: str) -> None:
    assert sent_id("anthropic claude", region, model_name="Claude 3 Haiku", **{"cross-region": rule}) == expected


def test_japan_needs_a_japanese_region_and_a_model_with_a_jp_profile() -> None:
    assert sent_id("anthropic claude", "ap-northeast-3", **{"cross-region": "japan"}) == "jp." + SONNET_45
    with pytest.raises(ProviderError, match="tried: jp; the model has: the bare id, us, eu, apac, global"):
        sent_id("anthropic claude", "ap-northeast-1", model_name="Claude 3 Haiku", **{"cross-region": "japan"})
    with pytest.raises(ProviderError, match="from us-east-1 .tried: none"):
        sent_id("anthropic claude", "us-east-1", **{"cross-region": "japan"})


def test_a_model_without_profiles_is_sent_bare_whatever_the_rule() -> None:
    for rule in ("disabled", "geographic", "global"):
        assert (
            sent_id("deepseek", "us-east-1", model_name="DeepSeek V3.1", **{"cross-region": rule}) == "deepseek.v3-v1:0"
        )
    assert sent_id("deepseek", "eu-west-1", model_name="DeepSeek R1", **{"cross-region": "global"}) == (
        "global.deepseek.r1-v1:0"
    )


def test_claude_5_is_served_through_profiles_only() -> None:
    def five(region: str, rule: str, name: str = "Opus 5") -> str:
        return sent_id("anthropic claude 5", region, model_name=name, **{"cross-region": rule})

    assert five("eu-central-1", "global") == "global.anthropic.claude-opus-5"  # from any commercial region
    assert five("ap-southeast-2", "geographic") == "au.anthropic.claude-opus-5"
    assert five("ca-central-1", "geographic") == "us.anthropic.claude-opus-5"
    with pytest.raises(ProviderError, match="tried: apac; the model has: us, eu, au, global"):
        five("ap-northeast-1", "geographic")
    with pytest.raises(ProviderError, match="the model has: us, global"):
        five("eu-west-1", "geographic", "Fable 5")
    with pytest.raises(ProviderError, match="from us-gov-west-1"):
        five("us-gov-west-1", "global")


def test_a_host_that_sends_no_selects_gets_the_familys_defaults() -> None:
    assert sent_id("anthropic claude") == "global." + SONNET_45  # default Claude 4.5 Sonnet, global
    assert sent_id("amazon nova", "eu-west-3") == "eu.amazon.nova-2-lite-v1:0"  # Nova Lite V2, geographic
    assert sent_id("mistral") == "mistral.mistral-large-2402-v1:0"  # no cross-region select
    assert sent_id("us.meta.llama3-1-8b-instruct-v1:0") == "us.meta.llama3-1-8b-instruct-v1:0"  # an id of its own


def test_the_credential_check_calls_the_familys_default_model() -> None:
    settings = {**http.model_settings("amazon nova"), "region": "us-east-1"}
    request = bedrock_converse.validation_request("amazon nova", True, settings)
    assert unquote(request.path) == "/model/us.amazon.nova-2-lite-v1:0/converse"


def test_the_family_parameters_go_where_converse_takes_them() -> None:
    settings = {**http.model_settings("anthropic claude"), "region": "us-east-1"}
    parameters = {"reasoning_type": True, "reasoning_budget": 2048, "temperature": 0.5, "top_k": 40}
    parameters |= {"anthropic_beta": "context-1m-2025-08-07", "max_tokens": 9000}
    body = bedrock_converse.chat_request("anthropic claude", HI, parameters, settings=settings).body
    assert body["additionalModelRequestFields"] == {
        "thinking": {"type": "enabled", "budget_tokens": 2048},
        "top_k": 40,
        "anthropic_beta": ["context-1m-2025-08-07"],
    }
    assert body["inferenceConfig"] == {"maxTokens": 9000}  # no temperature while thinking
    betas = {"anthropic_beta": " context-1m-2025-08-07, interleaved-thinking-2025-05-14 ,"}
    sent = bedrock_converse.chat_request("anthropic claude", HI, betas, settings=settings).body
    assert sent["additionalModelRequestFields"]["anthropic_beta"] == [
        "context-1m-2025-08-07",
        "interleaved-thinking-2025-05-14",
    ]
    five = bedrock_converse.chat_request("anthropic claude 5", HI, {"effort": "max"}, settings=settings).body
    assert five["additionalModelRequestFields"] == {
        "thinking": {"type": "adaptive"},
        "output_config": {"effort": "max"},
    }
    nova = bedrock_converse.chat_request("amazon nova", HI, {"max_new_tokens": 300}, settings=settings).body
    assert nova["inferenceConfig"] == {"maxTokens": 300}


def test_cache_checkpoints_after_the_system_prompt_and_the_latest_two_user_turns() -> None:
    turns = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "A"},
        {"role": "assistant", "content": "a"},
        {"role": "user", "content": "B"},
        {"role": "assistant", "content": "b"},
        {"role": "user", "content": "C"},
    ]
    on = {"system_cache_checkpoint": True, "latest_two_messages_cache_checkpoint": True}
    settings = {**http.model_settings("amazon nova"), "region": "us-east-1"}
    body = bedrock_converse.chat_request("amazon nova", turns, on, settings=settings).body
    point = {"cachePoint": {"type": "default"}}
    assert body["system"] == [{"text": "Be brief."}, point]
    assert [turn["content"] for turn in body["messages"] if turn["role"] == "user"] == [
        [{"text": "A"}],
        [{"text": "B"}, point],
        [{"text": "C"}, point],
    ]
    off = bedrock_converse.chat_request("amazon nova", turns, {}, settings=settings).body
    assert "cachePoint" not in str(off)


# ---- embeddings and rerank ------------------------------------------------------------------


@pytest.mark.parametrize(
    "model, input_type, body",
    [
        ("amazon.titan-embed-text-v2:0", "query", {"inputText": "hello"}),
        ("cohere.embed-english-v3", "query", {"texts": ["hello"], "input_type": "search_query"}),
        ("cohere.embed-v4:0", None, {"texts": ["hello"], "input_type": "search_document"}),
        (
            "amazon.nova-2-multimodal-embeddings-v1:0",
            "query",
            {
                "taskType": "SINGLE_EMBEDDING",
                "singleEmbeddingParams": {
                    "embeddingDimension": 1024,
                    "text": {"truncationMode": "END", "value": "hello"},
                    "embeddingPurpose": "GENERIC_RETRIEVAL",
                },
            },
        ),
    ],
)
def test_each_embedding_family_is_invoked_with_its_body(model: str, input_type: str | None, body: dict) -> None:
    request = bedrock_embeddings.request(model, ["hello"], user="u1", input_type=input_type)
    assert (request.method, unquote(request.path), request.body) == ("POST", f"/model/{model}/invoke", body)


def test_cohere_embeds_several_texts_a_call_the_others_one() -> None:
    assert bedrock_embeddings.request("cohere.embed-english-v3", ["a", "b"]).body["texts"] == ["a", "b"]
    with pytest.raises(ProviderError, match="a titan embedding call takes one text, got 2"):
        bedrock_embeddings.request("amazon.titan-embed-text-v1", ["a", "b"])


def test_each_familys_answer_gives_vectors_and_the_tokens_it_reports() -> None:
    parse = bedrock_embeddings.parse
    assert parse({"embedding": [0.5, 1], "inputTextTokenCount": 3}, 1) == ([[0.5, 1.0]], 3)  # titan
    assert parse({"embeddings": [[1, 2], [3, 4]], "id": "x", "texts": ["a", "b"]}, 2) == (
        [[1.0, 2.0], [3.0, 4.0]],
        None,
    )
    assert parse({"embeddings": {"float": [[0.25]]}, "response_type": "embeddings_by_type"}, 1) == ([[0.25]], None)
    nova = {"embeddings": [{"embeddingType": "TEXT", "embedding": [0.1, 0.2]}], "inputTextTokenCount": 2}
    assert parse(nova, 1) == ([[0.1, 0.2]], 2)
    for broken in ({"embeddings": [[1]]}, {"embedding": None}, {"embeddings": {"int8": [[1]]}}, {"other": 1}):
        with pytest.raises(ProviderError) as caught:
            parse(broken, 2 if broken == {"embeddings": [[1]]} else 1)
        assert caught.value.kind == "server_unavailable"


def test_rerank_names_the_foundation_model_arn_of_the_region() -> None:
    request = bedrock_rerank.request("cohere.rerank-v3-5:0", "which?", ["a", "b", "c"], top_n=2, region="eu-central-1")
    assert request.path == "https://bedrock-agent-runtime.{aws_region}.amazonaws.com/rerank"
    assert request.body["queries"] == [{"type": "TEXT", "textQuery": {"text": "which?"}}]
    assert request.body["sources"][1] == {
        "type": "INLINE",
        "inlineDocumentSource": {"type": "TEXT", "textDocument": {"text": "b"}},
    }
    assert request.body["rerankingConfiguration"] == {
        "type": "BEDROCK_RERANKING_MODEL",
        "bedrockRerankingConfiguration": {
            "numberOfResults": 2,
            "modelConfiguration": {"modelArn": "arn:aws:bedrock:eu-central-1::foundation-model/cohere.rerank-v3-5:0"},
        },
    }
    every = bedrock_rerank.request("amazon.rerank-v1:0", "q", ["a", "b"], region="us-gov-west-1").body
    configuration = every["rerankingConfiguration"]["bedrockRerankingConfiguration"]
    assert configuration["numberOfResults"] == 2
    assert configuration["modelConfiguration"]["modelArn"].startswith("arn:aws-us-gov:bedrock:us-gov-west-1::")


def test_rerank_results_are_read_best_first() -> None:
    answer = {"results": [{"index": 2, "relevanceScore": 0.2}, {"index": 0, "relevanceScore": 0.9}]}
    assert bedrock_rerank.parse(answer, 3) == [(0, 0.9), (2, 0.2)]
    for broken in ({"results": [{"index": 5, "relevanceScore": 0.1}]}, {"results": {}}, {"nextToken": "x"}):
        with pytest.raises(ProviderError):
            bedrock_rerank.parse(broken, 3)


def test_the_rerank_host_is_filled_from_the_region_credential() -> None:
    path = bedrock_rerank.request("amazon.rerank-v1:0", "q", ["a"], region="eu-west-1").path
    assert (
        http.address("", path, {"aws_region": "eu-west-1"})
        == "https://bedrock-agent-runtime.eu-west-1.amazonaws.com/rerank"
    )
    with pytest.raises(ProviderError, match="must be a name like us-east-1"):
        http.address("", path, {"aws_region": "evil.example/x"})
