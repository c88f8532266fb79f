"""``python build.py import RAW.txt ...``: scraped text → a content file proposal → a file.

``scrape.parse_scraped`` says what a raw text contains; this module fills the
gaps from the command line (never by inventing: a missing title or date is an
error asking for ``--title``/``--date``), writes the front matter, annotates the
body with the entity registry, checks the result with the same reader the build
uses, and only then writes ``content/articles/<slug>.<lang>.md``. An existing
file is never replaced silently: ``--force`` keeps a hidden backup beside it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from anyascii import anyascii

from . import frontmatter, outlets, schema
from .annotate import Matcher
from .diagnostics import Diagnostics, Severity
from .editing import Registry, annotate_text, load_registry, save_text
from .english import plural
from .markup import make_parser, parse_body
from .project import NAME_RE, Project
from .reader import References, check_references, read_project
from .scrape import Scraped, parse_scraped

MAX_SLUG_WORDS = 8


@dataclass(frozen=True)
class Proposal:
    """One article ready to be written (or printed with ``--dry-run``)."""

    path: Path
    text: str
    mentions: int
    notes: tuple[str, ...] = ()
    """What the command line changed in what was found (a zone given with ``--timezone``)."""


def make_slug(moment: datetime, title: str) -> str:
    """``2024-10-28-nato-chief-says-...``: the date, then ASCII words of the title (transliterated if needed)."""
    # anyascii writes ayn and hamza as ` and ' (عام → `m): drop them rather than split words.
    words = re.findall(r"[a-z0-9]+", re.sub(r"[`']", "", anyascii(title).lower()))
    return "-".join([moment.strftime("%Y-%m-%d"), *words[:MAX_SLUG_WORDS]])


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
) -> Proposal | None:
    """Combine what was found with the command-line options; report what is missing."""
    title = args.title or scraped.title
    if not title:
        diags.error(raw_display, 1, 1, "no title found in the text: give one with --title")
    moment, has_time = scraped.date, scraped.date_has_time
    if args.date:
        try:
            moment, has_time = schema.timestamp(args.date, schema.Context())
        except schema.Invalid as problem:
            diags.error(raw_display, 1, 1, f"--date: {problem}")
            return None
    if moment is None:
        diags.error(raw_display, 1, 1, "no publication date found in the text: give one with --date")
    if not title or moment is None:
        return None
    values: dict[str, object] = {
        "title": {lang: title, "en": args.title_en} if args.title_en and lang != "en" else title
    }
    moment, placed = with_zone(moment, has_time, zone)
    values["date"] = date_text(moment, has_time)
    if scraped.updated:
        values["updated"] = date_text(with_zone(scraped.updated, True, zone)[0], True)
    source = args.source or scraped.source
    if source:
        values["source"] = {"name": source, "url": None}
    if scraped.tags:
        values["tags"] = list(scraped.tags)
    if scraped.image_credit:
        values["image_credit"] = scraped.image_credit
    if scraped.related:
        values["related"] = list(scraped.related)
    text = front_matter(values) + "\n" + scraped.body.strip() + "\n"
    text, mentions, _ = annotate_text(text, Matcher(registry.entities), make_parser())
    slug = args.slug or make_slug(moment, args.title_en or title)
    if not NAME_RE.match(slug):
        diags.error(raw_display, 1, 1, f"cannot make a file name from the title: give one with --slug (got {slug!r})")
        return None
    path = project.content_dir / "articles" / f"{slug}.{lang}.md"
    return Proposal(path, text, mentions, (placed,) if placed else ())


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


def run_import(project: Project, args: argparse.Namespace) -> int:
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
    corpus = read_project(project, Diagnostics()).corpus
    known_tags = sorted({t for a in corpus.articles() for t in a.tags}) if corpus else []
    known_names = sorted(
        {name for e in registry.entities.values() for _, name in e.name.values}
        | {alias for e in registry.entities.values() for _, names in e.aliases for alias in names}
    )
    reference = _reference_date(args.date)
    zone = None
    if getattr(args, "timezone", None):
        try:
            zone = parse_zone(args.timezone)
        except ValueError as problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
    failed = 0
    for raw in args.raw:
        failed += not _import_one(project, args, raw, lang, registry, known_tags, known_names, reference, zone)
    print(_summary(len(args.raw), failed, args.dry_run))
    return 1 if failed else 0


def _summary(total: int, failed: int, dry_run: bool) -> str:
    """The run's last line: "imported 3 files", "imported 2 of 3 files; 1 failed", and for a
    dry run what it would do ("would import 1 file; nothing written")."""
    verb = "would import" if dry_run else "imported"
    if not failed:
        done = f"{verb} {plural(total, 'file')}"
    elif failed < total:
        done = f"{verb} {total - failed} of {plural(total, 'file')}; {failed} failed"
    else:
        done = f"{verb} nothing: {plural(total, 'file')} failed"
    return f"{done}; nothing written" if dry_run else done


def _reference_date(value: str | None) -> date | None:
    """``--date`` as the day relative words (أمس, اليوم) are counted from; an invalid one is reported later."""
    if not value:
        return None
    try:
        return schema.timestamp(value, schema.Context())[0].date()
    except schema.Invalid:
        return None


def _import_one(project, args, raw: Path, lang, registry, known_tags, known_names, reference, zone) -> bool:  # type: ignore[no-untyped-def]
    diags = Diagnostics()
    shown = raw.as_posix()
    try:
        text = raw.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        print(f"{shown}: cannot read: {exc.strerror}", file=sys.stderr)
        return False
    except UnicodeDecodeError:
        print(f"{shown}: not UTF-8 text", file=sys.stderr)
        return False

    def read(furniture: tuple[str, ...]) -> Scraped:
        return parse_scraped(
            text,
            shown,
            lang=lang,
            known_tags=known_tags,
            known_names=known_names,
            reference_date=reference,
            furniture=furniture,
        )

    try:
        # The outlet is known from --source before reading, or from the source line the text names.
        profile, profile_file = _profile_for(project, args.source)
        scraped = read(profile.furniture if profile else ())
        if profile is None:
            profile, profile_file = _profile_for(project, scraped.source)
            if profile is not None and profile.furniture:
                scraped = read(profile.furniture)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return False
    given = {"no title found": args.title, "no publication date found": args.date}
    diags.extend(d for d in scraped.diagnostics if not any(d.message.startswith(k) and v for k, v in given.items()))
    print(f"{shown}:")
    for line in scraped.found:
        print(f"  found: {line}")
    for line in scraped.guessed:
        print(f"  guessed: {line}")
    for dropped in scraped.dropped:
        print(f"  dropped: line {dropped.line}: {_clip(dropped.text)!r} ({dropped.reason})")
    proposal = propose(scraped, args, lang, project, registry, diags, shown, zone)
    for line in proposal.notes if proposal else ():
        print(f"  guessed: {line}")
    ok = proposal is not None and validate(proposal, project, registry, diags)
    if ok and proposal.path.exists() and not args.force:
        diags.error(
            shown,
            1,
            1,
            f"{project.display(proposal.path)} already exists: use --force to replace it "
            "(a backup is kept) or --slug for another name",
        )
        ok = False
    _print(diags)
    if not ok or proposal is None:
        return False
    shown_path = project.display(proposal.path)
    mentions = plural(proposal.mentions, "mention")
    backup = proposal.path.with_name(f".{proposal.path.name}.bak")
    if args.dry_run:
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
        if profile is not None and profile_file is not None:
            learned_profile, learned = outlets.learn(profile, scraped.candidates)
            outlets.save(profile_file, learned_profile)
            if learned:
                print(
                    f"  learned {plural(len(learned), 'line')} this outlet repeats, dropped from its next imports "
                    f"(edit {project.display(profile_file)} to change)"
                )
    for number, extra in enumerate(scraped.read_also, start=1):
        target = raw.with_name(f"{raw.stem}.read-also-{number}.txt")
        split_off = f"a related article (line {extra.line}) into {target.as_posix()}: import it with its own --date"
        if target.exists():
            print(f"  a related article was pasted in (line {extra.line}): {extra.title!r}; not part of this one")
        elif args.dry_run:
            print(f"  would split off {split_off}")
        else:
            save_text(target, f"{extra.title}\n\n{extra.body.strip()}\n")
            print(f"  split off {split_off}")
    return True


def _profile_for(project: Project, outlet: str | None) -> tuple[outlets.Profile | None, Path | None]:
    """The outlet's profile and its file, or (None, None) when the outlet is not known."""
    key = outlets.outlet_key(None, outlet)
    if not key:
        return None, None
    path = outlets.profile_path(project.content_dir, key)
    return outlets.load(path, key), path


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _print(diags: Diagnostics) -> None:
    for diag in diags.sorted():
        stream = sys.stderr if diag.severity is Severity.ERROR else sys.stdout
        print(diag.format(), file=stream)
