"""Mark mentions of registered entities in article bodies: ``روسيا`` → ``[[russia|روسيا]]``.

Matching is Arabic-aware (``text.matching``): hamza forms, ة/ه, ى/ي, diacritics and
tatweel are ignored; attached proclitics (و ف, then ب ل ك, or لل before a name
that starts with ال) are matched through and stay outside the brackets, but a
registered name that begins with a proclitic's letter (فرنسا, لبنان) is never read
as a proclitic and a shorter name; the longest registered form wins (كوريا الشمالية
before كوريا). Only whole words match, and not a word written with tanwin fath
(أوكرانياً, روسيًا): that is an adverb or an indefinite adjective, not the name; nor
a name that is an adjective where it stands (اللغة العربية, بالعربية, غزوا روسيا:
``_adjective_here``).
Code, existing mentions, links, URLs, footnote labels, container header lines and
embedded posts (quoted as published) are left alone, and so is the front matter.
The function only inserts brackets: the text between them and
everywhere else is unchanged, which is what makes it idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markdown_it import MarkdownIt

from ...diagnostics import Diagnostics
from ...markup import parse_body
from ...model import Entity
from ...text.matching import WORD_RE, key, normalize
from .lexicon import _QUOTE_CHARS, _STOP
from .outlet import outlet_spans

_INLINE_SKIP = re.compile(
    r"`+[^`\n]*`+"  # code spans
    r"|\[\[(?:[^\]\n]|\n(?!\n))*\]\]"  # existing mentions, a name broken over two lines included
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
    tanwin_fath: bool = False
    """Written with tanwin fath at its end (أوكرانياً, أوكرانيًا, or ً typed after a space):
    an adverb or indefinite accusative made from the word (دولياً, روسياً), never a name."""
    after: str | None = None
    """What stands right before it, with only spaces and quotation marks between (one line
    break at most): ``word`` (the word before), ``mention`` (an annotated mention), else ``None``."""


@dataclass(frozen=True)
class Suggestion:
    """A likely name that no registered entity has, as ``suggest_names`` found it."""

    name: str
    count: int
    reason: str
    sentence: str
    """The sentence of its first occurrence, mentions shown as their text, shortened around the name."""


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
        self.types = {e.id: e.type for e in entities.values()}
        """Each entity's type, by id: what a mention in the body is of."""
        self.tails: set[tuple[str, tuple[str, ...]]] = set()
        """``(entity id, words)`` where the words end a longer form of that entity: a
        surname (زيلينسكي of فولوديمير زيلينسكي), so a word before it is a given name."""
        for entity in entities.values():
            shapes = {_shape(surface)[0] for surface in _surfaces(entity)}
            for short in shapes:
                if any(len(long) > len(short) and long[-len(short) :] == short for long in shapes):
                    self.tails.add((entity.id, short))

    def find(self, words: list[Word]) -> list[tuple[int, int, str, int]]:
        """Matches as ``(first word, last word, entity id, prefix length)``, left to right.

        A proclitic is stripped only when the word as written begins no registered name
        that fits here, and what is left does: a registered name that begins with a
        proclitic's letter (فرنسا, وارسو, لبنان, بيونغ يانغ) is read whole, never as
        ف + رنسا or ل + بنان even when those are registered too; with a proclitic of its
        own (وفرنسا, ولبنان, بواشنطن) it is found the same way, one letter further in.
        The longest registered form of that reading wins."""
        found: list[tuple[int, int, str, int]] = []
        i = 0
        while i < len(words):
            best = None
            after_match = bool(found) and found[-1][1] == i - 1
            for prefix, rest in _splits(words[i].norm):
                for form in self.index.get(rest, ()):
                    if prefix and len(rest) < 3 and len(form.words) == 1:
                        continue  # ولي is not و + لي: a lone remainder of two letters is too often a word
                    if _fits(words, i, form) and not _adjective_here(words, i, form, prefix, after_match):
                        best = (i, i + len(form.words) - 1, form.entity_id, prefix)
                        break
                if best:
                    break
            if best:
                found.append(best)
                i = best[1] + 1
            else:
                i += 1
        return found


_LANGUAGES = frozenset(
    normalize(name).text
    for name in (
        "العربية الإنجليزية الإنكليزية الفرنسية الروسية الألمانية الإسبانية الإيطالية البرتغالية الصينية"
        " اليابانية الكورية العبرية الفارسية التركية الكردية الأوكرانية الهندية الأردية"
    ).split()
)
"""Names of languages, as normalised: after ب (بالعربية, in Arabic) the language, whatever is registered."""


def _definite_norm(norm: str) -> bool:
    """Whether a normalised word reads as definite: ال or لل, after و or ف perhaps, or ب ك before ال
    (الحكومة, للحكومة, وللحكومة, بالحكومة), with three letters at least after the article."""
    if norm.startswith(("ال", "لل")):
        return len(norm) >= 5 or not norm.startswith("لل")
    rest = norm[1:] if norm[:1] in "وف" else norm
    if rest.startswith(("ال", "لل")) or (rest[:1] in "بك" and rest[1:3] == "ال"):
        return len(norm) >= 6
    return False


def _adjective_here(words: list[Word], i: int, form: Form, prefix: int, after_match: bool) -> bool:
    """Whether a one-word registered name that is also an adjective reads as the adjective at word ``i``.

    A name shaped as a definite feminine nisba (العربية for the channel, السعودية) is the
    adjective of the noun right before it: a definite one that is not a nisba itself
    (اللغة العربية, الحكومة السعودية, but المملكة العربية السعودية), one with a pronoun
    (نسختها العربية) or a name ("بي بي سي" العربية); after ب, the name of a language is
    the language (بالعربية). A name ending in يا is also the indefinite accusative of its
    nisba with the tanwin unwritten (روسيًّا): after an indefinite accusative noun (غزوا
    روسيا, a Russian invasion) it is that adjective. Only spaces and quotation marks may
    stand between the two words, and the name has no proclitic of its own (والعربية is
    another noun). The word before is read the same whether it was matched in this run or
    is a mention from an earlier one, so annotating twice gives the same result."""
    if len(form.words) != 1 or not words[i].norm[prefix:]:
        return False
    name = form.words[0]
    word = words[i]
    if prefix:
        rest = word.norm[:prefix]
        return name in _LANGUAGES and rest[-1:] == "ب"
    before = words[i - 1] if i > 0 and word.after == "word" else None
    if name.startswith("ال") and name.endswith("يه") and len(name) >= 6:
        if word.after == "mention" or (word.after == "word" and after_match):
            return True
        if before is None:
            return False
        nisba = before.norm.endswith(("يه", "ي")) and _definite_norm(before.norm)
        return (_definite_norm(before.norm) and not nisba) or before.norm.endswith(("ها", "هم", "هما"))
    if name.endswith("يا") and before is not None and word.sep == " " and not after_match:
        noun = before.norm[1:] if before.norm[:1] in "وف" else before.norm
        if before.tanwin_fath or not noun.endswith("ا") or len(noun) < 4 or _definite_norm(noun):
            return False  # غزا روسيا, ودعا روسيا: a verb of three letters, روسيا its object
        if noun.endswith("وا") and len(noun) >= 5:
            return False  # هاجموا روسيا: a verb in the plural
        return noun not in _ADVERBS and noun not in _STOP
    return False


_ADVERBS = frozenset(
    normalize(word).text
    for word in (
        "أيضا مجددا سابقا لاحقا حاليا مؤخرا رسميا علنا شخصيا غدا أبدا دائما كثيرا قليلا جدا معا ثانيا أولا"
        " ثالثا أخيرا تقريبا فورا حقا خصوصا عموما سريعا أحيانا إذا لذا كذا هكذا إنما كلما طالما ربما بينما"
        " عندما فيما حينما لما مهما كيفما أينما حيثما كما"
    ).split()
)
"""Words ending in ا that are no noun in the accusative: what follows them is not its adjective."""


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
    return not any(word.tanwin_fath for word in words[i : i + len(form.words)])


def _splits(word: str) -> list[tuple[int, str]]:
    """``(prefix length, rest)`` readings of a word: as is, then without proclitics (و ف,
    then ب ل ك, or لل for ال), the least stripped first. Callers take the first reading
    that is a word they know, so a known word is never read as a proclitic and a rest."""
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
        words.append(Word(match.group(), start, end, sep, _tanwin_fath(body, start, end), _after(body, start, words)))
        previous_end = end
    return words


_MENTION_END = re.compile(r"\[\[[^\]\n]*\]\]$")


def _after(body: str, start: int, words: list[Word]) -> str | None:
    """What stands right before the word at ``start``: see ``Word.after``."""
    pos = start
    while pos > 0 and (body[pos - 1] in " \t\u00a0\n" or body[pos - 1] in _QUOTE_CHARS):
        pos -= 1
    if body[pos:start].count("\n") > 1:
        return None
    if words and words[-1].end == pos:
        return "word"
    if body.endswith("]]", 0, pos) and _MENTION_END.search(body, max(0, pos - 300), pos):
        return "mention"
    return None


def _is_mark(char: str) -> bool:
    return "\u064b" <= char <= "\u065f" or char in ("\u0670", "\u0640")


_FATHATAN = "\u064b"


def _tanwin_fath(body: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` ends in tanwin fath: on its last letter (اً, ىً),
    on the letter before a final alif (ًا), or typed as a lone mark after a space
    (أوكرانيا ً), which can only belong to the word before it."""
    letters = "".join(char for char in body[start:end] if char == _FATHATAN or not _is_mark(char))
    if letters.endswith((_FATHATAN, _FATHATAN + "ا")):
        return True
    pos = end
    while pos < len(body) and body[pos] in " \t\u00a0":
        pos += 1
    while pos > end and pos < len(body) and _is_mark(body[pos]):
        if body[pos] == _FATHATAN:
            return True
        pos += 1
    return False


def annotate_body(body: str, matcher: Matcher, md: MarkdownIt, outlet: str | None = None) -> tuple[str, list[Match]]:
    """Insert ``[[id|text]]`` around every registered name in ``body``; returns the new body and
    the matches. ``outlet``, the article's source, is never annotated, nor the dateline that
    opens a paragraph with it (``outlet.outlet_spans``)."""
    words = words_of(body, [*skipped_spans(body, md), *outlet_spans(body, outlet)])
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
