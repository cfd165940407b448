"""Azure OpenAI's shape as data, in the runtime: deployment paths or the native /openai/v1 API by the
base URL (http.route), api-version from the credential or its default and never on v1, the
content filter as a typed error naming the categories, and a user-added deployment taking its base
model's schema and protocol (customizable.py)."""

from __future__ import annotations

import json

import pytest

from compiler.runtime import customizable, errors, http
from compiler.runtime.errors import ProviderError
from compiler.runtime.protocols import openai_chat
from tests.integration import azure_mock

NATIVE = (
    "/openai/v1",
    (
        ("/openai/deployments/{model}/chat/completions", "/chat/completions"),
        ("/openai/deployments/{model}/embeddings", "/embeddings"),
        ("/openai/responses", "/responses"),
    ),
)
RESOURCE = "https://contoso.openai.azure.com"


@pytest.fixture(autouse=True)
def azure(settings) -> None:
    settings(
        NATIVE=NATIVE,
        CREDENTIAL_QUERY={"openai_api_version": "api-version"},
    )


def test_a_resource_endpoint_takes_the_deployment_path() -> None:
    path = http.model_path("/openai/deployments/{model}/chat/completions", "team/dep:1")
    assert http.route(RESOURCE, path) == RESOURCE + "/openai/deployments/team%2Fdep%3A1/chat/completions"
    assert http.query({"openai_api_version": "2024-10-21"}) == {"api-version": "2024-10-21"}


@pytest.mark.parametrize("base", [RESOURCE + "/openai/v1", RESOURCE + "/openai/v1/"])
def test_a_v1_endpoint_takes_the_protocols_own_paths_and_no_version(base) -> None:
    base = base.rstrip("/")
    assert http.native(base)
    assert http.route(base, "/openai/deployments/dep/chat/completions") == base + "/chat/completions"
    assert http.route(base, "/openai/deployments/dep/embeddings") == base + "/embeddings"
    assert http.route(base, "/openai/responses") == base + "/responses"
    assert http.query({"openai_api_version": "2024-10-21"}, native_api=True) == {}


def test_only_a_whole_segment_fills_the_model() -> None:
    base = RESOURCE + "/openai/v1"
    assert (
        http.route(base, "/openai/deployments/a/b/chat/completions")
        == base + "/openai/deployments/a/b/chat/completions"
    )
    assert not http.native(RESOURCE + "/openai/v1beta")


def test_without_a_native_path_nothing_changes(settings) -> None:
    settings(NATIVE=None)
    assert http.route(RESOURCE + "/openai/v1", "/x/chat") == RESOURCE + "/openai/v1/x/chat"


def test_a_filtered_prompt_names_its_categories() -> None:
    body = json.dumps(azure_mock.prompt_filtered("violence", "jailbreak")).encode()
    error = errors.from_response(400, body, openai_chat.error_fields)
    assert (error.kind, error.code) == ("bad_request", "content_filter")
    assert error.message.endswith("(content filter: violence (medium), jailbreak)")


def test_a_filtered_answer_is_an_error_not_an_answer() -> None:
    with pytest.raises(ProviderError) as caught:
        openai_chat.parse_completion(azure_mock.answer_filtered("sexual"))
    assert (caught.value.kind, caught.value.code) == ("bad_request", "content_filter")
    assert "filtered categories: sexual (medium)" in caught.value.message


def test_a_stream_stopped_mid_answer_raises_at_the_stop() -> None:
    assembler = openai_chat.StreamAssembler()
    events = [chunk[len("data: ") :].strip() for chunk in azure_mock.stream_filtered("Once upon", "violence")]
    assert assembler.feed(("", events[0])) == ("", "")  # the prompt's filter results, no choices
    assert assembler.feed(("", events[1])) == ("", "Once upon")
    with pytest.raises(ProviderError) as caught:
        assembler.feed(("", events[2]))
    assert "violence (medium)" in caught.value.message


def test_an_annotated_answer_reads_as_usual() -> None:
    answer = azure_mock.annotated(
        {"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "Hi"}}]}
    )
    completion = openai_chat.parse_completion(answer | {"usage": {"prompt_tokens": 3, "completion_tokens": 1}})
    assert (completion.content, completion.finish_reason, completion.usage.prompt_tokens) == ("Hi", "stop", 3)


BASES = {
    "gpt-4o": {
        "type": "llm",
        "schema": {
            "model": "gpt-4o",
            "label": {"en_US": "gpt-4o"},
            "model_type": "llm",
            "fetch_from": "customizable-model",
            "features": ["vision"],
            "model_properties": {"mode": "chat", "context_size": 128000},
            "parameter_rules": [{"name": "temperature", "use_template": "temperature"}],
        },
        "settings": {},
    },
    "gpt-5": {"type": "llm", "schema": {"model": "gpt-5"}, "settings": {"protocol": "openai_responses"}},
    "ada": {"type": "text-embedding", "schema": {"model": "ada"}, "settings": {}},
}


@pytest.fixture
def bases(settings) -> None:
    custom = {"types": ("llm", "text-embedding"), "fields": ("display_name",), "properties": {}, "parameters": []}
    settings(CUSTOMIZABLE=custom | {"base_variable": "base_model_name", "bases": BASES}, MODEL_PARAMETERS={})


def test_a_deployment_takes_its_base_models_schema(bases) -> None:
    schema = customizable.schema("llm", "my-dep", {"base_model_name": "gpt-4o", "display_name": "Prod"})
    assert schema["model"] == "my-dep" and schema["label"] == {"en_US": "Prod"}
    assert schema["features"] == ["vision"] and schema["model_properties"]["context_size"] == 128000
    assert BASES["gpt-4o"]["schema"]["model"] == "gpt-4o"  # the table is not changed


def test_a_deployment_speaks_its_base_models_protocol(bases) -> None:
    assert customizable.settings("my-dep", {"base_model_name": "gpt-5"}) == {"protocol": "openai_responses"}


@pytest.mark.parametrize("picked", ["", "gpt-9", "ada"])
def test_a_base_model_of_another_type_or_none_is_refused(bases, picked) -> None:
    with pytest.raises(ProviderError) as caught:
        customizable.schema("llm", "my-dep", {"base_model_name": picked})
    assert caught.value.kind == "bad_request" and "gpt-4o, gpt-5" in caught.value.message
