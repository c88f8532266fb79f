"""Names in quotation marks after a noun that names them (حركة "بلدي"), nicknames
after a kin word, and capitalised Latin names in an Arabic text (with what keeps an
abbreviation used as an adjective out)."""

from __future__ import annotations

import re

from .lexicon import (
    _ATTRIBUTION,
    _COUNTERPARTS,
    _INSTITUTIONS,
    _KIN,
    _QUOTE_CHARS,
    _STOP,
    _TITLES,
    _foreign,
    is_arabic_word,
)
from .matcher import _advance, _splits
from .tokens import _MENTION_RE, _Candidate, _name_word, _overlaps, _quote_pairs, _Token


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
