"""import_plugin on small plugins written here: the spec data, the findings, the protocol, and the
written spec building a plugin whose models are the source's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compiler.build import compile_spec
from compiler.errors import UserError
from compiler.load import load_spec
from compiler.sources.dify_plugin import import_plugin
from compiler.sources.compare import models_of
from tests.unit.sources.plugins import PROVIDER, model_yaml, spec_in, write_plugin


def test_models_rules_and_defaults(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "plugin"))
    data = imported.data
    assert [m["name"] for m in data["models"]] == ["acme-2", "acme-1", "acme-3"]  # position order, then files
    assert data["api"] == {"base_url": "https://api.acme.example/v1"}
    llm = data["defaults"]["llm"]
    assert llm["parameters"][:2] == ["temperature", "top_p"]  # the explicit rule equal to Dify's template
    assert llm["parameters"][2] == "max_tokens" and llm["max_output_tokens"] == 8192
    assert llm["parameters"][3] == {"name": "seed", "type": "int", "label": "Seed", "required": False}
    assert llm["pricing"] == {"per": "million", "currency": "USD"}
    assert data["models"][0]["pricing"] == {"input": Decimal("3"), "output": Decimal("2")}
    assert data["models"][2] == {
        "name": "acme-3",
        "max_output_tokens": 16384,
        "pricing": {"input": Decimal("1"), "output": Decimal("2")},
        "deprecated": True,
    }
    assert data["credentials"]["api_key"] == {"variable": "acme_key"}
    assert data["credentials"]["base_url"] == {"variable": "endpoint_url", "label": "Endpoint"}
    assert data["credentials"]["extra"][0]["options"] == [
        {"value": "us", "label": "US"},
        {"value": "eu", "label": "Europe"},
    ]


def test_findings_are_located(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "plugin"))
    found = [(f.where, f.text) for f in imported.findings]
    assert any("stream_options" in text for where, text in found if where == "models/llm/llm.py:10")
    assert any("end-user id" in text for where, text in found if where == "models/llm/llm.py:11")
    assert any("aliases" in text for where, text in found if where == "models/llm/llm.py:4")
    assert any("acme-gone" in text for where, text in found if where == "models/llm/_position.yaml")
    assert all(line.startswith("TODO ") for line in imported.header()[1:])


def test_written_spec_builds_the_same_models(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "plugin"))
    _, files = compile_spec(spec_in(imported, tmp_path))
    position = files["dify/models/llm/_position.yaml"].decode()
    assert position.splitlines()[1:] == ["- acme-2", "- acme-1", "- acme-3"]
    assert b"max: 16384" in files["dify/models/llm/acme-3.yaml"]


@pytest.mark.parametrize(
    ("code", "protocol"),
    [("import anthropic\n", "anthropic_messages"), ("from google.genai import types\n", "gemini")],
)
def test_protocol_from_the_sdk_the_chat_code_uses(tmp_path, code, protocol):
    imported = import_plugin(write_plugin(tmp_path / "plugin", {"models/llm/llm.py": code}))
    assert imported.data["api"]["protocol"] == protocol
    assert any(protocol in f.text for f in imported.findings if f.where == "models/llm/llm.py:1")


@pytest.mark.parametrize(
    ("code", "named", "line"),
    [
        ("import json\nimport boto3\n", "AWS Bedrock", 2),
        ("from dashscope import Generation\n", "DashScope", 1),
        ("import os\n\nclient = AzureOpenAI()\n", "Azure OpenAI", 3),
        ("import google.auth.transport.requests\nfrom mistralai.gcp.client import MistralGCP\n", "Vertex AI", 1),
        ("import hashlib\nimport hmac\n\nSIG = hmac.new(b'k', b'POST/asr', hashlib.sha1).digest()\n", "(HMAC-SHA1)", 4),
        ("from hmac import new as mac\n\nSIG = mac(b'k', b'm', 'sha256')\n", "(HMAC-SHA256)", 3),
    ],
)
def test_a_foreign_protocol_is_refused_with_its_place(tmp_path, code, named, line):
    with pytest.raises(UserError) as caught:
        import_plugin(write_plugin(tmp_path / "plugin", {"models/llm/llm.py": code}))
    diagnostic = caught.value.diagnostics()[0]
    assert named in diagnostic.message
    assert (diagnostic.file, diagnostic.line) == (str(tmp_path / "plugin" / "models/llm/llm.py"), line)


def test_signing_outside_the_model_code_is_a_finding(tmp_path):
    """HMAC signing in code that serves no model kind here is said, not refused; a digest comparison is no
    signing at all."""
    files = {
        "models/helpers.py": "import hmac\n\nSIG = hmac.digest(b'k', b'm', 'sha1')\n",
        "models/llm/check.py": "import hmac\n\nSAME = hmac.compare_digest('a', 'b')\n",
    }
    imported = import_plugin(write_plugin(tmp_path / "plugin", files))
    said = [(f.where, f.text) for f in imported.findings if "signs" in f.text]
    assert said == [("models/helpers.py:3", said[0][1])] and "(HMAC-SHA1)" in said[0][1]


def test_two_protocols_are_refused_naming_both(tmp_path):
    code = "import anthropic\nfrom openai import OpenAI\n"
    with pytest.raises(UserError, match="several protocols.*anthropic_messages .*openai_chat"):
        import_plugin(write_plugin(tmp_path / "plugin", {"models/llm/llm.py": code}))


def test_spec_loads_back(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "plugin"))
    loaded = load_spec(spec_in(imported, tmp_path))
    assert loaded.data["models"][0]["name"] == "acme-2"


def test_a_foreign_sdk_outside_the_chat_code_is_a_finding(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "plugin", {"models/_common.py": "import os\nimport dashscope\n"}))
    assert any("DashScope" in f.text for f in imported.findings if f.where == "models/_common.py:2")


def test_what_the_chat_code_never_names_is_said(tmp_path):
    imported = import_plugin(write_plugin(tmp_path / "plugin", {"models/llm/llm.py": "import openai\n"}))
    said = [f.text for f in imported.findings if f.where == "models/llm/llm.py"]
    assert any("stream_options" in text for text in said) and any("end-user id" in text for text in said)
    quiet = import_plugin(write_plugin(tmp_path / "other"))
    assert not [f for f in quiet.findings if "never names" in f.text]


def test_models_in_subfolders_are_read_as_the_globs_name_them(tmp_path):
    """A provider YAML may name one glob per vendor folder (cometapi's models/llm/openai/*.yaml): `*` stays
    inside a folder, so a file the globs do not name is left out, as Dify leaves it out."""
    provider = PROVIDER.replace(
        'predefined: ["models/llm/*.yaml"]', 'predefined: ["models/llm/*.yaml", "models/llm/v/*.yaml"]'
    )
    extra = {
        "provider/acmeplug.yaml": provider,
        "models/llm/v/b1.yaml": model_yaml("vendor-1", 8192),
        "models/llm/w/b2.yaml": model_yaml("vendor-2", 8192),
    }
    plugin = write_plugin(tmp_path / "plugin", extra)
    names = [m["name"] for m in import_plugin(plugin).data["models"]]
    assert names == ["acme-2", "acme-1", "acme-3", "vendor-1"]
    files = {p.relative_to(plugin).as_posix(): p.read_bytes() for p in plugin.rglob("*") if p.is_file()}
    assert {("llm", "vendor-1"), ("llm", "acme-1")} <= set(models_of(files))  # compare reads them the same way
    assert ("llm", "vendor-2") not in models_of(files)
