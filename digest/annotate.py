"""Mark mentions of registered entities in article bodies: ``روسيا`` → ``[[russia|روسيا]]``.

Matching is Arabic-aware (``textnorm``): hamza forms, ة/ه, ى/ي, diacritics and
tatweel are ignored; attached proclitics (و ف, then ب ل ك, or لل before a name
that starts with ال) are matched through and stay outside the brackets; the
longest registered form wins (كوريا الشمالية before كوريا). Only whole words
match. Code, existing mentions, links, URLs, footnote labels, container header
lines and embedded posts (quoted as published) are left alone, and so is the
front matter. The function only inserts brackets: the text between them and
everywhere else is unchanged, which is what makes it idempotent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markdown_it import MarkdownIt

from .diagnostics import Diagnostics
from .markup import parse_body
from .model import Entity
from .textnorm import WORD_RE, key, normalize

_INLINE_SKIP = re.compile(
    r"`+[^`\n]*`+"  # code spans
    r"|\[\[[^\]\n]*\]\]"  # existing mentions
    r"|!?\[[^\]\n]*\]\([^)\n]*\)"  # links and images, text included
    r"|<[a-z]+:[^>\s]*>"  # autolinks
    r"|(?:https?://|www\.)\S+"  # bare URLs
    r"|\[\^[^\]\n]*\]:?"  # footnote labels
)
_SPACE_SEP = re.compile(r"[ \t\u00a0]*\r?\n?[ \t\u00a0>]*")
_DASHES = {"-", "\u2010", "\u2011", "\u2013"}


@dataclass(frozen=True)
class Form:
    """One surface form of an entity: normalised words and the separators between them."""

    entity_id: str
    words: tuple[str, ...]
    seps: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entity_id: str


@dataclass(frozen=True)
class Word:
    norm: str
    start: int
    end: int
    sep: str | None
    """Normalised separator before this word (" " or "-"), ``None`` when words may not join."""


@dataclass(frozen=True)
class Suggestion:
    name: str
    count: int
    reason: str


class Matcher:
    """All registered surface forms, indexed by their first word."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        owners: dict[tuple[tuple[str, ...], tuple[str, ...]], set[str]] = {}
        for entity in entities.values():
            for surface in _surfaces(entity):
                shape = _shape(surface)
                if shape[0] and _specific(shape[0]):
                    owners.setdefault(shape, set()).add(entity.id)
        self.ambiguous = sorted(" ".join(words) for (words, _), ids in owners.items() if len(ids) > 1)
        self.index: dict[str, list[Form]] = {}
        for (words, seps), ids in owners.items():
            if len(ids) == 1:
                self.index.setdefault(words[0], []).append(Form(next(iter(ids)), words, seps))
        for forms in self.index.values():
            forms.sort(key=lambda f: (-len(f.words), f.entity_id))
        self.keys = {key(s) for e in entities.values() for s in _surfaces(e)}

    def find(self, words: list[Word]) -> list[tuple[int, int, str, int]]:
        """Matches as ``(first word, last word, entity id, prefix length)``, longest first, left to right."""
        found = []
        i = 0
        while i < len(words):
            best = None
            for prefix, rest in _splits(words[i].norm):
                for form in self.index.get(rest, ()):
                    n = len(form.words)
                    if best is not None and n <= best[1] - best[0] + 1:
                        break
                    if _fits(words, i, form):
                        best = (i, i + n - 1, form.entity_id, prefix)
                        break
            if best:
                found.append(best)
                i = best[1] + 1
            else:
                i += 1
        return found


def _specific(words: tuple[str, ...]) -> bool:
    """One-letter forms match too much, except a capital Latin letter such as X (not A or I)."""
    if len(words) > 1 or len(words[0]) > 1:
        return True
    return words[0].isascii() and words[0].isupper() and words[0] not in ("A", "I")


def _surfaces(entity: Entity) -> list[str]:
    out = [name for _, name in entity.name.values]
    for _, names in entity.aliases:
        out.extend(names)
    return out


def _shape(surface: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    norm = normalize(surface).text
    matches = list(WORD_RE.finditer(norm))
    words = tuple(m.group() for m in matches)
    seps = tuple(_sep(norm[a.end() : b.start()]) or "?" for a, b in zip(matches, matches[1:], strict=False))
    return words, seps


def _sep(gap: str) -> str | None:
    if gap in _DASHES:
        return "-"
    if gap in ("'", "\u2019"):
        return "'"
    if gap and _SPACE_SEP.fullmatch(gap) and gap.count("\n") <= 1:
        return " "
    return None


def _fits(words: list[Word], i: int, form: Form) -> bool:
    if i + len(form.words) > len(words):
        return False
    for k in range(1, len(form.words)):
        word = words[i + k]
        if word.norm != form.words[k] or word.sep != form.seps[k - 1]:
            return False
    return True


def _splits(word: str) -> list[tuple[int, str]]:
    """``(prefix length, rest)`` readings of a word: as is, then without proclitics."""
    out = [(0, word)]
    starts = [0, 1] if word[:1] in ("و", "ف") and len(word) > 3 else [0]
    for conj in starts:
        rest = word[conj:]
        if conj:
            out.append((conj, rest))
        if rest.startswith("لل") and len(rest) > 3:
            out.append((conj + 2, "ال" + rest[2:]))
        if rest[:1] in ("ب", "ل", "ك") and len(rest) > 2:
            out.append((conj + 1, rest[1:]))
    return out


def skipped_spans(body: str, md: MarkdownIt) -> list[tuple[int, int]]:
    """Character spans of ``body`` that are never annotated."""
    lines = body.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[tuple[int, int]] = []
    for token in parse_body(md, body.replace("\r", ""), "", 1, Diagnostics()).tokens:
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("fence", "code_block") or (token.type == "container_post_open"):
            spans.append((starts[first], starts[min(last, len(lines))]))
        if token.type.startswith("container_") and token.type.endswith("_open"):
            spans.append((starts[first], starts[first + 1]))
            closing = min(last, len(lines) - 1)
            if lines[closing].lstrip(" >").startswith(":::"):
                spans.append((starts[closing], starts[closing + 1]))
    for match in _INLINE_SKIP.finditer(body):
        spans.append(match.span())
    return spans


def words_of(body: str, skipped: Iterable[tuple[int, int]]) -> list[Word]:
    """The annotatable words of ``body`` with original offsets and joining separators."""
    blocked = bytearray(len(body) + 1)
    for start, end in skipped:
        blocked[start:end] = b"\x01" * (min(end, len(body)) - start)
    norm = normalize(body)
    words: list[Word] = []
    previous_end = None
    for match in WORD_RE.finditer(norm.text):
        start = norm.origin[match.start()]
        end = norm.origin[match.end() - 1] + 1
        while end < len(body) and _is_mark(body[end]):
            end += 1  # keep trailing diacritics inside the word
        if any(blocked[start:end]):
            previous_end = None
            continue
        sep = _sep(body[previous_end:start]) if previous_end is not None else None
        if sep and any(blocked[previous_end:start]):
            sep = None
        words.append(Word(match.group(), start, end, sep))
        previous_end = end
    return words


def _is_mark(char: str) -> bool:
    return "\u064b" <= char <= "\u065f" or char in ("\u0670", "\u0640")


def annotate_body(body: str, matcher: Matcher, md: MarkdownIt) -> tuple[str, list[Match]]:
    """Insert ``[[id|text]]`` around every registered name in ``body``; returns the new body and the matches."""
    words = words_of(body, skipped_spans(body, md))
    matches: list[Match] = []
    for first, last, entity_id, prefix in matcher.find(words):
        start = _advance(body, words[first].start, prefix)
        matches.append(Match(start, words[last].end, entity_id))
    out, cursor = [], 0
    for match in matches:
        out.append(body[cursor : match.start])
        out.append(f"[[{match.entity_id}|{body[match.start : match.end]}]]")
        cursor = match.end
    out.append(body[cursor:])
    return "".join(out), matches


def _advance(text: str, start: int, letters: int) -> int:
    """The offset after ``letters`` letters from ``start``, skipping diacritics and tatweel."""
    pos = start
    while letters and pos < len(text):
        if not _is_mark(text[pos]):
            letters -= 1
        pos += 1
    while pos < len(text) and _is_mark(text[pos]):
        pos += 1
    return pos


# -- suggestions ---------------------------------------------------------
_TITLES = (
    "الرئيس",
    "وزير",
    "وزيرة",
    "الوزير",
    "الوزيرة",
    "الامين العام",
    "رئيس الوزراء",
    "المتحدث باسم",
    "المتحدثه باسم",
    "الملك",
    "الأمير",
    "السفير",
    "رئيس",
    "النائب",
    "الجنرال",
    "المستشار",
    "الكاتب",
    "الاعلاميه",
    "الاعلامي",
)
_STOP = set(
    "في من على الى عن مع ان قد ذلك هذا هذه التي الذي كما وقد لم بعد قبل عام او ثم حيث بين اليوم امس الاثنين"
    " الثلاثاء الاربعاء الخميس الجمعه السبت الاحد انه انها لحلف".split()
)
_LATIN_STOP = set(
    "The A An In On At He She It They We If But And This That There As Any However Read Speaking Last Newsflash"
    " NO I Secretary General President Minister Prime Deputy Chairman Representatives Article Four Council West"
    " Western Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July"
    " August September October November December Russian Ukrainian Estonian South North Korean Defence".split()
)
_QUOTED = re.compile(r"(?:«([^«»\n]{2,40})»|“([^“”\n]{2,40})”|(?<![\w\]])\"([^\"\n\[\]]{2,40})\"(?![\w\[]))")
_LATIN_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")


def suggest_names(body: str, matcher: Matcher, md: MarkdownIt) -> list[Suggestion]:
    """Likely unregistered names: after titles, in quotation marks, or in Latin script."""
    skipped = skipped_spans(body, md)
    words = words_of(body, skipped)
    found: Counter[tuple[str, str]] = Counter()
    norms = [w.norm for w in words]
    for i in range(len(words)):
        for title in _TITLES:
            parts = key(title).split()
            if norms[i : i + len(parts)] != parts:
                continue
            j = i + len(parts)
            while j < len(words) and words[j].sep and norms[j].startswith("ال"):
                j += 1  # descriptors: الروسي، الدفاع، الأوكراني
            name = []
            while j < len(words) and words[j].sep and len(name) < 2 and norms[j] not in _STOP:
                if norms[j].startswith(("ال", "لل", "بال", "وال")) or len(norms[j]) < 3:
                    break
                name.append(body[words[j].start : words[j].end])
                j += 1
            if name:
                found[(" ".join(name), f"after '{title}'")] += 1
    for match in _QUOTED.finditer(body):
        text = next(g for g in match.groups() if g is not None).strip()
        latin_lower = text[:1].isascii() and not text[:1].isupper()  # "support" is a word, "Politico" a name
        if (
            1 <= len(text.split()) <= 3
            and not any(c.isdigit() for c in text)
            and not latin_lower
            and not _overlaps(match.span(), skipped)
        ):
            found[(text, "in quotation marks")] += 1
    for match in _LATIN_NAME.finditer(body):
        text = match.group()
        if all(w in _LATIN_STOP for w in re.split(r"[ -]", text)) or _overlaps(match.span(), skipped):
            continue
        sentence_start = re.search(r"(^|[.!?:]\s+|\n)$", body[: match.start()]) is not None
        if sentence_start and " " not in text:
            continue
        found[(text, "Latin-script name")] += 1
    known = matcher.keys
    return sorted(
        (Suggestion(name, count, reason) for (name, reason), count in found.items() if key(name) not in known),
        key=lambda s: (-s.count, s.name),
    )


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)
