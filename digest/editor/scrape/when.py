"""Read the date parts written in one piece of a line, before anything is resolved.

A date line can hold a calendar date in five layouts, a relative word ("أمس", "منذ 3
ساعات"), a weekday, a time with ص/م, and a zone. Each part is found and blanked out
in turn so that the next search cannot read the same digits twice; what is left over
tells ``dates`` whether the piece was a date at all. Nothing here needs a reference
date: that is ``dates.resolve``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, timedelta, timezone, tzinfo

from .datewords import (
    ABBREVIATED_ZONE_RE,
    ABBREVIATED_ZONES,
    AGO_RE,
    AMPM_RE,
    AT_HOUR_RE,
    COLON_YMD_RE,
    FILLERS,
    GMT_RE,
    GREGORIAN_MARK_RE,
    HIJRI_RE,
    HOUR_RE,
    ISO_RE,
    MONTHS,
    NAMED_ZONE_RE,
    NUM_DMY_RE,
    NUM_YMD_RE,
    OFFSET_RE,
    RELATIVE_RE,
    TEXT_DMY_RE,
    TEXT_MDY_RE,
    TIME_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    ZONES,
)
from .spelling import SPACES, WORD, fold

IsoClock = tuple[int, int, int, str | None]
"""Hour, minute, second and the zone written after an ISO date-time."""

_Found = tuple[date | None, str, IsoClock | None]
"""A calendar date (None when written but invalid), the text with it blanked, and an ISO clock if any."""

_RELATIVE_DAYS = {"امس": 1, "البارحه": 1, "yesterday": 1, "اليوم": 0, "today": 0}
_DUAL_UNITS = ("دقيقتين", "ساعتين", "يومين")
_DAY_UNITS = ("يوم", "يومين", "ايام")


@dataclass(frozen=True)
class When:
    """A date expression as written in one line, before it is resolved."""

    day: date | None
    relative: str | None
    offset_days: int | None
    clock: tuple[int, int, int] | None
    zone: tzinfo | None
    zone_written: str | None
    weekday: int | None
    leftover: bool
    notes: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def has_date(self) -> bool:
        return self.day is not None or self.relative is not None


def date_fold(text: str) -> str:
    return SPACES.sub(" ", fold(text))


def blank(text: str, match: re.Match[str]) -> str:
    """``text`` with the match replaced by spaces, so later searches keep their positions."""
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def _year(text: str, notes: list[str]) -> int:
    value = int(text)
    if len(text) == 2:
        notes.append(f"two-digit year {text} read as {2000 + value}")
        return 2000 + value
    return value


# --------------------------------------------------------------------------- calendar dates


def find_day(text: str, notes: list[str], problems: list[str]) -> _Found:
    """The first calendar date in folded ``text``; returns it, the text with it blanked, and an ISO clock if any."""
    found = _iso_day(text, problems)
    if found is None:
        found = _named_month_day(text, problems)
    if found is None:
        found = _numeric_day(text, notes, problems)
    return found if found is not None else (None, text, None)


def _iso_day(text: str, problems: list[str]) -> _Found | None:
    """``2024-10-28`` or ``2024-10-28T12:56:00+03:00``; ``2021:07:08.09:07`` (colons, a dot before the time)."""
    match = ISO_RE.search(text)
    zone = match[7] if match else None
    if not match:
        match = COLON_YMD_RE.search(text)
    if not match:
        return None
    y, m, d = int(match[1]), int(match[2]), int(match[3])
    clock = (int(match[4]), int(match[5]), int(match[6] or 0), zone) if match[4] else None
    if clock and not (clock[0] <= 23 and clock[1] <= 59 and clock[2] <= 59):
        problems.append(f"invalid time in {match[0].strip()!r}")
        clock = None
    return make_day(y, m, d, match[0], problems), blank(text, match), clock


def _named_month_day(text: str, problems: list[str]) -> _Found | None:
    """``28 أكتوبر 2024`` or ``October 28, 2024``; a Gregorian "م" right after the year goes with it."""
    for regex, order in ((TEXT_DMY_RE, "dmy"), (TEXT_MDY_RE, "mdy")):
        match = regex.search(text)
        if not match:
            continue
        if order == "dmy":
            d, m, y = int(match[1]), MONTHS.get(SPACES.sub(" ", match[2]), 0), int(match[3])
        else:
            m, d, y = MONTHS.get(SPACES.sub(" ", match[1]), 0), int(match[2]), int(match[3])
        blanked = blank(text, match)
        mark = GREGORIAN_MARK_RE.match(blanked[match.end() :])
        if mark:
            blanked = blanked[: match.end()] + " " * mark.end() + blanked[match.end() + mark.end() :]
        return make_day(y, m, d, match[0], problems), blanked, None
    return None


def _numeric_day(text: str, notes: list[str], problems: list[str]) -> _Found | None:
    """``2024/10/28``, or ``28.10.2024`` / ``10/28/24`` with the day and month order guessed and noted."""
    match = NUM_YMD_RE.search(text)
    if match:
        return make_day(int(match[1]), int(match[3]), int(match[4]), match[0], problems), blank(text, match), None
    match = NUM_DMY_RE.search(text)
    if not match:
        return None
    first, second = int(match[1]), int(match[3])
    y = _year(match[4] or match[5], notes)
    d, m = first, second
    if second > 12 >= first:
        d, m = second, first
        notes.append(f"{match[0].strip()} read as month/day/year")
    elif first <= 12 and second <= 12 and first != second:
        notes.append(f"{match[0].strip()} read as day/month/year")
    return make_day(y, m, d, match[0], problems), blank(text, match), None


def make_day(y: int, m: int, d: int, written: str, problems: list[str]) -> date | None:
    if not 1900 <= y <= 2100:
        problems.append(f"implausible year in date {written.strip()!r}")
        return None
    try:
        return date(y, m, d)
    except ValueError:
        problems.append(f"invalid date {written.strip()!r}")
        return None


# --------------------------------------------------------------------------- one piece of a line


def read_when(text: str) -> When | None:
    """Every date part of one (folded) piece of a line: date, relative word, weekday, time, zone.

    Returns None when the piece holds no date, no relative word and no time.
    """
    notes: list[str] = []
    problems: list[str] = []
    rest = HIJRI_RE.sub(lambda m: " " * len(m[0]), text)
    rest = AT_HOUR_RE.sub(lambda m: " " * len(m[0]), rest)
    day, rest, iso_clock = find_day(rest, notes, problems)
    relative, offset, rest = _relative(rest)
    weekday, rest = _weekday(rest)
    clock: tuple[int, int, int] | None = None
    zone: tzinfo | None = None
    zone_written: str | None = None
    if iso_clock:
        clock = iso_clock[:3]
        if iso_clock[3]:
            zone, zone_written = offset_zone(iso_clock[3]), iso_clock[3].upper()
    else:
        clock, rest = _clock(rest, notes)
    if zone is None:
        zone, zone_written, rest = read_zone(rest, clock is not None)
    if day is None and relative is None and clock is None and not problems:
        return None
    leftover = any(w not in FILLERS and not w.isdigit() for w in WORD.findall(rest))
    return When(day, relative, offset, clock, zone, zone_written, weekday, leftover, tuple(notes), tuple(problems))


def _relative(rest: str) -> tuple[str | None, int | None, str]:
    """A relative word ("أمس") or an "ago" phrase: the words, how many days back, and ``rest`` without them."""
    match = RELATIVE_RE.search(rest)
    if match:
        return match[1], _RELATIVE_DAYS.get(match[1], 2), blank(rest, match)
    match = AGO_RE.search(rest)
    if not match:
        return None, None, rest
    unit, count = (match[2], match[1]) if match[2] else (match[4], match[3])
    number = int(count) if count else (2 if unit in _DUAL_UNITS else 1)
    offset = min(number, 3660) if unit in _DAY_UNITS or unit.startswith("day") else 0
    return match[0], offset, blank(rest, match)


def _weekday(rest: str) -> tuple[int | None, str]:
    match = WEEKDAY_RE.search(rest)
    if not match:
        return None, rest
    return WEEKDAYS[match[1]], blank(rest, match)


def _clock(rest: str, notes: list[str]) -> tuple[tuple[int, int, int] | None, str]:
    """A written time, with ص/م (am/pm) after it applied and blanked too."""
    match = TIME_RE.search(rest) or HOUR_RE.search(rest)
    if not match:
        return None, rest
    hour = int(match[1] if match.re is TIME_RE else match[1] or match[2])
    if not 0 <= hour <= 23:
        return None, rest
    minute = int(match[2]) if match.re is TIME_RE else 0
    second = int(match[3] or 0) if match.re is TIME_RE else 0
    rest = blank(rest, match)
    ampm = AMPM_RE.match(rest[match.end() :])
    if ampm:
        hour = _twelve_hour(hour, minute, ampm[1], notes)
        end = match.end() + ampm.end()
        rest = rest[: match.end()] + " " * ampm.end() + rest[end:]
    return (hour, minute, second), rest


_AFTERNOON = ("م", "مساء", "مساءا", "pm", "عصرا", "العصر", "بعد الظهر")
_MORNING = ("ص", "صباحا", "am", "فجرا", "الفجر")
_NOON = ("ظهرا", "الظهر")


def _twelve_hour(hour: int, minute: int, written: str, notes: list[str]) -> int:
    """The hour on a 24-hour clock. ``ظهراً`` (about noon) is afternoon from 1 to 6 (``11:30 ظهراً`` is
    still the morning); ``ليلاً`` (at night) is evening from 6 to 11, past midnight below (``1 ليلاً``)."""
    word = SPACES.sub(" ", written.replace(".", ""))
    later = word in _AFTERNOON or (word in _NOON and 1 <= hour <= 6) or (word == "ليلا" and 6 <= hour < 12)
    if later and hour < 12:
        notes.append(f"{hour}:{minute:02d} {written} read as {hour + 12}:{minute:02d}")
        return hour + 12
    if hour == 12 and (word in _MORNING or word == "ليلا"):
        return 0
    return hour


# --------------------------------------------------------------------------- zones


def offset_zone(written: str) -> tzinfo:
    if written in ("z", "Z"):
        return UTC
    sign = -1 if written[0] == "-" else 1
    digits = written[1:].replace(":", "")
    return _fixed(sign * (int(digits[:2]) * 60 + int(digits[2:4] or 0)))


def _fixed(minutes: int) -> tzinfo:
    if minutes == 0:
        return UTC
    minutes = max(-23 * 60, min(23 * 60, minutes))
    return timezone(timedelta(minutes=minutes))


def read_zone(rest: str, has_clock: bool) -> tuple[tzinfo | None, str | None, str]:
    """The time zone written in ``rest`` (GMT+3, بتوقيت مكة, ت.غ, +03:00): the zone (None when unknown), its text,
    rest. A bare offset counts only beside a time (``-05`` could be anything else)."""
    match = GMT_RE.search(rest)
    if match:
        minutes = 0
        if match[2]:
            minutes = (int(match[3]) * 60 + int(match[4] or 0)) * (-1 if match[2] == "-" else 1)
        return _fixed(minutes), match[0].strip(" ()").upper(), blank(rest, match)
    match = NAMED_ZONE_RE.search(rest)
    if match:
        if match[1]:
            return _fixed(ZONES[SPACES.sub(" ", match[1])] * 60), match[0].strip(" ()"), blank(rest, match)
        return None, match[0].strip(" ()"), blank(rest, match)
    match = ABBREVIATED_ZONE_RE.search(rest)
    if match:
        return _fixed(ABBREVIATED_ZONES[match[1]] * 60), match[0].strip(" ()"), blank(rest, match)
    match = OFFSET_RE.search(rest) if has_clock else None
    if match:
        return offset_zone(match[0]), match[0], blank(rest, match)
    return None, None, rest
