"""Markdown for article bodies: CommonMark, raw HTML off, footnotes, mentions, quotes, posts.

``make_parser`` builds the one configured ``MarkdownIt``; ``parse_body`` parses a
body once into a language-neutral ``Body`` (tokens plus facts). Turning the tokens
into HTML for a page language is ``bodyhtml``'s job.
"""

from __future__ import annotations

from collections.abc import Mapping

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from ..diagnostics import Diagnostics
from ..model import Body
from ..text.invisibles import prose_problems
from .blocks import blocks_plugin
from .facts import ENV_KEY, Facts, facts_rule
from .mention import mention_plugin


def make_parser() -> MarkdownIt:
    """CommonMark without raw HTML (content must not inject markup), plus our extensions."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.enable("strikethrough")
    md.use(footnote_plugin, inline=False)
    md.use(mention_plugin)
    md.use(blocks_plugin)
    md.core.ruler.push("digest_facts", facts_rule)
    return md


def parse_body(
    md: MarkdownIt,
    text: str,
    path: str,
    first_line: int,
    diags: Diagnostics,
    names: Mapping[str, str] | None = None,
) -> Body:
    """Parse ``text`` (a body starting at file line ``first_line``) into a ``Body``.

    ``names`` maps entity ids to their names in the body's language, for ``[[id]]``.
    """
    facts = Facts(path=path, first_line=first_line, lines=text.split("\n"), names=names or {})
    env = {ENV_KEY: facts}
    tokens = md.parse(text, env)
    for line, col, message in facts.problems:
        diags.error(path, line, col, message)
    for problem in prose_problems(text):
        line_start = text.rfind("\n", 0, problem.index) + 1
        line = first_line + text.count("\n", 0, problem.index)
        diags.error(path, line, problem.index - line_start + 1, problem.message)
    return Body(
        mentions=tuple(facts.mentions),
        quotes=tuple(facts.quotes),
        posts=tuple(facts.posts),
        text="\n\n".join(t for t in facts.text if t),
        tokens=tuple(tokens),
    )
