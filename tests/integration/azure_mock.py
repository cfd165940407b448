"""Azure OpenAI as the mock server answers it: Entra ID's token endpoint on 127.0.0.1 (it checks the
client-credentials grant it is sent and hands out numbered tokens), and the bodies Azure documents
for its content filter: annotations on every answer, a prompt refused with code content_filter, and
an answer stopped by it, blocking or mid-stream
(learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs

from tests.integration.mock_server import QuietServer

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
CLIENT_ID = "0d5d9f3c-1111-4c6e-9a51-5b0f2f3a7e10"
CLIENT_SECRET = "Q~8Qentra.secret-value_0123456789abcdef"
SCOPE = "https://cognitiveservices.azure.com/.default"
CATEGORIES = ("hate", "self_harm", "sexual", "violence")


@dataclass
class EntraServer:
    """POST /{tenant}/oauth2/v2.0/token: a token for the right tenant, client, secret and scope
    (`expires_in` seconds), Entra's invalid_client / invalid_scope answer otherwise."""

    expires_in: int = 3599
    issued: list[dict[str, str]] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)
    httpd: QuietServer | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def answer(self, path: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if path != f"/{TENANT}/oauth2/v2.0/token" or form.get("grant_type") != "client_credentials":
            return 400, {"error": "invalid_request", "error_description": f"AADSTS900144: bad request to {path}"}
        if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            self.refused.append(form)
            return 401, {"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret."}
        if form.get("scope") != SCOPE:
            return 400, {"error": "invalid_scope", "error_description": f"AADSTS70011: scope {form.get('scope')}"}
        self.issued.append(form)
        token = f"entra-token-{len(self.issued)}"
        return 200, {
            "token_type": "Bearer",
            "expires_in": self.expires_in,
            "ext_expires_in": 3599,
            "access_token": token,
        }

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def start_entra(expires_in: int = 3599) -> EntraServer:
    server = EntraServer(expires_in)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            with lock:
                status, body = server.answer(self.path, form)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server.httpd = QuietServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.httpd.serve_forever, daemon=True).start()
    return server


def verdicts(*filtered: str, severity: str = "medium") -> dict[str, dict[str, Any]]:
    """A content_filter_results object: the named categories filtered at `severity`, the rest safe."""
    out: dict[str, dict[str, Any]] = {
        name: {"filtered": name in filtered, "severity": severity if name in filtered else "safe"}
        for name in CATEGORIES
    }
    if "jailbreak" in filtered:
        out["jailbreak"] = {"filtered": True, "detected": True}
    return out


def annotated(answer: dict[str, Any]) -> dict[str, Any]:
    """A chat completion as Azure sends it: the prompt's filter results, and each choice's."""
    choices = [choice | {"content_filter_results": verdicts()} for choice in answer["choices"]]
    return (
        answer
        | {"prompt_filter_results": [{"prompt_index": 0, "content_filter_results": verdicts()}]}
        | {"choices": choices}
    )


def annotated_stream(chunks: list[str]) -> list[str]:
    """A chat stream as Azure sends it: first an event with the prompt's filter results and no choices."""
    head = {"id": "", "object": "", "created": 0, "model": "", "choices": []}
    head["prompt_filter_results"] = [{"prompt_index": 0, "content_filter_results": verdicts()}]
    return [f"data: {json.dumps(head)}\n\n", *chunks]


def prompt_filtered(*categories: str) -> dict[str, Any]:
    """The HTTP 400 body of a prompt the filter refused."""
    message = (
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. "
        "Please modify your prompt and retry."
    )
    inner = {"code": "ResponsibleAIPolicyViolation", "content_filter_result": verdicts(*categories)}
    error = {"message": message, "type": None, "param": "prompt", "code": "content_filter", "status": 400}
    return {"error": error | {"innererror": inner}}


def answer_filtered(*categories: str) -> dict[str, Any]:
    """A blocking answer the filter stopped: finish_reason content_filter, no content."""
    choice = {"index": 0, "finish_reason": "content_filter", "message": {"role": "assistant", "content": None}}
    usage = {"prompt_tokens": 12, "completion_tokens": 0, "total_tokens": 12}
    return annotated(
        {"id": "chatcmpl-f", "object": "chat.completion", "created": 1, "model": "gpt-4o", "choices": [choice]}
    ) | {"usage": usage, "choices": [choice | {"content_filter_results": verdicts(*categories)}]}


def stream_filtered(text: str, *categories: str) -> list[str]:
    """A stream the filter stops mid-answer: some text, then an event with finish_reason content_filter."""
    head = {"id": "chatcmpl-s", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o"}
    first = head | {"choices": [{"index": 0, "delta": {"role": "assistant", "content": text}, "finish_reason": None}]}
    stop = {"index": 0, "delta": {}, "finish_reason": "content_filter", "content_filter_results": verdicts(*categories)}
    events = [first, head | {"choices": [stop]}]
    return annotated_stream([f"data: {json.dumps(e)}\n\n" for e in events] + ["data: [DONE]\n\n"])
