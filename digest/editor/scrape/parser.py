"""The parser: hand each line to the reader it belongs to, then put the results together.

The readers each know one kind of line; this module only fixes the order in which
they are asked (a post signature before a list header, a date line before a credit,
the headline only once) and what needs the whole text at the end: a time-only update,
pasted articles added to the related titles, and the warnings for a missing title or
date. It also keeps the promise of never raising.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from ...diagnostics import Diagnostic, Severity
from .body import add_paragraph, body_text, check_paragraph, describe_body, md_escape
from .credits import take_credit
from .dates import Moment, date_line
from .furniture import sort_out
from .lines import DROP_LIST_RE, RELATED_RE, SOURCE_RE, TAGS_RE, is_boilerplate
from .meta import decide_title, resolve_update, take_byline, take_dates, take_source
from .model import Scraped
from .origin import CREDIT_REASON, credit_name, describes_site, find_origin, is_dateline_of, quoted_name
from .posts import bare_status, embed_placeholder, match_signature, take_bare_status, take_placeholder, take_post
from .related import take_dropped_list, take_related
from .spelling import LINE_BREAK, clean, only_punctuation, phrase_key
from .state import Run
from .tags import take_tags, take_unlabelled_tags
from .unsigned import unsigned_post
from .urldate import date_in_url

CANDIDATE_WORDS = 12
"""Longest line an outlet profile learns: furniture is short, and long lines are the article's."""


def parse_scraped(
    text: str,
    path: str,
    *,
    lang: str = "ar",
    known_tags: Iterable[str] = (),
    known_names: Iterable[str] = (),
    reference_date: date | None = None,
    furniture: Iterable[str] = (),
    url: str | None = None,
) -> Scraped:
    """Read one raw scraped text; ``path`` is only used in diagnostics.

    ``known_tags`` and ``known_names`` help split a tag line whose separators were
    lost; ``reference_date`` resolves relative dates ("أمس") in date lines;
    ``furniture`` holds the lines the outlet prints on every page (its profile), dropped
    wherever they appear, a headline position included; ``url``, the page's address, gives
    the day of publication when the text prints none.
    """
    try:
        keys = frozenset(phrase_key(line) for line in furniture)
        run = Run(text, path, lang, tuple(known_tags), tuple(known_names), reference_date, keys)
        _read_lines(run)
        return _finish(run, url)
    except Exception as exc:  # the contract is "never raise": a parser bug still yields the whole text
        return _fallback(text, path, exc)


def _fallback(text: object, path: str, exc: Exception) -> Scraped:
    """The text kept whole as the body, with the failure reported, when the parser itself failed."""
    raw = text if isinstance(text, str) else ""
    paragraphs = [clean(line) for line in LINE_BREAK.split(raw)]
    message = f"internal error while reading the text, kept as it is (please report): {type(exc).__name__}: {exc}"
    return Scraped(
        title=None,
        date=None,
        date_has_time=False,
        updated=None,
        image_credit=None,
        source=None,
        tags=(),
        related=(),
        body="\n\n".join(md_escape(p) for p in paragraphs if p),
        posts=(),
        read_also=(),
        found=(),
        guessed=(),
        diagnostics=(Diagnostic(path, 0, 0, message, Severity.WARNING),),
    )


# --------------------------------------------------------------------------- one line at a time


def _read_lines(run: Run) -> None:
    index = 0
    while index < len(run.lines):
        index = index + 1 if not run.lines[index].text else _handle(run, index)


def _handle(run: Run, index: int) -> int:
    """Classify the non-blank line at ``index``; return the index of the next line to look at."""
    for step in _STEPS:
        nxt = step(run, index)
        if nxt is not None:
            return nxt
    if not run.title_decided:
        return decide_title(run, index)
    add_paragraph(run, run.lines[index])
    return index + 1


def _profile(run: Run, index: int) -> int | None:
    line = run.lines[index]
    if phrase_key(line.text) not in run.furniture:
        return None
    run.drop(line.number, line.text, "this outlet prints it on its pages (outlet profile)")
    return index + 1


def _post(run: Run, index: int) -> int | None:
    signature = match_signature(run.lines[index].text)
    if signature is None:
        return None
    take_post(run, run.lines[index], signature)
    return index + 1


def _placeholder(run: Run, index: int) -> int | None:
    """What a page leaves of an embed it did not draw: a notice in its place, or its bare address."""
    line = run.lines[index]
    url = embed_placeholder(line.text)
    if url is not None:
        take_placeholder(run, line, url)
        return index + 1
    handle = bare_status(line.text)
    if handle is None:
        return None
    take_bare_status(run, line, handle)
    return index + 1


def _unsigned(run: Run, index: int) -> int | None:
    """A post the page flattened without its signature line (``unsigned``)."""
    following = run.next_content(index)
    signed_next = following is not None and match_signature(run.lines[following].text) is not None
    return unsigned_post(run, index, signed_next)


def _related(run: Run, index: int) -> int | None:
    match = RELATED_RE.match(run.lines[index].text)
    return take_related(run, index, match) if match else None


def _dropped_list(run: Run, index: int) -> int | None:
    match = DROP_LIST_RE.match(run.lines[index].text)
    return take_dropped_list(run, index, match["head"] or match["section"]) if match else None


def _tags(run: Run, index: int) -> int | None:
    match = TAGS_RE.match(run.lines[index].text)
    return take_tags(run, index, match) if match else None


def _source(run: Run, index: int) -> int | None:
    match = SOURCE_RE.match(run.lines[index].text)
    if not match or len(match["rest"] or "") > 80:
        return None
    take_source(run, run.lines[index], (match["rest"] or "").strip())
    return index + 1


def _outlet_credit(run: Run, index: int) -> int | None:
    """A credit line (``متابعة – X``, ``وكالات``), or an outlet's name in quotes before the body."""
    line = run.lines[index]
    name, writer = credit_name(line.text), None
    if name is None and not run.body_started():
        name, writer = quoted_name(line.text) or (None, None)
    if name is None:
        return None
    also = f" and a byline ({writer})" if writer else ""
    run.drop(line.number, line.text, f"{CREDIT_REASON} ({name}){also}")
    return index + 1


def _boilerplate(run: Run, index: int) -> int | None:
    line = run.lines[index]
    if not is_boilerplate(line.text):
        return None
    run.found.append(f"dropped boilerplate {line.text!r} (line {line.number})")
    return index + 1


def _punctuation(run: Run, index: int) -> int | None:
    line = run.lines[index]
    if not only_punctuation(line.text):
        return None
    run.warn(line.number, 1, f"line has only punctuation {line.text!r}: dropped")
    return index + 1


def _dates(run: Run, index: int) -> int | None:
    dates = date_line(run.lines[index].text)
    if dates is None:
        return None
    take_dates(run, run.lines[index], dates)
    return index + 1


def _credit(run: Run, index: int) -> int | None:
    return index + 1 if take_credit(run, run.lines[index]) else None


def _byline(run: Run, index: int) -> int | None:
    return index + 1 if not run.body_started() and take_byline(run, run.lines[index]) else None


_STEPS: tuple[Callable[[Run, int], int | None], ...] = (
    _profile,
    _post,
    _placeholder,
    _unsigned,
    _related,
    _dropped_list,
    _tags,
    take_unlabelled_tags,
    _source,
    _outlet_credit,
    _boilerplate,
    _punctuation,
    _dates,
    _credit,
    _byline,
)
"""The readers in the order they are asked; the first to take a line decides what it is."""


# --------------------------------------------------------------------------- the result


def _finish(run: Run, url: str | None) -> Scraped:
    """Resolve what needed the whole text (a time-only update, related titles) and report what is missing."""
    sort_out(run)  # first: a dateline glued to the first paragraph may give the publication date
    if run.published is not None and run.published_above_title:
        _banner_against_url(run, url)
    if run.published is None:
        _date_from_url(run, url)
    updated = resolve_update(run, *run.pending_update) if run.pending_update else run.updated
    published = run.published[0] if run.published else None
    source = _source_or_guess(run, url)
    if source is not None and run.title is not None and is_dateline_of(run.title, source):
        run.drop(run.title_line, run.title, "the outlet's name with a place beside it (a dateline), not a headline")
        run.title = None
    first = next((i for i, item in enumerate(run.items) if item.post is None), None)
    if source is not None and first is not None and is_dateline_of(run.items[first].text, source):
        item = run.items.pop(first)
        run.drop(item.first, item.text, "a dateline (the outlet, and the place if given) before the first paragraph")
    last = next((i for i in range(len(run.items) - 1, -1, -1) if run.items[i].post is None), None)
    if last is not None and last != first and describes_site(run.items[last].text, url):
        item = run.items.pop(last)
        run.drop(item.first, item.text, "the site's description of itself after the article")
    _final_checks(run)
    for extra in run.read_also:
        if phrase_key(extra.title) not in {phrase_key(t) for t in run.related}:
            run.related.append(extra.title)
    posts = tuple(item.post for item in run.items if item.post is not None)
    if run.items:
        run.found.append(describe_body(run.items, len(posts)))
    return Scraped(
        title=run.title,
        date=published.value if published else None,
        date_has_time=bool(published and published.has_time),
        updated=updated,
        image_credit=run.credit,
        source=source,
        tags=tuple(run.tags),
        related=tuple(run.related),
        body=body_text(run.items),
        posts=posts,
        read_also=tuple(run.read_also),
        found=tuple(run.found),
        guessed=tuple(run.guessed),
        diagnostics=tuple(sorted(set(run.diags))),
        dropped=tuple(sorted(run.dropped, key=lambda d: d.line)),
        candidates=_candidates(run),
    )


def _banner_against_url(run: Run, url: str | None) -> None:
    """A day printed only above the headline, without a time, is dropped for the day of the page's
    address when the two differ: above the headline pages print the day they are viewed ("today
    is …"), while the address holds the day the article was filed (``_date_from_url`` then takes
    it). A date with its time is the article's own row and stands (an article moved to a new
    address keeps its date)."""
    found = date_in_url(url)
    moment, number = run.published or (None, 0)
    if found is None or found.day is None or moment is None or moment.value is None or moment.has_time:
        return
    if moment.value.date() == found.day:
        return
    text = run.lines[number - 1].text
    run.drop(number, text, "a date above the headline that is not the day of the page's address (the site's banner)")
    run.guessed.append(f"date line {number} above the headline differs from the address's day {found.shown()}")
    run.published = None


def _date_from_url(run: Run, url: str | None) -> None:
    """The day the page's address gives, when the text prints no date (a month alone is only reported)."""
    found = date_in_url(url)
    if found is None:
        return
    if found.day is None:
        run.guessed.append(f"the page's address gives only the month {found.shown()}: give the day with --date")
        return
    moment = Moment(datetime(found.day.year, found.day.month, found.day.day), False, (), ())
    run.published = (moment, 0)
    run.guessed.append(
        f"date {found.shown()} taken from the page's address (the text prints no date of its own below the headline)"
    )


def _candidates(run: Run) -> tuple[str, ...]:
    """The folded short lines of the text, once each: what an outlet profile counts across imports.

    Date lines are left out: two articles of one day share theirs, and it is data, not furniture."""
    keys = (
        phrase_key(line.text)
        for line in run.lines
        if line.text and len(line.text.split()) <= CANDIDATE_WORDS and date_line(line.text) is None
    )
    return tuple(dict.fromkeys(key for key in keys if key))


def _source_or_guess(run: Run, url: str | None) -> str | None:
    """The source line's outlet, else the one the text credits itself to, reported as a guess."""
    if run.source is not None:
        return run.source
    found = find_origin(run, url)
    if found is None:
        return None
    name, how = found
    run.guessed.append(f"source {name!r} {how}")
    return name


def _final_checks(run: Run) -> None:
    """Warnings that need the whole text: a missing title or date, a date after the reference, body lines."""
    if run.title is None:
        where = run.untitled_line or run.first_content_line()
        run.warn(where, 1 if where else 0, "no title found: give one with --title")
    if run.published is None:
        run.warn(0, 0, "no publication date found: give one with --date")
    else:
        moment, number = run.published
        if run.reference and moment.value and moment.value.date() > run.reference:
            run.warn(number, 1, "the publication date is after the reference date")
    for item in run.items:
        if item.post is None:
            check_paragraph(run, item)
