"""A model that speaks more than one protocol: the credential field that picks one sends its calls
there (Dify, where users fill the field in), its default when the field is empty, and MaiBot (whose
provider settings have no such field) always the default. Run over the specs that have such a field."""

from __future__ import annotations

import pytest

from compiler.model import Provider
from tests.conformance.expect import reply
from tests.conformance.hosts import dify_answer
from tests.conformance.protocols import Text, adapter, sent_id
from tests.conformance.specs import VIEW, chosen, grouped, lowered, speaks, view


def choosing() -> list[str]:
    """The chosen specs with a credential field that picks a protocol."""
    return [name for name in chosen() if VIEW not in name and lowered(name).api.protocol_choices]


pytestmark = pytest.mark.parametrize("spec_name", grouped(choosing()), scope="session")


def steered(provider: Provider) -> tuple[str, tuple[str, ...], str, dict[str, str]]:
    """(a model that speaks several protocols, those protocols, the credential field, its value -> protocol)."""
    model = next(m for m in provider.models_of("llm") if isinstance(m.settings.get("protocol"), tuple))
    variable, table = next(iter(provider.api.protocol_choices.items()))
    return model.name, model.settings["protocol"], variable, {v: name for v, name in table.items() if v}


def chat_path(provider: Provider, protocol: str, model: str, stream: bool) -> str:
    """Where a chat call of `protocol` goes (its endpoints: the spec's own, or its api.protocols entry's)."""
    seen = provider if protocol == provider.api.protocol else view(provider, protocol, whole=False)
    return adapter(protocol).chat_path(seen, model, stream)[0]


def test_the_credential_field_picks_the_protocol_on_dify(dify, provider, mock, stream) -> None:
    model, spoken, variable, table = steered(provider)
    picked = {value: protocol for value, protocol in table.items() if protocol in spoken}
    assert len(set(picked.values())) > 1, "the field picks between at least two of the model's protocols"
    for value, protocol in picked.items():
        api = adapter(protocol)
        mock.expect(reply(api, stream, Text("ok")))
        call = dify.call_of(model=model, stream=stream)[0]
        action, data = dify.invoke_request(call, credentials=dify.credentials() | {variable: value})
        answer = dify_answer(dify.request(action, **data))
        assert answer.error is None and answer.text == "ok", (value, answer.message)
        assert mock.last.path == chat_path(provider, protocol, model, stream), value
        assert api.read(mock.last).model == sent_id(api, provider, model)


def test_an_empty_field_and_maibot_take_the_default(host, provider, mock) -> None:
    model, *_ = steered(provider)
    protocol = speaks(provider, next(m for m in provider.models_of("llm") if m.name == model))
    mock.expect(reply(adapter(protocol), False, Text("ok")))
    answer = host.chat(model=model)
    assert answer.error is None and answer.text == "ok", answer.message
    assert mock.last.path == chat_path(provider, protocol, model, False)
