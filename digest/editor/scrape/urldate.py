"""The date a page's address gives (``/2025/7/19/``, ``/2016-11-15/``, ``/2023/09/``).

Many outlets put the day of publication in the path of every article. It is the last
resort, used only when the text itself prints no date: an address says when the page
was filed, not at what time, and an outlet may have moved an old article to a new path.
A path that gives only the year and month is reported, never turned into a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

_DAY_RE = re.compile(r"(?<!\d)((?:199|20[0-3])\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)")
_PACKED_RE = re.compile(r"/((?:199|20[0-3])\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")
_MONTH_RE = re.compile(r"/((?:199|20[0-3])\d)/(0?[1-9]|1[0-2])(?:/|$)")


@dataclass(frozen=True)
class UrlDate:
    """A date read from an address: ``day`` when the path gives one, else only the month."""

    year: int
    month: int
    day: date | None

    def shown(self) -> str:
        return self.day.isoformat() if self.day else f"{self.year:04d}-{self.month:02d}"


def date_in_url(url: str | None) -> UrlDate | None:
    """The date in the path of ``url``, or None. The host and query are not read: a query's
    ``cdate=12112009`` or a host's digits are ids as often as dates."""
    if not url:
        return None
    path = unquote(urlsplit(url).path)
    for pattern in (_DAY_RE, _PACKED_RE):
        for match in pattern.finditer(path):
            try:
                day = date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
            return UrlDate(day.year, day.month, day)
    month = _MONTH_RE.search(path)
    if month:
        return UrlDate(int(month[1]), int(month[2]), None)
    return None
