# Generated from specs/moonshot.yaml by the provider compiler. Do not edit by hand.
"""Moonshot chat models for Dify: blocking and streaming chat completions with tool
calls, reasoning and images, every failure raised as a typed Dify error."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from dify_plugin.entities.model.llm import LLMResult, LLMResultChunk, LLMResultChunkDelta, LLMUsage
from dify_plugin.entities.model.message import (
    AssistantPromptMessage,
    AudioPromptMessageContent,
    DocumentPromptMessageContent,
    ImagePromptMessageContent,
    PromptMessage,
    PromptMessageTool,
    TextPromptMessageContent,
    ToolPromptMessage,
    VideoPromptMessageContent,
)
from dify_plugin.interfaces.model.large_language_model import LargeLanguageModel

from models import transport, wire

THINK_OPEN, THINK_CLOSE = "<think>\n", "\n</think>\n\n"


class MoonshotLargeLanguageModel(transport.ProviderModel, LargeLanguageModel):
    """Chat completions against https://api.moonshot.cn/v1/chat/completions."""

    def _invoke(
        self,
        model: str,
        credentials: dict,
        prompt_messages: list[PromptMessage],
        model_parameters: dict,
        tools: list[PromptMessageTool] | None = None,
        stop: list[str] | None = None,
        stream: bool = True,
        user: str | None = None,
    ) -> LLMResult | Generator[LLMResultChunk, None, None]:
        try:
            messages = [wire_message(m) for m in prompt_messages]
            body = wire.chat_body(
                model, messages, model_parameters, [wire_tool(t) for t in tools or ()], stop, stream, user
            )
            response = transport.send(credentials, "POST", wire.CHAT_PATH, body, stream=stream)
            if stream:
                return self._stream(model, credentials, response, messages)
            completion = wire.parse_completion(transport.read_json(response))
        except wire.ProviderError as exc:
            raise transport.typed(exc) from None
        return LLMResult(
            model=model,
            message=assistant(think_block(completion.reasoning) + completion.content, completion.tool_calls),
            usage=self._usage(model, credentials, completion, messages),
        )

    def _stream(
        self, model: str, credentials: dict, response: Any, messages: list[dict]
    ) -> Generator[LLMResultChunk, None, None]:
        """Text as it arrives; tool calls (complete), usage and finish reason on the last chunk."""
        decoder, assembler = wire.SSEDecoder(), wire.StreamAssembler(keep_text=False)
        thinking, index = False, 0
        try:
            for payload in transport.stream_payloads(response, decoder):
                reasoning, content = assembler.feed(payload)
                text = ""
                if reasoning:
                    text = reasoning if thinking else THINK_OPEN + reasoning
                    thinking = True
                if content:
                    text += THINK_CLOSE + content if thinking else content
                    thinking = False
                if text:
                    # An explicit tool_calls=[] spares pydantic a deep copy of the default per token.
                    message = AssistantPromptMessage(content=text, tool_calls=[])
                    yield LLMResultChunk(model=model, delta=LLMResultChunkDelta(index=index, message=message))
                    index += 1
            completion = assembler.finish(decoder.done)
        except wire.ProviderError as exc:
            raise transport.typed(exc) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise transport.typed(
                wire.ProviderError("server_unavailable", f"unexpected stream data: {exc!r}")
            ) from None
        yield LLMResultChunk(
            model=model,
            delta=LLMResultChunkDelta(
                index=index,
                message=assistant(THINK_CLOSE if thinking else "", completion.tool_calls),
                usage=self._usage(model, credentials, completion, messages),
                finish_reason=completion.finish_reason,
            ),
        )

    def _usage(self, model: str, credentials: dict, completion: wire.Completion, messages: list[dict]) -> LLMUsage:
        """Provider-reported usage, priced from the model YAML; an offline estimate if absent."""
        if completion.usage is not None:
            prompt, generated = completion.usage.prompt_tokens, completion.usage.completion_tokens
        else:
            prompt = wire.estimate_messages(messages)
            generated = completion.estimated_output_tokens()
        return self._calc_response_usage(model, credentials, prompt, generated)

    def get_num_tokens(
        self,
        model: str,
        credentials: dict,
        prompt_messages: list[PromptMessage],
        tools: list[PromptMessageTool] | None = None,
    ) -> int:
        """An offline estimate: no tokenizer download, no network."""
        return wire.estimate_messages([wire_message(m) for m in prompt_messages], [wire_tool(t) for t in tools or ()])


def think_block(reasoning: str) -> str:
    return THINK_OPEN + reasoning + THINK_CLOSE if reasoning else ""


def assistant(content: str, calls: list[wire.ToolCall]) -> AssistantPromptMessage:
    tool_calls = [
        AssistantPromptMessage.ToolCall(
            id=c.id,
            type="function",
            function=AssistantPromptMessage.ToolCall.ToolCallFunction(name=c.name, arguments=c.arguments),
        )
        for c in calls
    ]
    return AssistantPromptMessage(content=content, tool_calls=tool_calls)


def wire_tool(tool: PromptMessageTool) -> dict[str, Any]:
    return wire.tool_definition(tool.name, tool.description, tool.parameters)


def wire_message(message: PromptMessage) -> dict[str, Any]:
    """A Dify prompt message in the provider's (OpenAI) format."""
    role = message.role.value
    if isinstance(message, AssistantPromptMessage) or role == "assistant":
        calls = [
            {"id": c.id, "type": "function", "function": {"name": c.function.name, "arguments": c.function.arguments}}
            for c in getattr(message, "tool_calls", None) or []
        ]
        return wire.assistant_message(message.get_text_content(), calls)
    if isinstance(message, ToolPromptMessage):
        return {"role": "tool", "tool_call_id": message.tool_call_id, "content": message.get_text_content()}
    if role in ("system", "developer"):
        return {"role": "system", "content": message.get_text_content()}
    if isinstance(message.content, str) or message.content is None:
        return {"role": "user", "content": message.content or ""}
    return {"role": "user", "content": [wire_part(part) for part in message.content]}


def wire_part(part: Any) -> dict[str, Any]:
    """One content part; files become data URIs (or stay URLs) in the OpenAI shapes."""
    if isinstance(part, TextPromptMessageContent):
        return {"type": "text", "text": part.data}
    if isinstance(part, ImagePromptMessageContent):
        return {"type": "image_url", "image_url": {"url": part.data, "detail": part.detail.value}}
    if isinstance(part, DocumentPromptMessageContent):
        return {"type": "file", "file": {"file_data": part.data, "filename": part.filename or "document"}}
    if isinstance(part, VideoPromptMessageContent):
        return {"type": "video_url", "video_url": {"url": part.data}}
    if isinstance(part, AudioPromptMessageContent):
        return {"type": "input_audio", "input_audio": {"data": part.base64_data, "format": part.format}}
    raise wire.ProviderError("bad_request", f"unsupported message content: {type(part).__name__}")
