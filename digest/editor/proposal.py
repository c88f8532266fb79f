"""An import's proposal: the front matter and body an input would become, its slug and
dates, checked by the build's own reader before anything is written.

Nothing is invented: a title or a date the input lacks is an error asking for
``--title``/``--date``; a time without a zone stays without one unless ``--timezone``
says which (``with_zone``). Without ``--title-en`` the slug is made from the ids of the
registered entities the title names (``entity_slug``), else transliterated.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from anyascii import anyascii

from ..diagnostics import Diagnostics
from ..markup import make_parser, parse_body
from ..read import frontmatter, schema
from ..read.project import NAME_RE, Project
from ..read.reader import References, check_references
from ..text.invisibles import name_problems, nfc
from .annotate import Matcher, words_of
from .duplicates import clean_url
from .editing import Registry, annotate_text
from .scrape import Scraped
from .scrape.spelling import clean

MAX_SLUG_WORDS = 8


SLUG_MIN_ENTITIES = 2
"""A slug made of entity ids needs at least this many: one name alone rarely tells two stories apart."""


@dataclass(frozen=True)
class Proposal:
    """One article ready to be written (or printed with ``--dry-run``)."""

    path: Path
    text: str
    mentions: int
    notes: tuple[str, ...] = ()
    """What the command line changed in what was found (a zone given with ``--timezone``)."""
    slug_note: str | None = None
    """Where the slug came from when neither ``--slug`` nor ``--title-en`` gave it."""


def make_slug(moment: datetime, title: str) -> str:
    """``2024-10-28-nato-chief-says-...``: the date, then ASCII words of the title (transliterated if needed)."""
    # anyascii writes ayn and hamza as ` and ' (عام → `m): drop them rather than split words.
    words = re.findall(r"[a-z0-9]+", re.sub(r"[`']", "", anyascii(title).lower()))
    return "-".join([moment.strftime("%Y-%m-%d"), *words[:MAX_SLUG_WORDS]])


def entity_slug(moment: datetime, title: str, matcher: Matcher) -> str | None:
    """``2024-10-28-mark-rutte-north-korea-kursk-oblast``: the ids of the registered entities the
    title names, in order, each once (as many as fit in ``MAX_SLUG_WORDS`` words); ``None`` when
    it names fewer than ``SLUG_MIN_ENTITIES``."""
    ids = list(dict.fromkeys(found[2] for found in matcher.find(words_of(title, ()))))
    if len(ids) < SLUG_MIN_ENTITIES:
        return None
    kept: list[str] = []
    for entity_id in ids:
        if len(kept) >= SLUG_MIN_ENTITIES and sum(len(i.split("-")) for i in (*kept, entity_id)) > MAX_SLUG_WORDS:
            break
        kept.append(entity_id)
    return "-".join([moment.strftime("%Y-%m-%d"), *kept])


def front_matter(values: dict[str, object]) -> str:
    body = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    return f"---\n{body}---\n"


def date_text(moment: datetime, has_time: bool) -> str:
    """The front-matter value: ``2024-10-28``, ``2024-10-28T12:56:00`` (floating: no zone was
    stated, so the site's applies) or ``2024-10-28T12:56:00+03:00`` / ``…Z``."""
    if not has_time:
        return moment.strftime("%Y-%m-%d")
    return moment.isoformat().replace("+00:00", "Z")


def parse_zone(value: str) -> tzinfo:
    """``--timezone``: an IANA name (``Asia/Riyadh``), ``UTC``/``Z``, or an offset (``+03:00``, ``+3``)."""
    text = value.strip()
    if text.upper() in ("UTC", "Z", "GMT"):
        return UTC
    offset = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", text, re.I)
    if offset:
        hours, minutes = int(offset[2]), int(offset[3] or 0)
        if hours <= 14 and minutes < 60:
            delta = timedelta(hours=hours, minutes=minutes)
            return timezone(delta if offset[1] == "+" else -delta)
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"--timezone {value!r} is not a time zone: use a name such as Asia/Riyadh or an offset such as +03:00"
        ) from None


def with_zone(moment: datetime, has_time: bool, zone: tzinfo | None) -> tuple[datetime, str | None]:
    """A floating date-time read in the outlet's zone when the editor gave one; what was done, for the report."""
    if zone is None or not has_time or moment.tzinfo is not None:
        return moment, None
    placed = moment.replace(tzinfo=zone)
    return placed, f"time {moment:%H:%M} read in {zone} (--timezone)"


def propose(
    scraped: Scraped,
    args: argparse.Namespace,
    lang: str,
    project: Project,
    registry: Registry,
    diags: Diagnostics,
    raw_display: str,
    zone: tzinfo | None = None,
    *,
    url: str | None = None,
    matcher: Matcher | None = None,
) -> Proposal | None:
    """Combine what was found with the command-line options; report what is missing.

    ``url`` is the article's own address (front-matter ``source.url``). Unless ``--slug`` or
    ``--title-en`` names the file, its slug is made of the entities the title names
    (``entity_slug``), else of the title transliterated.
    """
    title = args.title or scraped.title
    if not title:
        diags.error(raw_display, 1, 1, "no title found in the text: give one with --title")
    when = _publication(scraped, args, diags, raw_display)
    if when is None or not title:
        return None
    moment, has_time = when
    moment, placed = with_zone(moment, has_time, zone)
    values = _front_values(scraped, args, lang, title, date_text(moment, has_time), zone, url)
    text = front_matter(values) + "\n" + scraped.body.strip() + "\n"
    matcher = matcher or Matcher(registry.entities)
    text, mentions, _ = annotate_text(text, matcher, make_parser())
    slug, slug_note = _slug(args, moment, title, matcher)
    if not NAME_RE.match(slug):
        diags.error(raw_display, 1, 1, f"cannot make a file name from the title: give one with --slug (got {slug!r})")
        return None
    path = project.content_dir / "articles" / f"{slug}.{lang}.md"
    return Proposal(path, text, mentions, (placed,) if placed else (), slug_note)


def _publication(
    scraped: Scraped, args: argparse.Namespace, diags: Diagnostics, shown: str
) -> tuple[datetime, bool] | None:
    """``--date`` when given, else the date found; ``None`` (and an error) when there is none."""
    if args.date:
        try:
            return schema.timestamp(args.date, schema.Context())
        except schema.Invalid as problem:
            diags.error(shown, 1, 1, f"--date: {problem}")
            return None
    if scraped.date is None:
        diags.error(shown, 1, 1, "no publication date found in the text: give one with --date")
        return None
    return scraped.date, scraped.date_has_time


def _front_values(
    scraped: Scraped,
    args: argparse.Namespace,
    lang: str,
    title: str,
    published: str,
    zone: tzinfo | None,
    url: str | None,
) -> dict[str, object]:
    values: dict[str, object] = {
        "title": {lang: title, "en": args.title_en} if args.title_en and lang != "en" else title,
        "date": published,
    }
    if scraped.updated:
        values["updated"] = date_text(with_zone(scraped.updated, True, zone)[0], True)
    source = args.source or scraped.source
    if url and not source:
        from .webpage import host_name

        source = host_name(url)
    if source:
        values["source"] = {"name": source, "url": clean_url(url) if url else None}
    byline: str | None = getattr(args, "author", None) or scraped.author
    author = _name_text(byline) if byline else None
    if author:
        values["author"] = author
    if scraped.tags:
        values["tags"] = list(scraped.tags)
    if scraped.image_credit:
        values["image_credit"] = scraped.image_credit
    if scraped.related:
        values["related"] = list(scraped.related)
    return values


def _name_text(value: str) -> str:
    """A name found on a page as a front-matter name may hold it: without the invisible marks and
    bidi controls pages carry (a name with them is refused), spaces made one, in NFC."""
    text = nfc(clean(value))
    for problem in reversed(name_problems(text)):
        text = text[: problem.index] + text[problem.index + 1 :]
    return clean(text)


def _slug(args: argparse.Namespace, moment: datetime, title: str, matcher: Matcher) -> tuple[str, str | None]:
    """The file name's slug and, when the editor did not choose it, a note saying how it was made."""
    if args.slug:
        return args.slug, None
    if args.title_en:
        return make_slug(moment, args.title_en), None
    named = entity_slug(moment, title, matcher)
    if named:
        return named, "from the entities the title names; set it with --slug or --title-en"
    return make_slug(moment, title), "the title transliterated; set it with --slug or --title-en"


def validate(proposal: Proposal, project: Project, registry: Registry, diags: Diagnostics) -> bool:
    """Check the proposed file exactly as the build would read it."""
    shown = project.display(proposal.path)
    local = Diagnostics()
    parts = frontmatter.split(proposal.text, shown, local)
    if parts:
        doc = frontmatter.load(parts.yaml_text, shown, local, parts.yaml_line)
        lang = proposal.path.name.split(".")[-2]
        if doc is not None:
            ctx = schema.Context(languages=registry.languages, own_lang=lang)
            schema.check(doc, schema.ARTICLE, ctx, local, "front matter")
        body = parse_body(make_parser(), parts.body, shown, parts.body_line, local)
        check_references(body, References(frozenset(registry.entities), {}), local)
    diags.extend(local.sorted())
    return not local.has_errors


def plain_body(proposal: Proposal) -> str:
    """The proposed body as reading text, made as the reader makes ``Body.text`` of the articles it compares with."""
    parts = frontmatter.split(proposal.text, "", Diagnostics())
    if parts is None:
        return ""
    return parse_body(make_parser(), parts.body, "", parts.body_line, Diagnostics()).text
