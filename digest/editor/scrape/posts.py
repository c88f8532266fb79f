"""Embedded social-media posts: found by their signature line, gathered backwards, written as ``::: post``.

A scraped embed leaves only its text and a "— Name (@handle) Date" line; where the
post began is lost. Paragraphs are taken backwards while they could still be one
post (same script, within the length X allows, not the article's own narration),
and the boundary chosen is reported so an editor can move it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .body import md_escape
from .dates import calendar_date
from .model import ScrapedPost
from .spelling import CLOSERS, URL, text_script
from .state import Item, Line, Run
from .unsigned import foreign_day

TWEET_LIMIT = 280
TWEET_LINK_WEIGHT = 23
"""X counts every link as 23 characters (t.co), whatever its written length."""

_SIGNATURE_RE = re.compile(
    r"^(?P<pre>.*?)(?:^|\s)(?:[—–]|--?)\s*(?P<author>[^()\n—–]{1,80}?)\s*\(\s*(?P<handle>@[A-Za-z0-9_]{1,30})\s*\)"
    r"\s*(?P<when>[^()]{0,60}?)\s*(?P<link>(?:https?://)?(?:www\.)?(?:twitter\.com|x\.com|t\.co)/\S*)?\s*$",
    re.IGNORECASE,
)
_GLUED_RE = re.compile(
    r"^(?P<pre>.*?)(?:^|\s)(?:[—–]|--?)\s*(?P<author>[^()\n—–]{1,80}?)\s*\(\s*(?P<handle>@[A-Za-z0-9_]{1,30})\s*\)"
    r"\s*(?P<when>(?:[A-Za-z\u0621-\u064a]+\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Za-z\u0621-\u064a]+\.?,?\s+\d{4}))"
    r"\s*(?P<link>(?:https?://)?(?:www\.)?(?:twitter\.com|x\.com|t\.co)/\S*)?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
"""A signature whose line goes on with the article's next paragraph (the embed's closing tag was lost):
only a signature with a date ends where it can be told; the rest of the line is the article's."""
_STATUS_URL_RE = re.compile(
    r"(?:https?://)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com)/(?:i/web|\w+)/status(?:es)?/\d+\S*", re.I
)
_MEDIA_LINK_RE = re.compile(r"\s*(?:https?://)?pic\.twitter\.com/\S+", re.IGNORECASE)
_MEDIA_AT_END_RE = re.compile(r"(?:https?://)?pic\.twitter\.com/\S+\s*$", re.IGNORECASE)
_TRAILING_TCO_RE = re.compile(r"\s*(?:https?://)?t\.co/\S+\s*$", re.IGNORECASE)
_NARRATION_RE = re.compile(r"^و[\u0621-\u064a]{2,}")


@dataclass
class _Span:
    """The paragraphs taken for one post so far, walking backwards from its signature line."""

    chosen: list[Item]
    weight: int
    script: str
    start: int
    reason: str = "the start of the text"


def match_signature(text: str) -> re.Match[str] | None:
    """The "— Name (@handle) Date" match when ``text`` ends with a post signature (a date, if any, must read),
    or when a dated signature is followed by the article's next paragraph on the same line (group ``rest``)."""
    if "(@" not in text and "( @" not in text:
        return None
    signature = _SIGNATURE_RE.match(text)
    if signature and (not signature["when"].strip() or signature_day(signature["when"])):
        return signature
    glued = _GLUED_RE.match(text)
    if glued and signature_day(glued["when"]) and not _STATUS_URL_RE.match(glued["rest"]):
        return glued
    return None


def signature_day(when: str) -> date | None:
    """The day a signature gives, in the languages date lines read or in another (``28 de marzo de 2017``)."""
    return calendar_date(when) or foreign_day(when)


_CONSENT_RE = re.compile(r"cookie|consent|ملفات تعريف الارتباط|الكوكيز|javascript", re.IGNORECASE)


def embed_placeholder(text: str) -> str | None:
    """The post's link when ``text`` is what a page shows in place of an embed it did not load: the
    post's address followed by a notice about cookies, consent or scripts. The post's text is not in
    the page, so there is nothing to keep but its address."""
    match = _STATUS_URL_RE.match(text)
    if match is None or not _CONSENT_RE.search(text[match.end() :]):
        return None
    return _absolute(match[0])


_BARE_STATUS_RE = re.compile(
    r"^(?:https?://)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com)/(?P<handle>[A-Za-z0-9_]{1,30})/status(?:es)?/\d+/?"
    r"(?:\?\S*)?$",
    re.IGNORECASE,
)


def bare_status(text: str) -> str | None:
    """The account's handle when ``text`` is only a post's address: what a page leaves of an embed
    it did not draw. The address names the account; the post's words are not in the page."""
    match = _BARE_STATUS_RE.match(text.strip())
    if match is None or match["handle"].lower() in ("i", "intent", "share", "home", "search", "hashtag"):
        return None
    return "@" + match["handle"]


def take_bare_status(run: Run, line: Line, handle: str) -> None:
    """A post card in the embed's place (the account and the link), its text asked of the editor."""
    url = _absolute(line.text.strip())
    post = ScrapedPost(author=handle, handle=handle, date=None, url=url, lang=run.lang, text="")
    run.items.append(Item(line.number, line.number, post_block(post), post=post))
    run.found.append(f"embedded post by {handle}, only its address in the page (line {line.number})")
    run.warn(
        line.number,
        1,
        f"embedded post by {handle} with only its address in the page: paste its text and the account's "
        "name into the '::: post' block",
    )


def take_placeholder(run: Run, line: Line, url: str) -> None:
    """Leave the notice out and say where the post was, so the editor can paste it as a ``::: post``."""
    run.drop(line.number, line.text, "the page's notice in place of an embedded post it did not load")
    run.warn(
        line.number,
        1,
        f"an embedded post the page did not show: its text is not in the page; paste it as a '::: post' block "
        f"(see docs/format.md) from {url}",
    )


def is_media_only(text: str) -> bool:
    """A post text that is only a picture link (``pic.twitter.com/…``): the whole of a picture-only post."""
    return bool(_MEDIA_LINK_RE.search(text)) and not _MEDIA_LINK_RE.sub("", text).strip()


def ends_with_media(text: str) -> bool:
    """X puts a post's picture link at the end of its text: a paragraph ending so ends a post."""
    return bool(_MEDIA_AT_END_RE.search(text))


def tweet_weight(text: str) -> int:
    """Length as X counts it: links 23 each, most emoji and CJK 2, joiners and variation selectors 0."""
    links = len(URL.findall(text))
    weight = TWEET_LINK_WEIGHT * links
    for char in URL.sub("", text):
        code = ord(char)
        if code in (0x200D, 0xFE0E, 0xFE0F):
            continue
        narrow = code <= 0x10FF or 0x2000 <= code <= 0x200D or 0x2010 <= code <= 0x201F or 0x2032 <= code <= 0x2037
        weight += 1 if narrow else 2
    return weight


def take_post(run: Run, line: Line, signature: re.Match[str]) -> None:
    """Turn the paragraphs just before a "— Name (@handle) Date" line into an embedded post.

    Scrapes keep no trace of where the embed began, so paragraphs are taken
    backwards while they could still be one post: same script, together within
    the length X allows, not an introduction ending with ":".
    """
    span = _gather(run, line, signature["pre"].strip())
    paragraphs = [c.text for c in reversed(span.chosen)]
    post = _make_post(run, signature, paragraphs, span.script)
    first = span.start if span.chosen else line.number
    if not paragraphs:
        run.warn(line.number, 1, "embedded post with no text before its signature line")
    elif span.weight > TWEET_LIMIT:
        run.warn(first, 1, f"embedded post longer than {TWEET_LIMIT} characters: check where it begins")
    run.items.append(Item(first, line.number, post_block(post), post=post))
    run.found.append(f"embedded post by {post.author} ({post.handle}) (lines {first}–{line.number})")
    count = len(paragraphs)
    run.guessed.append(
        f"embedded post boundary: {count} paragraph{'s' if count != 1 else ''} before line {line.number}, "
        f"from line {first}; stopped at {span.reason}"
    )
    if post.date is None and signature["when"].strip():
        run.warn(line.number, 1, f"post date {signature['when'].strip()!r} not understood")
    rest = signature.groupdict().get("rest")
    if rest:
        _split_off(run, line, rest)


def _split_off(run: Run, line: Line, rest: str) -> None:
    """The article's paragraph that followed the signature on its line becomes a paragraph of its own;
    the line's post part is blanked (columns kept) so the line's later checks see only the paragraph."""
    start = line.raw.find(rest)
    if start > 0:
        run.lines[line.number - 1] = Line(line.number, " " * start + line.raw[start:], rest)
    run.items.append(Item(line.number, line.number, rest))
    run.found.append(f"the article's paragraph glued to the post's signature on line {line.number}: split off")


def _gather(run: Run, line: Line, pre: str) -> _Span:
    """Take body paragraphs, last first, into the post while they fit; they leave the body."""
    span = _Span(
        chosen=[Item(line.number, line.number, pre)] if pre else [],
        weight=tweet_weight(pre) if pre else 0,
        script=text_script(pre) if pre else "none",
        start=line.number,
    )
    taken = 0
    if pre and is_media_only(pre):
        span.reason = "the signature line, which holds only a picture link (a post with only a picture)"
        return span
    for item in reversed(run.items):
        stop = _post_stop(run, item, span)
        if stop:
            span.reason = stop
            break
        span.weight = span.weight + 2 + tweet_weight(item.text) if span.chosen else tweet_weight(item.text)
        span.script = span.script if span.script != "none" else text_script(item.text)
        span.chosen.append(item)
        span.start, taken = item.first, taken + 1
    if taken:
        del run.items[-taken:]
    return span


def _post_stop(run: Run, item: Item, span: _Span) -> str | None:
    """Why ``item`` cannot belong to the post that begins at line ``span.start``, or None when it can."""
    if item.post is not None:
        return f"the post ending at line {item.last}"
    if not run.only_blank_between(item.last, span.start):
        return f"a non-paragraph line before line {span.start}"
    if item.text.endswith((":", "：")):
        return f"line {item.last}, which introduces the post"
    if not span.chosen:
        return None
    if ends_with_media(item.text):
        return f"line {item.last}, which ends with another post's picture link"
    if "none" not in (span.script, text_script(item.text)) and text_script(item.text) != span.script:
        return f"line {item.last}, which is in another script"
    if span.weight + 2 + tweet_weight(item.text) > TWEET_LIMIT:
        return f"line {item.last}, which would make the post longer than {TWEET_LIMIT} characters"
    if item.joined:
        return f"line {item.last}, a repaired sentence of the article"
    if item is run.items[0]:
        return f"line {item.last}, the article's first paragraph"
    if _NARRATION_RE.match(item.text) and item.text.rstrip(CLOSERS).endswith("."):
        return f"line {item.last}, which reads as the article's narration (a sentence opening with و)"
    return None


def _make_post(run: Run, signature: re.Match[str], paragraphs: list[str], script: str | None) -> ScrapedPost:
    """The post's fields; its language is that of its script, or the article's when the script says nothing."""
    url, cleaned = _links(signature["link"], paragraphs)
    day = signature_day(signature["when"]) if signature["when"].strip() else None
    lang = {"arabic": "ar", "latin": "en"}.get(script or "", run.lang)
    if script not in ("arabic", "latin") and any(cleaned):
        run.guessed.append(f"embedded post language not clear from its script: {lang} assumed")
    return ScrapedPost(
        author=signature["author"].strip(),
        handle=signature["handle"],
        date=day.isoformat() if day else None,
        url=_absolute(url) if url else None,
        lang=lang,
        text="\n\n".join(p for p in cleaned if p),
    )


def _links(link: str | None, paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The url and the paragraphs: media links leave the text and become the url unless a status link is known."""
    status = next((m[0] for p in (link or "", *paragraphs) for m in [_STATUS_URL_RE.search(p)] if m), None)
    media = next((m[0].strip() for p in paragraphs for m in [_MEDIA_LINK_RE.search(p)] if m), None)
    cleaned = [_MEDIA_LINK_RE.sub("", p).strip() for p in paragraphs]
    if cleaned:
        tco = _TRAILING_TCO_RE.search(cleaned[-1])
        if tco:
            media = media or tco[0].strip()
            cleaned[-1] = cleaned[-1][: tco.start()].strip()
    return status or link or media, cleaned


def _absolute(url: str) -> str:
    return url if re.match(r"^https?://", url, re.I) else "https://" + url


def _quote_attr(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def post_block(post: ScrapedPost) -> str:
    """The ``::: post …`` block for the body, attributes quoted as docs/format.md shows."""
    attrs = [f"author={_quote_attr(post.author)}"]
    if post.handle:
        attrs.append(f"handle={_quote_attr(post.handle)}")
    if post.date:
        attrs.append(f"date={post.date}")
    attrs.append(f"lang={post.lang}")
    attrs.append("platform=x")
    if post.url:
        attrs.append(f"url={_quote_attr(post.url)}")
    text = "\n\n".join(md_escape(p) for p in post.text.split("\n\n")) if post.text else ""
    return f"::: post {' '.join(attrs)}\n{text}\n:::" if text else f"::: post {' '.join(attrs)}\n:::"
