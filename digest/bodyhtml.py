"""Article bodies → HTML for one page: mentions, quotes, posts, notes, code.

The parsed tokens are language-neutral and shared by every page that shows the
body; everything that depends on the page (entity names, links, interface
strings) comes from a ``BodyContext`` passed through markdown-it's ``env``, so
rendering never mutates tokens. Text is always escaped: raw HTML is off in the
parser and links were checked by markdown-it's ``validateLink``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from .i18n import direction, script_lang
from .markup import make_parser, parse_tokens
from .markup.mention import ZWJ, joiners
from .model import Article, Entity, Post

_ENV_KEY = "digest.render"
RECENT_BODIES = 128
_LATIN_START = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class BodyContext:
    """What rendering one body on one page needs to know."""

    body_lang: str
    entities: Mapping[str, Entity]
    entity_href: Callable[[str], str]
    strings: Mapping[str, str]
    """Interface strings of the page language (labels, type names)."""
    page_lang: str


def other_direction(text: str, lang: str) -> bool:
    """True when ``text`` starts in a script whose direction differs from ``lang``'s."""
    for char in text:
        if char.isalpha():
            is_rtl = "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufefc"
            return is_rtl != (direction(lang) == "rtl")
    return False


def bdi(text: str, lang: str) -> str:
    """Escape ``text``; isolate it in ``<bdi>`` when its direction is not ``lang``'s."""
    return f"<bdi>{escape(text)}</bdi>" if other_direction(text, lang) else escape(text)


def entity_title(entity: Entity, ctx: BodyContext) -> str:
    """Tooltip text: both names and the type, e.g. "Mark Rutte · مارك روته — person"."""
    return _title(entity.name.values, ctx.page_lang, ctx.strings.get(f"type_{entity.type}", entity.type))


@lru_cache(maxsize=1 << 14)
def _title(names: tuple[tuple[str, str], ...], page_lang: str, kind: str) -> str:
    """``entity_title`` from plain values, memoised: a body names the same few entities often."""
    shown: list[str] = []
    table = dict(names)
    for lang in (page_lang, *table):
        name = table.get(lang)
        if name and name not in shown:
            shown.append(name)
    return " · ".join(shown) + " — " + kind


class BodyRenderer:
    """A markdown-it renderer with the page-aware rules of this project."""

    def __init__(self) -> None:
        self._recent: dict[str, tuple[Any, ...]] = {}
        self.md: MarkdownIt = make_parser()
        self.md.options["highlight"] = _highlight
        for name, rule in {
            "mention": _mention,
            "container_quote_open": _quote_open,
            "container_quote_close": _quote_close,
            "container_post_open": _post_open,
            "container_post_close": _post_close,
            "paragraph_open": _block_open,
            "heading_open": _block_open,
            "footnote_block_open": _notes_open,
            "code_block": _code_block,
            "footnote_anchor": _note_backlink,
        }.items():
            self.md.add_render_rule(name, rule)

    def render(self, article: Article, ctx: BodyContext) -> str:
        tokens = article.body.tokens or self._tokens(article)
        return self.md.renderer.render(list(tokens), self.md.options, {_ENV_KEY: ctx})

    def _tokens(self, article: Article) -> tuple[Any, ...]:
        """Tokens of a body whose parse kept only facts (they were checked by the read stage).

        The last few are kept: an article's page and the feeds that carry it are
        usually rendered close together.
        """
        found = self._recent.get(article.digest)
        if found is None:
            body = article.body
            found = parse_tokens(self.md, body.source, article.position.path, body.first_line)
            self._recent[article.digest] = found
            if len(self._recent) > RECENT_BODIES:
                del self._recent[next(iter(self._recent))]
        return found


def _ctx(env: dict[str, Any]) -> BodyContext:
    ctx = env[_ENV_KEY]
    assert isinstance(ctx, BodyContext)
    return ctx


def _inside_link(tokens: list[Token], idx: int) -> bool:
    depth = 0
    for token in tokens[:idx]:
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
    return depth > 0


def _mention(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    ctx = _ctx(env)
    meta = tokens[idx].meta
    entity = ctx.entities.get(meta["id"])
    if entity is None:  # reported by the index; a build with errors is never written
        return escape(meta["text"] or meta["id"])
    shown = meta["text"] or entity.name.pick(ctx.body_lang)[0]
    before = tokens[idx - 1].content if idx > 0 and tokens[idx - 1].type == "text" else ""
    after = tokens[idx + 1].content if idx + 1 < len(tokens) and tokens[idx + 1].type == "text" else ""
    join_start, join_end = joiners(before, shown, after)
    inner = (ZWJ if join_start else "") + escape(shown) + (ZWJ if join_end else "")
    if other_direction(shown, ctx.body_lang):
        inner = f"<bdi>{inner}</bdi>"
    outer_start, outer_end = (ZWJ if join_start else ""), (ZWJ if join_end else "")
    attrs = (
        f'class="mention" data-type="{entity.type}" data-entity="{escape(entity.id)}" '
        f'id="{meta.get("anchor", "")}" title="{escape(entity_title(entity, ctx))}"'
    )
    if _inside_link(tokens, idx):
        return f"{outer_start}<span {attrs}>{inner}</span>{outer_end}"
    return f'{outer_start}<a {attrs} href="{escape(ctx.entity_href(entity.id))}">{inner}</a>{outer_end}'


def _quote_open(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    anchor = tokens[idx].meta.get("anchor")
    return f'<figure class="quote"{f" id={anchor!r}" if anchor else ""}>\n<blockquote>\n'.replace("'", '"')


def _quote_close(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    ctx = _ctx(env)
    speaker = tokens[idx].meta.get("speaker")
    entity = ctx.entities.get(speaker) if speaker else None
    caption = ""
    if entity is not None:
        name = entity.name.pick(ctx.body_lang)[0]
        caption = (
            f'<figcaption>— <a class="mention" data-type="{entity.type}" data-entity="{escape(entity.id)}" '
            f'href="{escape(ctx.entity_href(entity.id))}">{bdi(name, ctx.body_lang)}</a></figcaption>\n'
        )
    return f"</blockquote>\n{caption}</figure>\n"


def _post_open(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    ctx = _ctx(env)
    post = tokens[idx].meta.get("post")
    if not isinstance(post, Post):
        return '<figure class="post">\n<blockquote>\n'
    label = ctx.strings.get("post_label", "Post")
    who = f'<span class="post__author">{escape(post.author)}</span>'
    if post.handle:
        who += f' <span class="post__handle" dir="ltr">{escape(post.handle)}</span>'
    when = f' · <time datetime="{escape(post.date)}">{escape(post.date)}</time>' if post.date else ""
    link = ""
    if post.url:
        link = (
            f' · <a class="post__link" href="{escape(post.url)}" rel="nofollow noopener noreferrer">'
            f"{escape(ctx.strings.get('post_link', 'link'))}</a>"
        )
    page_dir = direction(ctx.page_lang)
    return (
        f'<figure class="post" aria-label="{escape(label)}">\n'
        f'<figcaption class="post__meta" lang="{ctx.page_lang}" dir="{page_dir}">{who}{when}{link}</figcaption>\n'
        f'<blockquote class="post__text" lang="{escape(post.lang)}" dir="{direction(post.lang)}">\n'
    )


def _post_close(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    return "</blockquote>\n</figure>\n"


def _block_open(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    """Paragraphs and headings written in another script get their own lang and dir."""
    token = tokens[idx]
    if token.hidden:  # paragraphs of tight lists have no tags
        return ""
    meta = token.meta or {}
    context = meta.get("context_lang") or _ctx(env).body_lang
    if meta.get("script"):
        lang = script_lang(meta["script"])
        if direction(lang) != direction(context):
            return f'<{token.tag} lang="{lang}" dir="{direction(lang)}">'
    return f"<{token.tag}>"


def _note_backlink(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    """The return link of a note, labelled for screen readers (the arrow alone says nothing)."""
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    if tokens[idx].meta["subId"] > 0:
        ident += f":{tokens[idx].meta['subId']}"
    label = escape(_ctx(env).strings.get("back_to_text", "Back to text"))
    return f' <a href="#fnref{ident}" class="footnote-backref" aria-label="{label}">\u21a9\ufe0e</a>'


def _code_block(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    return f'<pre class="highlight" dir="ltr"><code>{escape(tokens[idx].content)}</code></pre>\n'


def _notes_open(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    ctx = _ctx(env)
    title = escape(ctx.strings.get("notes", "Notes"))
    return (
        '<section class="footnotes" aria-labelledby="notes-title">\n'
        f'<h2 id="notes-title">{title}</h2>\n<ol class="footnotes-list">\n'
    )


def _highlight(code: str, lang: str, _attrs: str) -> str:
    """Pygments-highlighted code in a left-to-right block (code reads LTR even on Arabic pages)."""
    try:
        lexer = get_lexer_by_name(lang) if lang else None
    except ClassNotFound:
        lexer = None
    body = highlight(code, lexer, HtmlFormatter(nowrap=True)) if lexer else escape(code)
    css_lang = f' class="language-{escape(lang)}"' if lang else ""
    return f'<pre class="highlight" dir="ltr"><code{css_lang}>{body}</code></pre>'


def pygments_css() -> str:
    """Stylesheet for highlighted code, light and dark, generated (not hand-copied)."""
    light = HtmlFormatter(style="default").get_style_defs(".highlight")
    dark = HtmlFormatter(style="monokai").get_style_defs(".highlight")
    return f"{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
