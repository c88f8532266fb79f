"""What a date line carries beside the date: a counter after it, a name or a byline before it.

Outlets print the date in one row with other things about the article: how often it was
read or commented on (``الأحد 12 أكتوبر 2025 - 1234 مشاهدة``, ``… | 3 دقائق للقراءة``), the
section or the place it is filed under, or the writer (``سياسة | 12 أكتوبر 2025``,
``القاهرة - 12 أكتوبر 2025``, ``الكاتب: فلان - 12 أكتوبر 2025``). This module only cuts such a
row into the date's part and the rest; ``dates`` decides whether the date's part is a date,
so a row is a date line only when what is left after the cut is nothing but a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .datewords import WEEKDAYS
from .spelling import alternation, phrase_key, phrase_table, tolerant

_COUNTED = alternation(
    phrase_table("""
        مشاهده | مشاهدات | المشاهدات | قراءه | قراءات | القراءات | للقراءه | زياره | زيارات | الزيارات
        تعليق | تعليقات | التعليقات | اعجاب | مشاركه | مشاركات | views | view | reads | comments | comment
        min read | mins read | minutes read | minute read
    """)
)
_MINUTES = alternation(phrase_table("دقيقه | دقائق | دقيقتان | دقيقتين | دقيقه واحده | min | mins | minutes"))
_THOUSANDS = alternation(phrase_table("الف | الاف"))
_NONE_YET = alternation(phrase_table("لا توجد | لا يوجد | بدون | no"))
_NUMBER = rf"(?<![\d.,])\d[\d.,]*\s*(?:[kKmMك](?!\w)|(?:{_THOUSANDS})(?!\w))?"
"""A count as printed: ``1234``, ``1,234``, ``9.6K``, ``12 ألف``."""
_COUNTER_RE = re.compile(
    rf"(?:\s*[|/•·،,\-–—]?\s*(?:"
    rf"(?:{_NUMBER}\s*|(?:{_NONE_YET})\s+)?(?:(?:{_MINUTES})\s+)?(?:{_COUNTED})(?!\w)"
    rf"|(?:عدد\s+)?(?:{_COUNTED})\s*[:：]?\s*{_NUMBER}"
    rf"|(?<![\d.,])\d{{1,3}}\s*(?:{_MINUTES})(?!\w)"
    rf"))+\s*$",
    re.IGNORECASE,
)
"""Counters closing the row: ``1234 مشاهدة``, ``0 تعليق``, ``لا توجد تعليقات``, ``3 دقائق للقراءة``,
``عدد القراءات: 450``, ``9.6K views``, ``5 min read``."""


def counter_splits(text: str) -> Iterator[tuple[str, str]]:
    """``(date part, counters)`` for each place counters closing the row may begin, the earliest first
    (in ``… 2025 تعليق`` the year could be the count: the caller keeps the first cut that leaves a date)."""
    start = 0
    while (match := _COUNTER_RE.search(text, start)) is not None:
        if match.start() > 0:
            yield text[: match.start()].rstrip(" |/•·،,-–—"), match[0].strip(" |/•·،,-–—")
        start = match.start() + 1


NAME_WORDS = 2
"""Most words of a section, a place or a name printed before the date on its row (``سياسة``,
``أخبار مصر``, ``رام الله``). A headline or a related story's title printed with its date
(``وزير الخارجية يصل القاهرة - 12 أكتوبر 2025``) is longer, and must not be read as a date line."""
_BEFORE_RE = re.compile(r"^(?P<name>[^\d:：/|()«»\"“”.،]{2,40}?)\s*(?:\||\s[-–—ـ]|[-–—ـ]\s)\s*(?P<date>\S.*)$")
"""A few words without digits, then a bar or a dash (a tatweel standing in for one), then the rest."""
_DATE_START_RE = re.compile(rf"^(?:\d|(?:{alternation(phrase_table('يوم'))}\s+)?(?:{alternation(WEEKDAYS)})(?!\w))")
"""How the date must begin after the name: with its digits or its weekday, never ``في`` or another word
(``قال الوزير - في 12 أكتوبر 2025`` is a sentence)."""


def name_split(text: str) -> tuple[str, str] | None:
    """``(name, date part)`` for ``سياسة | 12 أكتوبر 2025`` or ``القاهرة - 12 أكتوبر 2025``, or None."""
    match = _BEFORE_RE.match(text)
    if match is None or len(match["name"].split()) > NAME_WORDS or not _DATE_START_RE.match(match["date"]):
        return None
    return match["name"].strip(), match["date"]


_BY_WORDS = alternation(
    phrase_table("""
        نشر بواسطه | نشر من قبل | بواسطه | بقلم | كتب | كتبت | الكاتب | الكاتبه | المحرر | اعداد | by | posted by
    """)
)
_SENTENCE_WORDS = frozenset(phrase_table("كتب | كتبت | اعداد"))
"""By-words that also begin sentences (``أعداد الضحايا في 12 أكتوبر 2025``: "the numbers of the
victims", spelled as إعداد "prepared by" is once folded): before ``في`` they make a byline only with
a colon after them."""
_BYLINE_RE = re.compile(
    rf"^(?P<by>(?P<word>{_BY_WORDS})(?!\w)\s*(?P<colon>[:：])?\s*)(?P<rest>[^\d:：|]\S*(?:\s+\S+)*)$", re.IGNORECASE
)
BYLINE_NAME_WORDS = 6
"""Most words of the writer's name (``د. محمد بن عبد الله آل سعود``)."""
_BETWEEN_RE = re.compile(rf"^\s*(?:(?P<mark>[|\-–—ـ_/،,])|(?P<word>{tolerant('في')}|on)(?!\w))\s*", re.IGNORECASE)


def byline_splits(text: str) -> Iterator[tuple[str, str]]:
    """``(byline, date part)`` for each place the date may begin in ``الكاتب: فلان - 12 أكتوبر 2025``
    or ``نُشر بواسطة: فلان في الأحد 12 أكتوبر``: after one to six words of the name, with a bar, a dash
    or ``في`` between (left with the byline). Without a colon after the by-word the date must come after
    such a mark (``by the end of October 12, 2025`` is no byline), and after ``في`` only when the by-word
    begins no sentence (see ``_SENTENCE_WORDS``)."""
    match = _BYLINE_RE.match(text.strip())
    if match is None:
        return
    colon = bool(match["colon"])
    sentence_word = phrase_key(match["word"]) in _SENTENCE_WORDS
    words = match["rest"].split()
    for count in range(1, min(BYLINE_NAME_WORDS, len(words) - 1) + 1):
        name = " ".join(words[:count])
        if any(ch.isdigit() for ch in name):
            return
        after = " ".join(words[count:])
        between = _BETWEEN_RE.match(after)
        if between is None and not colon:
            continue
        if between is not None and between["word"] and sentence_word and not colon:
            continue
        date_part = after[between.end() :] if between else after
        if date_part:
            yield f"{match['by']}{name}".strip(), date_part
