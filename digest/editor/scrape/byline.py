"""The author a text's byline names: ``كتب : وكالات``, ``بقلم محمد علي``, ``سمير عطا الله يكتب:``.

The text readers drop a byline as page furniture (``meta.take_byline`` under the headline,
``furniture`` anywhere else) and say so in the report. This module takes the name back out
of those dropped lines, so an import can write it as the article's ``author``: the words
after the verb or the "by", or before a closing ``يكتب``, as printed, without the colon or
dash between. A byline line without a verb is a name alone (``د. سمير عطا الله``, ``الكاتب
…`` without its ``الكاتب``) unless it names another role (``تحرير``, ``ترجمة``, ``مراسل``,
``تصوير``: an editor, a translator, a correspondent, a photographer). A line whose name
does not look like one (digits, more than ``NAME_WORDS`` words) gives no author.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace

from .model import Scraped
from .spelling import clean

NAME_WORDS = 6
"""Most words of a name in a byline (``د. محمد بن عبد الله آل سعود``); longer is a sentence."""
_SEPARATOR = r"\s*(?:[:：\-–—]\s*|\s)"
_BEFORE_RE = re.compile(
    rf"^(?:كتب|كتبت|كتبه|بقلم|إعداد|اعداد|by|written by|reporting by){_SEPARATOR}(?P<name>\S.*)$", re.I
)
_AFTER_RE = re.compile(r"^(?P<name>\S.*?)\s+(?:يكتب|تكتب)\s*[:：]?$")
_ROLE_RE = re.compile(
    r"^(?:تحرير|ترجمة|ترجمه|متابعة|متابعه|تقرير|مراسل|مراسلة|مراسله|حوار|تصوير|edited by|translated by|photo)(?!\w)",
    re.I,
)
"""Bylines that credit someone other than the writer."""
_TITLE_RE = re.compile(r"^(?:الكاتب|الكاتبة|الصحفي|الصحفية|الكاتب الصحفي|الكاتبة الصحفية)\s+")
_FOUND_RE = re.compile(r"^byline (?P<text>'.*'|\".*\") \(line (?P<line>\d+)\) dropped$")
_TRIM = " \t:：-–—،,.؛;|\"'«»“”‘’()[]"


def byline_name(line: str, *, alone: bool = False) -> str | None:
    """The name a byline line gives, or ``None``: ``كتب : وكالات`` → ``وكالات``. With ``alone``
    (a line the readers dropped as a byline), a line without a verb is taken for the name itself."""
    text = clean(line)
    match = _BEFORE_RE.match(text) or _AFTER_RE.match(text)
    if match:
        name = match["name"].strip(_TRIM)
    elif alone and not _ROLE_RE.match(text) and not re.search(r"[:：]", text):
        name = _TITLE_RE.sub("", text).strip(_TRIM)
    else:
        return None
    words = name.split()
    if not words or len(words) > NAME_WORDS or re.search(r"\d", name) or not re.search(r"[^\W\d_]", name):
        return None
    return name


def bylines(scraped: Scraped) -> list[tuple[int, str]]:
    """The byline lines the readers dropped, ``(line, text)`` in text order."""
    found = [(d.line, d.text) for d in scraped.dropped if "byline" in d.reason]
    for entry in scraped.found:
        match = _FOUND_RE.match(entry)
        if match:
            try:
                found.append((int(match["line"]), str(ast.literal_eval(match["text"]))))
            except (ValueError, SyntaxError):
                continue
    return sorted(set(found))


def with_author(scraped: Scraped) -> Scraped:
    """``scraped`` with ``author`` from its first byline naming someone, said in ``found``;
    unchanged when it has an author already (a page's metadata) or no byline names one."""
    if scraped.author:
        return scraped
    for line, text in bylines(scraped):
        name = byline_name(text, alone=True)
        if name:
            found = (*scraped.found, f"author {name!r} from the byline (line {line})")
            return replace(scraped, author=name, found=found)
    return scraped
