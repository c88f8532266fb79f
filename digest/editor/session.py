"""The state of one ``import`` run: the inputs as given, each one loaded, the counts the
closing line reports, and what every input shares (the registry, the duplicate
catalogue, the fetcher)."""

from __future__ import annotations

import argparse
import enum
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Corpus
from ..read.project import Project
from . import outlets
from .annotate import Matcher
from .duplicates import Catalogue
from .editing import Registry
from .scrape import Scraped

if TYPE_CHECKING:
    from .fetching import Fetcher
    from .webpage import Hints


class Outcome(enum.Enum):
    IMPORTED = "imported"
    FAILED = "failed"
    SKIPPED = "skipped"
    """Already imported (a feed item seen before): not a failure."""


@dataclass(frozen=True)
class Input:
    """One thing to import, as the editor named it."""

    shown: str
    kind: str
    """``text`` (a raw scraped text), ``page`` (a saved HTML file) or ``url``."""
    path: Path | None = None
    url: str | None = None
    hints: Hints | None = None
    """What the feed said about the item (title, date), for a page that says nothing itself."""
    from_feed: bool = False


@dataclass(frozen=True)
class Loaded:
    """An input read: what the readers found, and the addresses the article is known by."""

    scraped: Scraped
    urls: tuple[str, ...] = ()
    """The article's own address first (its canonical link), then where it was fetched from."""
    text: str | None = None
    """The plain text a page was turned into (what the report's line numbers count)."""
    path: Path | None = None
    """The input file, beside which a pasted related article is saved (none for a URL)."""
    profile: outlets.Profile | None = None
    """The outlet's profile: its furniture was dropped, and this import's short lines are counted in it."""
    profile_file: Path | None = None


@dataclass
class Tally:
    imported: int = 0
    failed: int = 0
    skipped: int = 0
    bad_feeds: int = 0

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)


@dataclass
class Session:
    """What every input of one run shares: options, registry, what content/ holds, the HTTP client."""

    project: Project
    args: argparse.Namespace
    lang: str
    registry: Registry
    corpus: Corpus | None
    reference: date | None
    zone: tzinfo | None
    matcher: Matcher = field(init=False)
    known_tags: list[str] = field(init=False)
    """Tags used in content/, to split a tag line whose separators were lost."""
    known_names: list[str] = field(init=False)
    """Every entity name and alias, for the same."""
    _catalogue: Catalogue | None = field(init=False, default=None)
    _fetcher: Fetcher | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.matcher = Matcher(self.registry.entities)
        articles = self.corpus.articles() if self.corpus else ()
        self.known_tags = sorted({t for a in articles for t in a.tags})
        self.known_names = sorted(
            {name for e in self.registry.entities.values() for _, name in e.name.values}
            | {alias for e in self.registry.entities.values() for _, names in e.aliases for alias in names}
        )

    @property
    def catalogue(self) -> Catalogue:
        """The articles of the import's language already in content/, made at first need."""
        if self._catalogue is None:
            self._catalogue = Catalogue()
            for article in self.corpus.articles() if self.corpus else ():
                if article.lang == self.lang:
                    path = self.project.content_dir / "articles" / f"{article.slug}.{article.lang}.md"
                    urls = [article.source.url] if article.source and article.source.url else []
                    self._catalogue.add(path, article.body.text, urls)
        return self._catalogue

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from .fetching import Fetcher

            self._fetcher = Fetcher()
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
