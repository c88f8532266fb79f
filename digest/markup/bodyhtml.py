"""Article bodies → HTML for one page: mentions, quotes, posts, notes, code.

A body is turned into HTML once, when it is read (``BodyRenderer.prepare``): the
parts that depend on the page (entity names and links, interface strings) are left
as NUL placeholders, each described by a slot tuple. Drawing the body on a page
(``BodyRenderer.render``) fills the slots from a ``BodyContext`` — a string join,
not a second Markdown parse. The prepared body is what the build cache stores, so
an unchanged article is never parsed again. Text is always escaped: raw HTML is off
in the parser and links were checked by markdown-it's ``validateLink``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from ..i18n import date_text, datetime_text, direction, script_lang
from ..model import Article, Body, Entity, Post
from ..text.typeset import fits_whole, keep_words
from . import make_parser
from .mention import ZWJ, joiners

_ENV_KEY = "digest.slots"
_LANG_KEY = "digest.lang"
SLOT = "\x00"
"""Placeholder of a page-dependent part in a prepared body (markdown-it's normalisation
replaces every NUL of the source with U+FFFD, so no other NUL reaches the HTML)."""


@dataclass(frozen=True)
class BodyContext:
    """What rendering one body on one page needs to know."""

    body_lang: str
    entities: Mapping[str, Entity]
    entity_href: Callable[[str], str]
    strings: Mapping[str, str]
    """Interface strings of the page language (labels, type names)."""
    page_lang: str
    digits: str = "latn"
    """The numbering system of the page's dates (a post's date is written like the page's)."""


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
    """A markdown-it parser and renderer with the rules of this project."""

    def __init__(self) -> None:
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

    def prepare(self, body: Body, lang: str) -> Body:
        """``body`` (written in ``lang``) with its HTML made from its tokens, and the tokens dropped."""
        slots: list[tuple[Any, ...]] = []
        html = self.md.renderer.render(list(body.tokens), self.md.options, {_ENV_KEY: slots, _LANG_KEY: lang})
        assert html.count(SLOT) == len(slots), "a NUL reached the HTML outside a slot"
        return replace(body, tokens=(), html=html, slots=tuple(slots))

    def render(self, article: Article, ctx: BodyContext) -> str:
        """The article's body as HTML for the page described by ``ctx``."""
        body = article.body
        if not body.slots:
            return body.html
        parts = body.html.split(SLOT)
        out = [parts[0]]
        for slot, part in zip(body.slots, parts[1:], strict=True):
            out.append(_FILL[slot[0]](slot, ctx))
            out.append(part)
        return "".join(out)


def _slot(env: MutableMapping[str, Any], *slot: Any) -> str:
    """Record a page-dependent part; its placeholder goes into the HTML."""
    slots = env[_ENV_KEY]
    assert isinstance(slots, list)
    slots.append(slot)
    return SLOT


def _inside_link(tokens: Sequence[Token], idx: int) -> bool:
    depth = 0
    for token in tokens[:idx]:
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
    return depth > 0


def _mention(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    meta = tokens[idx].meta
    before = tokens[idx - 1].content[-1:] if idx > 0 and tokens[idx - 1].type == "text" else ""
    after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) and tokens[idx + 1].type == "text" else ""
    return _slot(env, "m", meta["id"], meta["text"], before, after, meta.get("anchor", ""), _inside_link(tokens, idx))


def _fill_mention(slot: tuple[Any, ...], ctx: BodyContext) -> str:
    _kind, entity_id, text, before, after, anchor, in_link = slot
    entity = ctx.entities.get(entity_id)
    if entity is None:  # reported by the index; a build with errors is never written
        return escape(text or entity_id)
    shown = text or entity.name.pick(ctx.body_lang)[0]
    join_start, join_end = joiners(before, shown, after)
    # The stylesheet keeps a mention on one line; one too long for a phone's line may
    # wrap between its words (``mention--long``), never inside a hyphenated one.
    whole = fits_whole(shown)
    inner = (ZWJ if join_start else "") + (escape(shown) if whole else keep_words(shown)) + (ZWJ if join_end else "")
    if other_direction(shown, ctx.body_lang):
        inner = f"<bdi>{inner}</bdi>"
    outer_start, outer_end = (ZWJ if join_start else ""), (ZWJ if join_end else "")
    attrs = (
        f'class="mention{"" if whole else " mention--long"}" data-type="{entity.type}" '
        f'data-entity="{escape(entity.id)}" '
        f'id="{anchor}" title="{escape(entity_title(entity, ctx))}"'
    )
    if in_link:
        return f"{outer_start}<span {attrs}>{inner}</span>{outer_end}"
    return f'{outer_start}<a {attrs} href="{escape(ctx.entity_href(entity.id))}">{inner}</a>{outer_end}'


def _quote_open(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    anchor = tokens[idx].meta.get("anchor")
    return f'<figure class="quote"{f" id={anchor!r}" if anchor else ""}>\n<blockquote>\n'.replace("'", '"')


def _quote_close(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return "</blockquote>\n" + _slot(env, "q", tokens[idx].meta.get("speaker")) + "</figure>\n"


def _fill_caption(slot: tuple[Any, ...], ctx: BodyContext) -> str:
    speaker = slot[1]
    entity = ctx.entities.get(speaker) if speaker else None
    if entity is None:
        return ""
    name = entity.name.pick(ctx.body_lang)[0]
    return (
        f'<figcaption>— <a class="mention" data-type="{entity.type}" data-entity="{escape(entity.id)}" '
        f'href="{escape(ctx.entity_href(entity.id))}">{bdi(name, ctx.body_lang)}</a></figcaption>\n'
    )


def _post_open(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    post = tokens[idx].meta.get("post")
    if not isinstance(post, Post):
        return '<figure class="post">\n<blockquote>\n'
    return _slot(env, "p", post)


def _fill_post(slot: tuple[Any, ...], ctx: BodyContext) -> str:
    post: Post = slot[1]
    label = ctx.strings.get("post_label", "Post")
    if post.handle and post.author == post.handle:  # only the account is known: written once
        who = f'<span class="post__handle" dir="ltr">{escape(post.handle)}</span>'
    else:
        who = f'<span class="post__author">{escape(post.author)}</span>'
        if post.handle:
            who += f' <span class="post__handle" dir="ltr">{escape(post.handle)}</span>'
    when = f' · <time datetime="{escape(post.date)}">{escape(post_date(post.date, ctx))}</time>' if post.date else ""
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


def post_date(value: str, ctx: BodyContext) -> str:
    """A post's ISO date or date-time as the page writes its dates (language and digits).

    A date-time with a zone shows its time and zone as the article's own date does;
    one without a zone names no instant, so only its day is shown (the ``datetime``
    attribute keeps the whole value).
    """
    if len(value) == 10:
        return date_text(date.fromisoformat(value), ctx.page_lang, ctx.digits)
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        return date_text(moment, ctx.page_lang, ctx.digits)
    return datetime_text(moment, ctx.page_lang, digits=ctx.digits)


def _post_close(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return "</blockquote>\n</figure>\n"


def _block_open(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """Paragraphs and headings written in another script get their own lang and dir."""
    token = tokens[idx]
    if token.hidden:  # paragraphs of tight lists have no tags
        return ""
    meta = token.meta or {}
    context = meta.get("context_lang") or env[_LANG_KEY]
    if meta.get("script"):
        lang = script_lang(meta["script"])
        if direction(lang) != direction(context):
            return f'<{token.tag} lang="{lang}" dir="{direction(lang)}">'
    return f"<{token.tag}>"


def _note_backlink(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """The return link of a note, labelled for screen readers (the arrow alone says nothing)."""
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    if tokens[idx].meta["subId"] > 0:
        ident += f":{tokens[idx].meta['subId']}"
    return _slot(env, "b", ident)


def _fill_backlink(slot: tuple[Any, ...], ctx: BodyContext) -> str:
    label = escape(ctx.strings.get("back_to_text", "Back to text"))
    return f' <a href="#fnref{slot[1]}" class="footnote-backref" aria-label="{label}">\u21a9\ufe0e</a>'


def _code_block(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return f'<pre class="highlight" dir="ltr"><code>{escape(tokens[idx].content)}</code></pre>\n'


def _notes_open(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return _slot(env, "n")


def _fill_notes(slot: tuple[Any, ...], ctx: BodyContext) -> str:
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


_FILL: dict[str, Callable[[tuple[Any, ...], BodyContext], str]] = {
    "m": _fill_mention,
    "q": _fill_caption,
    "p": _fill_post,
    "n": _fill_notes,
    "b": _fill_backlink,
}


def pygments_css() -> str:
    """Stylesheet for highlighted code, light and dark, generated (not hand-copied)."""
    light = HtmlFormatter(style="default").get_style_defs(".highlight")
    dark = HtmlFormatter(style="monokai").get_style_defs(".highlight")
    return f"{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
