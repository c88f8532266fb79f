"""``::: quote <speaker>`` and ``::: post key="value" …`` container blocks.

Both use mdit-py-plugins' container plugin for the block structure; the header
line is parsed here into checked attributes, with errors returned (not raised)
so the facts rule can place them.
"""

from __future__ import annotations

import re
import shlex
from datetime import date, datetime

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin

from ..diagnostics import suggest
from .mention import ID_RE

LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
POST_KEYS = ("author", "lang", "handle", "date", "url", "platform")
POST_REQUIRED = ("author", "lang")


def blocks_plugin(md: MarkdownIt) -> None:
    """Register the ``quote`` and ``post`` containers (rendered by the page renderer)."""
    for name in ("quote", "post"):
        container_plugin(md, name, render=_render_placeholder)


def _render_placeholder(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    # Replaced by bodyhtml's renderer; kept so a bare parser still renders something.
    return "<div>" if tokens[idx].nesting == 1 else "</div>"


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
