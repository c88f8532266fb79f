"""Structured data and sharing: JSON-LD, Open Graph, Twitter cards, robots.txt."""

from __future__ import annotations

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import yaml

from digest.model import Article, Body, Entity, Localized, Mention, Position, Quote
from digest.structured import Publication, news_article, script_json

from .sitetools import make_article

ROOT = Path(__file__).resolve().parents[1]


class _Head(HTMLParser):
    """Collects <meta> tags and JSON-LD scripts of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and "content" in values:
            self.meta.append((values.get("property") or values.get("name") or "", values["content"]))
        self._in_ld = tag == "script" and values.get("type") == "application/ld+json"
        if self._in_ld:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.scripts[-1] += data


def head(page: Path) -> _Head:
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def values(parsed: _Head, key: str) -> list[str]:
    return [v for k, v in parsed.meta if k == key]


def front_matter(path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def sample_article() -> tuple[str, str, dict]:  # type: ignore[type-arg]
    """An Arabic sample article that has a source and tags, with its front matter."""
    for path in sorted((ROOT / "content" / "articles").glob("*.ar.md")):
        data = front_matter(path)
        if data.get("source") and data.get("tags"):
            return path.name.split(".")[0], path.read_text(encoding="utf-8"), data
    raise AssertionError("the sample has an Arabic article with source and tags")


def test_article_json_ld_describes_the_article(sample_site: Path) -> None:
    slug, text, data = sample_article()
    page = sample_site / "ar" / "articles" / slug / "index.html"
    scripts = head(page).scripts
    assert len(scripts) == 1
    ld = json.loads(scripts[0])
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "NewsArticle"
    title = data["title"]["ar"] if isinstance(data["title"], dict) else data["title"]
    assert ld["headline"] == title
    assert ld["inLanguage"] == "ar"
    assert ld["url"] == f"https://example.org/ar/articles/{slug}/"
    # The front matter's date (a date-only value is midnight in the site's zone, UTC here).
    assert ld["datePublished"][:10] == str(data["date"])[:10]
    assert datetime.fromisoformat(ld["dateModified"]) >= datetime.fromisoformat(ld["datePublished"])
    source = data["source"]["name"] if isinstance(data["source"], dict) else data["source"]
    assert ld["sourceOrganization"]["name"] == source == ld["author"]["name"]
    assert ld["publisher"]["name"] == "موجز الأخبار"
    assert ld["keywords"] == data["tags"]
    mentioned = set(re.findall(r"\[\[([a-z0-9-]+)", text))
    things = ld.get("about", []) + ld.get("mentions", [])
    assert {t["url"].rstrip("/").rsplit("/", 1)[1] for t in things} <= mentioned
    assert len(things) == len({t["url"] for t in things}) > 0


def test_entities_link_to_wikidata_where_known(sample_site: Path) -> None:
    linked = {}
    for page in (sample_site / "en" / "articles").glob("*/index.html"):
        for script in head(page).scripts:
            for thing in json.loads(script).get("about", []) + json.loads(script).get("mentions", []):
                linked[thing["url"].rstrip("/").rsplit("/", 1)[1]] = thing
    assert linked
    for entity_id, thing in linked.items():
        wikidata = front_matter_entity(entity_id).get("wikidata")
        if wikidata:
            assert thing["sameAs"] == f"https://www.wikidata.org/wiki/{wikidata}"
        else:
            assert "sameAs" not in thing
        assert thing["@type"] in ("Person", "Organization", "Place", "Event", "Thing")
    assert any("sameAs" in t for t in linked.values())


def front_matter_entity(entity_id: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((ROOT / "content" / "entities" / f"{entity_id}.yaml").read_text(encoding="utf-8"))


def test_open_graph_and_twitter_tags(sample_site: Path) -> None:
    slug, _, data = sample_article()
    ar = head(sample_site / "ar" / "articles" / slug / "index.html")
    assert values(ar, "og:locale") == ["ar_AR"]
    assert values(ar, "og:type") == ["article"]
    assert values(ar, "twitter:card") == ["summary"]
    assert values(ar, "twitter:title") == values(ar, "og:title")
    assert values(ar, "article:tag") == data["tags"]
    assert len(values(ar, "article:published_time")) == 1
    translated = (sample_site / "en" / "articles" / slug / "index.html").exists() and bool(
        [a for a in (ROOT / "content" / "articles").glob(f"{slug}.en.md")]
    )
    assert values(ar, "og:locale:alternate") == (["en_US"] if translated else [])
    home = head(sample_site / "en" / "index.html")
    assert values(home, "og:locale") == ["en_US"]
    assert values(home, "og:locale:alternate") == ["ar_AR"]
    assert not values(home, "article:published_time")
    assert not home.scripts


def test_robots_txt_points_to_the_sitemap(sample_site: Path) -> None:
    lines = (sample_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    sitemaps = [line.split(": ", 1)[1] for line in lines if line.startswith("Sitemap:")]
    assert sitemaps == ["https://example.org/sitemap.xml"]
    assert (sample_site / "sitemap.xml").is_file()


def test_script_json_cannot_close_its_script() -> None:
    nasty = "</script><script>alert(1)</script> & <!-- \u2028\u2029"
    text = str(script_json({"headline": nasty}))
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == {"headline": nasty}


def entity(eid: str, kind: str, wikidata: str | None = None) -> Entity:
    return Entity("d", eid, kind, Localized.of({"en": eid.title()}), (), None, wikidata, Position("x"))


def article(mentioned: list[str], quotes: tuple[str, ...] = ()) -> Article:
    body = Body(
        mentions=tuple(Mention(eid, None, Position("x"), f"m{i}") for i, eid in enumerate(mentioned)),
        quotes=tuple(Quote(eid, "q", Position("x"), f"q{i}") for i, eid in enumerate(quotes)),
        posts=(),
        text="",
    )
    return make_article(body, digest="d", slug="s", lang="en", position=Position("x"), title=Localized.of({"en": "H"}))


def test_about_holds_the_most_mentioned_entities_and_mentions_the_rest() -> None:
    ids = ["a", "b", "c", "d", "e"]
    counts = {"a": 1, "b": 4, "c": 2, "d": 3, "e": 1}
    entities = {eid: entity(eid, "person", "Q1" if eid == "b" else None) for eid in ids}
    ld = news_article(
        article([eid for eid in ids for _ in range(counts[eid])], quotes=("e",)),
        headline="H",
        description=None,
        url="https://x/en/articles/s/",
        publication=Publication("Digest", "https://x/en/"),
        entities=entities,
        entity_url=lambda eid: f"https://x/en/entities/{eid}/",
        lang="en",
    )
    assert [t["name"] for t in ld["about"]] == ["B", "D", "C"]
    assert [t["name"] for t in ld["mentions"]] == ["E", "A"]  # E is also quoted
    assert ld["about"][0]["sameAs"] == "https://www.wikidata.org/wiki/Q1"
    assert "sameAs" not in ld["mentions"][0]
    assert ld["author"] == ld["publisher"] == {"@type": "Organization", "name": "Digest", "url": "https://x/en/"}
    assert "description" not in ld and "keywords" not in ld and "sourceOrganization" not in ld
