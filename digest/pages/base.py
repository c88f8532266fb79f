"""What every page kind is made of: its outputs (``PageSpec``), the units they are planned
in, and the one declaration of what an output shows (``Shown``).

An output's cache key and the rule saying which edits reach it are both read from its
``shows``: each piece of content it shows, by *name* (what an edit reports as changed, see
``update``) and *value* (what the key holds). A kind cannot show a piece of content in its
key and forget it in its reach rule, or the reverse: there is only the one list.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..i18n import number_text
from ..index import EntityFacts, SiteIndex
from ..model import Article, Position, Story
from ..urls import Urls
from ..viewmodels import PageMeta
from ..views import ViewBuilder

PAGE_SIZE = 50
"""Stories per page on the home page, topic pages, month pages and entity pages."""
FEED_ENTRIES = 50
"""Newest entries in a feed."""

Shown = tuple[str, str]
"""One piece of content an output shows: ``(name, value)``. The name is what an edit reports
when the piece may have changed (``story:<slug>``, ``count:<lang>:<id>``…, made only by the
functions below); the value is what the output's key holds of it now."""

Unit = tuple[str, ...]
"""A group of outputs planned together: ``(lang, "article", slug)``, ``(lang, "entity", id)``,
``(lang, "home", page number)``, ``(lang, "tag", topic)``, ``(lang, "month", YYYY-MM)``,
``(lang, "feed")``… and ``("", "sitemap")`` and the like for the site's own."""


@dataclass(frozen=True)
class PageSpec:
    route: str
    template: str | None
    """Template name; ``None`` for outputs made directly as bytes (feeds, sitemap)."""
    make: Callable[[], Mapping[str, Any]] | Callable[[], bytes]
    origin: Position
    shows: tuple[Shown, ...] = ()
    """What the output shows beyond what every page depends on (site, registry, theme,
    code): the values are its cache key (same key, same bytes), the names say which
    edits reach it."""
    searchable: bool = False
    """Goes into the edition's search index: article pages in their own language. A page
    showing the original for want of a translation is a copy (``noindex``, canonical to the
    original), found by the original's edition instead, as web search engines treat it."""


@dataclass(frozen=True)
class Draft:
    """A unit's outputs as a kind planned them, and what they were planned from: for an
    article's or entity's unit, the objects whose equality lets the next whole plan take
    the outputs as they are (``Planning.kept``)."""

    specs: tuple[PageSpec, ...]
    inputs: tuple[object, ...] = ()


class Planning(Protocol):
    """What a kind may ask of the plan being made (``plan.Planner``)."""

    def searchable(self, lang: str) -> list[str]:
        """The searchable pages of ``lang``'s edition planned so far, sorted."""
        ...

    def counts(self, lang: str) -> Mapping[str, Shown]:
        """Each entity's mention count in ``lang``'s edition (``count``), made once per plan."""
        ...

    def reusable(self, lang: str, entities: Iterable[str]) -> bool:
        """Whether none of these entities' counts changed since the last plan (``False``
        without a last plan, or in an update, which plans again every unit it reaches)."""
        ...

    def kept(self, unit: Unit, inputs: tuple[object, ...]) -> bool:
        """Take ``unit``'s outputs from the last plan if it was planned from equal ``inputs``
        (the same objects, mostly: equality looks at identity first); whether it was."""
        ...


@dataclass(frozen=True)
class Scope:
    """What every kind plans from. The specs' ``make`` functions may hold it; it holds
    nothing of the plan being made (a cycle through the plan would keep a build's corpus
    alive until the cycle collector's next full pass: in ``serve``, beside the next build's)."""

    index: SiteIndex
    views: ViewBuilder
    urls: Urls
    per_shard: int
    """Most article pages in one search shard (``tuning``): the search page names the shards."""

    @property
    def site_origin(self) -> Position:
        return Position("content/site.yaml", 1, 1)


class Kind(Protocol):
    """One kind of unit: how to list the units of an edition and plan one of them."""

    name: str
    reads_plan: bool
    """Its outputs show what the units planned before them are (the search page: the
    searchable pages): an update plans it last, once they are planned."""
    stable: bool
    """Its units follow from the stories, their order and the registry alone, which an
    update requires unchanged: an update never adds or removes one (a topic's do come
    and go)."""

    def units(self, scope: Scope, lang: str) -> Iterable[Unit]:
        """Every unit of this kind in ``lang``'s edition (``""``: the site's own), in plan order."""
        ...

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        """The unit's outputs; ``None``: taken from the last plan as they were."""
        ...


class Single:
    """A kind with one unit: ``(lang, name)`` in each edition, or ``("", name)`` for one
    of the site's own outputs (``site = True``). Stable; reads nothing of the plan unless
    it says so."""

    name: str
    site = False
    reads_plan = False
    stable = True

    def units(self, scope: Scope, lang: str) -> Iterable[Unit]:
        return (("", self.name),) if self.site else ((lang, self.name),)


# -- the names of what pages show; ``update.changes`` reports the same names ------------


def named(what: str, *parts: str) -> str:
    """The name of a piece of content: ``story:<slug>``, ``count:<lang>:<id>``…, one string
    for each (``sys.intern``): a story's names are shown by a handful of pages each, and
    the plan and its memo hold them all."""
    return sys.intern(":".join((what, *parts)))


def story(item: Story) -> tuple[Shown, ...]:
    """Every version of a story, as an article page shows them (its language links): one
    piece per version, its value the version's digest."""
    name = named("story", item.slug)
    return tuple((name, article.digest) for _, article in item.versions)


def shown(lang: str, item: Story, article: Article) -> Shown:
    """The version of a story ``lang``'s edition shows, as a list, a feed or a card does."""
    return named("shown", lang, item.slug), article.digest


def entry(item: Story) -> Shown:
    """What the sitemap lists of a story: its editions and its latest date, as written
    (aware datetimes compare by instant; the sitemap shows the offset too)."""
    latest = max((article.updated or article.date) for _, article in item.versions).isoformat()
    return named("entry", item.slug), f"{','.join(code for code, _ in item.versions)}@{latest}"


def count(lang: str, entity_id: str, value: int) -> Shown:
    """An entity's edition-wide mention count (article pages' entity cards, the entity index)."""
    return named("count", lang, entity_id), str(value)


def facts(lang: str, found: EntityFacts, articles: Sequence[Article] | None = None, *extra: object) -> Shown:
    """What an edition says of an entity (its pages and feed): its registry entry and its
    articles (``articles``: those a page shows of them, with ``extra`` facts of the page)."""
    listed = found.articles if articles is None else articles
    parts = [found.entity.digest, *map(str, extra), *[article.digest for article in listed]]
    return named("facts", lang, found.entity.id), hashlib.sha256("\t".join(parts).encode("utf-8")).hexdigest()


def topic(lang: str, tag: str, value: str) -> Shown:
    """A topic's articles in ``lang``'s edition (``value``: what the output shows of them)."""
    return named("topic", lang, tag), value


def topics(lang: str, tags: Iterable[str]) -> Shown:
    """Which topics the edition has, in order: they come and go with the articles' tags
    (the topic index and the sitemap list them)."""
    return named("topics", lang), digest_of(tuple(tags))


def searchable(lang: str, numbers: tuple[int, ...]) -> Shown:
    """The search shards of ``lang``'s edition (the search page names them)."""
    return named("searchable", lang), f"shards:{numbers}"


def order(lang: str, value: object) -> Shown:
    """What follows from the stories, their order and dates alone (how many pages a list
    has, the months): an update never applies when they change (``update``)."""
    return named("order", lang), digest_of(value)


def digest_of(value: object) -> str:
    """A digest of what a page shows, for its key: ``value``'s repr (plain data only)."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


# -- what several kinds' pages share --------------------------------------------------------


def everywhere_meta(
    views: ViewBuilder, lang: str, title: str, route_of: Callable[[str], str], current: str
) -> PageMeta:
    """The meta of a page that every edition has (an index, the search page): it links its
    translations and the language switcher to the same page in the other editions."""
    same = {code: route_of(code) for code in views.site.languages}
    return views.meta(lang, title, route_of(lang), translations=same, switch=same, current=current)


def fraction(views: ViewBuilder, lang: str, number: int, total: int) -> str:
    """Page 2 of 5 as "2/5", in the edition's digits."""
    digits = views.digits(lang)
    return f"{number_text(number, lang, digits)}/{number_text(total, lang, digits)}"


def page_count(items: int) -> int:
    """Pages of ``PAGE_SIZE`` items (one, for none)."""
    return max(1, -(-items // PAGE_SIZE))
