"""The gemini adapter: answers in the shapes of the Gemini API (ai.google.dev/api/generate-content:
candidates with parts, thoughts as `thought: true` parts, streamGenerateContent?alt=sse chunks with no
end marker, usageMetadata; errors at ai.google.dev/gemini-api/docs/troubleshooting; batchEmbedContents
at ai.google.dev/api/embeddings), and the neutral reading of a generateContent request. test_mocks.py
has the `google-genai` SDK read them; the builders of raw parts serve test_gemini.py."""

from __future__ import annotations

import json
from typing import Any

from compiler.model import Provider
from tests.conformance.protocols import (
    filled_path,
    no_error_headers,
    USAGE,
    Call,
    Picture,
    Piece,
    Sent,
    Text,
    base_path,
    declared_key,
    dig,
    joined_turns,
    turns_of,
    without_user,
)
from tests.integration.mock_server import Recorded, Reply

NAME = "gemini"
SENDS_USER = False  # Gemini has no end-user field
CALL_IDS = False  # function calls come without ids (the plugins make them up)
STOP_KEY = "generationConfig.stopSequences"
REPORTS_CACHE = False
EMBEDDING_USAGE = False
STREAMS_WITHOUT_USAGE = True
EMBEDDINGS = True
FRAMING = "sse"
FINISH = {"stop": "STOP", "tool_calls": "STOP", "length": "MAX_TOKENS"}
# The sampling parameters a spec declares under their OpenAI names: generateContent takes them in
# generationConfig, in camelCase (max_tokens as maxOutputTokens).
SAMPLING = ("temperature", "top_p", "top_k", "max_tokens", "presence_penalty", "frequency_penalty", "seed")
# The statuses the API reference lists, with their codes.
ERRORS = [
    (400, "INVALID_ARGUMENT"),
    (400, "FAILED_PRECONDITION"),
    (403, "PERMISSION_DENIED"),
    (404, "NOT_FOUND"),
    (429, "RESOURCE_EXHAUSTED"),
    (500, "INTERNAL"),
    (503, "UNAVAILABLE"),
    (504, "DEADLINE_EXCEEDED"),
]
STATUS_CODES = {401: "UNAUTHENTICATED"} | dict(reversed(ERRORS))


def usage_body(prompt: int, completion: int, cached: int | None = None) -> dict:
    out = {"promptTokenCount": prompt, "candidatesTokenCount": completion, "totalTokenCount": prompt + completion}
    return out | ({"cachedContentTokenCount": cached} if cached is not None else {})


def response(*parts: dict, finish: str = "STOP", usage: dict | None = None, model: str = "gemini-test") -> dict:
    """A generateContent response with one candidate of these parts."""
    candidate = {"content": {"role": "model", "parts": list(parts)}, "finishReason": finish, "index": 0}
    return {
        "candidates": [candidate],
        "usageMetadata": usage or usage_body(12, 5),
        "modelVersion": model,
        "responseId": "r1",
    }


def chunk(*parts: dict) -> dict:
    """A streamed chunk without a finish reason (more follow)."""
    return {"candidates": [{"content": {"role": "model", "parts": list(parts)}, "index": 0}]}


def streamed(*chunks: dict) -> Reply:
    return Reply(sse=frames(chunks))


def frames(chunks: Any) -> list[str]:
    """streamGenerateContent?alt=sse: each chunk one `data:` event, no end marker."""
    return [f"data: {json.dumps(c)}\r\n\r\n" for c in chunks]


def error(status: int, code: str, message: str) -> Reply:
    return Reply(status, error_body(status, message, code))


def blocked(reason: str = "SAFETY") -> dict[str, Any]:
    return {"promptFeedback": {"blockReason": reason}, "usageMetadata": {"promptTokenCount": 2, "totalTokenCount": 2}}


def part_of(piece: Piece) -> dict:
    if isinstance(piece, Call):
        return {"functionCall": {"name": piece.name, "args": piece.args or {}}}
    if isinstance(piece, Picture):
        return {"inlineData": {"mimeType": piece.mime, "data": piece.data}}
    return {"text": piece.text} | ({} if isinstance(piece, Text) else {"thought": True})


def answer(*pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None) -> dict:
    body = response(*(part_of(p) for p in pieces), finish=FINISH[finish or "stop"])
    return with_usage(body, usage_body(*usage) if usage else None)


def stream(
    *pieces: Piece, usage: tuple[int, ...] | None = USAGE, finish: str | None = None, end: bool = True
) -> list[str]:
    chunks = [chunk(part_of(p)) for p in pieces]
    if end:
        last = chunks.pop() if chunks else chunk({"text": ""})
        last["candidates"][0]["finishReason"] = FINISH[finish or "stop"]
        last |= {"modelVersion": "gemini-test", "responseId": "r1"}
        chunks.append(last | ({"usageMetadata": usage_body(*usage)} if usage else {}))
    return frames(chunks)


def with_usage(answer: dict, usage: dict | None) -> dict:
    return answer | {"usageMetadata": usage} if usage else {k: v for k, v in answer.items() if k != "usageMetadata"}


def error_body(status: int, message: str, code: str | None = None) -> dict:
    return {"error": {"code": status, "message": message, "status": code or STATUS_CODES.get(status, "UNKNOWN")}}


def error_event(message: str) -> str:
    return frames([error_body(500, message)])[0]


error_headers = no_error_headers


def error_codes(body: dict) -> list[str]:
    return [body["error"]["status"], str(body["error"]["code"])]


def models(names: list[str]) -> dict:
    methods = ["generateContent", "countTokens"]
    return {"models": [{"name": f"models/{n}", "displayName": n, "supportedGenerationMethods": methods} for n in names]}


def embeddings(vectors: list[list[float]], tokens: int | None = None) -> dict:
    """batchEmbedContents: one entry per request, in order (the API reports no usage)."""
    return {"embeddings": [{"values": list(v)} for v in vectors]}


def embedded(recorded: Recorded) -> tuple[str, list[str]]:
    requests = recorded.body["requests"]
    models = {r["model"].removeprefix("models/") for r in requests}
    assert len(models) == 1 and recorded.path.endswith(f"/models/{next(iter(models))}:batchEmbedContents")
    return models.pop(), [r["content"]["parts"][0]["text"] for r in requests]


# ---- requests ---------------------------------------------------------------------------


def chat_path(provider: Provider, model: str, stream: bool) -> tuple[str, dict[str, str]]:
    path = base_path(provider) + filled_path(provider, provider.api.endpoints["chat"], model)
    settings = next((m.settings for m in provider.models_of("llm") if m.name == model), {})
    if stream and settings.get("stream", True):
        return path.replace(":generateContent", ":streamGenerateContent"), {"alt": "sse"}
    return path, {}


def read(recorded: Recorded) -> Sent:
    body = recorded.body
    messages = []
    if body.get("systemInstruction"):
        messages.append(("system", [("text", p["text"]) for p in body["systemInstruction"]["parts"]]))
    for content in body.get("contents", []):
        parts = [part_read(p) for p in content["parts"]]
        messages += turns_of("assistant" if content["role"] == "model" else content["role"], parts)
    declarations = [t for t in body.get("tools") or () if "functionDeclarations" in t]
    mode = ((body.get("toolConfig") or {}).get("functionCallingConfig") or {}).get("mode")
    return Sent(
        model=recorded.path.rpartition("/models/")[2].partition(":")[0],
        stream=recorded.path.endswith(":streamGenerateContent"),
        messages=messages,
        tools=[d for t in declarations for d in t["functionDeclarations"]],
        builtin_tools=[t for t in body.get("tools") or () if "functionDeclarations" not in t],
        tool_choice={"ANY": "required"}.get(mode, mode.lower()) if mode else None,
        body=body,
    )


def part_read(part: dict) -> tuple:
    if "text" in part:
        return ("text", part["text"])
    if "inlineData" in part:
        data = part["inlineData"]
        mime = data.get("mimeType") or data["mime_type"]  # the API takes proto field names too
        return ("image" if mime.startswith("image/") else "document", mime, data["data"])
    if "functionCall" in part:
        return ("call", None, part["functionCall"]["name"], part["functionCall"].get("args", {}))
    if "functionResponse" in part:
        answered = part["functionResponse"]
        return ("result", None, answered["name"], answered["response"].get("result"))
    return ("other", part)


def seen(part: tuple) -> tuple:
    if part[0] in ("call", "result"):
        return (part[0], None, *part[2:])
    return part


comparable = without_user
tidied = joined_turns  # the API takes no empty turns, and one turn per role in a row


def parameter_key(provider: Provider, name: str) -> str:
    key = declared_key(provider, name)
    if key not in SAMPLING:
        return key
    head, *rest = "max_output_tokens".split("_") if key == "max_tokens" else key.split("_")
    return "generationConfig." + head + "".join(word.capitalize() for word in rest)


def replays_reasoning(provider: Provider) -> bool:
    return False


def schema(body: Any) -> Any:
    """generationConfig.responseSchema, asked with the JSON media type (None: none asked)."""
    if dig(body, "generationConfig.responseMimeType") != "application/json":
        return None
    return dig(body, "generationConfig.responseSchema")


def draws(body: Any) -> bool:
    """generationConfig.responseModalities with IMAGE."""
    return "IMAGE" in (dig(body, "generationConfig.responseModalities") or ())
