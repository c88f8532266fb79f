"""The edition's Atom feed, ``/<lang>/feed.xml``: its newest articles, whole texts included.

The XML itself is written by ``digest.feeds`` from plain data; here is what goes in.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..feeds import Feed, FeedEntry, atom
from ..model import Article, Story
from ..urls import Urls
from ..views import ViewBuilder
from .base import FEED_ENTRIES, Draft, PageSpec, Planning, Scope, Single, Unit, shown


class EditionFeed(Single):
    """Kind ``feed``: unit ``(lang, "feed")``; shows the newest ``FEED_ENTRIES`` stories."""

    name = "feed"

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang = unit[0]
        views, urls = scope.views, scope.urls
        items = scope.index.edition(lang).items[:FEED_ENTRIES]
        site = views.site

        def make() -> bytes:
            return atom(
                Feed(
                    title=site.title.pick(lang)[0],
                    subtitle=site.description.pick(lang)[0] if site.description else None,
                    lang=lang,
                    self_url=urls.absolute(urls.feed(lang)),
                    home_url=urls.absolute(urls.home(lang)),
                    author=site.title.pick(lang)[0],
                    entries=feed_entries(views, urls, items, lang, full=True),
                )
            )

        shows = tuple(shown(lang, item, article) for item, article in items)
        return Draft((PageSpec(urls.feed(lang), None, make, scope.site_origin, shows),))


def feed_entries(
    views: ViewBuilder, urls: Urls, items: Sequence[tuple[Story, Article]], lang: str, full: bool
) -> tuple[FeedEntry, ...]:
    """Entries for the newest items; ``full`` adds each article's whole text (edition feeds
    do; per-entity feeds carry headline and summary, which keeps hundreds of them small)."""
    entries = []
    for item, article in items[:FEED_ENTRIES]:
        card = views.card(item, article, lang)
        entries.append(
            FeedEntry(
                title=card.title.value,
                url=urls.absolute(urls.article(lang, item.slug)),
                published=article.date,
                updated=article.updated or article.date,
                author=article.author or (article.source.name if article.source else views.site.title.pick(lang)[0]),
                summary=card.summary.value if card.summary else None,
                content_html=str(views.article(item, lang).body_html) if full else None,
                tags=article.tags,
                lang=article.lang,
            )
        )
    return tuple(entries)
