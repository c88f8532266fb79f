"""Loading one input into a ``Scraped`` record: a raw text, a saved page or a URL (with
its outlet's profile of repeated lines), a feed; the import report of what was found,
guessed and dropped; and the check against what content/ already holds."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic
from ..read.project import Project
from ..text.english import plural
from . import outlets
from .duplicates import Duplicate
from .proposal import Proposal, plain_body
from .scrape import Scraped, parse_scraped
from .scrape.byline import with_author
from .session import Input, Loaded, Outcome, Session

if TYPE_CHECKING:
    from .feedlist import Feed


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
