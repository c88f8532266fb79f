"""The index: built once from the corpus, answering "what is said where" for the pages.

The read stage has resolved every mention and quote against the entity registry (an
unknown id is an error there, at the mention's position); here they are grouped per
edition language: an edition shows each story in its own language, or the original
where there is no translation, and entity pages quote exactly the sentences readers
of that edition see.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property, partial
from typing import NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from .model import Article, Corpus, Entity, Mention, Quote, Story

K = TypeVar("K")
Items = tuple[tuple[Story, Article], ...]


class QuoteRef(NamedTuple):
    article: Article
    quote: Quote


@dataclass(frozen=True)
class EntityFacts:
    """Everything one edition says about one entity.

    The index keeps only the entity's articles and its mention count; the mentions and
    quotes themselves are gathered from those articles when a page asks (``quotes``; entity
    pages read the mentions of the articles they show). An archive has hundreds of
    thousands of mentions, and a rebuild after one edit renders the pages of a few
    entities only.
    """

    entity: Entity
    articles: tuple[Article, ...]
    """In edition order: newest first. Articles that mention the entity or quote it."""
    mention_count: int
    first_seen: datetime | None
    last_seen: datetime | None

    @cached_property
    def quotes(self) -> tuple[QuoteRef, ...]:
        """Every quote attributed to the entity: newest article first, then document order."""
        entity_id = self.entity.id
        return tuple(QuoteRef(a, q) for a in self.articles for q in a.body.quotes if q.speaker == entity_id)

    def cooccurring(self, named: Mapping[int, Mapping[str, int]]) -> tuple[tuple[str, int], ...]:
        """Other entity ids and the number of articles shared, most frequent first
        (``named``: ``SiteIndex.named``).

        Computed on demand: only the entity pages being rendered need it, and for every
        entity at once it costs as much as the rest of the index.
        """
        together: Counter[str] = Counter()
        for article in self.articles:
            together.update(named[id(article)].keys())
        del together[self.entity.id]
        return tuple(sorted(together.items(), key=lambda kv: (-kv[1], kv[0])))

    def mentions_per_article(self, named: Mapping[int, Mapping[str, int]]) -> Iterator[tuple[Article, int]]:
        """Each of the entity's articles with its number of mentions there (0 where it is only
        quoted), in edition order: what a chart of mentions over time needs, without going
        through the mentions themselves."""
        entity_id = self.entity.id
        for article in self.articles:
            yield article, named[id(article)][entity_id]

    def sentences(self, article: Article) -> list[tuple[Mention, ...]]:
        """The entity's mentions in ``article``, one group per sentence, in document order: an
        entity page quotes each sentence once, with all its mentions of the entity (a mention
        that ``follows`` another of the entity in its sentence joins that one's group)."""
        entity_id = self.entity.id
        groups: list[list[Mention]] = []
        for mention in article.body.mentions:
            if mention.entity_id != entity_id:
                continue
            if mention.follows is not None and groups:
                groups[-1].append(mention)
            else:
                groups.append([mention])
        return [tuple(group) for group in groups]


@dataclass(frozen=True)
class Edition:
    """One language's view of the corpus."""

    lang: str
    items: tuple[tuple[Story, Article], ...]
    """Every story with the article shown for it (the translation, or the original)."""
    entities: Mapping[str, EntityFacts]
    tags: Mapping[str, tuple[Article, ...]]
    days: tuple[tuple[date, tuple[tuple[Story, Article], ...]], ...]
    months: tuple[tuple[str, tuple[tuple[Story, Article], ...]], ...]
    """``YYYY-MM`` keys, newest first."""


@dataclass(frozen=True)
class SiteIndex:
    corpus: Corpus
    editions: Mapping[str, Edition]
    named: Mapping[int, Mapping[str, int]]
    """By ``id`` of an article of the corpus: the registered entities it mentions or quotes,
    sorted by id, each with its number of mentions there (0 for one it only quotes)."""
    positions: Mapping[str, int]
    """Each story's place in the corpus (and in every edition's items), by slug; an
    update keeps the last index's, as the stories and their order are the same."""

    def edition(self, lang: str) -> Edition:
        return self.editions[lang]

    def story(self, lang: str, slug: str) -> tuple[Story, Article]:
        """The story ``slug`` and the article ``lang``'s edition shows of it."""
        return self.editions[lang].items[self.positions[slug]]

    def entities_in(self, article: Article) -> Collection[str]:
        """The registered entities ``article`` mentions or quotes, sorted by id."""
        return self.named[id(article)].keys()


def build_index(corpus: Corpus, previous: SiteIndex | None = None) -> SiteIndex:
    """Group the corpus per edition. References were checked by the read stage; any
    mention of an entity that is not in the corpus is left out here.

    What depends only on an article or a story (the entities it names, its day and month)
    is worked out once and shared by the editions: most stories show the same original
    article in every edition.

    ``previous`` is the index of this process's last build (``serve`` keeps it). When the
    site, the registry and the stories' order are as they were, only what the changed
    articles touch is worked out again (``_update_edition``): at tens of thousands of
    articles a whole index costs more than the rest of a one-article rebuild. Articles are
    compared by identity (the in-memory parse cache hands out the same objects for
    unchanged files), so a change is never missed: at worst it is redone.
    """
    if previous is not None and same_frame(previous.corpus, corpus):
        return _update_index(previous, corpus)
    tz = UTC if corpus.site.timezone == "UTC" else ZoneInfo(corpus.site.timezone)
    named: dict[int, Mapping[str, int]] = {}
    for article in corpus.articles():
        named[id(article)] = _named(article, corpus.entities)
    when: dict[int, tuple[date, str]] = {}
    for story in corpus.stories:
        local = story.date.astimezone(tz)
        when[id(story)] = (local.date(), local.strftime("%Y-%m"))
    editions = {lang: _edition(corpus, lang, named, when) for lang in corpus.site.languages}
    positions = {story.slug: i for i, story in enumerate(corpus.stories)}
    return SiteIndex(corpus=corpus, editions=editions, named=named, positions=positions)


def _named(article: Article, known: Mapping[str, Entity]) -> Mapping[str, int]:
    """The registered entities ``article`` mentions or quotes, sorted by id, with their
    numbers of mentions (see ``SiteIndex.named``)."""
    body = article.body
    counts = Counter(m.entity_id for m in body.mentions)
    present = set(counts)
    present.update(q.speaker for q in body.quotes)
    return {e: counts[e] for e in sorted(present) if e in known}


def same_frame(old: Corpus, new: Corpus) -> bool:
    """Whether an index of ``old`` can be updated into one of ``new``: same settings, same
    registry, and the same stories (slugs and dates) in the same order, so every list of
    the index keeps its order and only the articles in it may differ."""
    if old.site != new.site or old.entities != new.entities or len(old.stories) != len(new.stories):
        return False
    # Stories of the same article objects have the same date: compared only where they differ.
    return all(
        a.slug == b.slug and (a.versions == b.versions or a.date == b.date)
        for a, b in zip(old.stories, new.stories, strict=True)
    )


def _update_index(previous: SiteIndex, corpus: Corpus) -> SiteIndex:
    old_named = previous.named
    # ``previous`` keeps its articles alive, so an id found in ``old_named`` is that article.
    named = {}
    for article in corpus.articles():
        key = id(article)
        found = old_named.get(key)
        named[key] = found if found is not None else _named(article, corpus.entities)
    editions = {
        lang: _update_edition(previous.edition(lang), corpus, lang, old_named, named) for lang in corpus.site.languages
    }
    return SiteIndex(corpus=corpus, editions=editions, named=named, positions=previous.positions)


def _update_edition(
    prev: Edition,
    corpus: Corpus,
    lang: str,
    old_named: Mapping[int, Mapping[str, int]],
    named: Mapping[int, Mapping[str, int]],
) -> Edition:
    """``prev`` with the articles shown at some positions replaced (``same_frame`` holds).

    An entity's or a topic's list keeps its other articles and order; the changed
    positions are taken out and put back where the new article still belongs. Facts of
    entities no changed article names before or after are ``prev``'s own objects.
    """
    items = tuple((story, story.shown(lang)) for story in corpus.stories)
    changed = [i for i, (new, old) in enumerate(zip(items, prev.items, strict=True)) if new[1] is not old[1]]
    days: tuple[tuple[date, Items], ...] = _regroup(prev.days, items)
    months: tuple[tuple[str, Items], ...] = _regroup(prev.months, items)
    if not changed:
        return Edition(lang, items, prev.entities, prev.tags, days, months)
    delta: Counter[str] = Counter()
    touched: set[str] = set()
    topics: set[str] = set()
    for i in changed:
        old, new = prev.items[i][1], items[i][1]
        delta.subtract(old_named[id(old)])
        delta.update(named[id(new)])
        touched.update(old_named[id(old)], named[id(new)])
        topics.update(old.tags, new.tags)
    where = {id(article): i for i, (_, article) in enumerate(prev.items)}
    gone = set(changed)

    def relisted(before: Iterable[Article], keep: Callable[[Article], bool]) -> tuple[Article, ...]:
        positions = {where[id(a)] for a in before} - gone
        positions.update(i for i in changed if keep(items[i][1]))
        return tuple(items[i][1] for i in sorted(positions))

    entities = dict(prev.entities)
    for entity_id in touched:
        facts = prev.entities[entity_id]
        found = relisted(facts.articles, partial(_names, named, entity_id))
        seen = [a.date for a in found]
        entities[entity_id] = EntityFacts(
            entity=facts.entity,
            articles=found,
            mention_count=facts.mention_count + delta[entity_id],
            first_seen=min(seen) if seen else None,
            last_seen=max(seen) if seen else None,
        )
    tags = dict(prev.tags)
    for tag in topics:
        found = relisted(prev.tags.get(tag, ()), partial(_tagged, tag))
        if found:
            tags[tag] = found
        else:
            del tags[tag]
    return Edition(lang, items, entities, dict(sorted(tags.items())), days, months)


def _names(named: Mapping[int, Mapping[str, int]], entity_id: str, article: Article) -> bool:
    return entity_id in named[id(article)]


def _tagged(tag: str, article: Article) -> bool:
    return tag in article.tags


def _regroup(groups: Sequence[tuple[K, Items]], items: Items) -> tuple[tuple[K, Items], ...]:
    """``groups`` (of the same stories in the same order) made of the pairs of ``items``."""
    regrouped: list[tuple[K, Items]] = []
    start = 0
    for key, members in groups:
        regrouped.append((key, items[start : start + len(members)]))
        start += len(members)
    return tuple(regrouped)


def _edition(
    corpus: Corpus,
    lang: str,
    named: Mapping[int, Mapping[str, int]],
    when: Mapping[int, tuple[date, str]],
) -> Edition:
    items = tuple((story, story.shown(lang)) for story in corpus.stories)
    counts: Counter[str] = Counter()
    articles: dict[str, list[Article]] = defaultdict(list)
    tags: dict[str, list[Article]] = defaultdict(list)
    for _story, article in items:
        for entity_id, count in named[id(article)].items():
            counts[entity_id] += count
            articles[entity_id].append(article)
        for tag in article.tags:
            tags[tag].append(article)
    entities = {}
    for entity_id, entity in corpus.entities.items():
        found = articles.get(entity_id, ())
        seen = [a.date for a in found]
        entities[entity_id] = EntityFacts(
            entity=entity,
            articles=tuple(found),
            mention_count=counts.get(entity_id, 0),
            first_seen=min(seen) if seen else None,
            last_seen=max(seen) if seen else None,
        )
    return Edition(
        lang=lang,
        items=items,
        entities=entities,
        tags={tag: tuple(found) for tag, found in sorted(tags.items())},
        days=_group(items, lambda story: when[id(story)][0]),
        months=_group(items, lambda story: when[id(story)][1]),
    )


def _group(items: Items, key: Callable[[Story], K]) -> tuple[tuple[K, Items], ...]:
    groups: dict[K, list[tuple[Story, Article]]] = {}
    for story, article in items:
        groups.setdefault(key(story), []).append((story, article))
    return tuple((k, tuple(v)) for k, v in groups.items())
