"""The article's own outlet in its body: its name and its dateline are not mentions.

An outlet's name often holds a registered place (درب الأردن, صوت بيروت, أخبار ليبيا): the
story is not about Jordan because the site is called so. And a dateline that opens a
paragraph (``الخرطوم: نبض نيوز حطت …``, ``أبوظبي في الأول من ديسمبر /وام/ …``) says where
the dispatch was filed, not what it is about: annotating it would list every story filed
from a capital on that capital's page. So, given the article's source as its front matter
names it (``source.name``), both are left out of annotation:

- every occurrence of the source's name, as whole words;
- the run that opens a paragraph and ends with the source's name and what separates it
  from the sentence: the name first with a dash, colon, slash or bracket after it, or a
  place (at most six words, no sentence punctuation) with one of them before it. A sentence
  that merely names the outlet (``قال وزير خارجية الأردن لموقع درب الأردن``) keeps its names.
"""

from __future__ import annotations

import re

_OPENING_WORDS = 6
_STOPS = '.،,؛;!?؟«»"“”'
_AFTER_RE = re.compile(r"[\s\-–—ـ:/()\[\]]*")
_SEPARATOR_RE = re.compile(r"[\-–—ـ:/)\]]")
_SEPARATOR_END_RE = re.compile(r"[\-–—ـ:/(\[]\s*$")


def outlet_spans(body: str, outlet: str | None) -> list[tuple[int, int]]:
    """Character spans of ``body`` given over to the article's own outlet (see the module)."""
    name = " ".join((outlet or "").split())
    if len(name) < 2:
        return []
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(part) for part in name.split()) + r"(?!\w)")
    spans = [match.span() for match in pattern.finditer(body)]
    for start, end in list(spans):
        opening = _paragraph_opening(body, start)
        if opening is None:
            continue
        before = body[opening:start]
        tail = _AFTER_RE.match(body, end)
        after = tail.group() if tail else ""
        if len(before.split()) > _OPENING_WORDS or any(char in before for char in _STOPS):
            continue
        placed = bool(before.strip()) and bool(_SEPARATOR_END_RE.search(before))
        if placed or (not before.strip() and _SEPARATOR_RE.search(after)):
            spans.append((opening, end + len(after)))
    return spans


def _paragraph_opening(body: str, offset: int) -> int | None:
    """Where the paragraph holding ``offset`` begins, if it begins on the same line."""
    line_start = body.rfind("\n", 0, offset) + 1
    if line_start == 0:
        return 0
    previous = body.rfind("\n", 0, line_start - 1) + 1
    return None if body[previous : line_start - 1].strip() else line_start
