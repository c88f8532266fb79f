"""Embedded posts a page flattened without their signature line, and signature dates in other languages.

A scraped embed usually ends with "— Name (@handle) Date" (``posts``). Some pages lose that
line and leave the post's text alone, in one of two shapes:

- the text ending with the post's short link (``… كرامة https://t.co/AbC123``): only X writes
  ``t.co`` links, so a paragraph ending in one is the post's text, not the article's;
- in an Arabic article, a paragraph in Latin script with a handle or a hashtag in it, right
  after the article says a tweet was written (``وكتب الوزير في التغريدة …``): the article
  quotes the tweet in translation, then the page shows the tweet itself.

Either becomes a ``::: post`` whose author the page does not give: the editor is asked for it.
The signature's date, for its part, is written in the language of the reader who saved the
page (``28 de marzo de 2017``, ``3. März 2021``): those month names are read here, for
signatures only, so that they never turn an ordinary line into a date line.
"""

from __future__ import annotations

import re
from datetime import date

from .model import ScrapedPost
from .spelling import text_script
from .state import Item, Line, Run

UNKNOWN_AUTHOR = "?"
"""The author of a post whose signature the page lost: a mark for the editor to replace."""

_SHORT_LINK_END_RE = re.compile(r"\s(?P<link>(?:https?://)?t\.co/\w+)\s*$", re.IGNORECASE)
_HANDLE_OR_TAG_RE = re.compile(r"(?<!\w)[@#][A-Za-z_]\w{1,30}")
_TWEETED_RE = re.compile(r"تغريد|غرد|تويتر|تويت|منصة إكس|حسابه على|حسابها على")
TWEET_CHARS = 280
LATIN_POST_WORDS = 8
"""Fewest words of a Latin paragraph taken for a quoted tweet (a name or a title is shorter)."""

_FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "enero janeiro gennaio januar jänner januari ocak января",
            "febrero fevereiro febbraio februar februari şubat февраля",
            "marzo março marco märz maart maret mart марта",
            "abril aprile april nisan апреля",
            "mayo maio maggio mai mei mayıs мая",
            "junio junho giugno juni haziran июня",
            "julio julho luglio juli temmuz июля",
            "agosto august augustus agustus ağustos августа",
            "septiembre setiembre setembro settembre september eylül сентября",
            "octubre outubro ottobre oktober ekim октября",
            "noviembre novembro novembre november kasım ноября",
            "diciembre dezembro dicembre dezember december desember aralık декабря",
        ),
        start=1,
    )
    for name in names.split()
}
_FOREIGN_DATE_RE = re.compile(
    r"^(?P<day>\d{1,2})\.?\s+(?:de\s+)?(?P<month>[^\W\d]+)\.?\s+(?:de\s+)?(?P<year>\d{4})(?:\s*г\.?)?$"
)


def foreign_day(when: str) -> date | None:
    """``28 de marzo de 2017``, ``3. März 2021``, ``5 октября 2020 г.``: a signature's date in a language
    the date lines do not read, or None."""
    match = _FOREIGN_DATE_RE.match(when.strip().lower())
    month = _FOREIGN_MONTHS.get(match["month"]) if match else None
    if match is None or month is None:
        return None
    try:
        return date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return None


def unsigned_post(run: Run, index: int, signed_next: bool) -> int | None:
    """Take the line at ``index`` as a post without its signature when it has one of the two shapes;
    ``signed_next`` says the next line is a signature (then that line gathers the post)."""
    line = run.lines[index]
    if signed_next or not run.body_started():
        return None
    link = _SHORT_LINK_END_RE.search(line.text)
    if link and _fits(line.text):
        _add(run, line, line.text[: link.start()].strip(), link["link"], "it ends with the post's t.co link")
        return index + 1
    if _quoted_tweet(run, line.text):
        _add(run, line, line.text, None, "a Latin paragraph with a handle or a hashtag after the tweet is named")
        return index + 1
    return None


def _fits(text: str) -> bool:
    return len(text) <= TWEET_CHARS + 40 and len(text.split()) >= 3


def _quoted_tweet(run: Run, text: str) -> bool:
    previous = run.items[-1] if run.items else None
    return (
        run.lang == "ar"
        and previous is not None
        and previous.post is None
        and text_script(text) == "latin"
        and len(text.split()) >= LATIN_POST_WORDS
        and len(text) <= TWEET_CHARS + 40
        and bool(_HANDLE_OR_TAG_RE.search(text))
        and bool(_TWEETED_RE.search(previous.text))
    )


def _add(run: Run, line: Line, text: str, link: str | None, why: str) -> None:
    from .posts import post_block  # posts reads signatures with this module's dates

    lang = {"arabic": "ar", "latin": "en"}.get(text_script(text), run.lang)
    url = link if not link or link.lower().startswith("http") else "https://" + link
    post = ScrapedPost(author=UNKNOWN_AUTHOR, handle=None, date=None, url=url, lang=lang, text=text)
    run.items.append(Item(line.number, line.number, post_block(post), post=post))
    run.found.append(f"embedded post without its signature line (line {line.number}): {why}")
    run.warn(
        line.number,
        1,
        "embedded post without its signature line: write the account's name in author (and its handle)",
    )
