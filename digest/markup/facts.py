"""The facts rule: turns parsed tokens into mentions, quotes, posts and problems.

It runs last in the core chain. Inline rules only know offsets inside an inline
token's (stripped, de-indented) content; here those offsets become file lines and
columns: the inline token's ``map[0]``, plus the newlines before the offset, and
the column found by locating that source line's text in the original file line
(so mentions inside lists and block quotes are placed correctly).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..diagnostics import suggest
from ..model import Mention, Position, Post, Quote
from .blocks import BLOCK_KINDS, MIN_FENCE, Fence, parse_post_header, parse_quote_header, token_kind
from .mention import ZWJ

ENV_KEY = "digest.facts"
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'»”)]*(?=\s|$)")
_CONTEXT_LIMIT = 240
# Letters are counted on the UTF-8 bytes: every Arabic letter (U+0600–U+06FF,
# U+0750–U+077F) starts with a lead byte D8–DB or DD, every Latin letter is ASCII A–Z/a–z
# or starts with C3–C9 (U+00C0–U+024F). bytes.translate deletes them in one C pass.
_ARABIC_LEADS = bytes([0xD8, 0xD9, 0xDA, 0xDB, 0xDD])
_LATIN_BYTES = bytes([*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC3, 0xCA)])


@dataclass
class Facts:
    """What one parse found; filled by the facts rule, read once by ``parse_body``."""

    path: str
    first_line: int
    """File line (1-based) of the body's first line."""
    lines: list[str]
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    problems: list[tuple[int, int, str]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    names: Mapping[str, str] = field(default_factory=dict)
    """Entity names in the body's language, shown for ``[[id]]`` (and used in context)."""
    anchors: int = 0
    """Mentions numbered so far (their anchors are ``m1``, ``m2``, …)."""


def facts_from_env(env: MutableMapping[str, Any]) -> Facts:
    """The typed accessor for the facts in a parse's ``env``."""
    facts = env[ENV_KEY]
    assert isinstance(facts, Facts)
    return facts


def facts_rule(state: StateCore) -> None:
    facts = facts_from_env(state.env)
    blocks: list[_Open] = []  # the blocks open at the current token, outermost first
    for index, token in enumerate(state.tokens):
        kind = token_kind(token.type)
        if token.type == "inline":
            _inline(facts, token)
            if index and state.tokens[index - 1].type == "paragraph_open":
                _stray_closers(facts, token)
        elif kind is not None and kind[1] == 1:
            block = _open_block(facts, token, blocks)
            if kind[0] in _KIND_FACTS:
                _KIND_FACTS[kind[0]](facts, token, state.tokens, index)
            else:
                _unknown_kind(facts, token, block.fence)
            blocks.append(block)
        elif kind is not None and blocks:
            block = blocks.pop()
            token.meta = block.token.meta
            if not block.closed and not block.reported:
                at = _block_position(facts, block.token, block.fence.name)
                name, markup = block.fence.name, block.fence.markup
                facts.problems.append((*at, f"{name} block is not closed: add a '{markup}' line after it"))
    post_lang: list[str] = []
    for index, token in enumerate(state.tokens):
        if token.type in ("paragraph_open", "heading_open"):
            _mark_script(token, state.tokens[index + 1], post_lang[-1] if post_lang else None)
        elif token.type == "container_post_open":
            post = token.meta.get("post")
            post_lang.append(getattr(post, "lang", "") or "")
        elif token.type == "container_post_close" and post_lang:
            post_lang.pop()


def _position(facts: Facts, token: Token, offset: int) -> tuple[int, int]:
    """File line and column of ``offset`` inside an inline token's content."""
    if not token.map:
        return facts.first_line, 1
    content = token.content
    rel_line = content.count("\n", 0, offset)
    line_start = content.rfind("\n", 0, offset) + 1
    line_end = content.find("\n", offset)
    segment = content[line_start : line_end if line_end != -1 else len(content)]
    index = token.map[0] + rel_line
    original = facts.lines[index] if index < len(facts.lines) else ""
    found = original.find(segment) if segment else -1
    if found == -1 and "|" in segment:  # table cells are written with escaped pipes
        found = original.find(segment.replace("|", "\\|"))
        offset += segment.count("|", 0, offset - line_start)
    base = found if found != -1 else len(original) - len(original.lstrip())
    return facts.first_line + index, base + (offset - line_start) + 1


def _block_position(facts: Facts, token: Token, word: str) -> tuple[int, int]:
    line = token.map[0] if token.map else 0
    original = facts.lines[line] if line < len(facts.lines) else ""
    col = original.find(word)
    return facts.first_line + line, (col if col != -1 else 0) + 1


def _inline(facts: Facts, token: Token) -> None:
    plain: list[str] = []
    spans: list[tuple[Token, int, int]] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            plain.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            plain.append(" ")
        elif child.type == "mention":
            if child.meta["text"] is None:
                child.content = facts.names.get(child.meta["id"], "")
            start = sum(map(len, plain))
            plain.append(child.content)
            spans.append((child, start, start + len(child.content)))
        elif child.type == "mention_error":
            line, col = _position(facts, token, child.meta["pos"])
            facts.problems.append((line, col, child.meta["message"]))
    text = "".join(plain).replace(ZWJ, "")
    joined = "".join(plain)
    facts.text.append(text)
    script = dominant_script(text)
    last_end: dict[tuple[str, int], int] = {}
    """Where the last mention of an entity in a sentence (by its start) ended."""
    for child, start, end in spans:
        line, col = _position(facts, token, child.meta["pos"])
        facts.anchors += 1
        anchor = f"m{facts.anchors}"
        child.meta["anchor"] = anchor
        sentence_start, before, after = _sentence(joined, start, end)
        same = (child.meta["id"], sentence_start)
        follows = _between(joined[last_end[same] : start]) if same in last_end else None
        last_end[same] = end
        facts.mentions.append(
            Mention(
                entity_id=child.meta["id"],
                text=child.meta["text"],
                position=Position(facts.path, line, col),
                anchor=anchor,
                before=before,
                after=after,
                script=script,
                follows=follows,
            )
        )


def _sentence(text: str, start: int, end: int) -> tuple[int, str, str]:
    """Where the sentence around ``text[start:end]`` starts, and its parts before and after
    that span, trimmed to a readable length."""
    sentence_start = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = match.end()
    stop = _SENTENCE_END.search(text, end)
    sentence_end = stop.end() if stop else len(text)
    before = text[sentence_start:start].replace(ZWJ, "").lstrip()
    after = text[end:sentence_end].replace(ZWJ, "").rstrip()
    if len(before) > _CONTEXT_LIMIT:
        before = "…" + before[-_CONTEXT_LIMIT:].split(" ", 1)[-1]
    if len(after) > _CONTEXT_LIMIT:
        after = after[:_CONTEXT_LIMIT].rsplit(" ", 1)[0] + "…"
    return sentence_start, before, after


def _between(text: str) -> str:
    """The text between two mentions of one entity in a sentence, shortened by the rule of
    ``_sentence``: at most ``_CONTEXT_LIMIT`` characters after the first and before the second."""
    text = text.replace(ZWJ, "")
    if len(text) > 2 * _CONTEXT_LIMIT:
        head = text[:_CONTEXT_LIMIT].rsplit(" ", 1)[0]
        tail = text[-_CONTEXT_LIMIT:].split(" ", 1)[-1]
        return f"{head} … {tail}"
    return text


def _mark_script(block: Token, inline: Token, context_lang: str | None) -> None:
    """Record the dominant script of a paragraph or heading (shown text only, not URLs or ids)."""
    if inline.type != "inline":
        return
    shown = "".join(c.content for c in inline.children or () if c.type in ("text", "code_inline", "mention"))
    meta = dict(block.meta or {})
    if context_lang:
        meta["context_lang"] = context_lang
    script = dominant_script(shown)
    if script:
        meta["script"] = script
    block.meta = meta


def dominant_script(text: str) -> str | None:
    """``latin`` or ``arabic`` when one script clearly dominates the letters of ``text``."""
    data = text.encode("utf-8")
    arabic = len(data) - len(data.translate(None, _ARABIC_LEADS))
    latin = len(data) - len(data.translate(None, _LATIN_BYTES))
    if latin > 2 * arabic and latin >= 8:
        return "latin"
    if arabic > 2 * latin and arabic >= 8:
        return "arabic"
    return None


def _child_text(facts: Facts, child: Token) -> str:
    if child.type == "softbreak":
        return " "
    if child.type == "mention" and child.meta["text"] is None:
        return facts.names.get(child.meta["id"], "")
    return child.content


def _inner_text(facts: Facts, tokens: list[Token], index: int) -> str:
    """Plain text of the inline tokens inside the container opened at ``index``."""
    depth, parts = 0, []
    for token in tokens[index:]:
        depth += token.nesting if token.block else 0
        if token.type == "inline":
            parts.append("".join(_child_text(facts, c) for c in token.children or ()))
        if depth == 0:
            break
    return "\n\n".join(parts).replace(ZWJ, "")


@dataclass
class _Open:
    """A block being read: its opening token, its fence, and what is known of its end."""

    token: Token
    fence: Fence
    closed: bool
    reported: bool = False
    """Already reported as not closed before a block inside it (said once, not twice)."""


def _open_block(facts: Facts, token: Token, blocks: list[_Open]) -> _Open:
    """The block opened by ``token``; a block it shows to have been left open is reported.

    A block opened inside another with as many colons as that one, or more, means the
    other was never closed (blocks are put inside one another only by opening the
    outer one with more colons, as in markdown-it-container); the error is at the
    other's opening line. The parser has then ended the new block with the other one,
    at the other's closing line, which is the new block's own closing line when it
    has enough colons.
    """
    fence: Fence = token.meta["fence"]
    block = _Open(token, fence, closed=fence.closer > 0)
    if not blocks:
        return block
    outer = blocks[-1]
    if fence.colons >= outer.fence.colons:
        if not outer.reported:
            outer.reported = True
            line = _block_position(facts, token, fence.name)[0]
            markup = outer.fence.markup
            facts.problems.append(
                (
                    *_block_position(facts, outer.token, outer.fence.name),
                    f"{outer.fence.name} block is not closed before the {fence.name} block at line {line}: "
                    f"add a '{markup}' line before that one (to put a block inside another, "
                    f"open the outer one with more colons: '{markup}:')",
                )
            )
        inherited = token.map is not None and outer.token.map is not None and token.map[1] == outer.token.map[1]
        block.closed = block.closed or (inherited and outer.fence.closer >= fence.colons)
    return block


def _unknown_kind(facts: Facts, token: Token, fence: Fence) -> None:
    hint = suggest(fence.name, BLOCK_KINDS)
    facts.problems.append(
        (
            *_block_position(facts, token, fence.name),
            f"unknown block kind '{fence.name}'{hint} (known: {', '.join(BLOCK_KINDS)})",
        )
    )


def _stray_closers(facts: Facts, token: Token) -> None:
    """A line of only colons in a paragraph closes no block (it would show as text)."""
    offset = 0
    for text in token.content.split("\n"):
        bare = text.strip(" \t")
        if len(bare) >= MIN_FENCE and not bare.strip(":"):
            line, col = _position(facts, token, offset + text.index(bare))
            message = f"a '{bare}' line that closes no block: remove it or open a block before it"
            facts.problems.append((line, col, message))
        offset += len(text) + 1


def _quote(facts: Facts, token: Token, tokens: list[Token], index: int) -> None:
    line, col = _block_position(facts, token, "quote")
    speaker, problem = parse_quote_header(token.info)
    if problem or speaker is None:
        words = token.info.split()
        at = _block_position(facts, token, words[1])[1] if len(words) > 1 else col
        facts.problems.append((line, at, problem or "invalid quote"))
        token.meta["speaker"] = None
        return
    anchor = f"q{len(facts.quotes) + 1}"
    token.meta.update(speaker=speaker, anchor=anchor)
    facts.quotes.append(Quote(speaker, _inner_text(facts, tokens, index), Position(facts.path, line, col + 6), anchor))


def _post(facts: Facts, token: Token, tokens: list[Token], index: int) -> None:
    line, col = _block_position(facts, token, "post")
    attrs, problems = parse_post_header(token.info)
    header = facts.lines[line - facts.first_line] if line - facts.first_line < len(facts.lines) else ""
    for key, problem in problems:
        found = header.find(f"{key}=", col) if key else -1
        facts.problems.append((line, found + 1 if found != -1 else col, problem))
    token.meta["post"] = None
    if problems:
        return
    post = Post(
        author=attrs["author"],
        lang=attrs["lang"],
        handle=attrs.get("handle"),
        date=attrs.get("date"),
        url=attrs.get("url"),
        platform=attrs.get("platform"),
        text=_inner_text(facts, tokens, index),
        position=Position(facts.path, line, col),
    )
    token.meta["post"] = post
    facts.posts.append(post)


_KIND_FACTS = {"quote": _quote, "post": _post}
"""What each block kind adds to the facts, besides the structure every block is checked for."""
