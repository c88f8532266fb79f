"""Making view models (``viewmodels``) from the index: localised text, links, cards.

One ``ViewBuilder`` per build; it memoises article views and cards, which many
pages (lists, entity pages, feeds) show again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global
from markupsafe import Markup

from . import i18n
from .index import SiteIndex
from .markup.bodyhtml import BodyContext, BodyRenderer
from .markup.mention import ZWJ, joiners
from .model import Article, Entity, Story
from .urls import Urls
from .viewmodels import (
    Alternate,
    ArticleView,
    Card,
    Chip,
    DayGroup,
    EntityCard,
    LangLink,
    Link,
    NavLink,
    PageMeta,
    Pager,
    Text,
)

# Facebook's Open Graph names Arabic as a whole "ar_AR"; other languages take the
# region CLDR finds most likely for them (en → en_US, fr → fr_FR).
_OG_LOCALES = {"ar": "ar_AR"}


def og_locale(lang: str) -> str:
    """The Open Graph locale of a language code: ``ar`` → ``ar_AR``, ``en`` → ``en_US``."""
    code = lang.replace("-", "_")
    if "_" in code:
        return code
    if code in _OG_LOCALES:
        return _OG_LOCALES[code]
    guess = get_global("likely_subtags").get(code, "")
    territory = guess.split("_")[-1] if guess.count("_") >= 1 else ""
    return f"{code}_{territory}" if territory.isupper() else code


def autonym(lang: str) -> str:
    """A language's own name: "العربية", "English"."""
    return language_name(lang, lang)


@lru_cache(maxsize=256)
def language_name(lang: str, in_lang: str) -> str:
    """The name of ``lang`` in ``in_lang`` (Babel/CLDR): ("ar", "en") → "Arabic". Memoised:
    every page names its edition's languages."""
    try:
        name = Locale.parse(lang.replace("-", "_")).get_display_name(in_lang.replace("-", "_"))
    except (ValueError, TypeError):
        return lang
    return (name or lang)[:1].upper() + (name or lang)[1:]


class ViewBuilder:
    """Builds view models for one site; holds the index, URLs, strings and renderer."""

    def __init__(self, index: SiteIndex, urls: Urls, strings: Mapping[str, Mapping[str, str]]) -> None:
        self.index = index
        self.site = index.corpus.site
        self.urls = urls
        self.strings = strings
        self.renderer = BodyRenderer()
        # Charts count mentions per day in the site's zone, as the index groups days.
        self._zone = ZoneInfo(self.site.timezone)
        # Views are pure functions of (story, language); article views and cards are
        # needed by many pages (lists, entity pages, feeds), so each is made once.
        self._articles: dict[tuple[str, str], ArticleView] = {}
        self._cards: dict[tuple[str, str, str], Card] = {}
        self._entity_cards: dict[tuple[str, str], EntityCard] = {}
        self._story_of = {id(article): story for story in index.corpus.stories for _, article in story.versions}

    # -- shared pieces -------------------------------------------------
    def text(self, value: str, lang: str) -> Text:
        return Text(value, lang, i18n.direction(lang))

    @property
    def zone(self) -> ZoneInfo:
        """The site's zone, in which charts count mentions per day as the index groups days."""
        return self._zone

    def digits(self, lang: str) -> str:
        """The numbering system ``lang``'s edition writes numbers and dates in (site.yaml ``digits``)."""
        return self.site.numbering(lang)

    def alternates(self, versions: Mapping[str, str]) -> tuple[Alternate, ...]:
        """hreflang alternates for the routes of one page in each language, with ``x-default``
        (the default language's); none for a page that exists in one language only."""
        if len(versions) < 2:
            return ()
        default = versions.get(self.site.default_language) or next(iter(versions.values()))
        alternates = tuple(Alternate(code, self.urls.absolute(r)) for code, r in versions.items())
        return (*alternates, Alternate("x-default", self.urls.absolute(default)))

    def meta(
        self,
        lang: str,
        title: str,
        route: str,
        *,
        translations: Mapping[str, str] | None = None,
        switch: Mapping[str, str] | None = None,
        noindex: bool = False,
        og_type: str = "website",
        description: str | None = None,
        current: str = "",
    ) -> PageMeta:
        """Head and navigation for a page at ``route``.

        ``translations`` are the routes of real translations (hreflang alternates);
        ``switch`` is where the language switcher goes for each language (the same
        page where it exists, else that edition's home).
        """
        t = self.strings[lang]
        site_title = self.site.title.pick(lang)[0]
        translations = dict(translations or {lang: route})
        switch = dict(switch or {})
        alternates = self.alternates(translations) if not noindex else ()
        switcher = self._switcher(lang, route, switch, translations)
        desc = self.site.description.pick(lang)[0] if self.site.description else site_title
        return PageMeta(
            lang=lang,
            dir=i18n.direction(lang),
            title=f"{title} — {site_title}" if title != site_title else site_title,
            site_title=site_title,
            description=description or desc,
            home_href=self.urls.href(self.urls.home(lang)),
            canonical=self.urls.absolute(route),
            alternates=alternates,
            switcher=switcher,
            nav=self._nav(lang, t, current),
            feed_href=self.urls.href(self.urls.feed(lang)),
            feed_title=f"{site_title} ({autonym(lang)})",
            css_href=self.urls.href(self.urls.asset("style.css")),
            js_href=self.urls.href(self.urls.asset("reader.js")),
            icon_href=self.urls.href(self.urls.asset("favicon.svg")),
            noindex=noindex,
            og_type=og_type,
            digits=self.digits(lang),
            og_locale=og_locale(lang),
            og_locale_alternates=tuple(og_locale(code) for code in translations if code != lang),
        )

    def _switcher(
        self, lang: str, route: str, switch: Mapping[str, str], translations: Mapping[str, str]
    ) -> tuple[LangLink, ...]:
        """The language switcher: each edition's version of the page, or its home."""
        return tuple(
            LangLink(
                code,
                autonym(code),
                self.urls.href(switch.get(code, self.urls.home(code)) if code != lang else route),
                code == lang,
                code in translations,
            )
            for code in self.site.languages
        )

    def _nav(self, lang: str, t: Mapping[str, str], current: str) -> tuple[NavLink, ...]:
        """The edition's navigation, the ``current`` section marked."""
        return tuple(
            NavLink(self.urls.href(route), t[f"nav_{key}"], key == current)
            for key, route in (
                ("home", self.urls.home(lang)),
                ("entities", self.urls.entities(lang)),
                ("tags", self.urls.tags(lang)),
                ("archive", self.urls.archive(lang)),
            )
        )

    def pager(self, number: int, total: int, route_of: Callable[[int], str]) -> Pager | None:
        """Links to the newer and older pages and to the page numbers ``page_window`` shows."""
        if total <= 1:
            return None
        href = self.urls.href
        return Pager(
            number=number,
            total=total,
            newer=href(route_of(number - 1)) if number > 1 else None,
            older=href(route_of(number + 1)) if number < total else None,
            pages=tuple((n, href(route_of(n)) if n else None) for n in page_window(number, total)),
        )

    def story_of(self, article: Article) -> Story:
        """The story an article (any of its versions) belongs to."""
        return self._story_of[id(article)]

    def chip(self, entity: Entity, lang: str, count: int = 0) -> Chip:
        name, name_lang = entity.name.pick(lang)
        return Chip(self.urls.href(self.urls.entity(lang, entity.id)), self.text(name, name_lang), entity.type, count)

    def card(self, story: Story, article: Article, lang: str) -> Card:
        cache_key = (story.slug, article.lang, lang)
        if cache_key not in self._cards:
            self._cards[cache_key] = self._card(story, article, lang)
        return self._cards[cache_key]

    def _card(self, story: Story, article: Article, lang: str) -> Card:
        title, title_lang = article.title.pick(lang, (article.lang,))
        summary = None
        if article.summary:
            value, summary_lang = article.summary.pick(lang, (article.lang,))
            summary = self.text(value, summary_lang)
        counts: dict[str, int] = {}
        for mention in article.body.mentions:
            if mention.entity_id in self.index.corpus.entities:
                counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
        chips = tuple(
            self.chip(self.index.corpus.entities[eid], lang, n)
            for eid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        return Card(
            href=self.urls.href(self.urls.article(lang, story.slug)),
            title=self.text(title, title_lang),
            summary=summary,
            date_text=i18n.date_text(article.date, lang, self.digits(lang)),
            date_iso=article.date.isoformat(),
            source=article.source.name if article.source else None,
            chips=chips,
            original=article.lang != lang,
        )

    def entity_cards(self, story: Story, lang: str) -> tuple[EntityCard, ...]:
        """Cards for every entity the page of ``story`` in ``lang`` links as a mention, by id.

        The page's cache key lists each card's mention count (see ``plan``), since that
        count changes with other articles.
        """
        article = story.shown(lang)
        return tuple(self.entity_card(eid, lang) for eid in self.index.entities_in(article))

    def entity_card(self, entity_id: str, lang: str) -> EntityCard:
        cache_key = (entity_id, lang)
        if cache_key not in self._entity_cards:
            entity = self.index.corpus.entities[entity_id]
            name, name_lang = entity.name.pick(lang)
            description = None
            if entity.description:
                description = self.text(*entity.description.pick(lang))
            self._entity_cards[cache_key] = EntityCard(
                id=entity_id,
                type=entity.type,
                href=self.urls.href(self.urls.entity(lang, entity_id)),
                name=self.text(name, name_lang),
                other_names=tuple(self.text(v, code) for code, v in entity.name.values if v != name),
                description=description,
                mention_count=self.index.edition(lang).entities[entity_id].mention_count,
            )
        return self._entity_cards[cache_key]

    def days(self, items: tuple[tuple[Story, Article], ...], lang: str) -> tuple[DayGroup, ...]:
        groups: list[DayGroup] = []
        for story, article in items:
            day = article.date
            heading = i18n.date_text(day, lang, self.digits(lang))
            if groups and groups[-1].heading == heading:
                groups[-1] = DayGroup(heading, groups[-1].iso, (*groups[-1].cards, self.card(story, article, lang)))
            else:
                groups.append(DayGroup(heading, day.date().isoformat(), (self.card(story, article, lang),)))
        return tuple(groups)

    # -- page views ----------------------------------------------------
    def article(self, story: Story, lang: str) -> ArticleView:
        cache_key = (story.slug, lang)
        if cache_key not in self._articles:
            self._articles[cache_key] = self._article(story, lang)
        return self._articles[cache_key]

    def _article(self, story: Story, lang: str) -> ArticleView:
        article = story.shown(lang)
        t = self.strings[lang]
        title, title_lang = article.title.pick(lang, (article.lang,))
        summary = None
        if article.summary:
            value, summary_lang = article.summary.pick(lang, (article.lang,))
            summary = self.text(value, summary_lang)
        ctx = BodyContext(
            body_lang=article.lang,
            entities=self.index.corpus.entities,
            entity_href=lambda eid: self.urls.href(self.urls.entity(lang, eid)),
            strings=t,
            page_lang=lang,
            digits=self.digits(lang),
        )
        card = self.card(story, article, lang)
        return ArticleView(
            title=self.text(title, title_lang),
            summary=summary,
            date_text=i18n.datetime_text(article.date, lang, article.date_has_time, self.digits(lang)),
            date_iso=article.date.isoformat(),
            updated_text=(
                i18n.datetime_text(article.updated, lang, digits=self.digits(lang)) if article.updated else None
            ),
            updated_iso=article.updated.isoformat() if article.updated else None,
            source_name=article.source.name if article.source else None,
            source_url=article.source.url if article.source else None,
            image_credit=article.image_credit,
            body_html=Markup(self.renderer.render(article, ctx)),
            body_lang=article.lang,
            body_dir=i18n.direction(article.lang),
            fallback=article.lang != lang,
            original_language=language_name(article.lang, lang),
            tags=tuple(Link(self.urls.href(self.urls.tag(lang, tag)), tag) for tag in article.tags),
            entities=card.chips,
            related=article.related,
            cards=self.entity_cards(story, lang),
            author=self.text(article.author, i18n.written_lang(article.author, article.lang))
            if article.author
            else None,
        )


PAGER_WIDTH = 2
"""Page numbers a pager shows on each side of the current one."""


def page_window(number: int, total: int, width: int = PAGER_WIDTH) -> tuple[int, ...]:
    """The page numbers a pager of ``total`` pages shows on page ``number``: the first, the
    last and ``width`` on each side of ``number``, with ``0`` for each gap (shown as an
    ellipsis). A gap of a single page shows that page instead, since a number takes no more
    room than the ellipsis. At most ``2 * width + 5`` items, whatever the number of pages:
    listing every page on every page made each page of a long listing carry hundreds of
    links (a home page of 10,000 stories, 400 pages of 400 links) and cost quadratic time."""
    shown = sorted({1, total, *range(max(1, number - width), min(total, number + width) + 1)})
    window: list[int] = []
    previous = 0
    for page in shown:
        if page - previous == 2:
            window.append(previous + 1)
        elif page - previous > 2:
            window.append(0)
        window.append(page)
        previous = page
    return tuple(window)


def joined_parts(parts: list[str]) -> list[str]:
    """Text and mentions of a snippet (``text, mention, text, mention, …, text``) with zero-width
    joiners on both sides of each mark's edge where the letters join across it (``ل`` + ``روسيا``),
    as the article body has them: without them the clitic stands apart from the name on screen."""
    joins = [joiners(parts[i - 1], parts[i], parts[i + 1]) for i in range(1, len(parts) - 1, 2)]
    out = list(parts)
    for n, (start, end) in enumerate(joins):
        i = 2 * n + 1
        if start:
            out[i - 1], out[i] = out[i - 1] + ZWJ, ZWJ + out[i]
        if end:
            out[i], out[i + 1] = out[i] + ZWJ, ZWJ + out[i + 1]
    return out
