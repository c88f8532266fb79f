"""The plan: every output of the site as a ``PageSpec``, each route claimed once.

Nothing is rendered here. A spec says where a page goes, which template draws it
and how to make its view (a callable, so a caller may skip pages it does not
need). Two specs claiming one output file is an error (e.g. two tags that
differ only in case or punctuation), reported at the content that caused it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from . import feeds, i18n, structured
from .diagnostics import Diagnostics
from .index import SiteIndex
from .model import Article, Position, Story
from .search import FORMS_ID, search_forms, shard_folder, shards
from .urls import Urls
from .viewmodels import IndexView, Link, ListView
from .views import ViewBuilder, autonym

FEED_ENTRIES = 50
PAGE_SIZE = 50
"""Stories per page on the home page, topic pages and month pages."""


@dataclass(frozen=True)
class PageSpec:
    route: str
    template: str | None
    """Template name; ``None`` for outputs made directly as bytes (feeds, sitemap)."""
    make: Callable[[], Mapping[str, Any]] | Callable[[], bytes]
    origin: Position
    deps: tuple[str, ...] = ()
    """Digests of the content this output shows, beyond what every page depends on (site,
    registry, theme, code): its cache key. Same key, same bytes."""
    group: str = ""
    """Outputs with the same non-empty group share work (an article's pages in every edition
    render one parsed body): they are rendered one after another in one worker."""
    searchable: bool = False
    """Goes into the edition's search index: article pages in their own language. A page
    showing the original for want of a translation is a copy (``noindex``, canonical to the
    original), found by the original's edition instead, as web search engines treat it."""


@dataclass(frozen=True)
class Planned:
    """One article's or one entity's outputs in one edition, as a build planned them."""

    inputs: tuple[object, ...]
    """What they were planned from: the article objects of the story, or the entity's facts.
    The next build of the process takes the outputs as they are only for equal inputs."""
    outputs: tuple[tuple[str, str], ...]
    """``(output path, key)`` of each."""
    searchable: tuple[str, ...]
    located: tuple[tuple[str, Position], ...]
    """``(output path, origin)`` of each, for the check of colliding paths."""


@dataclass(frozen=True)
class Plan:
    """The outputs of the site. Those of articles and entities that did not change since the
    last build of this process are not planned again (``PlanMemo``): they have no spec, only
    their path and key."""

    specs: list[PageSpec]
    """Outputs planned afresh, in plan order."""
    keys: dict[str, str]
    """Every output path → its key (``PageSpec.deps`` and what the caller's ``key`` adds), in plan order."""
    searchable: tuple[str, ...]
    """Paths of the pages that go into the search index, sorted."""
    memo: PlanMemo
    reused: int = 0
    """Outputs taken from the last build's plan."""


@dataclass(frozen=True)
class PlanMemo:
    """What a plan leaves for the next one of the same process (``serve``): per edition, each
    article's and entity's outputs and the mention counts that article pages show."""

    units: Mapping[tuple[str, str, str], Planned]
    counts: Mapping[str, Mapping[str, int]]


def plan_site(index: SiteIndex, views: ViewBuilder, urls: Urls, diags: Diagnostics) -> list[PageSpec]:
    """Every output of the site as a spec (nothing reused)."""
    return plan(index, views, urls, diags, key=lambda spec: "").specs


def plan(
    index: SiteIndex,
    views: ViewBuilder,
    urls: Urls,
    diags: Diagnostics,
    *,
    key: Callable[[PageSpec], str],
    last: PlanMemo | None = None,
) -> Plan:
    """Plan the site; ``key`` gives each output's cache key. With ``last`` (the memo of the
    previous plan of this process, made with the same settings, registry, theme and code:
    the caller's to check), an article's pages and an entity's pages whose inputs equal what
    they were planned from last time (the same objects, mostly), and whose shown mention
    counts are the same, keep their paths and keys without being planned again: the same
    key would come out.
    """
    site = index.corpus.site
    planner = _Planner(key, last)
    site_origin = Position("content/site.yaml", 1, 1)
    langs = site.languages

    def same(route_of: Callable[[str], str]) -> dict[str, str]:
        return {code: route_of(code) for code in langs}

    def page(
        route: str,
        template: str,
        make: Callable[[], Mapping[str, Any]],
        origin: Position = site_origin,
        deps: tuple[str, ...] = (),
    ) -> None:
        planner.spec(PageSpec(route, template, make, origin, deps))

    page(
        "",
        "redirect.html",
        lambda: {
            "page": views.meta(site.default_language, site.title.pick(site.default_language)[0], "", noindex=True),
            "target": urls.href(urls.home(site.default_language)),
            "editions": [(views.text(autonym(code), code), urls.href(urls.home(code))) for code in langs],
        },
    )
    page(
        "404.html",
        "404.html",
        lambda: {
            "page": views.meta(
                site.default_language, views.strings[site.default_language]["not_found"], "404.html", noindex=True
            ),
            "editions": [
                (views.text(views.strings[code]["not_found_text"], code), urls.href(urls.home(code))) for code in langs
            ],
        },
    )
    for lang in langs:
        _plan_edition(index, views, urls, lang, page, planner, same)
    planner.spec(PageSpec("sitemap.xml", None, lambda: _sitemap(index, urls), site_origin, (_sitemap_key(index),)))
    planner.spec(PageSpec("robots.txt", None, lambda: feeds.robots(urls.absolute(urls.sitemap())), site_origin))
    return planner.finish(diags)


class _Planner:
    """Collects a plan as it is made: fresh specs with their keys, and the outputs of units
    taken from ``last`` as they were."""

    def __init__(self, key: Callable[[PageSpec], str], last: PlanMemo | None) -> None:
        self.key = key
        self.last = last
        self.specs: list[PageSpec] = []
        self.keys: dict[str, str] = {}
        self.origins: list[tuple[str, Position]] = []
        self.searchable: list[str] = []
        self.units: dict[tuple[str, str, str], Planned] = {}
        self.counts: dict[str, Mapping[str, int]] = {}
        self.reused = 0

    def recounted(self, lang: str, counts: Mapping[str, int]) -> set[str] | None:
        """Entities whose mention count in ``lang``'s edition changed since the last plan
        (``None``: no last plan, nothing is reused)."""
        self.counts[lang] = counts
        before = self.last.counts.get(lang) if self.last is not None else None
        if before is None:
            return None
        return {eid for eid, count in counts.items() if before.get(eid) != count}

    def spec(self, spec: PageSpec) -> str:
        """Plan one output afresh; its path."""
        path = Urls.output_path(spec.route)
        self.keys[path] = self.key(spec)
        self.origins.append((path, spec.origin))
        if spec.searchable:
            self.searchable.append(path)
        self.specs.append(spec)
        return path

    def kept(self, unit: tuple[str, str, str], inputs: tuple[object, ...]) -> Planned | None:
        """Take ``unit``'s outputs from the last plan if it was planned from equal ``inputs``
        (the same objects, mostly: equality looks at identity first)."""
        prior = self.last.units.get(unit) if self.last is not None else None
        if prior is None or prior.inputs != inputs:
            return None
        self.units[unit] = prior
        self.keys.update(prior.outputs)
        self.origins.extend(prior.located)
        self.searchable.extend(prior.searchable)
        self.reused += len(prior.outputs)
        return prior

    def add(self, unit: tuple[str, str, str], inputs: tuple[object, ...], specs: list[PageSpec]) -> None:
        """Plan ``unit``'s outputs afresh, remembering them for the next plan."""
        paths = [self.spec(spec) for spec in specs]
        outputs = tuple((path, self.keys[path]) for path in paths)
        searchable = tuple(path for path, spec in zip(paths, specs, strict=True) if spec.searchable)
        located = tuple((path, spec.origin) for path, spec in zip(paths, specs, strict=True))
        self.units[unit] = Planned(inputs, outputs, searchable, located)

    def finish(self, diags: Diagnostics) -> Plan:
        _check_collisions(self.origins, diags)
        memo = PlanMemo(self.units, self.counts)
        return Plan(self.specs, self.keys, tuple(sorted(self.searchable)), memo, self.reused)


def _digest_of(value: object) -> str:
    """A digest of what a page shows, for its key: ``value``'s repr (plain data only)."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


def _sitemap_key(index: SiteIndex) -> str:
    """What the sitemap lists: every story's editions and latest date, the entities, months
    and topics. An edit to an article's text leaves it as it is."""
    site = index.corpus.site
    stories = [
        (s.slug, tuple(c for c, _ in s.versions), max((a.updated or a.date) for _, a in s.versions).isoformat())
        for s in index.corpus.stories
    ]
    months = [month for month, _ in index.edition(site.default_language).months]
    tags = [tuple(index.edition(lang).tags) for lang in site.languages]
    return _digest_of((stories, tuple(index.corpus.entities), months, tags))


def _digests(items: Iterable[tuple[Story, Article]]) -> tuple[str, ...]:
    return tuple(article.digest for _, article in items)


def _plan_edition(index, views, urls, lang, page, planner, same) -> None:  # type: ignore[no-untyped-def]
    edition = index.edition(lang)
    digests = [article.digest for _, article in edition.items]
    t = views.strings[lang]
    site_origin = Position("content/site.yaml", 1, 1)
    _paged(
        page,
        views,
        urls,
        lang,
        urls.home,
        views.site.title.pick(lang)[0],
        edition.items,
        "home.html",
        translated=True,
        current="home",
        digests=digests,
    )
    counts = {eid: facts.mention_count for eid, facts in edition.entities.items()}
    recounted = planner.recounted(lang, counts)
    card_counts: dict[str, str] = {}
    searchable: list[str] = []
    for story, shown in edition.items:
        versions = tuple(a for _, a in story.versions)
        unit = (lang, "article", story.slug)
        # Its entity cards show edition-wide mention counts (see ``_card_deps``).
        if recounted is not None and recounted.isdisjoint(index.entities_in(shown)):
            prior = planner.kept(unit, versions)
            if prior is not None:
                searchable.extend(prior.searchable)
                continue
        own = shown.lang == lang  # else the original, for want of a translation
        route = urls.article(lang, story.slug)
        spec = PageSpec(
            route,
            "article.html",
            _article_maker(views, urls, story, lang),
            shown.position,
            (*(a.digest for a in versions), *_card_deps(index, counts, card_counts, story, lang)),
            group=f"article:{story.slug}",
            searchable=own,
        )
        planner.add(unit, versions, [spec])
        if own:
            searchable.append(Urls.output_path(route))
    page(
        urls.entities(lang),
        "entities.html",
        lambda: {
            "page": views.meta(
                lang,
                t["entities_title"],
                urls.entities(lang),
                translations=same(urls.entities),
                switch=same(urls.entities),
                current="entities",
            ),
            "groups": views.entity_index(edition),
        },
        # The index shows each entity's mention count (the registry is in every key).
        deps=(_digest_of([facts.mention_count for facts in edition.entities.values()]),),
    )
    # The edition's search shards (see search.py), merged by the search page's script.
    numbers = tuple(shards(searchable))
    page(
        urls.search(lang),
        "search.html",
        lambda: {
            "page": views.meta(
                lang,
                t["search_title"],
                urls.search(lang),
                translations=same(urls.search),
                switch=same(urls.search),
                current="search",
            ),
            "bundle_hrefs": [urls.href(shard_folder(lang, number)) for number in numbers],
            "script_href": urls.href(urls.asset("search.js")),
            "base_href": urls.href(urls.root()),
            "forms_id": FORMS_ID,
        },
        deps=(f"shards:{numbers}",),
    )
    for entity_id, facts in edition.entities.items():
        unit = (lang, "entity", entity_id)
        if planner.kept(unit, (facts,)) is not None:
            continue
        deps = (facts.entity.digest, *(a.digest for a in facts.articles))
        pages = max(1, -(-len(facts.articles) // PAGE_SIZE))
        made: list[PageSpec] = []
        for number in range(1, pages + 1):
            route = urls.page(urls.entity(lang, entity_id), number)
            # Page 1 shows counts and neighbours from every article; later pages only their own.
            chunk = facts.articles[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
            page_deps = deps if number == 1 else (facts.entity.digest, str(pages), *(a.digest for a in chunk))
            make = _entity_maker(views, urls, facts, lang, number, pages)
            made.append(PageSpec(route, "entity.html", make, facts.entity.position, page_deps))
        made.append(
            PageSpec(
                urls.entity_feed(lang, entity_id),
                None,
                _entity_feed_maker(views, urls, facts, lang),
                facts.entity.position,
                deps,
            )
        )
        planner.add(unit, (facts,), made)
    tag_links = tuple((Link(urls.href(urls.tag(lang, tag)), tag), len(items)) for tag, items in edition.tags.items())
    _index_page(page, views, lang, urls.tags, t["tags_title"], "tags", tag_links, same, (_digest_of(tag_links),))
    stories_by_article = {id(article): story for story, article in edition.items}
    for tag, articles in edition.tags.items():
        items = tuple((stories_by_article[id(a)], a) for a in articles)
        route_of = (lambda tg: lambda code: urls.tag(code, tg))(tag)
        _paged(
            page,
            views,
            urls,
            lang,
            route_of,
            t["tag_heading"].format(tag=tag),
            items,
            "list.html",
            translated=False,
            origin=articles[0].position,
            switch_to=urls.tags,
        )
    month_links = tuple(
        (Link(urls.href(urls.month(lang, month)), i18n.month_text(month, lang, views.digits(lang))), len(items))
        for month, items in edition.months
    )
    archive_deps = (_digest_of(month_links),)
    _index_page(page, views, lang, urls.archive, t["archive_title"], "archive", month_links, same, archive_deps)
    start = 0
    for month, items in edition.months:
        route_of = (lambda m: lambda code: urls.month(code, m))(month)
        heading = i18n.month_text(month, lang, views.digits(lang))
        # A month's stories are a run of the edition's (newest first, months by their date).
        shown = digests[start : start + len(items)]
        assert items[0][1].digest == shown[0] and items[-1][1].digest == shown[-1]
        start += len(items)
        _paged(page, views, urls, lang, route_of, heading, items, "list.html", translated=True, digests=shown)
    planner.spec(
        PageSpec(
            urls.feed(lang),
            None,
            lambda: _edition_feed(views, urls, index, lang),
            site_origin,
            _digests(edition.items[:FEED_ENTRIES]),
        )
    )


def _card_deps(
    index: SiteIndex, counts: Mapping[str, int], known: dict[str, str], story: Story, lang: str
) -> tuple[str, ...]:
    """An article page's entity cards (``ViewBuilder.entity_cards``) show edition-wide mention
    counts, which other articles change: the counts belong in its key (the rest of a card is
    registry data), as ``card:<id>:<count>``, made once per entity and kept in ``known``."""
    deps = []
    for eid in index.entities_in(story.get(lang) or story.original):
        dep = known.get(eid)
        if dep is None:
            known[eid] = dep = f"card:{eid}:{counts[eid]}"
        deps.append(dep)
    return tuple(deps)


def _index_page(page, views, lang, route_of, title, current, links, same, deps) -> None:  # type: ignore[no-untyped-def]
    """A page of links with counts (topics, archive months), the same page in every edition."""
    page(
        route_of(lang),
        "list_index.html",
        lambda: {
            "page": views.meta(
                lang, title, route_of(lang), translations=same(route_of), switch=same(route_of), current=current
            ),
            "view": IndexView(title, links),
        },
        deps=deps,
    )


def _article_maker(views: ViewBuilder, urls: Urls, story: Story, lang: str):  # type: ignore[no-untyped-def]
    def make() -> Mapping[str, Any]:
        view = views.article(story, lang)
        article = story.get(lang) or story.original
        real = {code: urls.article(code, story.slug) for code, _ in story.versions}
        everywhere = {code: urls.article(code, story.slug) for code in views.site.languages}
        meta = views.meta(
            lang,
            view.title.value,
            urls.article(lang, story.slug),
            translations=real,
            switch=everywhere,
            noindex=view.fallback,
            og_type="article",
            description=view.summary.value if view.summary else None,
        )
        if view.fallback:
            meta = replace(meta, canonical=urls.absolute(urls.article(story.original.lang, story.slug)))
        meta = replace(
            meta,
            published_iso=article.date.isoformat(),
            modified_iso=article.updated.isoformat() if article.updated else None,
            tags=article.tags,
            structured_data=structured.script_json(
                structured.news_article(
                    article,
                    headline=view.title.value,
                    description=view.summary.value if view.summary else None,
                    url=meta.canonical,
                    publication=structured.Publication(meta.site_title, urls.absolute(urls.home(lang))),
                    entities=views.index.corpus.entities,
                    entity_url=lambda eid: urls.absolute(urls.entity(lang, eid)),
                    lang=lang,
                )
            ),
        )
        # Hidden search forms of the page's Arabic words (see search.py): ال and hamza variants match.
        # A fallback page is not indexed (see ``PageSpec.searchable``): it needs none.
        summary = view.summary.value if view.summary else ""
        forms = "" if view.fallback else search_forms(view.title.value, summary, str(view.body_html))
        return {"page": meta, "view": view, "search_forms": forms}

    return make


def _fraction(views: ViewBuilder, lang: str, number: int, total: int) -> str:
    """Page 2 of 5 as "2/5", in the edition's digits."""
    return f"{i18n.number_text(number, lang, views.digits(lang))}/{i18n.number_text(total, lang, views.digits(lang))}"


def _entity_maker(views, urls, facts, lang, number, pages):  # type: ignore[no-untyped-def]
    def make() -> Mapping[str, Any]:
        entity_id = facts.entity.id
        pager = views.pager(number, pages, lambda n: urls.page(urls.entity(lang, entity_id), n))
        view = views.entity(facts, lang, number, PAGE_SIZE, pager)
        first = {code: urls.entity(code, entity_id) for code in views.site.languages}
        title = view.name.value if number == 1 else f"{view.name.value} ({_fraction(views, lang, number, pages)})"
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


def _paged(  # type: ignore[no-untyped-def]
    page,
    views,
    urls,
    lang,
    route_of,
    heading,
    items,
    template,
    *,
    translated,
    current="",
    origin=None,
    switch_to=None,
    digests=None,
) -> None:
    """One spec per page of ``PAGE_SIZE`` stories: ``route``, ``route/page/2/``, …
    (``digests``: of the items' articles, when the caller has them).

    ``translated`` lists share their pages across languages (every edition shows every
    story, so page N holds the same stories); a tag's pages switch to the other
    edition's topic index instead (``switch_to``).
    """
    chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [()]
    total = len(chunks)
    for number, chunk in enumerate(chunks, start=1):
        route = urls.page(route_of(lang), number)
        make = _list_maker(
            views, urls, lang, route_of, heading, chunk, number, total, len(items), translated, current, switch_to
        )
        shown = digests[(number - 1) * PAGE_SIZE : number * PAGE_SIZE] if digests is not None else _digests(chunk)
        page(route, template, make, origin or Position("content/site.yaml", 1, 1), (str(total), *shown))


def _list_maker(views, urls, lang, route_of, heading, items, number, total, count, translated, current, switch_to):  # type: ignore[no-untyped-def]
    def make() -> Mapping[str, Any]:
        languages = views.site.languages
        same = {code: urls.page(route_of(code), number) for code in languages}
        switch = {code: switch_to(code) for code in languages} if switch_to else same
        title = heading if number == 1 else f"{heading} ({_fraction(views, lang, number, total)})"
        meta = views.meta(
            lang, title, same[lang], translations=same if translated else None, switch=switch, current=current
        )
        pager = views.pager(number, total, lambda n: urls.page(route_of(lang), n))
        return {"page": meta, "view": ListView(heading, views.days(items, lang), count, pager)}

    return make


def _feed_entries(views: ViewBuilder, urls: Urls, items, lang: str, full: bool) -> tuple[feeds.FeedEntry, ...]:  # type: ignore[no-untyped-def]
    """Entries for the newest items; ``full`` adds each article's whole text (edition feeds
    do; per-entity feeds carry headline and summary, which keeps hundreds of them small)."""
    entries = []
    for story, article in items[:FEED_ENTRIES]:
        card = views.card(story, article, lang)
        entries.append(
            feeds.FeedEntry(
                title=card.title.value,
                url=urls.absolute(urls.article(lang, story.slug)),
                published=article.date,
                updated=article.updated or article.date,
                author=article.source.name if article.source else views.site.title.pick(lang)[0],
                summary=card.summary.value if card.summary else None,
                content_html=str(views.article(story, lang).body_html) if full else None,
                tags=article.tags,
                lang=article.lang,
            )
        )
    return tuple(entries)


def _edition_feed(views: ViewBuilder, urls: Urls, index: SiteIndex, lang: str) -> bytes:
    site = views.site
    edition = index.edition(lang)
    return feeds.atom(
        feeds.Feed(
            title=site.title.pick(lang)[0],
            subtitle=site.description.pick(lang)[0] if site.description else None,
            lang=lang,
            self_url=urls.absolute(urls.feed(lang)),
            home_url=urls.absolute(urls.home(lang)),
            author=site.title.pick(lang)[0],
            entries=_feed_entries(views, urls, edition.items, lang, full=True),
        )
    )


def _entity_feed_maker(views, urls, facts, lang):  # type: ignore[no-untyped-def]
    def make() -> bytes:
        site = views.site
        # The entity's articles are in edition order already: its newest, with their stories.
        items = tuple((views.story_of(a), a) for a in facts.articles[:FEED_ENTRIES])
        name = facts.entity.name.pick(lang)[0]
        return feeds.atom(
            feeds.Feed(
                title=f"{name} — {site.title.pick(lang)[0]}",
                subtitle=None,
                lang=lang,
                self_url=urls.absolute(urls.entity_feed(lang, facts.entity.id)),
                home_url=urls.absolute(urls.entity(lang, facts.entity.id)),
                author=site.title.pick(lang)[0],
                entries=_feed_entries(views, urls, items, lang, full=False),
            )
        )

    return make


def _sitemap(index: SiteIndex, urls: Urls) -> bytes:
    site = index.corpus.site
    langs = site.languages
    entries: list[feeds.SitemapUrl] = []

    def add(route_of: Callable[[str], str], codes: tuple[str, ...], lastmod=None) -> None:  # type: ignore[no-untyped-def]
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
    for story in index.corpus.stories:
        latest = max((a.updated or a.date) for _, a in story.versions)
        add(lambda c, s=story.slug: urls.article(c, s), tuple(c for c, _ in story.versions), latest)
    for entity_id in index.corpus.entities:
        add(lambda c, e=entity_id: urls.entity(c, e), langs)
    for month, _ in index.edition(site.default_language).months:
        add(lambda c, m=month: urls.month(c, m), langs)
    for lang in langs:
        for tag in index.edition(lang).tags:
            add(lambda c, tg=tag: urls.tag(c, tg), (lang,))
    return feeds.sitemap(entries)


def _check_collisions(outputs: list[tuple[str, Position]], diags: Diagnostics) -> None:
    """Two outputs whose paths differ only in case would overwrite each other on the
    file systems of macOS and Windows: an error at the second one's origin."""
    claimed: dict[str, Position] = {}
    for path, origin in outputs:
        folded = path.casefold()
        first = claimed.get(folded)
        if first is None:
            claimed[folded] = origin
        else:
            diags.error(
                origin.path,
                origin.line,
                origin.col,
                f"duplicate output path '{path}' (also made from {first.path})",
            )
