"""``python build.py import RAW.txt PAGE.html https://… [--feed URL]``: inputs → proposals → files.

Each input is read into the same ``Scraped`` record: a raw text by ``scrape.parse_scraped``,
a saved page or a URL by ``webpage.read_page`` (which fetches nothing itself; ``fetching``
does), the items of a feed by ``feedlist`` one URL at a time. This module then fills the
gaps from the command line (never by inventing: a missing title or date is an error
asking for ``--title``/``--date``), writes the front matter, annotates the body with the
entity registry, checks the result with the same reader the build uses, refuses what
content/ already holds (``duplicates``: the same source URL or nearly the same text), and
only then writes ``content/articles/<slug>.<lang>.md``. An existing file is never
replaced silently: ``--force`` keeps a hidden backup beside it.

One input failing (a page that cannot be fetched, a text without a date) is reported on
its own lines and the others are still imported; the exit code says whether any failed.
"""

from __future__ import annotations

import argparse
import enum
import re
import shutil
import sys
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from anyascii import anyascii

from ..diagnostics import Diagnostic, Diagnostics, Severity
from ..markup import make_parser, parse_body
from ..model import Corpus
from ..read import frontmatter, schema
from ..read.project import NAME_RE, Project
from ..read.reader import References, check_references, read_project
from ..text.english import plural
from ..text.invisibles import name_problems, nfc
from . import outlets
from .annotate import Matcher, words_of
from .duplicates import Catalogue, Duplicate, clean_url
from .editing import Registry, annotate_text, load_registry, save_text
from .scrape import Scraped, parse_scraped
from .scrape.byline import with_author
from .scrape.spelling import clean

if TYPE_CHECKING:
    from .feedlist import Feed
    from .fetching import Fetcher
    from .webpage import Hints

MAX_SLUG_WORDS = 8
SLUG_MIN_ENTITIES = 2
"""A slug made of entity ids needs at least this many: one name alone rarely tells two stories apart."""
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


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


class Outcome(enum.Enum):
    IMPORTED = "imported"
    FAILED = "failed"
    SKIPPED = "skipped"
    """Already imported (a feed item seen before): not a failure."""


@dataclass(frozen=True)
class Input:
    """One thing to import, as the editor named it."""

    shown: str
    kind: str
    """``text`` (a raw scraped text), ``page`` (a saved HTML file) or ``url``."""
    path: Path | None = None
    url: str | None = None
    hints: Hints | None = None
    """What the feed said about the item (title, date), for a page that says nothing itself."""
    from_feed: bool = False


@dataclass(frozen=True)
class Loaded:
    """An input read: what the readers found, and the addresses the article is known by."""

    scraped: Scraped
    urls: tuple[str, ...] = ()
    """The article's own address first (its canonical link), then where it was fetched from."""
    text: str | None = None
    """The plain text a page was turned into (what the report's line numbers count)."""
    path: Path | None = None
    """The input file, beside which a pasted related article is saved (none for a URL)."""
    profile: outlets.Profile | None = None
    """The outlet's profile: its furniture was dropped, and this import's short lines are counted in it."""
    profile_file: Path | None = None


@dataclass
class Tally:
    imported: int = 0
    failed: int = 0
    skipped: int = 0
    bad_feeds: int = 0

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)


@dataclass
class Session:
    """What every input of one run shares: options, registry, what content/ holds, the HTTP client."""

    project: Project
    args: argparse.Namespace
    lang: str
    registry: Registry
    corpus: Corpus | None
    reference: date | None
    zone: tzinfo | None
    matcher: Matcher = field(init=False)
    known_tags: list[str] = field(init=False)
    """Tags used in content/, to split a tag line whose separators were lost."""
    known_names: list[str] = field(init=False)
    """Every entity name and alias, for the same."""
    _catalogue: Catalogue | None = field(init=False, default=None)
    _fetcher: Fetcher | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.matcher = Matcher(self.registry.entities)
        articles = self.corpus.articles() if self.corpus else ()
        self.known_tags = sorted({t for a in articles for t in a.tags})
        self.known_names = sorted(
            {name for e in self.registry.entities.values() for _, name in e.name.values}
            | {alias for e in self.registry.entities.values() for _, names in e.aliases for alias in names}
        )

    @property
    def catalogue(self) -> Catalogue:
        """The articles of the import's language already in content/, made at first need."""
        if self._catalogue is None:
            self._catalogue = Catalogue()
            for article in self.corpus.articles() if self.corpus else ():
                if article.lang == self.lang:
                    path = self.project.content_dir / "articles" / f"{article.slug}.{article.lang}.md"
                    urls = [article.source.url] if article.source and article.source.url else []
                    self._catalogue.add(path, article.body.text, urls)
        return self._catalogue

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from .fetching import Fetcher

            self._fetcher = Fetcher()
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


# --------------------------------------------------------------------------- the front matter


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


# --------------------------------------------------------------------------- the run


def run_import(project: Project, args: argparse.Namespace) -> int:
    inputs = [_classify(raw) for raw in args.raw]
    feeds = getattr(args, "feed", None) or []
    if not inputs and not feeds:
        print("error: nothing to import: name raw texts, saved pages or URLs, or give --feed", file=sys.stderr)
        return 2
    address = getattr(args, "url", None)
    if address:
        if len(inputs) != 1 or feeds or inputs[0].kind == "url":
            print("error: --url gives the address of one text or saved page: name exactly one file", file=sys.stderr)
            return 2
        if not re.match(r"^https?://", address, re.I):
            print(f"error: --url {address!r} is not an http(s) address", file=sys.stderr)
            return 2
        inputs = [replace(inputs[0], url=address)]
    diags = Diagnostics()
    registry = load_registry(project, diags)
    if registry is None or diags.has_errors:
        _print(diags)
        print("failed: fix the site settings and entity registry first; nothing written", file=sys.stderr)
        return 1
    lang = args.lang or registry.languages[0]
    if lang not in registry.languages:
        print(f"error: --lang {lang!r} is not a site language ({', '.join(registry.languages)})", file=sys.stderr)
        return 1
    zone = None
    if getattr(args, "timezone", None):
        try:
            zone = parse_zone(args.timezone)
        except ValueError as problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
    corpus = read_project(project, Diagnostics(), drafts=True).corpus
    session = Session(project, args, lang, registry, corpus, _reference_date(args.date), zone)
    tally = Tally()
    try:
        for item in inputs:
            tally.add(_import_one(session, item))
        for feed in feeds:
            _import_feed(session, feed, tally)
    finally:
        session.close()
    print(_summary(tally.imported + tally.failed, tally.failed, args.dry_run, tally.skipped, tally.bad_feeds))
    return 1 if tally.failed or tally.bad_feeds else 0


def _classify(raw: str | Path) -> Input:
    """A URL, a saved page (by its suffix, or an HTML start) or a raw text, from how it is written."""
    text = str(raw)
    if re.match(r"^https?://", text, re.I):
        return Input(text, "url", url=text)
    path = Path(text)
    return Input(path.as_posix(), "page" if _is_page(path) else "text", path=path)


def _is_page(path: Path) -> bool:
    if path.suffix.lower() in PAGE_SUFFIXES:
        return True
    if path.suffix.lower() == ".txt":
        return False
    try:
        with open(path, "rb") as handle:
            start = handle.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return False
    return start.startswith((b"<!doctype html", b"<html"))


def _summary(total: int, failed: int, dry_run: bool, skipped: int = 0, bad_feeds: int = 0) -> str:
    """The run's last line: "imported 3 files", "imported 2 of 3 files; 1 failed", and for a
    dry run what it would do ("would import 1 file; nothing written"); then what was skipped
    as already imported and the feeds that could not be read."""
    verb = "would import" if dry_run else "imported"
    if not total and skipped:
        done = "nothing new to import"
    elif not failed:
        done = f"{verb} {plural(total, 'file')}"
    elif failed < total:
        done = f"{verb} {total - failed} of {plural(total, 'file')}; {failed} failed"
    else:
        done = f"{verb} nothing: {plural(total, 'file')} failed"
    if skipped:
        done += f"; skipped {skipped} already imported"
    if bad_feeds:
        done += f"; {plural(bad_feeds, 'feed')} could not be read"
    return f"{done}; nothing written" if dry_run else done


def _reference_date(value: str | None) -> date | None:
    """``--date`` as the day relative words (أمس, اليوم) are counted from; an invalid one is reported later."""
    if not value:
        return None
    try:
        return schema.timestamp(value, schema.Context())[0].date()
    except schema.Invalid:
        return None


# --------------------------------------------------------------------------- one input


def _import_one(session: Session, item: Input) -> Outcome:
    """Read, propose, check, refuse duplicates, write: one input, reported on its own lines."""
    loaded = _load(session, item)
    if loaded is None:
        return Outcome.FAILED
    print(f"{item.shown}:")
    _report(loaded, session.args)
    diags = Diagnostics()
    diags.extend(_kept_diagnostics(loaded.scraped, session.args))
    proposal, outcome = _checked(session, item, loaded, diags)
    _print(diags)
    if proposal is None:
        return outcome
    _write(session, proposal, loaded)
    _split_off(loaded, session.args.dry_run)
    return Outcome.IMPORTED


def _checked(session: Session, item: Input, loaded: Loaded, diags: Diagnostics) -> tuple[Proposal | None, Outcome]:
    """The file to write once it is valid, new to content/ (or ``--force``) and its name free; else why not."""
    args = session.args
    proposal = propose(
        loaded.scraped,
        args,
        session.lang,
        session.project,
        session.registry,
        diags,
        item.shown,
        session.zone,
        url=loaded.urls[0] if loaded.urls else None,
        matcher=session.matcher,
    )
    for line in proposal.notes if proposal else ():
        print(f"  guessed: {line}")
    if proposal is None or not validate(proposal, session.project, session.registry, diags):
        return None, Outcome.FAILED
    proposal, stopped = _against_duplicates(session, item, loaded, proposal)
    if stopped is not None:
        return None, stopped
    if proposal.path.exists() and not args.force:
        shown = session.project.display(proposal.path)
        message = f"{shown} already exists: use --force to replace it (a backup is kept) or --slug for another name"
        diags.error(item.shown, 1, 1, message)
        return None, Outcome.FAILED
    return proposal, Outcome.IMPORTED


def _load(session: Session, item: Input) -> Loaded | None:
    """The input read into a ``Scraped``; ``None`` after one line saying why it could not be."""
    if item.kind == "url":
        return _load_url(session, item)
    assert item.path is not None
    try:
        content = item.path.read_bytes()
    except OSError as exc:
        print(f"{item.shown}: cannot read: {exc.strerror}", file=sys.stderr)
        return None
    if item.kind == "page":
        return _load_page(session, item, content, item.url)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        print(f"{item.shown}: not UTF-8 text", file=sys.stderr)
        return None

    def read(furniture: tuple[str, ...]) -> Scraped:
        return with_author(parse_scraped(text, item.shown, url=item.url, **_reading(session, furniture)))

    try:
        # The outlet is known from --source before reading, or from the source line the text names.
        profile, profile_file = _profile_for(session.project, None, session.args.source)
        scraped = read(profile.furniture if profile else ())
        if profile is None:
            profile, profile_file = _profile_for(session.project, None, scraped.source)
            if profile is not None and profile.furniture:
                scraped = read(profile.furniture)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return None
    urls = (item.url,) if item.url else ()
    return Loaded(scraped, urls=urls, path=item.path, profile=profile, profile_file=profile_file)


def _reading(session: Session, furniture: tuple[str, ...]) -> dict[str, Any]:
    """What every reader of a text (raw or from a page) is told: the site's language, tags, names and day."""
    return {
        "lang": session.lang,
        "known_tags": session.known_tags,
        "known_names": session.known_names,
        "reference_date": session.reference,
        "furniture": furniture,
    }


def _load_url(session: Session, item: Input) -> Loaded | None:
    from .fetching import FetchError

    assert item.url is not None
    try:
        fetched = session.fetcher.get(item.url)
    except FetchError as exc:
        print(f"{item.shown}: cannot fetch: {exc}", file=sys.stderr)
        return None
    return _load_page(session, item, fetched.content, fetched.final_url, fetched.charset)


def _load_page(
    session: Session, item: Input, content: bytes, fetched_from: str | None, charset: str | None = None
) -> Loaded | None:
    from .webpage import Hints, PageError, decode_html, page_text, read_page_text

    try:
        text = page_text(decode_html(content, charset), url=fetched_from, hints=item.hints or Hints())
        # The outlet is known from the page's address (its host), else from --source or the page's site name.
        name = session.args.source or (text.site.value if text.site else None)
        profile, profile_file = _profile_for(session.project, text.url or fetched_from, name)
    except PageError as exc:
        print(f"{item.shown}: {exc}", file=sys.stderr)
        return None
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return None
    page = read_page_text(text, item.shown, **_reading(session, profile.furniture if profile else ()))
    urls = tuple(dict.fromkeys(u for u in (page.url, fetched_from, item.url) if u))
    return Loaded(page.scraped, urls, page.text, item.path, profile, profile_file)


def _profile_for(project: Project, url: str | None, outlet: str | None) -> tuple[outlets.Profile | None, Path | None]:
    """The outlet's profile and its file, or (None, None) when the outlet is not known."""
    key = outlets.outlet_key(url, outlet)
    if not key:
        return None, None
    path = outlets.profile_path(project.content_dir, key)
    return outlets.load(path, key), path


def _report(loaded: Loaded, args: argparse.Namespace) -> None:
    scraped = loaded.scraped
    if loaded.text is not None:
        count = loaded.text.count("\n")
        print(f"  read the page as a text of {plural(count, 'line')} (line numbers below count its lines)")
        if getattr(args, "show_text", False):
            for number, line in enumerate(loaded.text.splitlines(), start=1):
                print(f"  {number:4d} | {line}")
    for line in scraped.found:
        print(f"  found: {line}")
    for line in scraped.guessed:
        print(f"  guessed: {line}")
    for dropped in scraped.dropped:
        print(f"  dropped: line {dropped.line}: {_clip(dropped.text)!r} ({dropped.reason})")


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kept_diagnostics(scraped: Scraped, args: argparse.Namespace) -> list[Diagnostic]:
    """The readers' warnings, without those the command line already answers (``--title``, ``--date``)."""
    given = {"no title found": args.title, "no publication date found": args.date}
    return [d for d in scraped.diagnostics if not any(d.message.startswith(k) and v for k, v in given.items())]


def _against_duplicates(
    session: Session, item: Input, loaded: Loaded, proposal: Proposal
) -> tuple[Proposal, Outcome | None]:
    """Refuse an article content/ already holds (a feed item is skipped instead); with ``--force``
    the new text replaces the old file, whose slug (shared with its translations) is kept."""
    duplicate = session.catalogue.find(loaded.urls, plain_body(proposal))
    if duplicate is None:
        return proposal, None
    shown = session.project.display(duplicate.path)
    if session.args.force:
        if session.args.slug:
            print(f"  {_why(duplicate)} is already in {shown}, which is kept: --slug names another file")
            return proposal, None
        print(f"  replacing {shown} ({duplicate.reason}; --force)")
        return replace(proposal, path=duplicate.path), None
    if item.from_feed:
        print(f"  skipped: already imported as {shown} ({duplicate.reason})")
        return proposal, Outcome.SKIPPED
    print(f"{item.shown}: already imported as {shown} ({duplicate.reason}): --force to replace", file=sys.stderr)
    return proposal, Outcome.FAILED


def _why(duplicate: Duplicate) -> str:
    if duplicate.reason == "same text":
        return f"the same text ({duplicate.score:.0%} of their 5-word phrases in common)"
    return "the same source URL"


def _write(session: Session, proposal: Proposal, loaded: Loaded) -> None:
    """Write the file (or, in a dry run, print it), keeping a backup of the one it replaces."""
    project = session.project
    shown_path = project.display(proposal.path)
    mentions = plural(proposal.mentions, "mention")
    backup = proposal.path.with_name(f".{proposal.path.name}.bak")
    if proposal.slug_note:
        print(f"  slug: {proposal.path.name.split('.')[0]} ({proposal.slug_note})")
    if session.args.dry_run:
        print(f"--- {shown_path} (dry run, not written)")
        sys.stdout.write(proposal.text)
        if proposal.path.exists():
            print(f"  would keep the previous file as {project.display(backup)}")
        print(f"  would annotate {mentions} and write {shown_path}")
    else:
        if proposal.path.exists():
            shutil.copy2(proposal.path, backup)
            print(f"  kept the previous file as {project.display(backup)}")
        save_text(proposal.path, proposal.text)
        print(f"  wrote {shown_path} ({mentions} annotated)")
        _learn(project, loaded)
    session.catalogue.add(proposal.path, plain_body(proposal), loaded.urls)


def _learn(project: Project, loaded: Loaded) -> None:
    """Count this import's short lines in the outlet's profile; say which became its furniture."""
    if loaded.profile is None or loaded.profile_file is None:
        return
    profile, learned = outlets.learn(loaded.profile, loaded.scraped.candidates)
    outlets.save(loaded.profile_file, profile)
    if learned:
        print(
            f"  learned {plural(len(learned), 'line')} this outlet repeats, dropped from its next imports "
            f"(edit {project.display(loaded.profile_file)} to change)"
        )


def _split_off(loaded: Loaded, dry_run: bool) -> None:
    """A whole related article pasted after "read also" goes to its own text beside the input."""
    for number, extra in enumerate(loaded.scraped.read_also, start=1):
        target = loaded.path.with_name(f"{loaded.path.stem}.read-also-{number}.txt") if loaded.path else None
        if target is None or target.exists():
            print(f"  a related article was pasted in (line {extra.line}): {extra.title!r}; not part of this one")
            continue
        split_off = f"a related article (line {extra.line}) into {target.as_posix()}: import it with its own --date"
        if dry_run:
            print(f"  would split off {split_off}")
        else:
            save_text(target, f"{extra.title}\n\n{extra.body.strip()}\n")
            print(f"  split off {split_off}")


# --------------------------------------------------------------------------- feeds


def _import_feed(session: Session, source: str, tally: Tally) -> None:
    """Every item of one feed, as a URL; items whose link content/ already has are skipped unread."""
    from .webpage import Hints

    feed = _load_feed(session, source)
    if feed is None:
        tally.bad_feeds += 1
        return
    print(f"{source}: {plural(len(feed.items), 'item')}" + (f" ({feed.title})" if feed.title else ""))
    before = Tally(**vars(tally))
    for entry in feed.items:
        known = None if session.args.force else session.catalogue.by_url([entry.link])
        if known is not None:
            print(f"{entry.link}: skipped, already imported as {session.project.display(known)} (same source URL)")
            tally.skipped += 1
            continue
        hints = Hints(title=entry.title, published=entry.published)
        tally.add(_import_one(session, Input(entry.link, "url", url=entry.link, hints=hints, from_feed=True)))
    done = [f"{tally.imported - before.imported} imported"]
    done += [f"{tally.skipped - before.skipped} skipped (already imported)"] if tally.skipped > before.skipped else []
    done += [f"{tally.failed - before.failed} failed"] if tally.failed > before.failed else []
    print(f"{source}: {', '.join(done)}")


def _load_feed(session: Session, source: str) -> Feed | None:
    from .feedlist import FeedError, read_feed
    from .fetching import FetchError

    try:
        if re.match(r"^https?://", source, re.I):
            fetched = session.fetcher.get(source, accept=(), what="a feed")
            return read_feed(fetched.content, fetched.final_url)
        return read_feed(Path(source).read_bytes())
    except FetchError as exc:
        print(f"{source}: cannot fetch: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"{source}: cannot read: {exc.strerror}", file=sys.stderr)
    except FeedError as exc:
        print(f"{source}: {exc}", file=sys.stderr)
    return None


def _print(diags: Diagnostics) -> None:
    for diag in diags.sorted():
        stream = sys.stderr if diag.severity is Severity.ERROR else sys.stdout
        print(diag.format(), file=stream)
