"""Embedded tweets of a saved page (``blockquote.twitter-tweet``): read with their author,
handle, date and link, taken out of the page before its text is extracted, and put
back into that text where they stood as signed paragraphs the scrape parser turns into
``::: post`` blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree, html

from .scrape import Scraped
from .scrape.posts import match_signature
from .scrape.spelling import phrase_key

BOUNDARY = "digest-embedded-post-boundary-7f3a"
"""The line put before each embed's signature line; passed to the parser as furniture, so it
is dropped there and stops the posts reader from taking the paragraph above into the post."""


_TOKEN = "digestembed{:04d}x"


_TOKEN_RE = re.compile(r"\s*\bdigestembed(\d{4})x\b\s*")


_WRAPPERS = frozenset({"div", "figure", "section", "span", "center", "aside", "p"})


_BLOCKS = "self::p or self::h2 or self::h3 or self::h4 or self::li"


_TWEET_CLASSES = ("twitter-tweet", "twitter-video")


_STATUS_RE = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter\.com|x\.com)/(\w{1,30})/status(?:es)?/(\d+)", re.I)


_SIGNATURE_RE = re.compile(r"[—–-]\s*(?P<author>[^\n]*?)\s*\(\s*@(?P<handle>\w{1,30})\s*\)", re.S)


@dataclass(frozen=True)
class Tweet:
    """One embed as the markup gives it."""

    text: str
    author: str
    handle: str
    when: str | None
    url: str | None
    before: str | None = None
    """The folded text of the paragraph the embed follows on the page (to find its place again)."""
    after: str | None = None


def _clean(value: object) -> str:
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else ""


def _take_tweets(tree: etree._Element) -> list[Tweet]:
    """Each tweet embed read and replaced in the tree by a one-word paragraph marking its place
    (with the wrappers that hold nothing else, which extractors tend to drop whole); the text of
    the paragraphs around it is kept too, to find its place if the extractor drops the marker."""
    condition = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in _TWEET_CLASSES)
    tweets: list[Tweet] = []
    for quote in tree.xpath(f"//blockquote[{condition}]"):
        tweet = _read_tweet(quote)
        if tweet is None:
            continue
        before = _neighbour(quote.xpath(f"preceding::*[{_BLOCKS}][normalize-space()]"), last=True)
        after = _neighbour(quote.xpath(f"following::*[{_BLOCKS}][normalize-space()]"), last=False)
        target = _outermost_wrapper(quote)
        marker = html.Element("p")
        marker.text = _TOKEN.format(len(tweets))
        marker.tail = target.tail
        target.getparent().replace(target, marker)
        tweets.append(replace(tweet, before=before, after=after))
    return tweets


def _outermost_wrapper(quote: etree._Element) -> etree._Element:
    """The embed with the elements around it that hold nothing else (``<figure class="embed">``)."""
    target = quote
    parent = target.getparent()
    while parent is not None and parent.tag in _WRAPPERS and parent.getparent() is not None:
        others = [c for c in parent if c is not target and c.tag not in ("script", "noscript")]
        loose = (parent.text or "").strip() or any((c.tail or "").strip() for c in parent)
        if others or loose:
            break
        target, parent = parent, parent.getparent()
    return target


def _neighbour(elements: list[etree._Element], *, last: bool) -> str | None:
    """The folded text of the nearest paragraph that is article text (not another embed's marker)."""
    for element in reversed(elements) if last else elements:
        key = phrase_key(element.text_content())
        if len(key.split()) >= 3 and not _TOKEN_RE.search(key.replace(" ", "")):
            return key
    return None


def _read_tweet(quote: etree._Element) -> Tweet | None:
    """The standard embed: ``<p>text</p>&mdash; Name (@handle) <a href=".../status/1">date</a>``."""
    paragraphs = quote.xpath(".//p")
    text = " ".join(_text_of(p) for p in paragraphs).strip()
    status = None
    for link in quote.xpath(".//a[@href]"):
        match = _STATUS_RE.match(link.get("href", ""))
        if match:
            status = (match, _clean(link.text_content()))
    after = _text_after(quote, paragraphs[-1]) if paragraphs else _clean(quote.text_content())
    signature = _SIGNATURE_RE.search(after)
    handle = signature["handle"] if signature else status[0][1] if status else None
    if handle is None:
        return None
    author = _clean(signature["author"]) if signature else ""
    author = re.sub(r"[()—–\n]", " ", author).strip() or handle
    url = f"https://twitter.com/{status[0][1]}/status/{status[0][2]}" if status else None
    return Tweet(text, author, handle, status[1] if status and status[1] else None, url)


def _text_of(element: etree._Element) -> str:
    """An element's text with ``<br>`` as a space (the embed is written on one line)."""
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return _clean(element.text_content())


def _text_after(quote: etree._Element, last: etree._Element) -> str:
    """The blockquote's text after its last paragraph: the ``— Name (@handle) date`` line."""
    parts = [last.tail or ""]
    node = last
    while node is not quote:
        for sibling in node.itersiblings():
            parts.append(sibling.text_content() + (sibling.tail or ""))
        node = node.getparent()
        if node is not quote:
            parts.append(node.tail or "")
    return _clean("".join(parts))


def _signature_line(tweet: Tweet) -> str:
    """The embed as the posts reader reads it: ``text — Name (@handle) date link``, checked against
    the reader (a date it cannot read is left out; dashes in the text that would cut it are softened)."""
    text = tweet.text
    for when in (tweet.when, None):
        line = " ".join(p for p in (text, "—", tweet.author, f"(@{tweet.handle})", when, tweet.url) if p)
        match = match_signature(line)
        if match and match["handle"] == f"@{tweet.handle}" and match["pre"].strip() == text:
            return line
        text = re.sub(r"(?<!\S)(?:[—–]|--?)(?!\S)", "‐", tweet.text)
    return line


def _plain_text(title: str | None, body: str, tweets: list[Tweet]) -> tuple[str, set[int]]:
    """The text for the parser, and which embeds found their place in the extracted text: by their
    marker, else after the paragraph they followed (or before the one they preceded); the rest last."""
    entries: list[str | int] = []
    for raw in body.splitlines():
        for number, part in enumerate(_TOKEN_RE.split(raw)):
            if number % 2 and int(part) < len(tweets):
                entries.append(int(part))
            elif not number % 2 and part.strip():
                entries.append(part.strip())
    placed = {e for e in entries if isinstance(e, int)}
    for index, tweet in enumerate(tweets):
        if index not in placed:
            position = _anchored(entries, tweet)
            entries.insert(len(entries) if position is None else position, index)
            if position is not None:
                placed.add(index)
    lines = [title, ""] if title else []
    for entry in entries:
        lines += [BOUNDARY, _signature_line(tweets[entry])] if isinstance(entry, int) else [entry]
    return "\n".join(lines) + "\n", placed


def _anchored(entries: list[str | int], tweet: Tweet) -> int | None:
    """Where the embed goes among the extracted lines, found by the text around it on the page."""
    keys = [phrase_key(e) if isinstance(e, str) else "" for e in entries]
    if tweet.before:
        for number in range(len(keys) - 1, -1, -1):
            if tweet.before == keys[number] or tweet.before in keys[number]:
                return number + 1
    if tweet.after:
        for number, key in enumerate(keys):
            if tweet.after == key or tweet.after in key:
                return number
    return None


def _embeds_reported(scraped: Scraped, tweets: list[Tweet], placed: set[int]) -> Scraped:
    """The report says the posts came from the markup (their boundary is known, not guessed)."""
    guessed = [g for g in scraped.guessed if not g.startswith("embedded post boundary")]
    found = [f for f in scraped.found if not f.startswith("embedded post by ")]
    for index, tweet in enumerate(tweets):
        where = "" if index in placed else " (its place in the text was lost: put at the end)"
        found.append(f"embedded post by {tweet.author} (@{tweet.handle}) from the page's twitter embed{where}")
    dropped = tuple(d for d in scraped.dropped if d.text != BOUNDARY)
    candidates = tuple(c for c in scraped.candidates if c != phrase_key(BOUNDARY))
    return replace(scraped, found=tuple(found), guessed=tuple(guessed), dropped=dropped, candidates=candidates)
