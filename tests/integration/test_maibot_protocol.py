"""The generated MaiBot handler called directly, for what today's host cannot send or check: an
older host's `message_list` request, and the exact dict returned (item protocol and legacy scalars)."""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import shutil
import sys
from types import ModuleType

import pytest

from compiler.model import Provider
from tests.integration.conftest import ROOT
from tests.integration.mock_server import MockServer, Reply
from tests.integration.payloads import KEY, PNG, WEATHER_TOOL, assert_auth, completion


def api_provider(provider: Provider, mock: MockServer) -> dict:
    settings = {"base_url": mock.url + "/v1", "api_key": KEY, "timeout": 10, "max_retry": 1}
    return {"client_type": provider.maibot.client_type} | settings


@pytest.fixture(scope="session")
def plugin(spec_name: str, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """A copy of the generated plugin (no bytecode lands in generated/) imported as a package, the
    way the host's loader does it."""
    folder = tmp_path_factory.mktemp(spec_name) / "maibot"
    shutil.copytree(ROOT / "generated" / spec_name / "maibot", folder)
    name = f"_generated_{spec_name}_maibot"
    spec = importlib.util.spec_from_file_location(name, folder / "plugin.py", submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def dispatch(plugin: ModuleType, operation: str, request: dict) -> dict:
    async def run() -> dict:
        instance = plugin.create_plugin()
        try:
            return await instance.handle(operation=operation, request=request)
        finally:
            await instance.on_unload()

    return asyncio.run(run())


def test_legacy_message_list_and_both_result_protocols(plugin, provider: Provider, mock: MockServer):
    calls = [{"id": "call_9", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Oslo"}'}}]
    mock.expect(
        Reply(
            json=completion(
                {"role": "assistant", "content": "Checking.", "reasoning_content": "hmm", "tool_calls": calls},
                "tool_calls",
            )
        )
    )
    model = provider.models_of("llm")[0].name
    request = {
        "model_info": {"model_identifier": model, "force_stream_mode": False},
        "api_provider": api_provider(provider, mock),
        "message_list": [
            {"role": "system", "parts": [{"type": "text", "text": "Be brief."}]},
            {
                "role": "user",
                "parts": [
                    {"type": "text", "text": "Look:"},
                    {"type": "image", "image_base64": PNG, "image_format": "jpg"},
                ],
            },
            {
                "role": "assistant",
                "parts": [],
                "tool_calls": [{"id": "call_1", "function": {"name": "get_weather", "arguments": {"city": "Lyon"}}}],
            },
            {
                "role": "tool",
                "tool_call_id": "call_1",
                "tool_name": "get_weather",
                "parts": [{"type": "text", "text": "sunny"}],
            },
        ],
        "tool_options": [{"type": "function", "function": WEATHER_TOOL}],
        "extra_params": {},
    }
    result = dispatch(plugin, "response", request)
    assert mock.last.body["messages"] == [
        {"role": "system", "content": "Be brief."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Look:"},
                {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64," + PNG}},
            ],
        },
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Lyon"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
    ]
    assert_auth(provider, mock.last)
    assert result["item_schema_version"] == 1
    assert result["output_items"] == [
        {"item_type": "ReasoningItem", "representation": "raw_text", "summary_parts": [], "text_parts": ["hmm"]},
        {"item_type": "AssistantMessageItem", "parts": [{"type": "text", "text": "Checking."}]},
        {
            "item_type": "FunctionCallItem",
            "tool_call": {
                "call_id": "call_9",
                "func_name": "get_weather",
                "args": {"city": "Oslo"},
                "extra_content": None,
            },
        },
    ]
    # No legacy scalar copies: the manifest admits only hosts that read the items.
    assert not {"content", "reasoning_content", "tool_calls"} & result.keys()
    assert result["usage"] == {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}
    assert result["response_id"] == "resp-1" and result["status"] == "completed"


def test_arguments_that_are_not_an_object_are_refused(plugin, provider: Provider, mock: MockServer):
    calls = [{"id": "c", "type": "function", "function": {"name": "get_weather", "arguments": "[1, 2]"}}]
    mock.expect(Reply(json=completion({"role": "assistant", "tool_calls": calls}, "tool_calls")))
    request = {
        "model_info": {"model_identifier": "m"},
        "api_provider": api_provider(provider, mock),
        "context_items": [{"item_type": "UserMessageItem", "parts": [{"type": "text", "text": "hi"}]}],
        "tool_options": [{"type": "function", "function": WEATHER_TOOL}],
    }
    with pytest.raises(Exception, match="not a JSON object"):
        dispatch(plugin, "response", request)


def test_unsupported_operation_names_itself(plugin, provider: Provider, mock: MockServer):
    with pytest.raises(Exception, match="image_embedding"):
        dispatch(plugin, "image_embedding", {"api_provider": api_provider(provider, mock)})
    assert mock.requests == []
