"""Entity pages: ``/<lang>/entities/<id>/`` (paged), the entity's Atom feed, and the
index of all entities ``/<lang>/entities/``.

Page 1 of an entity shows counts, charts and neighbours made from all its articles;
later pages list only their own articles. The feed carries headline and summary of
the newest (not whole texts), which keeps hundreds of entity feeds small.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .. import feeds
from ..entityview import entity_index, entity_view
from ..index import EntityFacts
from ..urls import Urls
from ..views import ViewBuilder
from .base import (
    FEED_ENTRIES,
    PAGE_SIZE,
    Draft,
    PageSpec,
    Planning,
    Scope,
    Shown,
    Single,
    Unit,
    count,
    everywhere_meta,
    facts,
    fraction,
    page_count,
)
from .feeds import feed_entries


class Entities:
    """Kind ``entity``: unit ``(lang, "entity", id)``, the entity's pages and feed; they
    show its facts (``base.facts``)."""

    name = "entity"
    reads_plan = False
    stable = True

    def units(self, scope: Scope, lang: str) -> Iterable[Unit]:
        return ((lang, self.name, eid) for eid in scope.index.edition(lang).entities)

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang, _, entity_id = unit
        found = scope.index.edition(lang).entities[entity_id]
        if planning.kept(unit, (found,)):
            return None
        views, urls = scope.views, scope.urls
        whole = facts(lang, found)
        pages = page_count(len(found.articles))
        made: list[PageSpec] = []
        for number in range(1, pages + 1):
            route = urls.page(urls.entity(lang, entity_id), number)
            make = _page_maker(views, urls, found, lang, number, pages)
            # Page 1 shows counts and neighbours from every article; later pages only their own.
            shows = (whole,) if number == 1 else (_later_page(lang, found, number, pages),)
            made.append(PageSpec(route, "entity.html", make, found.entity.position, shows))
        feed = _feed_maker(views, urls, found, lang)
        made.append(PageSpec(urls.entity_feed(lang, entity_id), None, feed, found.entity.position, (whole,)))
        return Draft(tuple(made), (found,))


def _later_page(lang: str, found: EntityFacts, number: int, pages: int) -> Shown:
    """What page ``number`` (> 1) of an entity shows of its facts: its own articles."""
    return facts(lang, found, found.articles[(number - 1) * PAGE_SIZE : number * PAGE_SIZE], pages)


class EntityIndex(Single):
    """Kind ``entities``: unit ``(lang, "entities")``, the index of every entity by type,
    each with its mention count."""

    name = "entities"

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang = unit[0]
        views, urls = scope.views, scope.urls
        edition = scope.index.edition(lang)
        title = views.strings[lang]["entities_title"]
        shows = tuple(count(lang, eid, f.mention_count) for eid, f in edition.entities.items())

        def make() -> Mapping[str, Any]:
            return {
                "page": everywhere_meta(views, lang, title, urls.entities, "entities"),
                "groups": entity_index(views, edition),
            }

        return Draft((PageSpec(urls.entities(lang), "entities.html", make, scope.site_origin, shows),))


def _page_maker(views: ViewBuilder, urls: Urls, found: EntityFacts, lang: str, number: int, pages: int) -> Any:
    def make() -> Mapping[str, Any]:
        entity_id = found.entity.id
        pager = views.pager(number, pages, lambda n: urls.page(urls.entity(lang, entity_id), n))
        view = entity_view(views, found, lang, number, PAGE_SIZE, pager)
        first = {code: urls.entity(code, entity_id) for code in views.site.languages}
        title = view.name.value if number == 1 else f"{view.name.value} ({fraction(views, lang, number, pages)})"
        meta = views.meta(
            lang,
            title,
            urls.page(urls.entity(lang, entity_id), number),
            # Later pages hold different articles in each edition: no translations, and the
            # language switcher goes to the entity's first page.
            translations=first if number == 1 else None,
            switch=first,
            description=view.description.value if view.description else None,
            current="entities",
        )
        return {"page": meta, "view": view}

    return make


def _feed_maker(views: ViewBuilder, urls: Urls, found: EntityFacts, lang: str) -> Any:
    def make() -> bytes:
        site = views.site
        # The entity's articles are in edition order already: its newest, with their stories.
        items = tuple((views.story_of(a), a) for a in found.articles[:FEED_ENTRIES])
        name = found.entity.name.pick(lang)[0]
        return feeds.atom(
            feeds.Feed(
                title=f"{name} — {site.title.pick(lang)[0]}",
                subtitle=None,
                lang=lang,
                self_url=urls.absolute(urls.entity_feed(lang, found.entity.id)),
                home_url=urls.absolute(urls.entity(lang, found.entity.id)),
                author=site.title.pick(lang)[0],
                entries=feed_entries(views, urls, items, lang, full=False),
            )
        )

    return make
