"""Moderation models for Dify: a text is unsafe when any chunk of it is flagged."""

from __future__ import annotations

from ..kinds import moderation
from . import base, transport


class Moderator(base.ProviderModel):
    """Mixed into the plugin's ModerationModel class (models/moderation/moderation.py)."""

    def _invoke(self, model: str, credentials: dict, text: str, user: str | None = None) -> bool:
        """True when the provider flags the text; texts longer than the model's chunk size go in
        chunks, as many per request as the model takes, and the first flagged request ends it."""
        found = self.properties(model, credentials)
        pieces = moderation.chunks(text, int(found.get("max_characters_per_chunk") or 2000))
        batch = max(1, int(found.get("max_chunks") or 32))
        with base.failures(credentials):
            for start in range(0, len(pieces), batch):
                chunk = pieces[start : start + batch]
                payload = transport.call_json(credentials, moderation.request(model, chunk))
                if moderation.parse(payload, len(chunk)):
                    return True
        return False

    def check(self, model: str, credentials: dict, call_model: bool = False) -> None:
        """One word, checked."""
        moderation.parse(transport.call_json(credentials, moderation.request(model, ["ping"])), 1)
