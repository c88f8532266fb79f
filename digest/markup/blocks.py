"""``::: quote <speaker>``, ``::: post key="value" …`` and any block kind the format adds.

One block rule reads every fenced block, whatever its kind, in the way of
markdown-it-container (a line of three or more colons and a name opens a block;
the first later line of only colons, at least as many, closes it), so that the
check of the structure is the same for every kind: ``BLOCK_KINDS`` is the one
list of kinds, used here to name the tokens and by the facts rule to refuse an
unknown name. The rule records on each opening token how it was fenced and
whether a line of its own closed it, which the token tree alone does not say
(a block left open ends silently with its parent or the file). The header line
is parsed here into checked attributes, with errors returned (not raised) so
the facts rule can place them.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.utils import is_code_block

from ..diagnostics import suggest
from .mention import ID_RE

BLOCK_KINDS = ("quote", "post")
"""Every block kind of the format, in the order the docs list them."""
UNKNOWN = "unknown"
"""The token name of a block whose kind is not in ``BLOCK_KINDS`` (reported by the facts rule)."""
MIN_FENCE = 3
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
POST_KEYS = ("author", "lang", "handle", "date", "url", "platform")
POST_REQUIRED = ("author", "lang")

assert UNKNOWN not in BLOCK_KINDS


@dataclass(frozen=True)
class Fence:
    """How a block was opened and closed, kept in its opening token's ``meta["fence"]``."""

    name: str
    """The kind as written (``quote``, or a misspelling the facts rule reports)."""
    colons: int
    """Colons of the opening line: a block inside another needs fewer than its parent."""
    closer: int
    """Colons of the line that closed it; 0 when no line of its own did."""

    @property
    def markup(self) -> str:
        return ":" * self.colons


def token_kind(token_type: str) -> tuple[str, int] | None:
    """``("quote", 1)`` for ``container_quote_open``, ``(…, -1)`` for a closing token, else ``None``."""
    return _TOKEN_KINDS.get(token_type)


_TOKEN_KINDS = {
    f"container_{kind}_{end}": (kind, nesting)
    for kind in (*BLOCK_KINDS, UNKNOWN)
    for end, nesting in (("open", 1), ("close", -1))
}


def blocks_plugin(md: MarkdownIt) -> None:
    """Register the block rule for every kind (the page renderer replaces the placeholders)."""
    md.block.ruler.before(
        "fence", "digest_blocks", _block_rule, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    for kind in (*BLOCK_KINDS, UNKNOWN):
        md.add_render_rule(f"container_{kind}_open", _render_placeholder)
        md.add_render_rule(f"container_{kind}_close", _render_placeholder)


def _render_placeholder(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Replaced by bodyhtml's renderer; kept so a bare parser still renders something.
    return "<div>" if tokens[idx].nesting == 1 else "</div>"


def _colons(src: str, start: int, end: int) -> int:
    pos = start
    while pos < end and src[pos] == ":":
        pos += 1
    return pos - start


def _block_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A block opened by ``:::`` and a name, up to the first line of at least as many colons.

    Nothing but colons on the line (a closing line that closes nothing here) and a
    "name" that does not start with a letter are left to the paragraph rule.
    """
    if is_code_block(state, start_line):
        return False
    src = state.src
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    colons = _colons(src, start, maximum)
    if colons < MIN_FENCE:
        return False
    info = src[start + colons : maximum]
    words = info.split()
    if not words or not words[0][0].isalpha():
        return False
    if silent:
        return True
    end, closer = _closing_line(state, start_line, end_line, colons)
    kind = words[0] if words[0] in BLOCK_KINDS else UNKNOWN

    old_parent, old_line_max = state.parentType, state.lineMax
    state.parentType = "container"
    state.lineMax = end  # lazy continuation lines never run past the closing line
    token = state.push(f"container_{kind}_open", "div", 1)
    token.markup = src[start : start + colons]
    token.block = True
    token.info = info
    token.map = [start_line, end]
    token.meta = {"fence": Fence(words[0], colons, closer)}
    state.md.block.tokenize(state, start_line + 1, end)
    token = state.push(f"container_{kind}_close", "div", -1)
    token.markup = ":" * closer
    token.block = True
    state.parentType, state.lineMax = old_parent, old_line_max
    state.line = end + (1 if closer else 0)
    return True


def _closing_line(state: StateBlock, start_line: int, end_line: int, colons: int) -> tuple[int, int]:
    """The line that closes a block opened with ``colons`` colons, and its colons.

    ``(end, 0)`` when none does before the end of the parent (a list item, a block
    quote, an enclosing block) or of the file: the block ends there, unclosed.
    """
    src = state.src
    line = start_line + 1
    while line < end_line:
        start = state.bMarks[line] + state.tShift[line]
        maximum = state.eMarks[line]
        if start < maximum and state.sCount[line] < state.blkIndent:
            break  # a line indented less than the list item the block is in ends the item
        if not is_code_block(state, line):
            found = _colons(src, start, maximum)
            if found >= colons and not src[start + found : maximum].strip(" \t"):
                return line, found
        line += 1
    return line, 0


def parse_quote_header(info: str) -> tuple[str | None, str | None]:
    """``quote mark-rutte`` → ``("mark-rutte", None)`` or ``(None, error message)``."""
    words = info.split()
    if len(words) < 2:
        return None, "a quote needs a speaker: '::: quote <entity-id>'"
    if len(words) > 2:
        return None, f"unexpected text after the speaker in '::: {info.strip()}'"
    if not ID_RE.match(words[1]):
        return None, f"invalid entity id {words[1]!r} for the quote's speaker"
    return words[1], None


def parse_post_header(info: str) -> tuple[dict[str, str], list[tuple[str | None, str]]]:
    """``post author="A" lang=en …`` → attributes and every problem found.

    Each problem names the attribute it is about (``None`` for the block as a
    whole), so the caller can point at it in the source line.
    """
    problems: list[tuple[str | None, str]] = []
    try:
        words = shlex.split(info)[1:]
    except ValueError as exc:
        return {}, [(None, f"cannot read the post's attributes: {exc}")]
    attrs: dict[str, str] = {}
    for word in words:
        key, eq, value = word.partition("=")
        if not eq:
            problems.append((None, f"post attribute '{word}' needs a value: write {word}=\"...\""))
        elif key not in POST_KEYS:
            hint = suggest(key, POST_KEYS)
            problems.append((key, f"unknown post attribute '{key}'{hint} (known: {', '.join(POST_KEYS)})"))
        elif key in attrs:
            problems.append((key, f"post attribute '{key}' is given twice"))
        elif not value.strip():
            problems.append((key, f"post attribute '{key}' is empty"))
        else:
            attrs[key] = value.strip()
    for key in POST_REQUIRED:
        if key not in attrs:
            problems.append((None, f"a post needs '{key}=...'"))
    if "lang" in attrs and not LANG_RE.match(attrs["lang"]):
        problems.append(("lang", f"invalid language code {attrs['lang']!r} in post"))
    if "url" in attrs and not re.match(r"^https?://[^\s/]+", attrs["url"]):
        problems.append(("url", f"post url must be an absolute http(s) URL, found {attrs['url']!r}"))
    if "date" in attrs and not _is_iso(attrs["date"]):
        problems.append(("date", f"invalid post date {attrs['date']!r}: use ISO 8601, e.g. 2024-10-23"))
    return attrs, problems


def _is_iso(value: str) -> bool:
    try:
        (date.fromisoformat if len(value) == 10 else datetime.fromisoformat)(value)
    except ValueError:
        return False
    return True
