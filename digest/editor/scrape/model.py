"""The parser's results: frozen records an importer can read without knowing how they were found.

Kept apart from the readers so that callers (the importer, tests) depend on these
shapes only, and every reader module can build them without importing the parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ...diagnostics import Diagnostic


@dataclass(frozen=True)
class ScrapedPost:
    """An embedded social-media post found in the text (rendered in ``body`` as a ``::: post`` block)."""

    author: str
    handle: str | None
    date: str | None
    """ISO ``yyyy-mm-dd``."""
    url: str | None
    lang: str
    text: str
    """Paragraphs joined by a blank line."""


@dataclass(frozen=True)
class Dropped:
    """A line of the text left out of the body as page furniture, and the reason, for the import report."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class ReadAlso:
    """A whole related article pasted after a "read also" marker; it is not part of the body."""

    title: str
    body: str
    line: int


@dataclass(frozen=True)
class Scraped:
    """Everything read from one raw text."""

    title: str | None
    date: datetime | None
    """Aware when the text states a zone, naive (floating) otherwise; a date without a time
    is midnight with ``date_has_time`` False."""
    date_has_time: bool
    updated: datetime | None
    image_credit: str | None
    source: str | None
    tags: tuple[str, ...]
    related: tuple[str, ...]
    body: str
    """Markdown paragraphs separated by blank lines, embedded posts as ``::: post`` blocks."""
    posts: tuple[ScrapedPost, ...]
    read_also: tuple[ReadAlso, ...]
    found: tuple[str, ...]
    guessed: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    dropped: tuple[Dropped, ...] = ()
    """Lines judged page furniture (captions, counters, bylines, lines the outlet repeats), in text order."""
    candidates: tuple[str, ...] = ()
    """Folded keys of the short lines of this text, for learning what an outlet repeats on every page."""
    author: str | None = None
    """The byline as printed (a person or an agency): from a page's metadata, or from the
    byline line a text reader dropped (``byline.with_author``)."""
