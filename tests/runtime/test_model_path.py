"""A `{model}` in an endpoint path (Azure OpenAI's /openai/deployments/{deployment}/…, Bedrock's
/model/{id}/…): the model's wire id goes there, encoded whole, in the chat, completion and credential
calls of the OpenAI protocols; a path without it is left as it is."""

from __future__ import annotations

from compiler.runtime import http, messages
from compiler.runtime.protocols import openai_chat, openai_responses

HI = [messages.user("Hi")]
DEPLOYMENTS = {
    "chat": "/openai/deployments/{model}/chat/completions",
    "completions": "/openai/deployments/{model}/completions",
    "models": None,
}


def test_the_wire_id_goes_in_the_path_encoded_whole() -> None:
    assert http.model_path("/model/{model}/converse", "us.a/b:0") == "/model/us.a%2Fb%3A0/converse"
    assert http.model_path("/chat/completions", "gpt-4o") == "/chat/completions"


def test_chat_completions_and_the_credential_check_reach_the_deployment(settings) -> None:
    settings(ENDPOINTS=DEPLOYMENTS)
    chat = openai_chat.chat_request("my-gpt4o", HI, {}, settings={"api_id": "prod gpt-4o"})
    assert chat.path == "/openai/deployments/prod%20gpt-4o/chat/completions" and chat.body["model"] == "prod gpt-4o"
    completion = openai_chat.chat_request("legacy", HI, {}, settings={"mode": "completion"})
    assert completion.path == "/openai/deployments/legacy/completions"
    assert (
        openai_chat.validation_request("my-gpt4o", settings={}).path == "/openai/deployments/my-gpt4o/chat/completions"
    )


def test_responses_reach_the_deployment(settings) -> None:
    settings(ENDPOINTS={"chat": "/openai/deployments/{model}/responses", "models": None})
    assert openai_responses.chat_request("o3", HI, {}, settings={}).path == "/openai/deployments/o3/responses"
    assert openai_responses.validation_request("o3", call_model=True, settings={}).path.endswith("/o3/responses")
