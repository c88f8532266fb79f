"""``python build.py import RAW.txt PAGE.html https://… [--feed URL]``: inputs → proposals → files.

Each input is read into the same ``Scraped`` record: a raw text by ``scrape.parse_scraped``,
a saved page or a URL by ``webpage.read_page`` (which fetches nothing itself; ``fetching``
does), the items of a feed by ``feedlist`` one URL at a time. ``proposal`` then fills the
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
import re
import shutil
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostics, Severity
from ..read import schema
from ..read.project import Project
from ..read.reader import read_project
from ..text.english import plural
from . import outlets
from .editing import load_registry, save_text
from .loading import _against_duplicates, _kept_diagnostics, _load, _load_feed, _report
from .proposal import Proposal, parse_zone, plain_body, propose, validate
from .session import Input, Loaded, Outcome, Session, Tally

if TYPE_CHECKING:
    pass


PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


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


def _print(diags: Diagnostics) -> None:
    for diag in diags.sorted():
        stream = sys.stderr if diag.severity is Severity.ERROR else sys.stdout
        print(diag.format(), file=stream)
