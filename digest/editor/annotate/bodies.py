"""Public bodies named by what they are, whose they are and what they are for.

A federation, an authority, a company or a committee is named in Arabic news by its kind
(الاتحاد، الهيئة، الشركة، اللجنة), an adjective of the state or of its rank (الفلسطيني،
الوطنية، العامة، المركزية) and, with ل, what it is for: الاتحاد الفلسطيني لكرة القدم,
الهيئة العامة للطيران المدني, الرئاسة العامة للأرصاد وحماية البيئة, المؤسسة الوطنية للنفط.
All three parts together make the phrase a name; the kind and an adjective alone (اللجنة
الفنية, الشركة الوطنية) are as often a description, so the purpose is required. The purpose
runs over definite words and nouns in construct (لكرة القدم, لانتخابات المجالس البلدية) and
one ``و`` joining another of them (وحماية البيئة), up to the first word that is none of those.
"""

from __future__ import annotations

from .lexicon import _keys
from .matcher import _advance, _splits
from .tokens import _adjective, _Candidate, _Token

_KINDS = _keys(
    "الاتحاد الهيئة الرئاسة المؤسسة الشركة اللجنة المجلس الجمعية المنظمة المركز المعهد الصندوق البنك الوكالة"
    " المديرية الإدارة النقابة المفوضية الديوان الجامعة الأكاديمية الرابطة الغرفة الشبكة السلطة المصلحة"
)
"""The kinds of public body, with the article, that such names begin with."""
_RANKS = _keys(
    "العام العامة الأعلى العليا الوطني الوطنية المركزي المركزية الاتحادي الاتحادية المستقل المستقلة الدولي الدولية"
    " الملكي الملكية الحكومي الحكومية العربي العربية الإسلامي الإسلامية الأفريقي الأفريقية الأوروبي الأوروبية"
)
"""Adjectives of a body's rank or reach (العامة, العليا, الوطنية, المركزية)."""
_DESCRIPTIVE = _keys(
    "الفني الفنية التنفيذي التنفيذية الإداري الإدارية الاقتصادي الاقتصادية السياسي السياسية الأمني الأمنية"
    " العسكري العسكرية الإعلامي الإعلامية القانوني القانونية الاجتماعي الاجتماعية الصحي الصحية التعليمي"
    " التعليمية المحلي المحلية الخاص الخاصة الفرعي الفرعية الرئيسي الرئيسية الجديد الجديدة المشترك المشتركة"
    " المختص المختصة المعني المعنية الرسمي الرسمية الدائم الدائمة المؤقت المؤقتة العلمي العلمية الطبي الطبية"
    " الدبلوماسي الدبلوماسية الفخري الفخرية"
)
"""Nisbas that describe what a committee or a company does (اللجنة الفنية, الشركة الخاصة): with
them the phrase is a description more often than a name."""
PURPOSE_WORDS = 5
"""Most words of what the body is for (للأرصاد وحماية البيئة: three)."""


def _bodies(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """``الاتحاد الفلسطيني لكرة القدم``: a kind of body, one or two adjectives, what it is for."""
    found = []
    for i, token in enumerate(tokens):
        prefix = next((p for p, rest in _splits(token.norm) if rest in _KINDS), None)
        if prefix is None or not token.definite:
            continue
        j = i + 1
        while j < len(tokens) and j <= i + 2 and tokens[j].gap == "space" and _of_rank_or_state(tokens[j]):
            j += 1
        if j == i + 1:
            continue
        end = _purpose_end(tokens, j)
        if end is None:
            continue
        start = _advance(body, token.start, prefix)
        found.append(_Candidate(start, tokens[end].end, "a public body and its purpose", 2))
    return found


_MISSIONS = _keys("السفارة السفارات القنصلية البعثة")
"""A state's missions abroad, named by the state's nisba alone (السفارة الأمريكية, القنصلية الفرنسية)."""
_TEAMS = _keys("المنتخب")
"""A state's national team, named by the state's nisba alone (المنتخب الفلسطيني, المنتخب المغربي)."""
_TEAM_KINDS = _keys("الأول الأولمبي الرديف الشاب الشابة الأولى الوطني الوطنية المحلي المحلية الضيف المنافس")
"""Adjectives of which team of a country, or of its role in a match, not of the country."""


def _missions(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """``السفارة الأمريكية``, ``القنصلية الفرنسية``, ``المنتخب الفلسطيني``: a mission or a national
    team and its state's nisba (a definite adjective that is neither of rank nor descriptive, nor
    says which of a country's teams), a name without a purpose."""
    found = []
    for i, token in enumerate(tokens[:-1]):
        prefix, reason = next(
            (
                (p, "a state's mission abroad" if rest in _MISSIONS else "a state's national team")
                for p, rest in _splits(token.norm)
                if rest in _MISSIONS or rest in _TEAMS
            ),
            (None, ""),
        )
        after = tokens[i + 1]
        if prefix is None or not token.definite or after.gap != "space" or not after.norm.startswith("ال"):
            continue
        if after.norm in _RANKS or after.norm in _DESCRIPTIVE or after.norm in _TEAM_KINDS or not _adjective(after):
            continue
        found.append(_Candidate(_advance(body, token.start, prefix), after.end, reason, 2))
    return found


def _of_rank_or_state(token: _Token) -> bool:
    """A body's adjective: of its rank or reach, or the nisba of its state (الفلسطيني, الليبية),
    not one that describes its work."""
    return token.definite and (token.norm in _RANKS or (_adjective(token) and token.norm not in _DESCRIPTIVE))


def _purpose_end(tokens: list[_Token], j: int) -> int | None:
    """The last token of what a body is for, from ``ل`` at token ``j``, or None: a definite noun
    phrase, and perhaps one more joined by ``و``."""
    if j >= len(tokens) or tokens[j].gap != "space" or not _for(tokens[j]):
        return None
    last = _noun_phrase(tokens, j)
    if last is None:
        return None
    after = last + 1
    if after < len(tokens) and tokens[after].gap == "space" and tokens[after].norm.startswith("و"):
        joined = _noun_phrase(tokens, after)
        if joined is not None and joined - j < PURPOSE_WORDS:
            last = joined
    return last if last - j < PURPOSE_WORDS else None


def _noun_phrase(tokens: list[_Token], k: int) -> int | None:
    """The last token of a definite noun phrase at token ``k`` (which may carry ل or و): a
    definite noun (للأرصاد) or a noun in construct with one (لكرة القدم, وحماية البيئة), then
    its adjectives (للطيران المدني, المجالس البلدية)."""
    word = tokens[k]
    if word.definite:
        last = k
    elif not word.tanwin and k + 1 < len(tokens) and tokens[k + 1].gap == "space" and tokens[k + 1].definite:
        last = k + 1
    else:
        return None
    while last + 1 < len(tokens) and tokens[last + 1].gap == "space" and _describes(tokens[last + 1]):
        last += 1
    return last


_NOT_NISBAS = _keys("الرأي الذي الحي الولي")
"""Short definite words in ي that are nouns or pronouns, not adjectives."""


def _describes(token: _Token) -> bool:
    """An adjective of the purpose's noun: any nisba, the short ones of three-letter roots too
    (للرصد الجوي, والصرف الصحي), which ``tokens._adjective`` leaves to longer words."""
    short = token.definite and len(token.norm) == 5 and token.norm.endswith("ي") and token.norm not in _NOT_NISBAS
    return _adjective(token) or short


def _for(token: _Token) -> bool:
    """``لكرة``, ``للأرصاد``, ``لانتخابات``: ل before a noun (the article folded into لل)."""
    norm = token.norm
    if not norm.startswith("ل") or len(norm) < 4 or token.proclitic:
        return False
    return norm.startswith("لل") or not token.definite
