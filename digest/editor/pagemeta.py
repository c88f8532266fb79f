"""What a news page says about itself: Open Graph tags, JSON-LD ``NewsArticle``, the canonical link.

Publishers write these for search engines and social networks, so they are kept exact:
the headline without the site's name, the publication time with the zone the newsroom
gave, the outlet's own name and the article's canonical address. The importer prefers
them to anything read from the page's text, which can only be guessed. Each value keeps
where it was read (``JSON-LD datePublished``, ``og:title``) so the import report can say so.

Nothing here fetches or guesses: a value that is missing or does not parse is ``None``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " « ", " » ")
_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?", re.I)


@dataclass(frozen=True)
class Found:
    """One value and where on the page it was read."""

    value: Any
    origin: str


@dataclass(frozen=True)
class PageMeta:
    title: Found | None = None
    published: Found | None = None
    """``(datetime, has_time)``: aware when the page gave an offset, naive (floating) when not."""
    modified: Found | None = None
    author: Found | None = None
    site: Found | None = None
    url: Found | None = None
    """Absolute http(s) address the publisher names as the article's own."""
    tags: Found | None = None
    """A tuple of topics."""


def read_meta(tree: etree._Element, base_url: str | None) -> PageMeta:
    """The structured metadata of a parsed page; ``base_url`` resolves a relative canonical link."""
    metas = _meta_tags(tree)
    ld = _ld_article(tree)
    site = _first(
        _ld_name(ld, "publisher", "JSON-LD publisher.name"),
        _tag(metas, "og:site_name"),
        _tag(metas, "application-name"),
    )
    return PageMeta(
        title=_title(ld, metas, site),
        published=_moment(ld, metas, tree, "datePublished", ("article:published_time", "og:published_time")),
        modified=_moment(ld, metas, tree, "dateModified", ("article:modified_time", "og:updated_time")),
        author=_first(_ld_name(ld, "author", "JSON-LD author.name"), _author_tag(metas)),
        site=site,
        url=_canonical(tree, metas, ld, base_url),
        tags=_first(_ld_keywords(ld), _tags(metas)),
    )


def parse_moment(text: str) -> tuple[datetime, bool] | None:
    """An ISO 8601 value as ``(datetime, has_time)``, its zone exactly as written: with an offset
    it is aware (``Z`` is UTC), without one it stays naive (floating) so no zone is invented."""
    raw = text.strip()
    match = _ISO_RE.match(raw)
    if not match:
        return None
    value = match[0].replace(",", ".")
    try:
        if len(value) == 10:
            return datetime.fromisoformat(value), False
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    return moment.replace(microsecond=0), True


# --------------------------------------------------------------------------- meta tags


def _meta_tags(tree: etree._Element) -> dict[str, list[str]]:
    """``<meta property|name|itemprop=K content=V>`` as ``{k: [v, ...]}`` in page order (keys lower case)."""
    found: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), []).append(_clean(content))
    return found


def _tag(metas: dict[str, list[str]], key: str) -> Found | None:
    values = metas.get(key.lower())
    return Found(values[0], key) if values else None


def _author_tag(metas: dict[str, list[str]]) -> Found | None:
    for key in ("author", "article:author", "byl"):
        for value in metas.get(key, ()):
            if not re.match(r"https?://", value):
                return Found(value, key)
    return None


def _tags(metas: dict[str, list[str]]) -> Found | None:
    values = _unique(metas.get("article:tag", ()))
    return Found(values, "article:tag") if values else None


def _title(ld: dict[str, Any] | None, metas: dict[str, list[str]], site: Found | None) -> Found | None:
    headline = _ld_text(ld, "headline")
    if headline:
        return Found(headline, "JSON-LD headline")
    for key in ("og:title", "twitter:title"):
        found = _tag(metas, key)
        if found:
            return Found(without_site_name(found.value, site.value if site else None), key)
    return None


def without_site_name(title: str, site: str | None) -> str:
    """``Headline - Site`` → ``Headline`` (and ``Site | Headline``), only when the site's name is known."""
    if not site:
        return title
    for separator in _TITLE_SEPARATORS:
        if title.endswith(separator + site):
            return title[: -len(separator + site)].strip()
        if title.startswith(site + separator):
            return title[len(site + separator) :].strip()
    return title


def _moment(
    ld: dict[str, Any] | None, metas: dict[str, list[str]], tree: etree._Element, prop: str, tags: tuple[str, ...]
) -> Found | None:
    candidates = [(_ld_text(ld, prop), f"JSON-LD {prop}")]
    candidates += [(v, key) for key in tags for v in metas.get(key, ())[:1]]
    candidates += [(v, f"itemprop={prop}") for v in metas.get(prop.lower(), ())[:1]]
    candidates += [(e.get("datetime"), f"itemprop={prop}") for e in tree.xpath(f"//*[@itemprop='{prop}'][@datetime]")]
    for text, origin in candidates:
        parsed = parse_moment(text) if text else None
        if parsed:
            return Found(parsed, origin)
    return None


def _canonical(
    tree: etree._Element, metas: dict[str, list[str]], ld: dict[str, Any] | None, base: str | None
) -> Found | None:
    links = [(e.get("href"), "canonical link") for e in tree.xpath("//link[@href]") if _rel(e) == "canonical"]
    links += [(v, "og:url") for v in metas.get("og:url", ())[:1]]
    page = ld.get("mainEntityOfPage") if ld else None
    links += [(_ld_text(ld, "url"), "JSON-LD url")]
    links += [(page.get("@id") if isinstance(page, dict) else page, "JSON-LD mainEntityOfPage")]
    for href, origin in links:
        if isinstance(href, str) and href.strip():
            absolute = urljoin(base, href.strip()) if base else href.strip()
            if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).netloc:
                return Found(absolute, origin)
    return None


def _rel(element: etree._Element) -> str:
    return (element.get("rel") or "").strip().lower()


# --------------------------------------------------------------------------- JSON-LD


def _ld_article(tree: etree._Element) -> dict[str, Any] | None:
    """The first article node of the page's JSON-LD, its ``@id`` references resolved."""
    nodes: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type]"):
        if script.get("type", "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"), strict=False)
        except ValueError:
            continue
        nodes.extend(_walk(data))
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    for node in nodes:
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and k in ARTICLE_TYPES for k in kinds):
            return {k: _resolve(v, by_id) for k, v in node.items()}
    return None


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"])


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """``{"@id": "#org"}`` → the node with that id, so ``publisher.name`` reads through references."""
    if isinstance(value, list):
        return [_resolve(v, by_id) for v in value]
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _ld_text(ld: dict[str, Any] | None, key: str) -> str | None:
    value = ld.get(key) if ld else None
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    return _clean(value) or None


def _ld_name(ld: dict[str, Any] | None, key: str, origin: str) -> Found | None:
    """``author``/``publisher`` as a name: a string, ``{"name": …}``, or a list of either."""
    value = ld.get(key) if ld else None
    items = value if isinstance(value, list) else [value]
    found = [_clean(i) if isinstance(i, str) else _clean(i.get("name")) if isinstance(i, dict) else "" for i in items]
    names = _unique(n for n in found if n and not re.match(r"https?://", n))
    return Found(", ".join(names), origin) if names else None


def _ld_keywords(ld: dict[str, Any] | None) -> Found | None:
    value = ld.get("keywords") if ld else None
    parts = value if isinstance(value, list) else re.split(r"[,،;]", value) if isinstance(value, str) else []
    words = _unique(_clean(p) for p in parts if isinstance(p, str))
    return Found(words, "JSON-LD keywords") if words else None


# --------------------------------------------------------------------------- helpers


def _clean(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return re.sub(r"\s+", " ", html.unescape(value)).strip()


def _unique(values: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _first(*found: Found | None) -> Found | None:
    return next((f for f in found if f is not None), None)
