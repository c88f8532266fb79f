"""Language facts and localised formatting: direction, dates and numbers via Babel.

Interface strings live with the theme (``templates/i18n/<lang>.yaml``, read by
``read.strings``) so a theme can be translated without touching code; this module
formats dates and numbers for a page language. Arabic pages use Latin digits by default,
as most Arabic news sites do (and as Babel's Arabic date patterns do); a site may
choose Arabic-Indic digits per language (``digits`` in site.yaml). Babel knows
each numbering system's separators but writes ASCII digits in numbers and dates
alike, so text is formatted first and its digits mapped afterwards. Number and date
formatting is memoised: results depend only on the arguments, and a large build
formats the same counts and days many thousands of times.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

DIGITS = {"latin": "latn", "arabic-indic": "arab", "extended-arabic-indic": "arabext"}
"""Names accepted in site.yaml's ``digits`` → CLDR numbering systems.

Named after the Unicode digit names (ARABIC-INDIC DIGIT ZERO, U+0660), because
"Arabic digits" means 0123 to many English readers and ٠١٢٣ to Arabic ones."""


_ZERO = {"latn": "0", "arab": "\u0660", "arabext": "\u06f0"}


RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"})


def direction(lang: str) -> str:
    """``rtl`` or ``ltr`` for a language code such as ``ar`` or ``en-GB``."""
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGS else "ltr"


def script_lang(script: str) -> str:
    """The language assumed for a block written in ``script`` (``latin`` or ``arabic``)."""
    return "ar" if script == "arabic" else "en"


def written_lang(text: str, lang: str) -> str:
    """The language of a short text that belongs to a ``lang`` article (a byline): ``lang``
    when its first letter is in a script of ``lang``'s direction, else that script's language
    (``AFP`` in an Arabic article is English, ``وكالات`` in an English one Arabic)."""
    for char in text:
        if char.isalpha():
            rtl = "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufefc"
            if rtl == (direction(lang) == "rtl"):
                return lang
            return script_lang("arabic" if rtl else "latin")
    return lang


PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
"""CLDR plural categories, the suffixes of a count's variants (``mentions_count.few``)."""


def _locale(lang: str) -> str:
    return lang.replace("-", "_")


def with_digits(text: str, digits: str) -> str:
    """``text`` with its ASCII digits written in the numbering system ``digits`` (``arab``: ٠١٢…)."""
    if digits == "latn":
        return text
    zero = ord(_ZERO[digits])
    return text.translate({ord("0") + i: zero + i for i in range(10)})


def date_text(moment: datetime | date, lang: str, digits: str = "latn") -> str:
    """A long localised date: "28 October 2024" / "28 أكتوبر 2024" / "٢٨ أكتوبر ٢٠٢٤".
    A moment shows the day of its own time zone."""
    # Memoised by the day, not the moment: aware datetimes compare (and hash) by their
    # instant, so a cache keyed by them would give a moment the day of another zone.
    return _day_text(moment.date() if isinstance(moment, datetime) else moment, lang, digits)


@functools.lru_cache(maxsize=8192)
def _day_text(day: date, lang: str, digits: str) -> str:
    return with_digits(format_date(day, "long", locale=_locale(lang)), digits)


@functools.lru_cache(maxsize=8192)
def pattern_text(day: date, pattern: str, lang: str, digits: str = "latn") -> str:
    """``day`` in a CLDR date pattern (``LLL`` → "Oct" / "أكتوبر", ``y`` → "2024")."""
    return with_digits(format_date(day, pattern, locale=_locale(lang)), digits)


def datetime_text(moment: datetime, lang: str, with_time: bool = True, digits: str = "latn") -> str:
    """Date plus time in the moment's own zone, e.g. "28 October 2024, 12:56 UTC"."""
    day = format_date(moment, "long", locale=_locale(lang))
    if not with_time:
        return with_digits(day, digits)
    clock = format_time(moment, "HH:mm", tzinfo=moment.tzinfo, locale=_locale(lang))
    sep = "، " if direction(lang) == "rtl" else ", "
    return with_digits(f"{day}{sep}{clock} {zone_label(moment)}", digits)


def zone_label(moment: datetime) -> str:
    offset = moment.utcoffset()
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def month_text(month: str, lang: str, digits: str = "latn") -> str:
    """``2024-10`` → "October 2024" / "أكتوبر 2024"."""
    year, mon = (int(part) for part in month.split("-"))
    return with_digits(format_date(datetime(year, mon, 1, tzinfo=UTC), "LLLL y", locale=_locale(lang)), digits)


@functools.lru_cache(maxsize=8192)
def number_text(value: int, lang: str, digits: str = "latn") -> str:
    """A count for a page: Babel's grouping for the language, in its numbering system.

    Babel's ``numbering_system`` picks the separators (``٬`` for ``arab``) but keeps
    ASCII digits, so the digits are mapped here too."""
    return with_digits(format_decimal(value, locale=_locale(lang), numbering_system=digits), digits)
