"""What each generated plugin ships of the runtime: the repository's modules byte for byte, the
same bytes in both plugins, a config module of the test config's shape, and no missing import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from compiler.build import compile_spec
from compiler.model import AUTH_MODULES
from compiler.runtime import config as test_config
from compiler.tables import KINDS, PROTOCOLS
from compiler.targets.runtime import RUNTIME, imports, package_of, relative, resolve, source
from compiler.write import write_tree
from tests.sample import SAMPLE, per_spec

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = sorted(p for p in (ROOT / "generated").glob("*/*") if p.is_dir())
# make test takes the sample's plugins (tests/sample.py), CI every one: one runtime, copied into each.
SAMPLED = [
    pytest.param(p, id=f"{p.parent.name}-{p.name}", marks=[] if p.parent.name in SAMPLE else [pytest.mark.catalogue])
    for p in PLUGINS
]
FOLDERS = {"dify": "models/runtime", "maibot": "runtime"}


def shipped(plugin: Path) -> Path:
    return plugin / FOLDERS[plugin.name]


def files(folder: Path) -> set[str]:
    """The Python files below `folder`, as paths relative to it."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.py")}


def dotted(path: str) -> str:
    """A runtime file's module name (targets/runtime.py's: "protocols.openai_chat", "" for the root)."""
    return path.removesuffix(".py").removesuffix("__init__").rstrip("/").replace("/", ".")


def settings(module: Path) -> dict[str, object]:
    namespace: dict[str, object] = {}
    exec(compile(module.read_text(encoding="utf-8"), str(module), "exec"), namespace)
    return {k: v for k, v in namespace.items() if k.isupper()}


@pytest.mark.parametrize("plugin", SAMPLED)
def test_runtime_modules_are_the_repositorys_bytes(plugin: Path) -> None:
    folder = shipped(plugin)
    modules = sorted(files(folder) - {"config.py"})
    assert modules and "__init__.py" in modules
    assert [m for m in modules if (folder / m).read_bytes() != (RUNTIME / m).read_bytes()] == []


@pytest.mark.parametrize("provider", per_spec(sorted({p.parent.name for p in PLUGINS})))
def test_both_plugins_share_config_and_shared_modules(provider: str) -> None:
    dify, maibot = (
        ROOT / "generated" / provider / "dify/models/runtime",
        ROOT / "generated" / provider / "maibot/runtime",
    )
    assert (dify / "config.py").read_bytes() == (maibot / "config.py").read_bytes()
    # The kinds MaiBot has no operation for, and user-added models' schemas (Dify's customizable-model).
    # (each under the name a protocol gives its own module of the kind: Bedrock's bedrock_rerank)
    dify_only = {
        f"kinds/{protocol.runtimes.get(kind.runtime, kind.runtime)}.py"
        for kind in KINDS
        if kind.runtime and not kind.maibot
        for protocol in PROTOCOLS.values()
    } | {"customizable.py"}
    shared = {p for p in files(dify) if not p.startswith("dify/")} - dify_only
    if not files(maibot) & {f"kinds/{k.runtime}.py" for k in KINDS if k.runtime}:
        shared -= {"kinds/__init__.py"}  # the Dify plugin's other kinds bring the package along
    assert shared <= files(maibot)
    assert not {p for p in files(maibot) if p.startswith("dify/")} and not {
        p for p in files(dify) if p.startswith("maibot/")
    }


@pytest.mark.parametrize("plugin", SAMPLED)
def test_only_the_protocols_the_models_speak_are_shipped(plugin: Path) -> None:
    """An Anthropic or Gemini plugin ships no OpenAI module (nor any other protocol's); a plugin whose
    models speak several ships each of them."""
    config = settings(shipped(plugin) / "config.py")
    spoken = {config["PROTOCOL"], *config["PROTOCOLS"]}
    assert {p for p in files(shipped(plugin)) if p.startswith("protocols/")} == {
        "protocols/__init__.py",
        *(f"protocols/{protocol}.py" for protocol in spoken),
    }


@pytest.mark.parametrize("plugin", SAMPLED)
def test_config_has_the_test_configs_shape(plugin: Path) -> None:
    rendered, expected = settings(shipped(plugin) / "config.py"), settings(Path(test_config.__file__))
    if rendered["EMBEDDINGS"] != "embeddings":  # the embeddings call's keys ship with that module only
        del expected["EMBEDDING"]
    assert rendered.keys() == expected.keys()
    # A setting that may be None (BASE_URL_REWRITE) has its type only where a spec sets it.
    optional = {k for k in expected if expected[k] is None or rendered[k] is None}
    assert {k: type(v) for k, v in rendered.items() if k not in optional} == {
        k: type(v) for k, v in expected.items() if k not in optional
    }


@pytest.mark.parametrize("plugin", SAMPLED)
def test_every_import_a_plugin_runs_is_shipped(plugin: Path) -> None:
    """Module-level imports always; an import inside a function only where the config lets that
    function run (its kind's endpoint is set)."""
    folder = shipped(plugin)
    present = {dotted(p) for p in files(folder)}
    endpoints = settings(folder / "config.py")["ENDPOINTS"]
    for module in present - {"config"}:
        assert imports(module) <= present, module
        for lazy in function_level_imports(folder / relative(module)):
            if lazy in AUTH_MODULES.values():  # http.signed and http.address, for that auth scheme
                schemes = {settings(folder / "config.py")["AUTH"][0]}
                schemes |= {entry["auth"][0] for entry in settings(folder / "config.py")["PROTOCOLS"].values()}
                scheme = next(s for s, m in AUTH_MODULES.items() if m == lazy)
                assert (lazy in present) == (scheme in schemes), (module, lazy)
                continue
            kind = next(k for k in KINDS if k.runtime == lazy or (lazy == "kinds" and k.runtime == "embeddings"))
            if lazy == "kinds" and any(p.startswith("kinds.") for p in present):  # the package of another kind
                assert "kinds" in present, (module, lazy)
                continue
            assert (lazy in present or f"kinds.{lazy}" in present) == bool(endpoints.get(kind.endpoint)), (module, lazy)


def function_level_imports(path: Path) -> set[str]:
    """The runtime modules imported inside functions, by their last name (`from ..kinds import x`: x)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(tree.body)
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level >= 1 and node not in top
        for alias in node.names
    }


FAMILIES = ("protocols", "kinds", "dify", "maibot")


@pytest.mark.parametrize("module", sorted(dotted(p) for p in files(RUNTIME)), ids=lambda m: m or "runtime")
def test_imports_point_down_and_no_member_imports_a_sibling(module: str) -> None:
    """The core (and each family's package) imports only the core; a protocol or kind imports the core
    and its own package, never a sibling; a host's adapters never import the other host's."""
    family, _, member = module.partition(".")
    for target in imports(module) | lazy_targets(module):
        outside = target.split(".")[0] in FAMILIES
        if family not in FAMILIES or not member:
            assert not outside, (module, target)
        elif family in ("protocols", "kinds"):
            assert not outside or target == family, (module, target)
        else:
            assert not target.startswith({"dify": "maibot", "maibot": "dify"}[family]), (module, target)


def lazy_targets(module: str) -> set[str]:
    tree = ast.parse(source(module).read_text(encoding="utf-8"))
    package, found = package_of(module), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1 and node not in tree.body:
            found.add(resolve(package, node.level, node.module or ""))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("host", ["dify", "maibot"])
def test_host_adapters_import_from_the_repository(host: str) -> None:
    """In a process of their own: importing dify_plugin patches the process with gevent."""
    modules = sorted(dotted(f"{host}/{p}") for p in files(RUNTIME / host))
    code = "import importlib\n" + "".join(f"importlib.import_module('compiler.runtime.{m}')\n" for m in modules)
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]


def test_the_test_config_is_what_a_spec_that_says_nothing_compiles_to(tmp_path: Path) -> None:
    """compiler/runtime/config.py repeats the spec language's defaults (the runtime never imports
    the compiler); this keeps the copy true."""
    from compiler.build import compile_spec
    from tests.unit.test_lower import minimal, write_spec

    spec = minimal(name="example", api={"base_url": "https://api.example.invalid/v1"})
    _, files = compile_spec(write_spec(tmp_path, spec, name="example"))
    namespace: dict[str, object] = {}
    exec(files["dify/models/runtime/config.py"].decode(), namespace)
    expected = settings(Path(test_config.__file__))
    same = ("PROVIDER", "PROTOCOL", "BASE_URL", "AUTH", "API_KEY_VARIABLE", "BASE_URL_VARIABLE", "STATUS_KINDS")
    same += ("CODE_KINDS", "CONNECT_TIMEOUT", "READ_TIMEOUT", "SEND_USER", "STREAM_USAGE", "REASONING_HISTORY")
    same += ("MODEL_SETTINGS", "KIND_SETTINGS", "RERANK", "CUSTOMIZABLE")
    assert {k: namespace[k] for k in same} == {k: expected[k] for k in same}
    # The test config has every endpoint at the protocol's default; a plugin lists those it calls.
    assert expected["ENDPOINTS"] == PROTOCOLS["openai_chat"].endpoints
    assert namespace["ENDPOINTS"] == {"chat": "/chat/completions", "models": "/models"}


@pytest.mark.parametrize("provider", per_spec(sorted({p.parent.name for p in PLUGINS})))
def test_the_copied_runtime_is_marked_generated_for_review(provider: str) -> None:
    """Code hosts fold what .gitattributes marks linguist-generated: every copied runtime module, and
    nothing else (config.py is the spec's own settings)."""
    tree = ROOT / "generated" / provider
    paths = sorted(p.relative_to(ROOT).as_posix() for p in tree.rglob("*") if p.is_file())
    run = subprocess.run(
        ["git", "check-attr", "--stdin", "linguist-generated"],
        cwd=ROOT,
        input="\n".join(paths),
        capture_output=True,
        text=True,
        check=True,
    )
    marked = {line.split(": ")[0] for line in run.stdout.splitlines() if line.endswith(": true")}
    copied = {
        path
        for path in paths
        if any(f"/{folder}/" in path for folder in FOLDERS.values()) and not path.endswith("/config.py")
    }
    assert marked == copied and copied


def test_a_plugin_ships_every_protocol_its_models_speak(tmp_path: Path) -> None:
    """The test-only spec whose chat models speak four protocols: both plugins ship the four, and
    config.PROTOCOLS reaches the three beside api.protocol."""
    write_tree(tmp_path, compile_spec(ROOT / "tests" / "conformance" / "specs" / "mixed.yaml")[1])
    four = {"anthropic_messages", "gemini", "openai_chat", "openai_responses"}
    for folder in (tmp_path / "dify" / "models" / "runtime", tmp_path / "maibot" / "runtime"):
        assert {p for p in files(folder) if p.startswith("protocols/")} == {"protocols/__init__.py"} | {
            f"protocols/{name}.py" for name in four
        }
        config = settings(folder / "config.py")
        assert config["PROTOCOL"] == "openai_chat" and set(config["PROTOCOLS"]) == four - {"openai_chat"}
        assert config["MODEL_SETTINGS"]["mixed-flex"]["protocol"] == ("openai_responses", "openai_chat")
