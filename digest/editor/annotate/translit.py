"""Transliterated foreign names (بيونغ يانغ, ومدفيديف → مدفيديف), and what a body and the
registry say about which words stand whole, so that a proclitic is read off a name only
where the text shows the name without it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .lexicon import _foreign
from .matcher import Matcher, _advance, _splits
from .tokens import _Candidate, _Token


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
