"""Characters that make text look different from what it is: bidi controls and invisible ones.

Two rules, because names and prose are used differently:

- **Names** (entity names and aliases, tags, the source's name) are keys: the
  annotator matches them, tags become addresses, lists sort and group by them.
  A name must hold no bidi control (U+202A–U+202E, U+2066–U+2069) and no
  invisible character (zero-width space, word joiner, BOM, soft hyphen, …), or
  two names that look the same would be different names. The zero-width joiner
  and non-joiner are allowed between two letters only, where Persian and Arabic
  spelling uses them (``محمد‌جواد``). A name not in Unicode NFC is read as NFC,
  with a warning, so the composed and decomposed spellings of one name are one name.
- **Prose** (titles, summaries, descriptions, the body) may use bidi embeddings
  and isolates to order mixed-direction text, but an override (U+202D, U+202E)
  shows the characters in another order than they are stored, and an embedding
  or isolate left open reorders everything after it up to the end of the line.
  Both are errors.

Both forbid the control characters HTML does not allow in text (U+0000–U+001F but tab, line
feed, form feed and carriage return; U+007F–U+009F): a YAML escape such as ``"\\0"`` or a
stray byte of a scrape would otherwise reach the pages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OVERRIDES = frozenset("\u202d\u202e")
EMBEDDINGS = frozenset("\u202a\u202b")
ISOLATES = frozenset("\u2066\u2067\u2068")
PDF, PDI = "\u202c", "\u2069"
BIDI_CONTROLS = OVERRIDES | EMBEDDINGS | ISOLATES | {PDF, PDI}
JOINERS = frozenset("\u200c\u200d")
INVISIBLE = frozenset("\u00ad\u034f\u115f\u1160\u180e\u200b\u2060\u2061\u2062\u2063\u2064\u3164\ufeff\uffa0")
CONTROLS = frozenset(chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))) - frozenset("\t\n\x0c\r")
_PROSE_RE = re.compile("[\u202a-\u202e\u2066-\u2069" + "".join(sorted(CONTROLS)) + "]")
_NAME_RE = re.compile("[" + "".join(sorted(BIDI_CONTROLS | JOINERS | INVISIBLE | CONTROLS)) + "]")
"""Fast pre-tests (one C-level scan): almost all text holds none of these characters."""


@dataclass(frozen=True)
class Problem:
    """A character at ``index`` (a code-point offset in the checked text) and what is wrong with it."""

    index: int
    message: str


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: how a character an editor cannot see is named in messages."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def name_problems(text: str) -> list[Problem]:
    """Bidi controls and invisible characters in a name (joiners only between letters)."""
    if not _NAME_RE.search(text):
        return []
    problems = []
    for index, char in enumerate(text):
        if char in CONTROLS:
            problems.append(Problem(index, _control(char)))
        elif char in BIDI_CONTROLS:
            problems.append(Problem(index, f"bidi control {describe(char)} in a name: remove it"))
        elif char in INVISIBLE:
            problems.append(Problem(index, f"invisible character {describe(char)} in a name: remove it"))
        elif char in JOINERS and not (_letter(text, index - 1) and _letter(text, index + 1)):
            problems.append(Problem(index, f"{describe(char)} in a name outside a word: remove it"))
    return problems


def prose_problems(text: str) -> list[Problem]:
    """Overrides anywhere, and embeddings or isolates not closed on their own line."""
    if not _PROSE_RE.search(text):
        return []
    problems = []
    for start, line in _lines(text):
        open_at: list[tuple[int, str]] = []
        for offset, char in enumerate(line):
            if char in CONTROLS:
                problems.append(Problem(start + offset, _control(char)))
            elif char in OVERRIDES:
                problems.append(
                    Problem(start + offset, f"bidi override {describe(char)} shows text in another order than written")
                )
            elif char in EMBEDDINGS or char in ISOLATES:
                open_at.append((start + offset, char))
            elif char == PDF and open_at and open_at[-1][1] in EMBEDDINGS:
                open_at.pop()
            elif char == PDI and any(c in ISOLATES for _, c in open_at):
                while open_at.pop()[1] not in ISOLATES:
                    pass
        problems.extend(
            Problem(index, f"bidi control {describe(char)} is not closed on its line: it reorders the text after it")
            for index, char in open_at
        )
    return sorted(problems, key=lambda p: p.index)


def _control(char: str) -> str:
    return f"control character U+{ord(char):04X} in the text: remove it"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and unicodedata.category(text[index])[0] in "LM"


def _lines(text: str) -> list[tuple[int, str]]:
    found, start = [], 0
    for line in text.split("\n"):
        found.append((start, line))
        start += len(line) + 1
    return found
