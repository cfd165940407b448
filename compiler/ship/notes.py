"""The submission note: the pull-request text langgenius/dify-plugins asks for, filled in from the spec
and the pre-flight, written beside each package."""

from __future__ import annotations

from compiler.model import Provider
from compiler.project import tool_version
from compiler.render import render
from compiler.ship.preflight import Findings

MEDIA = frozenset({"vision", "document", "video", "audio"})  # features that let users send files


def offered(provider: Provider) -> str:
    """What the plugin offers, counted by model kind ("3 llm, 1 text-embedding model(s)")."""
    counts: dict[str, int] = {}
    for model in provider.models:
        counts[model.type] = counts.get(model.type, 0) + 1
    text = ", ".join(f"{n} {kind}" for kind, n in counts.items()) + " model(s)"
    if provider.customizable:
        text += f", and models users add by id ({', '.join(provider.customizable.types)})"
    return text


def risks(provider: Provider) -> list[str]:
    """Why the plugin is Medium risk, in the template's words: where users' content goes, and who sets it."""
    files = any(set(model.features) & MEDIA for model in provider.models)
    label = provider.label["en_US"]
    found = [f"sends users' prompts{' and uploaded files' if files else ''} to the {label} API, an external service"]
    if provider.api.base_url_variable:
        found.append("lets the admin set the base URL: a user-controlled network destination (see below)")
    return found


def submission_note(provider: Provider, filename: str, identity: str, found: Findings) -> str:
    """The note for the package the Marketplace files as `filename`; `identity` is the written package's
    path and identity as the tool printed them."""
    context = {
        "p": provider,
        "filename": filename,
        "counts": offered(provider),
        "risks": risks(provider),
        "identity": identity,
        "found": found,
        "tool_version": tool_version(),
    }
    return render("marketplace/submission.md.jinja", context)
