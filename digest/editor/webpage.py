"""A news page's HTML → the ``Scraped`` record a raw text gives, its structured metadata preferred.

The page is turned into the plain-text shape ``scrape.parse_scraped`` already reads (the
headline line, then the article's paragraphs), so a page and a pasted text go through the
same readers: tags and related lists, furniture, cut sentences, warnings. Two things the
HTML knows for certain are not left to the text readers' guesses:

- the article text: ``trafilatura`` finds the main text and leaves out the navigation,
  share buttons, related-links lists, captions and footer around it;
- each ``blockquote.twitter-tweet`` embed: its text, author, handle, date and status link
  are read from the markup and written at its place as the signature line the posts
  reader recognises, one line, behind a boundary line the parser drops, so the post
  takes exactly the embed's text and never an article paragraph next to it.

Then the publisher's own metadata (``pagemeta``: JSON-LD, Open Graph, the canonical link)
replaces what was read from the text, and ``found`` says where each field came from; the
author is the metadata's, else trafilatura's, else the byline the text prints.
Nothing is invented: a page without a headline or a date anywhere still asks for
``--title`` or ``--date``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import etree, html

from .pagemeta import Found, PageMeta, parse_moment, read_meta, without_site_name
from .scrape import Scraped, parse_scraped
from .scrape.byline import byline_name, with_author
from .scrape.spelling import phrase_key
from .tweets import BOUNDARY, Tweet, _clean, _embeds_reported, _plain_text, _take_tweets

MIN_WORDS = 12
"""Fewer words than this is a menu or an error page, not an article (the shortest news brief is longer)."""


_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    # Their warnings ("empty HTML tree", "discarding data") are about pages, not for an editor's terminal.
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class PageError(Exception):
    """A page that holds no article to import; ``str()`` is the reason."""


@dataclass(frozen=True)
class Hints:
    """What a feed item says about its article, used where the page itself says nothing."""

    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class WebArticle:
    scraped: Scraped
    """The text readers' result, with the page's metadata put in."""
    url: str | None
    """The article's own address: the canonical link, else where it was fetched from."""
    text: str
    """The plain text the readers read (the line numbers of the report count its lines)."""


def decode_html(content: bytes, charset: str | None = None) -> str:
    """Bytes of a page as text: UTF-8 when they are UTF-8 (most Arabic sites, and a wrong header
    is common), else the charset the server or the page declares, else Windows-1256."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace")
    declared = _META_CHARSET_RE.search(content[:4096])
    for codec in ("utf-8", charset, declared[1].decode("ascii", "replace") if declared else None):
        if not codec:
            continue
        try:
            return content.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return content.decode("cp1256", errors="replace")


@dataclass(frozen=True)
class PageText:
    """A page reduced to what the text readers need, before they read it (so a reader can run again
    with an outlet's furniture once the page has said which outlet it is)."""

    text: str
    """The plain text for the readers (the line numbers of the report count its lines)."""
    url: str | None
    """The article's own address: the canonical link, else where it was fetched from."""
    site: Found | None
    title: str | None
    meta: PageMeta
    extracted: Any
    tweets: tuple[Tweet, ...]
    placed: frozenset[int]
    hints: Hints


def page_text(page: str, *, url: str | None = None, hints: Hints = Hints()) -> PageText:
    """The page's main text and metadata; ``url`` is where it was fetched from (``None`` for a saved
    file). ``PageError`` when the page holds no article text."""
    tree = _parse_html(page)
    meta = read_meta(tree, url)
    tweets = _take_tweets(tree)
    extracted = _extract(tree, url)
    site = _site(meta, extracted, url)
    title = meta.title.value if meta.title else _page_title(extracted.title, site) or hints.title
    text, placed = _plain_text(title, extracted.text or "", tweets)
    address = meta.url.value if meta.url else url
    return PageText(text, address, site, title, meta, extracted, tuple(tweets), frozenset(placed), hints)


def read_page_text(
    page: PageText,
    shown: str,
    *,
    lang: str = "ar",
    known_tags: Iterable[str] = (),
    known_names: Iterable[str] = (),
    reference_date: date | None = None,
    furniture: Iterable[str] = (),
) -> WebArticle:
    """The text readers' result on a page's text, with the page's metadata put in."""
    scraped = parse_scraped(
        page.text,
        shown,
        lang=lang,
        known_tags=known_tags,
        known_names=known_names,
        reference_date=reference_date,
        furniture=(*furniture, BOUNDARY),
    )
    scraped = _embeds_reported(scraped, list(page.tweets), set(page.placed))
    scraped = _with_meta(scraped, page.meta, page.extracted, page.title, page.hints, page.site)
    return WebArticle(scraped, page.url, page.text)


def read_page(
    page: str,
    shown: str,
    *,
    url: str | None = None,
    lang: str = "ar",
    known_tags: Iterable[str] = (),
    known_names: Iterable[str] = (),
    reference_date: date | None = None,
    furniture: Iterable[str] = (),
    hints: Hints = Hints(),
) -> WebArticle:
    """``page_text`` then ``read_page_text``: one page read in one call."""
    return read_page_text(
        page_text(page, url=url, hints=hints),
        shown,
        lang=lang,
        known_tags=known_tags,
        known_names=known_names,
        reference_date=reference_date,
        furniture=furniture,
    )


def _parse_html(page: str) -> etree._Element:
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", page)  # lxml refuses a str that declares its encoding
    if not text.strip():
        raise PageError("the page is empty")
    try:
        return html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PageError(f"not readable as HTML ({exc})") from None


def _extract(tree: etree._Element, url: str | None) -> Any:
    """trafilatura's main text (paragraphs one a line) and its own metadata guesses."""
    import trafilatura  # imported here: it takes a second, and text imports never need it

    for recall in (False, True):
        document = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_recall=recall
        )
        text = document.get("text") if isinstance(document, dict) else getattr(document, "text", None)
        if document is not None and len((text or "").split()) >= MIN_WORDS:
            return document
    raise PageError("no article text found in the page")


def _site(meta: PageMeta, extracted: Any, url: str | None) -> Found | None:
    """The outlet's name: the publisher's metadata, else trafilatura's guess, else the host name."""
    if meta.site:
        return meta.site
    if _clean(extracted.sitename):
        return Found(_clean(extracted.sitename), "the page (trafilatura)")
    host = host_name(url)
    return Found(host, "the page's address") if host else None


def _page_title(title: str | None, site: Found | None) -> str | None:
    """trafilatura's title (from ``<title>`` or the first heading) without the site's name."""
    text = _clean(title)
    return without_site_name(text, site.value if site else None) if text else None


def _with_meta(
    scraped: Scraped, meta: PageMeta, extracted: Any, title: str | None, hints: Hints, site: Found | None
) -> Scraped:
    """Title, dates, source and tags from the page's metadata where it has them, and the report saying so."""
    found, guessed = list(scraped.found), list(scraped.guessed)
    changes: dict[str, Any] = {}
    if title:
        changes.update(_title_change(scraped, meta, title, found))
    changes.update(_date_change(scraped, meta, extracted, hints, found, guessed))
    if meta.modified:
        moment, _ = meta.modified.value
        published = changes.get("date", scraped.date)
        if moment != published:
            found[:] = [f for f in found if not f.startswith("update date ")]
            found.append(f"update date {_iso(moment, True)} from {meta.modified.origin}")
            changes["updated"] = moment
    if site:
        found.append(f"source {site.value!r} from {site.origin}")
        changes["source"] = site.value
    answered = {"no title found": "title", "no publication date found": "date"}
    settled = tuple(message for message, key in answered.items() if key in changes)
    changes["diagnostics"] = tuple(d for d in scraped.diagnostics if not d.message.startswith(settled))
    if meta.tags:
        found.append(f"tags from {meta.tags.origin}: {', '.join(meta.tags.value)}")
        changes["tags"] = meta.tags.value
    elif not scraped.tags and extracted.tags:
        changes["tags"] = tuple(dict.fromkeys(_clean(t) for t in extracted.tags if _clean(t)))
        found.append(f"tags from the page's keywords (trafilatura): {', '.join(changes['tags'])}")
    author = meta.author or (Found(_clean(extracted.author), "the page (trafilatura)") if extracted.author else None)
    if author:
        name = byline_name(author.value) or author.value  # "كتب: فريق التحرير" as the page prints it
        found.append(f"author {name!r} from {author.origin}")
        changes["author"] = name
    # Without an author in the metadata, the byline printed in the text (``كتب : وكالات``) names one.
    return with_author(replace(scraped, found=tuple(found), guessed=tuple(guessed), **changes))


def _title_change(scraped: Scraped, meta: PageMeta, title: str, found: list[str]) -> dict[str, Any]:
    """The metadata's headline; if the parser did not take line 1 for one, that line leaves the body."""
    first, _, rest = scraped.body.partition("\n\n")
    body = rest if scraped.title is None and phrase_key(first) == phrase_key(title) else scraped.body
    found[:] = [f for f in found if f != "title (line 1)"]
    if meta.title:
        found.insert(0, f"title from {meta.title.origin}: {title!r}")
    elif scraped.title is None:
        return {"body": body}
    else:
        found.insert(0, f"title from the page's <title> or first heading: {title!r}")
    return {"title": title, "body": body}


def _date_change(
    scraped: Scraped, meta: PageMeta, extracted: Any, hints: Hints, found: list[str], guessed: list[str]
) -> dict[str, Any]:
    """The publication date: the page's metadata, else the feed's, else the text's, else htmldate's day."""
    hint = parse_moment(hints.published) if hints.published else None
    chosen = meta.published or (Found(hint, "the feed") if hint else None)
    if chosen:
        (moment, has_time), origin = chosen.value, chosen.origin
        found[:] = [f for f in found if not f.startswith("publication date ")]
        found.append(f"date from {origin}: {_iso(moment, has_time)}")
        return {"date": moment, "date_has_time": has_time}
    if scraped.date is None and extracted.date:
        day = parse_moment(extracted.date)
        if day:
            guessed.append(f"date {day[0]:%Y-%m-%d} from the page's dates (htmldate; day only)")
            return {"date": day[0].replace(hour=0, minute=0, second=0), "date_has_time": False}
    return {}


def _iso(moment: datetime, has_time: bool) -> str:
    if not has_time:
        return moment.strftime("%Y-%m-%d")
    shown = moment.isoformat()
    return shown.replace("+00:00", "Z") if moment.tzinfo else f"{shown} (no zone given: kept without one)"


def host_name(url: str | None) -> str | None:
    """``https://www.example.com/x`` → ``example.com``: a source name when the page gives none."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
