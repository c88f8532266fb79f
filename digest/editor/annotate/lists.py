"""Places in lists (``في مناطق صرمان وزلطن``) and ministries named by their adjective
(``وزارة الصحة الفلسطينية``, ``الدفاع الروسية``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...text.matching import key
from .lexicon import (
    _ADJECTIVES,
    _INSTITUTIONS,
    _KIND_NOUNS,
    _OF,
    _SPEAKER_NOUNS,
    _STOP,
    _foreign,
    _keys,
    is_arabic_word,
)
from .matcher import Matcher, _advance, _splits
from .nouns import _COMMON_AFTER_NOUN, _NAME_ADJECTIVES, _indefinite_adjective, _masdar
from .people import _SAYING
from .tokens import _MENTION_RE, _adjective, _Candidate, _title_at, _Token

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
