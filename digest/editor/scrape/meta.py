"""Lines that describe the article rather than tell it: headline, byline, dateline, dates, source.

These become front-matter fields, so each is taken at most once, later copies are
listed as ignored, and whatever had to be inferred (a section label dropped, a time
read in the publication zone, a source taken from the dateline) is said in
``found``/``guessed`` for the editor to check.
"""

from __future__ import annotations

import re
from datetime import datetime

from .body import add_paragraph
from .dates import DateLine, Moment, date_line, describe, hijri_only, is_date_label, resolve
from .lines import TITLE_MAX, dated_banner, is_headline, is_marker, is_paragraph_like
from .shape import (
    addresses_reader,
    is_bullet,
    is_honorific_name,
    is_menu,
    is_name,
    is_place_and_name,
    is_site_name,
    section_prefix,
)
from .spelling import CLOSERS, fold, phrase_key, phrase_keys, script_of
from .state import Line, Run
from .when import When

_BYLINE_RE = re.compile(r"^(?:بقلم|كتب|كتبت|كتبه|كتابة|إعداد|اعداد|تحرير|ترجمة|مراسل|by)\s*[:：]?\s*\S", re.I)
_DATELINE_RE = re.compile(
    r"^(?P<place>[^\d:«»\"()\-–—]{2,30}?)\s*(?:[:：]|\s[-–—]|[-–—]\s)\s*(?P<outlet>[«\"(][^«»\"()]{2,40}[»\")]"
    r"|[^«»\"():\-–—]{2,40})$"
)
_KNOWN_OUTLETS = phrase_keys("""
    سكاي نيوز عربية | الجزيرة | الجزيرة نت | الشرق الأوسط | اليوم السابع | روسيا اليوم | RT | RT Arabic | العربية
    العربية نت | موقع 24 | 24 | بي بي سي | BBC | فرانس 24 | الحرة | يورونيوز | سبوتنيك | الأناضول | رويترز | أ ف ب
    وكالات | CNN | CNN بالعربية | إرم نيوز | الخليج | البيان | الاتحاد | النهار | الأخبار | الشروق | المصري اليوم
    الأهرام | عربي 21 | العربي الجديد | الميادين | وام
""")
_MASTHEAD_RE = re.compile(
    r"^(?:رئيس|رئيسه|رئيسا)\s+(?:مجلس|مجلسي|مجلسى|التحرير|تحرير)|^(?:المدير العام|مدير التحرير)(?!\w)"
)
"""``رئيس مجلس الإدارة``, ``رئيس التحرير``: a paper's masthead printed above every headline."""
MASTHEAD_WORDS = 6
_SENTENCE_ENDS = (".", ":", "：", "!", "?", "؟", "؛", ";", "،", ",")


# --------------------------------------------------------------------------- title, byline, dateline


def decide_title(run: Run, index: int) -> int:
    """The first plain line is the headline when it looks like one; a lone section label before it is dropped."""
    line = run.lines[index]
    words = line.text.split()
    following = run.next_content(index)
    if _is_masthead(line.text):
        run.drop(line.number, line.text, "the newspaper's masthead (its editors), not a headline")
        name = _masthead_name(run, index, following)
        if name is not None:
            run.drop(run.lines[name].number, run.lines[name].text, "the name under the masthead's title (its editor)")
            return name + 1
        return index + 1
    if dated_banner(line.text) and following is not None:
        run.drop(line.number, line.text, "the page's banner of the day (its date and time), not a headline")
        return index + 1
    if following is not None:
        passed = _passed_over(run, index)
        if passed is not None:
            return passed
    if len(words) <= 2 and len(line.text) <= 25 and following is not None:
        nxt = run.lines[following].text
        if is_headline(nxt) and not is_marker(nxt) and date_line(nxt) is None:
            run.found.append(f"section label {line.text!r} (line {line.number}) dropped")
            return index + 1
    if len(words) <= 2 and following is not None:
        # Too short for a headline (a name under the masthead, a menu word): the headline may follow.
        add_paragraph(run, line)
        return index + 1
    run.title_decided = True
    if _headline_with_stop(run, line.text, following):
        run.title = line.text
        run.title_line = line.number
        run.found.append(f"title (line {line.number}, printed with a full stop; a date line under it)")
        return index + 1
    if is_headline(line.text) and not _opens_first_paragraph(run, line.text, following):
        run.title = line.text
        run.title_line = line.number
        run.found.append(f"title (line {line.number})")
        prefix = section_prefix(line.text)
        if prefix is not None and is_headline(prefix[1]):
            run.title = prefix[1]
            run.drop(line.number, prefix[0], "the section's name printed before the headline")
        return index + 1
    run.untitled_line = line.number
    add_paragraph(run, line)
    return index + 1


def _headline_with_stop(run: Run, text: str, following: int | None) -> bool:
    """``… المبعوثة الأممية الى ليبيا.`` over ``نشر بتاريخ:``: a headline some sites print with a
    full stop, told from a first paragraph by what comes under it: a date line, or a date's label
    (a paragraph is never followed by the article's date)."""
    core = text.rstrip(CLOSERS)
    if following is None or not core.endswith(".") or core.endswith("..") or len(text) > TITLE_MAX:
        return False
    if not is_headline(core[:-1]) or core[:-1].count(".") > 0:
        return False
    below = run.lines[following].text
    return date_line(below) is not None or is_date_label(below)


_OPENING_DATELINE_RE = re.compile(r"^[^\s\-–—:.،]+(?:\s+[^\s\-–—:.،]+){0,2}\s+[\-–—]\s+\S")
FIRST_PARAGRAPH_WORDS = 12
"""Fewest words of a first paragraph printed without its final stop, opening with a dateline."""


def _opens_first_paragraph(run: Run, text: str, following: int | None) -> bool:
    """A long line opening with a dateline (``الوادي نيوز - أصيب …``) with the next line going on
    from it (``وقال …``): the article's first paragraph printed without a stop, not a headline
    (a headline may open with a place and a dash, but no paragraph goes on from it)."""
    if following is None or len(text.split()) < FIRST_PARAGRAPH_WORDS or not _OPENING_DATELINE_RE.match(text):
        return False
    return bool(_GOES_ON_RE.match(fold(run.lines[following].text)))


_GOES_ON_RE = re.compile(
    r"^[وف](?:قال|قالت|اضاف|اضافت|اكد|اكدت|اوضح|اوضحت|اشار|اشارت|تابع|تابعت|بين|بينت|ذكر|ذكرت|افاد|افادت|لفت|لفتت"
    r"|اعلن|اعلنت|شدد|شددت|كان|كانت|تم|جاء|يذكر|يشار)(?!\w)"
)
"""A paragraph going on from the one before: و or ف and a verb of saying or of narration (``وقال``, ``وأضاف``)."""


def _is_masthead(text: str) -> bool:
    return len(text.split()) <= MASTHEAD_WORDS and bool(_MASTHEAD_RE.search(fold(text)))


def _masthead_name(run: Run, index: int, following: int | None) -> int | None:
    """``رئيس التحرير`` alone on its line, the editor's name on the next: the index of that name line."""
    if following is None or len(run.lines[index].text.split()) > MASTHEAD_TITLE_WORDS:
        return None
    text = run.lines[following].text
    return following if is_name(text, fewest=2) and not _is_masthead(text) else None


MASTHEAD_TITLE_WORDS = 6
"""Most words of a masthead's title printed without the name (``رئيس مجلس الإدارة``,
``رئيس مجلس الإدارة والمشرف العام``)."""
MASTHEAD_LOOKAHEAD = 3
"""How many lines below a line the masthead may stand for that line to be the page's header."""


def _above_masthead(run: Run, index: int) -> bool:
    """The masthead (``رئيس التحرير`` …) follows within a few lines, and no sentence before it: this line
    is the page's header (a teaser, a section label), and the headline comes under the masthead."""
    at = run.next_content(index)
    for _ in range(MASTHEAD_LOOKAHEAD):
        if at is None:
            return False
        text = run.lines[at].text
        if _is_masthead(text):
            return True
        if is_paragraph_like(text) or (text.rstrip(' "»”)').endswith(".") and len(text.split()) >= 8):
            return False
        at = run.next_content(at)
    return False


def _passed_over(run: Run, index: int) -> int | None:
    """A line the headline search passes over (dropped, or kept for the body's edges to judge), or None.

    The site's menu, a Hijri date alone (the banner), a prompt to follow it, a columnist's
    name with its honorific, a Latin line (the site's name) above an Arabic text, a name
    alone above a longer headline (its author), the site's name (``صحيفة …``, an address),
    a dateline of a place and a name (``المدينة - سليم …``), a line printed already above (a menu's item
    printed with and without its bullet), a list item, and a line that is not a headline
    above the one that is (the headline is the line right above the date line)."""
    line = run.lines[index]
    text = line.text
    reason = None
    if is_menu(text):
        reason = "the site's navigation, not a headline"
    elif _above_masthead(run, index):
        reason = "above the newspaper's masthead (the page's header), not a headline"
    elif hijri_only(text):
        reason = "a Hijri date alone (the site's banner), not a headline"
    elif _labelled_banner(text):
        reason = "a date under a label of its own (the site's banner), not a headline"
    elif addresses_reader(text):
        reason = "speaks to the reader (a prompt), not a headline"
    elif is_honorific_name(text):
        reason = "a byline (a name with an honorific), not a headline"
    elif run.lang == "ar" and script_of(text) == "latin" and _arabic_after(run, index):
        reason = "a Latin line above an Arabic text (the site's name), not a headline"
    elif is_name(text) and _headline_after_name(run, index):
        reason = "a byline (a name alone above the headline)"
    elif is_site_name(text):
        reason = "an outlet's name alone (the site's, a caption's), not a headline"
    elif _TITLE_BAR_RE.search(text):
        reason = "the site's name and tagline (the browser's title bar), not a headline"
    elif is_place_and_name(text):
        reason = "a dateline (a place and a byline), not a headline"
    elif is_headline(text) and _printed_above(run, index):
        reason = "printed twice above the headline (a menu's item)"
    elif not is_headline(text) and _headline_above_date(run, run.next_content(index)):
        reason = "above the headline (the page's chrome, not the article)"
    if reason:
        run.drop(line.number, text, reason)
        return index + 1
    if is_bullet(text):
        add_paragraph(run, line)  # a menu's or a list's item: the body's edges judge it
        return index + 1
    return None


_TITLE_BAR_RE = re.compile(r"\|\||｜｜|\s[|｜]\s.*[a-zA-Z]{3}.*\s[|｜]\s")
"""``وكالة شمس نيوز الإخبارية - Shms News || آخر أخبار فلسطين``: the page's title as the browser
shows it, the site's names and tagline between double bars (or Latin words between single bars);
a headline is printed without them."""


def _headline_after_name(run: Run, index: int) -> bool:
    """A longer headline follows, then the date line or a sentence or a byline.

    Between the name and the headline may stand a date line and other names (the site's,
    the author's): ``صحيفة …`` / ``سليم …`` / date / headline."""
    following = run.next_content(index)
    for _ in range(3):
        if following is None or not _beside_names(run.lines[following].text):
            break
        following = run.next_content(following)
    if following is None:
        return False
    text = run.lines[following].text
    longer = len(text.split()) >= max(4, len(run.lines[index].text.split()) + 1)
    if not is_headline(text) or not longer or _beside_names(text) or is_marker(text):
        return False
    after = run.next_content(following)
    if after is None:
        return False
    nxt = run.lines[after].text
    sentence = nxt.rstrip(' "»”)').endswith(".") and len(nxt.split()) >= 8
    return date_line(nxt) is not None or sentence or is_name(nxt) or is_honorific_name(nxt)


def _beside_names(text: str) -> bool:
    """What stands with a byline above a headline: a date line, a name, the site's name."""
    return date_line(text) is not None or is_name(text) or is_site_name(text) or is_honorific_name(text)


def _labelled_banner(text: str) -> bool:
    """``تاريخ اليوم: الأحد 15 فبراير 2026``: a date under a short label that is not a publication label."""
    label, colon, rest = text.partition(":")
    if not colon or not 1 <= len(label.split()) <= 3 or any(c.isdigit() for c in label):
        return False
    found = date_line(rest.strip())
    return found is not None and found.published is not None and found.published.day is not None


def _printed_above(run: Run, index: int) -> bool:
    key = phrase_key(run.lines[index].text)
    return any(phrase_key(line.text) == key for line in run.lines[:index] if line.text)


def _arabic_after(run: Run, index: int) -> bool:
    return script_of(" ".join(line.text for line in run.lines[index + 1 : index + 40])) == "arabic"


def _headline_above_date(run: Run, index: int | None) -> bool:
    """The line at ``index`` looks like a headline and the date line comes right after it."""
    if index is None or not is_headline(run.lines[index].text) or date_line(run.lines[index].text) is not None:
        return False
    after = run.next_content(index)
    return after is not None and date_line(run.lines[after].text) is not None


def take_byline(run: Run, line: Line) -> bool:
    """Drop a short "كتب فلان" byline or a "المكان - المنفذ" dateline under the headline."""
    text = line.text
    if len(text) > 60 or text.rstrip('»"”)').endswith(_SENTENCE_ENDS):
        return False
    if run.title and phrase_key(text) == phrase_key(run.title):
        return False  # the headline printed again (``X: "…"`` is shaped like a dateline)
    if _BYLINE_RE.match(text) and len(text.split()) <= 7:
        run.found.append(f"byline {text!r} (line {line.number}) dropped")
        return True
    return _take_dateline(run, line)


def _take_dateline(run: Run, line: Line) -> bool:
    """A dateline naming a quoted or known outlet; the outlet is kept as a guess for the source."""
    text = line.text
    match = _DATELINE_RE.match(text)
    if not (match and len(text.split()) <= 7 and run.title_decided):
        return False
    outlet = match["outlet"].strip(' «»"()')
    if match["outlet"][0] not in '«"(' and phrase_key(outlet) not in _KNOWN_OUTLETS:
        return False
    run.found.append(f"dateline {text!r} (line {line.number}) dropped")
    if run.source_guess is None:
        run.source_guess = outlet
    return True


# --------------------------------------------------------------------------- dates


def take_dates(run: Run, line: Line, dates: DateLine) -> None:
    if dates.rest:
        run.drop(line.number, dates.rest, dates.rest_reason)
    if dates.published is not None:
        _take_published(run, line, dates.published)
    if dates.updated is None:
        return
    if (run.updated is not None or run.pending_update is not None) and run.update_above_title and run.title_decided:
        _banner_update_gives_way(run, line.number)
    if run.updated is not None or run.pending_update is not None:
        run.found.append(f"another update line (line {line.number}) ignored")
        return
    run.update_line, run.update_above_title = line.number, not run.title_decided
    if dates.updated.has_date:
        run.updated = resolve_update(run, dates.updated, line.number)
    else:
        run.pending_update = (dates.updated, line.number)  # a time alone: needs the publication day


def _banner_update_gives_way(run: Run, number: int) -> None:
    """The site's "last modified" banner above the headline gives way to the article's own update line."""
    banner = run.update_line
    reason = "an update date above the headline (the site's banner), not the article's"
    run.drop(banner, run.lines[banner - 1].text, reason)
    run.guessed.append(f"update line {banner} above the headline read as the site's banner; line {number} used")
    run.updated, run.pending_update = None, None
    run.found[:] = [f for f in run.found if not f.startswith("update date") or f"(line {banner})" not in f]


def _take_published(run: Run, line: Line, when: When) -> None:
    moment = resolve(when, run.reference)
    _report_moment(run, line.number, moment)
    if moment.value is None:
        return
    shown = describe(moment.value, moment.has_time)
    if run.published is not None and run.published_above_title and run.title_decided:
        # The page's banner ("today is …") comes above the headline; the article's own date below it.
        banner = run.published[1]
        run.drop(banner, run.lines[banner - 1].text, "a date above the headline (the site's banner), not the article's")
        run.guessed.append(f"date line {banner} above the headline read as the site's banner; line {line.number} used")
        run.published = None
    if run.published is None:
        run.published = (moment, line.number)
        run.published_above_title = not run.title_decided
        run.found.append(f"publication date {shown} (line {line.number})")
    else:
        run.found.append(f"another date line {shown} (line {line.number}) ignored")


def _report_moment(run: Run, number: int, moment: Moment) -> None:
    for note in moment.notes:
        run.guessed.append(f"{note} (line {number})")
    for problem in moment.problems:
        run.warn(number, 1, problem)


def resolve_update(run: Run, when: When, number: int) -> datetime | None:
    """The update time; written without a zone, it is read in the publication date's zone when there is one."""
    published = run.published[0] if run.published else None
    day = published.value.date() if published and published.value else None
    moment = _in_publication_zone(resolve(when, run.reference, fallback_day=day), when, published)
    _report_moment(run, number, moment)
    if moment.value is None:
        return None
    run.found.append(f"update date {describe(moment.value, moment.has_time)} (line {number})")
    if published is not None and published.value is not None and _before(moment.value, published.value):
        run.warn(number, 1, "the update date is before the publication date")
    return moment.value


def _before(one: datetime, other: datetime) -> bool:
    """``one < other``, a floating time read as if in the other's zone (they cannot be compared otherwise)."""
    if (one.tzinfo is None) != (other.tzinfo is None):
        one, other = one.replace(tzinfo=None), other.replace(tzinfo=None)
    return one < other


def _in_publication_zone(moment: Moment, when: When, published: Moment | None) -> Moment:
    """An update time written without a zone moved into the zone of a publication date-time."""
    if published is None or published.value is None or not published.has_time:
        return moment
    if moment.value is None or when.clock is None or when.zone or when.zone_written:
        return moment
    notes = tuple(n for n in moment.notes if "no time zone" not in n)
    notes += ("update time read in the publication date's time zone",)
    return Moment(moment.value.replace(tzinfo=published.value.tzinfo), True, notes, moment.problems)


# --------------------------------------------------------------------------- source


def take_source(run: Run, line: Line, value: str) -> None:
    if not value:
        run.warn(line.number, 1, "empty source line: dropped")
        run.found.append(f"dropped empty source line (line {line.number})")
        return
    if run.source is None:
        run.source = value
        run.found.append(f"source {value!r} (line {line.number})")
    else:
        run.found.append(f"another source line {value!r} (line {line.number}) ignored")
