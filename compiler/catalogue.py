"""The catalogue page: one row per spec (protocols, kinds, models, features, auth, hosts, version), made
from the compiled specs. `build` over every spec writes it beside them where a project keeps one
(specs/README.md here), `check` fails when it is stale, and the conformance suite backs every "yes"
cell with a check of that provider's plugin on a model that has the feature (FEATURES is shared)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from compiler.build import Compiled
from compiler.model import ModelInfo, Provider

PAGE = "README.md"  # in the specs folder, so a browser of the repository sees it there

TOOL_FEATURES = frozenset({"tool-call", "multi-tool-call"})  # stream-tool-call alone: Dify offers no tools

# A matrix column → whether a chat model has it, from what its Dify model YAML declares.
FEATURES: dict[str, Callable[[ModelInfo], bool]] = {
    "tools": lambda m: bool(TOOL_FEATURES & set(m.features)),
    "vision": lambda m: "vision" in m.features,
    "reasoning": lambda m: "agent-thought" in m.features,
    "structured output": lambda m: "structured-output" in m.features
    or any(r.name == "json_schema" for r in m.parameters),
    "image output": lambda m: m.draws,
}

HEAD = ["provider", "protocols", "kinds", "models", *FEATURES, "auth", "Dify", "MaiBot", "version"]

INTRO = """\
# The catalogue

Every provider in this folder, one spec each, as `provider-compiler build` compiles it (it writes this
page; `provider-compiler check` fails when the page is stale). A feature is *yes* when at least one
of the provider's chat models declares it, and the conformance suite then runs that feature's checks
against such a model on both hosts (`tests/conformance`, `CONFORMANCE_SPECS=all` in CI); *user* means
the models are the user's own (added in Dify's model form) and the user says what each one does.
*models* counts predefined models (deprecated ones included); *MaiBot* lists the operations its plugin
serves.
"""


def feature_models(provider: Provider, feature: str) -> tuple[ModelInfo, ...]:
    """The provider's chat models that have a matrix feature (the checks of that feature talk to them)."""
    return tuple(m for m in provider.models_of("llm") if FEATURES[feature](m))


def row(provider: Provider) -> list[str]:
    """One provider's cells, in HEAD's order."""
    chat = provider.models_of("llm")
    added = not chat and provider.customizable is not None and "llm" in provider.customizable.types
    cells = []
    for feature, has in FEATURES.items():
        if any(has(m) for m in chat):
            cells.append("yes")
        else:
            cells.append("user" if added and feature != "image output" else "–")
    maibot = ", ".join(kind.maibot.operation for kind in provider.maibot_kinds if kind.maibot) or "–"
    return [
        f"[{provider.name}]({Path(provider.spec_file).name})",
        ", ".join(provider.api.spoken or (provider.api.protocol,)),
        ", ".join(kind.name for kind in provider.kinds),
        str(len(provider.models)),
        *cells,
        ", ".join(sorted(provider.api.schemes)),
        "yes",
        maibot,
        provider.version,
    ]


def page(compiled: list[Compiled]) -> str:
    """The whole page for these specs (sorted by provider name)."""
    providers = sorted((c.provider for c in compiled), key=lambda p: p.name)
    rows = [HEAD, ["---"] * len(HEAD), *(row(p) for p in providers)]
    table = "\n".join("| " + " | ".join(cells) + " |" for cells in rows)
    total = sum(len(p.models) for p in providers)
    return f"{INTRO}\n{len(providers)} providers, {total} predefined models.\n\n{table}\n"


def page_file(specs_dir: Path) -> Path:
    return specs_dir / PAGE
