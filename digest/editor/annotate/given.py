"""People named without a title: a run of words that begins with a common given name
(``givennames``), as far as a name runs after a title (``people._name_at``)."""

from __future__ import annotations

from dataclasses import replace

from .givennames import _AMBIGUOUS, COMPOUND_HEADS, FOREIGN, GIVEN_NAMES, WRITTEN_WITH_ALEF_MAQSURA
from .lexicon import _INSTITUTIONS, _KIND_NOUNS, _LINEAGE, _NAME_JOINERS, _SPEAKER_NOUNS, _STOP, _foreign, _keys
from .matcher import _advance, _splits
from .nouns import _COMMON_AFTER_NOUN, _indefinite_adjective, _masdar
from .people import _THAT, _family_name, _name_at, _preposition, _speakers
from .tokens import (
    _adjective,
    _Candidate,
    _complement_end,
    _future_verb,
    _indefinite_phrase,
    _name_word,
    _title_at,
    _Token,
)


def _given_names(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names that begin with a given name and go on with one to three words of a name:
    وبحث سامح شكري مع, وقال أحمد أبو زيد إن, التقى دونالد ترامب.

    The given name may carry a proclitic (وأحمد, لمحمد), which is left out. The words
    after it are read as after a title (``_name_at``: plain words, a nisba as the family
    name, a third word only where a name has one); a definite family name that is no
    nisba (أحمد الشرع) is taken after the given name too, being no common noun of what
    speaks or is named. A given name alone is not offered: most given names are also
    how the text names someone already introduced (وقال محمد), and the registry may have
    the person under the full name.

    Nothing is offered where the end of the name cannot be seen, since half a name is
    as wrong a suggestion as a common word: two plain words followed by a third that may
    be a word of the name (محمد حسنين هيكل), or definite family names one after another
    (مشعل الأحمد الجابر الصباح), which are taken whole only where reported speech or a
    title ends them (``_family_run``). Not read where the given name stands in a longer name (بن محمد, أبو
    محمد) or names a street, a school or a prize after a person (شارع محمد علي, جائزة
    زايد), which are other rules' and need their nouns.

    A plain word after the given name and before a definite word may be a noun in
    construct with it (ونقل حسين خبر الحادث), except where a title stands before the
    given name. There, the title rules' reading is kept where they have one (their rank
    is higher); where they have none because two plain words before a noun may be the
    verb's object (بحث الرئيس الإيراني مسعود بزشكيان العلاقات), a given name says they
    are the name."""
    found = []
    speakers: dict[str, set[int]] | None = None
    for i in range(len(tokens)):
        given = _given_at(body, tokens, i)
        if given is None or _named_after(tokens, i):
            continue
        speakers = _speakers(tokens) if speakers is None else speakers
        candidate = _candidate(body, tokens, i, given, speakers)
        if candidate is not None:
            found.append(candidate)
    return found


def _candidate(
    body: str, tokens: list[_Token], i: int, given: tuple[int, int], speakers: dict[str, set[int]]
) -> _Candidate | None:
    """The name that begins with the given name at token ``i`` (``given``: its proclitic's
    letters and its tokens), or None where its end cannot be seen or it is a common word."""
    token = tokens[i]
    prefix, width = given
    if token.norm[prefix:] in _AMBIGUOUS and i > 0 and _preposition(tokens[i - 1].norm):
        return None  # عن عمر يناهز, في رجب: after a preposition, the noun
    first = replace(
        token, norm=token.norm[prefix:], start=_advance(body, token.start, prefix), proclitic=False, definite=False
    )
    words = [*tokens[:i], first, *tokens[i + 1 :]]
    if width == 2 and first.norm in GIVEN_NAMES:
        rest, _ = _name_at(words, i + 2, ("",), True, speakers)  # علاء الدين مبارك: the name goes on after الدين
        name = [first, tokens[i + 1], *rest]
    else:
        name, _ = _name_at(words, i, ("",), True, speakers)
    if len(name) < width:
        return None
    name = name[: min(_plain_end(name, width), _lineage_end(name))]
    if name[-1].norm in _LINEAGE or name[-1].norm in _NAME_JOINERS:
        return None  # the rest of the name is not read: a part of it is no suggestion
    if len(name) == width:
        family = _definite_family(words, i + width, first.norm)
        if family is None:
            return None
        name = [*name, family]
    second = name[width]
    if first.norm in _AMBIGUOUS and second.definite:
        return None  # وحمد الله, توفيق الأوضاع: before a definite word, the noun
    if _indefinite_phrase(name) or _verb_shaped(second, first.norm) or _common_word(body, second, first.norm):
        return None
    if not name[-1].definite and any(t.norm in _LINEAGE for t in name):
        family = _definite_family(words, i + len(name), first.norm)  # محمد بن مبارك بن فاضل المزروعي
        name = [*name, family] if family is not None else name
    if len(name) == width + 1 and second.norm in GIVEN_NAMES:
        after = _after_father(words, i + len(name))
        if after == "unseen":
            return None  # عثمان وائل عفانة or خالد سامي هدية: a family name or a noun, the end is not seen
        if after == "family":
            name = [*name, words[i + len(name)]]  # the father's given name, then the family's
    if name[-1].definite:
        run = _family_run(words, i + len(name))
        if run is None:
            return None
        name = [*name, *run]
    elif len(name) == width + 1 and (
        (_may_go_on(words, i + len(name)) and not _two_word_foreign(first.norm, second.norm))
        or (_in_construct(words, i + width, first.norm, speakers) and not _after_title(tokens, i))
    ):
        return None
    shown = body[first.start : tokens[i + width - 1].end]
    return _Candidate(first.start, name[-1].end, f"begins with the given name '{shown}'", 3)


_SECOND_PARTS = _keys("الدين الله")
"""Words that make a compound given name with the given name before them (علاء الدين,
هبة الله): the family name comes after them."""


def _given_at(body: str, tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """The proclitic's letters and the number of tokens of a given name at token ``i``
    (two for عبد الله, عبد الرحمن, علاء الدين, هبة الله), if one begins there."""
    token = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].gap == "space" else None
    for prefix, rest in _splits(token.norm):
        if prefix and len(rest) < 3:
            continue
        if rest in GIVEN_NAMES:
            if rest in WRITTEN_WITH_ALEF_MAQSURA and body[token.end - 1 : token.end] != "ى":
                continue
            return prefix, 2 if following is not None and following.norm in _SECOND_PARTS else 1
        if rest in COMPOUND_HEADS and following is not None and following.definite:
            return prefix, 2
    return None


_NAMED_AFTER = _INSTITUTIONS | _KIND_NOUNS | _keys("مدرسة مركز شارع حي جائزة كأس النبي الرسول سيدنا")
"""Nouns before a person's name that make it the name of something else (مدرسة خالد بن
الوليد, كأس محمد الخامس) or a religious figure's (النبي محمد)."""


def _named_after(tokens: list[_Token], i: int) -> bool:
    """Whether the given name at token ``i`` is inside a longer name: after a word of
    lineage, a joiner, another given name (محمد أحمد …: read from the first) or a noun of
    what is named after people."""
    if i == 0 or tokens[i].gap != "space":
        return False
    before = tokens[i - 1]
    if before.norm in _LINEAGE or before.norm in _NAME_JOINERS or before.norm in GIVEN_NAMES:
        return True
    return any(rest in _NAMED_AFTER for _, rest in _splits(before.norm))


def _plain_end(name: list[_Token], width: int) -> int:
    """How many tokens of ``name`` to keep: all, unless a word after the given name is a
    noun of what speaks or is named (محمد وفد), where the name ends before it; not after
    a word of lineage or a joiner, where it is a name (آل ثاني)."""
    for k in range(width, len(name)):
        norm = name[k].norm
        if name[k - 1].norm in _LINEAGE or name[k - 1].norm in _NAME_JOINERS:
            continue
        if norm in _SPEAKER_NOUNS or norm in _COMMON_AFTER_NOUN or norm in _KIND_NOUNS or norm in _INSTITUTIONS:
            return k
    return len(name)


def _lineage_end(name: list[_Token]) -> int:
    """How many tokens of ``name`` to keep after a word of lineage and the name after it
    (محمد بن سلمان): a plain word after them is the sentence going on (ولمحمد بن سلمان دور),
    as a name goes on only through another word of lineage, a joiner or a definite family
    name (محمد بن زايد آل نهيان, محمد بن عبد الرحمن, خالد بن محمد الخالدي)."""
    for k in range(len(name) - 2):
        if name[k].norm in _LINEAGE and name[k + 1].norm not in _NAME_JOINERS:
            after = name[k + 2]
            if not (after.definite or after.norm in _LINEAGE or after.norm in _NAME_JOINERS):
                return k + 2
    return len(name)


def _common_noun(norm: str) -> bool:
    """A noun of what speaks or is named, with or without the article (وفد, الوفد, الشركة)."""
    rest = norm[2:] if norm.startswith("ال") else norm
    common = (_SPEAKER_NOUNS, _COMMON_AFTER_NOUN, _KIND_NOUNS, _INSTITUTIONS)
    return any(norm in words or rest in words for words in common)


def _family_word(tokens: list[_Token], j: int) -> bool:
    """Whether token ``j`` is a definite word that may be a family name: not an adjective
    of titles (a nisba is a family name: الصفدي), a title, a common noun of what speaks or
    is named (الوفد, الشركة, المدينة), a verbal noun (الاجتماع, الاستحقاق) or a plural
    (المستثمرين, الفلسطينيون, المفاوضات, الأوضاع)."""
    if j >= len(tokens) or tokens[j].gap != "space":
        return False
    token = tokens[j]
    norm = token.norm
    if not _family_name(token) or (_adjective(token) and not norm.endswith("ي")) or _title_at(tokens, j):
        return False
    plural = len(norm) >= 6 and norm.endswith(("ون", "ين", "ات"))
    plural = plural or (len(norm) == 7 and norm.startswith("الا") and norm[5] == "ا")  # الأوضاع, الأسعار
    return not (_common_noun(norm) or _masdar(norm) or plural)


def _definite_family(tokens: list[_Token], j: int, given: str) -> _Token | None:
    """A definite family name at token ``j`` after a given name (أحمد الشرع, رضوان العتوم),
    unless the given name is also a noun in construct (عمر الإنسان)."""
    if given in _AMBIGUOUS or not _family_word(tokens, j):
        return None
    return tokens[j]


def _family_run(tokens: list[_Token], j: int) -> list[_Token] | None:
    """The further family names from token ``j`` of a name that ends in a definite one
    (مشعل الأحمد [الجابر الصباح]), or ``None`` where the run's end cannot be seen.

    A definite word after a family name is as often the verb's object (وتابع سعد الحريري
    الأمر, وانتقد معاذ الخطيب القرار) as a family name more, so a run is taken only where
    what follows it ends the subject for certain: reported speech (إن, أن) or a title
    (مشعل الأحمد الجابر الصباح رئيس الوزراء), and has three family names at most."""
    run: list[_Token] = []
    while _family_word(tokens, j + len(run)):
        run.append(tokens[j + len(run)])
    if not run:
        return run
    end = j + len(run)
    if len(run) > 2 or end >= len(tokens) or tokens[end].gap != "space":
        return None
    return run if tokens[end].norm in _THAT or _title_at(tokens, end) is not None else None


def _after_title(tokens: list[_Token], i: int) -> bool:
    """Whether token ``i`` stands where a title's bearer is named: right after a title and
    the words that say what it is of (بحث الرئيس الإيراني مسعود). The bearer is named in
    full there, so the word after the given name is the family name, not a noun in
    construct (مسعود بزشكيان العلاقات)."""
    for k in range(max(0, i - 8), i):
        match = _title_at(tokens, k)
        if match is not None and _complement_end(tokens, k, match[0])[0] == i:
            return True
    return False


def _in_construct(tokens: list[_Token], j: int, given: str, speakers: dict[str, set[int]]) -> bool:
    """Whether the plain word at token ``j`` after a given name may be a noun in construct
    with the definite word after it (ونقل حسين خبر الحادث: the given name alone is the
    subject): a definite word that is no title follows, and the word is not shaped as a
    family name is where nouns are not (a nisba, a transliteration, after a foreign given
    name), nor named alone elsewhere as the one who speaks (``_speakers``)."""
    nxt = j + 1
    if nxt >= len(tokens) or tokens[nxt].gap != "space" or not tokens[nxt].norm.startswith("ال"):
        return False
    if _title_at(tokens, nxt) is not None:
        return False
    norm = tokens[j].norm
    if given in FOREIGN or _foreign(norm) or norm.endswith("ي"):
        return False
    return not speakers.get(norm, set()) - {j}


def _two_word_foreign(given: str, second: str) -> bool:
    """A foreign given name and a word that is no given name (باولو أوتافيو, جيسون موريو): Arabic
    news writes a foreigner by two names, so a plain word after them is the sentence going on
    (لكن باولو أوتافيو أعاد التقدم), unless the second is a given name too (خوسيه لويس …)."""
    return given in FOREIGN and second not in GIVEN_NAMES


def _after_father(tokens: list[_Token], j: int) -> str:
    """What token ``j`` is after a given name and the father's given name: ``family`` (a plain
    word ``_may_go_on`` allows: the family's name), ``unseen`` (a plain word ending in ة, which is
    a family name as often as a noun: عفانة, هدية) or ``end`` (the name ends before it)."""
    if j >= len(tokens) or tokens[j].gap != "space":
        return "end"
    norm = tokens[j].norm
    if _may_go_on(tokens, j):
        return "family"
    plain = not tokens[j].definite and norm.endswith("ه") and len(norm) >= 4 and _name_word(tokens[j], None)
    return "unseen" if plain and not _common_noun(norm) and norm not in _STOP else "end"


def _may_go_on(tokens: list[_Token], j: int) -> bool:
    """Whether token ``j``, after a name of plain words, may be one more word of it
    (محمد حسنين هيكل): a plain word that is no function word, preposition, title, common
    noun, verb or adverb (ا, as in مجددا, or a verb's shape), and has no pronoun or ة."""
    if j >= len(tokens) or tokens[j].gap != "space":
        return False
    token = tokens[j]
    norm = token.norm
    if token.definite or not _name_word(token, None) or _title_at(tokens, j) is not None:
        return False
    if norm in _STOP or norm in _THAT or _preposition(norm) or _common_noun(norm) or _future_verb(norm):
        return False
    if _foreign(norm):
        return True
    return not (norm[0] in "يت" or norm.endswith(("ا", "ه", "ها", "هم")))


def _common_word(body: str, token: _Token, given: str) -> bool:
    """Whether the word after a given name is an adjective or a common noun, so no family
    name (أحمد كبيرة, محمد لاجئين, ياسر نتائج): ``_indefinite_adjective`` or a broken
    plural's shape, except a nisba, which many family names are (سامح شكري, طارق متري),
    and a verbal noun's shape after a foreign given name, since transliterated surnames
    take it (دونالد ترامب)."""
    if token.definite:
        return False
    norm = token.norm
    if given in FOREIGN and _masdar(norm):
        return False
    if len(norm) == 5 and (norm[2:4] == "ائ" or (norm[0] == "ا" and norm[3] == "ا")):
        return True  # ياسر نتائج, محمد أخبار: a broken plural, the verb's object
    if len(norm) == 6 and norm[0] == "م" and norm[2] == "ا" and norm[4] == "ي":
        return True  # مشاريع, مواقيت
    return _indefinite_adjective(body, token) and body[token.end - 1 : token.end] != "ي"


def _verb_shaped(token: _Token, given: str) -> bool:
    """A word after a given name shaped as a verb in the present (محمد يعمل, سارة تقول, عمر
    يناهز): four to six letters from ي or ت, not itself a given name or transliterated, nor
    after a foreign given name, whose surnames begin so (دونالد ترامب)."""
    norm = token.norm
    if token.definite or given in FOREIGN or norm in GIVEN_NAMES or _foreign(norm):
        return False
    return 4 <= len(norm) <= 6 and norm[0] in "يت"
