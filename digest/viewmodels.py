"""View models: the typed, frozen records templates are given, every string already localised.

Templates receive a ``PageMeta`` (head, navigation, language switcher) and one
page-specific record from here. They never see the corpus, the index or the URL
builder, so they cannot query, and a template change cannot change what data a
page uses. ``views.ViewBuilder`` makes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class Text:
    """A string with the language it is written in (templates add lang/dir when it differs)."""

    value: str
    lang: str
    dir: str


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class NavLink:
    href: str
    text: str
    current: bool


@dataclass(frozen=True)
class LangLink:
    lang: str
    label: str
    href: str
    current: bool
    translated: bool


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


@dataclass(frozen=True)
class PageMeta:
    lang: str
    dir: str
    title: str
    site_title: str
    description: str
    home_href: str
    canonical: str
    alternates: tuple[Alternate, ...]
    switcher: tuple[LangLink, ...]
    nav: tuple[NavLink, ...]
    feed_href: str
    feed_title: str
    css_href: str
    js_href: str
    noindex: bool = False
    og_type: str = "website"
    digits: str = "latn"
    """The numbering system of the page's edition (``arab`` writes ٠١٢…); ``num`` and ``t`` use it."""
    og_locale: str = ""
    """Open Graph locale of the page (``ar_AR``, ``en_US``)."""
    og_locale_alternates: tuple[str, ...] = ()
    """Open Graph locales of the page's real translations."""
    published_iso: str | None = None
    modified_iso: str | None = None
    tags: tuple[str, ...] = ()
    """Article pages: ``article:published_time``, ``article:modified_time``, ``article:tag``."""
    structured_data: Markup | None = None
    """schema.org JSON-LD, already escaped for a ``<script>`` element (``structured``)."""
    icon_href: str = ""
    """The site's icon (``assets/favicon.svg``): without a link browsers ask for ``/favicon.ico``,
    a 404 on every page (and outside the site when it is published under a sub-path)."""


@dataclass(frozen=True)
class Chip:
    href: str
    name: Text
    type: str
    count: int = 0


@dataclass(frozen=True)
class Card:
    href: str
    title: Text
    summary: Text | None
    date_text: str
    date_iso: str
    source: str | None
    chips: tuple[Chip, ...]
    original: bool
    """True when the edition shows this story in its original language (no translation)."""


@dataclass(frozen=True)
class DayGroup:
    heading: str
    iso: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class EntityCard:
    """The card shown when a reader hovers over or focuses a mention of this entity.

    Rendered hidden into each page that mentions the entity, so the card needs no
    request and the page still works as plain links without scripts.
    """

    id: str
    type: str
    href: str
    name: Text
    """The name in the page language (or the first one the entity has)."""
    other_names: tuple[Text, ...]
    description: Text | None
    mention_count: int
    """Mentions in the page's edition: the number the entity page shows."""


@dataclass(frozen=True)
class ArticleView:
    title: Text
    summary: Text | None
    date_text: str
    date_iso: str
    updated_text: str | None
    updated_iso: str | None
    source_name: str | None
    source_url: str | None
    image_credit: str | None
    body_html: Markup
    body_lang: str
    body_dir: str
    fallback: bool
    original_language: str
    tags: tuple[Link, ...]
    entities: tuple[Chip, ...]
    related: tuple[str, ...]
    cards: tuple[EntityCard, ...] = ()
    """One card per entity mentioned in the body (mentions and quote speakers), by id."""
    author: Text | None = None
    """The byline, in the language of its script (an Arabic article's ``AFP`` is English)."""


@dataclass(frozen=True)
class Snippet:
    """A sentence on an entity page: ``before``, the mention ``text``, each further mention of
    the entity in the sentence (``more``: the text before it and its own), then ``after``."""

    before: str
    text: str
    after: str
    href: str
    lang: str
    dir: str
    more: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MentionGroup:
    card: Card
    snippets: tuple[Snippet, ...]


@dataclass(frozen=True)
class QuoteItem:
    text: Text
    href: str
    article: Text
    date_text: str


@dataclass(frozen=True)
class ChartView:
    """A chart drawn at build time, with the table that says the same in words."""

    id: str
    """Prefix for the chart's element ids, unique in the page."""
    title: str
    svg: Markup
    headers: tuple[str, str]
    """Column headings of the data table."""
    rows: tuple[tuple[Text, str], ...]
    """Label and value text of each table row."""


@dataclass(frozen=True)
class EntityView:
    id: str
    type: str
    name: Text
    names: tuple[Text, ...]
    description: Text | None
    wikidata_href: str | None
    wikidata_id: str | None
    first_seen: str | None
    last_seen: str | None
    mention_count: int
    groups: tuple[MentionGroup, ...]
    quotes: tuple[QuoteItem, ...]
    cooccurring: tuple[Chip, ...]
    feed_href: str
    pager: Pager | None = None
    """Set when the entity's articles fill several pages; pages after the first show only
    the name and the mentions (counts, quotes and neighbours are on the first)."""
    charts: tuple[ChartView, ...] = ()
    """Mentions over time and the top co-occurring entities; first page only."""


@dataclass(frozen=True)
class TypeGroup:
    type: str
    entities: tuple[Chip, ...]


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    newer: str | None
    """Link to the previous page (newer stories), if any."""
    older: str | None
    pages: tuple[tuple[int, str | None], ...]
    """The page numbers to show with their links (``views.page_window``); ``(0, None)``
    stands for a gap of pages not shown."""


@dataclass(frozen=True)
class ListView:
    """A heading plus stories grouped by day: home, tag and month pages."""

    heading: str
    days: tuple[DayGroup, ...]
    count: int
    pager: Pager | None = None


@dataclass(frozen=True)
class IndexView:
    """A heading plus links with counts: tag index, archive index."""

    heading: str
    items: tuple[tuple[Link, int], ...]
