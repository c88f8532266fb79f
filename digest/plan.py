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
from .index import EntityFacts, SiteIndex
from .model import Article, Position, Story
from .search import FORMS_ID, search_text, shard_folder, shards
from .urls import Urls
from .viewmodels import IndexView, Link, ListView, PageMeta
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
    searchable: bool = False
    """Goes into the edition's search index: article pages in their own language. A page
    showing the original for want of a translation is a copy (``noindex``, canonical to the
    original), found by the original's edition instead, as web search engines treat it."""


Unit = tuple[str, ...]
"""A group of outputs planned together: ``(lang, "article", slug)``, ``(lang, "entity", id)``,
``(lang, "home", page number)``, ``(lang, "tag", topic)``, ``(lang, "month", YYYY-MM)``,
``(lang, "feed")``… and ``("", "sitemap")`` and the like for the site's own."""


@dataclass(frozen=True)
class Planned:
    """One unit's outputs as a build planned them."""

    inputs: tuple[object, ...]
    """What an article's or entity's unit was planned from: the article objects of the story,
    or the entity's facts. The next plan takes the outputs as they are for equal inputs."""
    outputs: tuple[tuple[str, str], ...]
    """``(output path, key)`` of each."""
    searchable: tuple[str, ...]
    located: tuple[tuple[str, Position], ...]
    """``(output path, origin)`` of each, for the check of colliding paths."""


@dataclass(frozen=True)
class Plan:
    """The outputs of the site. Those of units that did not change since the last build of
    this process are not planned again (``PlanMemo``): they have no spec, only their path
    and key."""

    specs: list[PageSpec]
    """Outputs planned afresh, in plan order."""
    keys: dict[str, str]
    """Every output path → its key (``PageSpec.deps`` and what the caller's ``key`` adds)."""
    searchable: tuple[str, ...]
    """Paths of the pages that go into the search index, sorted."""
    memo: PlanMemo
    reused: int = 0
    """Outputs taken from the last build's plan."""


@dataclass(frozen=True)
class PlanMemo:
    """What a plan leaves for the next one of the same process (``serve``): every unit's
    outputs, the mention counts that article pages show (per edition), the whole plan's
    keys, its claimed paths and searchable pages, and the index it was made from."""

    units: Mapping[Unit, Planned]
    counts: Mapping[str, Mapping[str, int]]
    keys: Mapping[str, str]
    claimed: Mapping[str, Position]
    """Every output path, case-folded → the origin of the output claiming it."""
    searchable: frozenset[str]
    index: SiteIndex


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
    """Plan the site; ``key`` gives each output's cache key.

    ``last`` is the memo of the previous plan of this process, made with the same settings,
    registry, theme and code (the caller's to check). When the stories are the same, in the
    same order, with the same dates (an edit of texts, mentions, topics or translations),
    only the units the changes reach are planned again (``_Update``): the changed stories'
    pages, the list pages that show them, the pages of the entities and topics whose facts
    changed, and the article pages whose entity cards show a changed count. Otherwise every
    unit is planned, but an article's or entity's outputs are taken as they were when they
    come from equal objects and the counts their cards show are unchanged. Either way the
    plan has the keys a plan from nothing would have.
    """
    if last is not None:
        update = _Update(index, views, urls, key, last)
        found = update.plan()
        if found is not None:
            return found
    return _whole(index, views, urls, diags, _Planner(key, last))


def _whole(index: SiteIndex, views: ViewBuilder, urls: Urls, diags: Diagnostics, planner: _Planner) -> Plan:
    site = index.corpus.site
    units = _Units(index, views, urls, planner)
    units.fixed()
    for lang in site.languages:
        units.edition(lang)
    units.sitemap()
    return planner.finish(index, diags)


class _Planner:
    """Collects a plan as it is made: fresh specs with their keys, and the outputs of units
    taken from ``last`` as they were."""

    def __init__(self, key: Callable[[PageSpec], str], last: PlanMemo | None) -> None:
        self.key = key
        self.last = last
        self.specs: list[PageSpec] = []
        self.keys: dict[str, str] = {}
        self.origins: list[tuple[str, Position]] = []
        self.searchable: set[str] = set()
        self.units: dict[Unit, Planned] = {}
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

    def kept(self, unit: Unit, inputs: tuple[object, ...]) -> Planned | None:
        """Take ``unit``'s outputs from the last plan if it was planned from equal ``inputs``
        (the same objects, mostly: equality looks at identity first)."""
        prior = self.last.units.get(unit) if self.last is not None else None
        if prior is None or prior.inputs != inputs:
            return None
        self.units[unit] = prior
        self.keys.update(prior.outputs)
        self.origins.extend(prior.located)
        self.searchable.update(prior.searchable)
        self.reused += len(prior.outputs)
        return prior

    def add(self, unit: Unit, inputs: tuple[object, ...], specs: list[PageSpec]) -> Planned:
        """Plan ``unit``'s outputs afresh, remembering them for the next plan."""
        outputs, searchable, located = [], [], []
        for spec in specs:
            path = Urls.output_path(spec.route)
            key = self.keys[path] = self.key(spec)
            outputs.append((path, key))
            located.append((path, spec.origin))
            if spec.searchable:
                searchable.append(path)
            self.specs.append(spec)
        self.origins.extend(located)
        self.searchable.update(searchable)
        planned = self.units[unit] = Planned(inputs, tuple(outputs), tuple(searchable), tuple(located))
        return planned

    def finish(self, index: SiteIndex, diags: Diagnostics) -> Plan:
        claimed = _check_collisions(self.origins, diags)
        memo = PlanMemo(self.units, self.counts, self.keys, claimed, frozenset(self.searchable), index)
        return Plan(self.specs, self.keys, tuple(sorted(self.searchable)), memo, self.reused)


class _Units:
    """How each unit of the site is planned, shared by a whole plan (``edition``, which walks
    every unit) and an update (which plans only the units changes reach).

    The specs' ``make`` functions never refer to this object: it holds the planner, which
    holds the specs, and such a cycle would keep a build's corpus alive until the cycle
    collector's next full pass (in ``serve``, beside the next build's)."""

    def __init__(self, index: SiteIndex, views: ViewBuilder, urls: Urls, planner: _Planner) -> None:
        self.index = index
        self.views = views
        self.urls = urls
        self.planner = planner
        self.site = index.corpus.site
        self.site_origin = Position("content/site.yaml", 1, 1)
        self._card_counts: dict[str, dict[str, str]] = {}

    def page(
        self,
        unit: Unit,
        route: str,
        template: str,
        make: Callable[[], Mapping[str, Any]],
        deps: tuple[str, ...] = (),
    ) -> None:
        self.planner.add(unit, (), [PageSpec(route, template, make, self.site_origin, deps)])

    # -- the site's own ------------------------------------------------------------

    def fixed(self) -> None:
        """The outputs that depend on the settings only (the edition picker, 404, robots.txt)."""
        site, views, urls = self.site, self.views, self.urls
        langs = site.languages
        self.page(
            ("", "redirect"),
            "",
            "redirect.html",
            lambda: {
                "page": views.meta(site.default_language, site.title.pick(site.default_language)[0], "", noindex=True),
                "target": urls.href(urls.home(site.default_language)),
                "editions": [(views.text(autonym(code), code), urls.href(urls.home(code))) for code in langs],
            },
        )
        self.page(
            ("", "404"),
            "404.html",
            "404.html",
            lambda: {
                "page": views.meta(
                    site.default_language, views.strings[site.default_language]["not_found"], "404.html", noindex=True
                ),
                "editions": [
                    (views.text(views.strings[code]["not_found_text"], code), urls.href(urls.home(code)))
                    for code in langs
                ],
            },
        )
        robots = PageSpec("robots.txt", None, lambda: feeds.robots(urls.absolute(urls.sitemap())), self.site_origin)
        self.planner.add(("", "robots"), (), [robots])

    def sitemap(self) -> None:
        index, urls = self.index, self.urls
        spec = PageSpec("sitemap.xml", None, lambda: _sitemap(index, urls), self.site_origin, (_sitemap_key(index),))
        self.planner.add(("", "sitemap"), (), [spec])

    # -- an edition ------------------------------------------------------------------

    def edition(self, lang: str) -> None:
        """Every unit of ``lang``'s edition, in plan order."""
        edition = self.index.edition(lang)
        self.home(lang, None)
        counts = self.counts(lang)
        recounted = self.planner.recounted(lang, counts)
        for story, shown in edition.items:
            # Its entity cards show edition-wide mention counts (see ``_card_deps``).
            versions = tuple(a for _, a in story.versions)
            reusable = recounted is not None and recounted.isdisjoint(self.index.entities_in(shown))
            if reusable and self.planner.kept((lang, "article", story.slug), versions):
                continue
            self.article(lang, story, counts)
        self.entity_index(lang)
        self.search(lang, sorted(p for p in self.planner.searchable if p.startswith(lang + "/")))
        for facts in edition.entities.values():
            if not self.planner.kept((lang, "entity", facts.entity.id), (facts,)):
                self.entity(lang, facts)
        self.tag_index(lang)
        for tag in edition.tags:
            self.tag(lang, tag)
        self.archive(lang)
        for month, _ in edition.months:
            self.month(lang, month)
        self.feed(lang)

    def counts(self, lang: str) -> dict[str, int]:
        return {eid: facts.mention_count for eid, facts in self.index.edition(lang).entities.items()}

    def home(self, lang: str, numbers: set[int] | None) -> None:
        """The home page's pages (``numbers`` of them only, if given), one unit each."""
        edition = self.index.edition(lang)
        specs = _paged(
            self.views,
            self.urls,
            lang,
            self.urls.home,
            self.views.site.title.pick(lang)[0],
            edition.items,
            "home.html",
            translated=True,
            current="home",
            numbers=numbers,
        )
        for number, spec in specs:
            self.planner.add((lang, "home", str(number)), (), [spec])

    def article(self, lang: str, story: Story, counts: Mapping[str, int]) -> Planned:
        versions = tuple(a for _, a in story.versions)
        shown = story.get(lang) or story.original
        own = shown.lang == lang  # else the original, for want of a translation
        known = self._card_counts.setdefault(lang, {})
        spec = PageSpec(
            self.urls.article(lang, story.slug),
            "article.html",
            _article_maker(self.views, self.urls, story, lang),
            shown.position,
            (*(a.digest for a in versions), *_card_deps(self.index, counts, known, story, lang)),
            searchable=own,
        )
        return self.planner.add((lang, "article", story.slug), versions, [spec])

    def entity_index(self, lang: str) -> None:
        views, urls = self.views, self.urls
        edition = self.index.edition(lang)
        title = views.strings[lang]["entities_title"]
        self.page(
            (lang, "entities"),
            urls.entities(lang),
            "entities.html",
            lambda: {
                "page": _everywhere_meta(views, lang, title, urls.entities, "entities"),
                "groups": views.entity_index(edition),
            },
            # The index shows each entity's mention count (the registry is in every key).
            deps=(_digest_of([facts.mention_count for facts in edition.entities.values()]),),
        )

    def search(self, lang: str, searchable: list[str]) -> None:
        """The edition's search page, which names its search shards (see search.py), merged
        by the page's script; ``searchable``: the edition's searchable pages."""
        views, urls = self.views, self.urls
        title = views.strings[lang]["search_title"]
        numbers = tuple(shards(searchable))
        self.page(
            (lang, "search"),
            urls.search(lang),
            "search.html",
            lambda: {
                "page": _everywhere_meta(views, lang, title, urls.search, "search"),
                "bundle_hrefs": [urls.href(shard_folder(lang, number)) for number in numbers],
                "script_href": urls.href(urls.asset("search.js")),
                "base_href": urls.href(urls.root()),
                "forms_id": FORMS_ID,
            },
            deps=(f"shards:{numbers}",),
        )

    def entity(self, lang: str, facts: EntityFacts) -> None:
        views, urls = self.views, self.urls
        entity_id = facts.entity.id
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
        self.planner.add((lang, "entity", entity_id), (facts,), made)

    def tag_index(self, lang: str) -> None:
        urls = self.urls
        edition = self.index.edition(lang)
        links = tuple((Link(urls.href(urls.tag(lang, tag)), tag), len(items)) for tag, items in edition.tags.items())
        title = self.views.strings[lang]["tags_title"]
        self._index_page((lang, "tags"), lang, urls.tags, title, "tags", links, (_digest_of(links),))

    def tag(self, lang: str, tag: str) -> None:
        views, urls = self.views, self.urls
        articles = self.index.edition(lang).tags[tag]
        items = tuple((views.story_of(a), a) for a in articles)
        specs = _paged(
            views,
            urls,
            lang,
            lambda code: urls.tag(code, tag),
            views.strings[lang]["tag_heading"].format(tag=tag),
            items,
            "list.html",
            translated=False,
            origin=articles[0].position,
            switch_to=urls.tags,
        )
        self.planner.add((lang, "tag", tag), (), [spec for _, spec in specs])

    def archive(self, lang: str) -> None:
        views, urls = self.views, self.urls
        months = self.index.edition(lang).months
        links = tuple(
            (Link(urls.href(urls.month(lang, month)), i18n.month_text(month, lang, views.digits(lang))), len(items))
            for month, items in months
        )
        title = views.strings[lang]["archive_title"]
        self._index_page((lang, "archive"), lang, urls.archive, title, "archive", links, (_digest_of(links),))

    def month(self, lang: str, month: str) -> None:
        views, urls = self.views, self.urls
        items = dict(self.index.edition(lang).months)[month]
        specs = _paged(
            views,
            urls,
            lang,
            lambda code: urls.month(code, month),
            i18n.month_text(month, lang, views.digits(lang)),
            items,
            "list.html",
            translated=True,
        )
        self.planner.add((lang, "month", month), (), [spec for _, spec in specs])

    def feed(self, lang: str) -> None:
        views, urls, index = self.views, self.urls, self.index
        spec = PageSpec(
            urls.feed(lang),
            None,
            lambda: _edition_feed(views, urls, index, lang),
            self.site_origin,
            _digests(index.edition(lang).items[:FEED_ENTRIES]),
        )
        self.planner.add((lang, "feed"), (), [spec])

    def _index_page(self, unit, lang, route_of, title, current, links, deps) -> None:  # type: ignore[no-untyped-def]
        """A page of links with counts (topics, archive months), the same page in every edition."""
        views = self.views
        self.page(
            unit,
            route_of(lang),
            "list_index.html",
            lambda: {
                "page": _everywhere_meta(views, lang, title, route_of, current),
                "view": IndexView(title, links),
            },
            deps=deps,
        )


class _Update:
    """A plan made from the last one when only the stories' contents changed (same stories,
    same order, same dates): the last plan's outputs, with the units the changes reach
    planned again. ``plan()`` is ``None`` when it does not apply, or when a path collides
    (the whole plan then reports it, at the output it reports it for)."""

    def __init__(
        self, index: SiteIndex, views: ViewBuilder, urls: Urls, key: Callable[[PageSpec], str], last: PlanMemo
    ) -> None:
        self.index = index
        self.last = last
        self.planner = _Planner(key, last)
        self.units = _Units(index, views, urls, self.planner)

    def plan(self) -> Plan | None:
        old, new = self.last.index, self.index
        if old.corpus.site != new.corpus.site or any(lang not in self.last.counts for lang in new.editions):
            return None
        if len(old.corpus.stories) != len(new.corpus.stories):
            return None
        changed: list[int] = []
        for i, (before, after) in enumerate(zip(old.corpus.stories, new.corpus.stories, strict=True)):
            if before.slug != after.slug:
                return None
            if before.versions != after.versions:  # the same article objects, mostly: cheap
                if before.date != after.date:
                    return None
                changed.append(i)
        planner, units = self.planner, self.units
        planner.counts = dict(self.last.counts)
        redo: dict[Unit, Callable[[], object]] = {}
        searches: list[str] = []
        for lang in new.corpus.site.languages:
            self._edition(lang, changed, redo, searches)
        sitemap = any(self._entry(old.corpus.stories[i]) != self._entry(new.corpus.stories[i]) for i in changed)
        if sitemap or any(tuple(old.edition(lang).tags) != tuple(new.edition(lang).tags) for lang in new.editions):
            redo[("", "sitemap")] = units.sitemap
        # Take every unit's outputs from the last plan, drop those of the units to plan again,
        # then plan them: a path one of them gives up may be taken by another.
        keys = dict(self.last.keys)
        claimed = dict(self.last.claimed)
        searchable = set(self.last.searchable)
        planner.units = dict(self.last.units)
        for unit in redo:
            prior = planner.units.pop(unit, None)
            for path, _ in prior.outputs if prior is not None else ():
                del keys[path]
                del claimed[path.casefold()]
                searchable.discard(path)
        planner.keys, planner.searchable = keys, searchable
        for unit, again in redo.items():
            if unit[1] == "search":
                continue
            again()
        for lang in searches:  # their shards follow from the edition's searchable pages
            units.search(lang, sorted(p for p in searchable if p.startswith(lang + "/")))
        for spec in planner.specs:
            folded = Urls.output_path(spec.route).casefold()
            if folded in claimed:
                return None
            claimed[folded] = spec.origin
        memo = PlanMemo(planner.units, planner.counts, keys, claimed, frozenset(searchable), new)
        return Plan(planner.specs, keys, tuple(sorted(searchable)), memo, len(keys) - len(planner.specs))

    def _edition(
        self, lang: str, changed: list[int], redo: dict[Unit, Callable[[], object]], searches: list[str]
    ) -> None:
        """The units of ``lang``'s edition that stories changed at positions ``changed`` reach."""
        old, new = self.last.index.edition(lang), self.index.edition(lang)
        units = self.units
        counts = units.counts(lang)
        recounted = self.planner.recounted(lang, counts)
        assert recounted is not None, "the last plan counted every edition"
        stories = [new.items[i][0] for i in changed]
        for eid in sorted(recounted):  # their cards' counts changed on every page that shows them
            stories.extend(units.views.story_of(article) for article in new.entities[eid].articles)
        for story in stories:
            redo[(lang, "article", story.slug)] = lambda s=story: units.article(lang, s, counts)
        homes = {i // PAGE_SIZE + 1 for i in changed}
        for number in sorted(homes):
            redo[(lang, "home", str(number))] = lambda n=number: units.home(lang, {n})
        if recounted:
            redo[(lang, "entities")] = lambda: units.entity_index(lang)
        if any(self._searchable(lang, story) for story in stories):
            searches.append(lang)
            redo[(lang, "search")] = lambda: None
        for eid, facts in new.entities.items():
            if old.entities.get(eid) is not facts:
                redo[(lang, "entity", eid)] = lambda f=facts: units.entity(lang, f)
        topics = {t for t in old.tags.keys() | new.tags.keys() if old.tags.get(t) is not new.tags.get(t)}
        if topics:
            redo[(lang, "tags")] = lambda: units.tag_index(lang)
        for tag in sorted(topics):
            redo[(lang, "tag", tag)] = (lambda t=tag: units.tag(lang, t)) if tag in new.tags else (lambda: None)
        start = 0
        for month, items in new.months:
            end = start + len(items)
            if any(start <= i < end for i in changed):
                redo[(lang, "month", month)] = lambda m=month: units.month(lang, m)
            start = end
        if changed and changed[0] < FEED_ENTRIES:
            redo[(lang, "feed")] = lambda: units.feed(lang)

    def _searchable(self, lang: str, story: Story) -> bool:
        """Whether the story's page in ``lang`` may have become searchable or ceased to be."""
        prior = self.last.units.get((lang, "article", story.slug))
        shown = story.get(lang) or story.original
        return prior is None or bool(prior.searchable) != (shown.lang == lang)

    @staticmethod
    def _entry(story: Story) -> tuple[object, ...]:
        """What the sitemap lists of a story: its editions and its latest date, as written
        (aware datetimes compare by instant; the sitemap shows the offset too)."""
        return (tuple(c for c, _ in story.versions), max((a.updated or a.date) for _, a in story.versions).isoformat())


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


def _everywhere_meta(
    views: ViewBuilder, lang: str, title: str, route_of: Callable[[str], str], current: str
) -> PageMeta:
    """The meta of a page that every edition has (an index, the search page): it links its
    translations and the language switcher to the same page in the other editions."""
    same = {code: route_of(code) for code in views.site.languages}
    return views.meta(lang, title, route_of(lang), translations=same, switch=same, current=current)


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
                    description=view.summary.value if view.summary else None,
                    url=meta.canonical,
                    publication=structured.Publication(meta.site_title, urls.absolute(urls.home(lang))),
                    entities=views.index.corpus.entities,
                    entity_url=lambda eid: urls.absolute(urls.entity(lang, eid)),
                    lang=lang,
                )
            ),
        )
        # The hidden text Pagefind indexes: the body as read and the search forms of the page's
        # Arabic words (see search.py). A fallback page is not indexed (see ``PageSpec.searchable``).
        summary = view.summary.value if view.summary else ""
        text = None if view.fallback else search_text(view.title.value, summary, str(view.body_html))
        return {"page": meta, "view": view, "search_text": text}

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
    numbers=None,
) -> list[tuple[int, PageSpec]]:
    """One spec per page of ``PAGE_SIZE`` stories: ``route``, ``route/page/2/``, … (only
    pages ``numbers``, if given).

    ``translated`` lists share their pages across languages (every edition shows every
    story, so page N holds the same stories); a tag's pages switch to the other
    edition's topic index instead (``switch_to``).
    """
    total = max(1, -(-len(items) // PAGE_SIZE))
    specs = []
    for number in range(1, total + 1) if numbers is None else sorted(numbers):
        chunk = items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        route = urls.page(route_of(lang), number)
        make = _list_maker(
            views, urls, lang, route_of, heading, chunk, number, total, len(items), translated, current, switch_to
        )
        deps = (str(total), *(article.digest for _, article in chunk))
        spec = PageSpec(route, template, make, origin or Position("content/site.yaml", 1, 1), deps)
        specs.append((number, spec))
    return specs


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
                author=article.author or (article.source.name if article.source else views.site.title.pick(lang)[0]),
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


def _check_collisions(outputs: list[tuple[str, Position]], diags: Diagnostics) -> dict[str, Position]:
    """Two outputs whose paths differ only in case would overwrite each other on the
    file systems of macOS and Windows: an error at the second one's origin. Returns the
    claimed paths, case-folded, with their origins."""
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
    return claimed
