"""``[[id|text]]`` and ``[[id]]``: entity mentions as a markdown-it inline rule.

The rule only recognises syntax. It pushes a ``mention`` token whose ``meta`` holds
the id, the shown text and the offset in the inline source; the facts rule turns
offsets into file positions. A malformed mention pushes a zero-width
``mention_error`` token instead of raising, so parsing never fails and every
problem is still reported with its position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Letters that join to the following letter (Unicode joining type D, plus tatweel
# and the Persian/Urdu additions used in Arabic text). A mention that starts
# right after one of these (``ل[[russia|روسيا]]``) needs zero-width joiners on
# both sides of the element boundary, or browsers may draw the lam unjoined.
# The renderer decides, since only it knows the shown name of ``[[id]]``.
_NON_JOINING_FORWARD = set("ءآأؤإاةدذرزوٱ")
ZWJ = "\u200d"


def joins_forward(char: str) -> bool:
    """True when ``char`` is an Arabic letter that connects to the letter after it."""
    return ("\u0626" <= char <= "\u064a" or char == "\u0640" or "\u066e" <= char <= "\u06d3") and (
        char not in _NON_JOINING_FORWARD
    )


def joins_backward(char: str) -> bool:
    """True when ``char`` is an Arabic letter that connects to the letter before it."""
    return char == "\u0640" or ("\u0622" <= char <= "\u064a") or ("\u066e" <= char <= "\u06d3")


def mention_plugin(md: MarkdownIt) -> None:
    """Register the ``mention`` inline rule before links (``[[`` must win over ``[``)."""
    md.inline.ruler.before("link", "mention", _mention_rule)
    md.add_render_rule("mention_error", lambda *args: "")
    md.add_render_rule("mention", _render_plain)


def _render_plain(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    # A bare parser shows the mention as its text; pages use bodyhtml's renderer.
    from markdown_it.common.utils import escapeHtml

    return escapeHtml(tokens[idx].content or tokens[idx].meta["id"])


def _mention_rule(state: StateInline, silent: bool) -> bool:
    src, start = state.src, state.pos
    if not src.startswith("[[", start):
        return False
    end = src.find("]]", start + 2)
    nested = src.find("[[", start + 2)
    if end == -1 or (nested != -1 and nested < end):
        if not silent:
            _error(state, start, "unclosed '[[': a mention is written [[id|text]] or [[id]]")
        return False
    inner = src[start + 2 : end]
    entity_id, bar, text = inner.partition("|")
    entity_id = entity_id.strip()
    if not ID_RE.match(entity_id):
        if not silent:
            _error(state, start, f"invalid entity id {entity_id!r} in mention: use lowercase a-z, 0-9 and '-'")
        return False
    if bar and not text.strip():
        if not silent:
            _error(state, start, f"empty text in mention of '{entity_id}': write [[{entity_id}]] to show its name")
        return False
    if not silent:
        shown = text.strip() if bar else None
        token = state.push("mention", "a", 0)
        token.meta = {"id": entity_id, "text": shown, "pos": start}
        token.content = shown or ""
    state.pos = end + 2
    return True


def _error(state: StateInline, pos: int, message: str) -> None:
    token = state.push("mention_error", "", 0)
    token.meta = {"pos": pos, "message": message}


def joiners(before: str, shown: str, after: str) -> tuple[bool, bool]:
    """Whether a mention showing ``shown`` needs zero-width joiners at its start and end.

    ``before`` and ``after`` are the texts right outside the mention.
    """
    start = bool(before and shown) and joins_forward(before[-1]) and joins_backward(shown[0])
    end = bool(after and shown) and joins_forward(shown[-1]) and joins_backward(after[0])
    return start, end
