"""Decide whether a line is a date line, and turn what it says into aware datetimes.

A date inside a sentence ("قال أمس الثلاثاء إن…") must stay in the body, so a line is
a date line only when it is labelled (تاريخ النشر:, آخر تحديث:) or holds nothing but
date parts. Resolving is kept separate from reading (``when``) because relative words
need the reference date and a time alone needs the publication day; every guess made
on the way is returned as a note, every failure as a problem, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from .besides import byline_splits, counter_splits, name_split
from .datewords import FILLERS, HIJRI_RE, PUB_LABEL_RE, UPD_LABEL_RE, WEEKDAY_NAMES, WEEKDAY_RE
from .shape import MENU_WORDS
from .spelling import WORD, phrase_key, phrase_keys, tolerant
from .when import When, date_fold, find_day, read_when

BESIDE_DATE = "beside the date on its line"
TOOLBAR_BESIDE_DATE = "the page's buttons beside the date (font size, print, share)"


@dataclass(frozen=True)
class Moment:
    """A resolved date or date-time with what was guessed and what went wrong on the way."""

    value: datetime | None
    has_time: bool
    notes: tuple[str, ...]
    problems: tuple[str, ...]


@dataclass(frozen=True)
class DateLine:
    """What one date line says: a publication part, an update part, or both."""

    published: When | None
    updated: When | None
    rest: str | None = None
    """Words sharing the line after a separator (``… 2007 / مأرب برس``), left out of the date."""
    rest_reason: str = BESIDE_DATE
    """Why ``rest`` is left out, as the import report lists it."""


# --------------------------------------------------------------------------- resolving


def resolve(when: When, reference: date | None, fallback_day: date | None = None) -> Moment:
    """Turn a written date into a datetime; relative words need ``reference``.

    The datetime is aware only when the line states a zone. A time written without one is
    kept floating (naive): giving it UTC, or any zone, would move the article by hours
    on a guess, so the importer leaves the zone to the site (or to ``--timezone``)."""
    notes, problems = list(when.notes), list(when.problems)
    day = _day(when, reference, fallback_day, notes, problems)
    if day is None:
        return Moment(None, False, tuple(notes), tuple(problems))
    if when.weekday is not None and day.weekday() != when.weekday:
        problems.append(f"the weekday written does not match {day.isoformat()} (a {WEEKDAY_NAMES[day.weekday()]})")
    if when.clock is None:
        return Moment(datetime(day.year, day.month, day.day), False, tuple(notes), tuple(problems))
    zone = _zone(when, notes, problems)
    hour, minute, second = when.clock
    return Moment(
        datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone), True, tuple(notes), tuple(problems)
    )


def _day(
    when: When, reference: date | None, fallback_day: date | None, notes: list[str], problems: list[str]
) -> date | None:
    """The calendar day: written, counted back from ``reference``, or (a time alone) ``fallback_day``."""
    if when.day is not None:
        return when.day
    if when.relative is not None:
        return _relative_day(when, reference, notes, problems)
    if when.clock is not None and fallback_day is not None:
        notes.append(f"time without a date read on the publication day {fallback_day.isoformat()}")
        return fallback_day
    return None


def _relative_day(when: When, reference: date | None, notes: list[str], problems: list[str]) -> date | None:
    if reference is None:
        problems.append(
            f"relative date {when.relative!r} cannot be resolved without a reference date: give the date with --date"
        )
        return None
    try:
        day = reference - timedelta(days=when.offset_days or 0)
    except OverflowError:
        problems.append(f"relative date {when.relative!r} falls outside the calendar from {reference.isoformat()}")
        return None
    notes.append(f"relative date {when.relative!r} resolved against {reference.isoformat()} as {day.isoformat()}")
    return day


def _zone(when: When, notes: list[str], problems: list[str]) -> tzinfo | None:
    """The written zone; an unknown or missing one is left out (floating time) and said so."""
    if when.zone is not None:
        return when.zone
    if when.zone_written:
        problems.append(f"time zone {when.zone_written!r} is not known: the time was kept without a zone, check it")
    elif when.clock is not None:
        notes.append(
            f"time {when.clock[0]:02d}:{when.clock[1]:02d} has no time zone: kept without one "
            "(the site's zone applies; --timezone gives the outlet's)"
        )
    return None


def describe(value: datetime, has_time: bool) -> str:
    """``2024-10-28 12:56 UTC`` / ``2024-10-28 12:56 UTC+03:00`` / ``2024-10-28 12:56`` (floating) / ``2024-10-28``."""
    if not has_time:
        return value.date().isoformat()
    if value.tzinfo is None:
        return f"{value:%Y-%m-%d %H:%M} (no time zone)"
    offset = value.utcoffset() or timedelta(0)
    if offset == timedelta(0):
        zone = "UTC"
    else:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        zone = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{value:%Y-%m-%d %H:%M} {zone}"


# --------------------------------------------------------------------------- date lines


def date_line(text: str) -> DateLine | None:
    """Read ``text`` as a date line, or None when it is not one.

    A line counts only when it is labelled (تاريخ النشر:, آخر تحديث:) or holds
    nothing but date parts, so "أمس الثلاثاء" inside a sentence never does.
    """
    if len(text) > 160:
        return None
    whole = _date_line(text)
    if whole is not None:
        return whole
    labelled = _after_outlet_name(text) or _after_credit_bar(text) or _after_byline(text) or _after_writer(text)
    if labelled is not None:
        return labelled
    counted = _beside_counters(text)
    if counted is not None:
        return counted
    for separator in reversed(list(_PIECES_RE.finditer(text))):
        head, rest = text[: separator.start()], text[separator.end() :]
        if len(rest.split()) > REST_WORDS:
            break
        first = _date_line(head)
        if first is not None and first.published is not None and first.published.day is not None:
            return replace(first, rest=rest.strip())
    return _before_last_dash(text) or _beside_buttons(text) or _after_name(text) or _section_after_clock(text)


def _day_line(text: str) -> DateLine | None:
    """``text`` read as a date line that gives a day of publication, or None."""
    found = _date_line(text)
    return found if found is not None and found.published is not None and found.published.day is not None else None


def _beside_counters(text: str) -> DateLine | None:
    """``الأحد 12 أكتوبر 2025 - 1234 مشاهدة``: a date with the article's counters (reads, comments) after it."""
    for head, counters in counter_splits(text):
        found = _day_line(head) or _after_name(head)
        if found is not None:
            rest = f"{found.rest} {counters}" if found.rest else counters
            return replace(found, rest=rest, rest_reason=found.rest_reason if found.rest else COUNTERS_BESIDE_DATE)
    return None


COUNTERS_BESIDE_DATE = "the article's counters beside the date (reads, comments)"
"""Why ``1234 مشاهدة`` or ``3 دقائق للقراءة`` beside the date is left out: it counts, it names nobody."""
NAME_BEFORE_DATE = "a section, a place or a name before the date on its line"
"""Why the words before a date (``سياسة | …``, ``القاهرة - …``) are left out. The reason does not begin
"beside the date", so ``origin`` does not take a section or a city for the outlet."""


def _after_name(text: str) -> DateLine | None:
    """``سياسة | 12 أكتوبر 2025``, ``القاهرة - 12 أكتوبر 2025``: a few words, a bar or a dash, the date."""
    split = name_split(text)
    if split is None:
        return None
    found = _day_line(split[1])
    return replace(found, rest=split[0], rest_reason=NAME_BEFORE_DATE) if found is not None else None


SECTION_AFTER_DATE = "a section after the date and time on its line"
"""Why the words after a date's time (``الأربعاء 2024-07-24 12:17:39 أخبار اليوم``) are left out;
like ``NAME_BEFORE_DATE``, not "beside the date", so a section is not taken for the outlet."""
SECTION_WORDS = 2
"""Most words of a section printed after the time on a date's row."""
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}")


def _section_after_clock(text: str) -> DateLine | None:
    """``الأربعاء 2024-07-24 12:17:39 أخبار اليوم``: a whole date with its time, then a section's one
    or two words without digits, one of them a section name of a menu (``shape.MENU_WORDS``). The
    longest date part is tried first, so a part of the day after the time (``12:17 مساء``) stays
    with the date."""
    words = text.split()
    for count in range(1, SECTION_WORDS + 1):
        head, rest = " ".join(words[:-count]), " ".join(words[-count:])
        if len(words) <= count or any(c.isdigit() for c in rest) or not _CLOCK_RE.search(head):
            continue
        if not any(word in MENU_WORDS for word in phrase_key(rest).split()):
            continue  # ``12 أكتوبر 2025 10:30 تم``: a sentence going on, not a section
        found = _day_line(head)
        if found is not None and found.published is not None and found.published.clock is not None:
            return replace(found, rest=rest, rest_reason=SECTION_AFTER_DATE)
    return None


def _after_writer(text: str) -> DateLine | None:
    """``الكاتب: فلان - 12 أكتوبر 2025``, ``نُشر بواسطة: فلان في الأحد 12 أكتوبر``: the writer, then the date."""
    for byline, date_part in byline_splits(text):
        found = _day_line(date_part)
        if found is not None:
            return replace(found, rest=byline, rest_reason=BYLINE_BESIDE_DATE)
    return None


def _beside_buttons(text: str) -> DateLine | None:
    """``2021:07:08.09:07 حجم الخط اطبع``: a date with the page's buttons (font size, print) on its line."""
    words = text.split()
    buttons_at = [not phrase_key(w) or phrase_key(w) in _BUTTON_WORDS for w in words]
    start, end = 0, len(words)
    while end > start and buttons_at[end - 1]:
        end -= 1
    while start < end and buttons_at[start]:
        start += 1
    buttons = words[:start] + words[end:]
    if start == end or not any(phrase_key(w) in _BUTTON_NAMES for w in buttons):
        return None
    first = _date_line(" ".join(words[start:end]))
    if first is None or first.published is None or first.published.day is None:
        return None
    return replace(first, rest=" ".join(buttons), rest_reason=TOOLBAR_BESIDE_DATE)


_BUTTON_NAMES = phrase_keys("""
    اطبع | طباعة | طباعه | شارك | مشاركة | أرسل | ارسال | إرسال | حفظ | تكبير | تصغير | حجم | print | share | email
    save | font
""")
"""The page's buttons printed with the date (``حجم الخط اطبع``): one of them must be there."""
_BUTTON_WORDS = _BUTTON_NAMES | phrase_keys("الخط | خط | النص | size | text | a")
"""Words a row of buttons is made of (``حجم الخط``, ``A+ A-``); signs alone (``+``, ``|``) go with them."""


def _before_last_dash(text: str) -> DateLine | None:
    """``الأحد 15 فبراير 2026 - 27 شعبان 1447 - القاهرة``: a dated banner, a few words without digits after a dash."""
    dashes = list(_DASH_RE.finditer(text))
    if not dashes:
        return None
    head, rest = text[: dashes[-1].start()], text[dashes[-1].end() :]
    if not rest.strip() or len(rest.split()) > 3 or any(c.isdigit() for c in rest):
        return None
    first = _date_line(head)
    if first is None or first.published is None or first.published.day is None:
        return None
    return replace(first, rest=rest.strip())


_DASH_RE = re.compile(r"\s+[-–—]\s+")


def _after_outlet_name(text: str) -> DateLine | None:
    """``صوت المدينة ـ نشر في 2026/01/20 الساعة 09:45``: a name and a dash before a labelled date."""
    match = _NAME_DASH_RE.match(text)
    if not match or len(match["name"].split()) > 4 or not PUB_LABEL_RE.match(date_fold(match["date"])):
        return None
    found = _date_line(match["date"])
    if found is None or found.published is None or found.published.day is None:
        return None
    return replace(found, rest=match["name"].strip())


def _after_credit_bar(text: str) -> DateLine | None:
    """``كشـ24 | و.م.ع نشر في: 15 فبراير 2021``: the outlet and the agency, a bar between, before a labelled date."""
    match = _CREDIT_BAR_RE.match(text)
    if not match or "|" not in match["name"] or len(match["name"].split()) > 5:
        return None
    found = _date_line(match["date"])
    if found is None or found.published is None or found.published.day is None:
        return None
    return replace(found, rest=match["name"].strip())


_CREDIT_BAR_RE = re.compile(r"^(?P<name>[^:：]{2,40}?)\s+(?P<date>(?:نُ?شر في|نُ?شر|تاريخ النشر)\s*[:：].*)$")
"""A few words holding a bar (``outlet | agency``), then a publication label with its colon."""


def _after_byline(text: str) -> DateLine | None:
    """``بواسطة : فلان _ المكان 10-09-2020 11:58 مساءً 9.6K``: a byline, then the date (a view counter after it)."""
    match = _BYLINE_DATE_RE.match(text)
    if not match:
        return None
    words = match["date"].split()
    counter = words.pop() if len(words) > 1 and _COUNTER_RE.match(words[-1]) else ""
    found = _date_line(" ".join(words))
    if found is None or found.published is None or found.published.day is None:
        return None
    return replace(found, rest=f"{match['by'].rstrip(_BY_TRAIL)} {counter}".strip(), rest_reason=BYLINE_BESIDE_DATE)


BYLINE_BESIDE_DATE = "a byline (and the page's counter) beside the date"
_BY_TRAIL = " |/-–—_ـ،,"
"""The bar or the dash between the byline and the date, left out of the byline."""
_BYLINE_DATE_RE = re.compile(r"^(?P<by>(?:بواسطة|بقلم|كتب|كتبت|by)\s*[:：]?\s*[^\d:：]{2,50}?)\s+(?P<date>\d.*)$", re.I)
_COUNTER_RE = re.compile(r"^\d+(?:[.,]\d+)?[KkMmkك]$")
"""A view counter printed after the date: ``9.6K``."""

_NAME_DASH_RE = re.compile(r"^(?P<name>[^\d:：/|]{2,40}?)\s*(?:\s[-–—ـ]|[-–—ـ]\s)\s*(?P<date>\S.*)$")
"""At most a few words without digits, then a dash (a tatweel standing in for one too)."""

REST_WORDS = 6
"""Most words a date line may carry after a separator (an outlet's name, "متابعات")."""
_PIECES_RE = re.compile(r"\s+[/|]\s*|\s*[/|]\s+")


def _date_line(text: str) -> DateLine | None:
    folded = date_fold(text)
    pub_part, upd_part, upd_colon = folded, None, False
    upd = UPD_LABEL_RE.search(folded)
    if upd:
        pub_part, upd_part, upd_colon = folded[: upd.start()], folded[upd.end() :], bool(upd[2])
        later = _LATER_PUB_LABEL_RE.search(upd_part) if not WORD.search(pub_part) else None
        if later:  # ``آخر تحديث: … نشر: …``: the update printed first, the publication after it
            pub_part, upd_part = upd_part[later.start() :], upd_part[: later.start()]
    pub_label = PUB_LABEL_RE.match(pub_part)
    pub_colon = bool(pub_label and pub_label[2])
    if pub_label:
        pub_part = pub_part[pub_label.end() :]
    published = _read_part(pub_part if WORD.search(pub_part) else None, labelled=bool(pub_label), colon=pub_colon)
    updated = _read_part(upd_part, labelled=True, colon=upd_colon)
    if published is None and updated is None:
        return None
    if upd and published is None and WORD.search(pub_part) and not pub_label:
        return None  # words before the update label that are not a date: a sentence, not a date line
    return DateLine(_spelled(published, text), _spelled(updated, text))


_LATER_PUB_LABEL_RE = re.compile(
    r"(?<!\w)(?:(?:تاريخ النشر|نشر في|نشر بتاريخ|نشر|published on|published|posted on|posted)\s*[:：]"
    r"|(?:نشر في|نشر بتاريخ|published on|posted on)(?!\w))"
)
"""A publication label after an update label on the same line (``آخر تحديث: … نشر: …``): with its colon,
or one of the labels that cannot be a word of a date (``نشر في``)."""


def _read_part(part: str | None, *, labelled: bool, colon: bool) -> When | None:
    """The date parts of one side of a date line, when they make that side a date."""
    when = read_when(part) if part is not None else None
    if when is None or not _accept(when, labelled=labelled, colon=colon):
        return None
    return when


def _spelled(when: When | None, original: str) -> When | None:
    """``when`` with its relative word and zone shown as the line writes them (they were read folded)."""
    if when is None:
        return None
    return replace(
        when,
        relative=_as_written(when.relative, original),
        zone_written=_as_written(when.zone_written, original),
    )


def _as_written(folded: str | None, original: str) -> str | None:
    if not folded:
        return folded
    match = re.search(tolerant(folded.casefold()), original, re.IGNORECASE)
    return match[0] if match else folded


def _accept(when: When, *, labelled: bool, colon: bool) -> bool:
    """Labelled with a colon, or nothing but date parts that clearly make a date."""
    if labelled and colon:
        return True
    if when.leftover:
        return False
    if labelled:
        return True
    ago = when.relative is not None and (when.relative.startswith("منذ") or when.relative.endswith("ago"))
    if when.day is not None or when.problems or ago:
        return True
    return when.relative is not None and (when.clock is not None or when.weekday is not None)


def is_date_label(text: str) -> bool:
    """``نشر بتاريخ:``, ``آخر تحديث :``: a date's label with nothing after it, where the page
    drew the date with a script the scrape did not run."""
    folded = date_fold(text).strip()
    for pattern in (PUB_LABEL_RE, UPD_LABEL_RE):
        match = pattern.match(folded)
        if match is not None and not WORD.search(folded[match.end() :]):
            return True
    return False


def hijri_only(text: str) -> bool:
    """A line holding a Hijri date and nothing else a date is read from (``الأحد 27 شعبان 1447 هـ``)."""
    if len(text) > 80:
        return False
    folded = date_fold(text)
    if not HIJRI_RE.search(folded) or read_when(folded) is not None:
        return False
    rest = WEEKDAY_RE.sub(" ", HIJRI_RE.sub(" ", folded))
    return all(w in FILLERS or w in ("الموافق", "هجري", "هجريه", "من") for w in WORD.findall(rest))


def calendar_date(text: str) -> date | None:
    """The first calendar date written in ``text`` (for post signatures), or None."""
    day, _, _ = find_day(date_fold(text), [], [])
    return day
