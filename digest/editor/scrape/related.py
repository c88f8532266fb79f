"""Lists of other articles: "read also" titles kept as related, whole pasted articles split off.

Pages list related titles under "اقرأ أيضاً" or "مقالات ذات صلة" and "most read"
lists under their own headers; scrapers keep both, and sometimes a whole second
article after "read also". Related titles go to ``related``, "most read" lists are
dropped (they are not about this article), and a pasted article becomes a
``ReadAlso`` so it never ends up in this article's body.
"""

from __future__ import annotations

import re

from .dates import date_line
from .lines import BULLET, is_marker, is_paragraph_like, is_title_like
from .model import ReadAlso
from .spelling import only_punctuation, phrase_key
from .state import Run

_Titles = list[tuple[str, int]]
"""Titles with their line numbers."""


def take_related(run: Run, index: int, match: re.Match[str]) -> int:
    """The titles under a "related" header (or a pasted article after it); return the next line's index."""
    header = run.lines[index]
    rest = (match["rest"] or "").strip()
    if not rest:
        pasted = _pasted_article(run, index)
        if pasted is not None:
            return _take_read_also(run, *pasted)
    titles: _Titles = [(BULLET.sub("", rest), header.number)] if rest else []
    listed, nxt = _listed_titles(run, index, bulleted_only=bool(rest))
    titles += listed
    for title, _ in titles:
        if title and phrase_key(title) not in {phrase_key(t) for t in run.related}:
            run.related.append(title)
    _report_titles(run, match["head"], header.number, titles)
    return nxt


def _pasted_article(run: Run, index: int) -> tuple[int, int] | None:
    """The indexes of a title line and a full paragraph right after the header, when that is what follows."""
    first = run.next_content(index)
    if first is None or not is_title_like(run.lines[first].text) or is_marker(run.lines[first].text):
        return None
    second = run.next_content(first)
    if second is None or not is_paragraph_like(run.lines[second].text) or is_marker(run.lines[second].text):
        return None
    return first, second


def _listed_titles(run: Run, index: int, *, bulleted_only: bool) -> tuple[_Titles, int]:
    """The title lines after the header up to whatever is not one; and the index after the last."""
    titles: _Titles = []
    nxt = index + 1
    later = run.next_content(index)
    while later is not None:
        text = run.lines[later].text
        if _ends_list(text, bulleted_only=bulleted_only) or _article_starts(run, later):
            break
        titles.append((BULLET.sub("", text).strip(), run.lines[later].number))
        nxt = later + 1
        later = run.next_content(later)
    return titles, nxt


def _ends_list(text: str, *, bulleted_only: bool) -> bool:
    """A marker, a post signature, a paragraph, or (after a title on the header line) an unbulleted line."""
    bulleted = bool(BULLET.match(text)) and bool(BULLET.sub("", text))
    if is_marker(text) or "(@" in text:
        return True
    if bulleted_only and not bulleted:
        return True
    return not (bulleted or is_title_like(text)) or is_paragraph_like(BULLET.sub("", text))


def _article_starts(run: Run, index: int) -> bool:
    """A date line, or the line right above one: the article's headline and date, not a listed title."""
    if date_line(run.lines[index].text) is not None:
        return True
    after = run.next_content(index)
    return after is not None and date_line(run.lines[after].text) is not None


def _report_titles(run: Run, head: str, header_number: int, titles: _Titles) -> None:
    if not titles:
        run.found.append(f"dropped {head!r} with no titles after it (line {header_number})")
        return
    last = titles[-1][1]
    where = f"lines {header_number}–{last}" if last != header_number else f"line {last}"
    run.found.append(f"related titles under {head!r} ({where}): {len(titles)}")


def _take_read_also(run: Run, first: int, second: int) -> int:
    """A whole article pasted after "read also": its title line, then paragraphs up to the next marker."""
    title_line = run.lines[first]
    paragraphs, last, index = _article_paragraphs(run, second, title_line.number)
    title = BULLET.sub("", title_line.text).strip()
    run.read_also.append(ReadAlso(title, "\n\n".join(paragraphs), title_line.number))
    run.found.append(f"read-also article {title!r} (lines {title_line.number}–{last}): not part of the body")
    run.guessed.append(
        f"a title followed by full paragraphs after 'read also' (line {title_line.number}) was taken for a whole "
        f"pasted article up to line {last}"
    )
    return index


def _article_paragraphs(run: Run, index: int, last: int) -> tuple[list[str], int, int]:
    """Paragraphs from ``index`` up to the next marker: the texts, the last line number, the stopping index."""
    paragraphs: list[str] = []
    while index < len(run.lines):
        text = run.lines[index].text
        if text:
            if is_marker(text):
                break
            if not only_punctuation(text):
                paragraphs.append(text)
            last = run.lines[index].number
        index += 1
    return paragraphs, last, index


def take_dropped_list(run: Run, index: int, head: str) -> int:
    """A "most read" list: its titles are not about this article and are dropped."""
    header = run.lines[index]
    nxt, count = index + 1, 0
    later = run.next_content(index)
    while later is not None:
        text = run.lines[later].text
        if is_marker(text) or not is_title_like(text) or is_paragraph_like(text) or _article_starts(run, later):
            break
        count += 1
        nxt = later + 1
        later = run.next_content(later)
    run.found.append(f"dropped {head!r} list with {count} titles (line {header.number})")
    return nxt
