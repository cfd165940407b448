"""Tests of files other engineers keep that belong to `make test` but not `make quick`: whole-catalogue
packing and pre-flight runs, and the plugin started as the serverless runtime (marked here, by name,
instead of in their files)."""

from __future__ import annotations

import pytest

SLOW = {
    "test_package.py": {"test_every_shipped_spec_packs_into_what_the_daemon_installs"},
    "test_preflight.py": {
        "test_every_shipped_spec_passes_the_static_rules",
        "test_each_blocking_rule_is_reported",
        "test_the_plugin_serves_as_the_serverless_runtime",
        "test_a_plugin_that_cannot_start_is_reported_with_its_output",
        "test_package_refuses_what_the_pre_flight_blocks_and_writes_nothing",
        "test_the_submission_note_states_the_risk_and_the_user_set_destination",
    },
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if getattr(item, "originalname", item.name) in SLOW.get(item.path.name, ()):
            item.add_marker(pytest.mark.slow)
