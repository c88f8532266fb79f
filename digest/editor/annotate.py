"""Mark mentions of registered entities in article bodies: ``روسيا`` → ``[[russia|روسيا]]``.

Matching is Arabic-aware (``textnorm``): hamza forms, ة/ه, ى/ي, diacritics and
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
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt

from ..diagnostics import Diagnostics
from ..markup import parse_body
from ..model import Entity
from ..text.matching import WORD_RE, key, normalize

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
#
# An editor reads every suggestion, so one that is not a name costs more than a name
# left out: only spans that look like names for a reason that can be said are offered.
# Arabic has no capital letters, so an Arabic name is recognised by where it stands
# (after a title, in quotation marks after the word for what it names) or by letters and
# endings that Arabic words do not have; Latin-script names by their capitals.


def _keys(words: str) -> frozenset[str]:
    return frozenset(key(word) for word in words.split())


_TITLES = tuple(
    sorted(
        (
            tuple(key(title).split())
            for title in (
                "الرئيس",
                "الرئيسة",
                "رئيس",
                "رئيسة",
                "نائب الرئيس",
                "رئيس الوزراء",
                "رئيسة الوزراء",
                "الأمين العام",
                "أمين عام",
                "مدير عام",
                "الوزير",
                "الوزيرة",
                "وزير",
                "وزيرة",
                "وزيري",  # وزيرَي, two ministers (diacritics are not compared)
                "وزيرا",
                "المتحدث باسم",
                "المتحدثة باسم",
                "المتحدث الرسمي باسم",
                "الملك",
                "الملكة",
                "الأمير",
                "الأميرة",
                "ولي العهد",
                "الشيخ",
                "السفير",
                "السفيرة",
                "المستشار",
                "المستشارة",
                "المبعوث",
                "المبعوثة",
                "المندوب",
                "المندوبة",
                "الجنرال",
                "اللواء",
                "العميد",
                "العقيد",
                "المشير",
                "قائد",
                "زعيم",
                "الزعيم",
                "النائب",
                "السيناتور",
                "الحاكم",
                "حاكم",
                "المحافظ",
                "محافظ",
                "عمدة",
                "المدير",
                "مدير",
                "البابا",
                "الكاتب",
                "الكاتبة",
                "كاتب",
                "كاتبة",
                "الصحفي",
                "الصحفية",
                "الصحافي",
                "الصحافية",
                "المراسل",
                "المراسلة",
                "الإعلامي",
                "الإعلامية",
                "المذيع",
                "المذيعة",
                "المحلل",
                "المحللة",
                "الباحث",
                "الباحثة",
                "الخبير",
                "الخبيرة",
                "الناشط",
                "الناشطة",
                "المعارض",
                "المعارضة",
                "رجل الأعمال",
                "الملياردير",
                "ملك",
                "ملكة",
                "أمير",
                "أميرة",
                "السلطان",
                "سفير",
                "سفيرة",
                "مبعوث",
                "مبعوثة",
                "مندوب",
                "مندوبة",
                "الممثل",
                "الممثلة",
                "ممثل",
                "ممثلة",
                "الممثل الأعلى",
                "الممثلة العليا",
                "المفوض",
                "المفوضة",
                "المنسق",
                "منسق",
                "منسقة",
                "مستشار",
                "مستشارة",
                "قائدة",
                "زعيمة",
                "نائبة",
                "المتحدث",
                "المتحدثة",
                "الناطق",
                "الناطقة",
                "الناطق باسم",
                "الناطقة باسم",
                "الناطق الرسمي باسم",
                "المتحدثة الرسمية باسم",
                "المرشد الأعلى",
                "المدعي العام",
                "الفريق",
                "الفريق أول",
                "العماد",
                "الأدميرال",
                "الرائد",
                "المقدم",
                "النقيب",
                "الملازم",
                "الرقيب",
                "أدميرال",
                "جنرال",
                "ميجور جنرال",
                "الميجور جنرال",
                "ميجر جنرال",
                "الميجر جنرال",
                "لفتنانت جنرال",
                "اللفتنانت جنرال",
                "بريجادير جنرال",
                "البريجادير جنرال",
                "الكولونيل",
                "كولونيل",
                "الدكتور",
                "الدكتورة",
                "الأستاذ",
                "الأستاذة",
                "البروفيسور",
                "البروفيسورة",
                "البروفسور",
                "المهندس",
                "المهندسة",
                "المحامي",
                "المحامية",
                "القاضي",
                "القاضية",
                "السيد",
                "السيدة",
                "الفنان",
                "الفنانة",
                "الشاعر",
                "الشاعرة",
                "المخرج",
                "المخرجة",
                "المطرب",
                "المطربة",
                "اللاعب",
                "اللاعبة",
                "المدرب",
                "رئاسة",
                "إدارة",
                "عهد",
            )
        ),
        key=len,
        reverse=True,
    )
)
"""Titles and roles after which a name follows (longest first: رئيس الوزراء before رئيس)."""


def _by_first_word(titles: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for order, title in enumerate(titles):
        index.setdefault(title[0], []).append((order, title))
    return index


_TITLES_BY_FIRST = _by_first_word(_TITLES)
"""``_TITLES`` by their first word, each with its place in the list (the longest wins)."""

_RANKS = _keys("جنرال أدميرال كولونيل")
"""Ranks written without the article that take no complement: the name follows them."""

_TENURES = _keys("رئاسة إدارة عهد")
"""Nouns of a term of office, in construct with the one who held it (رئاسة ماركوس هيلمان,
إدارة جو بايدن): no complement, and more often a common noun after them (إدارة مشروع,
إدارة ملفات حساسة), so the name has two words or looks transliterated."""

_DIPLOMATS = _keys("السفير السفيرة سفير سفيرة المندوب المندوبة مندوب مندوبة المبعوث المبعوثة مبعوث مبعوثة الممثل ممثل")
"""Titles whose complement may be where the holder is posted: السفير الروسي لدى واشنطن."""

_POSTED_AT = key("لدى")
"""لدى, normalised (لدي): where an ambassador is posted."""

_REGNAL = _keys("الملك ملك الملكة ملكة البابا الأمير أمير السلطان")
"""Titles after which a name may end in an ordinal: الملك تشارلز الثالث."""
_ORDINALS = _keys("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر")

_ADJECTIVES = _keys(
    "العام العامة الخاص الخاصة الأعلى العليا السابق السابقة الأسبق المنتخب المنتخبة الجديد الجديدة الحالي"
    " الحالية الدائم الدائمة الأول الأولى المساعد المساعدة المؤقت المؤقتة المكلف المكلفة المناوب الأكبر الكبير"
    " الكبرى المتحدة المشترك المشتركة المستقيل المستقيلة الراحل الراحلة الشهير الشهيرة المعروف المعروفة"
    " الدولي الوطني الرسمي الإقليمي المحلي الشعبي العالمي الحكومي الاتحادي الملكي الرئاسي"
)
"""Adjectives of titles that are not nisbas (الأمين العام, الرئيس السابق, الأمم المتحدة),
and nisbas that are no family name (مطار الملك خالد الدولي)."""

_INSTITUTIONS = _keys(
    "حلف مجلس وزارة حكومة منظمة حركة حزب جهاز وكالة لجنة جمعية جامعة شركة هيئة قناة صحيفة جريدة مجلة موقع مؤسسة"
    " مكتب دائرة منصة برنامج إذاعة تلفزيون شبكة مجموعة جماعة تنظيم تحالف اتحاد جبهة كتلة ائتلاف مركز معهد"
    " بنك صندوق محكمة قوات جيش عملية مبادرة مؤتمر منتدى قمة تطبيق فيلم كتاب مسلسل فرقة نادي"
    " فضائية فريق منتخب صاروخ"
)
"""Nouns that a name in quotation marks names (قناة "روسيا-1", حلف "الناتو"), and that stand
between a title and a name as what the title is of (الأمين العام لحلف "الناتو" مارك روته)."""

_OF = _INSTITUTIONS | _keys(
    "خارجية دفاع داخلية مالية عدل اقتصاد صحة تعليم إعلام نفط طاقة تجارة شؤون شمال جنوب شرق غرب وزراء هيئة أركان"
    " بلدية ولاية مدينة محافظة إقليم مقاطعة جمهورية مملكة إمارة سلطنة دولة"
)
"""Nouns a title's complement is made of (وزير خارجية …, حلف شمال الأطلسي): never the name."""

_COUNTERPARTS = _keys("نظير نظيره نظيرها نظيرته نظيرتها نظيرهم")
"""Its counterpart: a quoted text after it names a team, a party or a country (نظيره "الفتح")."""

_KIN = _keys("عمو خالو العم الخال العمة الخالة أبو أم")
"""Words of kin that begin a nickname (عمو "فتوش", أبو "سمير"): with the quoted word after
them, what a person is called."""

_ATTRIBUTION = _keys("وفقا طبقا تبعا استنادا نقلا نقلت نقل نسبة")
"""Before ل or عن, a quoted name is a source: وفقا لـ "بوليتيكو"."""

_STOP = _keys(
    "في من على إلى الى عن مع أن إن ان قد ذلك تلك هذا هذه هؤلاء التي الذي الذين اللذين كما وقد لم لن لا ما ماذا"
    " بعد قبل عام عامة أو ثم حيث بين اليوم أمس غدا الآن أنه أنها إنه إنها أنهم كان كانت كانوا يكون تكون سيكون"
    " قال قالت يقول تقول أكد أكدت يؤكد أضاف أضافت أشار أشارت يشير أعلن أعلنت تابع تابعت كتب كتبت ذكر ذكرت"
    " أوضح أوضحت اعتبر اعتبرت دعا دعت زعم زعمت نفى نفت رد ردت مشيرا مضيفا مؤكدا موضحا معتبرا لافتا قائلا"
    " خلال عبر نحو حول ضد منذ عند لدى لكن بل كل كلا بعض أي غير دون سوى فقط أيضا هو هي هم هن نحن أنا"
    " وفقا بحسب حسب إذا إذ لو حتى عندما بينما فيما أمام وراء فوق تحت هناك هنا ثمة سوف لقد ليس ليست يجب يمكن"
    " نظير نظيره نظيرته نظيرها نظراء نظرائه"
    " حضور مشاركة رفقة صحبة لفيف عدد عقب إثر قبيل أثناء طوال إبان تجاه إزاء جراء"
    " آنذاك حينذاك وقتذاك يومذاك حينها وقتها آنئذ"
    " نجله نجلها ابنه ابنها ابنته ابنتها زوجته زوجها شقيقه شقيقها شقيقته والده والدته عائلته أسرته"
    " به بها بهم له لها لهم منه منها منهم عنه عنها عنهم إليه إليها إليهم عليه عليها عليهم معه معها معهم فيه فيها"
    " مجددا مؤخرا سابقا لاحقا شخصيا رسميا علنا قوله قولها"
    " تم جرى مساء صباح ظهر مطلع أوائل أواخر منتصف يوم شهر سنة أسبوع ساعة الماضي المقبل كبير جديد نفسه ذاته"
    " الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد"
    " يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
    " كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين"
    " زار زارت يزور تزور التقى التقت يلتقي تلتقي استقبل استقبلت يستقبل تستقبل بحث بحثت يبحث تبحث وصل وصلت"
    " يصل تصل غادر غادرت يغادر تغادر حذر حذرت يحذر تحذر طالب طالبت يطالب تطالب هدد هددت يهدد تهدد اتهم اتهمت"
    " يتهم تتهم رفض رفضت يرفض ترفض وافق وافقت يوافق توافق شدد شددت يشدد تشدد أعرب أعربت يعرب تعرب جدد جددت"
    " يجدد تجدد طلب طلبت يطلب تطلب عقد عقدت يعقد تعقد ترأس ترأست يترأس تترأس شارك شاركت يشارك تشارك ألقى"
    " ألقت يلقي تلقي وجه وجهت يوجه توجه أجرى أجرت يجري تجري كشف كشفت يكشف تكشف أفاد أفادت يفيد تفيد صرح"
    " صرحت يصرح تصرح رحب رحبت يرحب ترحب أشاد أشادت يشيد تشيد ناقش ناقشت يناقش تناقش تلقى تلقت يتلقى تتلقى"
    " اعترف اعترفت يعترف تعترف قرر قررت يقرر تقرر أبلغ أبلغت يبلغ تبلغ هنأ هنأت أدان أدانت يدين تدين"
)
"""Function words, prepositions with a pronoun, adverbs, verbs of saying and of news (زار,
التقى, حذر) and time words: what follows a title, or a name, and is not a name."""

_NAME_JOINERS = _keys("عبد أبو أبي ابن بن بنت آل ذو بو")
"""Name parts after which the next part may start with ال (عبد الله، آل ثاني)."""

_FOREIGN_ENDING = re.compile(
    r"(?:سكي|سكايا|فيتش|يتش|نكو|نغ|ونج|ينج|انج|برغ|بورغ|غراد)$"  # Slavic, Chinese and Korean, German endings
    r"|.{4,}(?:وف|يف)$"  # Lavrov, Medvedev: at six letters or more (ظروف, تصريف are Arabic)
)
_FOREIGN_LETTERS = re.compile("[پچژڤگ]")
_MONTHS = _keys("مايو يونيو يوليو")
_LOANWORDS = _keys(
    "فيديو راديو استوديو ستوديو سيناريو فيتو بيانو كازينو تانغو مترو كيلو كاكاو ديكو بورصة"
    " ماركتينغ باركينغ شوبينغ ميتينغ بلوغ"
)
"""Common nouns borrowed with a foreign spelling (بالفيديو, الفيتو): not names."""
_QUOTE_CHARS = '"«»“”„″'


def _foreign(word: str) -> bool:
    """A normalised Arabic word spelled as Arabic words are not: a transliterated name.

    The signs are letters Arabic does not use (پ چ ژ ڤ گ), a doubled ي inside the word
    (كييف, سكابييفا), endings of Slavic, Korean or German names (ـسكي, ـفيتش, ـنغ, ـبرغ,
    ـوف/ـيف in long words) and a final و after a consonant in a word that is neither a verb
    (يدعو) nor a participle's plural (ممثلو, لاجئو): بوليتيكو, الناتو. Each sign misses many
    names; together they are rarely wrong."""
    stem = word
    for article in ("ال", "لل", "وال", "فال", "بال", "كال"):
        if word.startswith(article) and len(word) - len(article) >= 3:  # not والاس, كالاس
            stem = word[len(article) :]
            break
    if len(stem) < 4 or not is_arabic_word(stem) or stem in _LOANWORDS:
        return False
    if re.fullmatch("[وف]?[بلك]?ت..ي.", stem) or re.fullmatch("[وف]?[بلك]?ت.يي.(?:ه|ها|هم)?", stem):
        return False  # بتنظيف, تعيينه, تغييره: a verbal noun of the form تفعيل
    if re.fullmatch("[وف]?[بلك]?(?:ال)?م.ايي.", stem):
        return False  # معايير, بالمعايير, مقاييس: a broken plural
    if _FOREIGN_LETTERS.search(stem) or _FOREIGN_ENDING.search(stem):
        if stem.endswith("يف") and re.match("[وف]?س?[يت]", stem):
            return False  # ويستضيف, تضيف: a verb in the present, not a name in ـيف
        return not (len(stem) == 6 and stem[2] == "ا" and stem[4] in "وي")  # تكاليف, مصاريف: broken plurals
    if re.search("يي(?!ن$|ه$)", stem[1:]):  # not the plural ending (عسكريين, تعيين)
        return True
    if stem.endswith("و") and re.match("[لوف][يتنا]", stem):
        return False  # لتبدو, ليدعو: a verb in the present after ل or و
    if stem.endswith("و") and stem not in _MONTHS and stem[0] not in "ميتناإأ":
        return (len(stem) >= 5 or stem is not word) and not (len(stem) == 5 and stem[1] == "ا")
    return False


def is_arabic_word(word: str) -> bool:
    return all("\u0621" <= char <= "\u064a" or char in "پچژڤگ" for char in word)


@dataclass(frozen=True)
class _Token:
    """A word of the body for the suggester, with what stands between it and the word before."""

    norm: str
    start: int
    end: int
    gap: str
    """``space``, ``hyphen``, ``quote`` (quotation marks, perhaps with spaces), ``mention`` (an
    annotated mention, perhaps with spaces and quotation marks), ``comma``, ``open`` and
    ``close`` (a parenthesis alone), ``aside`` (mentions in parentheses) or ``break``."""
    tanwin: bool
    """Written with a tanwin (اتصالاً): an indefinite noun or adjective, never a name."""
    definite: bool
    """Written with the article ال (also after و ف ب ك, or as لل): الروسي, للحلف, والدفاع.
    Read from the text as written, where the article's alef has no hamza: names such as
    ألكسندر or ألمانيا begin with أل, and become ال only once normalised."""
    proclitic: bool = False
    """Written with a proclitic before a hamza on alif (بإجراء, لإسرائيل, وأكد): no name
    begins so, and a name after a title carries no proclitic."""
    pronoun: bool = False
    """A verbal noun of the forms استفعال, انفعال, افتعال written with a pronoun (استقالته,
    اعتماده, انسحابها): a noun and its owner, never a name."""


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    reason: str
    rank: int
    """Which of two overlapping candidates is kept: the lower (quoted, then titled, …)."""
    text: str | None = None
    """The name as offered, where the span holds a mention (its text shown without brackets)."""


def _tokens(body: str, skipped: list[tuple[int, int]]) -> list[_Token]:
    mentions = [m.span() for m in _MENTION_RE.finditer(body)]
    others = [span for span in skipped if span not in set(mentions)]
    tokens: list[_Token] = []
    previous = 0
    for word in words_of(body, skipped):
        gap = _gap(body, previous, word.start, mentions, others) if tokens else "break"
        written = "".join(char for char in body[word.start : word.end] if not _is_mark(char))
        tanwin = any(char in "\u064b\u064c\u064d" for char in body[word.start : word.end])
        proclitic = written[:1] in ("و", "ف", "ب", "ل", "ك") and written[1:2] in ("أ", "إ", "آ")
        pronoun = _VERBAL_NOUN_WITH_PRONOUN.fullmatch(word.norm) is not None and written[-1:] in ("ه", "ا", "م")
        definite = _definite(written)
        tokens.append(_Token(word.norm, word.start, word.end, gap, tanwin, definite, proclitic, pronoun))
        previous = word.end
    return tokens


_VERBAL_NOUN_WITH_PRONOUN = re.compile("(?:است.?.ا.|ان..ا.|ا.[تطد].ا.)ت?(?:ه|ها|هم|هما)")
"""استقالته, اعتماده, انسحابها, اضطرابهم, as normalised (the word before the pronoun written
with ة before it is ت); the caller checks that the ه is written so, not a ة."""

_ARTICLES = ("ال", "ٱل", "لل")
_ARTICLE_AFTER = ("وال", "فال", "بال", "كال", "ولل", "فلل")


def _definite(written: str) -> bool:
    """Whether a word as written begins with the article: ال, or لل, or after a proclitic
    (والدفاع, بالحلف) when at least three letters follow it, since names begin so too
    (كالاس, والتر): a proclitic is read only where it leaves a word."""
    if written.startswith(_ARTICLES):
        return True
    return written.startswith(_ARTICLE_AFTER) and len(written) >= 6


_MENTION_RE = re.compile(r"\[\[[^\]\n]*\]\]")


def _gap(body: str, start: int, end: int, mentions: list[tuple[int, int]], others: list[tuple[int, int]]) -> str:
    if _overlaps((start, end), others):
        return "break"
    text = body[start:end]
    inside = [(a - start, b - start) for a, b in mentions if start <= a and b <= end]
    for a, b in reversed(inside):
        text = text[:a] + "\x00" + text[b:]
    bare = "".join(text.split())
    if "\n" not in text and bare in ("(", ")"):
        return "open" if bare == "(" else "close"
    if "\n" not in text and inside and re.fullmatch(r"\((?:\x00[،,]?)+\)", bare):
        return "aside"
    if text.count("\n") > 1 or any(char in ".!?؟:;؛()[]{}…*#|/\\" for char in text):
        return "break"
    if "،" in text or "," in text:
        return "comma"
    if inside:
        return "mention"
    if text.strip() in _DASHES:
        return "hyphen"
    rest = text.strip(" \t\u00a0\n")
    if not rest:
        return "space"
    return "quote" if all(char in _QUOTE_CHARS or char.isspace() for char in rest) else "break"


def _title_at(tokens: list[_Token], i: int) -> tuple[tuple[str, ...], int] | None:
    """The title starting at token ``i`` (through proclitics: للرئيس, ووزير) and the letters before it."""
    found: list[tuple[int, tuple[str, ...], int]] = []
    for prefix, rest in _splits(tokens[i].norm):
        for order, title in _TITLES_BY_FIRST.get(rest, ()):
            if i + len(title) > len(tokens):
                continue
            if any(tokens[i + k].norm != title[k] or tokens[i + k].gap != "space" for k in range(1, len(title))):
                continue
            found.append((order, title, prefix))
    if not found:
        return None
    _, title, prefix = min(found, key=lambda match: match[0])
    return title, prefix


def _name_word(token: _Token, previous: _Token | None) -> bool:
    """Can ``token`` be a word of a name (and is not a function word or a verb of saying,
    with or without a proclitic: وقال, لنظيره; without tanwin; not definite, except after
    عبد, أبو …)?"""
    norm = token.norm
    if len(norm) < 2 or token.tanwin or token.proclitic or token.pronoun or not is_arabic_word(norm):
        return False
    if (
        any(rest in _STOP or rest in _OF or rest in _KIND_NOUNS for _, rest in _splits(norm))
        or norm in _OFFICES_ACCUSATIVE
    ):
        return False
    if norm[:1] in ("و", "ف") and norm[1:] in _STOP:
        return False  # ولا, وما, فلم: a function word of two letters after و or ف
    if token.definite:
        return previous is not None and previous.norm in _NAME_JOINERS
    return True


def _future_verb(norm: str) -> bool:
    """Shaped as a verb in the future (سيزور, ستقدم): after a title, more often what the
    titled person will do than a name. Names begin so too (سيرغي, ستيف), so a name may
    start with such a word only when a transliterated one follows (سيرغي لافروف)."""
    return len(norm) >= 5 and norm[0] == "س" and norm[1] in "يتن" and not _foreign(norm)


def _third_name_word(name: list[_Token], norm: str) -> bool:
    """Most names after a title have two words, and a third word is more often the sentence's
    next noun (فلاديمير بوتين قلق الحلفاء); it belongs to the name after a joiner (محمد بن
    سلمان), in a name of short syllables (يون سوك يول), or when it looks transliterated."""
    short = all(len(word) <= 3 for word in (name[0].norm, name[1].norm, norm))
    return name[1].norm in _NAME_JOINERS or short or _foreign(norm)


def _construct(tokens: list[_Token], j: int) -> bool:
    """Token ``j`` and a definite word after it make a noun phrase of the complement (تصريف
    الأعمال) when a name follows them; a name is followed by a definite word only when the
    sentence goes on (مارك روته الضوء), and then not by another name."""
    if j + 2 >= len(tokens) or tokens[j + 1].gap != "space" or tokens[j + 2].gap != "space":
        return False
    return tokens[j + 1].definite and _name_word(tokens[j], None) and _name_word(tokens[j + 2], None)


def _names_institution(token: _Token) -> bool:
    """Whether a mention after ``token`` names what a title is of (لحلف [[nato|الناتو]],
    لـ [[nato|الناتو]]) rather than the titled person."""
    return token.norm == "ل" or any(rest in _INSTITUTIONS for _, rest in _splits(token.norm))


def _adjective(token: _Token) -> bool:
    """A definite adjective that can describe a title or its complement: a nisba (الروسي,
    الأوروبية) or one of ``_ADJECTIVES`` (العام, السابق). A definite noun after the
    complement is the sentence going on (زار رئيس الوزراء الهولندي المصنع)."""
    norm = token.norm
    if not norm.startswith("ال") or not token.definite:
        return False
    return norm in _ADJECTIVES or (norm.endswith(("ي", "يه")) and len(norm) >= 6)


def _prepositional(token: _Token) -> str | None:
    """``definite`` for ل or و before a definite word (للأمم, والهجرة), ``construct`` for ل
    before a noun that takes a complement (لحلف, لوزارة), else ``None``."""
    norm = token.norm
    if norm[:1] not in ("ل", "و") or len(norm) < 4:
        return None
    if token.definite and not norm.startswith("ال"):
        return "definite"
    if norm[0] == "ل" and norm[1:] in _OF:
        return "construct"
    return None


def _aside_end(tokens: list[_Token], j: int) -> int | None:
    """The token after a short parenthesised aside that opens before token ``j``
    (حلف شمال الأطلسي (الناتو) مارك روته), if it closes within four words."""
    for k in range(j + 1, min(j + 5, len(tokens))):
        if tokens[k].gap == "close":
            return k
        if tokens[k].gap not in ("space", "hyphen"):
            return None
    return None


def _complement_end(tokens: list[_Token], i: int, title: tuple[str, ...]) -> tuple[int, bool]:
    """Where the words that say what the title at token ``i`` is of end, and whether a
    mention stood for the last of them (وزير خارجية [[russia|روسيا]]).

    A title without the article (رئيس, وزير, أمين عام, المتحدث باسم) is in construct:
    the next word is what it is of, a name itself (رئيس مصر, أمير قطر, المتحدث باسم
    حماس) or a noun in construct in turn (وزير خارجية إيران, رئيس وزراء هولندا). Then
    come adjectives (الروسي, العام; after a definite complement, any definite word:
    البيت الأبيض), ل or و with a definite word and its adjective (للأمم المتحدة,
    والهجرة), ل with another noun in construct (لحلف شمال الأطلسي),
    لدى and a place after a diplomat's title, and parenthesised asides ((الناتو))."""
    j = i + len(title)
    need = title[-1] == "باسم" or not any(word.startswith("ال") for word in title)
    if title[-1] in _RANKS or title[-1] in _TENURES:
        need = False  # ميجور جنرال فالنتين موروز: a rank is of no one; عهد ياسر عرفات
    by_mention = False
    own_adjective = False
    while j < len(tokens):
        token = tokens[j]
        if token.gap == "open":
            end = _aside_end(tokens, j)
            if end is None or need:
                break
            j = end
            continue
        if token.gap not in ("space", "quote", "mention", "hyphen", "close", "aside"):
            break
        if token.gap in ("mention", "aside") and need:
            need, by_mention = False, True  # the mention was the complement; ``token`` comes after it
        if need:
            if token.tanwin or _future_verb(token.norm) or not is_arabic_word(token.norm):
                break
            if any(rest in _STOP for _, rest in _splits(token.norm)):
                break
            if not token.definite and _construct(tokens, j):
                j += 2  # رئيس حكومة تصريف الأعمال نجيب ميقاتي
                need = False
                continue
            need = not token.definite and any(rest in _OF for _, rest in _splits(token.norm))
            own_adjective = token.definite  # its own adjective may follow: باسم البيت الأبيض
            j += 1
            by_mention = False
            continue
        kind = _prepositional(token)
        posted = token.norm == _POSTED_AT and title[0] in _DIPLOMATS
        if token.norm in ("ل", "باسم") or kind == "construct" or posted:
            need, own_adjective = True, False
        elif kind == "definite":
            own_adjective = True
        elif _adjective(token) or (own_adjective and token.definite and token.norm.startswith("ال")):
            own_adjective = False
        else:
            break
        j += 1
        by_mention = False
    return j, by_mention


_SLAVIC_FEMININE = re.compile("(?:وفا|يفا|ينا|سكايا|ايا)$")


def _indefinite_phrase(name: list[_Token]) -> bool:
    """A noun and its indefinite adjective rather than a name: both in the accusative,
    tanwin unwritten (وفدا برلمانيا, نداء عاجلا), both feminine (اتفاقية جديدة), or with
    a feminine nisba (جولة خليجية, زيارة رسمية). A name after a title does not end in
    ـية, and where its words all end in ا, it is a woman's (أولغا سكابييفا)."""
    if len(name) < 2 or any(t.norm in _PARTICLES for t in name) or name[-1].definite:
        return False  # لولا دا سيلفا: a particle is of a name; يوسف الرواضية: an article is of no indefinite phrase
    last = name[-1].norm
    if last.endswith("يه") and len(last) >= 5:
        return True
    if len(name) == 2 and all(t.norm.endswith("ه") for t in name):
        return True  # اتفاقية جديدة: a feminine noun and its adjective
    if not last.endswith("ا") or _SLAVIC_FEMININE.search(last):
        return False
    return all(t.norm.endswith(("ا", "اء")) for t in name)


def _after_titles(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names after titles: الرئيس الروسي فلاديمير بوتين، الأمين العام لحلف "الناتو" مارك روته.

    After the title come the words that say what it is a title of (``_complement_end``);
    then the name (``_name_at``): up to three words joined by spaces, besides particles
    and words of lineage (أورسولا فون دير لاين, تميم بن حمد آل ثاني), none of them a
    function word or a verb, and definite only as a family name or an ordinal (أيمن
    الصفدي, عبد الله الثاني). A one-word name must follow the title at once (الكاتب
    جوركي) or look transliterated: after descriptors, a comma or a mention (الرئيس
    الروسي سيزور, نائب رئيس مجلس الأمن الروسي، دميتري مدفيديف) a lone word is more often
    the sentence going on, so there a name needs two words. Where the title is the
    subject of a verb before it, two plain words followed by another noun may be that
    verb's object (أصدر رئيس الوزراء قرارا بتشكيل لجنة): they are offered only when
    the text names the bearer again as a speaker (``_speakers``)."""
    found = []
    speakers: dict[str, set[int]] | None = None
    quoted = {start for start, _ in _quote_pairs(body)}
    for i in range(len(tokens)):
        match = _title_at(tokens, i)
        if match is None:
            continue
        title, prefix = match
        j, by_mention = _complement_end(tokens, i, title)
        if j >= len(tokens) or tokens[j].gap not in ("space", "quote", "mention", "comma", "close", "aside"):
            continue
        if tokens[j].gap == "mention" and not by_mention and not _names_institution(tokens[j - 1]):
            continue  # الرئيس [[vladimir-putin|فلاديمير بوتين]] سيزور: the mention was the name
        if tokens[j].start in quoted:
            continue  # كاتب مقال "…": a quotation after a title is the title of a work, not a name
        direct = j == i + len(title) and tokens[j].gap == "space"
        words = tokens
        if direct and tokens[j].definite and body[tokens[j].start : tokens[j].start + 3] == "فال":
            # ميجور جنرال فالنتين: ف that begins a clause does not follow a title, so the
            # word is a name that begins so, not ف and the article.
            words = [*tokens[:j], replace(tokens[j], definite=False), *tokens[j + 1 :]]
        family = not _subject(body, tokens, i, prefix) or _said_before(tokens, i)
        speakers = _speakers(tokens) if speakers is None else speakers
        name, after = _name_at(words, j, title, family, speakers)
        if not name:
            continue
        if len(name) == 1 and not _lone_name(body, tokens, name[0], after, direct):
            continue
        if _future_verb(name[0].norm) and not any(_foreign(t.norm) for t in name[1:]):
            continue  # الرئيس سيزور بكين, but سيرغي لافروف
        if _indefinite_phrase(name):
            continue
        if title[-1] in _TENURES and not _foreign(name[-1].norm) and not _tenure_name(body, name, direct):
            continue
        maybe_object = _subject(body, tokens, i, prefix) and not _subject_ends(body, tokens, after)
        if maybe_object and not _foreign(name[-1].norm):
            speakers = _speakers(tokens) if speakers is None else speakers
            if not speakers.get(name[-1].norm, set()) - {after - 1}:
                continue  # أصدر رئيس الوزراء قرارا بتشكيل لجنة: the object, not a name
        shown = body[_advance(body, tokens[i].start, prefix) : tokens[i + len(title) - 1].end]
        if title[0].startswith("ال") and not shown.startswith(("ال", "ٱل")):
            shown = "ال" + shown  # للرئيس: the article's alef is not written after ل
        found.append(_Candidate(name[0].start, name[-1].end, f"after '{shown}'", 1))
    return found


def _tenure_name(body: str, name: list[_Token], direct: bool) -> bool:
    """Whether the words after a term of office are a name: two or more, right after it,
    the last neither feminine, a nisba nor a long plural (إدارة مشروع, إدارة ملفات حساسة,
    إدارة حوار وطني, إدارة بايدن انقسامات are common nouns; عهد ياسر عرفات is a name)."""
    last = name[-1].norm
    adjective = body[name[-1].end - 1 : name[-1].end] == "ة" or (last.endswith("ي") and len(last) >= 4)
    plural = last.endswith("ات") and len(last) >= 6
    return len(name) >= 2 and direct and not adjective and not plural


def _lone_name(body: str, tokens: list[_Token], word: _Token, after: int, direct: bool) -> bool:
    """Whether one word after a title is its bearer's name: right after the title and not
    a verb in the future (الرئيس الروسي سيزور), a noun in construct (ناقش رئيس الوزراء
    خطة الحكومة) or a feminine noun (تلقى رئيس الوزراء رسالة), unless transliterated."""
    if not _foreign(word.norm) and (not direct or _future_verb(word.norm)):
        return False
    if not _foreign(word.norm) and _followed_by_definite(tokens, after):
        return False
    return body[word.end - 1 : word.end] != "ة"


_PREPOSITIONS = _keys("عن من مع إلى الى على في لدى بين عند نحو ضد حول عبر خلال بعد قبل دون")
"""Before a title, these make it no subject: what follows its name is no object of a verb."""


def _subject(body: str, tokens: list[_Token], i: int, prefix: int) -> bool:
    """Whether the title at token ``i`` may be the subject of a verb before it: it has no
    proclitic (للرئيس, بالرئيس), follows no preposition (عن رئيس الوزراء) and no noun
    written with ة, which no verb ends in: that noun is in construct with the title
    (تسمية السفير, زيارة الرئيس), and what follows the title is its name, not an object."""
    if prefix:
        return False
    if i == 0 or tokens[i].gap != "space":
        return True
    if body[tokens[i - 1].end - 1 : tokens[i - 1].end] == "ة":
        return False
    if _adjective(tokens[i - 1]):
        return False  # مدير المستشفى الحكومي الدكتور: no verb has the article; the title is in apposition
    before = tokens[i - 1].norm
    if before[:1] in ("و", "ف") and before[1:] in _PREPOSITIONS:
        return False  # وفي عهد, ومن الرئيس: a preposition of two letters after و
    if i >= 2 and tokens[i - 1].gap == "space" and _preposition(tokens[i - 2].norm):
        return False  # على خطاب الرئيس: no verb follows a preposition, so the word before is a noun
    return not _preposition(before)


def _preposition(norm: str) -> bool:
    return any(rest in _PREPOSITIONS for _, rest in _splits(norm)) or (norm[:1] in "وف" and norm[1:] in _PREPOSITIONS)


def _said_before(tokens: list[_Token], i: int) -> bool:
    """Whether a verb of saying stands right before the title at token ``i`` (وقال الرئيس):
    what follows its name is speech, never the verb's object."""
    return i > 0 and tokens[i].gap == "space" and any(rest in _SAYING for _, rest in _splits(tokens[i - 1].norm))


def _subject_ends(body: str, tokens: list[_Token], k: int) -> bool:
    """Whether the words before token ``k`` read as the end of the sentence's subject.

    A title that is the subject (بحث الرئيس الفرنسي …) may be followed by its name or,
    with no name, by the verb's object; after the name come punctuation, a function word
    or verb (إن, في, سيزور), a prepositional phrase (للصحفيين, بالقرار), another
    titled person (ووزير) or an object that cannot be the same noun phrase: accusative
    (وفدا) or with a pronoun (دعمه, written with ه, not ة). Another noun after two words
    is as often the rest of an object (بحث الرئيس سبل تعزيز التعاون) as the object after
    a name (سلط مارك روته الضوء على)."""
    if k >= len(tokens) or tokens[k].gap != "space":
        return True
    token = tokens[k]
    if _future_verb(token.norm) or any(rest in _STOP for _, rest in _splits(token.norm)):
        return True
    if _title_at(tokens, k) is not None:
        return True
    if token.tanwin or (token.norm.endswith("ا") and not _foreign(token.norm)):
        return True  # عبد المجيد تبون وفدا: an object in the accusative follows the subject
    if body[token.end - 1 : token.end] == "ه" or token.norm.endswith(("ها", "هم")):
        return True  # إيمانويل ماكرون دعمه: an object with a pronoun follows the subject
    return token.definite and not token.norm.startswith("ال")


_SAYING = _keys(
    "قال قالت أضاف أضافت أكد أكدت أشار أشارت أوضح أوضحت تابع تابعت ذكر ذكرت اعتبر اعتبرت زعم زعمت دعا دعت"
    " نفى نفت رد ردت كتب كتبت أعلن أعلنت حذر حذرت يقول تقول"
)
"""Verbs of saying, after which a name stands as the one who speaks (وقال روته)."""


def _speakers(tokens: list[_Token]) -> dict[str, set[int]]:
    """The words that stand as the one who speaks, after a verb of saying or before
    إن/أن (وقال روته إن), in each of their readings, with the tokens they stand at. A name
    is mentioned again so; the word of an object is not (a common word such as جديدة
    recurs anywhere, but not there)."""
    found: dict[str, set[int]] = {}
    for k, token in enumerate(tokens):
        after_saying = k > 0 and token.gap == "space" and any(r in _SAYING for _, r in _splits(tokens[k - 1].norm))
        before_speech = k + 1 < len(tokens) and tokens[k + 1].gap == "space" and tokens[k + 1].norm in _THAT
        if after_saying or before_speech:
            for _, rest in _splits(token.norm):
                found.setdefault(rest, set()).add(k)
    return found


def _followed_by_definite(tokens: list[_Token], j: int) -> bool:
    """Whether token ``j`` is a definite word right after the one before it."""
    return j < len(tokens) and tokens[j].gap == "space" and tokens[j].definite


_PARTICLES = _keys("فون فان دي دير دو دا ديل دن")
"""Particles inside European names (أورسولا فون دير لاين): not counted in a name's three
words, and never last."""
_LINEAGE = _keys("بن بنت ابن آل بو")
"""Words of lineage, not counted either: a name goes on through them (محمد بن عبد الرحمن
آل ثاني, عبد الله بو حبيب, where بو is أبو as written in Lebanon and the Maghreb)."""


def _name_at(
    tokens: list[_Token], j: int, title: tuple[str, ...], family: bool, again: Mapping[str, set[int]] | None = None
) -> tuple[list[_Token], int]:
    """The words of a name after a title, starting at token ``j``, and the token after them;
    ``family``: whether one given name may be followed by a definite family name; ``again``:
    the words standing as a speaker elsewhere (``_speakers``)."""
    name: list[_Token] = []
    joined: list[_Token] = []  # the parts after a hyphen: not words of their own
    counted = 0
    while j < len(tokens) and (not name or tokens[j].gap in ("space", "hyphen")):
        token = tokens[j]
        if name and token.gap == "hyphen":
            if not (token.norm.isdigit() or is_arabic_word(token.norm)):
                break
            name.append(token)  # كيم جونغ-أون: a hyphen joins two parts of one word of the name
            joined.append(token)
            j += 1
            continue
        goes_on = bool(name) and (name[-1].norm in _LINEAGE or name[-1].norm in _PARTICLES or _particle_at(tokens, j))
        if counted >= 3 and not goes_on and (tokens[j].norm not in _LINEAGE or len(name) >= 6):
            break
        particle = bool(name) and token.norm in _PARTICLES
        words = [t for t in name if t.norm not in _PARTICLES and t not in joined]
        if not particle and not _next_name_word(tokens, j, words, family, again):
            break
        name.append(token)
        counted += 0 if particle or token.norm in _LINEAGE else 1
        j += 1
    while name and (name[-1].norm in _PARTICLES or name[-1].norm in _NAME_JOINERS):
        name.pop()
        j -= 1
    if (
        name
        and title[0] in _REGNAL
        and j < len(tokens)
        and tokens[j].gap == "space"
        and tokens[j].norm in _ORDINALS
        and name[-1].norm not in _ORDINALS
    ):
        name.append(tokens[j])  # الملك تشارلز الثالث
        j += 1
    return name, j


def _next_name_word(
    tokens: list[_Token], j: int, name: list[_Token], family: bool = False, again: Mapping[str, set[int]] | None = None
) -> bool:
    """Whether token ``j`` goes on the name ``name`` (particles left out) after a title.

    After a given name, a definite nisba is the family name and ends the name (أيمن
    الصفدي); a title's word after a joiner is part of the name (عبد الملك). A third
    word belongs to it as ``_third_name_word`` says, after a compound given name (عبد
    المجيد تبون), or where speech follows it (رجب طيب أردوغان إن), unless it is shaped
    as a verb in the present or an adverb (دونالد ترامب يريد أن, أنتوني بلينكن مجددا
    أن). After a compound given name, a definite word is the family name or an ordinal
    when it is a nisba or speech follows (عبد الفتاح السيسي, عبد الفتاح البرهان إن, عبد
    الله الثاني), not an object (استقبل الملك عبد الله الوفد الأمريكي). A definite word
    after one given name is the family name, whatever follows, when the text has it alone
    as a speaker elsewhere (نقل النائب سامي الخوالدة رسالة … وقال الخوالدة إن): an object's
    noun does not speak."""
    token = tokens[j]
    compound = len(name) == 2 and name[0].norm in _NAME_JOINERS
    speech = _speech_follows(tokens, j + 1)
    nisba = token.definite and token.norm.endswith("ي") and len(token.norm) >= 5 and token.norm not in _ADJECTIVES
    if name and name[-1].definite and (len(name) < 2 or name[-2].norm not in _NAME_JOINERS):
        return False  # a definite family name ends the name, as عبد الله does not
    if name and token.norm == "الله" and not name[-1].definite:
        return True  # حسن نصر الله, فضل الله: a compound with الله is one part of the name
    if compound and token.definite and _name_word(token, name[0]):
        return token.norm in _ORDINALS or nisba or speech
    if name and nisba and name[-1].norm not in _NAME_JOINERS and not _title_at(tokens, j):
        return True  # أيمن الصفدي, محمد شياع السوداني: a nisba as the family name
    chain = len(name) >= 2 and (name[-2].norm in _LINEAGE or _joined_compound(name[-1].norm))
    if chain and not name[-1].definite and _family_name(token) and not _title_at(tokens, j):
        return True  # أحمد بن عبدالله العقيل, فدوى عبدالله العبيد: a family name ends a chain of names
    family_name = family and len(name) == 1 and _family_name(token) and _given_name(name[0])
    if family_name and speech and not _title_at(tokens, j):
        return True  # ريم الخطيب إن: a definite family name where the subject surely ends
    single = len(name) == 1 and _family_name(token, feminine=True) and _given_name(name[0])
    single = single and not any(rest in _SPEAKING_NOUNS for _, rest in _splits(token.norm[2:]))
    if single and again is not None and again.get(token.norm, set()) - {j} and not _title_at(tokens, j):
        return True
    joined = bool(name) and name[-1].norm in _NAME_JOINERS
    if not _name_word(token, name[-1] if name else None) or (not joined and _title_at(tokens, j) is not None):
        return False
    if name and _future_verb(token.norm) and tokens[j - 1].norm not in _PARTICLES:
        return False  # but دا سيلفا: after a particle, a word of the name
    if len(name) == 2:
        verb_or_adverb = (token.norm[0] in "يت" or token.norm.endswith("ا")) and not _foreign(token.norm)
        particle = _particle_at(tokens, j + 1)  # لويس إيناسيو لولا دا سيلفا: the name goes on
        return _third_name_word(name, token.norm) or compound or particle or (speech and not verb_or_adverb)
    return True


def _joined_compound(norm: str) -> bool:
    """A compound given name written as one word: عبدالله, عبدالرحمن."""
    return norm.startswith("عبد") and len(norm) >= 6 and norm[3:5] == "ال"


def _particle_at(tokens: list[_Token], j: int) -> bool:
    """Whether token ``j`` is a particle of a European name with a name word after it (دا سيلفا)."""
    if j + 1 >= len(tokens) or tokens[j].norm not in _PARTICLES or tokens[j].gap != "space":
        return False
    return tokens[j + 1].gap == "space" and _name_word(tokens[j + 1], None)


def _family_name(token: _Token, feminine: bool = False) -> bool:
    """A definite word that may be a family name after a given name (الشرع, الأسد): not a
    function word, an adjective of titles or a noun of a complement, and not feminine
    (الشركة, الحكومة are what a verb's object is made of) unless ``feminine`` (the text
    shows it is a name otherwise: الرواضية, الطراونة)."""
    norm = token.norm
    if not (token.definite and norm.startswith("ال")) or token.tanwin or len(norm) < 5 or not is_arabic_word(norm):
        return False
    common = norm in _STOP or norm[2:] in _STOP or norm[2:] in _OF or norm in _ADJECTIVES
    return not common and (feminine or not norm.endswith("ه"))


def _given_name(token: _Token) -> bool:
    """A word that may be a given name before a definite family name: indefinite, not a
    noun of a complement, not feminine or with a pronoun (رسالة, دعمه, زيارتها)."""
    norm = token.norm
    return not token.definite and norm not in _OF and not norm.endswith(("ه", "ها", "هم", "ات"))


_THAT = _keys("إن أن إنه أنه إنها أنها بأن وأن")
"""The particles that open reported speech after its speaker."""


def _speech_follows(tokens: list[_Token], k: int) -> bool:
    """Whether the subject surely ends before token ``k``: a comma, or إن/أن of reported
    speech next (قال الرئيس التركي رجب طيب أردوغان إن), or the outlet spoken to (لوكالة,
    لصحيفة, لموقع, ل and a mention: قال … لوكالة الأنباء). Other ends say less: an object
    ends before a preposition or a full stop too (أجرى المبعوث آموس هوكشتاين محادثات في)."""
    if k >= len(tokens):
        return False
    told = tokens[k].norm[:1] == "ل" and (tokens[k].norm[1:] in _OUTLETS or tokens[k].norm[1:] == "موقع")
    told = told or (tokens[k].norm == "ل" and k + 1 < len(tokens) and tokens[k + 1].gap == "mention")
    return tokens[k].gap == "comma" or (tokens[k].gap == "space" and (tokens[k].norm in _THAT or told))


def _quoted(body: str, tokens: list[_Token], skipped: list[tuple[int, int]]) -> list[_Candidate]:
    """Names in quotation marks: Latin text in capitals ("Politico", "60 Minutes"); Arabic
    text after a noun saying what it names (قناة "روسيا-1", حلف "الناتو"), after a source's
    وفقا لـ, or spelled as a transliteration («بوليتيكو»). A quoted common word ("دعم",
    "توسعا خطيرا", «الموقع») has none of these."""
    found = []
    starts = {t.start: n for n, t in enumerate(tokens)}
    for start, end in _quote_pairs(body):
        text = body[start:end]
        if text != text.strip() or not text or "[[" in text or _overlaps((start, end), skipped):
            continue
        words = text.split()
        if len(words) > 4 or len(text) > 40 or any(char in ".,،:;؛!?؟()" for char in text):
            continue
        if not any(char.isalpha() for char in text):
            continue
        if text[0].isascii():
            if _latin_quoted(words):
                found.append(_Candidate(start, end, "in quotation marks", 0))
            continue
        first = starts.get(start)
        if first is None:
            continue
        inside = [t for t in tokens[first:] if t.end <= end]
        words_inside = [t for t in inside if not t.norm.isdigit()]  # روسيا-1, 60 دقيقة
        if not words_inside or not all(_quoted_word(t) for t in words_inside):
            continue
        if any(t.norm in _STOP for t in inside):
            continue
        before = _quote_context(tokens, first)
        kin = next((p for p, rest in _splits(tokens[first - 1].norm) if rest in _KIN), None) if before else None
        if kin is not None:
            word = _advance(body, tokens[first - 1].start, kin)  # لأبو "سمير": the proclitic left out
            nickname = body[word : tokens[first - 1].end] + " " + text
            found.append(_Candidate(word, end, "a nickname in quotation marks", 0, nickname))
        elif before:
            found.append(_Candidate(start, end, f"in quotation marks after '{body[before[0] : before[1]]}'", 0))
        elif any(_foreign(t.norm) for t in inside):
            found.append(_Candidate(start, end, "in quotation marks, transliterated", 0))
    return found


def _quoted_word(token: _Token) -> bool:
    """A word that may be part of a quoted name: definite, a word of a name, or a word read
    whole that is no function word, since a name in quotation marks begins inside them and
    a proclitic stays outside (ل"بلدي", not ب + لدى)."""
    if token.definite or _name_word(token, None):
        return True
    return token.norm not in _STOP and not token.tanwin and len(token.norm) >= 2 and is_arabic_word(token.norm)


def _quote_pairs(body: str) -> list[tuple[int, int]]:
    """The text spans between matching quotation marks, paired within each paragraph
    (a straight quote opens, the next one closes; « and “ close with » and ”)."""
    pairs = []
    for paragraph in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", body):
        base, text = paragraph.start(), paragraph.group()
        opened: int | None = None
        for k, char in enumerate(text):
            if char == '"':
                if opened is None:
                    opened = k
                else:
                    pairs.append((base + opened + 1, base + k))
                    opened = None
        for match in re.finditer(r"«([^«»]*)»|“([^“”″]*)[”″]", text):
            group = 1 if match.group(1) is not None else 2
            pairs.append((base + match.start(group), base + match.end(group)))
    return sorted(pairs)


def _quote_context(tokens: list[_Token], first: int) -> tuple[int, int] | None:
    """The span of the word that makes the quoted text at token ``first`` a name, if any."""
    if first == 0 or tokens[first].gap != "quote":
        return None
    before = tokens[first - 1]
    if any(rest in _INSTITUTIONS or rest in _COUNTERPARTS for _, rest in _splits(before.norm)):
        return before.start, before.end
    if before.norm in ("بحسب", "حسب") or any(rest in _KIN for _, rest in _splits(before.norm)):
        return before.start, before.end
    if before.norm in ("ل", "عن") and first >= 2 and before.gap == "space":
        source = tokens[first - 2]
        title = any(source.norm == t[-1] for t in _TITLES)
        if source.norm in _ATTRIBUTION or title:
            return source.start, before.end
    return None


_LATIN_WORD = r"(?:[A-Z][a-z]+(?:['’][A-Z][a-z]+)?|[A-Z]{2,})(?:-(?:[A-Z][a-z]+|[A-Z]{2,}|\d+))*"
_LATIN_RUN = re.compile(
    rf"(?<![\w-]){_LATIN_WORD}(?:(?: (?:de|da|del|di|du|van|von|der|den|la|le|al|el|bin|ibn|bint|abu))? {_LATIN_WORD})*"
    r"(?![\w-])"
)
_OFFICES = frozenset(
    "President Vice Prime Minister Ministers Secretary General Deputy Chairman Chairwoman Chair Spokesman"
    " Spokeswoman Spokesperson Chief Ambassador Envoy Governor Senator Representative King Queen Prince Princess"
    " Crown Emir Sheikh Pope Commander Director Chancellor Mayor Premier Speaker Judge Foreign Defence Defense"
    " Interior Finance Justice Health Affairs Lt Col Gen Maj Dr Mr Mrs Ms Sir Lord Lady".split()
)
"""Words of titles: a capitalised run is cut at them, and the part after them is a name after a title."""
_LATIN_STOP = frozenset(
    "The A An In On At As If But And Or So Not No Yes This That These Those There Their His Her Its Our Your My"
    " We He She It They I You However Meanwhile Moreover Also According Speaking Read Watch See More Last Next"
    " When While After Before Since For From With Without To Of By Today Yesterday Tomorrow Earlier Later Such"
    " Some Many Most All Any Both Each Every Here What Who Which Why How Where Then Thus Still Even Only Just"
    " Breaking Update Live Video Photo Newsflash NO NOT OK AND THE".split()
)
"""Capitalised for standing first in a sentence or a heading, not for being names; cut from a run's ends."""
_LATIN_NEVER_ALONE = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August"
    " September October November December One Two Three Four Five Six Seven Eight Nine Ten First Second Third"
    " North South East West Northern Southern Eastern Western Central Article Council Ministry Office Department"
    " Army Forces Government Parliament Agency Service Committee Court Party Region Province State Republic"
    " Kingdom Union Alliance Security National International Intelligence German French Dutch Thai Greek"
    " Swiss Israeli Iraqi Saudi Qatari Kuwaiti Yemeni Omani Emirati Pakistani Afghan Arab Muslim".split()
)
"""Words that are part of names but never one alone, and adjectives of nations (with ``_demonym``)."""


def _demonym(word: str) -> bool:
    return word.endswith(("ian", "ean", "ese", "ish", "ican")) and len(word) > 4 or word in _LATIN_NEVER_ALONE


def _latin_quoted(words: list[str]) -> bool:
    """Quoted Latin text is a name when its words are capitalised (small joining words inside)."""
    inner = {"of", "the", "and", "for", "de", "la", "al"}
    return all(
        w[:1].isupper() or w[:1].isdigit() or (0 < k < len(words) - 1 and w in inner) for k, w in enumerate(words)
    )


def _latin_names(body: str, skipped: list[tuple[int, int]]) -> list[_Candidate]:
    """Capitalised Latin runs, cut at title words (NATO Secretary General Mark Rutte → NATO,
    Mark Rutte), without the function words that open sentences (If North Korea), and
    without runs of only days, numbers, directions or adjectives of nations (North Korean,
    Article Four). A single word opening a sentence counts only when the text also has it
    capitalised inside a sentence. An abbreviation of two capitals before a noun in small
    letters is used as an adjective, as a nation's is (US pressure, EU leaders: like North
    Korean troops), and is not offered; before a verb it is a name (the UN said)."""
    masked = _masked(body, skipped)
    inside_sentences: set[str] = set()
    runs = []
    for match in _LATIN_RUN.finditer(masked):
        opening = _sentence_start(masked, match.start())
        runs.append((match, opening))
        names = match.group().split(" ")
        inside_sentences.update(names[1:] if opening else names)
    for mention in _MENTION_RE.finditer(body):
        inside_sentences.update(mention.group()[2:-2].split("|")[-1].split())
    found = []
    for match, opening in runs:
        if _attributive(masked, match):
            continue
        pieces: list[tuple[list[tuple[str, int]], list[str]]] = []  # (words with offsets, title words before)
        for part in re.finditer(r"\S+", match.group()):
            word, at = part.group(), match.start() + part.start()
            if word in _OFFICES:
                # Title words in a row make one title (Prime Minister); a name after it starts a piece.
                title = [*pieces.pop()[1], word] if pieces and not pieces[-1][0] else [word]
                pieces.append(([], title))
                continue
            if not pieces:
                pieces.append(([], []))
            pieces[-1][0].append((word, at))
        for words, after in pieces:
            while words and words[0][0] in _LATIN_STOP:
                words = words[1:]
            while words and (words[-1][0] in _LATIN_STOP or words[-1][0].islower()):
                words = words[:-1]
            if not words or all(_demonym(w) for w, _ in words):
                continue
            first_word, start = words[0]
            lone_opening = len(words) == 1 and not after and start == match.start() and opening
            if lone_opening and first_word not in inside_sentences and not first_word.isupper():
                continue
            end = words[-1][1] + len(words[-1][0])
            reason = f"after '{' '.join(after)}'" if after else "capitalised name"
            found.append(_Candidate(start, end, reason, 1 if after else 2))
    return found


_LATIN_VERBS = frozenset(
    "said says say has have had is was are were will would can could should must may did does do told"
    " added warned called urged announced".split()
)
"""Verbs that follow a name as its subject (the UN said): after them an abbreviation is a name."""


def _attributive(text: str, match: re.Match[str]) -> bool:
    """Whether a run is an abbreviation of two capitals before a noun in small letters
    (US pressure), used as an adjective."""
    word = match.group()
    following = re.match(r" ([a-z]+)\b", text[match.end() :])
    return len(word) == 2 and word.isupper() and following is not None and following.group(1) not in _LATIN_VERBS


def _masked(body: str, skipped: list[tuple[int, int]]) -> str:
    """``body`` with every skipped span (mentions, code, links, posts) blanked out, same length."""
    chars = list(body)
    for start, end in skipped:
        chars[start:end] = "\x00" * (min(end, len(body)) - start)
    return "".join(chars)


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and (text[k] in " \t\u00a0" or text[k] in _QUOTE_CHARS + "'‘(["):
        k -= 1
    return k < 0 or text[k] in ".!?…:\n-*>#؟"


@dataclass(frozen=True)
class _Lexicon:
    """What a body and the registry say about which words stand whole."""

    bare: frozenset[str]
    """Every word of the body as written."""
    whole: Mapping[str, frozenset[str]]
    """Words the body writes after a proclitic that cannot come before a proclitic of
    their first letter (وفيدوروف: ف does not follow و; لبيونغ: ب does not follow ل), so
    that their first letter is their own wherever they stand; each with the words it is
    read out of, since a word is no evidence about itself."""
    registered: frozenset[str]
    """First words of registered names."""

    @classmethod
    def of(cls, tokens: list[_Token], matcher: Matcher) -> _Lexicon:
        whole: dict[str, set[str]] = {}
        for token in tokens:
            readings = _splits(token.norm)
            for prefix, rest in readings:
                if prefix and (prefix + 1, rest[1:]) not in readings:
                    whole.setdefault(rest, set()).add(token.norm)
        attested = {word: frozenset(sources) for word, sources in whole.items()}
        return cls(frozenset(t.norm for t in tokens), attested, frozenset(matcher.index))

    def written_whole(self, word: str, besides: str) -> bool:
        """Whether the body shows ``word`` whole, from a word other than ``besides``."""
        return bool(self.whole.get(word, frozenset()) - {besides})


def _proclitic(body: str, token: _Token, lexicon: _Lexicon) -> int:
    """The letters of a proclitic to leave out of a name that starts at ``token``.

    A proclitic is read only where what is left is known (the body has it bare, or it
    begins a registered name) or, for the conjunctions و ف, is itself a transliteration
    (ومدفيديف), of three letters or more; and never where the word as written is known
    (registered, or written whole elsewhere in the body). Where nothing is known, a
    remainder that begins with a bare alif, و or ي is left whole: after و or ف those
    letters are the name's own first syllable (وارسو, فيدوروف, ويتكوف), while a name
    that begins with a vowel is written with a hamza (وأنطونوف)."""
    if lexicon.written_whole(token.norm, token.norm) or token.norm in lexicon.registered:
        return 0
    readings = [(prefix, rest) for prefix, rest in _splits(token.norm)[1:] if len(rest) >= 3]
    for prefix, rest in readings:
        own = body[_advance(body, token.start, prefix)] in "اوي"
        known = rest in lexicon.registered or lexicon.written_whole(rest, token.norm)
        if known or (rest in lexicon.bare and not own):
            return prefix
    for prefix, rest in readings:
        own = body[_advance(body, token.start, prefix)] in "اوي"
        if prefix == 1 and token.norm[0] in "وف" and _foreign(rest) and not own:
            return prefix
    return 0


def _transliterated(body: str, tokens: list[_Token], lexicon: _Lexicon) -> list[_Candidate]:
    """Arabic words spelled as transliterations (``_foreign``), neighbours joined: بيونغ يانغ.

    A proclitic before the first is left out as ``_proclitic`` reads it (ومدفيديف →
    مدفيديف, but فيدوروف and بيونغ whole); a neighbour with a proclitic of its own
    begins another name (فيينا وبيونغ يانغ: two)."""
    found = []
    k = 0
    while k < len(tokens):
        if not _foreign(tokens[k].norm):
            k += 1
            continue
        last = k
        while last + 1 < len(tokens) and tokens[last + 1].gap in ("space", "hyphen"):
            following = tokens[last + 1]
            if following.gap == "hyphen" and following.norm.isdigit():
                last += 1  # هواسونغ-17: a number after a hyphen is part of the name
                break
            if not _foreign(following.norm) or _proclitic(body, following, lexicon):
                break
            last += 1
        first = tokens[k]
        skip = _proclitic(body, first, lexicon)
        found.append(_Candidate(_advance(body, first.start, skip), tokens[last].end, "transliterated name", 3))
        k = last + 1
    return found


_OUTLETS = _keys("وكالة صحيفة جريدة قناة فضائية مجلة إذاعة شبكة")
"""Outlets named by an indefinite word after them (وكالة يونهاب)."""


def _after_outlets(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names of outlets between the noun and its adjective: وكالة يونهاب الكورية, صحيفة
    هآرتس الإسرائيلية, قناة فوكس نيوز الأمريكية. A definite adjective agrees with a
    definite noun, so the one, two or three plain words between an outlet's noun and its
    definite feminine nisba are the outlet's name, which is definite as names are;
    a common noun there would be written with the article (صحيفة الشرق الأوسط) or its
    adjective without (شبكة تهريب دولية). ``أنباء`` is part of the noun (وكالة أنباء
    فارس الإيرانية: فارس)."""
    found = []
    for k, token in enumerate(tokens):
        if not any(rest in _OUTLETS for _, rest in _splits(token.norm)):
            continue
        first = k + 1
        if first < len(tokens) and tokens[first].gap == "space" and tokens[first].norm == "انباء":
            first += 1
        last = first
        while last < len(tokens) and last - first < 3 and tokens[last].gap == "space":
            word = tokens[last]
            if word.definite or not _name_word(word, None) or _title_at(tokens, last) is not None:
                break
            last += 1
        if last == first or last >= len(tokens) or tokens[last].gap != "space":
            continue
        adjective = tokens[last].norm
        if not (tokens[last].definite and adjective.startswith("ال") and adjective.endswith("يه")):
            continue
        if len(adjective) >= 6 and adjective not in _ADJECTIVES:
            reason = f"after '{body[token.start : token.end]}'"
            found.append(_Candidate(tokens[first].start, tokens[last - 1].end, reason, 1))
    return found


_APPOINTING = _keys(
    "انتخاب انتخب انتخبت تعيين عين عينت تسمية سمى سمت ترشيح رشح رشحت اختيار اختار اختارت تكليف كلف كلفت"
)
"""Nouns and verbs of appointing: the one appointed follows, then the office in the accusative."""
_OFFICES_ACCUSATIVE = _keys(
    "رئيسا نائبا وزيرا سفيرا مديرا أمينا قائدا مستشارا متحدثا ناطقا عضوا مندوبا مبعوثا محافظا حاكما ممثلا"
)
"""Titles in the accusative, the office someone is appointed to (انتخاب … نائبا لرئيس المجلس)."""


def _appointed(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names between a word of appointing and the office in the accusative: جرى انتخاب
    سمير الحلبي نائبا لرئيس المجلس, تعيين سامر خليل سفيرا. Bounded on both sides, the
    name may end in a definite family name; it has two words at least, or one that looks
    transliterated (تعيين خبير مستشارا: a common noun)."""
    found = []
    for k, token in enumerate(tokens):
        if not any(rest in _APPOINTING for _, rest in _splits(token.norm)):
            continue
        last = k + 1
        while last < len(tokens) and last - k <= 3 and tokens[last].gap == "space":
            word = tokens[last]
            if word.norm in _OFFICES_ACCUSATIVE:
                break
            if _title_at(tokens, last) is not None or word.tanwin:
                break
            compound = word.norm == "الله" and last > k + 1  # ماهر عطا الله
            if not _name_word(word, None) and not compound and not (last > k + 1 and _family_name(word)):
                break
            last += 1
        name = tokens[k + 1 : last]
        if last >= len(tokens) or tokens[last].gap != "space" or tokens[last].norm not in _OFFICES_ACCUSATIVE:
            continue
        if not name or (len(name) < 2 and not _foreign(name[0].norm)) or name[0].definite:
            continue
        office = tokens[last]
        found.append(_Candidate(name[0].start, name[-1].end, f"before '{body[office.start : office.end]}'", 1))
    return found


_PLACE_NOUNS = _keys("قرية بلدة مدينة محافظة منطقة ولاية حي مقاطعة مثلث")
"""Nouns of a place, in construct with its name (مدينة حلب, بلدة بيت لاهيا): the name is
offered without the noun."""
_NAMED_NOUNS = _keys(
    "مخيم ميناء مطار معبر ساحة ميدان شارع مسجد جامع كنيسة سجن قمة مؤتمر منتدى مهرجان عيد جائزة معرض بطولة"
    " جامعة مستشفى حزب حركة شركة جمعية نادي مؤسسة هيئة مجلس"
)
"""Nouns of a camp, a port, an event, an award or an organisation, whose name is the noun
and the word after it (مطار رفيق الحريري, مهرجان قرطاج, جائزة نوبل, حزب الله)."""
_NAMED_AFTER_PLACES = _keys("مخيم ميناء مطار معبر جامعة مستشفى مهرجان معرض قمة مؤتمر منتدى")
"""Of those, what is named after the place it is in: with a registered place after the noun
(مستشفى [[jerash|جرش]] الحكومي, جامعة [[cairo|القاهرة]]) the noun and the place are a name
the registry lacks, not another form of the place's."""
_ORGANISATION_NOUNS = _keys("جامعة مستشفى حزب حركة شركة جمعية نادي مؤسسة هيئة مجلس")
"""Of those, the organisations: a feminine noun in construct with them is a common noun
(هيئة الرقابة, مجلس الإدارة), not a name."""
_KIND_NOUNS = _PLACE_NOUNS | _NAMED_NOUNS
_NAME_ADJECTIVES = _keys(
    "الحكومي الحكومية الدولي الدولية الوطني الوطنية الجامعي الجامعية التخصصي التخصصية الأهلي الأهلية"
    " الميداني الميدانية المركزي المركزية الكبير الكبرى"
)
"""Adjectives that end the official name of a hospital, an airport or a university
(مستشفى جرش الحكومي, مطار بيروت الدولي); a nisba of a nation or a place describes it
(حركة حماس الفلسطينية) and is not part of the name."""
"""What a name is of: never a word of the name after a title (الكاتب بجائزة نوبل)."""
_COMMON_AFTER_NOUN = _keys(
    "أمن الأمن وزراء الوزراء نواب النواب شيوخ الشيوخ شعب الشعب شورى الشورى أمناء الأمناء أركان الأركان"
    " مرور المرور سير السير كهرباء الكهرباء مياه المياه طيران الطيران أعمال الأعمال حكم الحكم شباب"
    " الشباب طلاب الطلاب أطفال الأطفال عمال العمال سلام السلام حرب الحرب دول الدول عالم شرق غرب"
    " نزوح النزوح ملاحة شحن الشحن بحث البحث نقل النقل كتاب الكتاب أفضل أخرى آخر الآخر ميلاد"
    " عمل العمل تجارة التجارة صناعة الصناعة تأمين التأمين سلاح السلاح إنقاذ الإنقاذ إغاثة نازحين لاجئين"
    " ثاني ثالث أول الأول واحد الواحد عدة عديدة كل بعض هذه هذا ذلك تلك نفسها نفسه ذاتها مجاورة مماثلة"
    " عريق عريقة ضخم ضخمة كبرى صغرى حدود الحدود مقاومة المقاومة احتلال الاحتلال تحرير التحرير"
    " مدينة المدينة قرية القرية بلدة البلدة منطقة المنطقة عاصمة العاصمة دولة الدولة بلاد البلاد"
    " ملاهي الملاهي ألعاب الألعاب حيوان الحيوان حيوانات الحيوانات إدارة الإدارة رقابة الرقابة"
    " مشترك مشتركة مستقل مستقلة موحد موحدة مماثل مقبل مقبلة قادم قادمة سابق سابقة مقترح مقترحة"
    " أنباء سكان السكان أهالي الأهالي رئيس الرئيس أعضاء الأعضاء عضو أبناء الأبناء خبراء الخبراء"
)
"""Common nouns in construct with those nouns (مجلس الأمن, حركة المرور, شركة طيران,
مدينة الملاهي, جائزة أفضل …): not names, though they stand where a name would."""


def _masdar(norm: str) -> bool:
    """Shaped as a verbal noun of the derived forms (تطوير, استثمار, احتلال, انتخاب, تعاون),
    with or without the article: a common noun, not a name."""
    stem = norm[2:] if norm.startswith("ال") and len(norm) >= 6 else norm
    if len(stem) == 5 and stem[0] == "ت" and (stem[3] == "ي" or stem[2] == "ا"):
        return True  # تفعيل, تفاعل
    if len(stem) >= 6 and stem.startswith("است"):
        return True
    return len(stem) in (5, 6) and stem[0] == "ا" and stem[-2] == "ا" and stem[1] in "نتسخحجعقصضطظ"


def _indefinite_adjective(body: str, token: _Token) -> bool:
    """An indefinite word shaped as what describes a noun, or as a common noun of that
    place: a nisba (صحفي, محلية; not ى, as in مصطفى), a feminine adjective or noun of five
    letters or more (كبيرة, إدارة; غزة, جدة, حماة are names), a plural (لاجئين, اتصالات,
    ناشطون) or a verbal noun."""
    norm = token.norm
    last = body[token.end - 1 : token.end]
    if _foreign(norm):
        return False
    if last == "ي" and len(norm) >= 4:
        return True
    if last == "ة" and len(norm) >= 5:
        return True
    if len(norm) >= 5 and norm.endswith(("ات", "ون", "يين", "ئين")):
        return True
    return _masdar(norm) or norm in _COMMON_AFTER_NOUN


def _named_genitive(body: str, token: _Token, noun: str, feminine: bool = False) -> bool:
    """A definite word in construct with a place, event or organisation noun that is the
    name (مدينة القدس, مستشفى الشفاء, عيد الفطر, حزب الله) rather than a common noun (مجلس
    الأمن, حركة المرور, هيئة الرقابة) or a definite adjective, which no indefinite noun
    takes (شركة الجديدة is no phrase): not a nisba, not a verbal noun, not a noun of a
    title's complement, and not feminine after an organisation."""
    norm = token.norm
    if norm == "الله":
        return True
    if not (token.definite and norm.startswith("ال")) or token.tanwin or len(norm) < 5 or not is_arabic_word(norm):
        return False
    rest = norm[2:]
    if norm in _STOP or rest in _STOP or rest in _OF or norm in _ADJECTIVES or norm in _COMMON_AFTER_NOUN:
        return False
    if rest in _COMMON_AFTER_NOUN or _masdar(norm):
        return False
    last = body[token.end - 1 : token.end]
    if last == "ي" and len(norm) >= 6 and not _foreign(norm) and not feminine:
        return False  # a nisba: an adjective, which no indefinite noun takes; after a feminine
        # noun it cannot be the noun's adjective either, and is a name (ساحة العمري)
    if last == "ة" and (noun in _ORGANISATION_NOUNS or norm.endswith("يه")):
        return False  # هيئة الرقابة, مجلس الإدارة; مدينة الإسكندرية is lost with the adjectives
    return not norm.endswith(("ات", "ون", "ين"))


def _after_kind_nouns(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names after a noun saying what they name, in construct with it: places (قرية, بلدة,
    مدينة, محافظة, منطقة, ولاية, حي), camps, ports and airports, events and awards (قمة,
    مؤتمر, منتدى, مهرجان, عيد, جائزة, معرض, بطولة) and organisations (جامعة, مستشفى, حزب,
    حركة, شركة, جمعية, نادي, مؤسسة, هيئة, مجلس).

    The noun is indefinite (a definite noun takes an adjective: المدينة الجديدة). The name
    is up to three plain words, or ends in one definite word (مخيم عين الحلوة, مدينة القدس);
    an indefinite adjective or common noun after the noun (مؤتمر صحفي, شركة كبيرة, شركة
    طيران, مجلس إدارة) and a definite common noun (حركة المرور, مجلس الأمن) are not names.
    A present verb agreeing with the noun (شركة تعمل في, حزب يسعى إلى) is a relative clause."""
    found = []
    for k, token in enumerate(tokens):
        if token.definite or token.tanwin:
            continue
        noun = next((rest for _, rest in _splits(token.norm) if rest in _PLACE_NOUNS or rest in _NAMED_NOUNS), None)
        if noun is None:
            continue
        feminine = body[token.end - 1 : token.end] == "ة"
        if noun in _NAMED_AFTER_PLACES:
            placed = _after_a_place(body, tokens, k, token, noun)
            if placed is not None:
                found.append(placed)
                continue
        name, j = _kind_name(body, tokens, k, noun, feminine)
        if not name:
            continue
        construct = not name[-1].definite and _followed_by_definite(tokens, j) and tokens[j].norm.startswith("ال")
        if construct and not _adjective(tokens[j]) and not _named_genitive(body, tokens[j], noun, feminine):
            continue  # مجلس إدارة الشركة: a construct of common nouns
        end = name[-1].end
        relative = j < len(tokens) and tokens[j].norm in _RELATIVES  # مهرجان زهرة الربيع الذي: the name ended
        if name[-1].definite and noun not in _PLACE_NOUNS and _followed_by_definite(tokens, j) and not relative:
            if tokens[j].norm not in _NAME_ADJECTIVES:
                continue  # حركة المستقبل الجديد: the name may go on, the shape does not tell how far
            end = tokens[j].end  # مستشفى الأمل التخصصي
        if construct and noun not in _PLACE_NOUNS and tokens[j].norm in _NAME_ADJECTIVES:
            end = tokens[j].end  # مستشفى جرش الحكومي: the adjective is part of the name
        elif construct and tokens[j].norm not in _ADJECTIVES and body[tokens[j].end - 1 : tokens[j].end] == "ي":
            continue  # مطار رفيق الحريري: a family name or an adjective, which the shape does not tell
        glued = body[name[-1].end : name[-1].end + 2]
        if glued[:1] == "ـ" or (glued[:1] in ".-" and glued[1:2].strip()):
            continue  # مجلس روسيا-الناتو, ناخـــ.ــبة: the word goes on past what was read
        if len(name) == 1 and len(name[0].norm) < 3 and name[0].norm != "الله":
            continue
        shown = body[_advance(body, token.start, next(p for p, r in _splits(token.norm) if r == noun)) : token.end]
        if noun in _PLACE_NOUNS:
            found.append(_Candidate(name[0].start, name[-1].end, f"after '{shown}'", 4))
        else:
            start = _advance(body, token.start, next(p for p, r in _splits(token.norm) if r == noun))
            found.append(_Candidate(start, end, f"named with '{shown}'", 2))
    return found


_TIMES = _keys("صباحا مساء مساءا ليلا نهارا ظهرا فجرا عصرا أمس اليوم غدا")
"""Times of day written as adverbs: never a word of a name."""


def _kind_name(body: str, tokens: list[_Token], k: int, noun: str, feminine: bool) -> tuple[list[_Token], int]:
    """The words of the name after the noun at token ``k`` (``_after_kind_nouns``) and the
    token after them: up to three plain words, or ending in one definite word that names
    (``_named_genitive``); none if a definite word after them is neither."""
    name: list[_Token] = []
    j = k + 1
    while j < len(tokens) and len(name) < 3 and tokens[j].gap == "space":
        word = tokens[j]
        if word.definite and word.norm.startswith("لل"):
            break  # جائزة نوبل للآداب: what the award is for
        if word.definite and not word.norm.startswith("ال"):
            word = replace(word, definite=False)  # كاليفورنيا, والتون: no proclitic after a noun in construct
        if word.definite:
            if _named_genitive(body, word, noun, feminine):
                name.append(word)
                j += 1
            elif name and not _adjective(word) and not _followed_by_definite(tokens, j):
                name = []  # a definite word that is neither the name's end nor an adjective
            break
        if not _name_word(word, None) or _title_at(tokens, j) is not None or word.norm in _SAYING:
            break
        if word.norm in _ADVERBS or word.norm in _TIMES:
            break  # مثلث سلمى صباحا: the sentence goes on
        if _indefinite_adjective(body, word) or (name and word.norm[:1] in ("و", "ف")):
            break
        if not name and word.norm[:1] == ("ت" if feminine else "ي") and len(word.norm) == 4:
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if after is None or after.gap != "space" or _preposition(after.norm) or after.norm in _STOP:
                break  # شركة تعمل في, حزب يسعى إلى: a verb, not a name
        name.append(word)
        j += 1
    return name, j


_RELATIVES = _keys("الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي")
"""Relative pronouns: a clause about the name begins, the name has ended."""

_PLACE_MENTION = re.compile(r"[ \t\u00a0]+\[\[[^\]|\n]*\|([^\]\n]*)\]\]")


def _after_a_place(body: str, tokens: list[_Token], k: int, token: _Token, noun: str) -> _Candidate | None:
    """The noun of what is named after a place, with the mention of the place right after
    it and the adjective of the name after that (مستشفى [[jerash|جرش]] الحكومي)."""
    prefix = next(p for p, r in _splits(token.norm) if r == noun)
    mention = _PLACE_MENTION.match(body, token.end)
    if mention is None or (k + 1 < len(tokens) and tokens[k + 1].start < mention.end()):
        return None
    end = mention.end()
    text = body[_advance(body, token.start, prefix) : token.end] + " " + mention.group(1)
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    follows = after is not None and after.gap == "mention" and not body[end : after.start].strip()
    if after is not None and follows and after.norm in _NAME_ADJECTIVES:
        end, text = after.end, text + " " + body[after.start : after.end]
    elif after is not None and follows and after.definite:
        return None  # جامعة [[cairo|القاهرة]] الأمريكية: what follows may belong to the name
    shown = body[_advance(body, token.start, prefix) : token.end]
    return _Candidate(_advance(body, token.start, prefix), end, f"named with '{shown}'", 2, text)


_SPEAKER_NOUNS = _keys(
    "مصدر مصادر مسؤول مسؤولة مسؤولون مسؤولين متحدث متحدثة ناطق مراسل مراسلة مراسلنا شاهد شهود شاهدة ناشط"
    " ناشطة ناشطون سكان ساكن مواطن مواطنة مواطنون خبير خبيرة خبراء محلل محللة محللون مراقب مراقبون بيان"
    " تقرير تقارير طبيب طبيبة أطباء مسعف مسعفون عامل عمال شخص أشخاص رجل امرأة سيدة شاب فتاة طفل جندي"
    " جنود ضابط ضباط دبلوماسي دبلوماسيون مسؤولو أحد أحدهم بعضهم معظم أغلب قائد زعيم رئيس مدير مديرة"
    " نائب وزير عضو أعضاء مستشار باحث باحثة أستاذ أستاذة كاتب كاتبة صحفي صحفية طالب طالبة لاجئ نازح"
    " موظف موظفة موظفون إسرائيل روسيا أمريكا إيران تركيا مصر فرنسا بريطانيا الصين وفد"
)
"""Nouns that speak in the news without being named (قال مصدر مسؤول, قالت مصادر محلية,
قال شهود عيان): a speech verb's subject, but no one's name."""


_SPEAKING_NOUNS = _SPEAKER_NOUNS | _INSTITUTIONS | _KIND_NOUNS
"""Nouns of what speaks without being a name (وقال الوفد, وقالت الوزارة, وقال المجلس)."""


def _named_speakers(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """A person named by a verb of saying without a title: قال X Y إن, وأضاف X Y، where X Y
    is two words of a name: plain words that are no common speaker (مصدر مسؤول, شهود عيان),
    no function word, verb or adjective (ناشط محلي), or a given name and a definite family
    name (قالت ريم الخطيب إن). Speech must follow the two words at once (a comma, إن/أن or
    a colon), which a subject ends with and an adverb or object does not."""
    found = []
    for k in range(1, len(tokens) - 2):
        verb = tokens[k - 1]
        if not any(rest in _SAYING for _, rest in _splits(verb.norm)):
            continue
        first, second = tokens[k], tokens[k + 1]
        if first.gap != "space" or second.gap != "space" or first.definite:
            continue
        if not _name_word(first, None) or _title_at(tokens, k) is not None or first.norm in _SPEAKER_NOUNS:
            continue
        if any(rest in _SPEAKER_NOUNS for _, rest in _splits(first.norm)[1:]) or _future_verb(first.norm):
            continue
        if body[first.end - 1 : first.end] == "ة" and len(first.norm) >= 5 and not _given_name(first):
            continue
        if first.norm[:1] in "يت" and len(first.norm) == 4 and not _foreign(first.norm):
            continue  # قال يجب, قالت تريد: a verb
        if second.definite:
            if not (_family_name(second) and _given_name(first)) or _adjective(second):
                continue
        else:
            if not _name_word(second, first) or _title_at(tokens, k + 1) is not None:
                continue
            if second.norm[:1] in ("و", "ف") or second.norm in _SPEAKER_NOUNS:
                continue
            if _indefinite_adjective(body, second) and body[second.end - 1 : second.end] != "ة":
                continue
            if body[second.end - 1 : second.end] == "ة" and len(second.norm) >= 5:
                continue  # مصادر محلية
        end = k + 2
        colon = end < len(tokens) and tokens[end].gap == "break" and ":" in body[second.end : tokens[end].start]
        if not (_speech_follows(tokens, end) or colon):
            continue
        found.append(_Candidate(first.start, second.end, f"after '{body[verb.start : verb.end]}'", 2))
    return found


_PLACES_PLURAL = _keys("مناطق بلدات قرى مدن محافظات بلديات ولايات أحياء مخيمات مقاطعات دول عواصم")
"""Plural nouns of places: the list after them is of places' names (مناطق سلوى وعين زيتا)."""


_NOT_LISTED = _keys("غير غيرها غيره غيرهما غيرهم سواها سواه قضاء قضاءي قضاءا لواء أطراف محيط ضواحي")
"""Words that end a list or stand in it for no place (وغيرها, وسواها), and nouns of a district
or a place's edge in one (قرى قضاءي صور): what follows them is the name."""


@dataclass(frozen=True)
class _Element:
    """A word or a mention of the body, as a list reads it."""

    start: int
    end: int
    token: _Token | None
    """The word, or ``None`` for a mention."""
    place: bool
    """A mention of a registered place."""
    conjoined: bool
    """Begins with the conjunction و (وصرمان, و[[…]]): a new item of a list."""
    gap: str
    """``space``, ``comma`` or ``break``: what stands between it and the element before."""


def _elements(body: str, tokens: list[_Token], matcher: Matcher) -> list[_Element]:
    """The body's words and mentions in order, the و before a mention joined to it."""
    mentions = {m.start(): m for m in _MENTION_RE.finditer(body)}
    lone = {t.end: t for t in tokens if t.norm == "و" and t.end in mentions}
    raw: list[tuple[int, int, _Token | None, bool, bool]] = []
    for token in tokens:
        if token.end not in lone or lone[token.end] is not token:
            conjoined = token.norm[:1] == "و" and len(token.norm) >= 4
            raw.append((token.start, token.end, token, False, conjoined))
    for start, match in mentions.items():
        entity = match.group()[2:].split("|")[0]
        before = lone.get(start)
        first = before.start if before is not None else start
        raw.append((first, match.end(), None, matcher.types.get(entity) == "place", before is not None))
    elements: list[_Element] = []
    previous = 0
    for start, end, word, place, conjoined in sorted(raw, key=lambda r: r[0]):
        text = _MENTION_RE.sub("", body[previous:start]) if elements else "\n"
        gap = "space" if not text.strip() else "comma" if text.strip() in ("،", ",") else "break"
        if "\n" in text and elements:
            gap = "break" if text.count("\n") > 1 else gap
        elements.append(_Element(start, end, word, place, conjoined, gap if elements else "break"))
        previous = end
    return elements


def _list_item_word(body: str, token: _Token, conjoined: bool) -> bool:
    """Whether a word may be a place's name in a list (its و left out): no function word,
    common noun, verbal noun, plural or nisba of an indefinite word, though a name may end
    in ة (صبراتة) or be definite with any ending (الرحيبات)."""
    norm = token.norm[1:] if conjoined else token.norm
    if len(norm) < 2 or token.tanwin or not is_arabic_word(norm) or _common_word(norm):
        return False
    if token.definite or norm.startswith("ال"):
        return not (norm.endswith("ي") and len(norm) >= 6) and norm not in _ADJECTIVES
    if norm.endswith(("ون", "يين", "ئين", "ات")) and len(norm) >= 5 and not _foreign(norm):
        return False
    return not _masdar(norm)


def _common_word(norm: str) -> bool:
    """A function word, a common noun of a place's phrase or a noun of a title's complement."""
    rest = norm[2:] if norm.startswith("ال") else norm
    sets = (_STOP, _COMMON_AFTER_NOUN, _KIND_NOUNS, _OF, _SPEAKER_NOUNS, _PLACES_PLURAL, _NOT_LISTED)
    return any(norm in words or rest in words for words in sets)


def _first_item(elements: list[_Element], k: int) -> tuple[list[_Element], _Token | None]:
    """The list's first item, before the conjoined element ``k``, and the word before it
    that opens a list of places, if any (في كل من, مناطق). Two words only after that word
    (في كل من سيدي علي، و…), where nothing else can be their first."""

    def opener(n: int) -> _Token | None:
        token = elements[n].token if n >= 0 else None
        if token is None or elements[n + 1].gap != "space":
            return None
        if token.norm in _PLACES_PLURAL and not token.definite:
            return token
        before = elements[n - 1].token if n >= 1 else None
        return token if token.norm == "من" and before is not None and before.norm == "كل" else None

    last = elements[k - 1]
    pair = k >= 2 and last.token is not None and last.gap == "space" and elements[k - 2].token is not None
    if pair and not elements[k - 2].conjoined and opener(k - 3) is not None:
        return [elements[k - 2], last], opener(k - 3)
    return [last], opener(k - 2)


def _next_items(elements: list[_Element], m: int) -> tuple[list[list[_Element]], int]:
    """The conjoined items of a list from element ``m`` (وصرمان, و[[…]], وإدري الشاطئ) and
    the element after them; a second word belongs to an item only where a comma, the next
    item or the sentence's end follows it."""
    items: list[list[_Element]] = []
    while m < len(elements) and elements[m].conjoined and elements[m].gap in ("space", "comma"):
        item = [elements[m]]
        m += 1
        after = elements[m] if m < len(elements) else None
        two = after is not None and after.token is not None and item[0].token is not None
        if two and after is not None and after.gap == "space" and not after.conjoined:
            following = elements[m + 1] if m + 1 < len(elements) else None
            if following is None or following.gap != "space" or following.conjoined:
                item.append(after)
                m += 1
        items.append(item)
    return items, m


def _listed_places(body: str, tokens: list[_Token], matcher: Matcher) -> list[_Candidate]:
    """Places in a list with other places: items joined by و (and commas) of which two are
    mentions of registered places (صبراتة وصرمان وسبها), or one after في كل من, or any
    after a plural noun of places (مناطق سلوى وعين زيتا). A list is of one kind of thing,
    so the items the registry lacks are places too; each is a word or two of a name, not
    a common noun (والمنطقة, ودول الخليج), a verbal noun or an indefinite plural."""
    elements = _elements(body, tokens, matcher)
    found: list[_Candidate] = []
    k = 1
    while k < len(elements):
        if not (elements[k].conjoined and elements[k].gap in ("space", "comma")):
            k += 1
            continue
        first, opener = _first_item(elements, k)
        rest, k = _next_items(elements, k)
        items = [first, *rest]
        places = [item[0] for item in items if len(item) == 1 and item[0].place]
        plural = opener is not None and opener.norm in _PLACES_PLURAL
        if len(places) < 2 and not (places and opener) and not (plural and len(items) >= 2):
            continue
        if places:
            text = body[places[0].start : places[0].end]
            reason = "listed with '" + _MENTION_RE.sub(lambda m: m.group()[2:-2].split("|")[-1], text).lstrip("و") + "'"
        else:
            reason = f"listed after '{body[opener.start : opener.end]}'" if opener else ""
        if not places and not _names_after_plural(body, items):
            continue
        if not _list_end(elements, k, items[-1]):
            items = items[:-1]
        found.extend(c for c in (_listed_item(body, item, reason) for item in items) if c is not None)
    return found


def _names_after_plural(body: str, items: list[list[_Element]]) -> bool:
    """Whether a list after a plural noun of places, with no mention in it, is of names: its
    first item is one (``_listed_item``) and no item is an indefinite adjective, which a plural
    of things takes in the feminine (مدن كبيرة وصغيرة, قرى نائية ومعزولة, بلدات حدودية) or a
    common noun (ومنازل)."""
    if _listed_item(body, items[0], "") is None:
        return False
    for item in items:
        for element in item:
            token = element.token
            if token is None or token.definite:
                continue
            word = replace(token, norm=token.norm[1:]) if element.conjoined and element is item[0] else token
            if body[token.end - 1 : token.end] == "ة" or _indefinite_adjective(body, word):
                return False
            if re.fullmatch("م.ا..", word.norm):
                return False  # منازل, مساجد, مدارس: a broken plural of things
    return True


_PLACE_FORMANTS = _keys("عين بنت كفر بيت دير تل بئر جبل وادي رأس راس سيدي بني أبو أم مرج خربة برج قصر سوق")
"""First words of two-word place names (عين زيتا, بنت جبيل, كفر تل, سيدي بوزيد)."""


def _list_end(elements: list[_Element], k: int, last: list[_Element]) -> bool:
    """Whether the list's last item, with element ``k`` after the list, is a place: a
    clause of its own begins there as often (صبراتة وسبها وعاد., وتفقد المشاريع., وافتتح
    المدرسة), so it must end at a comma or the sentence's end, and be a word of four
    letters or more, or two words the first of which begins place names (وبنت جبيل)."""
    if k < len(elements) and elements[k].gap == "space":
        return False
    words = [e.token for e in last if e.token is not None]
    if len(words) != len(last):
        return True  # a mention: not offered anyway
    first = words[0].norm[1:] if last[0].conjoined else words[0].norm
    return first in _PLACE_FORMANTS if len(words) == 2 else len(first) >= 4


def _listed_item(body: str, item: list[_Element], reason: str) -> _Candidate | None:
    """An item of a list of places offered as a place's name, its و left out."""
    words = [e.token for e in item if e.token is not None]
    if len(words) != len(item) or not _list_item_word(body, words[0], item[0].conjoined):
        return None
    if len(words) == 2 and (words[0].definite or not _list_item_word(body, words[1], False)):
        return None
    if len(words) == 2 and _adjective(words[1]):
        return None  # ودول عربية, والمنظمات الدولية: a noun and its adjective
    start = _advance(body, words[0].start, 1) if item[0].conjoined else words[0].start
    return _Candidate(start, words[-1].end, reason, 2)


_MINISTRY = key("وزارة")
_MINISTRY_WORDS = _keys("الخارجية الداخلية الدفاع الصحة العدل المالية")
"""The words a ministry is called by without وزارة (أعلنت الخارجية المصرية)."""


def _state_adjective(body: str, token: _Token) -> bool:
    """A definite feminine nisba that is no adjective of titles (المصرية, الروسية, but not
    الدولية, الرسمية): what names whose state a ministry is."""
    written = body[token.start : token.end]
    common = token.norm in _ADJECTIVES or token.norm[:-1] in _ADJECTIVES or token.norm in _NAME_ADJECTIVES
    return token.definite and written.endswith("ية") and len(token.norm) >= 6 and not common


def _ministries(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Ministries named by a noun and a feminine nisba: وزارة with a definite word and the
    nisba (وزارة الخارجية المصرية, لوزارة الصحة الفلسطينية), or the ministry's word alone
    and the nisba, which agrees with the وزارة left out (الخارجية المصرية, الدفاع الروسية:
    a masculine noun takes no feminine adjective; a feminine one, الخارجية, الصحة, only as the
    one that speaks or is spoken for: أعلنت الخارجية المصرية, باسم الصحة الفلسطينية). Not
    after a definite word, whose adjective الخارجية then is (السياسة الخارجية المصرية), nor
    after a noun it is in construct with (منظمة الصحة العالمية, وزير الخارجية المصرية)."""
    found = []
    for k in range(len(tokens) - 1):
        token, after = tokens[k], tokens[k + 1]
        if after.gap != "space":
            continue
        ministry = any(rest == _MINISTRY for _, rest in _splits(token.norm)) and not token.definite
        if ministry and k + 2 < len(tokens) and after.definite and tokens[k + 2].gap == "space":
            if _state_adjective(body, tokens[k + 2]) and after.norm not in _ADJECTIVES:
                prefix = next(p for p, r in _splits(token.norm) if r == _MINISTRY)
                start = _advance(body, token.start, prefix)
                found.append(_Candidate(start, _state_end(body, tokens, k + 2), "named with 'وزارة'", 2))
            continue
        word = next((rest for _, rest in _splits(token.norm) if rest in _MINISTRY_WORDS), None)
        if word is None or not token.definite or not _state_adjective(body, after):
            continue
        before = tokens[k - 1] if k > 0 and token.gap == "space" else None
        if before is not None and (before.definite or _construct_head(tokens, k - 1)):
            continue
        if word in _FEMININE_MINISTRY_WORDS and not _names_a_speaker(before):
            continue  # تعزيز الصحة النفسية: a feminine noun and its own adjective
        start = token.start if token.norm == word else _advance(body, token.start, len(token.norm) - len(word))
        found.append(_Candidate(start, _state_end(body, tokens, k + 1), "a ministry and its state", 2))
    return found


def _state_end(body: str, tokens: list[_Token], j: int) -> int:
    """Where the state's nisba at token ``j`` ends: with the next feminine nisba, which
    completes it (الكورية الجنوبية)."""
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    if following is not None and following.gap == "space" and _state_adjective(body, following):
        return following.end
    return tokens[j].end


_FEMININE_MINISTRY_WORDS = _keys("الخارجية الداخلية الصحة المالية")
"""Of those, the feminine ones, which a feminine nisba may describe as their own adjective."""


def _names_a_speaker(before: _Token | None) -> bool:
    """Whether a word before a ministry's name makes it one that speaks or is spoken for:
    a verb of saying (أعلنت الخارجية المصرية) or باسم (المتحدث باسم الخارجية المصرية)."""
    if before is None:
        return False
    return before.norm == "باسم" or any(rest in _SAYING for _, rest in _splits(before.norm))


def _construct_head(tokens: list[_Token], k: int) -> bool:
    """A noun at token ``k`` that the next word would be in construct with: an institution,
    a title's noun, or وزارة and its kin; not باسم, after which the ministry is named."""
    norm = tokens[k].norm
    if norm == "باسم":
        return False
    title = _title_at(tokens, k)
    return (
        norm in _INSTITUTIONS
        or norm in _OF
        or norm.startswith("وزار")
        or (title is not None and title[0][-1] != "باسم")
    )


def suggest_names(body: str, matcher: Matcher, md: MarkdownIt) -> list[Suggestion]:
    """Likely names in ``body`` that no registered entity has, most frequent first.

    Four kinds of span are offered, each for a reason an editor can check: a name after a
    title or role, a name in quotation marks, a transliterated foreign name, a capitalised
    Latin-script run. Where two overlap, the one found for the stronger reason is kept.

    The body is read as ``annotate`` leaves it (annotating an annotated body changes
    nothing): a registered name is a mention, whatever proclitic it has (لبي بي سي), and
    a span that runs on into a mention (فولوديمر [[…|زيلينسكي]]) is not offered, since the
    registry has that name in part: most often it is another spelling or a longer form of
    the entity marked, to add to that entity's aliases rather than as a new one."""
    body = annotate_body(body, matcher, md)[0]
    skipped = skipped_spans(body, md)
    tokens = _tokens(body, skipped)
    candidates = [
        *_quoted(body, tokens, skipped),
        *_after_titles(body, tokens),
        *_after_outlets(body, tokens),
        *_appointed(body, tokens),
        *_after_kind_nouns(body, tokens),
        *_named_speakers(body, tokens),
        *_listed_places(body, tokens, matcher),
        *_ministries(body, tokens),
        *_latin_names(body, skipped),
        *_transliterated(body, tokens, _Lexicon.of(tokens, matcher)),
    ]
    taken: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.rank, c.start)):
        if not _overlaps((candidate.start, candidate.end), [(c.start, c.end) for c in taken]):
            taken.append(candidate)
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, str, str]] = {}
    known = matcher.keys
    for candidate in sorted(taken, key=lambda c: c.start):
        name = candidate.text or body[candidate.start : candidate.end]
        name_key = key(name)
        if not name_key or name_key in known or _runs_into_mention(body, candidate.end, matcher):
            continue
        counts[name_key] += 1
        first.setdefault(name_key, (name, candidate.reason, _sentence_of(body, candidate.start, candidate.end)))
    return sorted(
        (Suggestion(first[k][0], n, first[k][1], first[k][2]) for k, n in counts.items()),
        key=lambda s: (-s.count, s.name),
    )


_BEFORE_MENTION = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*\[\[([^\]|\n]*)\|([^\]\n]*)\]\]")


def _runs_into_mention(body: str, end: int, matcher: Matcher) -> bool:
    """Whether a span ending at ``end`` goes on into the mention right after it: the
    mention is of a surname (``Matcher.tails``) and only spaces stand between."""
    mention = _BEFORE_MENTION.match(body, end)
    return mention is not None and (mention.group(1), _shape(mention.group(2))[0]) in matcher.tails


_SENTENCE_END = re.compile(r"[.!?؟…]+(?=\s|$)|\n")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]*\]")


def _sentence_of(body: str, start: int, end: int, width: int = 100) -> str:
    """The sentence around ``[start, end)``, mentions shown as their text, cut to about
    ``width`` characters around the name."""
    begin = 0
    for match in _SENTENCE_END.finditer(body, 0, start):
        begin = match.end()
    stop = _SENTENCE_END.search(body, end)
    finish = stop.end() if stop else len(body)
    before, name, after = _plain(body[begin:start]).lstrip(), body[start:end], _plain(body[end:finish]).rstrip()
    room = max(0, width - len(name))
    keep = max(room // 2, room - len(after))  # of the text before the name; the rest after it
    if len(before) > keep:
        cut = before.find(" ", len(before) - keep)
        before = "…" + before[cut + 1 if cut >= 0 else len(before) - keep :]
    keep = max(0, room - len(before))
    if len(after) > keep:
        cut = after.rfind(" ", 0, keep)
        after = after[: cut if cut > 0 else keep] + "…"
    return before + name + after


def _plain(text: str) -> str:
    text = _MENTION_RE.sub(lambda m: m.group()[2:-2].split("|")[-1], text)
    return re.sub(r"\s+", " ", _FOOTNOTE_REF.sub("", text))


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)
