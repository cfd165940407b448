"""The openai benchmark's parts that decide what is measured: the official plugin's requirements
(what its uv.lock resolved for its own dependencies), the skip when its environment is absent and
may not be built, the stream server's Responses streams as the `openai` SDK reads them, and the
daemon shapes given on the command line; and the Bedrock rows' Converse answers as botocore reads them."""

from __future__ import annotations

import subprocess
import sys
from argparse import ArgumentTypeError
from pathlib import Path

import openai
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "bench")]
import official_env  # noqa: E402
from stream_server import responses_text  # noqa: E402

PYPROJECT = """[project]
name = "plugin"
version = "1.0.0"
dependencies = ["dify_plugin>=0.10.0", "openai>=2.45.0"]
"""
LOCK = """version = 1
[[package]]
name = "plugin"
version = "1.0.0"
source = { virtual = "." }
dependencies = [{ name = "dify-plugin" }, { name = "openai" }]
[package.dev-dependencies]
dev = [{ name = "pytest" }]
[[package]]
name = "dify-plugin"
version = "0.10.2"
dependencies = [{ name = "gevent" }, { name = "colorama", marker = "sys_platform == 'never'" }]
[[package]]
name = "openai"
version = "2.45.0"
dependencies = [{ name = "gevent" }]
[[package]]
name = "gevent"
version = "26.5.0"
[[package]]
name = "colorama"
version = "0.4.6"
[[package]]
name = "pytest"
version = "9.0.2"
"""


def test_requirements_are_the_locks_packages_for_the_plugins_own_dependencies(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    assert official_env.requirements(tmp_path) == ["dify_plugin>=0.10.0", "openai>=2.45.0"]  # no lock
    (tmp_path / "uv.lock").write_text(LOCK)
    assert official_env.requirements(tmp_path) == ["dify-plugin==0.10.2", "gevent==26.5.0", "openai==2.45.0"]


def test_an_absent_environment_is_skipped_with_the_reason_when_it_may_not_be_built(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    python, why = official_env.build(tmp_path, "never-built-by-tests", install=False)
    assert python is None and "bench/.venvs/never-built-by-tests is not built" in why
    assert not (official_env.VENVS / "never-built-by-tests").exists()


def test_the_sdk_reads_the_servers_responses_streams_whole() -> None:
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "stream_server.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = server.stdout.readline().strip()
        for prefix, chunks in (("/r50", 50), ("/p5x1", 5)):  # all at once; paced, 1 ms apart
            client = openai.OpenAI(api_key="k", base_url=f"{url}{prefix}/v1", max_retries=0)
            events = list(client.responses.create(model="m", input="Hi", stream=True))
            deltas = [e.delta for e in events if e.type == "response.output_text.delta"]
            assert len(deltas) == chunks and "".join(deltas) == responses_text(chunks)
            assert events[-1].type == "response.completed" and events[-1].response.output_text == "".join(deltas)
            assert events[-1].response.usage.output_tokens == chunks
        assert client.responses.create(model="m", input="Hi").output_text == "pong"
    finally:
        server.stdin.close()
        server.wait(timeout=10)


def test_daemon_shapes_are_read_from_the_command_line_with_one_clear_error() -> None:
    import openai_bench
    from daemon_shape import Shape

    assert openai_bench.shapes_of("100x400x10,300x400x10") == (Shape(100, 400, 10), Shape(300, 400, 10))
    assert Shape(100, 400, 10).floor_ms == 40 and Shape(100, 400, 10).path == "/p400x10"
    for bad, why in (("100x400", "expected CONCURRENCYxCHUNKSxPACING_MS"), ("0x400x10", "must be ≥ 1")):
        with pytest.raises(ArgumentTypeError, match=why):
            openai_bench.shapes_of(bad)


def test_botocores_bedrock_client_reads_the_servers_converse_answers_whole() -> None:
    """The Bedrock rows' stream (bench/bedrock_bench.py): botocore's own client, signing for real,
    reads the Converse frames the official plugin and ours are both sent."""
    import botocore.session
    from botocore.config import Config

    server = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "stream_server.py")], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        url = server.stdout.readline().decode().strip()
        session = botocore.session.get_session()
        client = session.create_client(
            "bedrock-runtime",
            region_name="us-east-1",
            endpoint_url=f"{url}/b40",
            aws_access_key_id="AKIDTEST",
            aws_secret_access_key="secret",
            config=Config(retries={"max_attempts": 1}),
        )
        ask = {"modelId": "amazon.nova-pro-v1:0", "messages": [{"role": "user", "content": [{"text": "Hi"}]}]}
        events = list(client.converse_stream(**ask)["stream"])
        deltas = [e["contentBlockDelta"]["delta"]["text"] for e in events if "contentBlockDelta" in e]
        assert "".join(deltas) == responses_text(40) and len(deltas) == 40
        assert events[-1]["metadata"]["usage"]["outputTokens"] == 40
        answer = client.converse(**ask)
        assert answer["output"]["message"]["content"] == [{"text": "pong"}] and answer["usage"]["outputTokens"] == 1
    finally:
        server.stdin.close()
        server.wait(timeout=10)
