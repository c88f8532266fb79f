"""Article pages: ``/<lang>/articles/<slug>/``, one per story in every edition.

An edition without the story's translation shows the original (a *fallback* page: the
original's language and direction, ``noindex``, canonical to the original). The page's
head (canonical, hreflang alternates, JSON-LD ``NewsArticle``) and the hidden text the
search index reads are made here, beside the page's key and reach.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from .. import structured
from ..search.forms import search_text
from ..urls import Urls
from ..views import ViewBuilder
from .base import Draft, PageSpec, Planning, Scope, Unit, story


class Articles:
    """Kind ``article``: unit ``(lang, "article", slug)``.

    Shows the story's every version (its language links) and the edition-wide mention
    counts of the entities its cards show, which other articles change."""

    name = "article"
    reads_plan = False
    stable = True

    def units(self, scope: Scope, lang: str) -> Iterable[Unit]:
        return ((lang, self.name, item.slug) for item, _ in scope.index.edition(lang).items)

    def plan(self, scope: Scope, unit: Unit, planning: Planning) -> Draft | None:
        lang, _, slug = unit
        item, shown = scope.index.story(lang, slug)
        versions = tuple(article for _, article in item.versions)
        entities = scope.index.entities_in(shown)
        if planning.reusable(lang, entities) and planning.kept(unit, versions):
            return None
        counts = planning.counts(lang)
        spec = PageSpec(
            scope.urls.article(lang, slug),
            "article.html",
            _maker(scope.views, scope.urls, item, lang),
            shown.position,
            (*story(item), *(counts[eid] for eid in entities)),
            searchable=shown.lang == lang,  # else the original, for want of a translation
        )
        return Draft((spec,), versions)


def _maker(views: ViewBuilder, urls: Urls, item: Any, lang: str) -> Any:
    def make() -> Mapping[str, Any]:
        view = views.article(item, lang)
        article = item.shown(lang)
        real = {code: urls.article(code, item.slug) for code, _ in item.versions}
        everywhere = {code: urls.article(code, item.slug) for code in views.site.languages}
        summary = view.summary.value if view.summary else None
        meta = views.meta(
            lang,
            view.title.value,
            urls.article(lang, item.slug),
            translations=real,
            switch=everywhere,
            noindex=view.fallback,
            og_type="article",
            description=summary,
        )
        if view.fallback:
            meta = replace(meta, canonical=urls.absolute(urls.article(item.original.lang, item.slug)))
        if len(real) < len(everywhere):
            # Each edition has a page for the story, a translation or the fallback: the pages
            # declare each other, so the language switch between them is a declared pair. A
            # fallback stays noindex with the original as canonical and out of the sitemap,
            # so search engines fold it into the original.
            meta = replace(meta, alternates=views.alternates(everywhere))
        meta = replace(
            meta,
            published_iso=article.date.isoformat(),
            modified_iso=article.updated.isoformat() if article.updated else None,
            tags=article.tags,
            structured_data=structured.script_json(
                structured.news_article(
                    article,
                    headline=view.title.value,
                    description=summary,
                    url=meta.canonical,
                    publication=structured.Publication(meta.site_title, urls.absolute(urls.home(lang))),
                    entities=views.index.corpus.entities,
                    entity_url=lambda eid: urls.absolute(urls.entity(lang, eid)),
                    lang=lang,
                )
            ),
        )
        # The hidden text Pagefind indexes: the body as read and the search forms of the page's
        # Arabic words (see search). A fallback page is not indexed (see ``PageSpec.searchable``).
        text = None if view.fallback else search_text(view.title.value, summary or "", str(view.body_html))
        return {"page": meta, "view": view, "search_text": text}

    return make
