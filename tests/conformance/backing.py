"""What backs each feature column of the catalogue page (compiler/catalogue.py FEATURES): the checks
of that feature, one table. A check named here runs only for the suite's entries (specs and protocol
views) that have a chat model with the feature, and talks to the first such model (the `featured`
fixture, conftest.py), so it never skips for them; tests/unit/test_backing.py fails when a spec's
page row says "yes" for a feature but no check of it runs for that spec on both hosts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from compiler.catalogue import FEATURES
from compiler.model import ModelInfo, Provider
from tests.conformance.specs import PROTOCOL_OF, chat_models, lowered, specs_of

# feature -> its checks, "<module file>::<function>".
CHECKS: dict[str, tuple[str, ...]] = {
    "tools": (
        "test_tools.py::test_tool_calls_are_merged_and_handed_over_once",
        "test_tools.py::test_a_history_with_tool_turns",
        "test_tools.py::test_text_before_a_call_is_kept",
    ),
    "vision": ("test_features.py::test_an_image_reaches_a_vision_model",),
    "reasoning": (
        "test_reasoning.py::test_reasoning_is_kept_apart",
        "test_reasoning.py::test_a_stream_ending_inside_reasoning_closes_the_block",
        "test_reasoning.py::test_reasoning_in_the_history",
        "test_reasoning.py::test_think_tags_in_the_text_are_split_off",
    ),
    "structured output": ("test_features.py::test_a_json_schema_reaches_a_structured_output_model",),
    "image output": (
        "test_images.py::test_images_reach_the_host",
        "test_images.py::test_an_answer_of_images_alone_is_not_empty",
        "test_images.py::test_a_bad_image_is_a_typed_error",
    ),
}
FEATURE_OF = {check: feature for feature, checks in CHECKS.items() for check in checks}
assert set(CHECKS) == set(FEATURES), "every column of the catalogue page has its checks"


def check_name(function: Callable) -> str:
    """A check function's key in CHECKS."""
    return f"{Path(function.__code__.co_filename).name}::{function.__name__}"


def feature_of(function: Callable) -> str | None:
    """The feature a check backs, if any."""
    return FEATURE_OF.get(check_name(function))


def featured(provider: Provider, feature: str) -> list[ModelInfo]:
    """The chat models of a suite entry (of its protocol, specs.py view) that have the feature."""
    return [m for m in chat_models(provider) if FEATURES[feature](m)]


def entries(module: ModuleType, function: Callable, among: tuple[str, ...] | None = None) -> list[str]:
    """The chosen suite entries (or those `among`) a check runs for (conftest.py parametrizes
    `spec_name` with them): those of its module's PROTOCOLS (views too unless WHOLE_SPEC), and for a
    check of a feature only those with a model that has it."""
    protocols = getattr(module, "PROTOCOLS", set(PROTOCOL_OF.values()))
    names = specs_of(*protocols, views=not getattr(module, "WHOLE_SPEC", False), among=among)
    feature = feature_of(function)
    return [name for name in names if feature is None or featured(lowered(name), feature)]
