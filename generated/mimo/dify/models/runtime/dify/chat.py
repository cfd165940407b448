"""Chat models for Dify: blocking and streaming calls in the spec's wire protocol, with tool calls,
reasoning and files; every failure raised as a typed Dify error. Dify prompt messages become the
neutral form (messages.py) here, and only here."""

from __future__ import annotations

from collections.abc import Generator, Iterator
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

from .. import customizable, errors, estimate, messages, protocols
from . import base, transport
from ..protocols import Assembler
from ..types import Completion, Event, Image, ToolCall

THINK_OPEN, THINK_CLOSE = "<think>\n", "\n</think>\n\n"


class ChatModel(base.ProviderModel):
    """Mixed into the plugin's LargeLanguageModel class (models/llm/llm.py)."""

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
        with base.failures(credentials):
            conversation = [neutral_message(m) for m in prompt_messages]
            functions = [neutral_tool(t) for t in tools or ()]
            settings = customizable.settings(model, credentials)
            protocol = protocols.spoken(settings, credentials)
            request = protocol.chat_request(
                model, conversation, model_parameters, functions, stop, stream, user, settings=settings
            )
            response = transport.send(credentials, request, protocol.error_fields)
            if stream and transport.streams(response, protocol):
                events = transport.stream_events(response, protocol)
                return self._stream(model, credentials, events, protocol.StreamAssembler(keep_text=False), conversation)
            completion = transport.read_completion(response, protocol)
        if stream:  # a gateway answered a stream request with one JSON body
            return self._replay(model, credentials, completion, conversation)
        return LLMResult(
            model=model,
            message=assistant(
                think_block(completion.reasoning) + completion.content, completion.tool_calls, completion.images
            ),
            usage=self._usage(model, credentials, completion, conversation),
        )

    def _stream(
        self, model: str, credentials: dict, events: Iterator[Event], assembler: Assembler, conversation: list[dict]
    ) -> Generator[LLMResultChunk, None, None]:
        """Text as it arrives; tool calls (complete), images, usage and finish reason on the last chunk.
        The text of events that arrived together (nothing QUIET between them) goes as one chunk: under
        load a process spends most of a chunk's cost in the SDK's writer, and an event that arrives
        alone still goes at once."""
        thinking, index, held = False, 0, ""
        with base.failures(credentials):
            try:
                for event in events:
                    if event is not transport.QUIET:
                        text, thinking = delta_text(*assembler.feed(event), thinking)
                        held += text
                    elif held:
                        yield text_chunk(model, index, held)
                        index, held = index + 1, ""
                completion = assembler.finish()
            except Exception:
                if held:  # the text that came before a failure reaches Dify before the failure does
                    yield text_chunk(model, index, held)
                raise
        if held:  # its own chunk: the last one stays as it was
            yield text_chunk(model, index, held)
            index += 1
        # What feed held back (half a surrogate pair) comes with the last chunk.
        text, thinking = delta_text(completion.reasoning, completion.content, thinking)
        yield self._last_chunk(
            model, credentials, completion, conversation, index, text + (THINK_CLOSE if thinking else "")
        )

    def _replay(
        self, model: str, credentials: dict, completion: Completion, conversation: list[dict]
    ) -> Generator[LLMResultChunk, None, None]:
        """A whole answer through the stream path: its text, then the last chunk."""
        text = think_block(completion.reasoning) + completion.content
        if text:
            message = AssistantPromptMessage(content=text, tool_calls=[])
            yield LLMResultChunk(model=model, delta=LLMResultChunkDelta(index=0, message=message))
        yield self._last_chunk(model, credentials, completion, conversation, 1 if text else 0, "")

    def _last_chunk(
        self, model: str, credentials: dict, completion: Completion, conversation: list[dict], index: int, text: str
    ) -> LLMResultChunk:
        return LLMResultChunk(
            model=model,
            delta=LLMResultChunkDelta(
                index=index,
                message=assistant(text, completion.tool_calls, completion.images),
                usage=self._usage(model, credentials, completion, conversation),
                finish_reason=completion.finish_reason,
            ),
        )

    def _usage(self, model: str, credentials: dict, completion: Completion, conversation: list[dict]) -> LLMUsage:
        """Provider-reported usage, priced from the model YAML; an offline estimate if absent."""
        if completion.usage is not None:
            prompt, generated = completion.usage.prompt_tokens, completion.usage.completion_tokens
        else:
            prompt = estimate.messages(conversation)
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
        return estimate.messages([neutral_message(m) for m in prompt_messages], [neutral_tool(t) for t in tools or ()])


def text_chunk(model: str, index: int, text: str) -> LLMResultChunk:
    # An explicit tool_calls=[] spares pydantic a deep copy of the default per token.
    message = AssistantPromptMessage(content=text, tool_calls=[])
    return LLMResultChunk(model=model, delta=LLMResultChunkDelta(index=index, message=message))


def delta_text(reasoning: str, content: str, thinking: bool) -> tuple[str, bool]:
    """One delta as Dify shows it: reasoning inside a <think> block, opened and closed as the
    stream moves in and out of it; and whether the block is still open."""
    text = ""
    if reasoning:
        text = reasoning if thinking else THINK_OPEN + reasoning
        thinking = True
    if content:
        text += THINK_CLOSE + content if thinking else content
        thinking = False
    return text, thinking


def think_block(reasoning: str) -> str:
    return THINK_OPEN + reasoning + THINK_CLOSE if reasoning else ""


def assistant(content: str, calls: list[ToolCall], images: list[Image] | None = None) -> AssistantPromptMessage:
    """The answer's message; with images, its content is a list of parts, text first, as Dify's
    own Gemini plugin hands over generated images (ImagePromptMessageContent, base64)."""
    tool_calls = [
        AssistantPromptMessage.ToolCall(
            id=c.id,
            type="function",
            function=AssistantPromptMessage.ToolCall.ToolCallFunction(name=c.name, arguments=c.arguments),
        )
        for c in calls
    ]
    if not images:
        return AssistantPromptMessage(content=content, tool_calls=tool_calls)
    parts: list[Any] = [TextPromptMessageContent(data=content)] if content else []
    for image in images:
        detail = ImagePromptMessageContent.DETAIL.HIGH
        parts.append(
            ImagePromptMessageContent(
                format=image.format, base64_data=image.data, mime_type=image.mime_type, detail=detail
            )
        )
    return AssistantPromptMessage(content=parts, tool_calls=tool_calls)


def neutral_tool(tool: PromptMessageTool) -> dict[str, Any]:
    return messages.tool(tool.name, tool.description, tool.parameters)


def neutral_message(message: PromptMessage) -> dict[str, Any]:
    """A Dify prompt message in the neutral form."""
    role = message.role.value
    if isinstance(message, AssistantPromptMessage) or role == "assistant":
        calls = [
            messages.tool_call(c.id, c.function.name, c.function.arguments)
            for c in getattr(message, "tool_calls", None) or []
        ]
        return messages.assistant(message.get_text_content(), calls)
    if isinstance(message, ToolPromptMessage):
        return messages.tool_result(message.tool_call_id, message.get_text_content())
    if role in ("system", "developer"):
        return messages.system(message.get_text_content())
    if isinstance(message.content, str) or message.content is None:
        return messages.user(message.content or "")
    return messages.user([neutral_part(part) for part in message.content])


def neutral_part(part: Any) -> dict[str, Any]:
    """One content part; files become data URIs (or stay URLs)."""
    if isinstance(part, TextPromptMessageContent):
        return messages.text_part(part.data)
    if isinstance(part, ImagePromptMessageContent):
        return messages.image_part(part.data, part.detail.value)
    if isinstance(part, DocumentPromptMessageContent):
        return messages.file_part(part.data, part.filename or "document")
    if isinstance(part, VideoPromptMessageContent):
        return messages.video_part(part.data)
    if isinstance(part, AudioPromptMessageContent):
        return messages.audio_part(part.base64_data, part.format)
    raise errors.ProviderError("bad_request", f"unsupported message content: {type(part).__name__}")
