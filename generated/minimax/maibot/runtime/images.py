"""Images a model answers with (a spec's `output_modalities: [text, image]`), as every protocol
receives them: base64 with a media type. They are checked once, here: the data must be base64 of
a PNG, JPEG, WebP or GIF (what both hosts can show; the bytes decide the type, whatever a provider
labels them), and bounded per image and per answer, in decoded bytes, so a runaway answer cannot
exhaust a plugin's memory. Anything else is a typed server error, never a crash or a broken host
message."""

from __future__ import annotations

import base64
import binascii

from .errors import ProviderError, describe
from .types import Image

# Decoded bytes: one image, and all the images of one answer.
MAX_IMAGE_BYTES = 16 * 2**20
MAX_ANSWER_BYTES = 32 * 2**20

# The media types an answer's image may have (the first bytes tell which).
SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF8", "image/gif"))
LABELS = frozenset(("image/png", "image/jpeg", "image/jpg", "image/webp", "image/gif"))


def media_type(raw: bytes) -> str | None:
    """The image type of `raw`, from its signature; None when it is none of the four."""
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "image/webp"
    return next((mime for signature, mime in SIGNATURES if raw.startswith(signature)), None)


def decoded(data: str) -> bytes:
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ProviderError("server_unavailable", f"an image in the answer is not base64: {describe(data)}") from None


class Gallery:
    """The images of one answer, in order, each checked as it arrives, with the answer's total."""

    def __init__(self) -> None:
        self.images: list[Image] = []
        self.size = 0

    def add(self, mime_type: str | None, data: object) -> None:
        """An image as `mime_type` (None: the provider gave none) and base64 `data`."""
        label = (mime_type or "").split(";", 1)[0].strip().lower()
        if mime_type is not None and label not in LABELS:
            raise ProviderError("server_unavailable", f"the answer holds a {describe(mime_type)} part, not an image")
        if not isinstance(data, str) or not data:
            raise ProviderError("server_unavailable", f"an image in the answer has no data: {describe(data)}")
        if len(data) // 4 * 3 > MAX_IMAGE_BYTES + 2:  # refused before it is decoded
            raise too_large(len(data) // 4 * 3, MAX_IMAGE_BYTES, "image")
        raw = decoded(data)
        if len(raw) > MAX_IMAGE_BYTES:
            raise too_large(len(raw), MAX_IMAGE_BYTES, "image")
        self.size += len(raw)
        if self.size > MAX_ANSWER_BYTES:
            raise too_large(self.size, MAX_ANSWER_BYTES, "answer's images")
        found = media_type(raw)
        if found is None:
            raise ProviderError("server_unavailable", "an image in the answer is not a PNG, JPEG, WebP or GIF")
        self.images.append(Image(found, data))

    def add_uri(self, url: object) -> None:
        """An image as a base64 data URI (data:image/png;base64,…); a link to elsewhere is refused,
        since a plugin fetches nothing the provider did not send."""
        text = url if isinstance(url, str) else ""
        if not (text.startswith("data:") and ";base64," in text):
            raise ProviderError("server_unavailable", f"an image in the answer is not a data URI: {describe(url)}")
        media, data = text[5:].split(";base64,", 1)
        self.add(media, data)


def too_large(size: int, limit: int, what: str) -> ProviderError:
    return ProviderError(
        "server_unavailable", f"the {what} is {size / 2**20:.1f} MiB, more than the {limit / 2**20:.0f} MiB allowed"
    )
