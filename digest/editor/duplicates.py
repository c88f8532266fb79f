"""Has this article been imported already? The same address, or nearly the same text.

An editor who imports from feeds and links every day meets the same story again: the
same link in tomorrow's feed, the page under another address (``?utm_source=…``,
``http://`` for ``https://``, a trailing slash), or the text syndicated by another outlet.
Addresses are compared by a key that ignores those differences (``url_key``); texts by
their 5-word shingles (folded words, so spelling variants of hamza, ta marbuta or
diacritics do not count), two texts being the same when the Jaccard index of their
shingle sets is at least ``SAME_TEXT``.

Comparing with every article would be slow at 10,000; the catalogue keeps a sketch of each
text (its ``SKETCH`` smallest shingle hashes, which two texts sharing most shingles mostly
share) in an inverted index, and only the articles sharing enough of it are compared in full.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from .scrape.spelling import phrase_key

SHINGLE_WORDS = 5
SAME_TEXT = 0.8
"""Jaccard index of the shingle sets from which two texts count as one article."""
SKETCH = 48
"""Shingles indexed per text: its smallest hashes (a bottom-k sketch)."""
_TRACKING_RE = re.compile(r"^(?:utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|mc_cid|mc_eid|igshid|ocid|_ga|at_\w+)$", re.I)
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


def url_key(url: str | None) -> str | None:
    """The comparison form of an address: no scheme (``http`` = ``https``), host in lower case,
    no default port, no trailing slash, no fragment, no tracking parameters, the rest sorted
    and percent-encoded one way. ``None`` for what is not an http(s) address."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    netloc = host.lower() + (f":{port}" if port not in (None, 80, 443) else "")
    path = quote(unquote(parts.path), safe=_PATH_SAFE).rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_RE.match(k))
    return netloc + path + (f"?{urlencode(query)}" if query else "")


def clean_url(url: str) -> str:
    """An address as it is written into front matter: tracking parameters and fragment removed."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_RE.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def shingles(text: str) -> frozenset[int]:
    """Hashes of every run of ``SHINGLE_WORDS`` folded words (a shorter text is one shingle)."""
    words = list(chain.from_iterable(map(_folded, text.split())))
    if len(words) < SHINGLE_WORDS:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


@dataclass(frozen=True)
class Duplicate:
    """The article already in content/ that an import would repeat, and why."""

    path: Path
    reason: str
    """``same source URL`` or ``same text``."""
    score: float = 1.0


class Catalogue:
    """The articles of one language already in content/: their addresses and their texts' samples."""

    def __init__(self) -> None:
        self._urls: dict[str, Path] = {}
        self._paths: list[Path] = []
        self._texts: list[str] = []
        self._sizes: list[int] = []
        self._postings: dict[int, int | list[int]] = {}

    def __len__(self) -> int:
        return len(self._paths)

    def add(self, path: Path, text: str, urls: Iterable[str | None] = ()) -> None:
        """Remember one article (also one imported in this run, so a second copy in the same batch is caught)."""
        for url in urls:
            key = url_key(url)
            if key:
                self._urls.setdefault(key, path)
        index = len(self._paths)
        self._paths.append(path)
        self._texts.append(text)
        sample = _sample(shingles(text))
        self._sizes.append(len(sample))
        for value in sample:
            held = self._postings.get(value)
            if held is None:
                self._postings[value] = index
            elif isinstance(held, int):
                self._postings[value] = [held, index]
            else:
                held.append(index)

    def by_url(self, urls: Iterable[str | None]) -> Path | None:
        """The article whose source address is one of ``urls`` (compared by ``url_key``)."""
        for url in urls:
            key = url_key(url)
            if key and key in self._urls:
                return self._urls[key]
        return None

    def by_text(self, text: str) -> tuple[Path, float] | None:
        """The article whose text is the same as ``text`` (Jaccard ≥ ``SAME_TEXT``), the closest if several."""
        mine = shingles(text)
        sample = _sample(mine)
        shared: Counter[int] = Counter()
        for value in sample:
            held = self._postings.get(value)
            if held is not None:
                shared.update([held] if isinstance(held, int) else held)
        best: tuple[Path, float] | None = None
        for index, count in shared.items():
            if min(len(sample), self._sizes[index]) == SKETCH and count < SKETCH * (SAME_TEXT - 0.3):
                continue  # the sketches already show too little overlap
            score = jaccard(mine, shingles(self._texts[index]))
            if score >= SAME_TEXT and (best is None or score > best[1]):
                best = (self._paths[index], score)
        return best

    def find(self, urls: Iterable[str | None], text: str) -> Duplicate | None:
        path = self.by_url(urls)
        if path is not None:
            return Duplicate(path, "same source URL")
        same = self.by_text(text)
        return Duplicate(same[0], "same text", same[1]) if same else None


@functools.lru_cache(maxsize=1 << 18)
def _folded(word: str) -> tuple[str, ...]:
    """One written word as its folded words (usually one; none for punctuation), cached: folding
    each text whole costs more than the rest of the comparison, and words repeat across articles."""
    return tuple(phrase_key(word).split())


def _sample(values: frozenset[int]) -> list[int]:
    """The text's ``SKETCH`` smallest shingle hashes: the same shingles are the smallest in any
    text that has them, so two texts that share most shingles share most of their sketch."""
    return sorted(values)[:SKETCH]
