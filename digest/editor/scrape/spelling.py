"""Text normalisation every reader shares: one word is spelled many ways in a scrape.

Arabic news pages mix hamza forms, ة/ه, ى/ي, Persian and Arabic-Indic digits,
diacritics, tatweel and invisible direction marks. Lines are compared in a folded
form so that spelling never decides what a line is, and phrase tables are turned into
regexes that accept every spelling. Also here: which script a text is in, and small
predicates on punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_INVISIBLE = re.compile("[\ufeff\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTER_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})
_DIGIT_FOLD = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
WORD = re.compile(r"[^\W_]+")
URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:pic\.twitter\.com|t\.co)/\S+", re.IGNORECASE)
CLOSERS = " \"'»”’)]"
_END_PUNCT = ".!?؟…:;؛»\"”’')]"


def clean(raw: str) -> str:
    """One line as text: invisible marks and control characters gone, NBSP and runs of spaces made one space."""
    return SPACES.sub(" ", _CONTROL.sub(" ", _INVISIBLE.sub("", raw))).strip()


def fold(text: str) -> str:
    """A comparison form: hamza/ta marbuta/alef maqsura folded, diacritics and tatweel dropped, ASCII digits."""
    text = unicodedata.normalize("NFKC", text)
    return _MARKS.sub("", text).translate(_LETTER_FOLD).translate(_DIGIT_FOLD).casefold()


def phrase_key(text: str) -> str:
    """Folded words joined by single spaces: punctuation never decides whether two phrases are equal."""
    return " ".join(WORD.findall(fold(text)))


def _is_arabic_letter(char: str) -> bool:
    code = ord(char)
    return 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF


def script_of(text: str) -> str:
    """``arabic``, ``latin`` or ``none``: which script most letters of ``text`` are in."""
    arabic = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        if _is_arabic_letter(char):
            arabic += 1
        elif ord(char) < 0x0250 or 0x1E00 <= ord(char) <= 0x1EFF:
            latin += 1
    if arabic > latin:
        return "arabic"
    return "latin" if latin > arabic else "none"


def text_script(text: str) -> str:
    """The script of the words, links left out (a paragraph holding only a link has none)."""
    return script_of(URL.sub(" ", text))


def has_letter(text: str) -> bool:
    return any(char.isalpha() for char in text)


def only_punctuation(text: str) -> bool:
    """True for lines like "." or "،" or "***": nothing an editor would call a sentence."""
    return bool(text) and all(unicodedata.category(c)[0] in "PZ" or c in "*~^`|+=<>" for c in text)


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in _END_PUNCT


def tolerant(phrase: str) -> str:
    """A regex matching ``phrase`` (written folded) in unfolded text: any hamza form, ة/ه, ى/ي, diacritics."""
    variants = {"ا": "اأإآٱ", "ه": "هة", "ي": "يىی", "ك": "كک"}
    variants.update({d: d + "٠١٢٣٤٥٦٧٨٩"[int(d)] + "۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in "0123456789"})
    marks = "[\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
    parts = []
    for char in phrase:
        if char == " ":
            parts.append(r"\s+")
        elif char in variants:
            parts.append(f"[{variants[char]}]{marks}")
        else:
            parts.append(re.escape(char) + marks)
    return "".join(parts)


def alternation(phrases: Iterable[str]) -> str:
    """Longest first, so "اقرا ايضا" wins over "اقرا"."""
    return "|".join(tolerant(p) for p in sorted(set(phrases), key=len, reverse=True))


def phrase_table(table: str) -> tuple[str, ...]:
    """A phrase table written as ``a | b | c`` over several lines (kept compact and easy to extend)."""
    return tuple(dict.fromkeys(p.strip() for p in table.replace("\n", "|").split("|") if p.strip()))


def phrase_keys(table: str) -> frozenset[str]:
    """A phrase table as the set of its folded keys, for exact line comparisons."""
    return frozenset(phrase_key(p) for p in phrase_table(table))


def column(raw: str, needle: str) -> int:
    """1-based column of ``needle`` in the raw line (1 when it cannot be found exactly)."""
    found = raw.find(needle) if needle else -1
    return found + 1 if found >= 0 else 1
