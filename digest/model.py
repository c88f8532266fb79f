"""The content model: typed, frozen records built once by the read stage.

Nothing here does I/O. Every record carries the source position it came from, so
later stages (the index, the planner) can still report ``path:line:col``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

ENTITY_TYPES = ("person", "organization", "place", "event", "other")


@dataclass(frozen=True, slots=True)
class Position:
    """Where something was written: a display path and 1-based line and column.

    Positions, mentions and quotes are the corpus's most numerous records (hundreds of
    thousands at 10,000 articles): they have slots, not a ``__dict__``, and are pickled
    (parse cache, forked parse workers) as a call of their class, which rebuilds them
    without one. Pickling or unpickling a plain instance gives it a ``__dict__`` for good;
    slots take 60 MB off the corpus at 10,000 articles."""

    path: str
    line: int = 0
    col: int = 0

    def __reduce__(self) -> tuple[Any, ...]:
        return (Position, (self.path, self.line, self.col))


@dataclass(frozen=True)
class Localized:
    """A text given per language code, e.g. a title in Arabic and English."""

    values: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, mapping: Mapping[str, str]) -> Localized:
        return cls(tuple(mapping.items()))

    def get(self, lang: str) -> str | None:
        return dict(self.values).get(lang)

    def langs(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.values)

    def pick(self, lang: str, fallbacks: Iterable[str] = ()) -> tuple[str, str]:
        """The text in ``lang``, else in the first fallback that has one: ``(text, its_lang)``."""
        table = dict(self.values)
        for candidate in (lang, *fallbacks, *table):
            if candidate in table:
                return table[candidate], candidate
        return "", lang


@dataclass(frozen=True)
class SiteConfig:
    """``content/site.yaml``."""

    title: Localized
    base_url: str
    """Absolute URL the site is published at; its path (``/digest/``) prefixes every link."""
    languages: tuple[str, ...]
    """Edition languages; the first is the default one that ``/`` sends readers to."""
    description: Localized | None = None
    timezone: str = "UTC"
    """IANA zone used to group articles by day and month."""
    digits: tuple[tuple[str, str], ...] = ()
    """Per language, the CLDR numbering system its edition writes numbers and dates in
    (``(("ar", "arab"),)`` for Arabic-Indic digits); languages not listed use Latin digits."""

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def numbering(self, lang: str) -> str:
        """The numbering system of ``lang``'s edition: ``latn`` unless site.yaml says otherwise."""
        return dict(self.digits).get(lang, "latn")


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place, event or other thing that articles mention."""

    digest: str
    """Hash of the entity file's bytes."""
    id: str
    type: str
    name: Localized
    aliases: tuple[tuple[str, tuple[str, ...]], ...]
    description: Localized | None
    wikidata: str | None
    position: Position

    def aliases_in(self, lang: str) -> tuple[str, ...]:
        return dict(self.aliases).get(lang, ())


@dataclass(frozen=True)
class Source:
    """The outlet an article's text came from."""

    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One ``[[id|text]]`` in a body, with the sentence around it for entity pages."""

    entity_id: str
    text: str | None
    """The shown text; ``None`` for ``[[id]]``, which shows the entity's name."""
    position: Position
    anchor: str
    """The element id of the mention in the article page, e.g. ``m3``."""
    before: str = ""
    after: str = ""
    script: str | None = None
    """``latin`` or ``arabic`` when the mention's paragraph is clearly in one script
    (an English passage in an Arabic article), so its context gets the right lang."""
    follows: str | None = None
    """The text between this mention and the one before it when that one names the same
    entity in the same sentence (``None`` for the first of its entity in a sentence). An
    entity page quotes a sentence once, with each of its mentions of the entity
    highlighted: ``before`` of the first, these texts, and ``after`` of the last."""

    def __reduce__(self) -> tuple[Any, ...]:
        fields = (
            self.entity_id,
            self.text,
            self.position,
            self.anchor,
            self.before,
            self.after,
            self.script,
            self.follows,
        )
        return (Mention, fields)


@dataclass(frozen=True, slots=True)
class Quote:
    """A ``::: quote <speaker>`` block: a statement attributed to an entity."""

    speaker: str
    text: str
    position: Position
    anchor: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (Quote, (self.speaker, self.text, self.position, self.anchor))


@dataclass(frozen=True)
class Post:
    """An embedded social-media post (``::: post author=… lang=…``)."""

    author: str
    lang: str
    handle: str | None
    date: str | None
    url: str | None
    platform: str | None
    text: str
    position: Position


@dataclass(frozen=True)
class Body:
    """A parsed article body: the facts found in it and its HTML with page-dependent slots."""

    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    posts: tuple[Post, ...]
    text: str
    """The body as plain text (for search, feeds and word counts)."""
    tokens: tuple[Any, ...] = ()
    """markdown-it tokens of the parse; kept only until ``html`` is made from them (they
    take ten times the memory of the text)."""
    html: str = ""
    """The body's HTML with a NUL in place of each page-dependent part (the parser turns
    NULs of the text into U+FFFD, so there is no other); see ``bodyhtml``."""
    slots: tuple[tuple[Any, ...], ...] = ()
    """What goes in place of each NUL of ``html``, in order: plain picklable tuples."""


@dataclass(frozen=True)
class Article:
    """One language version of a story (``articles/<slug>.<lang>.md``)."""

    digest: str
    """Hash of the file's bytes (and of what its parse depends on); keys the build cache."""
    slug: str
    lang: str
    position: Position
    title: Localized
    date: datetime
    """Publication time, time-zone aware (a date-only value is midnight UTC)."""
    date_has_time: bool
    updated: datetime | None
    summary: Localized | None
    source: Source | None
    tags: tuple[str, ...]
    image_credit: str | None
    related: tuple[str, ...]
    draft: bool
    body: Body
    author: str | None = None
    """The byline as printed: a person (``مارك روته``) or an agency (``وكالات``, ``AFP``)."""


@dataclass(frozen=True)
class Story:
    """All language versions of one slug."""

    slug: str
    versions: tuple[tuple[str, Article], ...]

    def get(self, lang: str) -> Article | None:
        for code, article in self.versions:
            if code == lang:
                return article
        return None

    @property
    def original(self) -> Article:
        """The version that other editions fall back to: the first in site language order."""
        return self.versions[0][1]

    def shown(self, lang: str) -> Article:
        """The version ``lang``'s edition shows: its translation, or else the original."""
        return self.get(lang) or self.original

    @property
    def date(self) -> datetime:
        return self.original.date


@dataclass(frozen=True)
class Corpus:
    """Everything the read stage produced, valid and complete."""

    site: SiteConfig
    entities: Mapping[str, Entity]
    stories: tuple[Story, ...]
    """Newest first, ties broken by slug."""

    def articles(self) -> tuple[Article, ...]:
        return tuple(article for story in self.stories for _, article in story.versions)
