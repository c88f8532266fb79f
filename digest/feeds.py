"""Atom feeds, the sitemap and robots.txt, from plain data; deterministic (no clock is read)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


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
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: feed.lang})
    _sub(root, "title", feed.title)
    if feed.subtitle:
        _sub(root, "subtitle", feed.subtitle)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=feed.self_url)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=feed.home_url)
    _sub(root, "id", feed.self_url)
    latest = max((e.updated for e in feed.entries), default=None)
    _sub(root, "updated", _stamp(latest) if latest else "1970-01-01T00:00:00Z")
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _sub(author, "name", feed.author)
    for entry in feed.entries:
        node = ET.SubElement(root, f"{{{ATOM}}}entry", {XML_LANG: entry.lang})
        _sub(node, "title", entry.title)
        ET.SubElement(node, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=entry.url)
        _sub(node, "id", entry.url)
        _sub(node, "published", _stamp(entry.published))
        _sub(node, "updated", _stamp(entry.updated))
        who = ET.SubElement(node, f"{{{ATOM}}}author")
        _sub(who, "name", entry.author)
        for tag in entry.tags:
            ET.SubElement(node, f"{{{ATOM}}}category", term=tag)
        if entry.summary:
            _sub(node, "summary", entry.summary)
        if entry.content_html is not None:
            content = _sub(node, "content", entry.content_html)
            content.set("type", "html")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


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


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    node.text = text
    return node


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")
