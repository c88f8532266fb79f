"""Declarative schemas for site.yaml, entity files and article front matter.

Each schema is a table of ``Field`` specs. ``check`` walks a YAML ``Document``
against one, converts values to model types and reports every problem at its own
line and column: a missing key at the mapping, an unknown key (with a "did you
mean") at the key, a mistyped value at the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..diagnostics import Diagnostics, suggest
from ..i18n import DIGITS
from ..model import ENTITY_TYPES, Localized, Source
from ..text.invisibles import name_problems, nfc
from .frontmatter import Document, KeyPath

LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")


class Invalid(Exception):
    """Raised inside a converter; ``check`` turns it into a diagnostic at the value.

    ``at`` is the key path inside the value (a list index, a language) so the
    diagnostic points at the exact item that is wrong.
    """

    def __init__(self, message: str, at: KeyPath = (), on_key: bool = False) -> None:
        super().__init__(message)
        self.at = at
        self.on_key = on_key
        """The problem is the key named by ``at`` (an unknown language), not its value."""


def _item(convert: Converter, value: Any, ctx: Context, key: Any) -> Any:
    try:
        return convert(value, ctx)
    except Invalid as problem:
        raise Invalid(str(problem), (key, *problem.at), problem.on_key) from None


@dataclass(frozen=True)
class Context:
    """What converters need to know beyond the value itself."""

    languages: tuple[str, ...] = ()
    own_lang: str | None = None
    """The file's language: a plain string for a localised field means this language."""
    tz: tzinfo = UTC
    """Zone for date-times written without one."""


Converter = Callable[[Any, Context], Any]


@dataclass(frozen=True)
class Field:
    convert: Converter
    required: bool = False
    default: Any = None
    names: bool = False
    """The value holds names (see ``text.invisibles``): hidden characters are errors, and
    text not in NFC is read as NFC with a warning."""


def text(value: Any, _ctx: Context) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Invalid(f"expected text, found {_kind(value)}")
    if not isinstance(value, str):
        raise Invalid(f"expected text, found the number {value!r}: put it in quotes")
    if not value.strip():
        raise Invalid("must not be empty")
    return value.strip()


def optional_text(value: Any, ctx: Context) -> str | None:
    return None if value is None else text(value, ctx)


def text_list(value: Any, ctx: Context) -> tuple[str, ...]:
    if isinstance(value, str):
        return (text(value, ctx),)
    if not isinstance(value, list):
        raise Invalid(f"expected a list of text, found {_kind(value)}")
    items = tuple(_item(text, item, ctx, i) for i, item in enumerate(value))
    return tuple(dict.fromkeys(items))  # a repeated entry is dropped (``check`` warns about it)


def boolean(value: Any, _ctx: Context) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, found {_kind(value)}")
    return value


def url(value: Any, ctx: Context) -> str:
    raw = text(value, ctx)
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Invalid(f"expected an absolute http(s) URL, found {raw!r}")
    return raw


def optional_url(value: Any, ctx: Context) -> str | None:
    return None if value is None else url(value, ctx)


def localized(value: Any, ctx: Context) -> Localized:
    if isinstance(value, str) and ctx.own_lang:
        return Localized.of({ctx.own_lang: text(value, ctx)})
    if not isinstance(value, dict):
        wanted = "text or a mapping by language" if ctx.own_lang else "a mapping by language"
        raise Invalid(f"expected {wanted} (e.g. {{ar: ..., en: ...}}), found {_kind(value)}")
    _check_langs(value, ctx)
    if not value:
        raise Invalid("must give the text in at least one language")
    return Localized(tuple((lang, _item(text, value[lang], ctx, lang)) for lang in ctx.languages if lang in value))


def _check_langs(value: dict[Any, Any], ctx: Context) -> None:
    for lang in value:
        if lang not in ctx.languages:
            raise Invalid(
                f"unknown language '{lang}' (site languages: {', '.join(ctx.languages)})"
                + suggest(str(lang), ctx.languages),
                (lang,),
                on_key=True,
            )


def timestamp(value: Any, ctx: Context) -> tuple[datetime, bool]:
    """An ISO 8601 date or date-time: ``(aware datetime, has_time)``; the zone is kept."""
    raw = value if isinstance(value, str) else str(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            day = date.fromisoformat(raw)
            return datetime(day.year, day.month, day.day, tzinfo=ctx.tz), False
        moment = datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError:
        raise Invalid(f"invalid date {raw!r}: use ISO 8601, e.g. 2024-10-28 or 2024-10-28T12:56:00Z") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ctx.tz)
    return moment, True


def optional_timestamp(value: Any, ctx: Context) -> tuple[datetime, bool] | None:
    return None if value is None else timestamp(value, ctx)


def source(value: Any, ctx: Context) -> Source:
    if isinstance(value, str):
        return Source(name=text(value, ctx))
    if not isinstance(value, dict):
        raise Invalid(f"expected a mapping {{name: ..., url: ...}}, found {_kind(value)}")
    for key in value:
        if key not in ("name", "url"):
            raise Invalid(f"unknown key '{key}' in source" + suggest(str(key), ("name", "url")), (key,))
    if "name" not in value:
        raise Invalid("source needs a 'name'")
    return Source(
        name=_item(text, value["name"], ctx, "name"),
        url=_item(optional_url, value.get("url"), ctx, "url"),
    )


def entity_type(value: Any, ctx: Context) -> str:
    kind = text(value, ctx)
    if kind not in ENTITY_TYPES:
        raise Invalid(f"unknown entity type '{kind}' (one of: {', '.join(ENTITY_TYPES)})" + suggest(kind, ENTITY_TYPES))
    return kind


def wikidata(value: Any, ctx: Context) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        raise Invalid(f"invalid Wikidata id {value}: expected Q followed by digits, e.g. Q{value}")
    qid = text(value, ctx)
    if not WIKIDATA_RE.match(qid):
        raise Invalid(f"invalid Wikidata id {qid!r}: expected Q followed by digits, e.g. Q57792")
    return qid


def aliases(value: Any, ctx: Context) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise Invalid(f"expected a mapping by language of lists, found {_kind(value)}")
    _check_langs(value, ctx)
    return tuple((lang, _item(text_list, value[lang], ctx, lang)) for lang in ctx.languages if lang in value)


def languages(value: Any, ctx: Context) -> tuple[str, ...]:
    codes = text_list(value, ctx)
    if not codes:
        raise Invalid("list at least one language, e.g. [ar, en]")
    for i, code in enumerate(codes):
        if not LANG_RE.match(code):
            raise Invalid(f"invalid language code {code!r}: expected e.g. 'ar' or 'en'", (i,))
    return codes


def zone(value: Any, ctx: Context) -> str:
    name = text(value, ctx)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(f"unknown time zone {name!r}: use an IANA name such as 'UTC' or 'Asia/Dubai'") from None
    return name


def digits(value: Any, ctx: Context) -> tuple[tuple[str, str], ...]:
    """``{ar: arabic-indic}`` → ``(("ar", "arab"),)``: the digits each edition writes."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise Invalid(f"expected a mapping by language (e.g. {{ar: arabic-indic}}), found {_kind(value)}")
    _check_langs(value, ctx)
    names = tuple(DIGITS)
    found = []
    for lang in ctx.languages:
        if lang not in value:
            continue
        name = _item(text, value[lang], ctx, lang)
        if name not in DIGITS:
            raise Invalid(f"unknown digits '{name}' (one of: {', '.join(names)})" + suggest(name, names), (lang,))
        found.append((lang, DIGITS[name]))
    return tuple(found)


SITE = {
    "title": Field(localized, required=True),
    "base_url": Field(url, required=True),
    "languages": Field(languages, required=True),
    "description": Field(lambda v, c: None if v is None else localized(v, c)),
    "timezone": Field(zone, default="UTC"),
    "digits": Field(digits, default=()),
}

ENTITY = {
    "type": Field(entity_type, required=True),
    "name": Field(localized, required=True, names=True),
    "aliases": Field(aliases, default=(), names=True),
    "description": Field(lambda v, c: None if v is None else localized(v, c)),
    "wikidata": Field(wikidata),
}

ARTICLE = {
    "title": Field(localized, required=True),
    "date": Field(timestamp, required=True),
    "updated": Field(optional_timestamp),
    "summary": Field(lambda v, c: None if v is None else localized(v, c)),
    "source": Field(lambda v, c: None if v is None else source(v, c), names=True),
    "author": Field(optional_text, names=True),
    "tags": Field(lambda v, c: () if v is None else text_list(v, c), default=(), names=True),
    "image_credit": Field(optional_text),
    "related": Field(lambda v, c: () if v is None else text_list(v, c), default=()),
    "draft": Field(boolean, default=False),
}


def check(
    doc: Document, fields: Mapping[str, Field], ctx: Context, diags: Diagnostics, what: str
) -> dict[str, Any] | None:
    """Validate ``doc.data`` against ``fields``; ``None`` when anything was wrong."""
    data = doc.data
    if not isinstance(data, dict):
        line, col = doc.at(())
        diags.error(doc.path, line, col, f"{what} must be a mapping of keys to values, found {_kind(data)}")
        return None
    ok = True
    result: dict[str, Any] = {}
    for key in data:
        if key not in fields:
            line, col = doc.key_at((key,))
            diags.error(doc.path, line, col, f"unknown key '{key}' in {what}" + suggest(str(key), fields))
            ok = False
    for name, spec in fields.items():
        if name not in data:
            if spec.required:
                diags.error(doc.path, *_first_line(doc), f"missing required key '{name}' in {what}")
                ok = False
            result[name] = spec.default
            continue
        raw = data[name]
        if spec.names:
            raw, clean = _check_names(doc, name, raw, diags)
            if not clean:
                ok = False
                continue
        try:
            result[name] = spec.convert(raw, ctx)
            _warn_repeats(doc, name, raw, diags)
        except Invalid as problem:
            where = (name, *problem.at)
            line, col = doc.key_at(where) if problem.on_key else doc.at(where)
            diags.error(doc.path, line, col, f"'{name}': {problem}")
            ok = False
    return result if ok else None


def _check_names(doc: Document, name: str, raw: Any, diags: Diagnostics) -> tuple[Any, bool]:
    """``raw`` with every text in NFC, and whether it is free of hidden characters."""
    clean = True

    def walk(value: Any, at: KeyPath) -> Any:
        nonlocal clean
        if isinstance(value, list):
            return [walk(item, (*at, i)) for i, item in enumerate(value)]
        if isinstance(value, dict):
            return {key: walk(item, (*at, key)) for key, item in value.items()}
        if not isinstance(value, str):
            return value
        line, col = doc.at((name, *at))
        problems = name_problems(value)
        if problems:
            diags.error(doc.path, line, col, f"'{name}': {problems[0].message}")
            clean = False
            return value
        composed = nfc(value)
        if composed != value:
            message = f"'{name}': {composed!r} is written decomposed (not Unicode NFC); it is read as NFC"
            diags.warning(doc.path, line, col, message)
        return composed

    return walk(raw, ()), clean


def _warn_repeats(doc: Document, name: str, raw: Any, diags: Diagnostics) -> None:
    if not isinstance(raw, list):
        return
    seen: set[Any] = set()
    for i, item in enumerate(raw):
        key = item.strip() if isinstance(item, str) else item
        if key in seen:
            line, col = doc.at((name, i))
            diags.warning(doc.path, line, col, f"'{name}': {item!r} is listed twice; the repeat is dropped")
        seen.add(key)


def _first_line(doc: Document) -> tuple[int, int]:
    return doc.at(())


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
