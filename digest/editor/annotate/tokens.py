"""A body as the suggester reads it: tokens with their folded form, the gap before them
(space, comma, mention, break) and whether they are definite; and what one token is
(a title's start, a name word, a construct, an adjective, a preposition)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .givennames import GIVEN_NAMES
from .lexicon import (
    _ADJECTIVES,
    _DIPLOMATS,
    _INSTITUTIONS,
    _KIND_NOUNS,
    _NAME_JOINERS,
    _OF,
    _OFFICES_ACCUSATIVE,
    _PARTICLES,
    _POSTED_AT,
    _QUOTE_CHARS,
    _RANKS,
    _STOP,
    _TENURES,
    _TITLES_BY_FIRST,
    _foreign,
    is_arabic_word,
)
from .matcher import _DASHES, _is_mark, _splits, words_of


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


def readings(norm: str) -> list[tuple[int, str]]:
    """The ways to read a word with or without a proclitic (``matcher._splits``), except that a
    given name is read whole: فيصل is the name, not ف and the verb يصل."""
    return [(0, norm)] if norm in GIVEN_NAMES else _splits(norm)


def _name_word(token: _Token, previous: _Token | None) -> bool:
    """Can ``token`` be a word of a name (and is not a function word or a verb of saying,
    with or without a proclitic: وقال, لنظيره; without tanwin; not definite, except after
    عبد, أبو …)?"""
    norm = token.norm
    if len(norm) < 2 or token.tanwin or token.proclitic or token.pronoun or not is_arabic_word(norm):
        return False
    if (
        any(rest in _STOP or rest in _OF or rest in _KIND_NOUNS for _, rest in readings(norm))
        or norm in _OFFICES_ACCUSATIVE
    ):
        return False
    if norm[:1] in ("و", "ف") and norm[1:] in _STOP and norm not in GIVEN_NAMES:
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
            if any(rest in _STOP for _, rest in readings(token.norm)):
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
        elif _lineage_next(tokens, j):
            break  # وزير الصحة الفضل بن محمد: a definite given name, not the complement's adjective
        elif _adjective(token) or (own_adjective and token.definite and token.norm.startswith("ال")):
            own_adjective = False
        else:
            break
        j += 1
        by_mention = False
    return j, by_mention


LINEAGE_WORDS = ("بن", "بنت", "ابن", "ولد")
"""Words of lineage between a given name and a father's: after them the name goes on."""


def _lineage_next(tokens: list[_Token], j: int) -> bool:
    """Whether a word of lineage follows token ``j`` (الفضل بن, الزين ولد)."""
    return j + 1 < len(tokens) and tokens[j + 1].gap == "space" and tokens[j + 1].norm in LINEAGE_WORDS


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


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)
