"""The site's own outputs: the edition picker at ``/``, ``404.html``, ``robots.txt``,
``sitemap.xml``, and each edition's search page.

The sitemap lists every page a search engine should index: the editions' index pages,
each story in the languages it is written in (a fallback page is a copy, left out), each
entity, month and topic, with hreflang alternates between the editions of a page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .. import feeds
from ..index import SiteIndex
from ..search.forms import FORMS_ID
from ..search.shards import shard_folder, shards
from ..urls import Urls
from ..views import autonym
from .base import Draft, PageSpec, Planning, Scope, Single, Unit, entry, everywhere_meta, order, searchable, topics


class Redirect(Single):
    """Kind ``redirect``: unit ``("", "redirect")``, the page at ``/`` that picks an edition."""

    name = "redirect"
    site = True

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        views, urls = scope.views, scope.urls
        site = views.site
        default = site.default_language

        def make() -> Mapping[str, Any]:
            return {
                "page": views.meta(default, site.title.pick(default)[0], "", noindex=True),
                "target": urls.href(urls.home(default)),
                "editions": [(views.text(autonym(code), code), urls.href(urls.home(code))) for code in site.languages],
            }

        return Draft((PageSpec("", "redirect.html", make, scope.site_origin),))


class NotFound(Single):
    """Kind ``404``: unit ``("", "404")``, the page a host serves for a missing path."""

    name = "404"
    site = True

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        views, urls = scope.views, scope.urls
        site = views.site
        strings = views.strings

        def make() -> Mapping[str, Any]:
            default = site.default_language
            return {
                "page": views.meta(default, strings[default]["not_found"], "404.html", noindex=True),
                "editions": [
                    (views.text(strings[code]["not_found_text"], code), urls.href(urls.home(code)))
                    for code in site.languages
                ],
            }

        return Draft((PageSpec("404.html", "404.html", make, scope.site_origin),))


class Robots(Single):
    """Kind ``robots``: unit ``("", "robots")``, ``robots.txt`` naming the sitemap."""

    name = "robots"
    site = True

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        urls = scope.urls
        return Draft(
            (PageSpec("robots.txt", None, lambda: feeds.robots(urls.absolute(urls.sitemap())), scope.site_origin),)
        )


class Search(Single):
    """Kind ``search``: unit ``(lang, "search")``, the edition's search page, which names
    its search shards (see ``search``), merged by the page's script."""

    name = "search"
    reads_plan = True

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang = unit[0]
        views, urls = scope.views, scope.urls
        title = views.strings[lang]["search_title"]
        numbers = tuple(shards(planning.searchable(lang), scope.per_shard))

        def make() -> Mapping[str, Any]:
            return {
                "page": everywhere_meta(views, lang, title, urls.search, "search"),
                "bundle_hrefs": [urls.href(shard_folder(lang, number)) for number in numbers],
                "script_href": urls.href(urls.asset("search.js")),
                "base_href": urls.href(urls.root()),
                "forms_id": FORMS_ID,
            }

        return Draft(
            (PageSpec(urls.search(lang), "search.html", make, scope.site_origin, (searchable(lang, numbers),)),)
        )


class Sitemap(Single):
    """Kind ``sitemap``: unit ``("", "sitemap")``. Shows every story's entry (``base.entry``),
    the months (which follow from the stories' dates) and each edition's topics; an edit
    of an article's text leaves it as it is."""

    name = "sitemap"
    site = True

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        index, urls = scope.index, scope.urls
        site = index.corpus.site
        months = [month for month, _ in index.edition(site.default_language).months]
        shows = (
            *(entry(item) for item in index.corpus.stories),
            order("", (tuple(index.corpus.entities), months)),
            *(topics(lang, index.edition(lang).tags) for lang in site.languages),
        )
        return Draft((PageSpec("sitemap.xml", None, lambda: _sitemap(index, urls), scope.site_origin, shows),))


def _sitemap(index: SiteIndex, urls: Urls) -> bytes:
    site = index.corpus.site
    langs = site.languages
    entries: list[feeds.SitemapUrl] = []

    def add(route_of: Callable[[str], str], codes: tuple[str, ...], lastmod: Any = None) -> None:
        alternates: tuple[tuple[str, str], ...] = ()
        if len(codes) > 1:
            default = site.default_language if site.default_language in codes else codes[0]
            alternates = tuple((c, urls.absolute(route_of(c))) for c in codes) + (
                ("x-default", urls.absolute(route_of(default))),
            )
        for code in codes:
            entries.append(feeds.SitemapUrl(urls.absolute(route_of(code)), lastmod, alternates))

    for route_of in (urls.home, urls.entities, urls.tags, urls.archive):
        add(route_of, langs)
    for item in index.corpus.stories:
        latest = max((a.updated or a.date) for _, a in item.versions)
        add(_of(urls.article, item.slug), tuple(c for c, _ in item.versions), latest)
    for entity_id in index.corpus.entities:
        add(_of(urls.entity, entity_id), langs)
    for month, _ in index.edition(site.default_language).months:
        add(_of(urls.month, month), langs)
    for lang in langs:
        for tag in index.edition(lang).tags:
            add(_of(urls.tag, tag), (lang,))
    return feeds.sitemap(entries)


def _of(route: Callable[[str, str], str], value: str) -> Callable[[str], str]:
    """The route of one page (``value``: its slug, id, month or topic) in each edition."""
    return lambda code: route(code, value)
