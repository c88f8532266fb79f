"""The Atom writer against ElementTree: ``feeds.atom`` writes its document directly for speed,
and must write exactly what an element tree (with ``ElementTree.indent``) writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from digest import feeds

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def reference_atom(feed: feeds.Feed) -> bytes:
    """The feed as an element tree, serialised by ElementTree: the oracle."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
        node.text = text
        return node

    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: feed.lang})
    sub(root, "title", feed.title)
    if feed.subtitle:
        sub(root, "subtitle", feed.subtitle)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=feed.self_url)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=feed.home_url)
    sub(root, "id", feed.self_url)
    latest = max((e.updated for e in feed.entries), default=None)
    sub(root, "updated", feeds._stamp(latest) if latest else "1970-01-01T00:00:00Z")
    sub(ET.SubElement(root, f"{{{ATOM}}}author"), "name", feed.author)
    for entry in feed.entries:
        node = ET.SubElement(root, f"{{{ATOM}}}entry", {XML_LANG: entry.lang})
        sub(node, "title", entry.title)
        ET.SubElement(node, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=entry.url)
        sub(node, "id", entry.url)
        sub(node, "published", feeds._stamp(entry.published))
        sub(node, "updated", feeds._stamp(entry.updated))
        sub(ET.SubElement(node, f"{{{ATOM}}}author"), "name", entry.author)
        for tag in entry.tags:
            ET.SubElement(node, f"{{{ATOM}}}category", term=tag)
        if entry.summary:
            sub(node, "summary", entry.summary)
        if entry.content_html is not None:
            sub(node, "content", entry.content_html).set("type", "html")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


TEXT = st.text(alphabet=st.sampled_from("aب &<>\"'\r\n\t\u200fé"), max_size=12) | st.text(max_size=8)
MOMENT = st.integers(0, 10**9).map(lambda s: datetime(2000, 1, 1, tzinfo=UTC) + timedelta(seconds=s))
ENTRY = st.builds(
    feeds.FeedEntry,
    title=TEXT,
    url=TEXT,
    published=MOMENT,
    updated=MOMENT,
    author=TEXT,
    summary=st.none() | TEXT,
    content_html=st.none() | TEXT,
    tags=st.lists(TEXT, max_size=3).map(tuple),
    lang=st.sampled_from(["ar", "en", 'x"<']),
)
FEED = st.builds(
    feeds.Feed,
    title=TEXT,
    subtitle=st.none() | TEXT,
    lang=st.sampled_from(["ar", "en"]),
    self_url=TEXT,
    home_url=TEXT,
    author=TEXT,
    entries=st.lists(ENTRY, max_size=4).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(FEED)
def test_atom_writer_writes_what_elementtree_writes(feed: feeds.Feed) -> None:
    assert feeds.atom(feed) == reference_atom(feed)


def test_the_sample_feeds_parse_as_atom(sample_site) -> None:  # type: ignore[no-untyped-def]
    for path in sorted(sample_site.rglob("*.xml")):
        if path.name == "sitemap.xml":
            continue
        root = ET.fromstring(path.read_bytes())
        assert root.tag == f"{{{ATOM}}}feed", path
        assert root.get(XML_LANG) in ("ar", "en"), path
