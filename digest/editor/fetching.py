"""Getting pages and feeds over HTTP for ``import``: one client per run, one line per failure.

An editor imports from news sites that are slow, moved, behind redirects or down, and
often from a laptop that is offline. Every way a request can fail becomes one
``FetchError`` whose message fits after ``URL: cannot fetch:`` (``connection refused``,
``host not found``, ``HTTP 404 Not Found``, ``not an HTML page (application/json)``), so
the importer can report it and go on with the other inputs. Timeouts are short enough
that a dead site does not hold up a batch (connect 10 s, each read 20 s), and the
client presents itself as a browser: many news sites answer anything else with an
error page or a consent wall.
"""

from __future__ import annotations

import re
import socket
import ssl
from dataclasses import dataclass
from types import TracebackType

import httpx

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
MAX_BYTES = 20 * 1024 * 1024
"""A news page is well under a megabyte; anything this large is not an article."""
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)


class FetchError(Exception):
    """A request that gave no usable answer; ``str()`` is the reason, one short line."""


@dataclass(frozen=True)
class Fetched:
    """A successful answer: where it finally came from (after redirects) and its bytes."""

    url: str
    """The address asked for."""
    final_url: str
    """The address that answered, after redirects."""
    content: bytes
    content_type: str
    """The media type without parameters, lower case (``text/html``)."""
    charset: str | None


class Fetcher:
    """An HTTP client kept open for a whole import (connections to one site are reused)."""

    def __init__(self, transport: httpx.BaseTransport | None = None) -> None:
        self._client = httpx.Client(
            follow_redirects=True,
            timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language": "ar,en;q=0.8",
            },
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, accept: tuple[str, ...] = HTML_TYPES, what: str = "an HTML page") -> Fetched:
        """The answer to ``GET url`` when it is one of the ``accept`` media types (any, when empty);
        ``FetchError`` otherwise."""
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                content_type, charset = _media_type(response.headers.get("content-type", ""))
                if accept and content_type and content_type not in accept:
                    raise FetchError(f"not {what} ({content_type})")
                content = _read_limited(response)
                return Fetched(url, str(response.url), content, content_type, charset)
        except httpx.HTTPError as exc:
            raise FetchError(describe(exc)) from None
        except (httpx.InvalidURL, ValueError) as exc:  # httpx raises these for addresses it cannot parse
            raise FetchError(f"not a valid address ({exc})") from None


def _read_limited(response: httpx.Response) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"the answer is larger than {MAX_BYTES // (1024 * 1024)} MB")
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(header: str) -> tuple[str, str | None]:
    """``text/html; charset=windows-1256`` → ``("text/html", "windows-1256")``."""
    kind, _, params = header.partition(";")
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    return kind.strip().lower(), charset[1] if charset else None


def describe(exc: BaseException) -> str:
    """A failed request as a few words an editor understands (no exception names, no errno)."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"no connection within {CONNECT_TIMEOUT:g} s"
    if isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout | httpx.PoolTimeout):
        return f"no answer within {READ_TIMEOUT:g} s"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "not an http:// or https:// address"
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return "host not found (no DNS answer: offline, or a mistyped address?)"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"the site's TLS certificate is not valid ({cause.verify_message})"
        if isinstance(cause, ssl.SSLError):
            return "TLS handshake failed"
        cause = cause.__cause__ or cause.__context__
    return _plain(str(exc)) or type(exc).__name__


def _plain(message: str) -> str:
    """``[Errno 101] Network is unreachable`` → ``network is unreachable``."""
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", message.strip()).rstrip(".")
    return text[:1].lower() + text[1:]
