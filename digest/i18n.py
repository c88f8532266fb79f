"""Language facts and localised formatting: direction, dates and numbers via Babel.

Interface strings live with the theme (``templates/i18n/<lang>.yaml``) so a theme
can be translated without touching code; this module loads them and formats
dates and numbers for a page language. Arabic pages use Latin digits by default,
as most Arabic news sites do (and as Babel's Arabic date patterns do); a site may
choose Arabic-Indic digits per language (``digits`` in site.yaml). Babel knows
each numbering system's separators but writes ASCII digits in numbers and dates
alike, so text is formatted first and its digits mapped afterwards. Number and date
formatting is memoised: results depend only on the arguments, and a large build
formats the same counts and days many thousands of times.
"""

from __future__ import annotations

import difflib
import functools
from datetime import UTC, date, datetime
from pathlib import Path

import jinja2
from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from . import frontmatter
from .diagnostics import Diagnostics, suggest

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


def load_strings(folder: Path, languages: tuple[str, ...], diags: Diagnostics) -> dict[str, dict[str, str]]:
    """Interface strings per language; a language without a file or a missing key is an error.

    The files are read like content files (positions kept, duplicate keys refused), so that
    a key is reported at its own line.
    """
    table: dict[str, dict[str, str]] = {}
    places: dict[str, dict[str, tuple[int, int]]] = {}
    for lang in languages:
        shown = f"templates/i18n/{lang}.yaml"
        try:
            text = (folder / f"{lang}.yaml").read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            diags.error(shown, 0, 0, f"no interface strings for language '{lang}': add this file")
            continue
        except (OSError, UnicodeDecodeError) as exc:
            diags.error(shown, 0, 0, f"cannot read interface strings: {exc}")
            continue
        doc = frontmatter.load(text.replace("\r\n", "\n").replace("\r", "\n"), shown, diags)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            diags.error(shown, 1, 1, "interface strings are a mapping of keys to texts: 'key: \"text\"'")
            continue
        table[lang] = {str(k): str(v) for k, v in doc.data.items()}
        places[lang] = {str(k): doc.key_at((k,)) for k in doc.data}
        for key, (line, col) in places[lang].items():
            base, dot, form = key.partition(".")
            if dot and form not in PLURAL_FORMS:
                hint = suggest(form, PLURAL_FORMS)
                message = f"unknown plural form '{form}' in '{key}'{hint} (one of: {', '.join(PLURAL_FORMS)})"
                diags.error(shown, line, col, message)
    if len(table) > 1:
        _compare(table, places, theme_keys(folder.parent), diags)
    return table


def _compare(
    table: dict[str, dict[str, str]],
    places: dict[str, dict[str, tuple[int, int]]],
    used: frozenset[str],
    diags: Diagnostics,
) -> None:
    """Every language must have the same strings; a key only some files have is reported where
    it is written, with the key it may be a misspelling of, in place of that key's absence.

    With two languages a misspelt key and the key it stands for are each in one file only:
    the one the templates use is taken to be right. Between two keys no template uses
    (those the engine looks up itself), each file is told of its own.
    """
    # Plural variants (``key.one``, ``key.few`` …) differ by language; compare base keys.
    bases = {lang: {key.split(".")[0]: key for key in reversed(list(strings))} for lang, strings in table.items()}
    every = set().union(*bases.values())
    misspelt: set[str] = set()
    explained: dict[str, set[str]] = {lang: set() for lang in bases}
    for lang, keys in bases.items():
        missing = sorted(every - set(keys))
        for base in sorted(keys):
            lacking = [other for other, theirs in bases.items() if base not in theirs]
            close = difflib.get_close_matches(base, missing, n=1, cutoff=0.6)
            if not lacking or not close or (base in used and close[0] not in used):
                continue
            misspelt.add(base)
            explained[lang].add(close[0])
            files = ", ".join(f"{other}.yaml" for other in lacking)
            line, col = places[lang][keys[base]]
            diags.error(
                f"templates/i18n/{lang}.yaml",
                line,
                col,
                f"interface string '{base}' is not in {files} (did you mean '{close[0]}'?)",
            )
    for lang, keys in bases.items():
        for base in sorted(every - set(keys) - explained[lang] - misspelt):
            diags.error(f"templates/i18n/{lang}.yaml", 0, 0, f"missing interface string '{base}'")


def theme_keys(templates: Path) -> frozenset[str]:
    """The interface strings the theme's templates ask for by name (``t('key')``).

    A template with a syntax error is left out: the template check reports it.
    """
    env = jinja2.Environment()
    keys: set[str] = set()
    for path in sorted(templates.rglob("*")):
        if path.suffix not in (".html", ".xml") or not path.is_file():
            continue
        try:
            tree = env.parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
            continue
        for call in tree.find_all(jinja2.nodes.Call):
            name, args = call.node, call.args
            first = args[0] if args else None
            if isinstance(name, jinja2.nodes.Name) and name.name == "t" and isinstance(first, jinja2.nodes.Const):
                keys.add(str(first.value).split(".")[0])
    return frozenset(keys)


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
