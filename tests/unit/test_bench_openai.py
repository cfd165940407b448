"""The openai benchmark's parts that decide what is measured: the official plugin's requirements
(its pyproject's dependencies at its uv.lock's versions), the skip when its environment is absent
and may not be built, and the stream server's Responses streams as the `openai` SDK reads them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openai

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "bench")]
import official_env  # noqa: E402
from stream_server import responses_text  # noqa: E402

PYPROJECT = """[project]
name = "plugin"
version = "1.0.0"
dependencies = ["dify_plugin>=0.10.0", "openai>=2.45.0", "extra-thing>=1"]
"""
LOCK = """version = 1
[[package]]
name = "dify-plugin"
version = "0.10.2"
[[package]]
name = "openai"
version = "2.45.0"
"""


def test_requirements_are_pinned_to_the_lock_where_it_has_them(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "uv.lock").write_text(LOCK)
    assert official_env.requirements(tmp_path) == ["dify_plugin==0.10.2", "openai==2.45.0", "extra-thing>=1"]


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
