"""Per-field accuracy of digest's text importer on scraped pages, against an answer key.

    python bench/import_accuracy.py DIR KEY [--only ID] [--show ID] [--keep-store-marker] [--mentions FILE]

KEY is an answer key such as ``tests/fixtures/import_pages/dev.yaml``; DIR holds the page
texts as ``<id>.txt`` (gathered by hand from the page store, or with
``bench/gather_import_pages.py``). Every key entry with a text is read with
``digest.editor.scrape.parse_scraped`` (given the entry's ``url``, from which the importer may
take the day) and scored as the fixtures README's "Scoring an import" says: headline, body
start and end, furniture left as body lines, date, source and tags, embedded posts.
Prints one table (field, scored, correct, rate), then the failing ids per field with a reason.

Dates: a key whose ``published_iso`` is a month only (``2023-09``, from a URL path) is
scored in the row "date month only (no day)": right when the importer gives no date,
wrong when it gives any day (it must not make one up). Other dates taken only from the URL
(``published: null``) are scored in the "(from URL)" rows.

Source and tags (when the entry has the keys): "source" is right when the importer's source
equals the key's after normalisation, a null key being met by no source; "source named"
is the same over the pages whose key names one. "tags" compares the sets of tags (``[]``
met by none); "tags listed" is the same over the pages whose key lists tags.

Mentions (``--mentions FILE``, by default ``mentions.yaml`` beside KEY when it exists):
for each page of KEY that the mentions key lists, the entities it marks registered (the
default) become the registry, the parsed body (``Scraped.body``) is annotated with
``digest.editor.annotate``, and mentions are counted per entity: right = min(found, key count);
"mentions P/R" is precision = Σright/Σfound and recall = Σright/Σkey over the file, followed
after the table by the worst pages with each entity's counts and the spans found. Then the
name suggestions (``digest.editor.annotate.suggest_names``, with that registry): one is right when
it is a name of an entity the key marks ``registered: false`` (compared by
``text.matching.key``); "suggestions P/R" is precision over the suggestions made and recall over
those entities (found when any of their names is suggested); the wrong and the missed are listed.

``--show ID`` prints that page's parsed body with paragraph numbers. A line `` date
YYYY-MM-DD…`` that the page store put before some stored texts is removed before parsing
(it is not page text); ``--keep-store-marker`` keeps it. Always exits 0: a measure, not a test.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.editor.annotate import Matcher, annotate_body, suggest_names  # noqa: E402
from digest.editor.scrape import Scraped, parse_scraped  # noqa: E402
from digest.markup import make_parser  # noqa: E402
from digest.model import Entity, Localized, Position  # noqa: E402
from digest.text.matching import key as name_key  # noqa: E402

TATWEEL = "\u0640"
HARAKAT = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
SPACES = re.compile(r"\s+")
POST_BLOCK = re.compile(r"^::: post\b.*?^:::[ \t]*$", re.M | re.S)
MENTION = re.compile(r"\[\[[^\]|]*\|([^\]]*)\]\]")
ESCAPED_START = re.compile(r"^\\(#{1,6}|>|:::|[-*+])", re.M)
ESCAPED_NUMBER = re.compile(r"^(\d{1,9})\\([.)])", re.M)
STORE_MARKER = re.compile(r"\A date \d{4}-\d{2}(?:-\d{2})?(?: \d{1,2}:\d{2}(?: [صم])?)?[ \t]*")
PREVIEW_WORDS = 8


def norm(text: str | None) -> str:
    """NFC, tatweel and harakat removed, white space collapsed; Arabic-Indic digits kept as they are."""
    text = unicodedata.normalize("NFC", text or "")
    text = HARAKAT.sub("", text.replace(TATWEEL, ""))
    return SPACES.sub(" ", text).strip()


def plain_body(body: str) -> str:
    """The importer's Markdown body as reading text: no post blocks, mentions as their text, escapes undone."""
    body = POST_BLOCK.sub("", body)
    body = MENTION.sub(r"\1", body)
    body = ESCAPED_START.sub(r"\1", body)
    body = ESCAPED_NUMBER.sub(r"\1\2", body)
    return body.replace("\\[[", "[[")


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs (blank-line separated), each normalised; empty ones dropped."""
    return [p for p in (norm(chunk) for chunk in re.split(r"\n\s*\n", body)) if p]


def body_lines(body: str) -> list[str]:
    """Every non-empty line of the body, normalised (a paragraph may span lines)."""
    return [line for line in (norm(raw) for raw in body.splitlines()) if line]


def preview(text: str, words: int = PREVIEW_WORDS, end: bool = False) -> str:
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return "…" + " ".join(parts[-words:]) if end else " ".join(parts[:words]) + "…"


def importer_date(scraped) -> str | None:
    """The importer's front-matter date string, from ``digest.editor.proposal.date_text`` when it exists."""
    if scraped.date is None:
        return None
    try:
        from digest.editor.proposal import date_text
    except ImportError:
        date_text = None
    if date_text is not None:
        try:
            params = inspect.signature(date_text).parameters
            if len(params) == 1:
                return date_text(scraped)
            return date_text(scraped.date, scraped.date_has_time)
        except (TypeError, ValueError, AttributeError):
            pass
    if not scraped.date_has_time:
        return scraped.date.strftime("%Y-%m-%d")
    return scraped.date.isoformat()


def parse_iso(value: str) -> tuple[datetime, bool]:
    """A date or date-time string: the moment and whether it has a time of day."""
    value = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return datetime.combine(date.fromisoformat(value), datetime.min.time()), False
    return datetime.fromisoformat(value.replace("Z", "+00:00")), True


MONTH_ONLY = re.compile(r"\d{4}-\d{2}")


def month_only(want: str) -> bool:
    """Whether a key's ``published_iso`` is a month alone (``2023-09``, read from a URL path)."""
    return bool(MONTH_ONLY.fullmatch(str(want).strip()))


def compare_dates(got: str | None, want: str) -> tuple[str, bool]:
    """(outcome, invented zone): outcome is exact, date-only, wrong or missing.

    A key that knows the month only (``2023-09``) is met by no date at all, which is what
    the importer must give (it never makes a day up): ``exact`` when it gives none,
    ``wrong`` when it gives any day, even one in that month."""
    if month_only(want):
        return ("wrong" if got else "exact"), False
    if not got:
        return "missing", False
    try:
        g, g_time = parse_iso(got)
        w, w_time = parse_iso(want)
    except ValueError:
        return "wrong", False
    invented = g.tzinfo is not None and w.tzinfo is None
    zone_ok = (g.tzinfo is None) == (w.tzinfo is None) and (g.tzinfo is None or g.utcoffset() == w.utcoffset())
    if g.date() != w.date():
        return "wrong", invented
    if g_time == w_time and zone_ok and (not w_time or g.replace(tzinfo=None) == w.replace(tzinfo=None)):
        return "exact", invented
    return "date-only", invented


@dataclass
class Field:
    name: str
    scored: int = 0
    correct: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, pid: str, ok: bool, reason: str = "") -> None:
        self.scored += 1
        if ok:
            self.correct += 1
        else:
            self.failures.append((pid, reason))


@dataclass
class Report:
    fields: dict[str, Field] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    furniture_left: int = 0
    pages: int = 0
    date_outcomes: dict[str, int] = field(default_factory=dict)
    invented_zones: list[str] = field(default_factory=list)
    missing_texts: list[str] = field(default_factory=list)
    mentions: MentionScore | None = None
    """None when there is no mentions key."""

    def field(self, name: str) -> Field:
        return self.fields.setdefault(name, Field(name))


FIELD_ORDER = (
    "title",
    "title not repeated",
    "start",
    "end",
    "no furniture",
    "date exact",
    "date same day",
    "date zone",
    "date exact (from URL)",
    "date same day (from URL)",
    "date month only (no day)",
    "source",
    "source named",
    "tags",
    "tags listed",
    "embeds",
)


def score_page(report: Report, entry: dict, scraped) -> None:
    """Score one parsed page against its key entry."""
    pid = str(entry["id"])
    body = plain_body(scraped.body)
    flat = norm(body)
    paras = paragraphs(body)
    lines = body_lines(body)
    report.pages += 1

    headline = entry.get("headline")
    if headline:
        got = norm(scraped.title)
        report.field("title").add(pid, got == norm(headline), f"got «{preview(got, 12)}»" if got else "no title")
        repeated = bool(paras) and paras[0] == norm(headline)
        report.field("title not repeated").add(pid, not repeated, "headline kept as the first body paragraph")

    first = entry.get("first_sentence")
    if first:
        starts = [norm(first)] + ([norm(entry["alt_first_sentence"])] if entry.get("alt_first_sentence") else [])
        ok = any(flat.startswith(s) for s in starts if s)
        report.field("start").add(pid, ok, f"got «{preview(flat)}»" if flat else "empty body")
    last = entry.get("last_sentence")
    if last:
        ok = flat.endswith(norm(last))
        report.field("end").add(pid, ok, f"got «{preview(flat, end=True)}»" if flat else "empty body")

    # an in-body subheading listed with the furniture (kind: subheading) is body, not penalised
    kept = [f for f in entry.get("furniture") or [] if not (isinstance(f, dict) and f.get("kind") == "subheading")]
    items = [norm(f.get("text") if isinstance(f, dict) else f) for f in kept]
    items = [i for i in items if i]
    if items:
        left = [i for i in items if any(line == i or line.startswith(i) for line in lines)]
        report.furniture_left += len(left)
        shown = "; ".join(f"«{preview(i, 6)}»" for i in left[:3]) + (" …" if len(left) > 3 else "")
        report.field("no furniture").add(pid, not left, f"{len(left)} left: {shown}")

    want = entry.get("published_iso")
    if want and month_only(str(want)):
        got = importer_date(scraped)
        reason = f"a day made up: got {got}, the key gives the month {want} only" if got else ""
        report.field("date month only (no day)").add(pid, not got, reason)
    elif want:
        got = importer_date(scraped)
        outcome, invented = compare_dates(got, str(want))
        from_url = not entry.get("published")
        suffix = " (from URL)" if from_url else ""
        reason = f"{outcome}: got {got or 'none'}, key {want}"
        report.field("date exact" + suffix).add(pid, outcome == "exact", reason)
        report.field("date same day" + suffix).add(pid, outcome in ("exact", "date-only"), reason)
        if not from_url:
            report.date_outcomes[outcome] = report.date_outcomes.get(outcome, 0) + 1
        if got:
            report.field("date zone").add(pid, not invented, f"invented zone: got {got}, key {want}")
        if invented:
            report.invented_zones.append(pid)

    if "source" in entry:
        want_source = norm(entry.get("source"))
        got_source = norm(scraped.source)
        ok = got_source == want_source
        reason = f"got «{got_source or 'none'}», key «{want_source or 'none'}»"
        report.field("source").add(pid, ok, reason)
        if want_source:
            report.field("source named").add(pid, ok, reason)
    if "tags" in entry:
        want_tags = {norm(t) for t in entry.get("tags") or []}
        got_tags = {norm(t) for t in scraped.tags}
        ok = got_tags == want_tags
        reason = f"missing {sorted(want_tags - got_tags)}, extra {sorted(got_tags - want_tags)}"
        report.field("tags").add(pid, ok, reason)
        if want_tags:
            report.field("tags listed").add(pid, ok, reason)

    embeds = entry.get("embeds") or []
    if embeds:
        report.field("embeds").add(pid, *score_embeds(embeds, scraped))


def score_embeds(embeds: list[Any], scraped: Scraped) -> tuple[bool, str]:
    """Embedded posts kept: by handle when the key has them, else by count. An embed the stored
    page shows only as a placeholder (``shown: placeholder``: a consent notice where the post
    was) has no text to keep; it is kept when the import reports its address to the editor."""
    shown = [e for e in embeds if isinstance(e, dict) and e.get("shown") == "placeholder"]
    posts = [e for e in embeds if e not in shown]
    reported = sum(1 for e in shown if any(str(e.get("url")) in d.message for d in scraped.diagnostics))
    also = f"; {reported} of {len(shown)} placeholders reported" if shown else ""
    if not posts:
        return reported == len(shown), f"{len(scraped.posts)} posts for 0 embeds with text{also}"
    handles = [str(e.get("handle")).lstrip("@").lower() for e in posts if isinstance(e, dict) and e.get("handle")]
    got_handles = [(p.handle or "").lstrip("@").lower() for p in scraped.posts]
    if handles:
        matched = sum(1 for h in handles if h in got_handles)
        ok = matched == len(handles)
        reason = f"{matched} of {len(handles)} handles found as posts ({len(scraped.posts)} posts){also}"
    else:
        ok = len(scraped.posts) == len(posts)
        reason = f"{len(scraped.posts)} posts for {len(posts)} embeds (no handles in the key){also}"
    return ok and reported == len(shown), reason


# --------------------------------------------------------------------------- mentions and suggestions


@dataclass(frozen=True)
class KeyEntity:
    """One entity of the mentions key: what the registry would hold, and its mentions in the body."""

    id: str
    type: str
    names: tuple[str, ...]
    count: int
    registered: bool


@dataclass
class PageMentions:
    pid: str
    key: int
    got: int
    right: int
    differences: list[str]
    """One line per registered entity whose count differs: ids, counts, the spans found."""

    @property
    def errors(self) -> int:
        return (self.got - self.right) + (self.key - self.right)


@dataclass
class MentionScore:
    pages: list[PageMentions] = field(default_factory=list)
    suggested: int = 0
    suggested_right: int = 0
    open_names: int = 0
    """Entities marked ``registered: false``: names a suggestion may rightly offer."""
    open_found: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    without_text: list[str] = field(default_factory=list)

    @property
    def key(self) -> int:
        return sum(p.key for p in self.pages)

    @property
    def got(self) -> int:
        return sum(p.got for p in self.pages)

    @property
    def right(self) -> int:
        return sum(p.right for p in self.pages)


def load_mentions(path: Path) -> dict[str, list[KeyEntity]]:
    """The mentions key: page id → its entities (``registered`` defaults to true)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    pages: dict[str, list[KeyEntity]] = {}
    for pid, items in (data.get("pages") or {}).items():
        pages[str(pid)] = [
            KeyEntity(
                str(item["id"]),
                str(item.get("type") or "other"),
                tuple(str(name) for name in item.get("names") or ()),
                int(item.get("count") or 0),
                item.get("registered", True) is not False,
            )
            for item in items or []
        ]
    return pages


def registry(entities: Iterable[KeyEntity], where: str = "mentions key") -> dict[str, Entity]:
    """The registered entities of one page as the annotator's ``Entity`` records (Arabic names only)."""
    out: dict[str, Entity] = {}
    for e in entities:
        if e.registered and e.names:
            aliases = (("ar", e.names[1:]),) if len(e.names) > 1 else ()
            out[e.id] = Entity("", e.id, e.type, Localized.of({"ar": e.names[0]}), aliases, None, None, Position(where))
    return out


def _in_context(body: str, start: int, end: int) -> str:
    """The span with a word either side: ``…تقاوم غزوا [روسيا]. وحث…``."""
    before = body[max(0, start - 30) : start].replace("\n", " ").split(" ")[-2:]
    after = body[end : end + 30].replace("\n", " ").split(" ")[:2]
    return "…" + " ".join(before) + "[" + body[start:end] + "]" + " ".join(after) + "…"


def score_mentions(
    score: MentionScore, pid: str, entities: list[KeyEntity], body: str, md, outlet: str | None = None
) -> None:
    """Annotate one parsed body with its page's registered entities; count mentions and suggestions.

    Per entity, right = min(found, key count); a suggestion is right when it is one of the
    names of an entity the key marks ``registered: false`` (compared as the matcher does,
    ``text.matching.key``), and such an entity is found when any of its names is suggested."""
    matcher = Matcher(registry(entities, f"mentions key, page {pid}"))
    _, matches = annotate_body(body, matcher, md, outlet)
    spans: dict[str, list[str]] = {}
    for m in matches:
        spans.setdefault(m.entity_id, []).append(_in_context(body, m.start, m.end))
    page = PageMentions(pid, 0, 0, 0, [])
    for e in entities:
        if not e.registered:
            continue
        got = len(spans.get(e.id, ()))
        page.key += e.count
        page.got += got
        page.right += min(got, e.count)
        if got != e.count:
            shown = "; ".join(spans.get(e.id, ())[:4]) + (" …" if got > 4 else "")
            page.differences.append(f"{e.id}: found {got}, key {e.count}" + (f": {shown}" if shown else ""))
    score.pages.append(page)

    open_names = {name_key(n): e.id for e in entities if not e.registered for n in e.names}
    found: set[str] = set()
    for suggestion in suggest_names(body, matcher, md, outlet):
        score.suggested += 1
        entity_id = open_names.get(name_key(suggestion.name))
        if entity_id is None:
            score.wrong.append(f"{pid}: «{suggestion.name}» ({suggestion.reason})")
        else:
            score.suggested_right += 1
            found.add(entity_id)
    for e in entities:
        if not e.registered:
            score.open_names += 1
            if e.id in found:
                score.open_found += 1
            else:
                score.missed.append(f"{pid}: {e.id} «{e.names[0] if e.names else '?'}»")


def show(entry: dict, scraped) -> None:
    """Print the parsed page: title, date, and the body with paragraph numbers."""
    print(f"== {entry['id']}")
    print(f"title: {scraped.title}")
    print(f"date:  {importer_date(scraped)}")
    print(f"source: {scraped.source}   tags: {', '.join(scraped.tags)}   posts: {len(scraped.posts)}")
    for number, paragraph in enumerate(re.split(r"\n\s*\n", scraped.body.strip()), 1):
        print(f"[{number}] {paragraph}")
    print()


def load_key(key: Path) -> list[dict]:
    data = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
    return [p for p in data.get("pages") or [] if isinstance(p, dict) and p.get("id")]


def default_mentions(key: Path) -> Path | None:
    """``mentions.yaml`` beside the answer key, when there is one."""
    path = key.parent / "mentions.yaml"
    return path if path.is_file() else None


def run(
    directory: Path, key: Path, only: str | None = None, keep_marker: bool = False, mentions: Path | None = None
) -> tuple[Report, dict]:
    """Parse and score every key entry that has a text in ``directory``; also return the parses by id.

    With a ``mentions`` key, the pages of this answer key that it lists are annotated too."""
    report = Report()
    parsed: dict = {}
    mention_key = load_mentions(mentions) if mentions else None
    md = make_parser() if mention_key else None
    if mention_key is not None:
        report.mentions = MentionScore()
    for entry in load_key(key):
        pid = str(entry["id"])
        if only and pid != only:
            continue
        path = directory / f"{pid}.txt"
        if not path.is_file():
            report.missing_texts.append(pid)
            if mention_key and pid in mention_key:
                report.mentions.without_text.append(pid)
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        if not keep_marker:
            text = STORE_MARKER.sub("", text, count=1)
        scraped = parse_scraped(
            text, str(path), lang="ar", known_tags=(), known_names=(), reference_date=None, url=entry.get("url")
        )
        parsed[pid] = (entry, scraped)
        score_page(report, entry, scraped)
        if mention_key and pid in mention_key:
            score_mentions(report.mentions, pid, mention_key[pid], scraped.body, md, scraped.source)
    return report, parsed


def rate(f: Field) -> str:
    return f"{100 * f.correct / f.scored:.1f}%" if f.scored else "-"


def ratio(part: int, whole: int) -> str:
    """``0.950 (38/40)``; a measure over nothing is 1.000, as ``digest.evaluate`` has it."""
    return f"{part / whole if whole else 1.0:.3f} ({part}/{whole})"


WORST_PAGES = 5


def print_mentions(score: MentionScore, out=sys.stdout) -> None:
    """The mention and suggestion rows of the table."""
    print(
        f"{'mentions P/R':<26} precision {ratio(score.right, score.got)}, recall {ratio(score.right, score.key)}"
        f" on {len(score.pages)} pages",
        file=out,
    )
    print(
        f"{'suggestions P/R':<26} precision {ratio(score.suggested_right, score.suggested)}, "
        f"recall {ratio(score.open_found, score.open_names)} of the names the registry lacks",
        file=out,
    )


def print_mention_failures(score: MentionScore, out=sys.stdout) -> None:
    if score.without_text:
        print(f"\nmentions key pages without a text: {', '.join(score.without_text)}", file=out)
    worst = sorted((p for p in score.pages if p.errors), key=lambda p: (-p.errors, p.pid))[:WORST_PAGES]
    if worst:
        differing = sum(1 for p in score.pages if p.errors)
        print(f"\nmentions: worst pages ({len(worst)} of {differing} with a difference)", file=out)
        for page in worst:
            print(
                f"  {page.pid}: precision {ratio(page.right, page.got)}, recall {ratio(page.right, page.key)}",
                file=out,
            )
            for line in page.differences:
                print(f"    {line}", file=out)
    if score.wrong:
        print(f"\nsuggestions: {len(score.wrong)} wrong", file=out)
        for line in score.wrong:
            print(f"  {line}", file=out)
    if score.missed:
        print(f"\nsuggestions: {len(score.missed)} names not suggested", file=out)
        for line in score.missed:
            print(f"  {line}", file=out)


def print_report(report: Report, out=sys.stdout) -> None:
    names: Iterable[str] = [n for n in FIELD_ORDER if n in report.fields] + [
        n for n in report.fields if n not in FIELD_ORDER
    ]
    print(f"{report.pages} pages scored; {len(report.missing_texts)} key entries without a text", file=out)
    print(f"{'field':<26} {'scored':>6} {'correct':>7} {'rate':>7}", file=out)
    for name in names:
        f = report.fields[name]
        print(f"{name:<26} {f.scored:>6} {f.correct:>7} {rate(f):>7}", file=out)
    for name, label in (("source", "no source key"), ("tags", "no tags key")):
        if name not in report.fields:
            print(f"{name:<26} {label}", file=out)
    if report.mentions is None:
        print(f"{'mentions':<26} no mention key", file=out)
    else:
        print_mentions(report.mentions, out)
    per10 = 10 * report.furniture_left / report.pages if report.pages else 0.0
    print(f"furniture lines left: {report.furniture_left} ({per10:.1f} per 10 articles)", file=out)
    outcomes = ", ".join(f"{k} {report.date_outcomes.get(k, 0)}" for k in ("exact", "date-only", "wrong", "missing"))
    print(f"dates (printed): {outcomes}; invented zone {len(report.invented_zones)}", file=out)
    for name in names:
        f = report.fields[name]
        if f.failures:
            print(f"\n{name}: {len(f.failures)} failing", file=out)
            for pid, reason in f.failures:
                print(f"  {pid}: {reason}", file=out)
    if report.mentions is not None:
        print_mention_failures(report.mentions, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", type=Path, help="folder of <id>.txt page texts")
    parser.add_argument("key", type=Path, help="answer key (yaml with a 'pages' list)")
    parser.add_argument("--only", metavar="ID", help="score this entry only")
    parser.add_argument("--show", metavar="ID", action="append", default=[], help="print this page's parsed body")
    parser.add_argument("--keep-store-marker", action="store_true", help="do not remove the store's ' date …' line")
    parser.add_argument(
        "--mentions",
        metavar="FILE",
        type=Path,
        help="mentions key (default: mentions.yaml beside KEY, when there is one)",
    )
    args = parser.parse_args(argv)
    if args.mentions is not None and not args.mentions.is_file():
        parser.error(f"--mentions {args.mentions}: no such file")
    mentions = args.mentions or default_mentions(args.key)
    report, parsed = run(args.dir, args.key, args.only, args.keep_store_marker, mentions)
    for pid in args.show:
        if pid in parsed:
            show(*parsed[pid])
        else:
            print(f"--show {pid}: no such key entry with a text in {args.dir}")
    print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
