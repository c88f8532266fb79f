"""The state of one parse: the text's lines, what has been read so far, and what to report.

The readers (``meta``, ``credits``, ``tags``, ``related``, ``posts``, ``body``) each
take one kind of line and record it here; the parser only decides which reader gets
a line. A new ``Run`` is made per call, so nothing is shared between two texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ...diagnostics import Diagnostic, Severity
from .dates import Moment
from .model import Dropped, ReadAlso, ScrapedPost
from .spelling import LINE_BREAK, clean
from .when import When

_TITLE_SEPARATOR = re.compile(r"\s+[|｜]+$")
"""A page title's separator left at the end of a line (``… قتلى |``, the site's name cut off)."""


@dataclass(frozen=True)
class Line:
    """One raw line: its 1-based number, the text as scraped, and the text cleaned for reading."""

    number: int
    raw: str
    text: str


@dataclass(frozen=True)
class Item:
    """One body element: a paragraph from raw lines ``first``–``last``, or an embedded post block."""

    first: int
    last: int
    text: str
    post: ScrapedPost | None = None
    joined: bool = False


class Run:
    """One run over one text. Holds the state of that run only (a new run per call)."""

    def __init__(
        self,
        text: str,
        path: str,
        lang: str,
        known_tags: Sequence[str],
        known_names: Sequence[str],
        reference: date | None,
        furniture: frozenset[str] = frozenset(),
    ) -> None:
        self.lines = [
            Line(n, raw, _TITLE_SEPARATOR.sub("", clean(raw))) for n, raw in enumerate(LINE_BREAK.split(text), start=1)
        ]
        self.path = path
        self.lang = lang
        self.known_tags = known_tags
        self.known_names = known_names
        self.reference = reference
        self.found: list[str] = []
        self.guessed: list[str] = []
        self.diags: list[Diagnostic] = []
        self.items: list[Item] = []
        self.title: str | None = None
        self.title_decided = False
        self.title_line = 0
        self.untitled_line = 0
        self.published: tuple[Moment, int] | None = None
        self.published_above_title = False
        self.updated: datetime | None = None
        self.pending_update: tuple[When, int] | None = None
        self.update_line = 0
        self.update_above_title = False
        self.credit: str | None = None
        self.credit_lines: list[int] = []
        self.furniture = furniture
        self.dropped: list[Dropped] = []
        self.source: str | None = None
        self.source_guess: str | None = None
        self.tags: list[str] = []
        self.related: list[str] = []
        self.read_also: list[ReadAlso] = []

    def drop(self, line: int, text: str, reason: str) -> None:
        """A line left out of the body, kept for the import report with why."""
        self.dropped.append(Dropped(line, text, reason))

    def warn(self, line: int, col: int, message: str) -> None:
        self.diags.append(Diagnostic(self.path, line, col, message, Severity.WARNING))

    def first_content_line(self) -> int:
        return next((ln.number for ln in self.lines if ln.text), 0)

    def body_started(self) -> bool:
        return bool(self.items)

    def next_content(self, index: int) -> int | None:
        """Index of the first non-blank line after ``index``."""
        for later in range(index + 1, len(self.lines)):
            if self.lines[later].text:
                return later
        return None

    def only_blank_between(self, first: int, last: int) -> bool:
        """True when raw lines strictly between line numbers ``first`` and ``last`` are all blank."""
        return all(not self.lines[n - 1].text for n in range(first + 1, last))
