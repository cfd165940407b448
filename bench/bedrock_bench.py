"""The generated Bedrock plugin against the official bedrock plugin (issue 28), both over Amazon
Bedrock's Converse API against the loopback stream server (`/b<chunks>/model/<id>/converse-stream`:
event-stream frames), both driven through the Dify SDK's public `invoke`, each in its own process
under its own venv's python (bench/sdk_side.py), commands alternating between the two processes.

The official plugin reaches Bedrock through boto3 (a client per call, botocore's signer and its
event-stream parser); ours through the generated runtime (runtime/sigv4.py, runtime/eventstream.py).
Both sign with the same access key pair for us-east-1, and both are pointed at the stream server by
the official endpoint-override credential, `bedrock_endpoint_url`. Both ask for Nova Pro without a
cross-region profile: the official plugin names it as its family (`amazon nova`) with the
`model_name` parameter; the generated side does the same when its spec has that family
(specs/bedrock.yaml), otherwise asks for the wire id (the conformance suite's stratus spec)."""

from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path

import official_env
from openai_bench import Side, Sizes, compared, sdk_samples

from compiler.build import compile_spec
from compiler.write import write_tree

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = Path("/work/official/models/bedrock")  # an extracted snapshot of langgenius/dify-official-plugins
FAMILY, PICK = "amazon nova", {"model_name": "Nova Pro V1", "cross-region": "disabled"}
WIRE_ID = "amazon.nova-pro-v1:0"  # what both send, in the path of /model/{id}/converse-stream
ROUTE = "b"  # the stream server's Converse answers

FULL = Sizes(chunks=20000, rounds=5, blocking=100, batch=20, shapes=(), shape_rounds=0)
QUICK = Sizes(chunks=300, rounds=1, blocking=10, batch=5, shapes=(), shape_rounds=0)


def default_spec() -> Path:
    shipped = ROOT / "specs" / "bedrock.yaml"
    return shipped if shipped.exists() else ROOT / "tests" / "conformance" / "specs" / "stratus.yaml"


def credentials(prefix: str) -> dict:
    """The official credential names, which the generated plugin shares: an access key pair, the
    region, and the endpoint override pointing at the stream server."""
    return {
        "auth_method": "Access_Secret_Key",
        "aws_access_key_id": "AKIDBENCHMARK0000000",
        "aws_secret_access_key": "bench-secret-access-key",
        "aws_region": "us-east-1",
        "bedrock_endpoint_url": prefix,
    }


def generated(spec: Path, work: Path) -> Side:
    provider, files = compile_spec(spec)
    write_tree(work / "generated", files)
    names = [m.name for m in provider.models if m.type == "llm"]
    model, parameters = (FAMILY, PICK) if FAMILY in names else (WIRE_ID, {})
    if model not in names:
        raise SystemExit(f"{spec}: neither {FAMILY!r} nor {WIRE_ID!r} is a model of the spec")
    folder = work / "generated" / "dify"
    return Side("generated", Path(sys.executable), folder, provider.name, model, credentials, ROUTE, parameters)


def official(source: Path, work: Path, install: bool) -> tuple[Side | None, str]:
    """The official plugin copied into `work`, with its environment's python; or (None, why not)."""
    if not (source / "pyproject.toml").exists():
        return None, f"{source}/pyproject.toml not found"
    python, why = official_env.build(source, "official-bedrock", install)
    if python is None:
        return None, why
    folder = work / "official-bedrock"
    shutil.copytree(source, folder)
    return Side("official", python, folder, "bedrock", FAMILY, credentials, ROUTE, dict(PICK)), ""


def measure(server: str, sizes: Sizes, work: Path, spec: Path, source: Path, install: bool = True) -> dict:
    """Every sample of both sides (only ours when the official side is skipped, with the reason)."""
    ours = generated(spec, work)
    theirs, skipped = official(source, work, install)
    sides = [ours] + ([theirs] if theirs else [])
    return {
        "spec": spec,
        "skipped": skipped,
        "official_requirements": official_env.requirements(source) if theirs else [],
        "sdk": sdk_samples(sides, server, sizes),
    }


def rows(result: dict, sizes: Sizes) -> list[list[str]]:
    us = {k: statistics.median(v) / sizes.chunks * 1e6 for k, v in result["sdk"]["stream"].items()}
    ms = {k: statistics.median(v) * 1e3 for k, v in result["sdk"]["blocking"].items()}
    theirs, ratio = compared(
        lambda k: f"{us[k]:.1f} µs/chunk ({1e6 / us[k]:,.0f}/s)",
        lambda: f"{us['official'] / us['generated']:.2f}× throughput",
        result,
    )
    where = f"Dify stream, {sizes.chunks:,} chunks, Bedrock Converse: generated vs the official bedrock plugin (boto3)"
    out = [[where, f"{us['generated']:.1f} µs/chunk ({1e6 / us['generated']:,.0f}/s)", theirs, ratio, "(reported)", ""]]
    calls = len(result["sdk"]["blocking"]["generated"])
    theirs, ratio = compared(
        lambda k: f"{ms[k]:.2f} ms", lambda: f"{ms['generated'] / ms['official']:.2f}× the time", result
    )
    what = f"Dify blocking, {calls} calls, Bedrock Converse: generated vs the official bedrock plugin (boto3), median"
    return out + [[what, f"{ms['generated']:.2f} ms", theirs, ratio, "(reported)", ""]]


def notes(result: dict) -> str:
    spec = Path(result["spec"]).resolve().relative_to(ROOT)
    pins = result["official_requirements"]
    env = ", ".join(p for p in pins if p.split("==")[0] in ("boto3", "botocore", "dify-plugin")) or "not built"
    return f"""- Bedrock Converse rows (bench/bedrock_bench.py): the plugin generated from `{spec}` vs the
  official `bedrock` plugin (a scratch copy of /work/official/models/bedrock, model `{FAMILY}` with
  `model_name: {PICK['model_name']}` and no cross-region profile; {WIRE_ID} on the wire), in its own venv
  bench/.venvs/official-bedrock built from its uv.lock ({env}). Both sign with SigV4 for us-east-1 and
  read the same event-stream frames from the stream server, reached through `bedrock_endpoint_url`;
  every answer is checked whole. The official plugin makes a boto3 client per call; ours signs with
  the standard library and decodes frames in runtime/eventstream.py."""
