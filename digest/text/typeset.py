"""Build-time typesetting: how wide text will be drawn, and where names may not break.

The build never sees the reader's fonts, yet two things are decided before a page
reaches them: how much room a chart label gets (``charts``), and whether a name may
wrap. Both rest on ``text_width``, a generous estimate from per-character classes.

Browsers may end a line after a hyphen, so "روسيا-الناتو" or "Russia-1" could
split into "روسيا-" and "الناتو" at a line's end: a name that reads as two. The text
itself stays as written (searchable, copied as it is); instead a word joined by a
hyphen or dash is wrapped in ``<span class="nobr">``, which the stylesheet keeps on
one line. A run too wide for a phone's line is left breakable, so it can never push
a page wider than the screen.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import escape as _markup_escape


def escape(text: str) -> str:
    """Escaped as Jinja escapes (`&#39;` for an apostrophe), so the same text is written the same way everywhere."""
    return str(_markup_escape(text))


_ARABIC_WIDE = frozenset("سشصض")
_ARABIC_NARROW = frozenset("اأإآٱلرزژوؤدذةـ")
_LATIN_WIDE = frozenset("MWmw@%")
_LATIN_NARROW = frozenset("fijlrtI!.,:;'|()[]")

WHOLE_EM = 12.0
"""The widest run (estimated, in em) kept on one line: a 320 px phone's narrowest text
column (a quote or a list item in an Arabic article, about 14 em of its text) still holds it."""

_JOINED = re.compile(r"\S*\w[-\u2010\u2011\u2013\u2014]\w\S*")
"""A run without spaces in which a hyphen or dash joins two word characters."""


def is_arabic(char: str) -> bool:
    """True for a character of the Arabic blocks (letters, digits, marks, presentation forms)."""
    return "\u0600" <= char <= "\u08ff" or "\ufb50" <= char <= "\ufeff"


def char_width(char: str) -> float:
    """A generous estimate of how wide ``char`` is drawn, in em (see ``text_width``)."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0  # marks, joiners and direction controls take no room of their own
    if char.isspace():
        return 0.3
    if is_arabic(char):
        return 0.95 if char in _ARABIC_WIDE else 0.4 if char in _ARABIC_NARROW else 0.62
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char in _LATIN_WIDE:
        return 0.95
    if char in _LATIN_NARROW:
        return 0.38
    if char.isupper():
        return 0.78
    if char.isalnum():
        return 0.62
    return 0.7


def text_width(text: str) -> float:
    """A generous estimate of the width of ``text``, in em.

    Per-character classes a little wider than the common sans-serif faces draw them
    (Noto Sans and Noto Sans Arabic, Segoe UI, Roboto): text judged to fit a space
    does fit it, in Latin and Arabic script alike.
    """
    return sum(char_width(c) for c in text)


def fits_whole(text: str) -> bool:
    """True when ``text`` may be kept on one line (see ``WHOLE_EM``)."""
    return text_width(text) <= WHOLE_EM


def keep_words(text: str) -> str:
    """``text`` escaped, each word joined by a hyphen or dash kept on one line."""
    out, last = [], 0
    for match in _JOINED.finditer(text):
        run = match.group(0)
        out.append(escape(text[last : match.start()]))
        out.append(f'<span class="nobr">{escape(run)}</span>' if fits_whole(run) else escape(run))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def keep_name(text: str) -> str:
    """A name escaped and kept on one line when it fits a phone's line, else only its
    hyphenated words are (a long name may wrap between its words, never inside one)."""
    if fits_whole(text):
        return f'<span class="nobr">{escape(text)}</span>'
    return keep_words(text)
