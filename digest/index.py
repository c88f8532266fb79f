"""The index: built once from the corpus, answering "what is said where" for the pages.

Mentions and quotes are resolved against the entity registry here (an unknown id
is an error at the mention's position), then grouped per edition language: an
edition shows each story in its own language, or the original where there is no
translation, and entity pages quote exactly the sentences readers of that edition see.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .model import Article, Corpus, Entity, Mention, Quote, Story


class MentionRef(NamedTuple):
    """A mention and the article it is in (a tuple: the index makes hundreds of thousands)."""

    article: Article
    mention: Mention


class QuoteRef(NamedTuple):
    article: Article
    quote: Quote


@dataclass(frozen=True)
class EntityFacts:
    """Everything one edition says about one entity.

    The index keeps only the entity's articles and its mention count; the mentions and
    quotes themselves are gathered from those articles when a page asks (``mentions``,
    ``mentions_in``, ``quotes``). An archive has hundreds of thousands of mentions, and
    a rebuild after one edit renders the pages of a few entities only.
    """

    entity: Entity
    articles: tuple[Article, ...]
    """In edition order: newest first. Articles that mention the entity or quote it."""
    mention_count: int
    first_seen: datetime | None
    last_seen: datetime | None

    def mentions_in(self, articles: Iterable[Article]) -> Iterator[MentionRef]:
        """The entity's mentions in ``articles``, article by article, in document order."""
        entity_id = self.entity.id
        for article in articles:
            for mention in article.body.mentions:
                if mention.entity_id == entity_id:
                    yield MentionRef(article, mention)

    @cached_property
    def mentions(self) -> tuple[MentionRef, ...]:
        """Every mention, in edition order (newest article first), then document order."""
        return tuple(self.mentions_in(self.articles))

    @cached_property
    def quotes(self) -> tuple[QuoteRef, ...]:
        """Every quote attributed to the entity, in the same order as ``mentions``."""
        entity_id = self.entity.id
        return tuple(QuoteRef(a, q) for a in self.articles for q in a.body.quotes if q.speaker == entity_id)

    def cooccurring(self, known: Mapping[str, object]) -> tuple[tuple[str, int], ...]:
        """Other entity ids and the number of articles shared, most frequent first.

        Computed on demand: only the entity pages being rendered need it, and for every
        entity at once it costs as much as the rest of the index.
        """
        together: Counter[str] = Counter()
        for article in self.articles:
            present = {m.entity_id for m in article.body.mentions} | {q.speaker for q in article.body.quotes}
            together.update(e for e in present if e != self.entity.id and e in known)
        return tuple(sorted(together.items(), key=lambda kv: (-kv[1], kv[0])))


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
    named: Mapping[int, tuple[str, ...]]
    """By ``id`` of an article of the corpus: the registered entities it mentions or quotes, sorted."""

    def edition(self, lang: str) -> Edition:
        return self.editions[lang]

    def entities_in(self, article: Article) -> tuple[str, ...]:
        """The registered entities ``article`` mentions or quotes, sorted by id."""
        return self.named[id(article)]


def build_index(corpus: Corpus) -> SiteIndex:
    """Group the corpus per edition. References were checked by the read stage; any
    mention of an entity that is not in the corpus is left out here.

    What depends only on an article or a story (the entities it names, its day and month)
    is worked out once and shared by the editions: most stories show the same original
    article in every edition.
    """
    tz = UTC if corpus.site.timezone == "UTC" else ZoneInfo(corpus.site.timezone)
    known = corpus.entities
    named: dict[int, tuple[list[str], tuple[str, ...]]] = {}
    for article in corpus.articles():
        body = article.body
        ids = [m.entity_id for m in body.mentions]
        present = set(ids)
        present.update(q.speaker for q in body.quotes)
        named[id(article)] = (ids, tuple(sorted(e for e in present if e in known)))
    when: dict[int, tuple[date, str]] = {}
    for story in corpus.stories:
        local = story.date.astimezone(tz)
        when[id(story)] = (local.date(), local.strftime("%Y-%m"))
    editions = {lang: _edition(corpus, lang, named, when) for lang in corpus.site.languages}
    return SiteIndex(corpus=corpus, editions=editions, named={key: found for key, (_, found) in named.items()})


def _edition(
    corpus: Corpus,
    lang: str,
    named: Mapping[int, tuple[list[str], tuple[str, ...]]],
    when: Mapping[int, tuple[date, str]],
) -> Edition:
    items = tuple((story, story.get(lang) or story.original) for story in corpus.stories)
    counts: Counter[str] = Counter()
    articles: dict[str, list[Article]] = defaultdict(list)
    tags: dict[str, list[Article]] = defaultdict(list)
    for _story, article in items:
        ids, present = named[id(article)]
        counts.update(ids)
        for entity_id in present:
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


def _group(items, key):  # type: ignore[no-untyped-def]
    groups: dict[object, list[tuple[Story, Article]]] = {}
    for story, article in items:
        groups.setdefault(key(story), []).append((story, article))
    return tuple((k, tuple(v)) for k, v in groups.items())
