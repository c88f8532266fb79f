"""schema.org ``NewsArticle`` data for article pages, as JSON-LD.

Search engines and link previews read who published a report, when, in which
language and what it is about from this block rather than from the page's
markup. The entities an article mentions become ``about`` (the most mentioned)
and ``mentions`` (the rest), each linked to its page here and, where the registry
gives a Wikidata id, to Wikidata through ``sameAs``, so the digest's people and
places can be matched with everyone else's.

The JSON goes inside a ``<script>`` element, where HTML escaping does not apply;
``script_json`` makes any text safe there instead.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .model import Article, Entity

SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "place": "Place",
    "event": "Event",
    "other": "Thing",
}
ABOUT = 3
"""Entities named as what the article is about; the others are ``mentions``."""
_AGENCY_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:ال)?وكال(?:ة|ه|ات)|agency|agencies|wires?|رويترز|reuters|(?-i:AFP|AP|dpa)|أ ?ف ?ب|فرانس ?برس"
    r"|france[- ]presse|associated press|أسوشي?تد برس|الأناضول|anadolu|د ?ب ?أ|شينخوا|xinhua|سبوتنيك|sputnik"
    r"|واس|وام|قنا|كونا|بترا|سانا|(?:[وف]?ال)?تحرير|editorial|editors|staff|newsroom)(?!\w)",
    re.I,
)
"""Words of a byline that names no person: ``وكالات``, ``وكالة الأنباء``, ``agencies``, the wire
services Arabic and English outlets credit most (Reuters, AFP, AP, Anadolu, dpa, Xinhua, Sputnik,
and the state agencies SPA, WAM, QNA, KUNA, Petra and SANA by their Arabic names), and a
newsroom (``فريق التحرير``, ``staff``)."""

# In a <script> element the HTML parser only looks for "</script" and "<!--", and
# JavaScript parsers before ES2019 end a string at U+2028/U+2029; escaping these
# five characters as \\uXXXX keeps the JSON identical and the page intact.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
"""Applied with ``str.replace``: ``str.translate`` looks every character of the text up in a
table, a hundred times slower on Arabic text than five scans."""


@dataclass(frozen=True)
class Publication:
    """Where and by whom the digest publishes: the ``publisher`` of every article."""

    name: str
    url: str


def news_article(
    article: Article,
    *,
    headline: str,
    description: str | None,
    url: str,
    publication: Publication,
    entities: Mapping[str, Entity],
    entity_url: Callable[[str], str],
    lang: str,
) -> dict[str, Any]:
    """The ``NewsArticle`` for ``article`` as shown at ``url`` in the ``lang`` edition."""
    publisher = {"@type": "Organization", "name": publication.name, "url": publication.url}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": article.lang,
        "datePublished": article.date.isoformat(),
        "dateModified": (article.updated or article.date).isoformat(),
    }
    if description:
        data["description"] = description
    if article.source:
        outlet: dict[str, Any] = {"@type": "NewsMediaOrganization", "name": article.source.name}
        if article.source.url:
            outlet["url"] = article.source.url
        data["author"] = outlet
        data["sourceOrganization"] = outlet
    else:
        data["author"] = publisher
    if article.author:
        data["author"] = byline(article.author, article.source.name if article.source else None)
    data["publisher"] = publisher
    if article.tags:
        data["keywords"] = list(article.tags)
    ranked = _ranked(article, entities)
    things = [_thing(entities[eid], lang, entity_url(eid)) for eid in ranked]
    if things[:ABOUT]:
        data["about"] = things[:ABOUT]
    if things[ABOUT:]:
        data["mentions"] = things[ABOUT:]
    return data


def byline(author: str, source: str | None = None) -> dict[str, Any]:
    """The ``author`` of a byline: an ``Organization`` for an agency (``وكالات``, ``AFP``, a
    name with the word agency) or for the outlet itself, else a ``Person``."""
    agency = _AGENCY_RE.search(author) is not None or (source is not None and author.casefold() == source.casefold())
    return {"@type": "Organization" if agency else "Person", "name": author}


def _ranked(article: Article, entities: Mapping[str, Entity]) -> list[str]:
    """Entity ids of the article, most mentioned first (quoted speakers count once more)."""
    counts: Counter[str] = Counter(m.entity_id for m in article.body.mentions)
    counts.update(q.speaker for q in article.body.quotes)
    return [eid for eid, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if eid in entities]


def _thing(entity: Entity, lang: str, url: str) -> dict[str, Any]:
    thing: dict[str, Any] = {
        "@type": SCHEMA_TYPES.get(entity.type, "Thing"),
        "name": entity.name.pick(lang)[0],
        "url": url,
    }
    if entity.wikidata:
        thing["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    return thing


def script_json(data: Mapping[str, Any]) -> Markup:
    """``data`` as JSON that can sit inside ``<script type="application/ld+json">`` as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _SCRIPT_ESCAPES:
        text = text.replace(char, escaped)
    return Markup(text)
