"""Page furniture among the body lines: judged by what a line is like, not by a list of phrases.

Every outlet has its own captions, counters, bylines and prompts, so the line readers
(``lines``, ``meta``, ``credits``) can never list them all. Once the readers have
collected the body, this pass looks at each paragraph's features and at its place:

- shape: an image file name, ``A+ A-`` buttons, a counter (``0 تعليق``), an issue
  header (``العدد : ١٧٠٤٧``), a byline (``كتب : وكالات``), an app-download prompt, a
  template placeholder (``#2#``), a caption with its ``©`` credit, a Latin name alone in
  an Arabic text (``M.Adam``, a photographer);
- repetition: the headline again, a line printed twice, a line this outlet prints on
  every page (its profile, ``furniture``);
- place (``edges``): what stands above the headline, a list of other headlines before
  the first punctuated paragraph, the text after the headline printed again below the
  article, and before the first sentence or after the last a line that is not a
  sentence (a caption, a label, a byline, a prompt or a form); beside the photo credit,
  a short unpunctuated line is its caption.

Nothing disappears silently: each dropped line is recorded with its reason
(``Run.drop``) for the import report. A paragraph cut in two by a line break (the first
part ends in a preposition or a conjunction) is joined again and said so.
"""

from __future__ import annotations

import re

from .dates import DateLine, calendar_date, is_date_label
from .datewords import MONTHS, WEEKDAYS
from .edges import (
    above_headline,
    after_repeated_headline,
    caption_key,
    comment_section,
    headline_list,
    is_sentence,
    repeated_keys,
    second_headline,
    trim_edges,
)
from .lines import quote_open
from .meta import take_dates
from .shape import ends_like_sentence, is_latin_name, is_placeholder, tag_line_items
from .spelling import alternation, ends_sentence, fold, has_letter, phrase_key, phrase_keys, phrase_table, script_of
from .state import Item, Run
from .tags import add_unlabelled
from .when import date_fold, read_when

_FILE_NAME = r"[\w\-.%()]+\.(?:jpe?g|png|gif|webp|avif|bmp|svg|mp4)"
_FILE_ALONE_RE = re.compile(rf"^{_FILE_NAME}$", re.I)
_FILE_GLUED_RE = re.compile(rf"(?:(?<=\s)|(?<=[.!?؟»\"”]))(?:\s*{_FILE_NAME})+$", re.I)
_FONT_BUTTONS_RE = re.compile(r"^(?:[Aaأا][+\-−]?\s*){2,4}$")
_COUNTER_RE = re.compile(
    r"^(?:[\d٠-٩۰-۹,.]+\s*(?:تعليق|تعليقات|مشاهده|مشاهدات|قراءه|قراءات|مشاركه|مشاركات|اعجاب|comments?|views?|shares?|likes?)"
    r"|(?:التعليقات|المشاهدات|عدد القراءات|عدد المشاهدات|قراءات|مشاهدات|comments|views)\s*[:(]?\s*[\d٠-٩۰-۹,.]+\)?)$",
    re.I,
)
_ISSUE_RE = re.compile(r"(?:^|\s)العدد\s*[:：]?\s*[\d٠-٩۰-۹]{2,}")
_BYLINE_RE = re.compile(
    r"^(?:كتب|كتبت|كتبه|بقلم|اعداد|تحرير|ترجمه|متابعه|تقرير|مراسل|مراسله|حوار|by|written by|reporting by)"
    r"\s*(?:[:：\-–—]\s*|\s)\S.{0,50}$",
    re.I,
)
_APP_RE = re.compile(
    r"(?:حمل|حمّل|نزل|نزّل|تحميل|download|install).{0,30}(?:تطبيق|app\b)|(?:تطبيق|app\b).{0,30}(?:متجر|store|play)", re.I
)
_FOLLOW_RE = re.compile(
    r"^(?:تابع|تابعوا|تابعونا|لمتابعه|للمزيد من|اشترك|انضم|انضموا|follow|subscribe|join)\b.{0,80}$", re.I
)
_CHANNELS = (
    "قناه",
    "واتساب",
    "تلغرام",
    "تليجرام",
    "تيليجرام",
    "يوتيوب",
    "فيسبوك",
    "تويتر",
    "انستغرام",
    "نبض",
    "جوجل",
    "google",
)
_OPEN_ENDS = phrase_keys("""
    في | من | على | الى | عن | ان | أن | إن | مع | او | ثم | التي | الذي | الذين | بين | حول | خلال | بعد | قبل
    حتى | لكن | و | بان | لان | انه | انها | منذ | عبر | ضد | نحو | لدى | وفي | ومن | وعلى
""")
_WIRE_END_RE = re.compile(r"(?<=[.!?؟\"»”)])[\s/(\-ـ]*(?:(?:انتهى|انتهي|NNNN)\b.{0,60}|يتبع[\s.…]*)$", re.S)
"""A wire service's end mark glued after the last sentence: ``… النسبي.انتهى/س``, ``// انتهى // 22:01 ت م NNNN``,
``… المروحية. يتبع..`` (more follows, in a later dispatch)."""
_WIRE_MARK_LINE_RE = re.compile(r"^[\s/(\-ـ]*(?:انتهى|انتهي|يتبع)[\s.…/)\-ـ]*$")
"""The end mark on a line of its own."""
_AGENCY_END_RE = re.compile(
    r"(?:(?<=[.!?؟\"»”])|\s|^)(?:\.{2,}|…)?\s*\((?P<name>[^()\d.،,:؛!?؟\-–—]{2,25})\)\s*(?:\.{2,}|…)?$"
)
"""An agency's name in brackets closing a paragraph: ``… لاحقا.(وان)``, ``… صباح الخميس (وان)``."""
AGENCY_END_REASON = "an agency's credit in brackets closing a paragraph"
"""How the credit is listed among the dropped lines (``origin`` reads the source back from it)."""
_CODE_RE = re.compile(
    r"[#.]?[\w\-]+[^{}]*\{\s*(?:[\w\-]+\s*:\s*[^{};]+;?\s*)+\}"  # .epaper-widget{margin-top: 20px}
    r"|(?:^|[;{}\s])(?:function\s*\(|var\s+\w+\s*=|window\.\w+|document\.\w+|googletag\.|\(adsbygoogle)"
)
"""A style rule (``.widget{margin-top: 20px;}``) or a script statement: the page's CSS or JavaScript
that a scrape printed as text, which no Arabic sentence is shaped like."""
_WIDGET_LABEL_RE = re.compile(r"^(?:tweets\s+by|posts\s+by|تغريدات(?:\s+بواسطه|\s+من)?)\s+@?[\w.]+$", re.I)
"""``Tweets by alrai``: the link a timeline widget shows where its posts would load."""
_NAVIGATION_RE = re.compile(
    r"(?<=[.!?؟\"»”)])\s*(?:(?:"
    + alternation(phrase_table("شارك | شارك الخبر | مشاركه | share"))
    + r")\s+)?(?:"
    + alternation(phrase_table("تصفح المقالات | تصفح المقال | التنقل بين المقالات | post navigation"))
    + r").*$",  # the next title may be glued to the label
    re.S | re.I,
)
"""The post navigation that blog themes print under an article (``تصفّح المقالات``, then the
previous and the next article's titles, perhaps after the share button's ``شارك``), glued to the
last sentence where a scrape lost the line breaks: everything from the label on is the page's,
not the article's."""

_LEAD_SEPARATOR_RE = re.compile(r"\s[-–—]\s")
LEAD_WORDS = 16
"""Most words of a dateline glued before the first sentence (``الاسم - المدينة في الثلاثاء 20 يناير 2026 - ``)."""
CAPTION_WORDS = 25
"""Longest unpunctuated line still taken for the caption beside a photo credit."""


def sort_out(run: Run) -> None:
    """Drop the furniture from ``run.items`` (recording each line and why), then rejoin cut paragraphs."""
    kept: list[Item] = []
    seen: set[str] = set()
    title = phrase_key(run.title) if run.title else None
    items = after_repeated_headline(run, above_headline(run, run.items))
    repeated = repeated_keys(items)
    for item in items:
        if item.post is not None:
            kept.append(item)
            continue
        item = _without_file_names(run, item)
        key = phrase_key(item.text)
        reason = _reason(run, item, key, title, seen)
        if reason:
            run.drop(item.first, item.text, reason)
        else:
            kept.append(item)
        seen.update((key, caption_key(item.text)))
    kept = comment_section(run, headline_list(run, kept))
    kept = trim_edges(run, _tags_after_last_sentence(run, kept, repeated), repeated)
    kept = second_headline(run, kept)
    _without_lead_dateline(run, kept)
    _without_wire_end(run, kept)
    _without_navigation(run, kept)
    _agency_in_closing_brackets(run, kept)
    run.items = _rejoined(run, kept)


def _tags_after_last_sentence(run: Run, items: list[Item], repeated: set[str]) -> list[Item]:
    """After the last sentence, a line of comma-separated keywords without a label is the tag list
    (unless the last sentence ends in ``:``, introducing it)."""
    sentences = [i for i, item in enumerate(items) if item.post is None and is_sentence(item.text, repeated)]
    if not sentences or items[sentences[-1]].text.rstrip(" \"'»”’)]").endswith(":"):
        return items
    kept = items[: sentences[-1] + 1]
    for item in items[sentences[-1] + 1 :]:
        found = tag_line_items(item.text) if item.post is None and item.first == item.last else None
        if found is None:
            kept.append(item)
            continue
        line = run.lines[item.first - 1]
        add_unlabelled(run, [(found, line)], "a line of comma-separated keywords without a label, after the article")
    return kept


def _without_lead_dateline(run: Run, items: list[Item]) -> None:
    """A dateline glued before the first sentence: dropped, and its date taken when the text has no other."""
    first = next((i for i, item in enumerate(items) if item.post is None), None)
    if first is None:
        return
    item = items[first]
    for match in reversed(list(_LEAD_SEPARATOR_RE.finditer(item.text[:200]))):
        head, rest = item.text[: match.start()], item.text[match.end() :]
        if len(head.split()) > LEAD_WORDS or len(rest.split()) < 3 or calendar_date(head) is None:
            continue
        run.drop(item.first, head, "a dateline glued before the first sentence")
        if run.published is None:
            when = read_when(date_fold(head))
            if when is not None:
                take_dates(run, run.lines[item.first - 1], DateLine(when, None))
        items[first] = Item(item.first, item.last, rest, None, item.joined)
        return


def _without_wire_end(run: Run, items: list[Item]) -> None:
    """A wire service's end mark after the last sentence, cut off and listed; on a line of
    its own (``يتبع..``), the line dropped."""
    last = next((i for i in range(len(items) - 1, -1, -1) if items[i].post is None), None)
    if last is not None and _WIRE_MARK_LINE_RE.match(items[last].text):
        run.drop(items[last].first, items[last].text, "a wire service's end mark")
        del items[last]
    _cut_last(run, items, _WIRE_END_RE, "a wire service's end mark")


def _without_navigation(run: Run, items: list[Item]) -> None:
    """The post navigation glued after the last sentence, cut off and listed."""
    _cut_last(run, items, _NAVIGATION_RE, "the post navigation (the previous and next articles)")


def _cut_last(run: Run, items: list[Item], pattern: re.Pattern[str], reason: str) -> None:
    """What ``pattern`` finds closing the last paragraph (not the whole of it), cut off and listed."""
    last = next((i for i in range(len(items) - 1, -1, -1) if items[i].post is None), None)
    if last is None:
        return
    item = items[last]
    match = pattern.search(item.text)
    if match and match.start() > 0:
        run.drop(item.last, match[0].strip(), reason)
        items[last] = Item(item.first, item.last, item.text[: match.start()].rstrip(), None, item.joined)


def _agency_in_closing_brackets(run: Run, items: list[Item]) -> None:
    """``… لاحقا.(وان)`` ending the article, or ``… صباح الخميس (وان)`` ending its first paragraph: the
    agency the story came from, as wires sign it. Cut off the last paragraph (it is not the article's
    sentence); left in the first, where it closes the dateline's sentence, and listed either way."""
    paragraphs = [i for i, item in enumerate(items) if item.post is None]
    for at in dict.fromkeys(paragraphs[-1:] + paragraphs[:1]):
        item = items[at]
        match = _AGENCY_END_RE.search(item.text)
        if not match or len(match["name"].split()) > 2 or not has_letter(match["name"]):
            continue
        before = item.text[: match.start()]
        alone = not has_letter(before)  # ``...(وال ) ...`` on a line of its own
        if (alone and at != paragraphs[-1]) or (at != paragraphs[-1] and not _dated_before(before)):
            continue  # inside the article, a name in brackets is an aside (an acronym) unless a day precedes it
        credit = item.text.strip() if alone else match[0].strip()
        run.drop(item.last, credit, f"{AGENCY_END_REASON} ({match['name'].strip()})")
        if alone:
            del items[at]
        elif at == paragraphs[-1]:
            items[at] = Item(item.first, item.last, before.rstrip(), None, item.joined)
        return


def _dated_before(text: str) -> bool:
    """The words before the brackets end with a day, as a wire's dateline does (``… الخميس``, ``… 5 آذار``)."""
    words = date_fold(text).split()
    last = words[-1] if words else ""
    return last in WEEKDAYS or last in MONTHS or last in ("اليوم", "امس") or last.isdigit()


def _reason(run: Run, item: Item, key: str, title: str | None, seen: set[str]) -> str | None:
    """Why the paragraph is furniture by its own features, or None."""
    text = item.text
    folded = fold(text)
    words = text.split()
    if not key:
        return "no words"
    if title and key == title:
        return "repeats the headline"
    if title and len(words) >= 3 and not ends_like_sentence(text) and f" {key} " in f" {title} ":
        return "repeats part of the headline"
    if len(words) <= CAPTION_WORDS and _credited_caption(run, item):
        return "a photo caption with its credit (©)"
    if (key in seen or caption_key(text) in seen) and len(words) <= CAPTION_WORDS:
        return "printed twice"
    if is_placeholder(text):
        return "a template placeholder"
    if key.replace(" ", "").isdigit():
        return "a number alone (a counter without its label)"
    if _FILE_ALONE_RE.match(text):
        return "an image file name"
    if _CODE_RE.search(text) and script_of(text) == "latin":
        return "style or script code (the page's CSS or JavaScript printed as text)"
    if _WIDGET_LABEL_RE.match(folded):
        return "a timeline widget's label"
    if is_date_label(text):
        return "a date's label without its date"
    if _FONT_BUTTONS_RE.match(text):
        return "font-size buttons"
    if _COUNTER_RE.match(folded):
        return "a counter"
    if len(words) <= 12 and _ISSUE_RE.search(folded):
        return "an issue header"
    if len(words) <= 7 and not ends_sentence(text.rstrip(".")) and _BYLINE_RE.match(folded):
        return "a byline"
    if len(words) <= 20 and (
        _APP_RE.search(folded) or (_FOLLOW_RE.match(folded) and any(c in folded for c in _CHANNELS))
    ):
        return "a follow or app prompt"
    if len(words) <= CAPTION_WORDS and not ends_like_sentence(text) and _beside_credit(run, item):
        return "the caption beside the photo credit"
    if run.lang == "ar" and is_latin_name(text):
        return "a Latin name alone in an Arabic text (a photographer's credit)"
    return None


def _credited_caption(run: Run, item: Item) -> bool:
    """``جولة في أسواق المدينة © وكالة تجريبية``: a caption with its credit; the credit is kept when none was."""
    text = item.text
    cut = text.rfind("©")
    if cut <= 0 or ends_like_sentence(text[:cut].strip()) or not 1 <= len(text[cut + 1 :].split()) <= 4:
        return False
    if run.credit is None:
        run.credit = text[cut + 1 :].strip()
        run.credit_lines.append(item.first)
        run.found.append(f"image credit {run.credit!r} (line {item.first})")
    return True


def _without_file_names(run: Run, item: Item) -> Item:
    """A paragraph with an image file name glued to its end, given back without it."""
    match = _FILE_GLUED_RE.search(item.text)
    if not match or match.start() == 0:
        return item
    run.drop(item.last, match[0].strip(), "an image file name glued to the end of a paragraph")
    return Item(item.first, item.last, item.text[: match.start()].rstrip(), item.post, item.joined)


def _beside_credit(run: Run, item: Item) -> bool:
    return any(item.first == line + 1 or item.last == line - 1 for line in run.credit_lines)


def _rejoined(run: Run, items: list[Item]) -> list[Item]:
    """A paragraph ending in a preposition or conjunction continues on the next line: join them."""
    joined: list[Item] = []
    for item in items:
        previous = joined[-1] if joined else None
        if previous is not None and previous.post is None and item.post is None and _open_end(previous.text):
            text = f"{previous.text} {item.text}"
            joined[-1] = Item(previous.first, item.last, text, None, True)
            run.guessed.append(
                f"a line break inside a sentence (line {previous.last} ends with "
                f"{previous.text.split()[-1]!r}): lines {previous.last}–{item.first} joined"
            )
            continue
        joined.append(item)
    return joined


def _open_end(text: str) -> bool:
    """A paragraph that stops in the middle of its sentence: after a preposition or a
    conjunction, or inside a quotation it opened."""
    words = phrase_key(text).split()
    return len(words) >= 3 and not ends_sentence(text) and (words[-1] in _OPEN_ENDS or quote_open(text))
