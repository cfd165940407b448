"""The bedrock_converse adapter: answers in the shapes of Amazon Bedrock's Converse API
(docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html and
API_runtime_ConverseStream.html: output.message content blocks, the messageStart … metadata events in
AWS event-stream frames, exception frames, errors typed by the x-amzn-ErrorType header), and the
neutral reading of a Converse request. test_bedrock_mock.py has botocore read the frames and check
the signature."""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any
from urllib.parse import quote, unquote

from compiler.model import Provider
from tests.conformance.protocols import (
    USAGE,
    Call,
    Piece,
    Sent,
    Text,
    base_path,
    joined_turns,
    results_by_id,
    split,
    turns_of,
)
from tests.integration.mock_server import Recorded, Reply

NAME = "bedrock_converse"
SENDS_USER = False
CALL_IDS = True
STOP_KEY = "inferenceConfig.stopSequences"
REPORTS_CACHE = False
EMBEDDING_USAGE = False  # the Cohere Embed answers the generic checks get report no tokens (Titan's do)
STREAMS_WITHOUT_USAGE = True  # metadata, with the usage, is the stream's last event, and may be missing
EMBEDDINGS = True  # InvokeModel's, in the shape of Cohere Embed; Titan's and Nova's: titan(), nova()
FRAMING = "eventstream"
STOP_REASONS = {"stop": "end_turn", "tool_calls": "tool_use", "length": "max_tokens"}
# The API reference's errors: status, error type (the x-amzn-ErrorType header).
ERRORS = [
    (400, "ValidationException"),
    (403, "AccessDeniedException"),
    (404, "ResourceNotFoundException"),
    (408, "ModelTimeoutException"),
    (424, "ModelErrorException"),
    (429, "ThrottlingException"),
    (500, "InternalServerException"),
    (503, "ServiceUnavailableException"),
]
NAMESPACE = ":http://internal.amazon.com/coral/com.amazon.bedrock/"


def usage_body(prompt: int, completion: int, cached: int | None = None) -> dict:
    read = cached or 0
    out = {"inputTokens": prompt - read, "outputTokens": completion, "totalTokens": prompt + completion}
    return out | ({"cacheReadInputTokens": read, "cacheWriteInputTokens": 0} if cached is not None else {})


def reasoning(value: str, signature: str) -> dict[str, Any]:
    return {"reasoningContent": {"reasoningText": {"text": value, "signature": signature}}}


def blocks_of(pieces: tuple[Piece, ...]) -> list[tuple[dict[str, Any], list[str]]]:
    """(block, its deltas' texts): pieces of one kind in a row make one block, one delta each;
    reasoning is signed, as Claude's on Bedrock is; a call without id gets one (the API always has one)."""
    out: list[tuple[dict[str, Any], list[str]]] = []
    for n, piece in enumerate(pieces):
        if isinstance(piece, Call):
            use = {"toolUseId": piece.id or f"tooluse_mock{n:02d}", "name": piece.name, "input": piece.args or {}}
            out.append(({"toolUse": use}, []))
        elif out and kind_of(out[-1][0]) == ("text" if isinstance(piece, Text) else "reasoningContent"):
            out[-1][1].append(piece.text)
        else:
            out.append(({"text": ""} if isinstance(piece, Text) else reasoning("", f"sig-mock-{n}"), [piece.text]))
    for block, parts in out:
        if "text" in block:
            block["text"] = "".join(parts)
        elif "reasoningContent" in block:
            block["reasoningContent"]["reasoningText"]["text"] = "".join(parts)
    return out


def kind_of(block: dict[str, Any]) -> str:
    return next(iter(block))


def answer(*pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None) -> dict:
    calls = any(isinstance(p, Call) for p in pieces)
    body: dict[str, Any] = {
        "output": {"message": {"role": "assistant", "content": [block for block, _ in blocks_of(pieces)]}},
        "stopReason": STOP_REASONS[finish or ("tool_calls" if calls else "stop")],
        "metrics": {"latencyMs": 412},
    }
    return body | ({"usage": usage_body(*usage)} if usage else {})


# ---- event-stream frames ----------------------------------------------------------------


def header(name: str, value: str) -> bytes:
    raw = value.encode()
    return bytes([len(name)]) + name.encode() + b"\x07" + struct.pack(">H", len(raw)) + raw


def frame(headers: dict[str, str], payload: bytes) -> bytes:
    """One AWS event-stream message: prelude with its CRC, string headers, payload, message CRC."""
    block = b"".join(header(k, v) for k, v in headers.items())
    prelude = struct.pack(">II", 12 + len(block) + len(payload) + 4, len(block))
    body = prelude + struct.pack(">I", zlib.crc32(prelude)) + block + payload
    return body + struct.pack(">I", zlib.crc32(body))


def event(name: str, payload: dict[str, Any]) -> bytes:
    """An event frame, its payload padded with `p` as AWS pads them."""
    headers = {":event-type": name, ":content-type": "application/json", ":message-type": "event"}
    return frame(headers, json.dumps(payload | {"p": "abcdefgh"[: len(name) % 8]}).encode())


def exception(name: str, message: str) -> bytes:
    headers = {":exception-type": name, ":content-type": "application/json", ":message-type": "exception"}
    return frame(headers, json.dumps({"message": message}).encode())


def stream(
    *pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None, end: bool = True
) -> list[bytes]:
    """The frames of an answer: messageStart, each block's start (tool use), deltas and stop,
    messageStop, then metadata with the usage; without `end`, it stops before messageStop."""
    whole = answer(*pieces, usage=usage, finish=finish)
    out = [event("messageStart", {"role": "assistant"})]
    for index, (block, parts) in enumerate(blocks_of(pieces)):
        out += block_frames(index, block, parts)
    if not end:
        return out
    out.append(event("messageStop", {"stopReason": whole["stopReason"]}))
    metadata = {"metrics": {"latencyMs": 412}} | ({"usage": whole["usage"]} if usage else {})
    return out + [event("metadata", metadata)]


def block_frames(index: int, block: dict[str, Any], parts: list[str]) -> list[bytes]:
    at = {"contentBlockIndex": index}
    kind = kind_of(block)
    out = []
    if kind == "toolUse":
        use = block["toolUse"]
        start = {"toolUse": {"toolUseId": use["toolUseId"], "name": use["name"]}}
        out.append(event("contentBlockStart", at | {"start": start}))
        deltas = [{"toolUse": {"input": part}} for part in split(json.dumps(use["input"]), 2)]
    elif kind == "text":
        deltas = [{"text": part} for part in parts]
    else:
        deltas = [{"reasoningContent": {"text": part}} for part in parts]
        deltas.append({"reasoningContent": {"signature": block["reasoningContent"]["reasoningText"]["signature"]}})
    out += [event("contentBlockDelta", at | {"delta": delta}) for delta in deltas]
    return out + [event("contentBlockStop", at)]


def error_body(status: int, message: str, code: str | None = None) -> dict:
    """The body of an error answer; its type goes in the header (error())."""
    return {"message": message}


def error_headers(status: int, code: str | None = None) -> dict[str, str]:
    """x-amzn-ErrorType, the error's type (the one the API reference gives the status, when it gives one)."""
    kind = code or dict(ERRORS).get(status)
    return {"x-amzn-ErrorType": kind + NAMESPACE} if kind else {}


def error_event(message: str) -> bytes:
    return exception("modelStreamErrorException", message)


def error_codes(body: dict) -> list[str]:
    return []  # the type travels in a header


def models(names: list[str]) -> dict:
    raise NotImplementedError("the Bedrock runtime has no model list")


# ---- requests ---------------------------------------------------------------------------


# The region the suite's requests go to: its endpoint (127.0.0.1) names none, nor its credentials.
REGION = "us-east-1"


def chat_path(provider: Provider, model: str, stream: bool) -> tuple[str, dict[str, str]]:
    settings = next((m.settings for m in provider.models_of("llm") if m.name == model), {})
    wire = quote(wire_id(provider, model, settings), safe="")
    path = str(provider.api.endpoints["chat"]).replace("{model}", wire)
    return base_path(provider) + path + ("-stream" if stream else ""), {}


def wire_id(provider: Provider, model: str, settings: dict[str, Any], region: str = REGION) -> str:
    """The id a request names when the host sends none of the model's selects: their defaults' (the
    family's model, its inference profile from the region), else the model's api_id."""
    controls = settings.get("controls") or {}
    base = str(controls.get("model") or settings.get("api_id") or model)
    rule = controls.get("profile") or {}
    regions = sorted((prefix for prefix in rule if region.startswith(prefix)), key=len)
    has = provider.api.profiles.get(base, provider.api.profiles.get("*", ("",)))
    prefix = next((p for p in (rule[regions[-1]] if regions else [""]) if p in has), "")
    return f"{prefix}.{base}" if prefix else base


def read(recorded: Recorded) -> Sent:
    body = recorded.body
    messages = []
    if body.get("system"):
        messages.append(("system", [("text", b["text"]) for b in body["system"] if "text" in b]))
    for turn in body.get("messages", []):
        messages += turns_of(turn["role"], [part_of(b) for b in turn["content"]])
    tools = (body.get("toolConfig") or {}).get("tools") or []
    functions = [t for t in tools if "toolSpec" in t]
    choice = next(iter((body.get("toolConfig") or {}).get("toolChoice") or {}), None)
    model = unquote(recorded.path.rsplit("/model/", 1)[-1].rsplit("/", 1)[0])
    return Sent(
        model=model,
        stream=recorded.path.endswith("/converse-stream"),
        messages=messages,
        tools=[tool_function(t["toolSpec"]) for t in functions],
        builtin_tools=[t for t in tools if t not in functions],
        tool_choice={"any": "required"}.get(choice, choice),
        body=body,
    )


def tool_function(spec: dict) -> dict:
    out = {"name": spec["name"], "parameters": spec["inputSchema"]["json"]}
    return out | ({"description": spec["description"]} if "description" in spec else {})


MEDIA = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "pdf": "application/pdf"}


def part_of(block: dict) -> tuple:
    kind = kind_of(block)
    if kind == "text":
        return ("text", block["text"])
    if kind in ("image", "document"):
        inner = block[kind]
        return (kind, MEDIA.get(inner["format"], inner["format"]), inner["source"]["bytes"])
    if kind == "toolUse":
        use = block["toolUse"]
        return ("call", use["toolUseId"], use["name"], use["input"])
    if kind == "toolResult":
        result = block["toolResult"]
        return ("result", result["toolUseId"], None, "".join(c.get("text", "") for c in result["content"]))
    if kind == "reasoningContent":
        return ("reasoning", (block[kind].get("reasoningText") or {}).get("text", ""))
    return (kind, block)


seen = results_by_id
tidied = joined_turns  # the API wants one turn per role in a row, none empty


def schema(body: Any) -> Any:
    """Converse has no field for an answer's JSON schema (the runtime asks in the system text)."""
    return None


def comparable(provider: Provider, body: Any) -> Any:
    return body  # no end-user field, nothing a host spells its own way


def parameter_key(provider: Provider, name: str) -> str:
    return str(provider.parameters.get(name, {}).get("key", name))


def replays_reasoning(provider: Provider) -> bool:
    """Only signed reasoning this process received goes back, never a host's reasoning text."""
    return False


# ---- InvokeModel embeddings and bedrock-agent-runtime's Rerank -------------------------------


def embeddings(vectors: list[list[float]], tokens: int | None = None) -> dict:
    """Cohere Embed's InvokeModel answer (docs: model-parameters-embed): no token count."""
    return {"id": "emb-mock-1", "embeddings": vectors, "response_type": "embeddings_floats", "texts": []}


def titan(vector: list[float], tokens: int) -> dict:
    """Titan Text Embeddings' answer (docs: model-parameters-titan-embed-text): one vector, its tokens."""
    return {"embedding": vector, "inputTextTokenCount": tokens}


def nova(vector: list[float], tokens: int) -> dict:
    """Nova Multimodal Embeddings' answer to a SINGLE_EMBEDDING task (docs: nova-embeddings)."""
    return {"embeddings": [{"embeddingType": "TEXT", "embedding": vector}], "inputTextTokenCount": tokens}


def embedded(recorded: Recorded) -> tuple[str, list[str]]:
    """(model, texts) of an InvokeModel embedding request, whichever family's body it is."""
    body = recorded.body
    model = unquote(recorded.path.rsplit("/model/", 1)[-1].rsplit("/", 1)[0])
    if "texts" in body:
        return model, list(body["texts"])
    if "inputText" in body:
        return model, [body["inputText"]]
    return model, [body["singleEmbeddingParams"]["text"]["value"]]


def ranked(*scores: tuple[int, float]) -> dict:
    """A Rerank answer (API_agent-runtime_Rerank): results by index and relevanceScore, best first."""
    return {"results": [{"index": index, "relevanceScore": score} for index, score in scores]}
