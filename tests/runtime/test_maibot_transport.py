"""The MaiBot transport's pure parts: where a call goes, with what, and for how long."""

from __future__ import annotations

from compiler.runtime.maibot import transport as maibot_transport


def test_target_layers_auth_provider_defaults_and_the_callers_extras() -> None:
    provider = {
        "api_key": "sk-1",
        "base_url": "127.0.0.1:9/v1/",
        "default_headers": {"X-Team": 7},
        "default_query": {"region": "eu"},
        "timeout": 40,
    }
    to = maibot_transport.target(provider, {"X-Team": "override"}, {"trace": "t"})
    assert to.base_url == "http://127.0.0.1:9/v1"
    assert to.headers["Authorization"] == "Bearer sk-1" and to.headers["X-Team"] == "override"
    assert to.query == {"region": "eu", "trace": "t"} and to.budget == 38.0


def test_the_budget_ends_before_the_hosts_timeout() -> None:
    assert maibot_transport.budget(2) == 1.0  # at least a second early, never below half
    assert maibot_transport.budget(120) == 114.0  # 5% early
    assert maibot_transport.budget(None) == maibot_transport.budget(300)


def test_query_values_are_written_like_httpx_writes_them() -> None:
    pairs = maibot_transport.query_pairs({"a": True, "b": False, "c": None, "d": 1, "e": 0, "f": [1, "x"]})
    assert pairs == [("a", "true"), ("b", "false"), ("c", ""), ("d", "1"), ("e", "0"), ("f", "1"), ("f", "x")]
