"""A dateline on a line of its own: the place and the outlet or agency the story comes from.

News pages print above the first paragraph where the story was filed and by whom, in one
short line with a dash, a tatweel, a slash or a colon between the two: ``جدة – واس:``,
``شفق نيوز- أنقرة``, ``شمس نيوز/ عمّان``, ``رام الله - وكالة خبر``, ``أنا الخبر ـ و.م.ع`` (the
site's name, then the agency it took the dispatch from). Neither side is a sentence; which
side is the outlet is told by its shape, never by its position, since outlets write both
orders:

- an agency: a national news agency's short name as outlets print it (``واس``, ``بترا``,
  ``و.م.ع``), initials with dots, or single letters with spaces (``أ ش أ``) — the source
  even when the site's own name stands on the other side, because the story is the agency's;
- an outlet: a name that says it is one (``… نيوز``, ``وكالة …``) or the site's own name as
  its address spells it (``origin.names_site``);
- the other side is then the place or the section: one to three words without digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .spelling import phrase_key, phrase_keys

_SEPARATOR_RE = re.compile(r"\s*[\-–—ـ/]\s*|\s*:\s+|\s+:\s*")
"""One dash (spaced or glued to a word), a tatweel, a slash or a colon between the two sides."""
_QUOTED_SIDE_RE = re.compile(r"[«\"“](?P<name>[^«»\"“”]{2,30})[»\"”]")
"""A side in quotation marks (``“مورينيوز”``): the marks are not part of the name."""
_INITIALS_RE = re.compile(r"^\w(?:\s?\.\s?\w){1,4}\.?$|^\w(?:\s\w){1,3}$")
"""``و.م.ع``, ``أ.ف.ب``, ``أ ش أ``, ``د ب أ``: an agency's initials."""
WIRE_NAMES = phrase_keys("""
    واس | وام | قنا | كونا | بترا | سانا | وال | واج | وفا | سبا | العمانيه | بنا | الاناضول | رويترز | شينخوا
    سبوتنيك | فرانس برس | اسوشيتد برس | نوفوستي | تاس | ارنا | مهر | فارس | ايسنا | وكالات | AFP | AP | Reuters | dpa
""")
"""National and international news agencies by the short names Arabic outlets print in datelines."""
_MAX_WORDS = 6
_PLACE_WORDS = 3


def dateline_parts(line: str) -> tuple[str, str] | None:
    """The two sides of a dateline-shaped line (a trailing colon dropped), or None: a short line
    with exactly one separator, a name on each side."""
    text = line.strip().rstrip(":：").strip()
    if text[-1:] in "-–—ـ" and _SEPARATOR_RE.search(text[:-1]):
        text = text[:-1].rstrip()  # ``نواكشوط-“مورينيوز”-``: a dash closing the line, before the story
    text = _QUOTED_SIDE_RE.sub(lambda match: match["name"], text)
    if not text or len(text.split()) > _MAX_WORDS or any(c in text for c in '،,!?؟«»"“”()'):
        return None
    cuts = list(_SEPARATOR_RE.finditer(text))
    sides = [(text[: cut.start()].strip(), text[cut.end() :].strip()) for cut in cuts]
    whole = [(a, b) for a, b in sides if a and b and not _SEPARATOR_RE.search(a) and not _SEPARATOR_RE.search(b)]
    return whole[0] if len(whole) == 1 else None


def is_agency(name: str) -> bool:
    """A news agency by its short name or its initials."""
    name = name.strip()
    return phrase_key(name) in WIRE_NAMES or name in WIRE_NAMES or bool(_INITIALS_RE.match(name))


def _place_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _PLACE_WORDS and not any(c.isdigit() for c in text)


def dateline_outlet(line: str, is_outlet: Callable[[str], bool]) -> str | None:
    """The outlet or agency a dateline line names, or None when the line is not one.

    ``is_outlet`` tells whether a name is an outlet's (its shape or the site's own name):
    the caller knows the page's address."""
    parts = dateline_parts(line)
    if parts is None:
        return None
    agencies = [side for side in parts if is_agency(side)]
    if len(agencies) == 1:
        other = parts[1] if agencies[0] == parts[0] else parts[0]
        return agencies[0] if _place_like(other) or is_outlet(other) else None
    outlets = [side for side in parts if is_outlet(side)]
    if len(outlets) == 1:
        other = parts[1] if outlets[0] == parts[0] else parts[0]
        return outlets[0] if _place_like(other) else None
    return None
