"""The tag block: a "كلمات دلالية" header and the tags after it, split even when separators were lost.

Scrapes often turn a row of tag links into one run of words ("عام على حرب غزة
الحرب الأوكرانية كوريا الشمالية"). Known tags and entity names split such a run
(longest first); words no known name covers are kept whole and warned about, since
guessing where one tag ends would put wrong tags on the article.

Tags printed without a header are told by their shape and place (``shape.tag_line_items``,
``shape.tag_list_items``): a row of comma-separated keywords or a bulleted list of names
before the first sentence (``take_unlabelled_tags``; after the last one, ``furniture``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .edges import is_sentence
from .lines import is_marker, is_paragraph_like
from .shape import is_bullet, tag_line_items, tag_list_items
from .spelling import column, phrase_key
from .state import Line, Run

_SEPARATORS = re.compile(r"\s*(?:[،,|;؛•#]|\s[-–—]\s|^[-–—]\s)\s*")
_NameTable = dict[tuple[str, ...], str]
"""Folded words of a known tag or name → the name as written."""


def take_tags(run: Run, index: int, match: re.Match[str]) -> int:
    """Read the tags on the header line or on the short lines after it; return the next line's index."""
    header = run.lines[index]
    chunks, nxt = _tag_chunks(run, index, (match["rest"] or "").strip())
    if not chunks:
        run.found.append(f"tag header with no tags (line {header.number}) dropped")
        return nxt
    before = len(run.tags)
    for text, line in chunks:
        for tag in _split_tags(run, text, line):
            _add_tag(run, tag, line)
    run.found.append(f"tags (line {header.number}): {', '.join(run.tags[before:])}")
    return nxt


def _tag_chunks(run: Run, index: int, rest: str) -> tuple[list[tuple[str, Line]], int]:
    """The tag text after the header (or on the header itself), each with its line, and the next index."""
    if rest:
        return [(rest, run.lines[index])], index + 1
    chunks: list[tuple[str, Line]] = []
    nxt = index + 1
    later = run.next_content(index)
    while later is not None:
        text = run.lines[later].text
        if len(text) > 80 or is_paragraph_like(text) or is_marker(text) or len(text.split()) > 8:
            break
        chunks.append((text, run.lines[later]))
        nxt = later + 1
        later = run.next_content(later)
    return chunks, nxt


def _add_tag(run: Run, tag: str, line: Line) -> None:
    if phrase_key(tag) in {phrase_key(t) for t in run.tags}:
        run.found.append(f"duplicate tag {tag!r} dropped (line {line.number})")
    elif phrase_key(tag):
        run.tags.append(tag)


def _split_tags(run: Run, text: str, line: Line) -> list[str]:
    pieces = [p.strip(" -–—.") for p in _SEPARATORS.split(text)]
    pieces = [p for p in pieces if p]
    if len(pieces) > 1 or len(text.split()) <= 3:
        return pieces
    return _split_run(run, text, line)


def _split_run(run: Run, text: str, line: Line) -> list[str]:
    """Split tags whose separators were lost, using known tags and names (greedy, longest first)."""
    words = text.split()
    result, matched, ambiguous = _greedy_split(words, _name_table((*run.known_tags, *run.known_names)))
    if matched:
        run.guessed.append(
            f"tags split using known names (line {line.number}): " + ", ".join(repr(m) for m in dict.fromkeys(matched))
        )
    if ambiguous and (matched or len(words) > 4):
        for words_run in ambiguous:
            run.warn(line.number, column(line.raw, words_run.split()[0]), f"ambiguous tags kept whole: {words_run!r}")
    return result


def _name_table(names: Iterable[str]) -> _NameTable:
    table: _NameTable = {}
    for name in names:
        words = tuple(phrase_key(name).split())
        if words and words not in table:
            table[words] = name
    return table


def _greedy_split(words: list[str], table: _NameTable) -> tuple[list[str], list[str], list[str]]:
    """Tags in order, the known names among them, and the runs of unknown words kept whole."""
    longest = max((len(k) for k in table), default=0)
    keys = [phrase_key(w) for w in words]
    result: list[str] = []
    matched: list[str] = []
    ambiguous: list[str] = []
    pending: list[str] = []
    position = 0
    while position < len(words):
        size, name = _longest_name(keys, position, longest, table)
        if name is None:
            pending.append(words[position])
            position += 1
            continue
        _flush(pending, result, ambiguous)
        result.append(name)
        matched.append(name)
        position += size
    _flush(pending, result, ambiguous)
    return result, matched, ambiguous


def _longest_name(keys: list[str], position: int, longest: int, table: _NameTable) -> tuple[int, str | None]:
    for size in range(min(longest, len(keys) - position), 0, -1):
        name = table.get(tuple(keys[position : position + size]))
        if name is not None:
            return size, name
    return 0, None


def _flush(pending: list[str], result: list[str], ambiguous: list[str]) -> None:
    """Unknown words gathered so far become one tag, kept whole and remembered as ambiguous."""
    if pending:
        words_run = " ".join(pending)
        result.append(words_run)
        ambiguous.append(words_run)
        pending.clear()


# --------------------------------------------------------------------------- tags printed without a label


def take_unlabelled_tags(run: Run, index: int) -> int | None:
    """Before the body, a line of comma-separated keywords or a bulleted list of names read as the tags.

    Pages print their tag links without a label too: ``وزارة الخارجية,مصر تدين,…`` on one line,
    or ``- أيمن الصفدي`` / ``- وزير الخارجية الأردني`` … (often twice over). Only before the
    first sentence (between two sentences such a line is the article's), only in the shape
    ``shape.tag_line_items`` / ``shape.tag_list_items`` allow; a bulleted list only under the
    headline (above it, short bullets are a menu's)."""
    if _body_begun(run):
        return None
    line = run.lines[index]
    items = tag_line_items(line.text)
    if items is not None:
        following = run.next_content(index)
        if not run.title_decided and following is not None and is_paragraph_like(run.lines[following].text):
            return None  # a headline of names in a row, the article right under it
        add_unlabelled(run, [(items, line)], "a line of comma-separated keywords without a label")
        return index + 1
    return _bulleted_tags(run, index)


def _bulleted_tags(run: Run, index: int) -> int | None:
    if not run.title:
        return None  # above the headline, short bullets are a menu's
    lines: list[Line] = []
    at: int | None = index
    while at is not None and is_bullet(run.lines[at].text):
        lines.append(run.lines[at])
        at = run.next_content(at)
    items = tag_list_items([line.text for line in lines])
    if items is None:
        return None
    keys = [phrase_key(item) for item in items]
    twice = len(keys) % 2 == 0 and keys[: len(keys) // 2] == keys[len(keys) // 2 :]
    how = "a bulleted list of names printed twice" if twice else "a bulleted list of names under the headline"
    add_unlabelled(run, [([item], line) for item, line in zip(items, lines, strict=True)], how)
    return lines[-1].number  # the index of the line after the list


def add_unlabelled(run: Run, chunks: list[tuple[list[str], Line]], how: str) -> None:
    """Tags read from lines without a label, each with its line, reported with how they were told."""
    before = len(run.tags)
    for items, line in chunks:
        for tag in items:
            _add_tag(run, tag, line)
    first, last = chunks[0][1].number, chunks[-1][1].number
    where = f"line {first}" if first == last else f"lines {first}–{last}"
    run.found.append(f"tags ({where}, {how}): {', '.join(run.tags[before:])}")


def _body_begun(run: Run) -> bool:
    """A sentence of the article has been read (what comes after it is not a page's header); the
    headline printed again (a picture's caption) is not one."""
    title = phrase_key(run.title) if run.title else None
    return any(is_sentence(item.text) and phrase_key(item.text) != title for item in run.items if item.post is None)
