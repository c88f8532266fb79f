"""An RSS or Atom feed as the list of articles it links to, for ``import --feed``.

``feedparser`` reads every dialect (RSS 0.9x–2.0, RDF, Atom 0.3/1.0) and the malformed
feeds many news sites publish; this module only keeps what the importer uses: each
item's link (resolved against the feed's address), its title and publication date as
written, in the feed's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import feedparser


class FeedError(Exception):
    """Not a feed, or a feed without items; ``str()`` is the reason."""


@dataclass(frozen=True)
class FeedItem:
    link: str
    title: str | None
    published: str | None
    """ISO 8601 with the feed's zone (an RSS date ``Mon, 28 Oct 2024 09:56:00 +0300`` rewritten), or None."""


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]
    skipped: int = 0
    """Items without a usable http(s) link."""


def read_feed(content: bytes, base_url: str | None = None) -> Feed:
    """The items of a feed document; ``base_url`` is the feed's own address (resolves relative links)."""
    parsed = feedparser.parse(content, response_headers={"content-location": base_url} if base_url else None)
    if not parsed.entries:
        if parsed.bozo and not parsed.feed:
            raise FeedError(f"not an RSS or Atom feed ({_reason(parsed.bozo_exception)})")
        raise FeedError("the feed has no items")
    items, skipped = [], 0
    for entry in parsed.entries:
        link = _link(entry, base_url)
        if link is None:
            skipped += 1
            continue
        items.append(FeedItem(link, (entry.get("title") or "").strip() or None, _published(entry)))
    return Feed((parsed.feed.get("title") or "").strip() or None, tuple(items), skipped)


def _link(entry: feedparser.FeedParserDict, base: str | None) -> str | None:
    candidates = [entry.get("link")]
    candidates += [x.get("href") for x in entry.get("links", ()) if x.get("rel", "alternate") == "alternate"]
    guid = entry.get("id")
    if guid and entry.get("guidislink", True):
        candidates.append(guid)
    for href in candidates:
        if not href:
            continue
        absolute = urljoin(base, href.strip()) if base else href.strip()
        if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).netloc:
            return absolute
    return None


def _published(entry: feedparser.FeedParserDict) -> str | None:
    """The item's date as written, its zone kept (feedparser's own parsed form is in UTC)."""
    for key in ("published", "updated", "created"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        if raw[:4].isdigit():
            return raw  # Atom and dc:date are ISO 8601 already
        try:
            moment = parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            continue
        return moment.isoformat()
    return None


def _reason(exc: object) -> str:
    text = str(exc).strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else "unreadable"
