"""Atom feeds, the sitemap and robots.txt, from plain data; deterministic (no clock is read)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str
    published: datetime
    updated: datetime
    author: str
    summary: str | None
    content_html: str | None
    tags: tuple[str, ...]
    lang: str


@dataclass(frozen=True)
class Feed:
    title: str
    subtitle: str | None
    lang: str
    self_url: str
    home_url: str
    author: str
    entries: tuple[FeedEntry, ...]


def atom(feed: Feed) -> bytes:
    """The Atom document, written out directly (as ElementTree with ``indent`` would write it,
    byte for byte; a test holds the two together): an archive has thousands of entity feeds."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}" xml:lang="{_attr(feed.lang)}">',
        _leaf(1, "title", feed.title),
    ]
    if feed.subtitle:
        out.append(_leaf(1, "subtitle", feed.subtitle))
    out.append(f'  <link rel="self" type="application/atom+xml" href="{_attr(feed.self_url)}" />')
    out.append(f'  <link rel="alternate" type="text/html" href="{_attr(feed.home_url)}" />')
    out.append(_leaf(1, "id", feed.self_url))
    latest = max((e.updated for e in feed.entries), default=None)
    out.append(_leaf(1, "updated", _stamp(latest) if latest else "1970-01-01T00:00:00Z"))
    out += ["  <author>", _leaf(2, "name", feed.author), "  </author>"]
    for entry in feed.entries:
        out.append(f'  <entry xml:lang="{_attr(entry.lang)}">')
        out.append(_leaf(2, "title", entry.title))
        out.append(f'    <link rel="alternate" type="text/html" href="{_attr(entry.url)}" />')
        out.append(_leaf(2, "id", entry.url))
        out.append(_leaf(2, "published", _stamp(entry.published)))
        out.append(_leaf(2, "updated", _stamp(entry.updated)))
        out += ["    <author>", _leaf(3, "name", entry.author), "    </author>"]
        out.extend(f'    <category term="{_attr(tag)}" />' for tag in entry.tags)
        if entry.summary:
            out.append(_leaf(2, "summary", entry.summary))
        if entry.content_html is not None:
            out.append(_leaf(2, "content", entry.content_html, ' type="html"'))
        out.append("  </entry>")
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _leaf(level: int, tag: str, text: str, attrs: str = "") -> str:
    """An element holding only text, at ``level`` (two spaces each), as ElementTree writes it."""
    pad = "  " * level
    if not text:
        return f"{pad}<{tag}{attrs} />"
    return f"{pad}<{tag}{attrs}>{_text(text)}</{tag}>"


def _text(value: str) -> str:
    """Character data escaped as ElementTree escapes it."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _attr(value: str) -> str:
    """An attribute value escaped as ElementTree escapes it (3.11: quotes and line breaks too)."""
    value = _text(value)
    for char, entity in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if char in value:
            value = value.replace(char, entity)
    return value


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    lastmod: datetime | None
    alternates: tuple[tuple[str, str], ...]


def sitemap(urls: list[SitemapUrl]) -> bytes:
    """The sitemap document, written out directly: at tens of thousands of URLs an
    element tree costs seconds, and every article edit rewrites this file."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<urlset xmlns="{SITEMAP}" xmlns:xhtml="{XHTML}">',
    ]
    for item in urls:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(item.loc)}</loc>")
        if item.lastmod:
            lines.append(f"    <lastmod>{_stamp(item.lastmod)}</lastmod>")
        for hreflang, href in item.alternates:
            hreflang, href = escape(hreflang, _QUOTE), escape(href, _QUOTE)
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{hreflang}" href="{href}" />')
        lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


_QUOTE = {'"': "&quot;"}


def robots(sitemap_url: str) -> bytes:
    """``robots.txt``: every page may be crawled; the sitemap lists them with their translations.

    Crawlers read it only at a domain's root, so it matters when ``base_url`` is one;
    under a sub-path it is written all the same, for hosts that serve it from there.
    """
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n".encode()


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")
