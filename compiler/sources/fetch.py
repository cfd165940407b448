"""The one function that touches the network: a catalogue's bytes from an https URL or a local file,
with a timeout and a size cap. Everything else in compiler/sources works on bytes."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from compiler.errors import UserError

MAX_BYTES = 32 * 1024 * 1024  # models.dev's api.json is about 4 MB
TIMEOUT = 30.0


class FetchError(UserError):
    pass


def fetch(where: str, timeout: float = TIMEOUT, cap: int | None = None) -> bytes:
    """The bytes at `where` (https://… or a file path; a .gz file is unpacked); one-line FetchError otherwise."""
    cap = cap or MAX_BYTES
    if "://" in where:
        if not where.lower().startswith("https://"):
            raise FetchError(f"{where}: only https:// URLs or file paths are fetched")
        return _download(where, timeout, cap)
    return _read(Path(where), cap)


def _download(url: str, timeout: float, cap: int) -> bytes:
    import urllib.error  # here: urllib.request and ssl cost every command's start 20 ms
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        """A redirect is an error naming where it pointed: a catalogue URL is given exactly."""

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            raise FetchError(f"{req.full_url}: redirected ({code}) to {newurl}; pass that URL")

    request = urllib.request.Request(url, headers={"User-Agent": "provider-compiler", "Accept": "application/json"})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=timeout) as answer:
            data = answer.read(cap + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: cannot fetch ({reason}); offline? pass --catalog FILE") from None
    return _capped(data, cap, url)


def _read(path: Path, cap: int) -> bytes:
    try:
        if path.stat().st_size > cap:
            raise FetchError(f"{path}: larger than the {cap:,}-byte cap for a catalogue")
        data = path.read_bytes()
    except OSError as exc:
        raise FetchError(f"{path}: cannot read ({exc.strerror})") from None
    if path.suffix == ".gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
                data = unpacked.read(cap + 1)
        except (OSError, EOFError) as exc:
            raise FetchError(f"{path}: not a gzip file ({exc})") from None
    return _capped(data, cap, str(path))


def _capped(data: bytes, cap: int, where: str) -> bytes:
    if len(data) > cap:
        raise FetchError(f"{where}: larger than the {cap:,}-byte cap for a catalogue")
    return data
