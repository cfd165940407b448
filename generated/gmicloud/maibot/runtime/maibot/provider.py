"""The provider behind the MaiBot handler: MaiBot requests in, calls in the spec's wire protocol
out, results in the host's item protocol. MaiBot requests become the neutral form in messages.py,
and only there. Every failure leaves as a ProviderError whose message holds no secret."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from typing import Any

from maibot_sdk import LLMProviderBase

from .. import config, errors, http, messages, protocols, text
from ..errors import ProviderError
from ..parameters import put, streamed
from ..types import Completion, ToolCall, Usage
from . import transport
from .messages import context_messages, response_format, tool_definition


class Provider(LLMProviderBase):
    """Serves every operation of the plugin's client type."""

    def __init__(self) -> None:
        self.http = transport.Http()

    async def aclose(self) -> None:
        await self.http.aclose()

    async def dispatch(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        """Serve one operation. The runner logs a failure's text and the host shows it, so the
        API key is masked in it, and no chained exception (whose text may hold it) goes along."""
        try:
            return await self.serve(operation, request)
        except (ProviderError, *errors.SURPRISES) as exc:
            key = str(api_provider(request).get("api_key") or "")
            parts = key.split(":") if config.AUTH[0] == "aws_sigv4" else []  # AWS's pair is joined by colons
            raise errors.shown(exc, [key, *parts]) from None

    async def serve(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        if operation == "response":
            return await self.get_response(request)
        if operation == "embedding":
            return await self.get_embedding(request)
        if operation == "audio_transcription":
            return await self.get_audio_transcriptions(request)
        raise ProviderError("bad_request", f"operation {operation!r} is not supported by this plugin")

    async def get_response(self, request: dict[str, Any]) -> dict[str, Any]:
        model = model_identifier(request)
        where = transport.base_url(api_provider(request).get("base_url"), {})  # its region: the host's, or none
        settings = http.regional(http.model_settings(model), {}, where)
        protocol = protocols.spoken(settings, {})
        headers, query, extra_body = split_extra_params(request, protocol.OWNED_BODY_KEYS)
        tools = [tool_definition(t) for t in request.get("tool_options") or ()]
        conversation = context_messages(request, with_tools=bool(tools))
        parameters, raw = chat_parameters(model, request, extra_body, protocol.PARAMETER_KEYS)
        # What is asked for: the host's stream mode, unless the model or a stream switch says no.
        stream = streamed(
            bool((request.get("model_info") or {}).get("force_stream_mode")), parameters, http.model_settings(model)
        )
        call = protocol.chat_request(
            model,
            conversation,
            parameters,
            tools,
            stream=stream,
            tool_choice=request.get("tool_choice") or "auto",
            response_format=response_format(request.get("response_format")),
            settings=settings,
        )
        place_raw(call.body, raw, protocol.EXTRA_KEYS)
        provider = api_provider(request)
        to = transport.target(provider, account_headers(protocol, provider) | headers, query, call.protocol)
        completion = await self.http.call_chat(to, call, protocol, stream)
        return response_result(completion, model, provider)

    async def get_embedding(self, request: dict[str, Any]) -> dict[str, Any]:
        if not config.ENDPOINTS.get("embeddings"):
            raise ProviderError("bad_request", "embeddings are not available: the spec declares no endpoint")
        from .. import kinds  # shipped only when the spec has an embeddings endpoint

        embeddings = kinds.embedding()
        model = model_identifier(request)
        headers, query, extra_body = split_extra_params(request, protocols.chat().OWNED_BODY_KEYS)
        call = embeddings.request(model, [str(request.get("embedding_input") or "")])
        call.body.update(extra_body)
        to = transport.target(api_provider(request), headers, query)
        vectors, tokens = embeddings.parse(await self.http.call_json(to, call), 1, model)
        result: dict[str, Any] = {"embedding": vectors[0]}
        if tokens is not None:
            result["usage"] = {"prompt_tokens": tokens, "completion_tokens": 0, "total_tokens": tokens}
        return result

    async def get_audio_transcriptions(self, request: dict[str, Any]) -> dict[str, Any]:
        if not config.ENDPOINTS.get("transcriptions"):
            raise ProviderError("bad_request", "audio transcription is not available: the spec declares no endpoint")
        from ..kinds import transcription  # shipped only when the spec has a transcriptions endpoint

        model = model_identifier(request)
        try:
            audio = base64.b64decode(str(request.get("audio_base64") or ""), validate=True)
        except (binascii.Error, ValueError):
            raise ProviderError("bad_request", "audio_base64 is not valid base64") from None
        headers, query, extra_body = split_extra_params(request, protocols.chat().OWNED_BODY_KEYS)
        to = transport.target(api_provider(request), headers, query)
        payload = await self.http.call_json(to, transcription.request(model, audio, extra_body))
        return {"content": text.valid(transcription.parse(payload))}


# ---- requests ---------------------------------------------------------------------------


def api_provider(request: dict[str, Any]) -> dict[str, Any]:
    provider = request.get("api_provider")
    return provider if isinstance(provider, dict) else {}


def model_identifier(request: dict[str, Any]) -> str:
    """The spec's name of the model the host asks for: its model_identifier may be the Dify id or the
    id the API takes (a model's api_id); requests send the latter either way."""
    model = str((request.get("model_info") or {}).get("model_identifier") or "").strip()
    if not model:
        raise ProviderError("bad_request", "model_info.model_identifier is empty")
    return http.listed_name(model)


def mapping(value: Any) -> dict[str, Any]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def account_headers(protocol: protocols.ChatProtocol, provider: dict[str, Any]) -> dict[str, str]:
    """The `organization` and `project` settings, as the protocol sends them."""
    return protocol.account_headers(str(provider.get("organization") or ""), str(provider.get("project") or ""))


def split_extra_params(
    request: dict[str, Any], owned: frozenset[str]
) -> tuple[dict[str, str], dict[str, Any], dict[str, Any]]:
    """extra_params as MaiBot's own client reads it: `headers`, `query`, `body`, and any other key
    the request builder does not own goes into the body."""
    extra = mapping(request.get("extra_params"))
    headers = {k: str(v) for k, v in mapping(extra.pop("headers", None)).items()}
    query = mapping(extra.pop("query", None))
    body = mapping(extra.pop("body", None))
    body.update({k: v for k, v in extra.items() if k not in owned})
    return headers, query, body


def place_raw(body: dict[str, Any], raw: dict[str, Any], keys: dict[str, str]) -> None:
    """extra_params' free-form body keys: where the protocol takes the ones it names (Gemini's
    sampling settings under generationConfig), the others as they are."""
    for name, value in raw.items():
        if name in keys:
            put(body, keys[name], value)
        else:
            body[name] = value


def chat_parameters(
    model: str, request: dict[str, Any], extra_body: dict[str, Any], parameter_keys: dict[str, tuple[str, ...]]
) -> tuple[dict, dict]:
    """(parameters the spec encodes, raw body keys). The host's temperature and max_tokens go only
    to models whose rules declare them; body values of the same name win, as in MaiBot's client."""
    declared = config.MODEL_PARAMETERS.get(model)
    parameters: dict[str, Any] = {}
    raw: dict[str, Any] = {}
    chosen = {name: request.get(name) for name in ("temperature", "max_tokens")}
    chosen = {k: v for k, v in chosen.items() if v is not None and (declared is None or k in declared)}
    for name, value in (chosen | extra_body).items():
        if name in config.PARAMETERS:
            parameters[name] = value
        else:
            raw[name] = value
    # Body keys extra_params sets, raw or as a declared parameter: a host value they carry gives way.
    given = set(raw) | {config.PARAMETERS[name].get("key") for name in extra_body if name in config.PARAMETERS}
    for name, keys in parameter_keys.items():
        if name not in extra_body and any(key in given for key in keys):
            parameters.pop(name, None)
    return parameters, raw


# ---- results ----------------------------------------------------------------------------


def response_result(completion: Completion, model: str, provider: dict[str, Any]) -> dict[str, Any]:
    """The host's output items; an empty answer, or one larger than the host can carry, raises.

    The legacy scalar keys (`content`, `reasoning_content`, `tool_calls`) are not sent: every host
    the manifest admits reads the items first, and a copy would double what crosses the host's
    frame."""
    content, reasoning = completion.content, completion.reasoning
    mode = provider.get("reasoning_parse_mode") or "auto"
    if mode == "none":
        reasoning = ""
    elif mode != "native":
        content, inline = messages.split_think(content)
        reasoning = reasoning or inline
    calls = result_calls(completion.tool_calls, provider.get("tool_argument_parse_mode") or "auto")
    if not content.strip() and not reasoning.strip() and not calls and not completion.images:
        raise ProviderError("server_unavailable", f"empty answer (finish_reason={completion.finish_reason})")
    check_size(content, reasoning, calls, [image.data for image in completion.images])
    items: list[dict[str, Any]] = []
    if reasoning.strip():
        reasoning_item = {"representation": "raw_text", "summary_parts": [], "text_parts": [reasoning]}
        items.append({"item_type": "ReasoningItem", **reasoning_item})
    # The host's assistant item carries images as parts of their own (ContextImagePart).
    parts = [{"type": "text", "text": content}] if content else []
    parts += [{"type": "image", "image_format": i.format, "image_base64": i.data} for i in completion.images]
    if parts:
        items.append({"item_type": "AssistantMessageItem", "parts": parts})
    for call_id, name, args in calls:
        tool_call = {"call_id": call_id, "func_name": name, "args": args, "extra_content": None}
        items.append({"item_type": "FunctionCallItem", "tool_call": tool_call})
    result: dict[str, Any] = {
        "item_schema_version": 1,
        "output_items": items,
        "response_id": completion.response_id,
        "status": "incomplete" if completion.finish_reason == "length" else "completed",
        "raw_data": {"id": completion.response_id, "model": model, "finish_reason": completion.finish_reason},
    }
    if completion.usage is not None:
        result["usage"] = usage(completion.usage)
    return result


# The most one message between MaiBot's runner and host may hold (its transport's MAX_FRAME_SIZE),
# less room for the envelope and the result's small keys.
FRAME_LIMIT = 16 * 1024 * 1024
ENVELOPE_ROOM = 64 * 1024


def check_size(
    content: str, reasoning: str, calls: list[tuple[str, str, dict[str, Any]]], images: list[str] | None = None
) -> None:
    """Refuse, with a message that says so, an answer the host's frame cannot carry (the runner
    would otherwise fail to send it with an unexplained error); `images` are the base64 texts."""
    room = FRAME_LIMIT - ENVELOPE_ROOM
    texts = [content, reasoning, *(images or ())] + [json.dumps(args, ensure_ascii=False) for _, _, args in calls]
    if 4 * sum(map(len, texts)) <= room:
        return  # at most 4 bytes a character: no need to measure
    size = sum(len(part.encode()) for part in texts)
    if size > room:
        raise ProviderError(
            "bad_request",
            f"the answer is {size / 2**20:.1f} MiB, more than the {room / 2**20:.1f} MiB a MaiBot plugin result "
            "can carry (the host's 16 MiB frame limit); ask for a shorter answer (max_tokens) or fewer images",
        )


def result_calls(calls: list[ToolCall], mode: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, name, args dict); ids made unique, since the host refuses a repeated call id."""
    out, seen = [], set()
    for call in calls:
        args: Any = json.loads(call.arguments)  # valid text: messages.finished_call
        if isinstance(args, str) and mode in ("auto", "double_decode"):
            try:
                args = json.loads(args)
            except ValueError:
                pass
        if not isinstance(args, dict):
            raise ProviderError(
                "server_unavailable", f"arguments of tool {call.name!r} are not a JSON object: {errors.describe(args)}"
            )
        call_id = call.id if call.id not in seen else f"call_{uuid.uuid4().hex[:24]}"
        seen.add(call_id)
        out.append((call_id, call.name, args))
    return out


def usage(reported: Usage) -> dict[str, int]:
    prompt, completion = reported.prompt_tokens, reported.completion_tokens
    out = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
    if reported.cached_tokens is not None:
        out["prompt_cache_hit_tokens"] = reported.cached_tokens
        out["prompt_cache_miss_tokens"] = max(prompt - reported.cached_tokens, 0)
    return out
