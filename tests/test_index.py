"""The index of a build that follows another in one process (``serve``) is updated from the
last one; after any sequence of changes it must equal an index built from scratch."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from digest.index import EntityFacts, SiteIndex, build_index
from digest.model import Article, Body, Corpus, Entity, Localized, Mention, Position, Quote, SiteConfig, Story
from digest.read.strings import load_strings

LANGS = ("ar", "en")
ENTITIES = {
    f"e{n}": Entity(f"d{n}", f"e{n}", "person", Localized.of({"en": f"E{n}"}), (), None, None, Position("e.yaml"))
    for n in range(6)
}
SITE = SiteConfig(Localized.of({"en": "T"}), "https://example.org/", LANGS, timezone="Asia/Riyadh")
WORDS = ("e0", "e1", "e2", "e3", "e4", "e5", "unknown")
TOPICS = ("t0", "t1", "t2", "t3")


def _article(rng: random.Random, slug: str, lang: str, when: datetime) -> Article:
    mentions = tuple(Mention(rng.choice(WORDS), None, Position(slug), f"m{n}") for n in range(rng.randrange(0, 5)))
    quotes = tuple(Quote(rng.choice(WORDS), "q", Position(slug), f"q{n}") for n in range(rng.randrange(0, 2)))
    tags = tuple(dict.fromkeys(rng.choice(TOPICS) for _ in range(rng.randrange(0, 3))))
    return Article(
        digest=f"{slug}.{lang}.{rng.random()}",
        slug=slug,
        lang=lang,
        position=Position(f"{slug}.{lang}.md"),
        title=Localized.of({lang: slug}),
        date=when + timedelta(hours=rng.randrange(0, 3)) if lang != LANGS[0] else when,
        date_has_time=True,
        updated=None,
        summary=None,
        source=None,
        tags=tags,
        image_credit=None,
        related=(),
        draft=False,
        body=Body(mentions, quotes, (), ""),
    )


def _stories(versions: dict[str, dict[str, Article]]) -> tuple[Story, ...]:
    """As the reader makes them: fresh ``Story`` objects, newest first, ties by slug."""
    stories = [Story(slug, tuple((lang, v[lang]) for lang in LANGS if lang in v)) for slug, v in versions.items()]
    return tuple(sorted(stories, key=lambda s: (-s.date.timestamp(), s.slug)))


def _summary(index: SiteIndex) -> dict[str, object]:
    """Everything the pages read from an index, with articles by identity."""
    out: dict[str, object] = {"named": {id(a): list(index.named[id(a)].items()) for a in index.corpus.articles()}}
    for lang, edition in index.editions.items():
        out[lang] = {
            "items": [(s.slug, id(a)) for s, a in edition.items],
            "stories": [id(s) for s, _ in edition.items],
            "entities": [
                (eid, f.entity, [id(a) for a in f.articles], f.mention_count, f.first_seen, f.last_seen)
                for eid, f in edition.entities.items()
            ],
            "tags": [(tag, [id(a) for a in found]) for tag, found in edition.tags.items()],
            "days": [(day, [(id(s), id(a)) for s, a in group]) for day, group in edition.days],
            "months": [(month, [(id(s), id(a)) for s, a in group]) for month, group in edition.months],
        }
    return out


@pytest.mark.parametrize("seed", range(40))
def test_an_updated_index_equals_one_built_from_scratch(seed: int) -> None:
    rng = random.Random(seed)
    start = datetime(2024, 10, 1, 21, tzinfo=UTC)
    versions: dict[str, dict[str, Article]] = {}
    for n in range(14):
        slug = f"s{n:02d}"
        when = start + timedelta(hours=rng.choice((0, 5, 30, 400, 800)) + n % 3)
        versions[slug] = {LANGS[0]: _article(rng, slug, LANGS[0], when)}
        if rng.random() < 0.6:
            versions[slug]["en"] = _article(rng, slug, "en", when)
    index = build_index(Corpus(SITE, ENTITIES, _stories(versions)))
    for _step in range(12):
        for _ in range(rng.randrange(0, 4)):
            slug = rng.choice(sorted(versions))
            story = versions[slug]
            kind = rng.random()
            if kind < 0.6:  # new text: other mentions, quotes, topics
                lang = rng.choice(sorted(story))
                story[lang] = _article(rng, slug, lang, story[LANGS[0]].date)
            elif kind < 0.8 and "en" in story:  # a translation deleted
                del story["en"]
            elif kind < 0.9:  # a translation added or replaced
                story["en"] = _article(rng, slug, "en", story[LANGS[0]].date)
            else:  # a new date: the stories' order changes, and the index is built again
                story[LANGS[0]] = replace(story[LANGS[0]], date=story[LANGS[0]].date + timedelta(days=40))
        corpus = Corpus(SITE, ENTITIES, _stories(versions))
        updated = build_index(corpus, index)
        assert _summary(updated) == _summary(build_index(corpus))
        index = updated


@pytest.mark.parametrize("seed", range(10))
def test_neighbours_and_mentions_per_article_agree_with_the_mentions(seed: int) -> None:
    """What entity pages and charts take from the index's per-article counts equals what the
    mentions and quotes of the articles say."""
    rng = random.Random(seed)
    start = datetime(2024, 10, 1, tzinfo=UTC)
    versions = {f"s{n:02d}": {"ar": _article(rng, f"s{n:02d}", "ar", start + timedelta(days=n))} for n in range(20)}
    index = build_index(Corpus(SITE, ENTITIES, _stories(versions)))
    for edition in index.editions.values():
        for eid, facts in edition.entities.items():
            per_article = [(a, sum(m.entity_id == eid for m in a.body.mentions)) for a in facts.articles]
            assert list(facts.mentions_per_article(index.named)) == per_article
            assert sum(n for _, n in per_article) == facts.mention_count
            together = Counter(
                other
                for a in facts.articles
                for other in {m.entity_id for m in a.body.mentions} | {q.speaker for q in a.body.quotes}
                if other != eid and other in ENTITIES
            )
            assert facts.cooccurring(index.named) == tuple(sorted(together.items(), key=lambda kv: (-kv[1], kv[0])))


def test_a_changed_registry_builds_the_index_again() -> None:
    rng = random.Random(7)
    when = datetime(2024, 10, 1, tzinfo=UTC)
    versions = {f"s{n}": {"ar": _article(rng, f"s{n}", "ar", when + timedelta(days=n))} for n in range(5)}
    first = build_index(Corpus(SITE, ENTITIES, _stories(versions)))
    fewer = {key: value for key, value in ENTITIES.items() if key != "e0"}
    corpus = Corpus(SITE, fewer, _stories(versions))
    again = build_index(corpus, first)
    assert _summary(again) == _summary(build_index(corpus))
    assert "e0" not in again.edition("ar").entities


# -- the plan made from an updated index ----------------------------------------------


def _sample_plan(corpus: Corpus, index: SiteIndex, last=None):  # type: ignore[no-untyped-def]
    from digest.diagnostics import Diagnostics
    from digest.pipeline import spec_key
    from digest.plan import plan
    from digest.urls import Urls
    from digest.views import ViewBuilder

    from .conftest import ROOT

    diags = Diagnostics()
    strings = load_strings(ROOT / "templates" / "i18n", corpus.site.languages, diags)
    urls = Urls(corpus.site.base_url)
    made = plan(index, ViewBuilder(index, urls, strings), urls, diags, key=lambda s: spec_key("k", s), last=last)
    assert not diags.has_errors
    return made


def test_a_plan_that_takes_unchanged_units_from_the_last_one_has_the_same_keys() -> None:
    """The sample with one article given a new mention of a new entity: the articles whose
    cards count that entity, and the entity's pages, are planned again; the rest is taken."""
    from digest.diagnostics import Diagnostics
    from digest.read.project import Project
    from digest.read.reader import read_project
    from digest.urls import Urls

    from .conftest import ROOT

    corpus = read_project(Project(ROOT), Diagnostics()).corpus
    assert corpus is not None
    first_index = build_index(corpus)
    first = _sample_plan(corpus, first_index)
    story = corpus.stories[0]
    lang, article = story.versions[0]
    extra = Mention("mark-rutte", None, Position("x"), "m99")
    edited = replace(article, digest="edited", body=replace(article.body, mentions=(*article.body.mentions, extra)))
    stories = (replace(story, versions=((lang, edited), *story.versions[1:])), *corpus.stories[1:])
    changed = replace(corpus, stories=stories)
    index = build_index(changed, first_index)
    taken = _sample_plan(changed, index, first.memo)
    whole = _sample_plan(changed, build_index(changed))
    assert taken.keys == whole.keys and taken.searchable == whole.searchable
    assert taken.reused > 0 and len(taken.specs) + taken.reused == len(whole.specs)
    planned = {Urls.output_path(spec.route) for spec in taken.specs}
    changed_keys = {path for path, key in taken.keys.items() if first.keys.get(path) != key}
    assert changed_keys and changed_keys <= planned
    assert any(path.startswith(f"{lang}/entities/mark-rutte/") for path in planned)
    elsewhere = next(eid for eid in corpus.entities if eid not in first_index.entities_in(article))
    assert not any(path.startswith(f"{lang}/entities/{elsewhere}/") for path in planned)


def _random_change(rng: random.Random, versions: dict[str, dict[str, Article]], entities: dict[str, Entity]) -> bool:
    """One random edit of the content; whether it may change the stories' order or set
    (which a plan cannot be updated through)."""
    slug = rng.choice(sorted(versions))
    story = versions[slug]
    kind = rng.random()
    if kind < 0.45:  # a new text: other mentions, quotes and topics
        lang = rng.choice(sorted(story))
        story[lang] = _article(rng, slug, lang, story[LANGS[0]].date)
    elif kind < 0.55 and "en" in story:
        del story["en"]
    elif kind < 0.65:
        story["en"] = _article(rng, slug, "en", story[LANGS[0]].date)
    elif kind < 0.7:  # the same moment written in another zone: same order, other text
        original = story[LANGS[0]]
        zone = timezone(timedelta(hours=rng.choice((-5, 0, 3))))
        story[LANGS[0]] = replace(original, digest=f"{original.digest}+", date=original.date.astimezone(zone))
    elif kind < 0.78:  # an update date: the sitemap's entry and the page change, not the order
        original = story[LANGS[0]]
        story[LANGS[0]] = replace(original, digest=f"{original.digest}u", updated=original.date + timedelta(hours=7))
    elif kind < 0.84:
        story[LANGS[0]] = replace(story[LANGS[0]], date=story[LANGS[0]].date + timedelta(days=40))
        return True
    elif kind < 0.9:  # a new article
        new = f"n{rng.randrange(10**9):09d}"
        versions[new] = {LANGS[0]: _article(rng, new, LANGS[0], story[LANGS[0]].date + timedelta(minutes=1))}
        return True
    elif kind < 0.95 and len(versions) > 55:
        del versions[slug]
        return True
    else:  # an entity's registry entry
        eid = rng.choice(sorted(entities))
        entities[eid] = replace(entities[eid], digest=f"{entities[eid].digest}+")
        return True
    return False


@pytest.mark.parametrize("seed", range(25))
def test_plans_updated_through_random_changes_have_the_keys_of_whole_plans(seed: int) -> None:
    """Through random sequences of changes (texts, mentions, topics, translations, dates,
    new and deleted articles, registry entries), a plan made from the last one (the units
    the changes reach planned again, or, after a change of the stories, every unit with
    the unchanged ones taken as they were) has exactly the keys and searchable pages of a
    plan made from nothing, and plans afresh every output whose key changed. Every page
    kind is planned again by some update of the run."""
    from digest.pages import KINDS
    from digest.urls import Urls

    rng = random.Random(1000 + seed)
    start = datetime(2024, 10, 1, 21, tzinfo=UTC)
    versions: dict[str, dict[str, Article]] = {}
    entities = dict(ENTITIES)
    for n in range(60):  # more than a page of stories
        slug = f"s{n:02d}"
        when = start + timedelta(hours=rng.choice((0, 5, 30, 400, 800, 2000)) + n % 3)
        versions[slug] = {LANGS[0]: _article(rng, slug, LANGS[0], when)}
        if rng.random() < 0.6:
            versions[slug]["en"] = _article(rng, slug, "en", when)
    corpus = Corpus(SITE, dict(entities), _stories(versions))
    index = build_index(corpus)
    last = _sample_plan(corpus, index)
    updates = 0
    replanned: set[str] = set()
    for _step in range(12):
        reordered = False
        for _ in range(rng.randrange(1, 4)):
            reordered |= _random_change(rng, versions, entities)
        corpus = Corpus(SITE, dict(entities), _stories(versions))
        index = build_index(corpus, index)
        taken = _sample_plan(corpus, index, last.memo)
        whole = _sample_plan(corpus, build_index(corpus))
        assert taken.keys == whole.keys
        assert taken.searchable == whole.searchable
        assert len(taken.keys) == len(taken.specs) + taken.reused
        planned = {Urls.output_path(spec.route) for spec in taken.specs}
        assert {path for path, key in taken.keys.items() if last.keys.get(path) != key} <= planned
        # The same stories in the same order: only the units the changes reach are planned.
        assert taken.memo.updated == (not reordered)
        if taken.memo.updated:
            updates += 1
            replanned.update(u[1] for u, p in taken.memo.units.items() if last.memo.units.get(u) is not p)
        last = taken
    assert updates > 0
    if seed == 0:  # every kind but the site's fixed pages is reached by some edit of this run
        assert replanned >= set(KINDS) - {"redirect", "404", "robots", "archive"}, set(KINDS) - replanned


def test_a_plan_leaves_no_cycle_that_keeps_the_index_alive() -> None:
    """Once a build lets go of its plan, its index (and with it the corpus) is freed right
    away, not at the cycle collector's next full pass: in ``serve`` that would hold two
    corpora at once."""
    import gc
    import weakref

    from digest.diagnostics import Diagnostics
    from digest.read.project import Project
    from digest.read.reader import read_project

    from .conftest import ROOT

    corpus = read_project(Project(ROOT), Diagnostics()).corpus
    assert corpus is not None
    index = build_index(corpus)
    made = _sample_plan(corpus, index)
    for spec in made.specs[:50]:
        spec.make()
    gone = weakref.ref(index)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del made, spec, index, corpus
        assert gone() is None
    finally:
        if enabled:
            gc.enable()


def test_an_entitys_mentions_are_grouped_by_sentence() -> None:
    """The parser says which mention follows another of its entity in one sentence
    (``Mention.follows``, the text between them); the entity page groups them by it: one
    sentence, one group, whatever other entities it names."""
    from digest.diagnostics import Diagnostics
    from digest.markup import make_parser, parse_body
    from tests.sitetools import make_article

    text = (
        "قال [[e1|روته]] إن [[e2|روسيا]] نشرت قوات، وأضاف [[e1|روته]] أن ل[[e1|روته]] رأيا.\n"
        "ثم قال [[e1|روته]] كلاما آخر. وقالت [[e2|روسيا]] شيئا.\n\n"
        "وفي فقرة أخرى ذكر [[e1|روته]]."
    )
    body = parse_body(make_parser(), text, "a.md", 1, Diagnostics())
    between = [None, None, " إن روسيا نشرت قوات، وأضاف ", " أن ل", None, None, None]
    assert [m.follows for m in body.mentions] == between
    article = make_article(body)
    facts = EntityFacts(ENTITIES["e1"], (article,), 5, None, None)
    groups = facts.sentences(article)
    assert [[m.anchor for m in group] for group in groups] == [["m1", "m3", "m4"], ["m5"], ["m7"]]
    first, *others = groups[0]
    sentence = first.before + "روته" + "".join(f"{m.follows}روته" for m in others) + others[-1].after
    assert sentence == "قال روته إن روسيا نشرت قوات، وأضاف روته أن لروته رأيا."
    assert EntityFacts(ENTITIES["e2"], (article,), 2, None, None).sentences(article) == [
        (body.mentions[1],),
        (body.mentions[5],),
    ]
