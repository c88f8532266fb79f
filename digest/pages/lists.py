"""Lists of stories, paged by ``PAGE_SIZE``: the home page, a topic's pages, a month's
pages; and the indexes that link them: all topics, all months (the archive).

Home and month pages are *translated*: every edition shows every story, so page N
holds the same stories in each and the pages are each other's translations. A topic
is a word of one language: its pages switch to the other edition's topic index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import i18n
from ..model import Article, Position, Story
from ..viewmodels import IndexView, Link, ListView
from .base import (
    PAGE_SIZE,
    Draft,
    PageSpec,
    Planning,
    Scope,
    Shown,
    Single,
    Unit,
    digest_of,
    everywhere_meta,
    fraction,
    order,
    page_count,
    shown,
    topic,
    topics,
)

Items = tuple[tuple[Story, Article], ...]


class Home:
    """Kind ``home``: unit ``(lang, "home", page number)``, one page of the home page."""

    name = "home"
    reads_plan = False
    stable = True

    def units(self, scope: Scope, lang: str) -> Iterable[Unit]:
        pages = page_count(len(scope.index.edition(lang).items))
        return ((lang, self.name, str(number)) for number in range(1, pages + 1))

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang, number = unit[0], int(unit[2])
        paging = _Paging(scope.urls.home, scope.views.site.title.pick(lang)[0], "home.html", True, "home")
        return Draft((paging.page(scope, lang, scope.index.edition(lang).items, number, scope.site_origin),))


class Month:
    """Kind ``month``: unit ``(lang, "month", YYYY-MM)``, the month's stories, every page."""

    name = "month"
    reads_plan = False
    stable = True

    def units(self, scope: Scope, lang: str) -> Iterable[Unit]:
        return ((lang, self.name, month) for month, _ in scope.index.edition(lang).months)

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang, month = unit[0], unit[2]
        items = dict(scope.index.edition(lang).months)[month]
        heading = i18n.month_text(month, lang, scope.views.digits(lang))
        paging = _Paging(lambda code: scope.urls.month(code, month), heading, "list.html", True)
        return Draft(paging.pages(scope, lang, items, scope.site_origin))


class Topic:
    """Kind ``tag``: unit ``(lang, "tag", topic)``, the topic's stories, every page."""

    name = "tag"
    reads_plan = False
    stable = False

    def units(self, scope: Scope, lang: str) -> Iterable[Unit]:
        return ((lang, self.name, tag) for tag in scope.index.edition(lang).tags)

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang, tag = unit[0], unit[2]
        views, urls = scope.views, scope.urls
        articles = scope.index.edition(lang).tags[tag]
        items = tuple((views.story_of(a), a) for a in articles)
        heading = views.strings[lang]["tag_heading"].format(tag=tag)
        paging = _Paging(lambda code: urls.tag(code, tag), heading, "list.html", False, switch_to=urls.tags)
        # The pages show the topic's articles (named by the topic: another article's edit
        # that leaves the topic as it was does not reach them).
        specs = paging.pages(scope, lang, items, articles[0].position, named=topic(lang, tag, "")[0])
        return Draft(specs)


class TopicIndex(Single):
    """Kind ``tags``: unit ``(lang, "tags")``, every topic of the edition with its count."""

    name = "tags"

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang, urls = unit[0], scope.urls
        tags = scope.index.edition(lang).tags
        links = tuple((Link(urls.href(urls.tag(lang, tag)), tag), len(items)) for tag, items in tags.items())
        # Which topics there are, and each one's count (a topic's list changing reaches it).
        shows = (topics(lang, tags), *(topic(lang, tag, str(len(items))) for tag, items in tags.items()))
        title = scope.views.strings[lang]["tags_title"]
        return Draft((_index_page(scope, lang, urls.tags, title, "tags", links, shows),))


class Archive(Single):
    """Kind ``archive``: unit ``(lang, "archive")``, every month with its number of stories."""

    name = "archive"

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang, views, urls = unit[0], scope.views, scope.urls
        links = tuple(
            (Link(urls.href(urls.month(lang, month)), i18n.month_text(month, lang, views.digits(lang))), len(items))
            for month, items in scope.index.edition(lang).months
        )
        title = views.strings[lang]["archive_title"]
        return Draft((_index_page(scope, lang, urls.archive, title, "archive", links, (order(lang, links),)),))


@dataclass(frozen=True)
class _Paging:
    """How one list is paged: ``route``, ``route/page/2/``, …"""

    route_of: Callable[[str], str]
    heading: str
    template: str
    translated: bool
    """The list shares its pages across languages (see the module's docstring)."""
    current: str = ""
    switch_to: Callable[[str], str] | None = None
    """Where the language switcher goes instead of the same page (a topic's: the topic index)."""

    def pages(
        self, scope: Scope, lang: str, items: Items, origin: Position, named: str | None = None
    ) -> tuple[PageSpec, ...]:
        total = page_count(len(items))
        return tuple(self.page(scope, lang, items, number, origin, named) for number in range(1, total + 1))

    def page(
        self, scope: Scope, lang: str, items: Items, number: int, origin: Position, named: str | None = None
    ) -> PageSpec:
        """Page ``number``; ``named``: the name its stories are shown under (else each
        story's own, ``base.shown``)."""
        total = page_count(len(items))
        chunk = items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        shows: tuple[Shown, ...]
        if named is None:
            shows = (order(lang, total), *(shown(lang, item, article) for item, article in chunk))
        else:
            shows = (order(lang, total), (named, digest_of([article.digest for _, article in chunk])))
        make = self._maker(scope, lang, chunk, number, total, len(items))
        return PageSpec(scope.urls.page(self.route_of(lang), number), self.template, make, origin, shows)

    def _maker(self, scope: Scope, lang: str, chunk: Items, number: int, total: int, count: int) -> Any:
        views, urls, route_of = scope.views, scope.urls, self.route_of
        heading, translated, current, switch_to = self.heading, self.translated, self.current, self.switch_to

        def make() -> Mapping[str, Any]:
            languages = views.site.languages
            same = {code: urls.page(route_of(code), number) for code in languages}
            switch = {code: switch_to(code) for code in languages} if switch_to else same
            title = heading if number == 1 else f"{heading} ({fraction(views, lang, number, total)})"
            meta = views.meta(
                lang, title, same[lang], translations=same if translated else None, switch=switch, current=current
            )
            pager = views.pager(number, total, lambda n: urls.page(route_of(lang), n))
            return {"page": meta, "view": ListView(heading, views.days(chunk, lang), count, pager)}

        return make


def _index_page(
    scope: Scope,
    lang: str,
    route_of: Callable[[str], str],
    title: str,
    current: str,
    links: tuple[tuple[Link, int], ...],
    shows: tuple[Shown, ...],
) -> PageSpec:
    """A page of links with counts (topics, archive months), the same page in every edition."""
    views = scope.views

    def make() -> Mapping[str, Any]:
        return {"page": everywhere_meta(views, lang, title, route_of, current), "view": IndexView(title, links)}

    return PageSpec(route_of(lang), "list_index.html", make, scope.site_origin, shows)
