"""AWS credentials (aws.py): the key pair or the API key, as the method the user picked says, or as
filled in; MaiBot's one key field holding the pair; the signing region from the endpoint's host name;
and what is missing said without a request."""

from __future__ import annotations

import pytest

from compiler.runtime import aws, http
from compiler.runtime.errors import ProviderError

PAIR = {"aws_access_key_id": "AKIDEXAMPLE", "aws_secret_access_key": "secret/key+1"}


@pytest.mark.parametrize(
    ("credentials", "expected"),
    [
        (PAIR, ("AKIDEXAMPLE", "secret/key+1", None)),
        (PAIR | {"aws_session_token": " tok "}, ("AKIDEXAMPLE", "secret/key+1", "tok")),
        (PAIR | {"api_key": "ABSK1", "auth_method": "API_Key"}, "ABSK1"),
        ({"api_key": "ABSK1"}, "ABSK1"),  # only a key filled in
        (PAIR | {"api_key": "ABSK1"}, ("AKIDEXAMPLE", "secret/key+1", None)),  # the pair first
        ({"api_key": "AKIDEXAMPLE:secret/key+1"}, ("AKIDEXAMPLE", "secret/key+1", None)),  # MaiBot
        ({"api_key": "AKIDEXAMPLE:secret/key+1:tok:en"}, ("AKIDEXAMPLE", "secret/key+1", "tok:en")),
    ],
)
def test_the_keys_a_request_is_authenticated_with(settings, credentials, expected) -> None:
    settings(API_KEY_VARIABLE="api_key")
    assert aws.keys(credentials) == expected


@pytest.mark.parametrize(
    ("credentials", "words"),
    [
        ({"aws_access_key_id": "AKIDEXAMPLE"}, "both needed"),
        ({"auth_method": "API_Key"}, "no Bedrock API key"),
        ({}, "both needed"),
    ],
)
def test_what_is_missing_is_a_credentials_error(settings, credentials, words) -> None:
    settings(API_KEY_VARIABLE="api_key")
    with pytest.raises(ProviderError, match=words) as caught:
        aws.keys(credentials)
    assert caught.value.kind == "authorization"


@pytest.mark.parametrize(
    ("url", "region"),
    [
        ("https://bedrock-runtime.eu-west-3.amazonaws.com/model/m/converse", "eu-west-3"),
        ("https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com/model/m/converse", "us-gov-west-1"),
        ("https://vpce-0a1b.bedrock-runtime.ap-southeast-2.vpce.amazonaws.com/model/m/converse", "ap-southeast-2"),
        ("http://127.0.0.1:8000/model/m/converse", "ca-central-1"),  # the credential's
    ],
)
def test_the_signing_region(url, region) -> None:
    assert aws.region(url, {"aws_region": "ca-central-1"}) == region
    assert aws.region("http://127.0.0.1/x", {}) == "us-east-1"


def test_a_base_url_variable_is_a_host_label(settings) -> None:
    settings(BASE_URL="https://bedrock-runtime.{aws_region}.amazonaws.com", URL_DEFAULTS={"aws_region": "us-east-1"})
    assert http.base_url({"aws_region": "eu-central-1"}) == "https://bedrock-runtime.eu-central-1.amazonaws.com"
    assert http.base_url({}) == "https://bedrock-runtime.us-east-1.amazonaws.com"
    for bad in ("evil.example/x", "a@b", "-x"):
        with pytest.raises(ProviderError, match="must be a name like us-east-1"):
            http.base_url({"aws_region": bad})


def test_only_aws_sigv4_signs(settings) -> None:
    args = ("POST", "https://h/model/m/converse", [], {}, b"{}", PAIR)
    assert http.signed(*args) == {}  # the test config's bearer scheme
    settings(AUTH=("aws_sigv4", "bedrock", ""))
    signed = http.signed(*args)
    assert set(signed) == {"X-Amz-Date", "Authorization"} and "secret/key+1" not in signed["Authorization"]


def test_cache_points_follow_the_system_prompt_and_the_tools(settings) -> None:
    from compiler.runtime import messages
    from compiler.runtime.protocols import bedrock_converse

    settings(ENDPOINTS={"chat": "/model/{model}/converse"}, PARAMETERS={"cache_tools": {"control": "cache.tools"}})
    turns = [messages.system("Be brief."), messages.user("Hi")]
    tools = [messages.tool("get_weather", "Weather", {"type": "object"})]
    plain = bedrock_converse.chat_request("m", turns, {}, tools, settings={}).body
    assert plain["system"] == [{"text": "Be brief."}] and len(plain["toolConfig"]["tools"]) == 1
    settings(PROMPT_CACHE=True)
    cached = bedrock_converse.chat_request("m", turns, {"cache_tools": False}, tools, settings={}).body
    assert cached["system"] == [{"text": "Be brief."}, {"cachePoint": {"type": "default"}}]
    assert cached["toolConfig"]["tools"] == plain["toolConfig"]["tools"]  # the parameter said no
    both = bedrock_converse.chat_request("m", turns, {}, tools, settings={}).body
    assert both["toolConfig"]["tools"][-1] == {"cachePoint": {"type": "default"}}
