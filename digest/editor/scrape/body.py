"""The article's own text: paragraphs collected, cut sentences rejoined, Markdown made safe.

Scrapers drop inline links and leave a sentence split in two ("وكالة" / "، إن…"),
keep stray links, and pass on characters that Markdown would read as syntax. This
module repairs what it safely can, warns about what an editor should look at, and
writes the body as Markdown paragraphs.
"""

from __future__ import annotations

import re

from .spelling import URL, column, ends_sentence
from .state import Item, Line, Run

SHORT_LINE_WORDS = 3
_CUT_STARTS = "،,؛;"


def md_escape(text: str) -> str:
    """Keep scraped text from turning into Markdown syntax: list markers, headings, ``:::`` blocks, ``[[``."""
    text = re.sub(r"^(#{1,6}(?=\s|$)|>|:::|[-*+](?=\s))", r"\\\1", text)
    text = re.sub(r"^(\d{1,9})([.)])(?=\s|$)", r"\1\\\2", text)
    return text.replace("[[", "\\[[")


def add_paragraph(run: Run, line: Line) -> None:
    """A body line; one starting with a comma continues the paragraph before it when nothing came between."""
    text = line.text
    if text[0] in _CUT_STARTS and run.items and run.items[-1].post is None:
        previous = run.items[-1]
        if run.only_blank_between(previous.last, line.number):
            _join_cut(run, previous, line)
            return
    if text[0] in _CUT_STARTS:
        run.warn(line.number, column(line.raw, text[0]), f"line starts with {text[0]!r}: the text before it is missing")
    run.items.append(Item(line.number, line.number, text))


def _join_cut(run: Run, previous: Item, line: Line) -> None:
    """Join a sentence cut where a link was removed; "…" marks lost words after a word."""
    text = line.text
    glue = " …" if previous.text[-1].isalnum() else ""
    joined = previous.text + glue + text
    run.items[-1] = Item(previous.first, line.number, joined, joined=True)
    shown = " ".join(previous.text.split()[-2:]) + glue + " ".join(text.split()[:3])
    run.warn(
        line.number,
        column(line.raw, text[0]),
        f"sentence cut where a link was probably removed (line {previous.last} ends without punctuation, "
        f"this line starts with {text[0]!r}): joined as '{shown}'",
    )
    run.guessed.append(
        f"cut sentence at lines {previous.last}–{line.number} joined"
        + (" with '…' marking the lost words" if glue else "")
    )


def check_paragraph(run: Run, item: Item) -> None:
    """Warnings an editor should look at: leftover links and very short orphan lines."""
    for number in range(item.first, item.last + 1):
        raw = run.lines[number - 1].raw
        for match in URL.finditer(raw):
            run.warn(number, match.start() + 1, f"leftover link in the body text: {match[0]}")
    words = item.text.split()
    if not item.joined and len(words) <= SHORT_LINE_WORDS and len(item.text) <= 30 and not ends_sentence(item.text):
        run.warn(item.first, 1, f"very short line {item.text!r}: a cut sentence or a subheading?")


def body_text(items: list[Item]) -> str:
    """The body as Markdown: escaped paragraphs and ready-made ``::: post`` blocks, a blank line apart."""
    return "\n\n".join(item.text if item.post else md_escape(item.text) for item in items)


def describe_body(items: list[Item], post_count: int) -> str:
    """``body: 3 paragraphs and 1 embedded post (lines 5–20)`` for ``found``."""
    count = len(items) - post_count
    with_posts = f" and {post_count} embedded post{'s' if post_count != 1 else ''}" if post_count else ""
    first, last = items[0].first, items[-1].last
    where = f"lines {first}–{last}" if last != first else f"line {first}"
    return f"body: {count} paragraph{'s' if count != 1 else ''}{with_posts} ({where})"
